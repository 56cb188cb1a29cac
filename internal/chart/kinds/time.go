package kinds

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"reportsite/internal/chart"
	"reportsite/internal/chart/wrap"
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
	chart.Register(&chart.Kind{
		Name:       "time-line",
		Names:      map[string]string{"": "Line chart over time", lang.ScriptHant: "時間折線圖", lang.ScriptHans: "时间折线图"},
		Check:      checkPeriods,
		Prepare:    fillPeriods,
		Option:     line,
		Finish:     thinPeriods,
		PeriodStep: periodStep,
		Height:     timeHeight,
		NegLabelAt: "bottom",
	})
	chart.Register(&chart.Kind{
		Name:       "time-bar",
		Names:      map[string]string{"": "Bar chart over time", lang.ScriptHant: "時間柱狀圖", lang.ScriptHans: "时间柱状图"},
		Check:      checkPeriods,
		Prepare:    fillPeriods,
		Option:     bar,
		Finish:     thinPeriods,
		PeriodStep: periodStep,
		Height:     timeHeight,
		LabelAt:    "top",
		NegLabelAt: "bottom",
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
func fillPeriods(p *chart.Plot) error {
	if problems := checkPeriods(p.Chart); len(problems) > 0 {
		return fmt.Errorf("%s", problems[0].Msg)
	}
	rows := p.Chart.ChartRows()
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
	old.Series = slices.Clone(p.Series) // the slices inside are replaced, not changed
	p.Cats, p.Highlight, p.Partial = nil, nil, nil
	for si := range p.Series {
		p.Series[si].Vals, p.Series[si].Dec, p.Series[si].Has = nil, nil, nil
	}
	for j, i := range at {
		if i < 0 {
			p.Cats = append(p.Cats, periodLabel(periodAt(first.unit, first.index+j), rows, old.Cats))
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
func periodStep(p *chart.Plot) int {
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

// thinPeriods shows every k-th category label and, on a dense axis, only
// the last value label and highlighted ones.
func thinPeriods(p *chart.Plot, tree map[string]any) {
	chart.AddTop(tree, chart.LineHeight) // the highest point's label
	n := len(p.Cats)
	if step := p.LabelStep(); step > 1 {
		if ax, ok := chart.Get(tree, "xAxis", 0, "axisLabel").(map[string]any); ok {
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
		data, _ := chart.Get(s, "data").([]any)
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

// timeHeight is a column chart's height; period labels are short.
func timeHeight(c *dataset.Chart, rows []*dataset.Row) int {
	return chart.ColumnHeight(c, rows)
}

// periodsIfAny fills missing periods when every row names one: a chart
// that may run over periods or over categories.
func periodsIfAny(p *chart.Plot) error {
	for _, r := range p.Chart.ChartRows() {
		if _, ok := parsePeriod(r.ID); !ok {
			return nil
		}
	}
	if len(checkPeriods(p.Chart)) > 0 {
		return nil // out of order: drawn as categories, in the table's order
	}
	return fillPeriods(p)
}
