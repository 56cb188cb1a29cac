package chart

import "reportsite/internal/lang"

// stacked-bar: vertical bars stacked per category, labelled inside.
func init() {
	register(&kind{
		name:    "stacked-bar",
		names:   map[string]string{"": "Stacked bar chart", lang.ScriptHant: "堆疊柱狀圖", lang.ScriptHans: "堆叠柱状图"},
		option:  (*plot).bar,
		height:  columnHeight,
		stack:   "total",
		labelAt: "inside",
	})
}
