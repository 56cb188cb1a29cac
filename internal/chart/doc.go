// Package chart turns a chart specification and its data table into an
// ECharts option (JSON) for one language, built with go-echarts, and writes a
// text description of the chart from the same data.
//
// The option is rendered to SVG at build time (package echarts) and also
// travels in the page as a JSON data island, from which ECharts makes the
// chart interactive when scripts run. So the option is data only: no
// functions, no remote assets, HTML-sensitive characters escaped, and the same
// bytes for the same input.
//
// # Chart types
//
//	bar          vertical bars, one series per value column
//	hbar         horizontal bars; first row on top; long labels wrap beside the bars
//	stacked-bar  vertical bars stacked per category
//	line         one line per value column; a missing value breaks the line
//	pie, donut   one slice per row, labelled "name value"; rows without a value are left out
//	progress     horizontal bars against target.value: a dashed line labelled
//	             target.label, bars that reach it in green, an axis from 0 to 100
//	             for percentages
//
// Several value columns draw several series with a legend named by the column
// labels. A target on any bar or line chart draws the same dashed line.
// Highlighted rows (highlight = ["id"]) are drawn orange in a one-series
// chart, outlined where colour already carries meaning (several series,
// progress), and pulled out of a pie.
//
// # Numbers
//
// Values stay in base units in the table. The value axis is scaled to the
// largest scale word lang.Short uses at its maximum (億 or 萬; bn or m) and its
// labels suffixed with it ("{value}億"), since ECharts computes the ticks and
// an option cannot carry a formatting function. Bar and point labels are
// formatted in Go with lang.Short (95.82億, 9.582bn, 39.2%) and tooltips with
// lang.Format (95.82億元, CNY 9.582 billion), each stored with its data item.
//
// # Appearance
//
// Every chart is laid out for a 360 px column (Width); Size gives the height.
// Text is TextColor and lines are LineColor, sentinels that the SVG paints
// with currentColor, so CSS colours charts in light and dark mode. Series
// colours keep 3:1 contrast against white and #121212. There is no title
// inside the chart (the page's figcaption carries it), no toolbox and no
// animation.
package chart
