package kinds

import (
	"html"
	"math"
	"reportsite/internal/chart"
	"reportsite/internal/chart/option"
	"reportsite/internal/chart/style"
	"reportsite/internal/chart/wrap"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// targetLine returns the series options that draw the target as a dashed
// line across the value axis, labelled in the page's language.
func targetLine(p *chart.Plot, horizontal bool) []charts.SeriesOpts {
	t := p.Chart.Target
	if t == nil || math.IsNaN(t.Value) || math.IsInf(t.Value, 0) {
		return nil
	}
	label := chart.TextIn(t.Label, p.Lang)
	if label == "" {
		label = p.Short(t.Value)
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
		Label:     &opts.Label{Show: opts.Bool(true), Position: position, Color: style.TextColor, FontSize: style.FontSize, Formatter: option.Literal(label)},
		LineStyle: &opts.LineStyle{Color: style.TextColor, Type: "dashed", Width: 1.5},
	}
	var item charts.SeriesOpts
	if horizontal {
		item = charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: label, XAxis: p.Scaled(t.Value)})
	} else {
		item = charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: label, YAxis: p.Scaled(t.Value)})
	}
	return []charts.SeriesOpts{charts.WithMarkLineStyleOpts(style), item}
}

func bar(p *chart.Plot) map[string]any {
	horizontal := p.Kind.Horizontal
	b := charts.NewBar()
	b.SetGlobalOptions(p.Global()...)
	b.SetGlobalOptions(p.AxisOpts(horizontal)...)
	b.SetGlobalOptions(charts.WithGridOpts(p.Grid(horizontal)))
	b.SetXAxis(p.WrappedCats(horizontal))
	if horizontal {
		b.XYReversal()
	}
	position := p.Kind.LabelAt
	for si, s := range p.Series {
		var data []opts.BarData
		for i := range p.Cats {
			data = append(data, p.Item(si, i))
		}
		so := []charts.SeriesOpts{
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: position, Color: style.TextColor, FontSize: style.FontSize}),
			charts.WithBarChartOpts(opts.BarChart{Stack: p.Kind.Stack, BarCategoryGap: "30%"}),
		}
		if position == "inside" {
			so = append(so, charts.WithLabelLayoutOpts(opts.LabelLayout{HideOverlap: opts.Bool(true)}))
		}
		if si == 0 {
			so = append(so, targetLine(p, horizontal)...)
		}
		b.AddSeries(s.Name, data, so...)
	}
	if p.Kind.Track {
		b.AddSeries("", track(p),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Color: style.TextColor, FontSize: style.FontSize}),
			charts.WithBarChartOpts(opts.BarChart{Stack: p.Kind.Stack, BarCategoryGap: "30%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: style.ColorTrack}),
		)
	}
	b.Validate()
	return b.JSON()
}

// track returns the rest of each progress bar up to trackEnd, stacked on the
// bar: a grey track that carries the bar's value label at its end, where
// labels form one column clear of the target line.
func track(p *chart.Plot) []opts.BarData {
	s, end := p.Series[0], p.TrackEnd()
	var out []opts.BarData
	for i := range p.Cats {
		if !s.Has[i] {
			out = append(out, opts.BarData{Value: "-"})
			continue
		}
		// A negative value has no bar on a track from 0: the whole track
		// carries its label.
		v := math.Max(0, s.Vals[i])
		d := opts.BarData{
			Value: p.Scaled(math.Max(0, end-v)),
			Label: &opts.Label{Formatter: option.Literal(p.ShortAt(0, i))},
		}
		if p.Highlight[i] {
			d.Label.FontWeight = "bold"
		}
		out = append(out, d)
	}
	return out
}

// line draws one line per series. Two to four lines are named at their
// ends (direct labels) rather than in a legend, as are stacked areas, whose
// other points are not labelled.
func line(p *chart.Plot) map[string]any {
	p.Direct = len(p.Series) > 1 && len(p.Series) <= 4 || p.Kind.EndOnly
	c := charts.NewLine()
	c.SetGlobalOptions(p.Global()...)
	c.SetGlobalOptions(p.AxisOpts(false)...)
	c.SetGlobalOptions(charts.WithGridOpts(p.Grid(false)))
	c.SetXAxis(p.WrappedCats(false))
	for si, s := range p.Series {
		data := p.Items(si)
		if i := p.LastWith(si); p.Direct && i >= 0 {
			// The line's last point names it, right of the point.
			data[i].Label.Show = opts.Bool(true)
			data[i].Label.Position = "right"
			data[i].Label.Formatter = option.Literal(p.EndLabel(si))
		}
		so := []charts.SeriesOpts{
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(!p.Kind.EndOnly), Position: "top", Color: style.TextColor, FontSize: style.FontSize}),
			charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 7, ShowSymbol: opts.Bool(true), ConnectNulls: opts.Bool(false), Stack: p.Kind.Stack}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 2}),
			// go-echarts types line data as LineData, which has no label or
			// style; a bar data item is the same ECharts data item.
			charts.WithSeriesOpts(func(ss *charts.SingleSeries) { ss.Data = data }),
		}
		if p.Kind.Area {
			so = append(so, charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(chart.AreaOpacity)}))
		}
		if si == 0 {
			so = append(so, targetLine(p, false)...)
		}
		c.AddSeries(s.Name, nil, so...)
	}
	c.Validate()
	return c.JSON()
}

// pie draws one slice per row in a ring from radius (a pie: "64%"; a
// donut: ["40%", "64%"]).
func pie(p *chart.Plot, radius any) map[string]any {
	c := charts.NewPie()
	c.SetGlobalOptions(p.Global()...)
	s := p.Series[0]
	var data []opts.PieData
	for i, cat := range p.Cats {
		if !s.Has[i] {
			continue // a slice cannot show a gap: leave it out
		}
		v := s.Vals[i]
		d := opts.PieData{
			Name:    cat,
			Value:   p.Scaled(v),
			Label:   &opts.Label{Formatter: option.Literal(wrap.Text(cat, chart.PieLabelWidth)) + "\n" + option.Literal(p.ShortAt(0, i))},
			Tooltip: &opts.Tooltip{Formatter: types.FuncStr("{b}: " + html.EscapeString(option.Literal(p.FullAt(0, i))) + " ({d}%)")},
		}
		if p.Highlight[i] {
			d.Selected = opts.Bool(true)
			d.Label.FontWeight = "bold"
		}
		data = append(data, d)
	}
	// The pie fills the height; its labels sit at the column's edges.
	c.AddSeries(s.Name, data,
		charts.WithPieChartOpts(opts.PieChart{Radius: radius, Center: []string{"50%", "50%"}}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Color: style.TextColor, FontSize: style.FontSize}),
		charts.WithLabelLineOpts(opts.LabelLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: style.LineColor}}),
	)
	c.Validate()
	return c.JSON()
}
