// Package numbers finds the numbers a text states and normalises them to base
// values, so that a translation can be checked against its original and a
// data table against the text it was taken from.
//
// Chinese-style text (lang.StyleCJK) writes 25764萬元, 95.82億元, 39.2%,
// 400多萬元, 22萬余平方米, 1-11月 and full-width digits; English-style text
// (lang.StyleWestern) writes CNY 257.64 million, 9.582 billion, 39.2 percent,
// 5th, fifth, two, November. All of these become plain values: 257640000,
// 9582000000, 39.2, 4000000, 220000, 1 and 11, 5, 2, 11.
//
// Signs are ignored: "down 5%" and "-5%" both state 5, since a text more often
// writes a fall in words than with a minus sign. Digits that belong to a name
// (T3, 4S, 5G, COVID-19) are not numbers, nor are superscripts (m²).
//
// Chinese numeral words (十九屆, 三個) are too ambiguous to require in a
// translation (一 is also "a", "one by one", "once"), so Extract leaves them
// out; Numerals reads them for a caller that only needs evidence that a
// number is there.
package numbers

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportsite/internal/lang"
)

// Kind tells how a value was written.
type Kind int

const (
	// Digits is a number written with digits: 3,714, 25764萬, 257.64 million, 5th.
	Digits Kind = iota
	// Percent is a number with a percent sign or the word percent.
	Percent
	// Word is a number written in English words: two, fifth, twenty-one,
	// March. A Chinese original usually writes these as numerals.
	Word
	// Numeral is a Chinese numeral word (十九, 兩, 三), from Numerals.
	Numeral
	// Period is a number that names a time rather than counting: a year
	// (2023年, 2019-2023), a month (11月), a quarter (Q3, 第3季, third
	// quarter). Its V is the year, month or quarter.
	Period
)

// Value is one number found in a text.
type Value struct {
	V      float64 // the value in base units, never negative
	Kind   Kind
	Text   string // the number as written, with its scale and percent sign: "25764萬", "257.64 million", "39.2%"
	Offset int    // byte offset of Text in the text
}

// End returns the byte offset just after the value's text, where a unit word
// (元, 人, people) would follow.
func (v Value) End() int { return v.Offset + len(v.Text) }

// Equal reports whether a and b are the same number, allowing for the
// rounding of decimal scaling (257.64 × 10⁶).
func Equal(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// Contains reports whether one of vs has the value x.
func Contains(vs []Value, x float64) bool {
	for _, v := range vs {
		if Equal(v.V, x) {
			return true
		}
	}
	return false
}

// Extract returns the numbers text states, in order. style is "cjk" for
// Chinese or Japanese notation (萬, 億) and anything else for Western notation
// (thousand, million, billion, and numbers written in words).
func Extract(text, style string) []Value {
	sc := scanner{s: text, cjk: style == lang.StyleCJK}
	return markPeriods(text, sc.run(), sc.cjk)
}

// markPeriods gives the Period kind to the values that name a year, month
// or quarter, and to the first value of a range whose second one does
// (2019-2023年, 1-11月).
func markPeriods(s string, vs []Value, cjk bool) []Value {
	for i := len(vs) - 1; i >= 0; i-- {
		v := &vs[i]
		if v.Kind != Digits && v.Kind != Word && v.Kind != Period {
			continue
		}
		if v.Kind != Period && isPeriod(s, *v, cjk) {
			v.Kind = Period
		}
		if v.Kind == Period && i > 0 && vs[i-1].Kind == Digits && rangeBetween(s[vs[i-1].End():v.Offset]) {
			vs[i-1].Kind = Period
		}
	}
	return vs
}

// isPeriod reports whether v names a time: digits followed by 年, 月 or 季
// (after 第), a four-digit year in Western text, an ordinal followed by
// "quarter".
func isPeriod(s string, v Value, cjk bool) bool {
	whole := v.V == math.Trunc(v.V)
	rest := s[v.End():]
	if v.Kind == Word {
		_, ord := ordinals[strings.ToLower(v.Text)]
		return ord && v.V >= 1 && v.V <= 4 && strings.HasPrefix(strings.ToLower(strings.TrimLeft(rest, " -")), "quarter")
	}
	if !whole {
		return false
	}
	switch {
	case strings.HasPrefix(rest, "年") && v.V >= 1000 && v.V <= 2999:
		return true
	case strings.HasPrefix(rest, "月") && v.V >= 1 && v.V <= 12:
		return true
	case strings.HasPrefix(rest, "季") && strings.HasSuffix(s[:v.Offset], "第") && v.V >= 1 && v.V <= 4:
		return true
	case !cjk && len(v.Text) == 4 && v.V >= 1900 && v.V <= 2100:
		return true
	case !cjk && v.V >= 1 && v.V <= 4 && strings.HasPrefix(strings.ToLower(strings.TrimLeft(rest, " -")), "quarter"):
		return true // 3rd quarter
	}
	return false
}

// rangeBetween reports whether sep joins the two ends of a range: 1-11月,
// 2019–2023, 2019至2023年.
func rangeBetween(sep string) bool {
	switch strings.TrimSpace(sep) {
	case "-", "–", "—", "~", "～", "至", "到", "to":
		return true
	}
	return false
}

type scanner struct {
	s   string
	cjk bool
	out []Value
}

func (sc *scanner) run() []Value {
	s := sc.s
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case digit(r) >= 0:
			i = sc.number(i)
		case !sc.cjk && isLetter(r) && !isLetter(sc.before(i)):
			i = sc.words(i)
		default:
			i += n
		}
	}
	return sc.out
}

// before returns the rune before offset i, or 0.
func (sc *scanner) before(i int) rune {
	if i == 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(sc.s[:i])
	return r
}

// skipName returns the offset after the run of letters, digits, hyphens and
// underscores at i: a name such as T3, 4S or COVID-19.
func (sc *scanner) skipName(i int) int {
	for i < len(sc.s) {
		r, n := utf8.DecodeRuneInString(sc.s[i:])
		if r == '.' && i+1 < len(sc.s) && digit(rune(sc.s[i+1])) >= 0 {
			n = 1 // the decimal part of a name: PM2.5
		} else if !isLetter(r) && digit(r) < 0 && r != '-' && r != '_' {
			break
		}
		i += n
	}
	return i
}

// quarter reads a quarter written Q1 to Q4 (Q3, 2023Q3, Q3/2023) whose
// digit is at start.
func (sc *scanner) quarter(start int) (int, bool) {
	if start == 0 || sc.s[start-1] != 'Q' || isLetter(sc.before(start-1)) {
		return 0, false
	}
	d := sc.s[start]
	if d < '1' || d > '4' {
		return 0, false
	}
	if next := runeAt(sc.s, start+1); isLetter(next) || digit(next) >= 0 || next == '.' && digit(runeAt(sc.s, start+2)) >= 0 {
		return 0, false
	}
	sc.out = append(sc.out, Value{V: float64(d - '0'), Kind: Period, Text: sc.s[start-1 : start+1], Offset: start - 1})
	return start + 1, true
}

// currencyCode reports whether the letters before offset i are an ISO 4217
// code written against the number, as in MOP379.5 billion or HKD12,000:
// exactly three capital letters after a non-letter.
func (sc *scanner) currencyCode(i int) bool {
	if i < 3 {
		return false
	}
	for _, c := range []byte(sc.s[i-3 : i]) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return !isLetter(sc.before(i - 3))
}

// number reads the number whose first digit is at start and returns the
// offset after it.
func (sc *scanner) number(start int) int {
	s := sc.s
	// A digit right after a letter, or after a hyphen after a letter, is part
	// of a name (T3, COVID-19).
	if end, ok := sc.quarter(start); ok {
		return end
	}
	if p := sc.before(start); (isLetter(p) && !sc.currencyCode(start)) || (p == '-' || p == '_') && isLetter(sc.before(start-1)) {
		return sc.skipName(start)
	}
	var mant strings.Builder
	i := start
	i = readDigits(s, i, &mant)
	// Thousands separators: a comma followed by exactly three digits.
	for i < len(s) && s[i] == ',' && groupOf3(s, i+1) {
		i = readDigits(s, i+1, &mant)
	}
	if j, ok := decimalPoint(s, i); ok && j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); digit(r) >= 0 {
			mant.WriteByte('.')
			i = readDigits(s, j, &mant)
		}
	}
	// A capital letter right after the digits makes a name: 4S, 5G, 3D.
	if r, _ := utf8.DecodeRuneInString(s[i:]); r >= 'A' && r <= 'Z' {
		return sc.skipName(start)
	}
	exp, kind := 0, Digits
	end := i
	if sc.cjk {
		end, exp, kind = sc.cjkSuffix(i)
	} else {
		end, exp, kind = sc.westernSuffix(i)
	}
	v, err := strconv.ParseFloat(mant.String()+"e"+strconv.Itoa(exp), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return end
	}
	sc.out = append(sc.out, Value{V: v, Kind: kind, Text: s[start:end], Offset: start})
	return end
}

// cjkSuffix reads what follows a number in Chinese notation: qualifiers
// (多, 余), scale characters (萬, 億) and a percent sign.
func (sc *scanner) cjkSuffix(i int) (end, exp int, kind Kind) {
	s := sc.s
	end, kind = i, Digits
	i = skipRunes(s, i, isQualifier)
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		e := cjkScale(r)
		if e == 0 {
			break
		}
		exp += e
		i += n
		end = i
	}
	i = skipRunes(s, i, isQualifier)
	if r, n := utf8.DecodeRuneInString(s[i:]); r == '%' || r == '％' {
		return i + n, exp, Percent
	}
	return max(end, i), exp, kind
}

// westernSuffix reads what follows a number in Western notation: an
// ordinal suffix, a scale word and a percent sign or word.
func (sc *scanner) westernSuffix(i int) (end, exp int, kind Kind) {
	s := sc.s
	if w := letters(s, i); w != "" {
		switch strings.ToLower(w) {
		case "st", "nd", "rd", "th":
			return i + len(w), 0, Digits
		case "bn":
			exp, i = 9, i+len(w)
		}
		if exp == 0 {
			// Digits run into a word: a unit such as 5km stays a number.
			return i, 0, Digits
		}
	}
	end, kind = i, Digits
	if exp == 0 {
		if j := skipSpace(s, i); j > i {
			if e, ok := scaleWords[strings.ToLower(letters(s, j))]; ok {
				exp = e
				end = j + len(letters(s, j))
			}
		}
	}
	j := skipSpace(s, end)
	if j < len(s) && s[j] == '%' {
		return j + 1, exp, Percent
	}
	if w := strings.ToLower(letters(s, j)); j > end && w == "percent" {
		return j + len(w), exp, Percent
	}
	if j > end && strings.ToLower(letters(s, j)) == "per" {
		k := skipSpace(s, j+3)
		if k > j+3 && strings.ToLower(letters(s, k)) == "cent" {
			return k + 4, exp, Percent
		}
	}
	return end, exp, kind
}

var scaleWords = map[string]int{"thousand": 3, "million": 6, "billion": 9, "trillion": 12}

// words reads a number written in words at i (two, twenty-one, fifth,
// March) and returns the offset after the word or words.
func (sc *scanner) words(i int) int {
	s := sc.s
	w := letters(s, i)
	if m, ok := months[w]; ok && !isLetter(runeAt(s, i+len(w))) {
		sc.out = append(sc.out, Value{V: float64(m), Kind: Word, Text: w, Offset: i})
		return i + len(w)
	}
	v, end := wordNumber(s, i)
	if end == i {
		return i + len(w)
	}
	sc.out = append(sc.out, Value{V: v, Kind: Word, Text: s[i:end], Offset: i})
	return end
}

// wordNumber reads a cardinal or ordinal in words: "two", "twenty-one",
// "three hundred", "two million", "fifth", "twenty-first". It returns end == i
// when there is none.
func wordNumber(s string, i int) (v float64, end int) {
	var total, cur float64
	end = i
	j := i
	last := "" // kind of the last word: "unit", "teen", "tens", "hundred", "scale"
	for {
		w := strings.ToLower(letters(s, j))
		if w == "" || isLetter(runeAt(s, j+len(w))) || digit(runeAt(s, j+len(w))) >= 0 {
			break
		}
		n, isCard := cardinals[w]
		o, isOrd := ordinals[w]
		switch {
		case isOrd && (last == "" || last == "tens" && o < 10 || last == "hundred" || last == "scale"):
			return total + cur + float64(o), j + len(w)
		case isCard && n < 10 && (last == "" || last == "tens" || last == "hundred" || last == "scale"):
			cur += float64(n)
			last = "unit"
		case isCard && n < 20 && (last == "" || last == "hundred" || last == "scale"):
			cur += float64(n)
			last = "teen"
		case isCard && (last == "" || last == "hundred" || last == "scale"):
			cur += float64(n)
			last = "tens"
		case w == "hundred" && last != "hundred" && last != "scale" && cur < 100:
			cur = math.Max(cur, 1) * 100
			last = "hundred"
		case w == "hundredth" && cur < 100:
			return total + math.Max(cur, 1)*100, j + len(w)
		case scaleWords[w] > 0 && last != "scale" && (last != "" || w == "thousand"):
			total += math.Max(cur, 1) * math.Pow10(scaleWords[w])
			cur = 0
			last = "scale"
		default:
			w = ""
		}
		if w == "" {
			break
		}
		end = j + len(w)
		// Words of one number are joined by a space or a hyphen, and "and"
		// after hundred: "one hundred and five".
		k := end
		if k < len(s) && (s[k] == ' ' || s[k] == '-') {
			k++
		}
		if last == "hundred" && strings.ToLower(letters(s, k)) == "and" {
			if k2 := k + 3; k2 < len(s) && s[k2] == ' ' {
				k = k2 + 1
			}
		}
		if k == end {
			break
		}
		j = k
	}
	if end == i {
		return 0, i
	}
	return total + cur, end
}

var cardinals = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
	"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
}

// months are matched with their capital only: "may" is a verb.
var months = map[string]int{
	"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
	"July": 7, "August": 8, "September": 9, "October": 10, "November": 11,
	"December": 12,
}

// Numerals returns the Chinese numeral words of text (十九, 兩, 三百, 二〇二一)
// with Kind Numeral. A run such as 十四五 may mean several numbers (the 14th
// five-year plan), so every part of a run that reads as a number is returned:
// 十, 四, 五, 十四. Use them as evidence that a number is stated, never as
// numbers a translation must state.
func Numerals(text string) []Value {
	var out []Value
	type ch struct {
		r   rune
		off int
	}
	var run []ch
	flush := func(end int) {
		for a := range run {
			for b := a + 1; b <= len(run) && b-a <= maxNumeral; b++ {
				var rs []rune
				for _, c := range run[a:b] {
					rs = append(rs, c.r)
				}
				stop := end
				if b < len(run) {
					stop = run[b].off
				}
				if v, ok := numeral(rs); ok {
					out = append(out, Value{V: v, Kind: Numeral, Text: text[run[a].off:stop], Offset: run[a].off})
				}
			}
		}
		run = run[:0]
	}
	for i, r := range text {
		if _, ok := numeralValue(r); ok {
			run = append(run, ch{r, i})
			continue
		}
		if len(run) > 0 {
			flush(i)
		}
	}
	flush(len(text))
	return out
}

// maxNumeral bounds the length of a numeral read from a run, so that a long
// run costs little.
const maxNumeral = 12

// numeral reads rs as one Chinese numeral.
func numeral(rs []rune) (float64, bool) {
	allDigits, zero := true, false
	for _, r := range rs {
		d, _ := numeralValue(r)
		allDigits = allDigits && d < 10
		zero = zero || r == '〇'
	}
	if allDigits && (len(rs) > 2 || zero && len(rs) > 1) {
		// 二〇二一: a year written digit by digit.
		v := 0.0
		for _, r := range rs {
			d, _ := numeralValue(r)
			v = v*10 + float64(d)
		}
		return v, true
	}
	var total, section, num float64
	hasNum := false
	for _, r := range rs {
		d, _ := numeralValue(r)
		switch {
		case d < 10:
			if hasNum && d != 0 {
				return 0, false // 二三 is not one number
			}
			num, hasNum = float64(d), d != 0
		case d < 1e4:
			if !hasNum {
				num = 1
			}
			section += num * float64(d)
			num, hasNum = 0, false
		default:
			n := section + num
			if n == 0 {
				n = 1
			}
			if d == 1e8 {
				total = (total + n) * 1e8
			} else {
				total += n * 1e4
			}
			section, num, hasNum = 0, 0, false
		}
	}
	return total + section + num, true
}

func numeralValue(r rune) (int, bool) {
	switch r {
	case '〇', '零':
		return 0, true
	case '一':
		return 1, true
	case '二', '兩', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	case '十':
		return 10, true
	case '百':
		return 100, true
	case '千':
		return 1000, true
	case '萬', '万':
		return 1e4, true
	case '億', '亿':
		return 1e8, true
	}
	return 0, false
}

// digit returns the value of an ASCII or full-width digit, or -1.
func digit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// readDigits appends the digits at i to b as ASCII and returns the offset
// after them.
func readDigits(s string, i int, b *strings.Builder) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		d := digit(r)
		if d < 0 {
			break
		}
		b.WriteByte(byte('0' + d))
		i += n
	}
	return i
}

// groupOf3 reports whether exactly three digits start at i.
func groupOf3(s string, i int) bool {
	for k := 0; k < 3; k++ {
		r, n := utf8.DecodeRuneInString(s[i:])
		if digit(r) < 0 {
			return false
		}
		i += n
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return digit(r) < 0
}

// decimalPoint reports whether a decimal point is at i and where the
// fraction starts.
func decimalPoint(s string, i int) (int, bool) {
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == '.' || r == '．' {
		return i + n, true
	}
	return i, false
}

func cjkScale(r rune) int {
	switch r {
	case '萬', '万':
		return 4
	case '億', '亿':
		return 8
	}
	return 0
}

// isQualifier reports whether r is a word that may stand between a number
// and its scale or unit: 400多萬, 22萬余, 10來個.
func isQualifier(r rune) bool {
	switch r {
	case '多', '余', '餘', '來', '来', '幾', '几':
		return true
	}
	return false
}

func skipRunes(s string, i int, f func(rune) bool) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !f(r) {
			break
		}
		i += n
	}
	return i
}

// skipSpace skips one space of any width (a number and its scale word may be
// separated by a no-break or thin space).
func skipSpace(s string, i int) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	switch r {
	case ' ', '\u00a0', '\u2009', '\u202f', '\n':
		return i + n
	}
	return i
}

// letters returns the run of ASCII letters at i.
func letters(s string, i int) string {
	j := i
	for j < len(s) && isLetter(rune(s[j])) {
		j++
	}
	return s[i:j]
}

func runeAt(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// isLetter reports whether r is an ASCII letter: the letters of names and
// of English number words.
func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
