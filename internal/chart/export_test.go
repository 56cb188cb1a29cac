package chart

import "reportsite/internal/lang"

// Fixtures exposes the test charts to the external render test.
var Fixtures = fixtures

// RenderWants returns text the rendered SVG of fixture name must show in l.
func RenderWants(name string, l lang.Lang) []string {
	return renderWants[name][l.Tag]
}

var renderWants = map[string]map[string][]string{}
