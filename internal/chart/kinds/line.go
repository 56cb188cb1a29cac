package kinds

import (
	"reportsite/internal/chart"
	"reportsite/internal/chart/option"
	"reportsite/internal/lang"
)

// line: one line per value column; a missing value breaks the line.
func init() {
	chart.Register(&chart.Kind{
		Name:   "line",
		Names:  map[string]string{"": "Line chart", lang.ScriptHant: "折線圖", lang.ScriptHans: "折线图"},
		Option: line,
		Finish: func(p *chart.Plot, tree map[string]any) {
			if p.Chart.YName.IsZero() {
				option.AddTop(tree, chart.LineHeight) // the highest point's label
			}
		},
		Height:     chart.ColumnHeight,
		NegLabelAt: "bottom",
	})
}
