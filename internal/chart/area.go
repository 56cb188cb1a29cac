package chart

import "reportsite/internal/lang"

// area: a line chart with the area under each line shaded; a missing value
// breaks the line and its area.
func init() {
	register(&kind{
		name:       "area",
		names:      map[string]string{"": "Area chart", lang.ScriptHant: "面積圖", lang.ScriptHans: "面积图"},
		prepare:    periodsIfAny,
		option:     (*plot).line,
		finish:     func(_ *plot, tree map[string]any) { addTop(tree, lineHeight) },
		height:     columnHeight,
		negLabelAt: "bottom",
		area:       true,
	})
}
