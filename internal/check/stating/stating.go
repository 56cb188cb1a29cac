// Package stating finds how a text states a number: the numbers that may be
// a table's figures, the words before one, the notations of a large one,
// and the precision it is written with.
package stating

import (
	"maps"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"reportsite/internal/lang"
	"reportsite/internal/numbers"
)

// Candidates returns the values that may be a table's Candidates: not the years,
// months and quarters a text names (2023年, Q3).
func Candidates(vs []numbers.Value) []numbers.Value {
	out := vs[:0:0]
	for _, v := range vs {
		if v.Kind != numbers.Period {
			out = append(out, v)
		}
	}
	return out
}

// OtherPrecision returns how a text writes x when it writes it, unscaled,
// only with another number of decimals than dec (9.0% against a table's 9).
func OtherPrecision(vs []numbers.Value, x float64, dec int) (string, bool) {
	other := ""
	for _, v := range vs {
		if !numbers.Equal(v.V, x) {
			continue
		}
		d, ok := writtenDecimals(v.Text)
		if !ok || d == dec {
			return "", false
		}
		other = v.Text
	}
	return other, other != ""
}

// writtenDecimals returns the decimals of a number as written (1 for 9.0%,
// 2 for 81.76), and false when it is scaled (25764萬, 257.64 million), where
// the digits say nothing of the base value's precision.
func writtenDecimals(text string) (int, bool) {
	t := strings.TrimRight(text, "%％ ")
	t = strings.TrimSuffix(strings.TrimSuffix(t, "percent"), "per cent")
	t = strings.TrimSpace(t)
	for _, r := range t {
		if !strings.ContainsRune("0123456789,.０１２３４５６７８９，．-", r) {
			return 0, false
		}
	}
	t = strings.ReplaceAll(t, "．", ".")
	_, frac, _ := strings.Cut(t, ".")
	return utf8.RuneCountInString(frac), true
}

// Figures returns the numbers of text, written in l, that may be a table's
// Candidates, for callers that look for many Candidates in one text (Contains,
// StatedAmong) and would otherwise scan it for each.
func Figures(text string, l lang.Lang) []numbers.Value {
	return Candidates(numbers.Extract(text, l.NumberStyle()))
}

// StatedAmong returns x as text writes it ("25764萬", "257.64 million",
// "39.2%") and the words just before it (four characters of Chinese, two
// words otherwise), which tell that place from others; "" when text does
// not state x. vs are the text's Figures, found beforehand.
func StatedAmong(text string, vs []numbers.Value, l lang.Lang, x float64) (before, figure string) {
	x = math.Abs(x)
	for _, v := range vs {
		if !numbers.Equal(v.V, x) {
			continue
		}
		head := text[:v.Offset]
		if l.NumberStyle() == lang.StyleCJK {
			rs := []rune(strings.TrimSpace(head))
			before = string(rs[max(0, len(rs)-4):])
		} else {
			ws := strings.Fields(head)
			before = strings.Join(ws[max(0, len(ws)-2):], " ")
		}
		return before, v.Text
	}
	return "", ""
}

// Notations returns how a text in l may write a large x, to search for it:
// " (25,764萬 / 2.5764億)", " (257.64 million)".
func Notations(x float64, l lang.Lang) string {
	var forms []string
	if l.NumberStyle() == lang.StyleCJK {
		if x >= 1e4 {
			forms = append(forms, lang.Group(x/1e4)+"萬")
		}
		if x >= 1e8 {
			forms = append(forms, lang.Group(x/1e8)+"億")
		}
	} else {
		if x >= 1e6 {
			forms = append(forms, lang.Group(x/1e6)+" million")
		}
		if x >= 1e9 {
			forms = append(forms, lang.Group(x/1e9)+" billion")
		}
	}
	if len(forms) == 0 {
		return ""
	}
	return " (" + strings.Join(forms, " / ") + ")"
}

// Phrase returns the number v of para as written with the unit word that
// follows it (25764萬元), and that unit, if it is one of units.
func Phrase(units map[string]lang.Unit, para string, v numbers.Value, l lang.Lang) (string, *lang.Unit) {
	if v.Kind == numbers.Percent {
		u := lang.BuiltinUnits()["percent"]
		return v.Text, &u
	}
	if v.Kind == numbers.Period {
		// Name the period as written: 第3季, 2023年, 11月.
		start, end := v.Offset, v.End()
		if strings.HasSuffix(para[:start], "第") {
			start -= len("第")
		}
		if _, n := utf8.DecodeRuneInString(para[end:]); strings.ContainsAny(para[end:end+n], "年月季") {
			end += n
		}
		return para[start:end], nil
	}
	rest := para[v.End():]
	var best *lang.Unit
	word := ""
	for _, id := range slices.Sorted(maps.Keys(units)) {
		u := units[id]
		w := u.Words.In(l)
		if w == "" {
			w = u.Words[lang.Any]
		}
		if w != "" && len(w) > len(word) && strings.HasPrefix(rest, w) {
			best, word = &u, w
		}
	}
	return v.Text + word, best
}

// Expected writes v as a reader of l would expect it in unit u.
func Expected(v numbers.Value, u *lang.Unit, l lang.Lang) string {
	if u == nil {
		return lang.Group(v.V)
	}
	return lang.Format(v.V, *u, l)
}
