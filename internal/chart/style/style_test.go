package style

import (
	"math"
	"strconv"
	"testing"
)

func TestPaletteContrast(t *testing.T) {
	for _, c := range palette {
		for _, bg := range []string{"#ffffff", "#121212"} {
			if r := contrast(c, bg); r < 3 {
				t.Errorf("contrast(%s, %s) = %.2f, want ≥ 3", c, bg, r)
			}
		}
	}
}

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
