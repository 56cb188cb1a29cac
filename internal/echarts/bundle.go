package echarts

import _ "embed"

// BuildScript is the ECharts that draws the SVGs at build time
// (bundle/echarts.build.min.js, made by `make echarts` from
// tools/echarts/entry-build.js): the pages' bundle
// (static/vendor/echarts/echarts.min.js) without the tooltip, axis pointer
// and data zoom, which draw nothing into a static SVG, and with only init
// exported. goja compiles about a tenth less script on every build that draws
// a chart, and the SVGs are those of the pages' bundle
// (TestBuildBundleDrawsAsPageBundle in internal/chart/kinds).
//
//go:embed bundle/echarts.build.min.js
var BuildScript []byte
