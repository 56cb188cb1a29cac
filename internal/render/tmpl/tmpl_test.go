package tmpl

import (
	"strings"
	"testing"
)

func TestHeadTitle(t *testing.T) {
	long := strings.Repeat("長", 80)
	tests := []struct {
		parts []string
		want  string
	}{
		{[]string{"Data", "Site"}, "Data · Site"},
		{[]string{"", "Site"}, "Site"},
		{[]string{"Site", "Site"}, "Site"},
		{[]string{strings.Repeat("a", 60), "Changtai Subdistrict"}, strings.Repeat("a", 60)},
		{[]string{"常泰", "常泰街道", "Changtai"}, "常泰 · 常泰街道 · Changtai"},
		{[]string{long, "Site"}, strings.Repeat("長", 69) + "…"},
	}
	for _, tt := range tests {
		if got := HeadTitle(tt.parts...); got != tt.want {
			t.Errorf("HeadTitle(%q) = %q, want %q", tt.parts, got, tt.want)
		}
	}
}
