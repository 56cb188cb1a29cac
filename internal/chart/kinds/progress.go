package kinds

import (
	"reportsite/internal/chart"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// progress: horizontal bars against target.value: a dashed line labelled
// target.label, bars that reach it in green, each bar on a grey track to
// 100 (percentages) or the largest value, with its value label after the
// track's end, clear of the target line.
func init() {
	chart.Register(&chart.Kind{
		Name:   "progress",
		Names:  map[string]string{"": "Progress chart", lang.ScriptHant: "進度圖", lang.ScriptHans: "进度图"},
		Check:  rules(oneValue, needTarget),
		Option: bar,
		Finish: func(_ *chart.Plot, tree map[string]any) {
			if series, ok := tree["series"].([]any); ok && len(series) == 2 {
				if m, ok := series[1].(map[string]any); ok {
					// The track is background: no tooltip, no hover, no legend.
					m["silent"] = true
					m["tooltip"] = map[string]any{"show": false}
					delete(m, "name")
				}
			}
		},
		Height:     func(c *dataset.Chart, rows []*dataset.Row) int { return chart.RowHeight(c, rows, 40) },
		Horizontal: true,
		LabelAt:    "right",
		NegLabelAt: "left",
		Stack:      "total",
		Track:      true,
	})
}
