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
// Each type is one file (bar.go, pie.go, …) that registers a kind in init:
// its name in each script, its own rules for validation (package dataset asks
// the registry, Types, through dataset.ChartKinds), its option, its height
// and, optionally, its description. Adding a type is that file plus its line
// here, in the README and in package content's doc, and its goldens;
// TestDocsListTypes holds the lists to the registry.
//
//	bar          vertical bars, one series per value column
//	hbar         horizontal bars; first row on top; long labels wrap beside the bars
//	stacked-bar  vertical bars stacked per category
//	line         one line per value column; a missing value breaks the line
//	pie          one slice per row, labelled "name / value"; rows without a value are
//	             left out
//	donut        a pie with a hole that shows the total
//	progress     horizontal bars against target.value: a dashed line labelled
//	             target.label, bars that reach it in green, each bar on a grey
//	             track to 100 (percentages) or the largest value, with its value
//	             label after the track's end, clear of the target line
//	time-line    a line over periods named by the row IDs ("2023", "2023-q3" or
//	time-bar     "q3-2023", "2023-04"), in time order; a missing period is a gap
//	             (the line breaks, no bar), labelled like its neighbours (Q2 2023,
//	             2023年第2季); on a crowded axis period labels thin out and only
//	             highlighted, last, highest and lowest values are labelled
//	area         a line with the area below it shaded
//	stacked-area areas stacked per category; each series named and valued at its end
//	scatter      values = [x, y]: one point per row, named by its category, each axis
//	             in its column's unit; x_name and y_name default to the column labels
//	bar-line     values = [bars, line]: bars on one value axis and a line on a
//	             second, each in its own unit (a value and its growth rate); the bars
//	             keep to the lower part of the plot and the line to the upper, every
//	             mark labelled, no ticks; rows named by periods are put on a time axis
//	small-multiples  one small bar chart per value column, in a grid of two columns
//	             (one above four categories), every panel on the same scale
//
// Several value columns draw several series with a legend named by the column
// labels, except lines: two to four lines are named at their ends (direct
// labels), and need no legend. A target on a bar, line or area chart draws
// the same dashed line; bar-line, scatter and small-multiples take none.
// Highlighted rows (highlight = ["id"]) are drawn orange in a one-series
// chart, outlined where colour already carries meaning (several series,
// progress), and pulled out of a pie.
//
// # Numbers
//
// Values stay in base units in the table. The value axis is scaled to the
// largest scale word lang.Short uses at its maximum (億 or 萬; bn or m). A
// named value axis carries the unit in its name ("Output (CNY bn)") and bare
// ticks; an unnamed one suffixes its ticks ("{value}億", since an option
// cannot carry a formatting function) and leaves out the zero tick, which
// would read "0億". Percent ticks keep their sign. Bar and point labels are
// formatted in Go with lang.Short (95.82億, 9.582bn, 39.2%) and tooltips with
// lang.Format (95.82億元, CNY 9.582 billion), each stored with its data item.
//
// # Appearance
//
// Category labels are wrapped in Go (wrap): Latin text between words, never
// inside one; Chinese between phrases, preferring breaks after punctuation,
// between scripts, after word-final characters and between two-character
// words, with lines as even as possible. Rows a chart marks partial (a
// shorter period than the rest) are drawn lighter with a dashed outline and
// say so in their value label.
//
// Every chart is laid out for a 360 px column (Width) with 13 px text, which a
// 390 px phone shows at 12.9 CSS px; Size gives the height.
// Text is TextColor and lines are LineColor, sentinels that the SVG paints
// with currentColor, so CSS colours charts in light and dark mode. Series
// colours keep 3:1 contrast against white and #121212. There is no title
// inside the chart (the page's figcaption carries it), no toolbox and no
// animation.
package chart
