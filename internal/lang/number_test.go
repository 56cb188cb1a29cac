package lang

import "testing"

var (
	hant = Lang{Tag: "zh-Hant"}
	hans = Lang{Tag: "zh-Hans", Derive: "zh-Hant"}
	en   = Lang{Tag: "en"}
)

func TestFormat(t *testing.T) {
	u := BuiltinUnits()
	tests := []struct {
		v    float64
		unit string
		l    Lang
		want string
	}{
		{257640000, "yuan", hant, "25,764萬元"},
		{257640000, "yuan", en, "CNY 257.64 million"},
		{9582000000, "yuan", hant, "95.82億元"},
		{9582000000, "yuan", en, "CNY 9.582 billion"},
		{39000000, "yuan", hant, "3,900萬元"},
		{39000000, "yuan", en, "CNY 39 million"},
		{411000000, "yuan", hant, "4.11億元"},
		{411000000, "yuan", en, "CNY 411 million"},
		{23000000000, "yuan", hant, "230億元"},
		{100000, "yuan", hant, "10萬元"},
		{100000, "yuan", en, "CNY 100,000"},
		{81.76, "percent", hant, "81.76%"},
		{81.3, "percent", en, "81.3%"},
		{79515, "people", hant, "79,515人"},
		{79515, "people", en, "79,515 people"},
		{3, "rank", hant, "第3"},
		{3, "rank", en, "No. 3"},
		{52000, "sqm", en, "52,000 m²"},
		{17, "count", en, "17"},
		{-1234.5, "count", en, "-1,234.5"},
		{115, "households", hans, "115户"},
		{379500000000, "MOP", hant, "3,795億澳門元"},
		{379500000000, "MOP", hans, "3,795亿澳门元"},
		{379500000000, "MOP", en, "MOP 379.5 billion"},
		{-1250000000, "HKD", en, "HKD -1.25 billion"},
		{5000, "USD", en, "USD 5,000"},
		{28210000, "visits", hant, "2,821萬人次"},
		{28210000, "visits", en, "28.21 million visits"},
		{9500, "visits", en, "9,500 visits"},
		{1200000, "tonnes", hans, "120万吨"},
		{1200000, "tonnes", en, "1.2 million tonnes"},
		{32.9, "sqkm", en, "32.9 km²"},
		{450, "hectares", hant, "450公頃"},
	}
	for _, tt := range tests {
		got := Format(tt.v, u[tt.unit], tt.l)
		if got != tt.want {
			t.Errorf("Format(%v, %s, %s) = %q, want %q", tt.v, tt.unit, tt.l.Tag, got, tt.want)
		}
	}
}

// TestScaleThousand formats a unit that also scales by thousands in English.
func TestScaleThousand(t *testing.T) {
	u := Unit{ID: "rooms", Kind: KindPlain, Scale: ScaleThousand, Words: Text{"zh-Hant": "間", "en": "rooms"}}
	tests := []struct {
		v           float64
		l           Lang
		full, short string
	}{
		{45600, en, "45.6 thousand rooms", "45.6k"},
		{45600, hant, "4.56萬間", "4.56萬"},
		{999, en, "999 rooms", "999"},
		{2500000, en, "2.5 million rooms", "2.5m"},
		{-3000, en, "-3 thousand rooms", "-3k"},
	}
	for _, tt := range tests {
		if got := Format(tt.v, u, tt.l); got != tt.full {
			t.Errorf("Format(%v, rooms, %s) = %q, want %q", tt.v, tt.l.Tag, got, tt.full)
		}
		if got := Short(tt.v, u, tt.l); got != tt.short {
			t.Errorf("Short(%v, rooms, %s) = %q, want %q", tt.v, tt.l.Tag, got, tt.short)
		}
	}
}

func TestShort(t *testing.T) {
	u := BuiltinUnits()
	tests := []struct {
		v    float64
		unit string
		l    Lang
		want string
	}{
		{9582000000, "yuan", hant, "95.82億"},
		{9582000000, "yuan", en, "9.582bn"},
		{39000000, "yuan", en, "39m"},
		{39.2, "percent", en, "39.2%"},
	}
	for _, tt := range tests {
		if got := Short(tt.v, u[tt.unit], tt.l); got != tt.want {
			t.Errorf("Short(%v, %s, %s) = %q, want %q", tt.v, tt.unit, tt.l.Tag, got, tt.want)
		}
	}
}

func TestTextFill(t *testing.T) {
	langs := []Lang{hant, hans, en}
	c := NewConverter()
	tx := Text{"zh-Hant": "鯉城區發展", "en": "Licheng"}
	tx.Fill(langs, c.Must)
	if got, want := tx.In(hans), "鲤城区发展"; got != want {
		t.Errorf("Fill: zh-Hans = %q, want %q", got, want)
	}
	plain := Text{Any: "T3"}
	plain.Fill(langs, c.Must)
	for _, l := range langs {
		if plain.In(l) != "T3" {
			t.Errorf("Fill plain: %s = %q, want T3", l.Tag, plain.In(l))
		}
	}
	if m := (Text{"zh-Hant": "x"}).Missing(langs); len(m) != 1 || m[0] != "en" {
		t.Errorf("Missing = %v, want [en]", m)
	}
	if u := (Text{"zh-Hans": "x", "fr": "y", "en": "z"}).Unknown(langs); len(u) != 2 || u[0] != "fr" || u[1] != "zh-Hans" {
		t.Errorf("Unknown = %v, want [fr zh-Hans]", u)
	}
}

func TestFormatSimplifiedScale(t *testing.T) {
	u := BuiltinUnits()
	if got, want := Format(9582000000, u["yuan"], hans), "95.82亿元"; got != want {
		t.Errorf("Format(9582000000, yuan, zh-Hans) = %q, want %q", got, want)
	}
	if got, want := Short(257640000, u["yuan"], hans), "25,764万"; got != want {
		t.Errorf("Short(257640000, yuan, zh-Hans) = %q, want %q", got, want)
	}
}

// TestFormatDec keeps the written decimals wherever a number is shown
// unscaled, and ignores them where it is scaled.
func TestFormatDec(t *testing.T) {
	u := BuiltinUnits()
	tests := []struct {
		v           float64
		dec         int
		unit        string
		l           Lang
		full, short string
	}{
		{9, 1, "percent", hant, "9.0%", "9.0%"},
		{-6, 1, "percent", en, "-6.0%", "-6.0%"},
		{139, 1, "percent", hans, "139.0%", "139.0%"},
		{81.3, 2, "percent", en, "81.30%", "81.30%"},
		{-0.04, 1, "percent", en, "0.0%", "0.0%"},
		{1234.5, 2, "count", en, "1,234.50", "1,234.50"},
		{257640000, 0, "yuan", hant, "25,764萬元", "25,764萬"},
		{379500000000, 1, "MOP", en, "MOP 379.5 billion", "379.5bn"},
		{5000, 2, "USD", en, "USD 5,000.00", "5,000.00"},
		{39.2, -1, "percent", en, "39.2%", "39.2%"},
	}
	for _, tt := range tests {
		if got := FormatDec(tt.v, tt.dec, u[tt.unit], tt.l); got != tt.full {
			t.Errorf("FormatDec(%v, %d, %s, %s) = %q, want %q", tt.v, tt.dec, tt.unit, tt.l.Tag, got, tt.full)
		}
		if got := ShortDec(tt.v, tt.dec, u[tt.unit], tt.l); got != tt.short {
			t.Errorf("ShortDec(%v, %d, %s, %s) = %q, want %q", tt.v, tt.dec, tt.unit, tt.l.Tag, got, tt.short)
		}
	}
}

func TestScript(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"zh-Hant", ScriptHant}, {"zh-Hans", ScriptHans}, {"zh-TW", ScriptHant}, {"zh-HK", ScriptHant},
		{"zh-MO", ScriptHant}, {"zh-CN", ScriptHans}, {"zh-Hans-SG", ScriptHans}, {"zh-Hant-HK", ScriptHant},
		{"zh", ScriptHans}, {"en", ""}, {"ja", ""}, {"", ""},
	}
	for _, tt := range tests {
		if got := (Lang{Tag: tt.tag}).Script(); got != tt.want {
			t.Errorf("Lang{%q}.Script() = %q, want %q", tt.tag, got, tt.want)
		}
	}
	if got := Format(9582000000, BuiltinUnits()["yuan"], Lang{Tag: "zh-CN"}); got != "95.82亿元" {
		t.Errorf("Format(9582000000, yuan, zh-CN) = %q, want 95.82亿元", got)
	}
	if got := WordsFor(Lang{Tag: "zh-TW"}).NoData; got != "無數據" {
		t.Errorf("WordsFor(zh-TW) no data = %q, want 無數據", got)
	}
}
