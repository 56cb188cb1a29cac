package search

import (
	"math"
	"strconv"
	"strings"
)

// The text rules below are written twice, here and in static/search.js,
// which applies them to the reader's query; FuzzNormalize runs both on the
// same queries and compares. Keep them simple and keep them equal.

// Query is a search query as the index stores text: every Gram, Word and
// number Range must match the same passage.
type Query struct {
	Grams []string // Chinese: a one-character run as itself, a longer run as its overlapping pairs
	Words []string // other scripts: lower-case words, stemmed
	Nums  []Range  // numbers, as the range of values they may round
}

// Range is the values a number in a query stands for: 7.95萬 is any value
// from 79,450 to 79,550, which rounds to it.
type Range struct {
	Lo, Hi float64
}

// isHan reports whether r is a CJK ideograph (or 〇), by fixed ranges so
// that Go and the browser agree whatever their Unicode versions.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x2FFFF || r == 0x3007
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isWordChar reports whether r belongs to a word: ASCII letters and digits
// (after folding) and the Latin letters of U+00C0–U+024F.
func isWordChar(r rune) bool {
	return r >= 'a' && r <= 'z' || isDigit(r) || r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7
}

// fold makes full-width ASCII half-width and ASCII letters lower case.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	if r == 0x3000 {
		r = ' '
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return r
}

// suffixes are stripped by stem, the first that leaves three letters or
// more, with what replaces it.
var suffixes = [][2]string{
	{"ations", ""}, {"ation", ""}, {"sses", "ss"}, {"ings", ""}, {"ing", ""},
	{"ated", ""}, {"ates", ""}, {"ate", ""}, {"ions", ""}, {"ion", ""},
	{"ies", ""}, {"ied", ""}, {"ed", ""}, {"es", ""}, {"ly", ""},
	{"ss", "ss"}, {"s", ""}, {"e", ""}, {"y", ""},
}

// stem reduces an English word of ASCII letters to a crude stem, so that
// vaccinate, vaccinated, vaccination and vaccines meet at "vaccin".
func stem(w string) string {
	if len(w) < 4 {
		return w
	}
	for _, s := range suffixes {
		if strings.HasSuffix(w, s[0]) && len(w)-len(s[0]) >= 3 {
			return w[:len(w)-len(s[0])] + s[1]
		}
	}
	return w
}

// word turns a run of word characters into its token.
func word(run []rune) string {
	w := string(run)
	for _, r := range run {
		if r < 'a' || r > 'z' {
			return w
		}
	}
	return stem(w)
}

// hasLetter reports whether a run of word characters holds a non-digit.
func hasLetter(run []rune) bool {
	for _, r := range run {
		if !isDigit(r) {
			return true
		}
	}
	return false
}

// scales are the words and characters that may follow a number in a
// query, with their factors; percent signs have factor 1.
var scales = []struct {
	word   string
	factor float64
}{
	{"萬", 1e4}, {"万", 1e4}, {"億", 1e8}, {"亿", 1e8}, {"千", 1e3},
	{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},
	{"%", 1}, {"percent", 1}, {"per cent", 1},
}

// Normalize reads a query. It never fails: what it cannot read it leaves
// out, and an empty Query matches nothing.
func Normalize(q string) Query {
	rs := make([]rune, 0, len(q))
	for _, r := range q {
		rs = append(rs, fold(r))
	}
	var out Query
	seen := map[string]bool{}
	addGram := func(g string) {
		if !seen["g"+g] {
			seen["g"+g] = true
			out.Grams = append(out.Grams, g)
		}
	}
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case isHan(r):
			j := i
			for j < len(rs) && isHan(rs[j]) {
				j++
			}
			if j-i == 1 {
				addGram(string(rs[i]))
			}
			for k := i; k+1 < j; k++ {
				addGram(string(rs[k : k+2]))
			}
			i = j
		case isDigit(r) && !(i > 0 && isWordChar(rs[i-1])) && !afterName(rs, i):
			j, rg, ok := number(rs, i)
			if ok {
				out.Nums = append(out.Nums, rg)
				i = j
				continue
			}
			fallthrough
		case isWordChar(r):
			j := i
			for j < len(rs) && isWordChar(rs[j]) {
				j++
			}
			if run := rs[i:j]; hasLetter(run) {
				if w := word(run); !seen["w"+w] {
					seen["w"+w] = true
					out.Words = append(out.Words, w)
				}
			}
			i = j
		default:
			i++
		}
	}
	return out
}

// afterName reports whether the digit at i follows a letter and a hyphen
// or underscore (COVID-19), which makes it part of a name, not a number.
func afterName(rs []rune, i int) bool {
	return i >= 2 && (rs[i-1] == '-' || rs[i-1] == '_') && isWordChar(rs[i-2]) && !isDigit(rs[i-2])
}

// number reads the number at i: digits with optional thousands commas and
// decimals, then optionally a scale. It returns false for digits glued to
// letters (5G, 4S, 5th), which are words.
func number(rs []rune, i int) (int, Range, bool) {
	j := i
	var digits []rune
	for j < len(rs) && isDigit(rs[j]) {
		digits = append(digits, rs[j])
		j++
	}
	// Thousands groups: ,ddd (only after 1-3 leading digits).
	if len(digits) <= 3 {
		for j+3 < len(rs) && rs[j] == ',' && isDigit(rs[j+1]) && isDigit(rs[j+2]) && isDigit(rs[j+3]) && (j+4 >= len(rs) || !isDigit(rs[j+4])) {
			digits = append(digits, rs[j+1:j+4]...)
			j += 4
		}
	}
	decimals := 0
	if j+1 < len(rs) && rs[j] == '.' && isDigit(rs[j+1]) {
		digits = append(digits, '.')
		j++
		for j < len(rs) && isDigit(rs[j]) {
			digits = append(digits, rs[j])
			decimals++
			j++
		}
	}
	if j < len(rs) && isWordChar(rs[j]) {
		// A scale word may follow directly (79.5thousand) only when
		// it is one; otherwise the run is a word such as 5g.
		if _, _, ok := scaleAt(rs, j); !ok {
			return i, Range{}, false
		}
	}
	v, err := strconv.ParseFloat(string(digits), 64)
	if err != nil {
		return i, Range{}, false
	}
	factor := 1.0
	k := j
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	if end, f, ok := scaleAt(rs, k); ok {
		factor, j = f, end
	}
	unit := factor
	for range decimals {
		unit /= 10
	}
	v *= factor
	if math.IsInf(v, 0) {
		return i, Range{}, false
	}
	half := unit / 2
	return j, Range{Lo: v - half, Hi: v + half}, true
}

// scaleAt returns the end and factor of a scale word at i that is not the
// start of a longer word.
func scaleAt(rs []rune, i int) (int, float64, bool) {
	for _, s := range scales {
		w := []rune(s.word)
		if i+len(w) > len(rs) || string(rs[i:i+len(w)]) != s.word {
			continue
		}
		end := i + len(w)
		if isWordChar(w[len(w)-1]) && end < len(rs) && isWordChar(rs[end]) {
			continue
		}
		return end, s.factor, true
	}
	return i, 0, false
}

// shardOf returns the shard of a token among n (a power of two): FNV-1a
// over its code points, as search.js computes it.
func shardOf(tok string, n int) int {
	h := uint32(2166136261)
	for _, r := range tok {
		h ^= uint32(r)
		h *= 16777619
	}
	return int(h & uint32(n-1))
}
