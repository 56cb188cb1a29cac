package stating

import (
	"testing"

	"reportsite/internal/lang"
	"reportsite/internal/numbers"
)

func TestStatedAmong(t *testing.T) {
	zh := lang.Lang{Tag: "zh-Hant", Numbers: lang.StyleCJK}
	en := lang.Lang{Tag: "en", Numbers: lang.StyleWestern}
	tests := []struct {
		text         string
		l            lang.Lang
		x            float64
		before, figs string
	}{
		{"一般公共預算總收入25764萬元，比增39.2%。", zh, 257640000, "算總收入", "25764萬"},
		{"一般公共預算總收入25764萬元，比增39.2%。", zh, 39.2, "元，比增", "39.2%"},
		{"Revenue was CNY 257.64 million, up 39.2%.", en, 257640000, "was CNY", "257.64 million"},
		{"Revenue was CNY 257.64 million, up 39.2%.", en, -39.2, "million, up", "39.2%"},
		{"In 2021 the output rose.", en, 2021, "", ""}, // a year is not a figure
		{"Nothing here.", en, 5, "", ""},
	}
	for _, tt := range tests {
		before, fig := StatedAmong(tt.text, Figures(tt.text, tt.l), tt.l, tt.x)
		if before != tt.before || fig != tt.figs {
			t.Errorf("StatedAmong(%q, %v) = %q, %q; want %q, %q", tt.text, tt.x, before, fig, tt.before, tt.figs)
		}
	}
}

func TestOtherPrecision(t *testing.T) {
	en := lang.Lang{Tag: "en", Numbers: lang.StyleWestern}
	tests := []struct {
		text string
		x    float64
		dec  int
		want string
	}{
		{"up 9.0% on the year", 9, 0, "9.0%"},
		{"up 9% on the year", 9, 0, ""},
		{"CNY 257.64 million", 257640000, 0, ""}, // scaled: its digits say nothing
		{"81.76 per cent", 81.76, 2, ""},
	}
	for _, tt := range tests {
		got, ok := OtherPrecision(Figures(tt.text, en), tt.x, tt.dec)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("OtherPrecision(%q, %v, %d) = %q, %v; want %q", tt.text, tt.x, tt.dec, got, ok, tt.want)
		}
	}
}

func TestNotations(t *testing.T) {
	zh := lang.Lang{Tag: "zh-Hant", Numbers: lang.StyleCJK}
	en := lang.Lang{Tag: "en", Numbers: lang.StyleWestern}
	if got, want := Notations(257640000, zh), " (25,764萬 / 2.5764億)"; got != want {
		t.Errorf("Notations zh = %q, want %q", got, want)
	}
	if got, want := Notations(257640000, en), " (257.64 million)"; got != want {
		t.Errorf("Notations en = %q, want %q", got, want)
	}
	if got := Notations(12, en); got != "" {
		t.Errorf("Notations(12) = %q, want empty", got)
	}
}

// TestPhrase: a number as written with the unit word after it, the unit
// found among the site's (the longest word wins), and how a reader expects
// it written.
func TestPhrase(t *testing.T) {
	zh := lang.Lang{Tag: "zh-Hant", Numbers: lang.StyleCJK}
	en := lang.Lang{Tag: "en", Numbers: lang.StyleWestern}
	units := lang.BuiltinUnits()
	tests := []struct {
		text         string
		l            lang.Lang
		x            float64
		phrase, unit string
		expected     string
		expectedIn   lang.Lang
	}{
		{"一般公共預算總收入25764萬元，比增39.2%。", zh, 257640000, "25764萬元", "yuan", "CNY 257.64 million", en},
		{"一般公共預算總收入25764萬元，比增39.2%。", zh, 39.2, "39.2%", "percent", "39.2%", en},
		{"轄區常住人口79515人。", zh, 79515, "79515人", "people", "79,515 people", en},
		{"第3季度完成。", zh, 3, "第3季", "", "3", en},
		{"We planted 12 trees.", en, 12, "12", "", "12", en},
	}
	for _, tt := range tests {
		var v *numbers.Value
		for _, w := range numbers.Extract(tt.text, tt.l.NumberStyle()) {
			if w.V == tt.x {
				v = &w
			}
		}
		if v == nil {
			t.Fatalf("%q: no number %v", tt.text, tt.x)
		}
		phrase, u := Phrase(units, tt.text, *v, tt.l)
		unit := ""
		if u != nil {
			unit = u.ID
		}
		if phrase != tt.phrase || unit != tt.unit {
			t.Errorf("Phrase(%q, %v) = %q, %q; want %q, %q", tt.text, tt.x, phrase, unit, tt.phrase, tt.unit)
		}
		if got := Expected(*v, u, tt.expectedIn); got != tt.expected {
			t.Errorf("Expected(%v, %s) = %q, want %q", tt.x, unit, got, tt.expected)
		}
	}
}
