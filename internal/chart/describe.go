package chart

import (
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// Describe returns a plain-text description of the chart in l.
func Describe(c *dataset.Chart, l lang.Lang, units map[string]lang.Unit) string { return "" }
