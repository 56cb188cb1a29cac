package kinds

import (
	"reportsite/internal/chart"
	"reportsite/internal/chart/option"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// pie: one slice per row, labelled "name / value"; rows without a value are
// left out.
func init() {
	chart.Register(&chart.Kind{
		Name:   "pie",
		Names:  map[string]string{"": "Pie chart", lang.ScriptHant: "圓餅圖", lang.ScriptHans: "饼图"},
		Check:  oneValue,
		Option: func(p *chart.Plot) map[string]any { return pie(p, "64%") },
		Finish: pieLabels,
		Height: pieHeight,
		Shares: true,
	})
}

func pieHeight(c *dataset.Chart, _ []*dataset.Row) int { return 220 + chart.LegendRoom(c) }

// pieLabels aligns a pie's labels to the column's edges and wraps them
// there, so long names stay inside a 360 px column.
func pieLabels(_ *chart.Plot, tree map[string]any) {
	series, _ := tree["series"].([]any)
	for _, s := range series {
		if label, ok := option.Get(s, "label").(map[string]any); ok {
			label["alignTo"] = "edge"
			label["edgeDistance"] = 4
			label["minMargin"] = 4
			label["lineHeight"] = chart.LineHeight
			label["overflow"] = "none" // wrapped by words in Go: never cut
		}
	}
}
