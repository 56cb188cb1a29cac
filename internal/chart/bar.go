package chart

import "reportsite/internal/lang"

// bar: vertical bars, one series per value column.
func init() {
	register(&kind{
		name:       "bar",
		names:      map[string]string{"": "Bar chart", lang.ScriptHant: "柱狀圖", lang.ScriptHans: "柱状图"},
		option:     (*plot).bar,
		height:     columnHeight,
		labelAt:    "top",
		negLabelAt: "bottom",
	})
}
