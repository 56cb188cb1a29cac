package chart

import (
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// hbar: horizontal bars, the first row on top; long labels wrap beside the
// bars, and the chart grows with its rows. A negative value is labelled
// right of the zero line.
func init() {
	register(&kind{
		name:   "hbar",
		names:  map[string]string{"": "Horizontal bar chart", lang.ScriptHant: "條形圖", lang.ScriptHans: "条形图"},
		option: (*plot).bar,
		height: func(c *dataset.Chart, rows []*dataset.Row) int {
			return rowHeight(c, rows, 20*max(1, len(c.Values))+16)
		},
		horizontal: true,
		labelAt:    "right",
		// A negative bar's label sits right of the zero line, across the
		// axis from its bar: left of the bar it would meet the category
		// names.
		negLabelAt: "right",
	})
}
