package chart

import (
	"testing"

	"reportsite/internal/lang"
)

var (
	hant = lang.Lang{Tag: "zh-Hant"}
	en   = lang.Lang{Tag: "en"}
)

func TestAxisScale(t *testing.T) {
	u := lang.BuiltinUnits()
	tests := []struct {
		max    float64
		unit   string
		l      lang.Lang
		div    float64
		suffix string
	}{
		{18363000000, "yuan", hant, 1e8, "億"},
		{18363000000, "yuan", en, 1e9, "bn"},
		{39000000, "yuan", hant, 1e4, "萬"},
		{39000000, "yuan", en, 1e6, "m"},
		{5000, "yuan", en, 1, ""},
		{63.3, "percent", en, 1, "%"},
		{1e9, "percent", hant, 1, "%"},
		{79515, "people", hant, 1, ""},
		{3, "rank", en, 1, ""},
	}
	for _, tt := range tests {
		div, suffix := axisScale(tt.max, u[tt.unit], tt.l)
		if div != tt.div || suffix != tt.suffix {
			t.Errorf("axisScale(%v, %s, %s) = %v, %q, want %v, %q", tt.max, tt.unit, tt.l.Tag, div, suffix, tt.div, tt.suffix)
		}
	}
}

func TestSlotWidth(t *testing.T) {
	for n := 1; n <= 12; n++ {
		w := SlotWidth(n)
		if n > 1 && n*(w+10) > Width-64+10 && w > 36 {
			t.Errorf("slotWidth(%d) = %d: %d labels with gaps overrun the plot", n, w, n)
		}
	}
}

// TestTypeNames checks that a type is named in each script, zh-TW by its
// script, and that a type without a name there is refused.
func TestTypeNames(t *testing.T) {
	k := &Kind{Name: "pie", Names: map[string]string{"": "Pie chart", lang.ScriptHant: "圓餅圖", lang.ScriptHans: "饼图"}}
	if got := k.nameIn(lang.Lang{Tag: "zh-TW"}); got != "圓餅圖" {
		t.Errorf("pie in zh-TW = %q, want 圓餅圖", got)
	}
	for _, script := range []string{"", lang.ScriptHant, lang.ScriptHans} {
		k := &Kind{Name: "t", Names: map[string]string{"": "x", lang.ScriptHant: "x", lang.ScriptHans: "x"},
			Option: func(*Plot) map[string]any { return nil }, Height: ColumnHeight}
		delete(k.Names, script)
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Register(type without a name in %q) did not panic", script)
				}
			}()
			Register(k)
		}()
	}
}
