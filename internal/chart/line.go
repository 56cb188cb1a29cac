package chart

import "reportsite/internal/lang"

// line: one line per value column; a missing value breaks the line.
func init() {
	register(&kind{
		name:   "line",
		names:  map[string]string{"": "Line chart", lang.ScriptHant: "折線圖", lang.ScriptHans: "折线图"},
		option: (*plot).line,
		finish: func(p *plot, tree map[string]any) {
			if p.c.YName.IsZero() {
				addTop(tree, lineHeight) // the highest point's label
			}
		},
		height:     columnHeight,
		negLabelAt: "bottom",
	})
}
