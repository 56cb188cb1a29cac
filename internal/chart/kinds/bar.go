package kinds

import (
	"reportsite/internal/chart"
	"reportsite/internal/lang"
)

// bar: vertical bars, one series per value column.
func init() {
	chart.Register(&chart.Kind{
		Name:       "bar",
		Names:      map[string]string{"": "Bar chart", lang.ScriptHant: "柱狀圖", lang.ScriptHans: "柱状图"},
		Option:     bar,
		Height:     chart.ColumnHeight,
		LabelAt:    "top",
		NegLabelAt: "bottom",
	})
}
