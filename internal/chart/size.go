package chart

import (
	"strings"

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
		h = k.height(c, rows)
	} else {
		h = columnHeight(c, rows)
	}
	return Width, min(max(h, 160), 1200)
}

// maxLines returns the most lines row r's category label takes in any
// language.
func maxLines(c *dataset.Chart, r *dataset.Row, width int) int {
	n := 1
	for _, s := range r.Cells[c.Category].Text {
		n = max(n, strings.Count(wrap(s, width), "\n")+1)
	}
	return n
}

// legendRoom is the height of the legend, drawn for several series.
func legendRoom(c *dataset.Chart) int {
	if len(c.Values) > 1 {
		return legendHeight
	}
	return 0
}

// columnHeight is the height of a chart with a category axis below: room
// for the plot and for the category labels' lines.
func columnHeight(c *dataset.Chart, rows []*dataset.Row) int {
	h := 260 + legendRoom(c)
	if len(rows) > 0 {
		extra := 0
		for _, r := range rows {
			extra = max(extra, maxLines(c, r, slotWidth(len(rows)))-1)
		}
		h += min(extra, 4) * lineHeight
	}
	return h
}

// rowHeight is the height of horizontal bars: each row as tall as its bars
// (barRow) or its wrapped label, whichever is taller, plus the value axis,
// margins and the target's label.
func rowHeight(c *dataset.Chart, rows []*dataset.Row, barRow int) int {
	h := 56 + legendRoom(c)
	if !c.XName.IsZero() {
		h += 24
	}
	for _, r := range rows {
		h += max(barRow, maxLines(c, r, catLabelWidth)*lineHeight+12)
	}
	return h
}
