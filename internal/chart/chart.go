package chart

import (
	"errors"
	"fmt"
	"html"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"reportsite/internal/addr"
	"reportsite/internal/chart/option"
	"reportsite/internal/chart/style"
	"reportsite/internal/chart/wrap"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// Width is the width every chart is rendered at: a phone's column. The SVG
// scales to wider columns, keeping its proportions.
const Width = 360

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
	return p.finish(p.Kind.Option(p))
}

// Plot is a chart's data resolved for one language.
type Plot struct {
	Chart     *dataset.Chart
	Kind      *Kind
	Lang      lang.Lang
	Unit      lang.Unit
	Cats      []string // category labels, one per row
	Highlight []bool   // per row
	Partial   []bool   // per row: a shorter period than the others
	Series    []Series
	// div divides values for the value axis, whose labels ECharts computes
	// and can only suffix: 9582000000 yuan is drawn as 95.82 with suffix 億.
	div    float64
	suffix string
	// direct: lines are named at their ends instead of in a legend.
	Direct bool
}

// Series is one value column.
type Series struct {
	Name string
	Unit lang.Unit
	// div and suffix scale the series' axis: p.div and p.suffix, unless
	// the series has a unit of its own (a line's growth beside bars).
	div    float64
	suffix string
	Vals   []float64
	Dec    []int  // decimals as written: 9.0 has 1
	Has    []bool // false: no value, drawn as a gap
}

func newPlot(c *dataset.Chart, l lang.Lang, units map[string]lang.Unit) (*Plot, error) {
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
	p := &Plot{Chart: c, Kind: k, Lang: l}
	rows := c.ChartRows()
	for _, r := range rows {
		cat := TextIn(r.Cell(c.Category).Text, l)
		if cat == "" {
			cat = r.ID
		}
		p.Cats = append(p.Cats, cat)
		hl := false
		for _, id := range c.Highlight {
			hl = hl || id == r.ID
		}
		p.Highlight = append(p.Highlight, hl)
		p.Partial = append(p.Partial, c.Partial != nil && slices.Contains(c.Partial.Rows, r.ID))
	}
	for i, key := range c.Values {
		col, ok := t.Column(key)
		if !ok {
			return nil, fmt.Errorf("chart %s: value column %q not found", c.ID, key)
		}
		if i == 0 {
			p.Unit = unitOf(col.Unit, units)
		}
		s := Series{Name: TextIn(col.Label, l), Unit: unitOf(col.Unit, units)}
		if s.Name == "" {
			s.Name = col.Key
		}
		for _, r := range rows {
			cell, ok := r.Lookup(key)
			ok = ok && cell.HasNum && !math.IsNaN(cell.Num) && !math.IsInf(cell.Num, 0)
			v := 0.0
			if ok {
				v = cell.Num
			}
			s.Vals = append(s.Vals, v)
			s.Dec = append(s.Dec, cell.Decimals())
			s.Has = append(s.Has, ok)
		}
		p.Series = append(p.Series, s)
	}
	p.div, p.suffix = axisScale(p.MaxAbs(), p.Unit, l)
	for si := range p.Series {
		s := &p.Series[si]
		s.div, s.suffix = p.div, p.suffix
		if s.Unit.ID != p.Unit.ID {
			s.div, s.suffix = axisScale(s.MaxAbs(), s.Unit, l)
		}
	}
	if k.Prepare != nil {
		if err := k.Prepare(p); err != nil {
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

// TextIn returns t in l, or the text written once for every language, or, for
// a derived language whose text was not filled in, its source's text, which
// beats an empty label.
func TextIn(t lang.Text, l lang.Lang) string {
	for _, k := range []string{l.Tag, lang.Any, l.Derive} {
		if s := t[k]; s != "" {
			return s
		}
	}
	return ""
}

// Total is the sum of the first series' values: a pie's whole.
func (p *Plot) Total() float64 {
	t := 0.0
	for i, v := range p.Series[0].Vals {
		if p.Series[0].Has[i] {
			t += v
		}
	}
	return t
}

func (s Series) MaxAbs() float64 {
	m := 0.0
	for i, v := range s.Vals {
		if s.Has[i] {
			m = math.Max(m, math.Abs(v))
		}
	}
	return m
}

// MaxAbs is the largest magnitude of the series in the first series' unit,
// and of the target.
func (p *Plot) MaxAbs() float64 {
	m := 0.0
	for _, s := range p.Series {
		if s.Unit.ID != p.Unit.ID {
			continue
		}
		for i, v := range s.Vals {
			if s.Has[i] {
				m = math.Max(m, math.Abs(v))
			}
		}
	}
	if t := p.Chart.Target; t != nil && !math.IsNaN(t.Value) && !math.IsInf(t.Value, 0) {
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

// Scaled returns v in the axis' scale, without binary noise (95.82, not
// 95.82000000000001).
func (p *Plot) Scaled(v float64) float64 { return scaleBy(v, p.div) }

// ScaledAt returns v in the scale of series si's axis.
func (p *Plot) ScaledAt(si int, v float64) float64 { return scaleBy(v, p.Series[si].div) }

func scaleBy(v, div float64) float64 {
	x, err := strconv.ParseFloat(strconv.FormatFloat(v/div, 'g', 12, 64), 64)
	if err != nil {
		return v / div
	}
	return x
}

func (p *Plot) Short(v float64) string { return lang.Short(v, p.Unit, p.Lang) }
func (p *Plot) full(v float64) string  { return lang.Format(v, p.Unit, p.Lang) }

// ShortAt and fullAt write row i of series si with the decimals it was
// written with: 9.0%, not 9%.
func (p *Plot) ShortAt(si, i int) string {
	s := p.Series[si]
	return lang.ShortDec(s.Vals[i], s.Dec[i], s.Unit, p.Lang)
}

func (p *Plot) FullAt(si, i int) string {
	s := p.Series[si]
	return lang.FormatDec(s.Vals[i], s.Dec[i], s.Unit, p.Lang)
}

// tip returns a tooltip template for a value. ECharts writes tooltips as
// HTML and escapes what it substitutes ({a}, {b}) but not the template
// itself, so the value is escaped here.
func (p *Plot) tip(si, i int) string {
	val := html.EscapeString(option.Literal(p.FullAt(si, i)))
	if len(p.Series) > 1 {
		return "{a}<br/>{b}: " + val
	}
	return "{b}: " + val
}

// reached reports whether a progress bar reaches its target.
func (p *Plot) reached(v float64) bool {
	return p.Kind.Track && p.Chart.Target != nil && v >= p.Chart.Target.Value
}

// Item returns the data item for row i of series si: the value in the axis'
// scale, its label formatted in the page's language, and its colour.
func (p *Plot) Item(si, i int) opts.BarData {
	s := p.Series[si]
	if !s.Has[i] {
		return opts.BarData{Value: "-"}
	}
	v := s.Vals[i]
	d := opts.BarData{
		Value:   p.ScaledAt(si, v),
		Label:   &opts.Label{Formatter: option.Literal(p.ShortAt(si, i))},
		Tooltip: &opts.Tooltip{Formatter: types.FuncStr(p.tip(si, i))},
	}
	if v < 0 && p.Kind.NegLabelAt != "" {
		// A negative bar's end is its bottom (or left): label it there.
		d.Label.Position = p.Kind.NegLabelAt
	}
	if p.Kind.Track {
		// The label sits at the end of the track (see track), clear of
		// the target line and of the other bars.
		d.Label.Show = opts.Bool(false)
	}
	switch {
	case p.reached(v):
		d.ItemStyle = &opts.ItemStyle{Color: style.ColorReached}
	case p.Kind.Track:
		d.ItemStyle = &opts.ItemStyle{Color: style.ColorBase}
	}
	if p.Partial[i] {
		// A shorter period: lighter, outlined with a dashed line, and
		// said in the label.
		c := colorOf(d.ItemStyle, si)
		if p.Highlight[i] && len(p.Series) == 1 && !p.Kind.Track {
			c = style.ColorHighlight
		}
		d.ItemStyle = &opts.ItemStyle{Color: style.Translucent(c), BorderColor: c, BorderWidth: 1.5} // dashed: see finish
		if pl := TextIn(p.Chart.Partial.Label, p.Lang); pl != "" {
			d.Label.Formatter += "\n" + option.Literal(pl)
		}
		if p.Highlight[i] {
			d.Label.FontWeight = "bold"
		}
		return d
	}
	if p.Highlight[i] {
		d.Label.FontWeight = "bold"
		if len(p.Series) == 1 && !p.Kind.Track {
			d.ItemStyle = &opts.ItemStyle{Color: style.ColorHighlight}
		} else {
			// Several series, or colours that carry meaning: outline the
			// row instead of recolouring it.
			d.ItemStyle = &opts.ItemStyle{Color: colorOf(d.ItemStyle, si), BorderColor: style.TextColor, BorderWidth: 2}
		}
	}
	return d
}

func colorOf(st *opts.ItemStyle, si int) string {
	if st != nil && st.Color != "" {
		return st.Color
	}
	pal := style.Palette()
	return pal[si%len(pal)]
}

// Global returns the options every chart shares.
func (p *Plot) Global() []charts.GlobalOpts {
	_, h := Size(p.Chart)
	g := []charts.GlobalOpts{
		// An explicit ID: go-echarts would otherwise draw a random one.
		charts.WithInitializationOpts(opts.Initialization{
			ChartID: addr.ChartID(p.Chart.ID),
			Width:   strconv.Itoa(Width) + "px",
			Height:  strconv.Itoa(h) + "px",
		}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithColorsOpts(style.Palette()),
	}
	if len(p.Series) > 1 && !p.Direct {
		g = append(g, charts.WithLegendOpts(opts.Legend{
			Show:      opts.Bool(true),
			Top:       "0",
			Left:      "center",
			Data:      p.SeriesNames(),
			TextStyle: &opts.TextStyle{Color: style.TextColor, FontSize: style.FontSize},
		}))
	}
	return g
}

func (p *Plot) SeriesNames() []string {
	var out []string
	for _, s := range p.Series {
		out = append(out, s.Name)
	}
	return out
}

// Layout constants, in px at Width.
const (
	catLabelWidth = 110 // category labels beside horizontal bars wrap at this width
	PieLabelWidth = 90  // a pie's labels wrap at this width, beside the pie
	LineHeight    = 18  // of a 13 px label
	legendHeight  = 30
)

func (p *Plot) Grid(horizontal bool) opts.Grid {
	top, bottom, left, right := 16, 8, 8, 16
	if len(p.Series) > 1 && !p.Direct {
		top += legendHeight
	}
	right = max(right, p.EndRoom())
	if !horizontal && !p.Chart.YName.IsZero() || horizontal && p.Chart.Target != nil {
		top += LineHeight // the axis name or the target's label sits above the plot
	}
	if !p.Chart.XName.IsZero() {
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
		for si, s := range p.Series {
			for i := range s.Vals {
				if s.Has[i] {
					w = max(w, wrap.Width(p.ShortAt(si, i)))
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
func (p *Plot) axes(horizontal bool) (cat, val axis) {
	cat = axis{
		Type: "category",
		AxisLabel: &opts.AxisLabel{
			Interval: "0", Color: style.TextColor, FontSize: style.FontSize,
		},
		AxisLine: &opts.AxisLine{LineStyle: &opts.LineStyle{Color: style.LineColor}},
		AxisTick: &opts.AxisTick{Show: opts.Bool(false)},
	}
	val = axis{
		Type:      "value",
		AxisLabel: &opts.AxisLabel{Color: style.TextColor, FontSize: style.FontSize, HideOverlap: opts.Bool(true)},
		AxisLine:  &opts.AxisLine{Show: opts.Bool(false), LineStyle: &opts.LineStyle{Color: style.LineColor}},
		SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: style.LineColor}},
	}
	// A named value axis carries its unit in its name ("Output (CNY bn)"),
	// so its ticks are bare numbers; otherwise each tick is suffixed, and
	// the zero tick, which ECharts would write "0bn", is left out: the
	// baseline marks it. Percent signs stay on every tick.
	named := !p.Chart.YName.IsZero() && !horizontal || !p.Chart.XName.IsZero() && horizontal
	switch {
	case p.suffix == "":
	case p.Unit.Kind == lang.KindPercent || !named:
		val.AxisLabel.Formatter = types.FuncStr("{value}" + option.Literal(p.suffix))
	}
	if p.suffix != "" && p.Unit.Kind != lang.KindPercent && !named {
		val.AxisLabel.ShowMinLabel = opts.Bool(false)
	}
	if horizontal {
		cat.Inverse = opts.Bool(true) // the first row on top, as in the table
		val.Split = 3                 // few ticks: their labels share 360 px
	}
	if p.Kind.Track {
		// Every bar and the target are labelled: the axis needs only its
		// ends and middle.
		val.Min, val.Max, val.Split = 0, p.Scaled(p.TrackEnd()), 2
	}
	return cat, val
}

// axis holds what an x and a y axis share, so one function builds both.
type axis struct {
	Type      string
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

// AxisOpts places the category and value axes on x and y.
func (p *Plot) AxisOpts(horizontal bool) []charts.GlobalOpts {
	cat, val := p.axes(horizontal)
	xName, yName := TextIn(p.Chart.XName, p.Lang), TextIn(p.Chart.YName, p.Lang)
	if horizontal {
		return []charts.GlobalOpts{charts.WithXAxisOpts(val.x(xName)), charts.WithYAxisOpts(cat.y(yName))}
	}
	return []charts.GlobalOpts{charts.WithXAxisOpts(cat.x(xName)), charts.WithYAxisOpts(val.y(yName))}
}

// WrappedCats returns the category labels broken into lines that fit the
// room a label has: beside horizontal bars, or under its own slot.
func (p *Plot) WrappedCats(horizontal bool) []string {
	width := catLabelWidth
	if !horizontal {
		width = SlotWidth(len(p.Cats)) - p.EndRoom()/max(1, len(p.Cats))
		width = max(36, width*p.LabelStep())
	}
	out := make([]string, len(p.Cats))
	for i, c := range p.Cats {
		out[i] = wrap.Text(c, width)
	}
	return out
}

// LabelStep is every how many categories an axis label is shown: 1 but on
// a time axis whose labels would not fit.
func (p *Plot) LabelStep() int {
	if p.Kind.PeriodStep == nil {
		return 1
	}
	return p.Kind.PeriodStep(p)
}

// SlotWidth is the width of one category's slot on a vertical chart's axis
// of n categories, less a gap, so that neighbouring labels never touch.
func SlotWidth(n int) int {
	return max(36, (Width-64)/max(1, n)-10)
}

// TrackEnd is where a progress chart's track ends: 100 for percentages up
// to 100, else the largest value or target.
func (p *Plot) TrackEnd() float64 {
	m := p.MaxAbs()
	if p.Unit.Kind == lang.KindPercent && m <= 100 {
		return 100
	}
	return m
}

// finish turns go-echarts' option into the JSON a page carries. It drops
// what is not ECharts option content or not wanted (an empty title, the
// toolbox, a legend for one series, null fields), adds what go-echarts has
// no field for (global text style, axis name style, pie label layout), and
// rejects function code and remote URLs.
func (p *Plot) finish(obj map[string]any) ([]byte, error) {
	delete(obj, "title") // the page's <figcaption> carries it
	delete(obj, "toolbox")
	if len(p.Series) < 2 {
		delete(obj, "legend")
	}
	tree, err := option.Decode(obj)
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", p.Chart.ID, err)
	}
	tree["textStyle"] = map[string]any{"color": style.TextColor, "fontFamily": style.FontFamily, "fontSize": style.FontSize}
	for _, k := range []string{"xAxis", "yAxis"} {
		axes, _ := tree[k].([]any)
		for _, a := range axes {
			if m, ok := a.(map[string]any); ok && m["name"] != nil && m["nameTextStyle"] == nil {
				// ECharts colours an axis name like its line by default.
				m["nameTextStyle"] = map[string]any{"color": style.TextColor, "fontSize": style.FontSize, "align": nameAlign(k)}
			}
		}
	}
	if series, ok := tree["series"].([]any); ok && p.Chart.Partial != nil {
		// go-echarts' ItemStyle has no borderType.
		for si, s := range series {
			if si >= len(p.Series) {
				break
			}
			data, _ := option.Get(s, "data").([]any)
			for i, d := range data {
				if st, ok := option.Get(d, "itemStyle").(map[string]any); ok && i < len(p.Partial) && p.Partial[i] {
					st["borderType"] = "dashed"
				}
			}
		}
	}
	if p.Kind.Finish != nil {
		p.Kind.Finish(p, tree)
	}
	out, err := option.Encode(tree)
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", p.Chart.ID, err)
	}
	return out, nil
}

// AreaOpacity shades an area under its line: light enough that labels on
// it stay legible, and that stacked bands stay apart.
const AreaOpacity = 0.3

// endLabelWidth is the width direct labels wrap at, right of the plot.
const endLabelWidth = 96

// EndLabel is what names series si at its line's end: its name, wrapped,
// and its last value.
func (p *Plot) EndLabel(si int) string {
	s := p.Series[si]
	i := p.LastWith(si)
	if i < 0 {
		return wrap.Text(s.Name, endLabelWidth)
	}
	return wrap.Text(s.Name, endLabelWidth) + "\n" + p.ShortAt(si, i)
}

// EndRoom is the room right of the plot that direct labels take.
func (p *Plot) EndRoom() int {
	if !p.Direct {
		return 0
	}
	w := 0
	for si := range p.Series {
		w = max(w, wrap.MaxWidth(p.EndLabel(si))+16)
	}
	return w
}

// Items returns the data items of series si.
func (p *Plot) Items(si int) []opts.BarData {
	var out []opts.BarData
	for i := range p.Cats {
		out = append(out, p.Item(si, i))
	}
	return out
}

// ValueAxis returns a value axis for series si's scale, for options
// written without go-echarts: ticks suffixed with the scale word unless the
// spec names the axis (percent signs stay), and no zero tick that would
// read "0億".
func (p *Plot) ValueAxis(si int, name string, specNamed bool) map[string]any {
	s := p.Series[si]
	label := map[string]any{"color": style.TextColor, "fontSize": style.FontSize, "hideOverlap": true}
	if s.suffix != "" && (s.Unit.Kind == lang.KindPercent || !specNamed) {
		label["formatter"] = "{value}" + option.Literal(s.suffix)
	}
	if s.suffix != "" && s.Unit.Kind != lang.KindPercent && !specNamed {
		label["showMinLabel"] = false
	}
	a := map[string]any{
		"type":      "value",
		"axisLabel": label,
		"axisLine":  map[string]any{"show": false, "lineStyle": map[string]any{"color": style.LineColor}},
		"splitLine": map[string]any{"show": true, "lineStyle": map[string]any{"color": style.LineColor}},
	}
	if name != "" {
		a["name"] = name
	}
	return a
}

func nameAlign(axis string) string {
	if axis == "yAxis" {
		return "left" // from the axis' top, into the plot: never cut off on the left
	}
	return "center"
}

// LastWith returns the last row with a value in series si.
func (p *Plot) LastWith(si int) int {
	if si >= len(p.Series) {
		return -1
	}
	s := p.Series[si]
	for i := len(s.Has) - 1; i >= 0; i-- {
		if s.Has[i] {
			return i
		}
	}
	return -1
}
