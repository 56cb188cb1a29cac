package seed

import (
	"slices"
	"strings"
	"unicode/utf8"

	"reportsite/internal/lang"
)

// Rules of the recipe, as an [Erratum] names them.
const (
	RuleAnnotations = "annotations" // pinyin annotations removed (step 2)
	RuleCorrection  = "correction"  // one manual correction (step 3)
	RuleMarks       = "marks"       // ASCII punctuation made full-width (step 5)
	RuleSpaces      = "spaces"      // stray spaces removed (step 5)
)

// Erratum is one change the recipe makes to the seed, for readers: a rule
// with how often it applied and its first instance, or a manual correction.
// Original is the seed's text verbatim, as captured (pinyin annotations
// included); Corrected is what the published text has instead.
type Erratum struct {
	Rule      string
	Count     int
	Original  string
	Corrected string
	Reason    lang.Text // a correction's reason; empty for a rule
}

// Errata returns every change that Clean makes to raw with corr: the
// general rule with an example, each correction with the verbatim text it
// replaces, and the punctuation and spacing rules with an example each. A
// rule that changed nothing is left out.
func Errata(raw []byte, corr []Correction) ([]Erratum, error) {
	t, err := Clean(raw, corr)
	if err != nil {
		return nil, err
	}
	s := strings.ReplaceAll(strings.ReplaceAll(strings.TrimPrefix(string(raw), "\uFEFF"), "\r\n", "\n"), "\r", "\n")
	stripped, rawOff, removed := stripMap(s)
	var out []Erratum
	if t.Report.Annotations > 0 {
		if m := firstAnnotation(s); m != nil {
			before, after := runesBefore(s, m[0], 2), runesAfter(s, m[1], 2)
			out = append(out, Erratum{Rule: RuleAnnotations, Count: t.Report.Annotations,
				Original: before + s[m[0]:m[1]] + after, Corrected: before + after})
		}
	}
	text := stripped
	for i, c := range corr {
		e := Erratum{Rule: RuleCorrection, Count: t.Report.Corrections[i], Original: c.Original, Corrected: c.Corrected, Reason: c.Reason}
		// The stripped seed's offsets lead back to the capture; a
		// correction's text is there unless an earlier one made it.
		if j := strings.Index(stripped, c.Original); j >= 0 && len(c.Original) > 0 {
			e.Original = rawSpan(s, rawOff, removed, j, j+len(c.Original))
		}
		text = strings.ReplaceAll(text, c.Original, c.Corrected)
		out = append(out, e)
	}
	if ex, ok := punctExample(text, false); ok && t.Report.Marks > 0 {
		ex.Rule, ex.Count = RuleMarks, t.Report.Marks
		out = append(out, ex)
	}
	if ex, ok := punctExample(text, true); ok && t.Report.Spaces > 0 {
		ex.Rule, ex.Count = RuleSpaces, t.Report.Spaces
		out = append(out, ex)
	}
	return out, nil
}

// stripMap is StripAnnotations that also returns the offset in s of each
// byte of the result, and the end of each removed annotation by its start.
func stripMap(s string) (string, []int, map[int]int) {
	var b strings.Builder
	var off []int
	removed := map[int]int{}
	last := 0
	keep := func(from, to int) {
		b.WriteString(s[from:to])
		for i := from; i < to; i++ {
			off = append(off, i)
		}
	}
	for _, m := range annotation.FindAllStringSubmatchIndex(s, -1) {
		if !isAnnotation(s, m[0], s[m[2]:m[3]]) {
			continue
		}
		keep(last, m[0])
		removed[m[0]] = m[1]
		last = m[1]
	}
	keep(last, len(s))
	return b.String(), off, removed
}

// rawSpan returns the captured text that became stripped[j:end]: from its
// first byte to its last, and the annotation that follows, if any.
func rawSpan(s string, off []int, removed map[int]int, j, end int) string {
	from, to := off[j], off[end-1]+1
	if e, ok := removed[to]; ok {
		to = e
	}
	return s[from:to]
}

// firstAnnotation returns the offsets of the first pinyin annotation.
func firstAnnotation(s string) []int {
	for _, m := range annotation.FindAllStringSubmatchIndex(s, -1) {
		if isAnnotation(s, m[0], s[m[2]:m[3]]) {
			return m
		}
	}
	return nil
}

func runesBefore(s string, i, n int) string {
	j := i
	for ; n > 0 && j > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:j])
		if s[j-size] == '\n' {
			break
		}
		j -= size
	}
	return s[j:i]
}

func runesAfter(s string, i, n int) string {
	j := i
	for ; n > 0 && j < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[j:])
		if s[j] == '\n' {
			break
		}
		j += size
	}
	return s[i:j]
}

// punctExample returns the first change of step 5 in text (the seed after
// steps 2 and 3): a space removed when spaces is set, else a mark made full
// width, with three characters of context on each side, as captured and as
// published.
func punctExample(text string, spaces bool) (Erratum, bool) {
	lines := strings.Split(text, "\n")
	for _, line := range lines[1:] { // the breadcrumb is not punctuated
		out, _, _ := punctuate(line)
		if out == line {
			continue
		}
		a, b := []rune(line), []rune(out)
		// Marks convert in place, so with them converted first the first
		// difference is a space.
		m := slices.Clone(a)
		if spaces {
			convertMarks(m)
		}
		i := 0
		for i < len(m) && i < len(b) && m[i] == b[i] {
			i++
		}
		if i >= len(a) || isSpace(a[i]) != spaces {
			continue
		}
		from := max(0, i-3)
		ea, eb := min(len(a), i+4), min(len(b), i+4)
		if spaces {
			eb = min(len(b), i+3)
		}
		return Erratum{Original: string(a[from:ea]), Corrected: string(b[from:eb])}, true
	}
	return Erratum{}, false
}
