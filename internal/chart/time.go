package chart

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// time-line, time-bar: a line or bars over periods (years, quarters or
// months) named by the rows' IDs: "2023", "2023-q3" or "q3-2023", "2023-04"
// or "2023-m04". The rows are in time order; a period missing between two
// rows is drawn as a gap (no bar; the line breaks), with a label made from
// a neighbour's (Q2 2023 beside Q3 2023; 2023年第2季 beside 2023年第3季).
// With more than eight periods, or values too wide for their slots, only
// the last, the highest, the lowest and highlighted values are labelled;
// period labels thin out to fit in two lines.
func init() {
	register(&kind{
		name:       "time-line",
		names:      map[string]string{"": "Line chart over time", lang.ScriptHant: "時間折線圖", lang.ScriptHans: "时间折线图"},
		check:      checkPeriods,
		prepare:    fillPeriods,
		option:     (*plot).line,
		finish:     thinPeriods,
		periodStep: periodStep,
		height:     timeHeight,
		negLabelAt: "bottom",
	})
	register(&kind{
		name:       "time-bar",
		names:      map[string]string{"": "Bar chart over time", lang.ScriptHant: "時間柱狀圖", lang.ScriptHans: "时间柱状图"},
		check:      checkPeriods,
		prepare:    fillPeriods,
		option:     (*plot).bar,
		finish:     thinPeriods,
		periodStep: periodStep,
		height:     timeHeight,
		labelAt:    "top",
		negLabelAt: "bottom",
	})
}

// period is a year, a quarter or a month, counted from year 0 in its unit.
type period struct {
	unit  byte // 'y', 'q' or 'm'
	year  int
	part  int // quarter 1–4 or month 1–12; 0 for a year
	index int // year, year*4+quarter-1 or year*12+month-1
}

var (
	yearRe    = regexp.MustCompile(`^(\d{4})$`)
	quarterRe = regexp.MustCompile(`^(?:(\d{4})-?q([1-4])|q([1-4])-?(\d{4}))$`)
	monthRe   = regexp.MustCompile(`^(\d{4})-m?(0[1-9]|1[0-2])$`)
)

// parsePeriod reads a period from a row ID.
func parsePeriod(id string) (period, bool) {
	id = strings.ToLower(id)
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if m := yearRe.FindStringSubmatch(id); m != nil {
		y := atoi(m[1])
		return period{unit: 'y', year: y, index: y}, true
	}
	if m := quarterRe.FindStringSubmatch(id); m != nil {
		y, q := atoi(m[1]+m[4]), atoi(m[2]+m[3])
		return period{unit: 'q', year: y, part: q, index: y*4 + q - 1}, true
	}
	if m := monthRe.FindStringSubmatch(id); m != nil {
		y, mo := atoi(m[1]), atoi(m[2])
		return period{unit: 'm', year: y, part: mo, index: y*12 + mo - 1}, true
	}
	return period{}, false
}

// at returns the period index i of unit u.
func periodAt(u byte, i int) period {
	switch u {
	case 'q':
		return period{unit: u, year: i / 4, part: i%4 + 1, index: i}
	case 'm':
		return period{unit: u, year: i / 12, part: i%12 + 1, index: i}
	}
	return period{unit: u, year: i, index: i}
}

const periodHint = `name each row by its period: id = "2023", "2023-q3" (or "q3-2023") or "2023-04", one kind of period per chart, in time order`

// maxPeriods bounds a time axis, gaps included: a typo in a year must not
// draw ten thousand empty slots.
const maxPeriods = 240

func checkPeriods(c *dataset.Chart) []dataset.ChartProblem {
	var prev period
	for i, r := range c.ChartRows() {
		p, ok := parsePeriod(r.ID)
		switch {
		case !ok:
			return []dataset.ChartProblem{{Key: "rows", Hint: periodHint, Msg: fmt.Sprintf("chart %q: row %q does not name a period", c.ID, r.ID)}}
		case i > 0 && p.unit != prev.unit:
			return []dataset.ChartProblem{{Key: "rows", Hint: periodHint, Msg: fmt.Sprintf("chart %q: rows %q and %q are different kinds of period", c.ID, c.ChartRows()[i-1].ID, r.ID)}}
		case i > 0 && p.index <= prev.index:
			return []dataset.ChartProblem{{Key: "rows", Hint: periodHint, Msg: fmt.Sprintf("chart %q: row %q does not come after %q", c.ID, r.ID, c.ChartRows()[i-1].ID)}}
		}
		if i > 0 && p.index-firstPeriod(c).index >= maxPeriods {
			return []dataset.ChartProblem{{Key: "rows", Hint: fmt.Sprintf("draw at most %d periods", maxPeriods), Msg: fmt.Sprintf("chart %q spans more than %d periods", c.ID, maxPeriods)}}
		}
		prev = p
	}
	return nil
}

func firstPeriod(c *dataset.Chart) period {
	rows := c.ChartRows()
	if len(rows) == 0 {
		return period{}
	}
	p, _ := parsePeriod(rows[0].ID)
	return p
}

// fillPeriods inserts the missing periods between rows as gaps.
func fillPeriods(p *plot) error {
	if problems := checkPeriods(p.c); len(problems) > 0 {
		return fmt.Errorf("%s", problems[0].Msg)
	}
	rows := p.c.ChartRows()
	if len(rows) < 2 {
		return nil
	}
	first, _ := parsePeriod(rows[0].ID)
	last, _ := parsePeriod(rows[len(rows)-1].ID)
	n := last.index - first.index + 1
	if n == len(rows) {
		return nil
	}
	at := make([]int, n) // row index of each period, -1 for a gap
	for i := range at {
		at[i] = -1
	}
	for i, r := range rows {
		q, _ := parsePeriod(r.ID)
		at[q.index-first.index] = i
	}
	old := *p
	old.series = slices.Clone(p.series) // the slices inside are replaced, not changed
	p.cats, p.highlight, p.partial = nil, nil, nil
	for si := range p.series {
		p.series[si].vals, p.series[si].dec, p.series[si].has = nil, nil, nil
	}
	for j, i := range at {
		if i < 0 {
			p.cats = append(p.cats, periodLabel(periodAt(first.unit, first.index+j), rows, old.cats))
			p.highlight = append(p.highlight, false)
			p.partial = append(p.partial, false)
			for si := range p.series {
				s := &p.series[si]
				s.vals, s.dec, s.has = append(s.vals, 0), append(s.dec, 0), append(s.has, false)
			}
			continue
		}
		p.cats = append(p.cats, old.cats[i])
		p.highlight = append(p.highlight, old.highlight[i])
		p.partial = append(p.partial, old.partial[i])
		for si := range p.series {
			s, o := &p.series[si], old.series[si]
			s.vals, s.dec, s.has = append(s.vals, o.vals[i]), append(s.dec, o.dec[i]), append(s.has, o.has[i])
		}
	}
	return nil
}

// periodLabel writes a label for period q in the form of a row's label: the
// row's year and quarter or month numbers, where its label shows them as
// digits, are replaced by q's. A label that shows no such digits gives way
// to a plain form (2023, 2023Q2, 2023-04).
func periodLabel(q period, rows []*dataset.Row, cats []string) string {
	for i, r := range rows {
		rp, _ := parsePeriod(r.ID)
		if s, ok := relabel(cats[i], rp, q); ok {
			return s
		}
	}
	switch q.unit {
	case 'q':
		return fmt.Sprintf("%dQ%d", q.year, q.part)
	case 'm':
		return fmt.Sprintf("%d-%02d", q.year, q.part)
	}
	return strconv.Itoa(q.year)
}

var digitsRe = regexp.MustCompile(`\d+`)

// relabel replaces the numbers of period from in label by those of to: the
// year, and the quarter or month when from has one. Every number in the
// label must be one of them, once.
func relabel(label string, from, to period) (string, bool) {
	seenYear, seenPart := false, false
	ok := true
	out := digitsRe.ReplaceAllStringFunc(label, func(d string) string {
		n, _ := strconv.Atoi(d)
		switch {
		case n == from.year && len(d) == 4 && !seenYear:
			seenYear = true
			return strconv.Itoa(to.year)
		case from.part > 0 && n == from.part && !seenPart:
			seenPart = true
			if len(d) == 2 {
				return fmt.Sprintf("%02d", to.part)
			}
			return strconv.Itoa(to.part)
		}
		ok = false
		return d
	})
	return out, ok && seenYear && (from.part == 0 || seenPart)
}

// denseAt is the number of periods above which labels thin out.
const denseAt = 8

// periodStep is every how many periods a label is shown: about six on a
// dense axis, and enough room for each label in two lines.
func periodStep(p *plot) int {
	n := len(p.cats)
	step := 1
	if n > denseAt {
		step = (n + 5) / 6
	}
	slot := slotWidth(n) - p.endRoom()/max(1, n)
	for ; step < n; step++ {
		fits := true
		for _, c := range p.cats {
			fits = fits && strings.Count(wrap(c, max(36, slot*step)), "\n") < 2
		}
		if fits {
			break
		}
	}
	return step
}

// thinPeriods shows every k-th category label and, on a dense axis, only
// the last value label and highlighted ones.
func thinPeriods(p *plot, tree map[string]any) {
	addTop(tree, lineHeight) // the highest point's label
	n := len(p.cats)
	if step := p.labelStep(); step > 1 {
		if ax, ok := get(tree, "xAxis", 0, "axisLabel").(map[string]any); ok {
			ax["interval"] = step - 1
		}
	}
	if n <= denseAt && valueLabelsFit(p) {
		return
	}
	series, _ := tree["series"].([]any)
	for si, s := range series {
		if si >= len(p.series) {
			break
		}
		keep := keepApart(p, si)
		data, _ := get(s, "data").([]any)
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
func keepApart(p *plot, si int) map[int]bool {
	s := p.series[si]
	var order []int
	for i := range s.vals {
		if p.highlight[i] && s.has[i] {
			order = append(order, i)
		}
	}
	lo, hi := extremes(s)
	order = append(order, lastWith(p, si), hi, lo)
	slot := float64(Width-64-p.endRoom()) / float64(max(1, len(p.cats)))
	keep := map[int]bool{}
	for _, i := range order {
		if i < 0 || keep[i] {
			continue
		}
		clear := true
		for j := range keep {
			gap := math.Abs(float64(i-j)) * slot
			if gap < float64(textWidth(p.shortAt(si, i))+textWidth(p.shortAt(si, j)))/2+6 {
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
func valueLabelsFit(p *plot) bool {
	slot := (Width - 64 - p.endRoom()) / max(1, len(p.cats))
	for si, s := range p.series {
		for i := range s.vals {
			if s.has[i] && textWidth(p.shortAt(si, i)) > slot-4 {
				return false
			}
		}
	}
	return true
}

// extremes returns the rows of the lowest and highest values of s.
func extremes(s series) (lo, hi int) {
	lo, hi = -1, -1
	for i, v := range s.vals {
		if !s.has[i] {
			continue
		}
		if lo < 0 || v < s.vals[lo] {
			lo = i
		}
		if hi < 0 || v > s.vals[hi] {
			hi = i
		}
	}
	return lo, hi
}

// lastWith returns the last row with a value in series si.
func lastWith(p *plot, si int) int {
	if si >= len(p.series) {
		return -1
	}
	s := p.series[si]
	for i := len(s.has) - 1; i >= 0; i-- {
		if s.has[i] {
			return i
		}
	}
	return -1
}

// timeHeight is a column chart's height; period labels are short.
func timeHeight(c *dataset.Chart, rows []*dataset.Row) int {
	return columnHeight(c, rows)
}

// periodsIfAny fills missing periods when every row names one: a chart
// that may run over periods or over categories.
func periodsIfAny(p *plot) error {
	for _, r := range p.c.ChartRows() {
		if _, ok := parsePeriod(r.ID); !ok {
			return nil
		}
	}
	if len(checkPeriods(p.c)) > 0 {
		return nil // out of order: drawn as categories, in the table's order
	}
	return fillPeriods(p)
}
