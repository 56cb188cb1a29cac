package chart

import "reportsite/internal/lang"

// donut: a pie with a hole that shows the total, the figure a reader asks
// of a donut first.
func init() {
	register(&kind{
		name:   "donut",
		names:  map[string]string{"": "Donut chart", lang.ScriptHant: "環形圖", lang.ScriptHans: "环形图"},
		check:  oneValue,
		option: func(p *plot) map[string]any { return p.pie([]string{"40%", "64%"}) },
		finish: func(p *plot, tree map[string]any) {
			tree["graphic"] = []any{map[string]any{
				"type": "text", "left": "center", "top": "middle", "silent": true,
				"style": map[string]any{
					"text": literal(p.short(p.total())), "fill": TextColor, "fontSize": 2 * fontSize,
					"fontWeight": "bold", "fontFamily": fontFamily, "align": "center",
				},
			}}
			pieLabels(p, tree)
		},
		height: pieHeight,
		shares: true,
	})
}
