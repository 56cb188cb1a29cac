// Package style holds the colours and fonts every chart shares: sentinel
// colours for text and lines, which the SVG paints with currentColor, and
// series colours that keep their contrast on a light and a dark page.
package style

import (
	"fmt"
	"slices"
	"strconv"

	"reportsite/internal/chart/wrap"
	"reportsite/internal/echarts"
)

// Sentinel colours, defined by package echarts, whose SVG post-processor
// paints them with currentColor, so the page's CSS colours a chart in light
// and dark mode.
const (
	// TextColor is the colour of every text and label.
	TextColor = echarts.TextColor
	// LineColor is the colour of axis, tick, grid and split lines.
	LineColor = echarts.LineColor
)

// Series colours. Each keeps a contrast of at least 3:1 against both a white
// page and a dark one (#121212), so bars and slices stay visible in either
// mode (WCAG 2.1, 1.4.11 non-text contrast); TestPaletteContrast checks them.
const (
	ColorBase      = "#3b7dd8" // blue: the first series
	ColorHighlight = "#c8680a" // orange: highlighted rows
	ColorReached   = "#23935a" // green: progress bars that reach the target
)

// palette colours series (and pie slices) in order.
var palette = []string{
	ColorBase, ColorHighlight, ColorReached, "#8e6bd1",
	"#c2528b", "#2b8fa3", "#a67c1a", "#7f8c2a",
}

// Palette returns the series colours in order, a copy each kind may put
// into its option.
func Palette() []string { return slices.Clone(palette) }

// FontFamily is a system font stack that covers Chinese on every platform.
const FontFamily = "system-ui, -apple-system, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"

// FontSize keeps text legible on a phone: a chart drawn for a 360 px column
// and scaled to the 358 px column of a 390 px phone still shows 12.9 CSS px.
const FontSize = wrap.FontSize

// ColorTrack is the track a progress bar runs along, to its maximum: a
// translucent grey that reads on a light and a dark page.
const ColorTrack = "rgba(128,128,128,0.2)"

// Translucent returns a #rrggbb colour at 45 % opacity.
func Translucent(hex string) string {
	if len(hex) != 7 || hex[0] != '#' {
		return hex
	}
	n, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil {
		return hex
	}
	return fmt.Sprintf("rgba(%d,%d,%d,0.45)", n>>16, n>>8&0xff, n&0xff)
}
