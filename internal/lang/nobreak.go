package lang

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Span is a part of a string, runes [Start, End), that a line must not break.
type Span struct{ Start, End int }

// numberPrefixes are the characters that belong to the number after them in
// Chinese: 第3季, 約20萬.
const numberPrefixes = "第約约逾近超"

// counters are the characters that belong to the number before them in
// Chinese: dates, ordinals and measure words (2023年, 第3季, 12個, 3倍).
const counters = "年月日時时季度期號号個个倍次項项宗名歲岁家所間间座條条屆届批"

// counterWords are counters of two characters, taken before one: 60周岁, 3個月.
var counterWords = []string{"周岁", "周歲", "週歲", "周年", "週年", "個月", "个月", "小時", "小时"}

// scales are the Chinese scale characters written between a number and its
// unit (3,795億澳門元, 828.2萬人次).
const scales = "萬万億亿千百"

// NoBreaks returns the spans of s a line should not break in text of
// language l: in Chinese, a number with the prefix before it and the scale,
// unit word or counter after it (2023年, 第3季, 3,795億澳門元, 828.2萬人次,
// 39.2%), since a browser may break between an ideograph and a digit and
// leave 第 at a line's end or 門元 at the next one's start. units are the
// site's unit words in l, the longest taken first; the built-in ones are
// always known. Other languages have none: a space is where they break.
func NoBreaks(l Lang, s string, units []string) []Span {
	if l.Script() == "" || !strings.ContainsAny(s, "0123456789") {
		return nil
	}
	words := unitWords(l, units)
	rs := []rune(s)
	var out []Span
	for i := 0; i < len(rs); i++ {
		if !isDigit(rs[i]) {
			continue
		}
		start := i
		if start > 0 && strings.ContainsRune(numberPrefixes, rs[start-1]) {
			start--
		}
		// The number: digits with their separators (3,795 and 83.5).
		j := i
		for j < len(rs) && (isDigit(rs[j]) || (rs[j] == ',' || rs[j] == '.') && j+1 < len(rs) && isDigit(rs[j+1])) {
			j++
		}
		end, unit := j, 0
		switch {
		case end < len(rs) && (rs[end] == '%' || rs[end] == '％'):
			end++
		default:
			if end < len(rs) && strings.ContainsRune(scales, rs[end]) {
				end++
			}
			if unit = longestAt(rs, end, words); unit > 0 {
				end += unit
			} else if end < len(rs) && strings.ContainsRune(counters, rs[end]) {
				end++
			}
		}
		if end-start > 1 && (start < i || end > j) && hasWide(rs[start:end]) {
			if scaled := end-unit > j; scaled && unit > 1 {
				// 3,795億 | 澳門元: a line may break before a unit
				// word of two or more characters after a scale, never
				// inside it.
				out = append(out, Span{start, end - unit}, Span{end - unit, end})
			} else {
				out = append(out, Span{start, end})
			}
		}
		i = end - 1
	}
	return out
}

// unitWords returns the built-in unit words of l's script and the given
// ones, Chinese only, longest first. The list is made once per script and
// set of words (a site asks with the same ones for every title it writes)
// and shared: callers must not modify it.
func unitWords(l Lang, extra []string) []string {
	tag := "zh-Hans"
	if l.Script() == ScriptHant {
		tag = "zh-Hant"
	}
	key := tag + "\x00" + strings.Join(extra, "\x00")
	if ws, ok := unitWordCache.Load(key); ok {
		return ws.([]string)
	}
	ws := makeUnitWords(tag, extra)
	unitWordCache.Store(key, ws)
	return ws
}

// unitWordCache holds unitWords' lists by script and words.
var unitWordCache sync.Map

func makeUnitWords(tag string, extra []string) []string {
	seen := map[string]bool{}
	var ws []string
	add := func(w string) {
		if w != "" && !seen[w] && hasWide([]rune(w)) {
			seen[w] = true
			ws = append(ws, w)
		}
	}
	for _, u := range BuiltinUnits() {
		add(u.Words[tag])
	}
	for _, w := range extra {
		add(w)
	}
	for _, w := range counterWords {
		add(w)
	}
	sort.Slice(ws, func(a, b int) bool {
		if len(ws[a]) != len(ws[b]) {
			return len(ws[a]) > len(ws[b])
		}
		return ws[a] < ws[b]
	})
	return ws
}

// longestAt returns the length in runes of the first (longest) word of ws
// that rs has at i, or 0.
func longestAt(rs []rune, i int, ws []string) int {
	for _, w := range ws {
		wr := []rune(w)
		if i+len(wr) <= len(rs) && string(rs[i:i+len(wr)]) == w {
			return len(wr)
		}
	}
	return 0
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func hasWide(rs []rune) bool {
	for _, r := range rs {
		if unicode.Is(unicode.Han, r) || r == '％' {
			return true
		}
	}
	return false
}
