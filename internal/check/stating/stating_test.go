package stating

import (
	"testing"

	"reportsite/internal/lang"
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
