package kinds

import (
	"reportsite/internal/chart"
	"reportsite/internal/lang"
)

// stacked-bar: vertical bars stacked per category, labelled inside.
func init() {
	chart.Register(&chart.Kind{
		Name:    "stacked-bar",
		Names:   map[string]string{"": "Stacked bar chart", lang.ScriptHant: "堆疊柱狀圖", lang.ScriptHans: "堆叠柱状图"},
		Option:  bar,
		Height:  chart.ColumnHeight,
		Stack:   "total",
		LabelAt: "inside",
	})
}
