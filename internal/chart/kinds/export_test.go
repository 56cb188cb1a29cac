package kinds

import "reportsite/internal/lang"

// Fixtures exposes the test charts to the external render test.
var Fixtures = fixtures

var SortedFixtures = sortedFixtures

// RenderWants returns text the rendered SVG of fixture name must show in l.
func RenderWants(name string, l lang.Lang) []string {
	return renderWants[name][l.Tag]
}

var renderWants = map[string]map[string][]string{
	"bar": {
		"en":      {"Retail sales", "39.2%", "63.3%", "Growth (%)"},
		"zh-Hant": {"商業零售額", "39.2%", "比增（%）"},
	},
	"hbar": {
		"en":      {"Retail sales", "9.582bn", "39m", "Amount"},
		"zh-Hant": {"商業零售額", "95.82億", "3,900萬", "金額"},
	},
	"stacked-bar": {
		"en":      {"Amount", "Plan", "9.582bn"},
		"zh-Hant": {"完成額", "計劃", "95.82億"},
	},
	"line": {
		"en":      {"Target 30%", "63.3%"},
		"zh-Hant": {"目標30%", "63.3%"},
	},
	"pie": {
		"en":      {"Retail sales", "9.582bn"},
		"zh-Hant": {"商業零售額", "95.82億"},
	},
	"donut": {
		"en":      {"Sales", "14.572bn"},
		"zh-Hant": {"商業銷售額", "145.72億"},
	},
	"progress": {
		"en":      {"First dose", "80.41%", "Target 80%", "100%"},
		"zh-Hant": {"第一劑次", "80.41%", "目標80%"},
	},
}
