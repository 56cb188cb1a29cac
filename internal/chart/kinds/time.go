package kinds

import (
	"reportsite/internal/chart"
	"reportsite/internal/chart/period"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// time-line, time-bar: a line or bars over periods (years, quarters or
// months) named by the rows' IDs: "2023", "2023-q3" or "q3-2023", "2023-04"
// or "2023-m04". The rows are in time order; a period missing between two
// rows is drawn as a gap (no bar; the line breaks), with a label made from
// a neighbour's (Q2 2023 beside Q3 2023; 2023年第2季 beside 2023年第3季).
// With more than eight periods, or values too wide for their slots, only
// the last, the highest, the lowest and highlighted values are labelled;
// period labels thin out to fit in two lines.
func init() {
	chart.Register(&chart.Kind{
		Name:       "time-line",
		Names:      map[string]string{"": "Line chart over time", lang.ScriptHant: "時間折線圖", lang.ScriptHans: "时间折线图"},
		Check:      period.Check,
		Prepare:    period.Fill,
		Option:     line,
		Finish:     period.Thin,
		PeriodStep: period.Step,
		Height:     timeHeight,
		NegLabelAt: "bottom",
	})
	chart.Register(&chart.Kind{
		Name:       "time-bar",
		Names:      map[string]string{"": "Bar chart over time", lang.ScriptHant: "時間柱狀圖", lang.ScriptHans: "时间柱状图"},
		Check:      period.Check,
		Prepare:    period.Fill,
		Option:     bar,
		Finish:     period.Thin,
		PeriodStep: period.Step,
		Height:     timeHeight,
		LabelAt:    "top",
		NegLabelAt: "bottom",
	})
}

// timeHeight is a column chart's height; period labels are short.
func timeHeight(c *dataset.Chart, rows []*dataset.Row) int {
	return chart.ColumnHeight(c, rows)
}
