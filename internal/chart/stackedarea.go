package chart

import "reportsite/internal/lang"

// stacked-area: areas stacked per category, each series' band on the one
// before, so the top line is the total. Each series is named and valued at
// its end, not at every point, where labels would fall on other bands.
func init() {
	register(&kind{
		name:    "stacked-area",
		names:   map[string]string{"": "Stacked area chart", lang.ScriptHant: "堆疊面積圖", lang.ScriptHans: "堆叠面积图"},
		prepare: periodsIfAny,
		option:  (*plot).line,
		height:  columnHeight,
		stack:   "total",
		area:    true,
		endOnly: true,
	})
}
