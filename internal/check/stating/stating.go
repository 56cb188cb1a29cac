// Package stating finds how a text states a number: the numbers that may be
// a table's figures, the words before one, the notations of a large one,
// and the precision it is written with.
package stating

import (
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
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
// Locate) and would otherwise scan it for each.
func Figures(text string, l lang.Lang) []numbers.Value {
	return Candidates(numbers.Extract(text, l.NumberStyle()))
}

// StatedAt returns number v of text as text writes it ("25764萬", "257.64
// million", "39.2%") and the words just before it (four characters of
// Chinese, two words otherwise).
func StatedAt(text string, v numbers.Value, l lang.Lang) (before, figure string) {
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

// Where is a place a section states a figure: the number Index of the
// Figures of its paragraph Para.
type Where struct{ Para, Index int }

// Locate returns where paragraphs texts, whose Figures are figs, state x:
// of the places that write it, the one whose words are closest to the
// figure's labels (Score), the first on a tie; ok is false when none does.
// A table's figure names its row and column (the labels, the row's first):
// when a section writes the same number twice ("在建項目7個，……預備項目7個",
// "ranking 5th … ranking 5th"), the place in the row's words is the figure.
// ties are the other places as close to the labels: the text does not
// tell them apart. labels is called only when x is written more than once.
func Locate(texts []string, figs [][]numbers.Value, l lang.Lang, x float64, labels func() Labels) (best Where, ties []Where, ok bool) {
	x = math.Abs(x)
	var cands []Where
	for k, f := range figs {
		for j, v := range f {
			if numbers.Equal(v.V, x) {
				cands = append(cands, Where{k, j})
			}
		}
	}
	switch len(cands) {
	case 0:
		return Where{}, nil, false
	case 1:
		return cands[0], nil, true
	}
	lw := labels()
	top := -1
	for _, c := range cands {
		score := Score(texts[c.Para], figs[c.Para], c.Index, l, lw)
		switch {
		case score > top:
			best, top, ties = c, score, ties[:0]
		case score == top:
			ties = append(ties, c)
		}
	}
	return best, ties, true
}

// Labels are the words of a figure's labels, its row's then its column's,
// in one language, for Locate and Score.
type Labels [][]string

// LabelsOf returns the words of labels (the row's first) as a text in l
// writes them.
func LabelsOf(l lang.Lang, labels ...string) Labels {
	cjk := l.NumberStyle() == lang.StyleCJK
	out := make(Labels, len(labels))
	for i, lb := range labels {
		out[i] = words(lb, cjk)
	}
	return out
}

// Score is Locate's measure of number vs[i] of text. How many words of
// the row's label (the first of labels) its sentence holds counts first: a
// place that names the row beats one that names part of it. Then how many
// its own clause holds, which tells apart two figures of one sentence
// (在建項目7個，……預備項目7個); then the words of the other labels, the
// column's, in the clause and the sentence.
func Score(text string, vs []numbers.Value, i int, l lang.Lang, labels Labels) int {
	if len(labels) == 0 {
		return 0
	}
	inClause, inSentence := contexts(text, vs[i], l)
	rowSentence, rowClause, other := count(labels[0], inSentence), count(labels[0], inClause), 0
	for _, ws := range labels[1:] {
		other += count(ws, inClause) + count(ws, inSentence)
	}
	return min(rowSentence, 1<<10-1)<<20 | min(rowClause, 1<<10-1)<<10 | min(other, 1<<10-1)
}

// Names reports whether the sentence around number vs[i] of text has every
// word of the first of labels, the row's: two places that both do state
// the same figure again, and either is right.
func Names(text string, vs []numbers.Value, i int, l lang.Lang, labels Labels) bool {
	if len(labels) == 0 || len(labels[0]) == 0 {
		return false
	}
	_, inSentence := contexts(text, vs[i], l)
	return count(labels[0], inSentence) == len(labels[0])
}

// contexts returns whether the clause and the sentence around number v of
// text hold a word of a label (words): Chinese is matched as written, so
// that a label of one character counts too, other languages word by word.
func contexts(text string, v numbers.Value, l lang.Lang) (inClause, inSentence func(string) bool) {
	cjk := l.NumberStyle() == lang.StyleCJK
	clause, sentence := around(text, v, cjk)
	if cjk {
		return func(w string) bool { return strings.Contains(clause, w) }, func(w string) bool { return strings.Contains(sentence, w) }
	}
	cw, sw := words(clause, false), words(sentence, false)
	return func(w string) bool { return slices.Contains(cw, w) }, func(w string) bool { return slices.Contains(sw, w) }
}

// count returns how many of ws in holds.
func count(ws []string, in func(string) bool) int {
	n := 0
	for _, w := range ws {
		if in(w) {
			n++
		}
	}
	return n
}

// around returns the clause and the sentence of text that hold number v,
// the number itself left out: a clause ends at a comma, an enumeration
// comma, a semicolon or a full stop, a sentence only at the last two.
func around(text string, v numbers.Value, cjk bool) (clause, sentence string) {
	head, tail := text[:v.Offset], text[v.End():]
	sentenceEnd, clauseEnd := "。；！？;!?\n", "。；！？;!?\n，、,："
	if !cjk {
		// A Western full stop ends a sentence only before a space (not
		// in 3.5 or e.g).
		head = strings.ReplaceAll(head, ". ", ".\n")
		tail = strings.ReplaceAll(tail, ". ", ".\n")
	}
	cut := func(s, set string, back bool) string {
		if back {
			if i := strings.LastIndexAny(s, set); i >= 0 {
				_, n := utf8.DecodeRuneInString(s[i:])
				return s[i+n:]
			}
			return s
		}
		if i := strings.IndexAny(s, set); i >= 0 {
			return s[:i]
		}
		return s
	}
	return cut(head, clauseEnd, true) + " " + cut(tail, clauseEnd, false),
		cut(head, sentenceEnd, true) + " " + cut(tail, sentenceEnd, false)
}

// stopWords are the English words that name nothing in a label.
var stopWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "and": true, "or": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "by": true, "with": true, "from": true, "as": true, "per": true,
	"its": true, "their": true, "all": true, "is": true, "was": true, "were": true, "be": true, "that": true}

// words returns what s says, for comparing a label with a text: pairs of
// adjacent Han characters in Chinese (a lone one when s has just one),
// lower-case words less the ones that name nothing, and less a plural s,
// otherwise. Digits are not words.
func words(s string, cjk bool) []string {
	var out []string
	if cjk {
		var run []rune
		flush := func() {
			if len(run) == 1 {
				out = append(out, string(run))
			}
			for i := 0; i+1 < len(run); i++ {
				out = append(out, string(run[i:i+2]))
			}
			run = run[:0]
		}
		for _, r := range s {
			if unicode.Is(unicode.Han, r) {
				run = append(run, r)
				continue
			}
			flush()
		}
		flush()
		return out
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if stopWords[w] {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		out = append(out, w)
	}
	return out
}
