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
// Each type is one file in package kinds (bar.go, pie.go, …) that calls
// Register in init with a Kind: its name in each script, its own rules for
// validation (package dataset asks the registry, Types, through
// dataset.ChartKinds), its option, its height and, optionally, its
// description. This package holds what every type shares: the Plot (a
// chart's rows resolved for one language), axes, scales, labels and sizes;
// below it are style (colours and fonts), wrap (text wrapping), option (the
// option tree as generic JSON and its final checks) and period (rows named
// by periods). Package kinds documents the types.
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
// Text is style.TextColor and lines are style.LineColor, sentinels that the
// SVG paints with currentColor, so CSS colours charts in light and dark mode.
// Series colours (package style) keep 3:1 contrast against white and
// #121212. There is no title
// inside the chart (the page's figcaption carries it), no toolbox and no
// animation.
package chart
