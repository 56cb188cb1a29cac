package kinds

import (
	"reportsite/internal/chart"
	"reportsite/internal/chart/option"
	"reportsite/internal/chart/period"
	"reportsite/internal/lang"
)

// area: a line chart with the area under each line shaded; a missing value
// breaks the line and its area.
func init() {
	chart.Register(&chart.Kind{
		Name:       "area",
		Names:      map[string]string{"": "Area chart", lang.ScriptHant: "面積圖", lang.ScriptHans: "面积图"},
		Prepare:    period.FillIfAny,
		Option:     line,
		Finish:     func(_ *chart.Plot, tree map[string]any) { option.AddTop(tree, chart.LineHeight) },
		Height:     chart.ColumnHeight,
		NegLabelAt: "bottom",
		Area:       true,
	})
}
