package chart

import (
	"math"
	"strconv"
)

// Sentinel colours. The SVG post-processor (package echarts) paints them with
// currentColor, so the page's CSS colours a chart in light and dark mode.
const (
	// TextColor is the colour of every text and label.
	TextColor = "#010101"
	// LineColor is the colour of axis, tick, grid and split lines.
	LineColor = "#020202"
)

// Series colours. Each keeps a contrast of at least 3:1 against both a white
// page and a dark one (#121212), so bars and slices stay visible in either
// mode (WCAG 2.1, 1.4.11 non-text contrast); TestPaletteContrast checks them.
const (
	colorBase      = "#3b7dd8" // blue: the first series
	colorHighlight = "#c8680a" // orange: highlighted rows
	colorReached   = "#23935a" // green: progress bars that reach the target
)

// palette colours series (and pie slices) in order.
var palette = []string{
	colorBase, colorHighlight, colorReached, "#8e6bd1",
	"#c2528b", "#2b8fa3", "#a67c1a", "#7f8c2a",
}

// fontFamily is a system font stack that covers Chinese on every platform.
const fontFamily = "system-ui, -apple-system, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"

// fontSize keeps text legible on a phone: a chart drawn for a 360 px column
// and scaled to the 358 px column of a 390 px phone still shows 12.9 CSS px.
const fontSize = 13

// colorTrack is the track a progress bar runs along, to its maximum: a
// translucent grey that reads on a light and a dark page.
const colorTrack = "rgba(128,128,128,0.2)"

// luminance returns the relative luminance of a #rrggbb colour (WCAG 2.1).
func luminance(hex string) float64 {
	lin := func(s string) float64 {
		n, _ := strconv.ParseUint(s, 16, 8)
		c := float64(n) / 255
		if c <= 0.03928 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(hex[1:3]) + 0.7152*lin(hex[3:5]) + 0.0722*lin(hex[5:7])
}

// contrast returns the contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
