package kinds

import (
	"html"
	"strconv"

	"reportsite/internal/chart"
	"reportsite/internal/chart/option"
	"reportsite/internal/chart/style"
	"reportsite/internal/chart/wrap"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// scatter: values = [x, y], one point per row named by its category, each
// axis in its column's unit. Up to a dozen points are labelled with their
// names (labels that would overlap are left out; the table has them all);
// x_name and y_name default to the columns' labels.
func init() {
	chart.Register(&chart.Kind{
		Name:     "scatter",
		Names:    map[string]string{"": "Scatter chart", lang.ScriptHant: "散點圖", lang.ScriptHans: "散点图"},
		Check:    rules(twoValues("x, then y"), noTarget),
		Option:   scatter,
		Height:   func(*dataset.Chart, []*dataset.Row) int { return 320 },
		TwoUnits: true,
	})
}

// scatterLabels is the most points labelled with their names.
const scatterLabels = 12

func scatter(p *chart.Plot) map[string]any {
	x, y := p.Series[0], p.Series[1]
	labelled := 0
	for i := range p.Cats {
		if x.Has[i] && y.Has[i] {
			labelled++
		}
	}
	show := labelled <= scatterLabels
	var data []any
	right := 16
	for i, cat := range p.Cats {
		if !x.Has[i] || !y.Has[i] {
			continue // a point needs both values
		}
		name := wrap.Text(cat, chart.PieLabelWidth)
		tip := option.Literal(cat) + "<br/>" + html.EscapeString(option.Literal(x.Name+": "+p.FullAt(0, i))) +
			"<br/>" + html.EscapeString(option.Literal(y.Name+": "+p.FullAt(1, i)))
		d := map[string]any{
			"name":    cat,
			"value":   []any{p.ScaledAt(0, x.Vals[i]), p.ScaledAt(1, y.Vals[i])},
			"label":   map[string]any{"formatter": option.Literal(name)},
			"tooltip": map[string]any{"formatter": tip},
		}
		if p.Highlight[i] {
			d["itemStyle"] = map[string]any{"color": style.ColorHighlight}
			d["label"].(map[string]any)["fontWeight"] = "bold"
		}
		if show {
			right = max(right, wrap.MaxWidth(name)+12)
		}
		data = append(data, d)
	}
	xName, yName := chart.TextIn(p.Chart.XName, p.Lang), chart.TextIn(p.Chart.YName, p.Lang)
	if xName == "" {
		xName = x.Name
	}
	if yName == "" {
		yName = y.Name
	}
	xa := p.ValueAxis(0, xName, !p.Chart.XName.IsZero())
	xa["nameLocation"], xa["nameGap"] = "middle", 28
	xa["splitNumber"] = 3 // few ticks: their labels share 360 px
	ya := p.ValueAxis(1, yName, !p.Chart.YName.IsZero())
	ya["nameLocation"] = "end"
	return map[string]any{
		"color":   style.Palette(),
		"tooltip": map[string]any{"show": true, "trigger": "item"},
		"grid": map[string]any{"left": "8", "right": strconv.Itoa(right), "top": strconv.Itoa(16 + chart.LineHeight), "bottom": "32",
			"containLabel": true},
		"xAxis": []any{xa},
		"yAxis": []any{ya},
		"series": []any{map[string]any{
			"type": "scatter", "name": y.Name, "symbolSize": 9, "data": data,
			"label": map[string]any{"show": show, "position": "right", "color": style.TextColor, "fontSize": style.FontSize,
				"lineHeight": chart.LineHeight},
			"labelLayout": map[string]any{"hideOverlap": true},
		}},
	}
}
