package chart

import "reportsite/internal/lang"

// line: one line per value column; a missing value breaks the line.
func init() {
	register(&kind{
		name:       "line",
		names:      map[string]string{"": "Line chart", lang.ScriptHant: "折線圖", lang.ScriptHans: "折线图"},
		option:     (*plot).line,
		height:     columnHeight,
		negLabelAt: "bottom",
	})
}
