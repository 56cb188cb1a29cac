package kinds

import (
	"reportsite/internal/chart"
	"reportsite/internal/chart/period"
	"reportsite/internal/lang"
)

// stacked-area: areas stacked per category, each series' band on the one
// before, so the top line is the total. Each series is named and valued at
// its end, not at every point, where labels would fall on other bands.
func init() {
	chart.Register(&chart.Kind{
		Name:    "stacked-area",
		Names:   map[string]string{"": "Stacked area chart", lang.ScriptHant: "堆疊面積圖", lang.ScriptHans: "堆叠面积图"},
		Prepare: period.FillIfAny,
		Option:  line,
		Height:  chart.ColumnHeight,
		Stack:   "total",
		Area:    true,
		EndOnly: true,
	})
}
