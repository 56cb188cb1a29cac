// Package period reads the periods (years, quarters, months) that rows of a
// chart over time are named by ("2023", "2023-q3" or "q3-2023", "2023-04"),
// fills the periods missing between rows as gaps, labelled like their
// neighbours, and thins a crowded time axis. The chart types that may run
// over time (time-line, time-bar, area, stacked-area, bar-line,
// small-multiples) share it.
package period

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"reportsite/internal/chart"
	"reportsite/internal/chart/option"
	"reportsite/internal/chart/wrap"
	"reportsite/internal/dataset"
)

// Period is a year, a quarter or a month, counted from year 0 in its unit.
type Period struct {
	Unit  byte // 'y', 'q' or 'm'
	Year  int
	Part  int // quarter 1–4 or month 1–12; 0 for a year
	Index int // year, year*4+quarter-1 or year*12+month-1
}

var (
	yearRe    = regexp.MustCompile(`^(\d{4})$`)
	quarterRe = regexp.MustCompile(`^(?:(\d{4})-?q([1-4])|q([1-4])-?(\d{4}))$`)
	monthRe   = regexp.MustCompile(`^(\d{4})-m?(0[1-9]|1[0-2])$`)
)

// Parse reads a period from a row ID.
func Parse(id string) (Period, bool) {
	id = strings.ToLower(id)
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if m := yearRe.FindStringSubmatch(id); m != nil {
		y := atoi(m[1])
		return Period{Unit: 'y', Year: y, Index: y}, true
	}
	if m := quarterRe.FindStringSubmatch(id); m != nil {
		y, q := atoi(m[1]+m[4]), atoi(m[2]+m[3])
		return Period{Unit: 'q', Year: y, Part: q, Index: y*4 + q - 1}, true
	}
	if m := monthRe.FindStringSubmatch(id); m != nil {
		y, mo := atoi(m[1]), atoi(m[2])
		return Period{Unit: 'm', Year: y, Part: mo, Index: y*12 + mo - 1}, true
	}
	return Period{}, false
}

// At returns the period index i of unit u.
func At(u byte, i int) Period {
	switch u {
	case 'q':
		return Period{Unit: u, Year: i / 4, Part: i%4 + 1, Index: i}
	case 'm':
		return Period{Unit: u, Year: i / 12, Part: i%12 + 1, Index: i}
	}
	return Period{Unit: u, Year: i, Index: i}
}

const hint = `name each row by its period: id = "2023", "2023-q3" (or "q3-2023") or "2023-04", one kind of period per chart, in time order`

// maxPeriods bounds a time axis, gaps included: a typo in a year must not
// draw ten thousand empty slots.
const maxPeriods = 240

// Check reports the first row that names no period, or a period of
// another kind or out of time order, and an axis too long to draw.
func Check(c *dataset.Chart) []dataset.ChartProblem {
	var prev Period
	for i, r := range c.ChartRows() {
		p, ok := Parse(r.ID)
		switch {
		case !ok:
			return []dataset.ChartProblem{{Key: "rows", Hint: hint, Msg: fmt.Sprintf("chart %q: row %q does not name a period", c.ID, r.ID)}}
		case i > 0 && p.Unit != prev.Unit:
			return []dataset.ChartProblem{{Key: "rows", Hint: hint, Msg: fmt.Sprintf("chart %q: rows %q and %q are different kinds of period", c.ID, c.ChartRows()[i-1].ID, r.ID)}}
		case i > 0 && p.Index <= prev.Index:
			return []dataset.ChartProblem{{Key: "rows", Hint: hint, Msg: fmt.Sprintf("chart %q: row %q does not come after %q", c.ID, r.ID, c.ChartRows()[i-1].ID)}}
		}
		if i > 0 && p.Index-firstOf(c).Index >= maxPeriods {
			return []dataset.ChartProblem{{Key: "rows", Hint: fmt.Sprintf("draw at most %d periods", maxPeriods), Msg: fmt.Sprintf("chart %q spans more than %d periods", c.ID, maxPeriods)}}
		}
		prev = p
	}
	return nil
}

func firstOf(c *dataset.Chart) Period {
	rows := c.ChartRows()
	if len(rows) == 0 {
		return Period{}
	}
	p, _ := Parse(rows[0].ID)
	return p
}

// Fill inserts the missing periods between rows as gaps.
func Fill(p *chart.Plot) error {
	if problems := Check(p.Chart); len(problems) > 0 {
		return fmt.Errorf("%s", problems[0].Msg)
	}
	rows := p.Chart.ChartRows()
	if len(rows) < 2 {
		return nil
	}
	first, _ := Parse(rows[0].ID)
	last, _ := Parse(rows[len(rows)-1].ID)
	n := last.Index - first.Index + 1
	if n == len(rows) {
		return nil
	}
	at := make([]int, n) // row index of each period, -1 for a gap
	for i := range at {
		at[i] = -1
	}
	for i, r := range rows {
		q, _ := Parse(r.ID)
		at[q.Index-first.Index] = i
	}
	old := *p
	old.Series = slices.Clone(p.Series) // the slices inside are replaced, not changed
	p.Cats, p.Highlight, p.Partial = nil, nil, nil
	for si := range p.Series {
		p.Series[si].Vals, p.Series[si].Dec, p.Series[si].Has = nil, nil, nil
	}
	for j, i := range at {
		if i < 0 {
			p.Cats = append(p.Cats, labelFor(At(first.Unit, first.Index+j), rows, old.Cats))
			p.Highlight = append(p.Highlight, false)
			p.Partial = append(p.Partial, false)
			for si := range p.Series {
				s := &p.Series[si]
				s.Vals, s.Dec, s.Has = append(s.Vals, 0), append(s.Dec, 0), append(s.Has, false)
			}
			continue
		}
		p.Cats = append(p.Cats, old.Cats[i])
		p.Highlight = append(p.Highlight, old.Highlight[i])
		p.Partial = append(p.Partial, old.Partial[i])
		for si := range p.Series {
			s, o := &p.Series[si], old.Series[si]
			s.Vals, s.Dec, s.Has = append(s.Vals, o.Vals[i]), append(s.Dec, o.Dec[i]), append(s.Has, o.Has[i])
		}
	}
	return nil
}

// labelFor writes a label for period q in the form of a row's label: the
// row's year and quarter or month numbers, where its label shows them as
// digits, are replaced by q's. A label that shows no such digits gives way
// to a plain form (2023, 2023Q2, 2023-04).
func labelFor(q Period, rows []*dataset.Row, cats []string) string {
	for i, r := range rows {
		rp, _ := Parse(r.ID)
		if s, ok := relabel(cats[i], rp, q); ok {
			return s
		}
	}
	switch q.Unit {
	case 'q':
		return fmt.Sprintf("%dQ%d", q.Year, q.Part)
	case 'm':
		return fmt.Sprintf("%d-%02d", q.Year, q.Part)
	}
	return strconv.Itoa(q.Year)
}

var digitsRe = regexp.MustCompile(`\d+`)

// relabel replaces the numbers of period from in label by those of to: the
// year, and the quarter or month when from has one. Every number in the
// label must be one of them, once.
func relabel(label string, from, to Period) (string, bool) {
	seenYear, seenPart := false, false
	ok := true
	out := digitsRe.ReplaceAllStringFunc(label, func(d string) string {
		n, _ := strconv.Atoi(d)
		switch {
		case n == from.Year && len(d) == 4 && !seenYear:
			seenYear = true
			return strconv.Itoa(to.Year)
		case from.Part > 0 && n == from.Part && !seenPart:
			seenPart = true
			if len(d) == 2 {
				return fmt.Sprintf("%02d", to.Part)
			}
			return strconv.Itoa(to.Part)
		}
		ok = false
		return d
	})
	return out, ok && seenYear && (from.Part == 0 || seenPart)
}

// denseAt is the number of periods above which labels thin out.
const denseAt = 8

// Step is every how many periods a label is shown: about six on a
// dense axis, and enough room for each label in two lines.
func Step(p *chart.Plot) int {
	n := len(p.Cats)
	step := 1
	if n > denseAt {
		step = (n + 5) / 6
	}
	slot := chart.SlotWidth(n) - p.EndRoom()/max(1, n)
	for ; step < n; step++ {
		fits := true
		for _, c := range p.Cats {
			fits = fits && strings.Count(wrap.Text(c, max(36, slot*step)), "\n") < 2
		}
		if fits {
			break
		}
	}
	return step
}

// Thin shows every k-th category label and, on a dense axis, only
// the last value label and highlighted ones.
func Thin(p *chart.Plot, tree map[string]any) {
	option.AddTop(tree, chart.LineHeight) // the highest point's label
	n := len(p.Cats)
	if step := p.LabelStep(); step > 1 {
		if ax, ok := option.Get(tree, "xAxis", 0, "axisLabel").(map[string]any); ok {
			ax["interval"] = step - 1
		}
	}
	if n <= denseAt && valueLabelsFit(p) {
		return
	}
	series, _ := tree["series"].([]any)
	for si, s := range series {
		if si >= len(p.Series) {
			break
		}
		keep := keepApart(p, si)
		data, _ := option.Get(s, "data").([]any)
		for i, d := range data {
			m, ok := d.(map[string]any)
			if !ok || keep[i] {
				continue
			}
			if lab, ok := m["label"].(map[string]any); ok {
				lab["show"] = false
			}
		}
	}
}

// keepApart returns the value labels of series si kept on a crowded axis:
// highlighted ones, the last, the highest and the lowest, in that order,
// each only if it keeps clear of those kept before it.
func keepApart(p *chart.Plot, si int) map[int]bool {
	s := p.Series[si]
	var order []int
	for i := range s.Vals {
		if p.Highlight[i] && s.Has[i] {
			order = append(order, i)
		}
	}
	lo, hi := extremes(s)
	order = append(order, p.LastWith(si), hi, lo)
	slot := float64(chart.Width-64-p.EndRoom()) / float64(max(1, len(p.Cats)))
	keep := map[int]bool{}
	for _, i := range order {
		if i < 0 || keep[i] {
			continue
		}
		clear := true
		for j := range keep {
			gap := math.Abs(float64(i-j)) * slot
			if gap < float64(wrap.Width(p.ShortAt(si, i))+wrap.Width(p.ShortAt(si, j)))/2+6 {
				clear = false
			}
		}
		if clear {
			keep[i] = true
		}
	}
	return keep
}

// valueLabelsFit reports whether every value label fits its period's slot.
func valueLabelsFit(p *chart.Plot) bool {
	slot := (chart.Width - 64 - p.EndRoom()) / max(1, len(p.Cats))
	for si, s := range p.Series {
		for i := range s.Vals {
			if s.Has[i] && wrap.Width(p.ShortAt(si, i)) > slot-4 {
				return false
			}
		}
	}
	return true
}

// extremes returns the rows of the lowest and highest values of s.
func extremes(s chart.Series) (lo, hi int) {
	lo, hi = -1, -1
	for i, v := range s.Vals {
		if !s.Has[i] {
			continue
		}
		if lo < 0 || v < s.Vals[lo] {
			lo = i
		}
		if hi < 0 || v > s.Vals[hi] {
			hi = i
		}
	}
	return lo, hi
}

// FillIfAny fills missing periods when every row names one: a chart
// that may run over periods or over categories.
func FillIfAny(p *chart.Plot) error {
	for _, r := range p.Chart.ChartRows() {
		if _, ok := Parse(r.ID); !ok {
			return nil
		}
	}
	if len(Check(p.Chart)) > 0 {
		return nil // out of order: drawn as categories, in the table's order
	}
	return Fill(p)
}
