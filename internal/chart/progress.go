package chart

import (
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// progress: horizontal bars against target.value: a dashed line labelled
// target.label, bars that reach it in green, each bar on a grey track to
// 100 (percentages) or the largest value, with its value label after the
// track's end, clear of the target line.
func init() {
	register(&kind{
		name:   "progress",
		names:  map[string]string{"": "Progress chart", lang.ScriptHant: "進度圖", lang.ScriptHans: "进度图"},
		check:  rules(oneValue, needTarget),
		option: (*plot).bar,
		finish: func(_ *plot, tree map[string]any) {
			if series, ok := tree["series"].([]any); ok && len(series) == 2 {
				if m, ok := series[1].(map[string]any); ok {
					// The track is background: no tooltip, no hover, no legend.
					m["silent"] = true
					m["tooltip"] = map[string]any{"show": false}
					delete(m, "name")
				}
			}
		},
		height:     func(c *dataset.Chart, rows []*dataset.Row) int { return rowHeight(c, rows, 40) },
		horizontal: true,
		labelAt:    "right",
		negLabelAt: "left",
		stack:      "total",
		track:      true,
	})
}
