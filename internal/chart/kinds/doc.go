// Package kinds holds the chart types, one file each. Each file registers
// its chart.Kind with chart.Register in init; importing this package (as
// package content does) makes every type known to the registry,
// chart.Types. Adding a type is that file, its line here, in the README and
// in package content's doc, and its goldens (testdata/); TestDocsListTypes
// holds the lists to the registry. The drawing that several types share
// (bars, lines, pies, the target line) is in draw.go, the rules several
// types share in rules.go; the periods a chart over time runs over are in
// package period.
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
package kinds
