package figure

import (
	"io/fs"
	"strings"
	"testing"

	"reportsite/internal/echarts"
	"reportsite/static"
)

// TestChartsJSSentinels ties the colours an option gives text and lines
// (echarts.TextColor, echarts.LineColor), which the build's SVGs paint with
// the page's colour, to static/charts.js, which swaps the same two for the
// page's colour when a reader explores a chart: a colour changed on one
// side only would draw the live chart in near-black.
func TestChartsJSSentinels(t *testing.T) {
	js, err := fs.ReadFile(static.FS, "charts.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{echarts.TextColor, echarts.LineColor} {
		if !strings.Contains(string(js), ".split('"+c+"')") {
			t.Errorf("static/charts.js does not replace the sentinel colour %s in an option", c)
		}
	}
}
