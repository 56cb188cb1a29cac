package kinds

import (
	"math"

	"reportsite/internal/chart"
	"reportsite/internal/chart/option"
	"reportsite/internal/chart/period"
	"reportsite/internal/chart/style"
	"reportsite/internal/chart/wrap"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// small-multiples: one small bar chart per value column, titled with the
// column's label, in a grid of two columns (one when there are more than
// four categories, or labels that would not fit in two lines), every panel
// on the same value scale so that bars compare across panels. The columns
// share a unit.
func init() {
	chart.Register(&chart.Kind{
		Name:       "small-multiples",
		Names:      map[string]string{"": "Small multiples", lang.ScriptHant: "小型多圖", lang.ScriptHans: "小型多图"},
		Check:      noTarget,
		Prepare:    period.FillIfAny,
		Option:     multiples,
		Height:     multiplesHeight,
		NegLabelAt: "bottom",
	})
}

const (
	panelHeight = 150 // a panel's plot and axis labels, px
	panelTitle  = 22  // the line above a panel that names it
	panelGap    = 16  // between panels, side by side
)

// panelColumns is how many panels sit side by side: two when there are
// several, with four categories at most whose labels fit in two lines.
func panelColumns(c *dataset.Chart, rows []*dataset.Row) int {
	n := slots(c, rows)
	if len(c.Values) < 2 || n > 4 {
		return 1
	}
	for _, r := range rows {
		if chart.MaxLines(c, r, panelSlot(2, n)) > 2 {
			return 1
		}
	}
	return 2
}

// slots is the number of categories drawn: the rows, and the periods
// missing between them.
func slots(c *dataset.Chart, rows []*dataset.Row) int {
	if len(rows) < 2 || len(period.Check(c)) > 0 {
		return len(rows)
	}
	first, ok1 := period.Parse(rows[0].ID)
	last, ok2 := period.Parse(rows[len(rows)-1].ID)
	if !ok1 || !ok2 {
		return len(rows)
	}
	return last.Index - first.Index + 1
}

func multiplesHeight(c *dataset.Chart, rows []*dataset.Row) int {
	cols := panelColumns(c, rows)
	n := (len(c.Values) + cols - 1) / cols
	extra := 0
	for _, r := range rows {
		extra = max(extra, chart.MaxLines(c, r, panelSlot(cols, slots(c, rows)))-1)
	}
	return n*(panelHeight+panelTitle+min(extra, 3)*chart.LineHeight) + 8
}

// panelSlot is the width of one category's slot in a panel.
func panelSlot(cols, cats int) int {
	w := (chart.Width - 16 - (cols-1)*panelGap) / cols
	return max(36, (w-40)/max(1, cats)-8)
}

func multiples(p *chart.Plot) map[string]any {
	n := len(p.Series)
	cols := panelColumns(p.Chart, p.Chart.ChartRows())
	_, h := chart.Size(p.Chart)
	panelRows := (n + cols - 1) / cols
	cellH := (h - 8) / panelRows
	cellW := (chart.Width - 16 - (cols-1)*panelGap) / cols

	// One scale for every panel, with room above the highest label.
	var all []int
	for si := range p.Series {
		all = append(all, si)
	}
	lo, hi := p.Extent(all...)
	step := chart.NiceStep(math.Max(hi-lo, 1e-9) / 3)
	ymin, ymax := math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	if ymax-hi < 0.25*step && hi > 0 {
		ymax += step
	}
	slot := panelSlot(cols, len(p.Cats))
	cats := make([]string, len(p.Cats))
	for i, c := range p.Cats {
		cats[i] = wrap.Text(c, slot)
	}
	labels := true
	for si := range p.Series {
		for i := range p.Cats {
			if p.Series[si].Has[i] && wrap.Width(p.ShortAt(si, i)) > slot+4 {
				labels = false // the table has the values
			}
		}
	}
	var grids, xs, ys, series, graphic []any
	for si, s := range p.Series {
		left := 8 + (si%cols)*(cellW+panelGap)
		top := 4 + (si/cols)*cellH
		graphic = append(graphic, map[string]any{
			"type": "text", "left": left, "top": top, "silent": true,
			"style": map[string]any{"text": option.Literal(s.Name), "fill": style.TextColor, "fontSize": style.FontSize,
				"fontWeight": "bold", "fontFamily": style.FontFamily},
		})
		grids = append(grids, map[string]any{"left": left, "top": top + panelTitle + 4, "width": cellW,
			"height": cellH - panelTitle - 12, "containLabel": true})
		xs = append(xs, map[string]any{
			"type": "category", "gridIndex": si, "data": cats,
			"axisLabel": map[string]any{"interval": 0, "color": style.TextColor, "fontSize": style.FontSize},
			"axisLine":  map[string]any{"lineStyle": map[string]any{"color": style.LineColor}},
			"axisTick":  map[string]any{"show": false},
		})
		y := p.ValueAxis(si, "", false)
		y["gridIndex"], y["min"], y["max"], y["interval"] = si, chart.Clean(ymin), chart.Clean(ymax), step
		ys = append(ys, y)
		series = append(series, map[string]any{
			"type": "bar", "name": s.Name, "xAxisIndex": si, "yAxisIndex": si, "barCategoryGap": "30%",
			"itemStyle": map[string]any{"color": style.ColorBase},
			"label":     map[string]any{"show": labels, "position": "top", "color": style.TextColor, "fontSize": style.FontSize},
			"data":      p.Items(si),
		})
	}
	return map[string]any{
		"color":   style.Palette(),
		"tooltip": map[string]any{"show": true, "trigger": "item"},
		"graphic": graphic,
		"grid":    grids,
		"xAxis":   xs,
		"yAxis":   ys,
		"series":  series,
	}
}
