package kinds

import (
	"reportsite/internal/chart"
	"reportsite/internal/chart/option"
	"reportsite/internal/chart/style"
	"reportsite/internal/chart/wrap"
	"reportsite/internal/lang"
)

// donut: a pie with a hole that shows the total, the figure a reader asks
// of a donut first.
func init() {
	chart.Register(&chart.Kind{
		Name:   "donut",
		Names:  map[string]string{"": "Donut chart", lang.ScriptHant: "環形圖", lang.ScriptHans: "环形图"},
		Check:  oneValue,
		Option: func(p *chart.Plot) map[string]any { return pie(p, []string{"40%", "64%"}) },
		Finish: func(p *chart.Plot, tree map[string]any) {
			tree["graphic"] = []any{map[string]any{
				"type": "text", "left": "center", "top": "middle", "silent": true,
				"style": map[string]any{
					"text": option.Literal(p.Short(p.Total())), "fill": style.TextColor, "fontSize": holeFont(p),
					"fontWeight": "bold", "fontFamily": style.FontFamily, "align": "center",
				},
			}}
			pieLabels(p, tree)
		},
		Height: pieHeight,
		Shares: true,
	})
}

// holeFont is the size of the total in the hole: twice the text size, or
// less, down to the text size, so that a long total keeps inside the hole.
func holeFont(p *chart.Plot) int {
	_, h := chart.Size(p.Chart)
	hole := 0.8 * 0.4 * float64(min(chart.Width, h))   // 80 % of the hole's diameter
	w := float64(wrap.Width(p.Short(p.Total()))) * 1.1 // bold
	f := int(hole * style.FontSize / w)
	return max(style.FontSize, min(2*style.FontSize, f))
}
