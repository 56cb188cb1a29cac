package kinds

import (
	"reportsite/internal/chart"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// hbar: horizontal bars, the first row on top; long labels wrap beside the
// bars, and the chart grows with its rows. A negative value is labelled
// right of the zero line.
func init() {
	chart.Register(&chart.Kind{
		Name:   "hbar",
		Names:  map[string]string{"": "Horizontal bar chart", lang.ScriptHant: "條形圖", lang.ScriptHans: "条形图"},
		Option: bar,
		Height: func(c *dataset.Chart, rows []*dataset.Row) int {
			return chart.RowHeight(c, rows, 20*max(1, len(c.Values))+16)
		},
		Horizontal: true,
		LabelAt:    "right",
		// A negative bar's label sits right of the zero line, across the
		// axis from its bar: left of the bar it would meet the category
		// names.
		NegLabelAt: "right",
	})
}
