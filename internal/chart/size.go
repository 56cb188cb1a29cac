package chart

import (
	"strings"

	"reportsite/internal/chart/wrap"
	"reportsite/internal/dataset"
)

// Size returns the width and height in px a chart is rendered at: Width,
// and c.Height when set, else a height from the chart's type, its rows and
// the length of its category labels. Horizontal bars grow with their rows,
// so long Chinese labels wrap instead of shrinking the bars. Labels in every
// language count, so a chart has one size, and one aspect ratio, in all.
func Size(c *dataset.Chart) (w, h int) {
	if c == nil {
		return Width, 240
	}
	if c.Height > 0 {
		return Width, c.Height
	}
	var rows []*dataset.Row
	if c.Table != nil {
		rows = c.ChartRows()
	}
	if k, ok := kinds[c.Type]; ok {
		h = k.Height(c, rows)
	} else {
		h = ColumnHeight(c, rows)
	}
	return Width, min(max(h, 160), 1200)
}

// MaxLines returns the most lines row r's category label takes in any
// language.
func MaxLines(c *dataset.Chart, r *dataset.Row, width int) int {
	n := 1
	for _, s := range r.Cell(c.Category).Text {
		n = max(n, strings.Count(wrap.Text(s, width), "\n")+1)
	}
	return n
}

// LegendRoom is the height of the legend, drawn for several series.
func LegendRoom(c *dataset.Chart) int {
	if len(c.Values) > 1 {
		return legendHeight
	}
	return 0
}

// ColumnHeight is the height of a chart with a category axis below: room
// for the plot and for the category labels' lines.
func ColumnHeight(c *dataset.Chart, rows []*dataset.Row) int {
	h := 260 + LegendRoom(c)
	if len(rows) > 0 {
		extra := 0
		for _, r := range rows {
			extra = max(extra, MaxLines(c, r, SlotWidth(len(rows)))-1)
		}
		h += min(extra, 4) * LineHeight
	}
	return h
}

// RowHeight is the height of horizontal bars: each row as tall as its bars
// (barRow) or its wrapped label, whichever is taller, plus the value axis,
// margins and the target's label.
func RowHeight(c *dataset.Chart, rows []*dataset.Row, barRow int) int {
	h := 56 + LegendRoom(c)
	if !c.XName.IsZero() {
		h += 24
	}
	for _, r := range rows {
		h += max(barRow, MaxLines(c, r, catLabelWidth)*LineHeight+12)
	}
	return h
}
