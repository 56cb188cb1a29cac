package chart

import (
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// pie: one slice per row, labelled "name / value"; rows without a value are
// left out.
func init() {
	register(&kind{
		name:   "pie",
		names:  map[string]string{"": "Pie chart", lang.ScriptHant: "圓餅圖", lang.ScriptHans: "饼图"},
		check:  oneValue,
		option: func(p *plot) map[string]any { return p.pie("64%") },
		finish: pieLabels,
		height: pieHeight,
		shares: true,
	})
}

func pieHeight(c *dataset.Chart, _ []*dataset.Row) int { return 220 + legendRoom(c) }

// pieLabels aligns a pie's labels to the column's edges and wraps them
// there, so long names stay inside a 360 px column.
func pieLabels(_ *plot, tree map[string]any) {
	series, _ := tree["series"].([]any)
	for _, s := range series {
		if label, ok := get(s, "label").(map[string]any); ok {
			label["alignTo"] = "edge"
			label["edgeDistance"] = 4
			label["minMargin"] = 4
			label["lineHeight"] = lineHeight
			label["overflow"] = "none" // wrapped by words in Go: never cut
		}
	}
}
