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
					"text": literal(p.short(p.total())), "fill": TextColor, "fontSize": holeFont(p),
					"fontWeight": "bold", "fontFamily": fontFamily, "align": "center",
				},
			}}
			pieLabels(p, tree)
		},
		height: pieHeight,
		shares: true,
	})
}

// holeFont is the size of the total in the hole: twice the text size, or
// less, down to the text size, so that a long total keeps inside the hole.
func holeFont(p *plot) int {
	_, h := Size(p.c)
	hole := 0.8 * 0.4 * float64(min(Width, h))        // 80 % of the hole's diameter
	w := float64(textWidth(p.short(p.total()))) * 1.1 // bold
	f := int(hole * fontSize / w)
	return max(fontSize, min(2*fontSize, f))
}
