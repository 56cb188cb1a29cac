package chart

import (
	"html"

	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// scatter: values = [x, y], one point per row named by its category, each
// axis in its column's unit. Up to a dozen points are labelled with their
// names (labels that would overlap are left out; the table has them all);
// x_name and y_name default to the columns' labels.
func init() {
	register(&kind{
		name:     "scatter",
		names:    map[string]string{"": "Scatter chart", lang.ScriptHant: "散點圖", lang.ScriptHans: "散点图"},
		check:    rules(twoValues("x, then y"), noTarget),
		option:   (*plot).scatter,
		height:   func(*dataset.Chart, []*dataset.Row) int { return 320 },
		twoUnits: true,
	})
}

// scatterLabels is the most points labelled with their names.
const scatterLabels = 12

func (p *plot) scatter() map[string]any {
	x, y := p.series[0], p.series[1]
	labelled := 0
	for i := range p.cats {
		if x.has[i] && y.has[i] {
			labelled++
		}
	}
	show := labelled <= scatterLabels
	var data []any
	right := 16
	for i, cat := range p.cats {
		if !x.has[i] || !y.has[i] {
			continue // a point needs both values
		}
		name := wrap(cat, pieLabelWidth)
		tip := literal(cat) + "<br/>" + html.EscapeString(literal(x.name+": "+p.fullAt(0, i))) +
			"<br/>" + html.EscapeString(literal(y.name+": "+p.fullAt(1, i)))
		d := map[string]any{
			"name":    cat,
			"value":   []any{p.scaledAt(0, x.vals[i]), p.scaledAt(1, y.vals[i])},
			"label":   map[string]any{"formatter": literal(name)},
			"tooltip": map[string]any{"formatter": tip},
		}
		if p.highlight[i] {
			d["itemStyle"] = map[string]any{"color": colorHighlight}
			d["label"].(map[string]any)["fontWeight"] = "bold"
		}
		if show {
			right = max(right, maxLineWidth(name)+12)
		}
		data = append(data, d)
	}
	xName, yName := text(p.c.XName, p.l), text(p.c.YName, p.l)
	if xName == "" {
		xName = x.name
	}
	if yName == "" {
		yName = y.name
	}
	xa := p.valueAxis(0, xName, !p.c.XName.IsZero())
	xa["nameLocation"], xa["nameGap"] = "middle", 28
	xa["splitNumber"] = 3 // few ticks: their labels share 360 px
	ya := p.valueAxis(1, yName, !p.c.YName.IsZero())
	ya["nameLocation"] = "end"
	return map[string]any{
		"color":   palette,
		"tooltip": map[string]any{"show": true, "trigger": "item"},
		"grid": map[string]any{"left": "8", "right": itoa(right), "top": itoa(16 + lineHeight), "bottom": "32",
			"containLabel": true},
		"xAxis": []any{xa},
		"yAxis": []any{ya},
		"series": []any{map[string]any{
			"type": "scatter", "name": y.name, "symbolSize": 9, "data": data,
			"label": map[string]any{"show": show, "position": "right", "color": TextColor, "fontSize": fontSize,
				"lineHeight": lineHeight},
			"labelLayout": map[string]any{"hideOverlap": true},
		}},
	}
}
