// Package wrap measures and breaks the text of chart labels: ECharts
// measures text only in a browser, so a chart laid out at build time needs
// the widths in Go.
package wrap

import (
	"math"
	"strings"
	"unicode"
)

// Text breaks a category label into lines of at most width px (as Width
// estimates them), breaking Latin text between words and Chinese text
// between phrases, never inside a word: ECharts' own wrapping breaks wherever
// the width runs out, which cuts "Commercial" into "Commerci / al" and
// Chinese into lines of one or two characters. Of the ways to break s into
// the fewest lines that fit, wrap takes the one whose breaks fall best
// (after punctuation, between scripts, after a word-final character, between
// two-character words) and whose lines are most even. A single word wider
// than width keeps its own line. Lines are joined with "\n".
func Text(s string, width int) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || Width(s) <= width {
		return s
	}
	rs := []rune(s)
	// cost[i] is the cost of a break before rs[i]; +Inf where a break is
	// not allowed.
	cost := make([]float64, len(rs))
	run := 0 // position within a run of wide characters
	for i := range rs {
		if i == 0 {
			cost[i] = math.Inf(1)
			run = 1
			continue
		}
		cost[i] = breakCost(rs[i-1], rs[i], run)
		if isWide(rs[i]) && isWide(rs[i-1]) {
			run++
		} else {
			run = 1
		}
	}
	best, bestCost := []int(nil), math.Inf(1)
	for n := 2; n <= len(rs) && best == nil; n++ {
		choose(rs, cost, width, n, 0, nil, 0, &best, &bestCost)
		if n > 6 {
			break
		}
	}
	if best == nil {
		// Even one word a line does not fit: break at every space.
		return strings.ReplaceAll(s, " ", "\n")
	}
	var b strings.Builder
	prev := 0
	for _, at := range append(best, len(rs)) {
		if prev > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimSpace(string(rs[prev:at])))
		prev = at
	}
	return b.String()
}

// choose tries every way to break rs[from:] into n more lines, recording the
// cheapest in best. Labels are short, so the search is small.
func choose(rs []rune, cost []float64, width, n, from int, breaks []int, sum float64, best *[]int, bestCost *float64) {
	if n == 1 {
		line := strings.TrimSpace(string(rs[from:]))
		if Width(line) > width {
			return
		}
		// Even lines read best: penalise the spread of line widths.
		widths := []int{}
		prev := 0
		for _, at := range append(append([]int{}, breaks...), len(rs)) {
			widths = append(widths, Width(strings.TrimSpace(string(rs[prev:at]))))
			prev = at
		}
		lo, hi := widths[0], widths[0]
		for _, w := range widths {
			lo, hi = min(lo, w), max(hi, w)
		}
		total := sum + float64(hi-lo)/float64(FontSize)
		if total < *bestCost {
			*bestCost = total
			*best = append([]int{}, breaks...)
		}
		return
	}
	for at := from + 1; at < len(rs); at++ {
		if math.IsInf(cost[at], 1) {
			continue
		}
		line := strings.TrimSpace(string(rs[from:at]))
		if Width(line) > width {
			break
		}
		choose(rs, cost, width, n-1, at, append(breaks, at), sum+cost[at], best, bestCost)
	}
}

// wordFinal holds Chinese characters that often end a word or phrase (性,
// 業, 房) or are particles and conjunctions after which a line may break.
const wordFinal = "性業业額额房上下中內内外後后前的之和與与及或等類类率量數数者員员人區区所場场點点項项目化部局站費费款品物"

// breakCost returns the cost of a line break between a and b; run is the
// position of a within its run of wide characters (1 for the first).
func breakCost(a, b rune, run int) float64 {
	switch {
	case a == ' ':
		return 0
	case b == ' ':
		return math.Inf(1) // break after the space, not before it
	case strings.ContainsRune("、，。：；！？）」』”’》〉,.;:!?)]", a):
		return 0
	case strings.ContainsRune("（「『“‘《〈([", b):
		return 0
	case strings.ContainsRune("、，。：；！？）」』”’》〉,.;:!?)]%", b):
		return math.Inf(1) // no punctuation at a line start
	case strings.ContainsRune("（「『“‘《〈([", a):
		return math.Inf(1)
	case isWide(a) && isWide(b):
		c := 3.0
		if strings.ContainsRune(wordFinal, a) {
			c = 1
		}
		if run%2 == 1 {
			c += 1 // inside what is likely a two-character word
		}
		return c
	case isWide(a) != isWide(b):
		if unicode.IsDigit(a) || unicode.IsDigit(b) || a == '–' || b == '–' || a == '-' || b == '-' {
			return 4 // keep 2021年 and 1–11月 together
		}
		return 1
	}
	return math.Inf(1) // inside a Latin word or a number
}

// FontSize is the size in px of chart text, which Width assumes.
const FontSize = 13

// MaxWidth is the width of the widest line of s.
func MaxWidth(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, Width(l))
	}
	return w
}

// Width estimates the width in px of s in a 12 px font: wide (CJK)
// characters take a full em, others about 0.6 em.
func Width(s string) int {
	w := 0.0
	for _, r := range s {
		if isWide(r) {
			w += FontSize
		} else {
			w += 0.6 * FontSize
		}
	}
	return int(math.Ceil(w))
}

func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}
