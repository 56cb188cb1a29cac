package render

import (
	"fmt"
	"io/fs"

	"reportsite/internal/chart"
	"reportsite/internal/dataset"
	"reportsite/internal/echarts"
	"reportsite/internal/lang"
)

// EChartsScript is the vendored ECharts build, relative to the static FS.
const EChartsScript = "vendor/echarts/echarts.min.js"

// EChartsRenderer returns a ChartFunc that builds each chart's option with
// internal/chart and renders it to SVG with the ECharts build in static.
// cacheDir, when not empty, keeps rendered SVGs between builds.
func EChartsRenderer(static fs.FS, cacheDir string, workers int) (ChartFunc, error) {
	script, err := fs.ReadFile(static, EChartsScript)
	if err != nil {
		return nil, fmt.Errorf("echarts: %w", err)
	}
	r, err := echarts.New(script, echarts.Options{CacheDir: cacheDir, Workers: workers, Lazy: true})
	if err != nil {
		return nil, err
	}
	return func(c *dataset.Chart, l lang.Lang) (Chart, error) {
		units := c.Table.Units
		opt, err := chart.Option(c, l, units)
		if err != nil {
			return Chart{}, err
		}
		w, h := chart.Size(c)
		desc := chart.Describe(c, l, units)
		svg, err := r.Render(echarts.Chart{ID: "chart-" + c.ID + "-" + l.Prefix, Option: opt, Width: w, Height: h, Title: c.Title.In(l), Desc: desc})
		if err != nil {
			return Chart{}, err
		}
		return Chart{SVG: svg, Option: opt, Desc: desc}, nil
	}, nil
}
