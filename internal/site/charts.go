package site

import "io/fs"

// EChartsRenderer returns the chart renderer; charts are drawn as tables
// until internal/chart lands.
func EChartsRenderer(static fs.FS, cacheDir string, workers int) (ChartFunc, error) {
	return nil, nil
}
