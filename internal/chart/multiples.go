package chart

import (
	"math"

	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// small-multiples: one small bar chart per value column, titled with the
// column's label, in a grid of two columns (one when there are more than
// four categories, or labels that would not fit in two lines), every panel
// on the same value scale so that bars compare across panels. The columns
// share a unit.
func init() {
	register(&kind{
		name:       "small-multiples",
		names:      map[string]string{"": "Small multiples", lang.ScriptHant: "小型多圖", lang.ScriptHans: "小型多图"},
		check:      noTarget,
		prepare:    periodsIfAny,
		option:     (*plot).multiples,
		height:     multiplesHeight,
		negLabelAt: "bottom",
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
		if maxLines(c, r, panelSlot(2, n)) > 2 {
			return 1
		}
	}
	return 2
}

// slots is the number of categories drawn: the rows, and the periods
// missing between them.
func slots(c *dataset.Chart, rows []*dataset.Row) int {
	if len(rows) < 2 || len(checkPeriods(c)) > 0 {
		return len(rows)
	}
	first, ok1 := parsePeriod(rows[0].ID)
	last, ok2 := parsePeriod(rows[len(rows)-1].ID)
	if !ok1 || !ok2 {
		return len(rows)
	}
	return last.index - first.index + 1
}

func multiplesHeight(c *dataset.Chart, rows []*dataset.Row) int {
	cols := panelColumns(c, rows)
	n := (len(c.Values) + cols - 1) / cols
	extra := 0
	for _, r := range rows {
		extra = max(extra, maxLines(c, r, panelSlot(cols, slots(c, rows)))-1)
	}
	return n*(panelHeight+panelTitle+min(extra, 3)*lineHeight) + 8
}

// panelSlot is the width of one category's slot in a panel.
func panelSlot(cols, cats int) int {
	w := (Width - 16 - (cols-1)*panelGap) / cols
	return max(36, (w-40)/max(1, cats)-8)
}

func (p *plot) multiples() map[string]any {
	n := len(p.series)
	cols := panelColumns(p.c, p.c.ChartRows())
	_, h := Size(p.c)
	panelRows := (n + cols - 1) / cols
	cellH := (h - 8) / panelRows
	cellW := (Width - 16 - (cols-1)*panelGap) / cols

	// One scale for every panel, with room above the highest label.
	var all []int
	for si := range p.series {
		all = append(all, si)
	}
	lo, hi := p.extent(all...)
	step := niceStep(math.Max(hi-lo, 1e-9) / 3)
	ymin, ymax := math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	if ymax-hi < 0.25*step && hi > 0 {
		ymax += step
	}
	slot := panelSlot(cols, len(p.cats))
	cats := make([]string, len(p.cats))
	for i, c := range p.cats {
		cats[i] = wrap(c, slot)
	}
	labels := true
	for si := range p.series {
		for i := range p.cats {
			if p.series[si].has[i] && textWidth(p.shortAt(si, i)) > slot+4 {
				labels = false // the table has the values
			}
		}
	}
	var grids, xs, ys, series, graphic []any
	for si, s := range p.series {
		left := 8 + (si%cols)*(cellW+panelGap)
		top := 4 + (si/cols)*cellH
		graphic = append(graphic, map[string]any{
			"type": "text", "left": left, "top": top, "silent": true,
			"style": map[string]any{"text": literal(s.name), "fill": TextColor, "fontSize": fontSize,
				"fontWeight": "bold", "fontFamily": fontFamily},
		})
		grids = append(grids, map[string]any{"left": left, "top": top + panelTitle + 4, "width": cellW,
			"height": cellH - panelTitle - 12, "containLabel": true})
		xs = append(xs, map[string]any{
			"type": "category", "gridIndex": si, "data": cats,
			"axisLabel": map[string]any{"interval": 0, "color": TextColor, "fontSize": fontSize},
			"axisLine":  map[string]any{"lineStyle": map[string]any{"color": LineColor}},
			"axisTick":  map[string]any{"show": false},
		})
		y := p.valueAxis(si, "", false)
		y["gridIndex"], y["min"], y["max"], y["interval"] = si, clean(ymin), clean(ymax), step
		ys = append(ys, y)
		series = append(series, map[string]any{
			"type": "bar", "name": s.name, "xAxisIndex": si, "yAxisIndex": si, "barCategoryGap": "30%",
			"itemStyle": map[string]any{"color": colorBase},
			"label":     map[string]any{"show": labels, "position": "top", "color": TextColor, "fontSize": fontSize},
			"data":      p.items(si),
		})
	}
	return map[string]any{
		"color":   palette,
		"tooltip": map[string]any{"show": true, "trigger": "item"},
		"graphic": graphic,
		"grid":    grids,
		"xAxis":   xs,
		"yAxis":   ys,
		"series":  series,
	}
}
