package chart

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// Width is the width every chart is rendered at: a phone's column. The SVG
// scales to wider columns, keeping its proportions.
const Width = 360

// assetHost is go-echarts' default asset host. It must never reach a page:
// the site loads nothing from elsewhere.
const assetHost = "go-echarts.github.io"

// Option returns the ECharts option for chart c in language l as JSON, ready
// for server-side rendering and for the page's data island: keys are sorted,
// HTML-sensitive characters are escaped (\u003c), and there is no function
// code, so the same input gives the same bytes and the JSON is safe inside
// <script type="application/json">. units are the site's units by ID; nil
// means the table's.
func Option(c *dataset.Chart, l lang.Lang, units map[string]lang.Unit) ([]byte, error) {
	p, err := newPlot(c, l, units)
	if err != nil {
		return nil, err
	}
	return p.finish(p.k.option(p))
}

// plot is a chart's data resolved for one language.
type plot struct {
	c         *dataset.Chart
	k         *kind
	l         lang.Lang
	unit      lang.Unit
	cats      []string // category labels, one per row
	highlight []bool   // per row
	partial   []bool   // per row: a shorter period than the others
	series    []series
	// div divides values for the value axis, whose labels ECharts computes
	// and can only suffix: 9582000000 yuan is drawn as 95.82 with suffix 億.
	div    float64
	suffix string
	// direct: lines are named at their ends instead of in a legend.
	direct bool
}

// series is one value column.
type series struct {
	name string
	unit lang.Unit
	// div and suffix scale the series' axis: p.div and p.suffix, unless
	// the series has a unit of its own (a line's growth beside bars).
	div    float64
	suffix string
	vals   []float64
	dec    []int  // decimals as written: 9.0 has 1
	has    []bool // false: no value, drawn as a gap
}

func newPlot(c *dataset.Chart, l lang.Lang, units map[string]lang.Unit) (*plot, error) {
	if c == nil || c.Table == nil {
		return nil, errors.New("chart has no table")
	}
	t := c.Table
	if units == nil {
		units = t.Units
	}
	if _, ok := t.Column(c.Category); !ok {
		return nil, fmt.Errorf("chart %s: category column %q not found", c.ID, c.Category)
	}
	if len(c.Values) == 0 {
		return nil, fmt.Errorf("chart %s has no values", c.ID)
	}
	k, ok := kinds[c.Type]
	if !ok {
		return nil, fmt.Errorf("chart %s: unknown type %q", c.ID, c.Type)
	}
	if problems, _ := Types.Check(c); len(problems) > 0 {
		return nil, errors.New(problems[0].Msg) // check reports these with a position
	}
	p := &plot{c: c, k: k, l: l}
	rows := c.ChartRows()
	for _, r := range rows {
		cat := text(r.Cells[c.Category].Text, l)
		if cat == "" {
			cat = r.ID
		}
		p.cats = append(p.cats, cat)
		hl := false
		for _, id := range c.Highlight {
			hl = hl || id == r.ID
		}
		p.highlight = append(p.highlight, hl)
		p.partial = append(p.partial, c.Partial != nil && slices.Contains(c.Partial.Rows, r.ID))
	}
	for i, key := range c.Values {
		col, ok := t.Column(key)
		if !ok {
			return nil, fmt.Errorf("chart %s: value column %q not found", c.ID, key)
		}
		if i == 0 {
			p.unit = unitOf(col.Unit, units)
		}
		s := series{name: text(col.Label, l), unit: unitOf(col.Unit, units)}
		if s.name == "" {
			s.name = col.Key
		}
		for _, r := range rows {
			cell, ok := r.Cells[key]
			ok = ok && cell.HasNum && !math.IsNaN(cell.Num) && !math.IsInf(cell.Num, 0)
			v := 0.0
			if ok {
				v = cell.Num
			}
			s.vals = append(s.vals, v)
			s.dec = append(s.dec, cell.Decimals())
			s.has = append(s.has, ok)
		}
		p.series = append(p.series, s)
	}
	p.div, p.suffix = axisScale(p.maxAbs(), p.unit, l)
	for si := range p.series {
		s := &p.series[si]
		s.div, s.suffix = p.div, p.suffix
		if s.unit.ID != p.unit.ID {
			s.div, s.suffix = axisScale(s.maxAbs(), s.unit, l)
		}
	}
	if k.prepare != nil {
		if err := k.prepare(p); err != nil {
			return nil, fmt.Errorf("chart %s: %w", c.ID, err)
		}
	}
	return p, nil
}

// unitOf returns the unit with ID id, falling back to the built-in units and
// then to a plain number, so that drawing never fails on a unit.
func unitOf(id string, units map[string]lang.Unit) lang.Unit {
	if u, ok := units[id]; ok {
		return u
	}
	if u, ok := lang.BuiltinUnits()[id]; ok {
		return u
	}
	return lang.Unit{ID: id, Kind: lang.KindPlain}
}

// text returns t in l, or the text written once for every language, or, for
// a derived language whose text was not filled in, its source's text, which
// beats an empty label.
func text(t lang.Text, l lang.Lang) string {
	for _, k := range []string{l.Tag, lang.Any, l.Derive} {
		if s := t[k]; s != "" {
			return s
		}
	}
	return ""
}

// total is the sum of the first series' values: a pie's whole.
func (p *plot) total() float64 {
	t := 0.0
	for i, v := range p.series[0].vals {
		if p.series[0].has[i] {
			t += v
		}
	}
	return t
}

func (s series) maxAbs() float64 {
	m := 0.0
	for i, v := range s.vals {
		if s.has[i] {
			m = math.Max(m, math.Abs(v))
		}
	}
	return m
}

// maxAbs is the largest magnitude of the series in the first series' unit,
// and of the target.
func (p *plot) maxAbs() float64 {
	m := 0.0
	for _, s := range p.series {
		if s.unit.ID != p.unit.ID {
			continue
		}
		for i, v := range s.vals {
			if s.has[i] {
				m = math.Max(m, math.Abs(v))
			}
		}
	}
	if t := p.c.Target; t != nil && !math.IsNaN(t.Value) && !math.IsInf(t.Value, 0) {
		m = math.Max(m, math.Abs(t.Value))
	}
	return m
}

// axisScale chooses the scale of the value axis: the largest power of ten, at
// most max, that lang.Short writes as 1 and a scale word (1億, 1bn). The
// suffix is what Short writes after the 1 at that scale: 億, bn, %, or "".
// Asking lang keeps the scale words in one place.
func axisScale(max float64, u lang.Unit, l lang.Lang) (div float64, suffix string) {
	for _, d := range []float64{1e12, 1e9, 1e8, 1e6, 1e4, 1e3} {
		if max < d {
			continue
		}
		rest, ok := strings.CutPrefix(lang.Short(d, u, l), "1")
		if ok && rest != "" && !strings.ContainsAny(rest[:1], "0123456789,.") {
			return d, rest
		}
	}
	rest, _ := strings.CutPrefix(lang.Short(1, u, l), "1")
	return 1, rest
}

// scaled returns v in the axis' scale, without binary noise (95.82, not
// 95.82000000000001).
func (p *plot) scaled(v float64) float64 { return scaleBy(v, p.div) }

// scaledAt returns v in the scale of series si's axis.
func (p *plot) scaledAt(si int, v float64) float64 { return scaleBy(v, p.series[si].div) }

func scaleBy(v, div float64) float64 {
	x, err := strconv.ParseFloat(strconv.FormatFloat(v/div, 'g', 12, 64), 64)
	if err != nil {
		return v / div
	}
	return x
}

func (p *plot) short(v float64) string { return lang.Short(v, p.unit, p.l) }
func (p *plot) full(v float64) string  { return lang.Format(v, p.unit, p.l) }

// shortAt and fullAt write row i of series si with the decimals it was
// written with: 9.0%, not 9%.
func (p *plot) shortAt(si, i int) string {
	s := p.series[si]
	return lang.ShortDec(s.vals[i], s.dec[i], s.unit, p.l)
}

func (p *plot) fullAt(si, i int) string {
	s := p.series[si]
	return lang.FormatDec(s.vals[i], s.dec[i], s.unit, p.l)
}

// literal makes s safe as literal text in an ECharts string template, where
// braces start a placeholder ({b}) or a rich-text style ({name|text}).
func literal(s string) string {
	return strings.NewReplacer("{", "(", "}", ")").Replace(s)
}

// tip returns a tooltip template for a value. ECharts writes tooltips as
// HTML and escapes what it substitutes ({a}, {b}) but not the template
// itself, so the value is escaped here.
func (p *plot) tip(si, i int) string {
	val := html.EscapeString(literal(p.fullAt(si, i)))
	if len(p.series) > 1 {
		return "{a}<br/>{b}: " + val
	}
	return "{b}: " + val
}

// reached reports whether a progress bar reaches its target.
func (p *plot) reached(v float64) bool {
	return p.k.track && p.c.Target != nil && v >= p.c.Target.Value
}

// item returns the data item for row i of series si: the value in the axis'
// scale, its label formatted in the page's language, and its colour.
func (p *plot) item(si, i int) opts.BarData {
	s := p.series[si]
	if !s.has[i] {
		return opts.BarData{Value: "-"}
	}
	v := s.vals[i]
	d := opts.BarData{
		Value:   p.scaledAt(si, v),
		Label:   &opts.Label{Formatter: literal(p.shortAt(si, i))},
		Tooltip: &opts.Tooltip{Formatter: types.FuncStr(p.tip(si, i))},
	}
	if v < 0 && p.k.negLabelAt != "" {
		// A negative bar's end is its bottom (or left): label it there.
		d.Label.Position = p.k.negLabelAt
	}
	if p.k.track {
		// The label sits at the end of the track (see track), clear of
		// the target line and of the other bars.
		d.Label.Show = opts.Bool(false)
	}
	switch {
	case p.reached(v):
		d.ItemStyle = &opts.ItemStyle{Color: colorReached}
	case p.k.track:
		d.ItemStyle = &opts.ItemStyle{Color: colorBase}
	}
	if p.partial[i] {
		// A shorter period: lighter, outlined with a dashed line, and
		// said in the label.
		c := colorOf(d.ItemStyle, si)
		if p.highlight[i] && len(p.series) == 1 && !p.k.track {
			c = colorHighlight
		}
		d.ItemStyle = &opts.ItemStyle{Color: translucent(c), BorderColor: c, BorderWidth: 1.5} // dashed: see finish
		if pl := text(p.c.Partial.Label, p.l); pl != "" {
			d.Label.Formatter += "\n" + literal(pl)
		}
		if p.highlight[i] {
			d.Label.FontWeight = "bold"
		}
		return d
	}
	if p.highlight[i] {
		d.Label.FontWeight = "bold"
		if len(p.series) == 1 && !p.k.track {
			d.ItemStyle = &opts.ItemStyle{Color: colorHighlight}
		} else {
			// Several series, or colours that carry meaning: outline the
			// row instead of recolouring it.
			d.ItemStyle = &opts.ItemStyle{Color: colorOf(d.ItemStyle, si), BorderColor: TextColor, BorderWidth: 2}
		}
	}
	return d
}

// translucent returns a #rrggbb colour at 45 % opacity.
func translucent(hex string) string {
	if len(hex) != 7 || hex[0] != '#' {
		return hex
	}
	n, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil {
		return hex
	}
	return fmt.Sprintf("rgba(%d,%d,%d,0.45)", n>>16, n>>8&0xff, n&0xff)
}

func colorOf(st *opts.ItemStyle, si int) string {
	if st != nil && st.Color != "" {
		return st.Color
	}
	return palette[si%len(palette)]
}

// global returns the options every chart shares.
func (p *plot) global() []charts.GlobalOpts {
	_, h := Size(p.c)
	g := []charts.GlobalOpts{
		// An explicit ID: go-echarts would otherwise draw a random one.
		charts.WithInitializationOpts(opts.Initialization{
			ChartID: "chart-" + p.c.ID,
			Width:   strconv.Itoa(Width) + "px",
			Height:  strconv.Itoa(h) + "px",
		}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithColorsOpts(palette),
	}
	if len(p.series) > 1 && !p.direct {
		g = append(g, charts.WithLegendOpts(opts.Legend{
			Show:      opts.Bool(true),
			Top:       "0",
			Left:      "center",
			Data:      p.seriesNames(),
			TextStyle: &opts.TextStyle{Color: TextColor, FontSize: fontSize},
		}))
	}
	return g
}

func (p *plot) seriesNames() []string {
	var out []string
	for _, s := range p.series {
		out = append(out, s.name)
	}
	return out
}

// Layout constants, in px at Width.
const (
	catLabelWidth = 110 // category labels beside horizontal bars wrap at this width
	pieLabelWidth = 90  // a pie's labels wrap at this width, beside the pie
	lineHeight    = 18  // of a 13 px label
	legendHeight  = 30
)

func (p *plot) grid(horizontal bool) opts.Grid {
	top, bottom, left, right := 16, 8, 8, 16
	if len(p.series) > 1 && !p.direct {
		top += legendHeight
	}
	right = max(right, p.endRoom())
	if !horizontal && !p.c.YName.IsZero() || horizontal && p.c.Target != nil {
		top += lineHeight // the axis name or the target's label sits above the plot
	}
	if !p.c.XName.IsZero() {
		bottom += 24
	}
	if horizontal {
		// ECharts measures the category labels with Latin widths of Arial
		// when rendering without a browser; wider system fonts would spill
		// past the left edge.
		left = 20
		// Value labels sit right of the bars, outside what containLabel
		// measures: leave room for the longest.
		w := 0
		for si, s := range p.series {
			for i := range s.vals {
				if s.has[i] {
					w = max(w, textWidth(p.shortAt(si, i)))
				}
			}
		}
		right = max(right, w+12)
	}
	return opts.Grid{
		Left: strconv.Itoa(left), Right: strconv.Itoa(right), Top: strconv.Itoa(top), Bottom: strconv.Itoa(bottom),
		ContainLabel: opts.Bool(true),
	}
}

// axes returns the category and value axes. The category axis' labels wrap
// at a width that fits the column.
func (p *plot) axes(horizontal bool) (cat, val axis) {
	cat = axis{
		Type: "category",
		AxisLabel: &opts.AxisLabel{
			Interval: "0", Color: TextColor, FontSize: fontSize,
		},
		AxisLine: &opts.AxisLine{LineStyle: &opts.LineStyle{Color: LineColor}},
		AxisTick: &opts.AxisTick{Show: opts.Bool(false)},
	}
	val = axis{
		Type:      "value",
		AxisLabel: &opts.AxisLabel{Color: TextColor, FontSize: fontSize, HideOverlap: opts.Bool(true)},
		AxisLine:  &opts.AxisLine{Show: opts.Bool(false), LineStyle: &opts.LineStyle{Color: LineColor}},
		SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: LineColor}},
	}
	// A named value axis carries its unit in its name ("Output (CNY bn)"),
	// so its ticks are bare numbers; otherwise each tick is suffixed, and
	// the zero tick, which ECharts would write "0bn", is left out: the
	// baseline marks it. Percent signs stay on every tick.
	named := !p.c.YName.IsZero() && !horizontal || !p.c.XName.IsZero() && horizontal
	switch {
	case p.suffix == "":
	case p.unit.Kind == lang.KindPercent || !named:
		val.AxisLabel.Formatter = types.FuncStr("{value}" + literal(p.suffix))
	}
	if p.suffix != "" && p.unit.Kind != lang.KindPercent && !named {
		val.AxisLabel.ShowMinLabel = opts.Bool(false)
	}
	if horizontal {
		cat.Inverse = opts.Bool(true) // the first row on top, as in the table
		val.Split = 3                 // few ticks: their labels share 360 px
	}
	if p.k.track {
		// Every bar and the target are labelled: the axis needs only its
		// ends and middle.
		val.Min, val.Max, val.Split = 0, p.scaled(p.trackEnd()), 2
	}
	return cat, val
}

// axis holds what an x and a y axis share, so one function builds both.
type axis struct {
	Type      string
	Name      string
	Inverse   types.Bool
	Min, Max  any
	Split     int
	AxisLabel *opts.AxisLabel
	AxisLine  *opts.AxisLine
	AxisTick  *opts.AxisTick
	SplitLine *opts.SplitLine
}

func (a axis) x(name string) opts.XAxis {
	x := opts.XAxis{
		Type: a.Type, Name: name, Inverse: a.Inverse, SplitNumber: a.Split,
		Min: a.Min, Max: a.Max, AxisLabel: a.AxisLabel, AxisLine: a.AxisLine,
		AxisTick: a.AxisTick, SplitLine: a.SplitLine,
	}
	if name != "" {
		x.NameLocation, x.NameGap = "middle", 28 // centred below the labels
	}
	return x
}

func (a axis) y(name string) opts.YAxis {
	y := opts.YAxis{
		Type: a.Type, Name: name, Inverse: a.Inverse,
		Min: a.Min, Max: a.Max, AxisLabel: a.AxisLabel, AxisLine: a.AxisLine,
		SplitLine: a.SplitLine,
	}
	if name != "" {
		y.NameLocation = "end" // above the axis
	}
	return y
}

// axisOpts places the category and value axes on x and y.
func (p *plot) axisOpts(horizontal bool) []charts.GlobalOpts {
	cat, val := p.axes(horizontal)
	xName, yName := text(p.c.XName, p.l), text(p.c.YName, p.l)
	if horizontal {
		return []charts.GlobalOpts{charts.WithXAxisOpts(val.x(xName)), charts.WithYAxisOpts(cat.y(yName))}
	}
	return []charts.GlobalOpts{charts.WithXAxisOpts(cat.x(xName)), charts.WithYAxisOpts(val.y(yName))}
}

// wrappedCats returns the category labels broken into lines that fit the
// room a label has: beside horizontal bars, or under its own slot.
func (p *plot) wrappedCats(horizontal bool) []string {
	width := catLabelWidth
	if !horizontal {
		width = slotWidth(len(p.cats)) - p.endRoom()/max(1, len(p.cats))
		width = max(36, width*p.labelStep())
	}
	out := make([]string, len(p.cats))
	for i, c := range p.cats {
		out[i] = wrap(c, width)
	}
	return out
}

// labelStep is every how many categories an axis label is shown: 1 but on
// a time axis whose labels would not fit.
func (p *plot) labelStep() int {
	if p.k.periodStep == nil {
		return 1
	}
	return p.k.periodStep(p)
}

// slotWidth is the width of one category's slot on a vertical chart's axis
// of n categories, less a gap, so that neighbouring labels never touch.
func slotWidth(n int) int {
	return max(36, (Width-64)/max(1, n)-10)
}

// trackEnd is where a progress chart's track ends: 100 for percentages up
// to 100, else the largest value or target.
func (p *plot) trackEnd() float64 {
	m := p.maxAbs()
	if p.unit.Kind == lang.KindPercent && m <= 100 {
		return 100
	}
	return m
}

// targetLine returns the series options that draw the target as a dashed
// line across the value axis, labelled in the page's language.
func (p *plot) targetLine(horizontal bool) []charts.SeriesOpts {
	t := p.c.Target
	if t == nil || math.IsNaN(t.Value) || math.IsInf(t.Value, 0) {
		return nil
	}
	label := text(t.Label, p.l)
	if label == "" {
		label = p.short(t.Value)
	}
	// Above a vertical line's top (the category axis runs top down, so
	// the line starts there); above a horizontal line's right end, inside
	// the plot, where the grid leaves no margin.
	position := "insideEndTop"
	if horizontal {
		position = "start"
	}
	style := opts.MarkLineStyle{
		Symbol:    []string{"none", "none"},
		Label:     &opts.Label{Show: opts.Bool(true), Position: position, Color: TextColor, FontSize: fontSize, Formatter: literal(label)},
		LineStyle: &opts.LineStyle{Color: TextColor, Type: "dashed", Width: 1.5},
	}
	var item charts.SeriesOpts
	if horizontal {
		item = charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: label, XAxis: p.scaled(t.Value)})
	} else {
		item = charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: label, YAxis: p.scaled(t.Value)})
	}
	return []charts.SeriesOpts{charts.WithMarkLineStyleOpts(style), item}
}

func (p *plot) bar() map[string]any {
	horizontal := p.k.horizontal
	b := charts.NewBar()
	b.SetGlobalOptions(p.global()...)
	b.SetGlobalOptions(p.axisOpts(horizontal)...)
	b.SetGlobalOptions(charts.WithGridOpts(p.grid(horizontal)))
	b.SetXAxis(p.wrappedCats(horizontal))
	if horizontal {
		b.XYReversal()
	}
	position := p.k.labelAt
	for si, s := range p.series {
		var data []opts.BarData
		for i := range p.cats {
			data = append(data, p.item(si, i))
		}
		so := []charts.SeriesOpts{
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: position, Color: TextColor, FontSize: fontSize}),
			charts.WithBarChartOpts(opts.BarChart{Stack: p.k.stack, BarCategoryGap: "30%"}),
		}
		if position == "inside" {
			so = append(so, charts.WithLabelLayoutOpts(opts.LabelLayout{HideOverlap: opts.Bool(true)}))
		}
		if si == 0 {
			so = append(so, p.targetLine(horizontal)...)
		}
		b.AddSeries(s.name, data, so...)
	}
	if p.k.track {
		b.AddSeries("", p.track(),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Color: TextColor, FontSize: fontSize}),
			charts.WithBarChartOpts(opts.BarChart{Stack: p.k.stack, BarCategoryGap: "30%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colorTrack}),
		)
	}
	b.Validate()
	return b.JSON()
}

// track returns the rest of each progress bar up to trackEnd, stacked on the
// bar: a grey track that carries the bar's value label at its end, where
// labels form one column clear of the target line.
func (p *plot) track() []opts.BarData {
	s, end := p.series[0], p.trackEnd()
	var out []opts.BarData
	for i := range p.cats {
		if !s.has[i] {
			out = append(out, opts.BarData{Value: "-"})
			continue
		}
		// A negative value has no bar on a track from 0: the whole track
		// carries its label.
		v := math.Max(0, s.vals[i])
		d := opts.BarData{
			Value: p.scaled(math.Max(0, end-v)),
			Label: &opts.Label{Formatter: literal(p.shortAt(0, i))},
		}
		if p.highlight[i] {
			d.Label.FontWeight = "bold"
		}
		out = append(out, d)
	}
	return out
}

// line draws one line per series. Two to four lines are named at their
// ends (direct labels) rather than in a legend, as are stacked areas, whose
// other points are not labelled.
func (p *plot) line() map[string]any {
	p.direct = len(p.series) > 1 && len(p.series) <= 4 || p.k.endOnly
	c := charts.NewLine()
	c.SetGlobalOptions(p.global()...)
	c.SetGlobalOptions(p.axisOpts(false)...)
	c.SetGlobalOptions(charts.WithGridOpts(p.grid(false)))
	c.SetXAxis(p.wrappedCats(false))
	for si, s := range p.series {
		data := p.items(si)
		if i := lastWith(p, si); p.direct && i >= 0 {
			// The line's last point names it, right of the point.
			data[i].Label.Show = opts.Bool(true)
			data[i].Label.Position = "right"
			data[i].Label.Formatter = literal(p.endLabel(si))
		}
		so := []charts.SeriesOpts{
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(!p.k.endOnly), Position: "top", Color: TextColor, FontSize: fontSize}),
			charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 7, ShowSymbol: opts.Bool(true), ConnectNulls: opts.Bool(false), Stack: p.k.stack}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 2}),
			// go-echarts types line data as LineData, which has no label or
			// style; a bar data item is the same ECharts data item.
			charts.WithSeriesOpts(func(ss *charts.SingleSeries) { ss.Data = data }),
		}
		if p.k.area {
			so = append(so, charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(areaOpacity)}))
		}
		if si == 0 {
			so = append(so, p.targetLine(false)...)
		}
		c.AddSeries(s.name, nil, so...)
	}
	c.Validate()
	return c.JSON()
}

// pie draws one slice per row in a ring from radius (a pie: "64%"; a
// donut: ["40%", "64%"]).
func (p *plot) pie(radius any) map[string]any {
	c := charts.NewPie()
	c.SetGlobalOptions(p.global()...)
	s := p.series[0]
	var data []opts.PieData
	for i, cat := range p.cats {
		if !s.has[i] {
			continue // a slice cannot show a gap: leave it out
		}
		v := s.vals[i]
		d := opts.PieData{
			Name:    cat,
			Value:   p.scaled(v),
			Label:   &opts.Label{Formatter: literal(wrap(cat, pieLabelWidth)) + "\n" + literal(p.shortAt(0, i))},
			Tooltip: &opts.Tooltip{Formatter: types.FuncStr("{b}: " + html.EscapeString(literal(p.fullAt(0, i))) + " ({d}%)")},
		}
		if p.highlight[i] {
			d.Selected = opts.Bool(true)
			d.Label.FontWeight = "bold"
		}
		data = append(data, d)
	}
	// The pie fills the height; its labels sit at the column's edges.
	c.AddSeries(s.name, data,
		charts.WithPieChartOpts(opts.PieChart{Radius: radius, Center: []string{"50%", "50%"}}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Color: TextColor, FontSize: fontSize}),
		charts.WithLabelLineOpts(opts.LabelLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: LineColor}}),
	)
	c.Validate()
	return c.JSON()
}

// finish turns go-echarts' option into the JSON a page carries. It drops
// what is not ECharts option content or not wanted (an empty title, the
// toolbox, a legend for one series, null fields), adds what go-echarts has
// no field for (global text style, axis name style, pie label layout), and
// rejects function code and remote URLs.
func (p *plot) finish(obj map[string]any) ([]byte, error) {
	delete(obj, "title") // the page's <figcaption> carries it
	delete(obj, "toolbox")
	if len(p.series) < 2 {
		delete(obj, "legend")
	}
	raw, err := json.Marshal(obj)
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", p.c.ID, err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // keep numbers as go-echarts wrote them
	var tree map[string]any
	if err := dec.Decode(&tree); err != nil {
		return nil, fmt.Errorf("chart %s: %w", p.c.ID, err)
	}
	prune(tree)
	tree["textStyle"] = map[string]any{"color": TextColor, "fontFamily": fontFamily, "fontSize": fontSize}
	for _, k := range []string{"xAxis", "yAxis"} {
		axes, _ := tree[k].([]any)
		for _, a := range axes {
			if m, ok := a.(map[string]any); ok && m["name"] != nil && m["nameTextStyle"] == nil {
				// ECharts colours an axis name like its line by default.
				m["nameTextStyle"] = map[string]any{"color": TextColor, "fontSize": fontSize, "align": nameAlign(k)}
			}
		}
	}
	if series, ok := tree["series"].([]any); ok && p.c.Partial != nil {
		// go-echarts' ItemStyle has no borderType.
		for si, s := range series {
			if si >= len(p.series) {
				break
			}
			data, _ := get(s, "data").([]any)
			for i, d := range data {
				if st, ok := get(d, "itemStyle").(map[string]any); ok && i < len(p.partial) && p.partial[i] {
					st["borderType"] = "dashed"
				}
			}
		}
	}
	if series, ok := tree["series"].([]any); ok && p.c.Partial != nil {
		// go-echarts' ItemStyle has no borderType.
		for si, s := range series {
			if si >= len(p.series) {
				break
			}
			data, _ := get(s, "data").([]any)
			for i, d := range data {
				if st, ok := get(d, "itemStyle").(map[string]any); ok && i < len(p.partial) && p.partial[i] {
					st["borderType"] = "dashed"
				}
			}
		}
	}
	if p.k.finish != nil {
		p.k.finish(p, tree)
	}
	out, err := json.Marshal(tree) // HTML escaping on: safe in a <script> island
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", p.c.ID, err)
	}
	if bytes.Contains(out, []byte(assetHost)) || bytes.Contains(out, []byte("__f__")) {
		return nil, fmt.Errorf("chart %s: option holds a remote asset or function code", p.c.ID)
	}
	return out, nil
}

// areaOpacity shades an area under its line: light enough that labels on
// it stay legible, and that stacked bands stay apart.
const areaOpacity = 0.3

// endLabelWidth is the width direct labels wrap at, right of the plot.
const endLabelWidth = 96

// endLabel is what names series si at its line's end: its name, wrapped,
// and its last value.
func (p *plot) endLabel(si int) string {
	s := p.series[si]
	i := lastWith(p, si)
	if i < 0 {
		return wrap(s.name, endLabelWidth)
	}
	return wrap(s.name, endLabelWidth) + "\n" + p.shortAt(si, i)
}

// endRoom is the room right of the plot that direct labels take.
func (p *plot) endRoom() int {
	if !p.direct {
		return 0
	}
	w := 0
	for si := range p.series {
		w = max(w, maxLineWidth(p.endLabel(si))+16)
	}
	return w
}

// items returns the data items of series si.
func (p *plot) items(si int) []opts.BarData {
	var out []opts.BarData
	for i := range p.cats {
		out = append(out, p.item(si, i))
	}
	return out
}

// valueAxis returns a value axis for series si's scale, for options
// written without go-echarts: ticks suffixed with the scale word unless the
// spec names the axis (percent signs stay), and no zero tick that would
// read "0億".
func (p *plot) valueAxis(si int, name string, specNamed bool) map[string]any {
	s := p.series[si]
	label := map[string]any{"color": TextColor, "fontSize": fontSize, "hideOverlap": true}
	if s.suffix != "" && (s.unit.Kind == lang.KindPercent || !specNamed) {
		label["formatter"] = "{value}" + literal(s.suffix)
	}
	if s.suffix != "" && s.unit.Kind != lang.KindPercent && !specNamed {
		label["showMinLabel"] = false
	}
	a := map[string]any{
		"type":      "value",
		"axisLabel": label,
		"axisLine":  map[string]any{"show": false, "lineStyle": map[string]any{"color": LineColor}},
		"splitLine": map[string]any{"show": true, "lineStyle": map[string]any{"color": LineColor}},
	}
	if name != "" {
		a["name"] = name
	}
	return a
}

// addTop adds px to the top margin of the option's grid: room for the
// labels of points at the top of the value axis.
func addTop(tree map[string]any, px int) {
	if g, ok := tree["grid"].([]any); ok && len(g) > 0 {
		if m, ok := g[0].(map[string]any); ok {
			if n, err := strconv.Atoi(fmt.Sprint(m["top"])); err == nil {
				m["top"] = strconv.Itoa(n + px)
			}
		}
	}
}

// maxLineWidth is the width of the widest line of s.
func maxLineWidth(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, textWidth(l))
	}
	return w
}

func itoa(n int) string { return strconv.Itoa(n) }

func nameAlign(axis string) string {
	if axis == "yAxis" {
		return "left" // from the axis' top, into the plot: never cut off on the left
	}
	return "center"
}

// get walks a path of keys and indexes through generic JSON.
func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k < 0 || k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

// prune removes null fields and empty objects, which go-echarts writes for
// options never set.
func prune(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case map[string]any:
		for k, x := range v {
			if !prune(x) {
				delete(v, k)
			}
		}
		return len(v) > 0
	case []any:
		for _, x := range v {
			prune(x)
		}
	}
	return true
}

// textWidth estimates the width in px of s in a 12 px font: wide (CJK)
// characters take a full em, others about 0.6 em.
func textWidth(s string) int {
	w := 0.0
	for _, r := range s {
		if isWide(r) {
			w += fontSize
		} else {
			w += 0.6 * fontSize
		}
	}
	return int(math.Ceil(w))
}

func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}
