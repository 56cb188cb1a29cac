package stating

import (
	"math"
	"strings"
	"testing"

	"reportsite/internal/lang"
	"reportsite/internal/numbers"
)

// TestStatedAt: a figure as the text writes it, with the words before it;
// none for a number the text does not state as a figure.
func TestStatedAt(t *testing.T) {
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
		var before, fig string
		vs := Figures(tt.text, tt.l)
		if w, _, ok := Locate([]string{tt.text}, [][]numbers.Value{vs}, tt.l, tt.x, func() Labels { return nil }); ok {
			before, fig = StatedAt(tt.text, vs[w.Index], tt.l)
		}
		if before != tt.before || fig != tt.figs {
			t.Errorf("StatedAt(%q, %v) = %q, %q; want %q, %q", tt.text, tt.x, before, fig, tt.before, tt.figs)
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

// TestLocateInText: of the places a text states the same number, the one in the
// words of the figure's labels; the first without them.
func TestLocateInText(t *testing.T) {
	zh := lang.Lang{Tag: "zh-Hant", Numbers: lang.StyleCJK}
	en := lang.Lang{Tag: "en", Numbers: lang.StyleWestern}
	fiscal := "1-11月份，一般公共預算總收入25764萬元，全區排名第5；一般公共預算收入13776萬元，全區排名第5。"
	projects := "安排項目17個，其中在建項目7個，已竣工項目3個，預備項目7個。"
	english := "Of 17 projects, 7 are under construction, 3 have been completed and 7 are in preparation."
	tests := []struct {
		text   string
		l      lang.Lang
		x      float64
		labels []string
		want   string // the words before the number picked; "-" for none
	}{
		{fiscal, zh, 5, []string{"一般公共預算收入", "全區排名"}, "13776萬元，全區排名第"},
		{fiscal, zh, 5, []string{"一般公共預算總收入", "全區排名"}, "25764萬元，全區排名第"},
		{fiscal, zh, 5, nil, "25764萬元，全區排名第"},
		{projects, zh, 7, []string{"在建項目"}, "其中在建項目"},
		{projects, zh, 7, []string{"預備項目"}, "3個，預備項目"},
		{projects, zh, 3, []string{"預備項目"}, "7個，已竣工項目"},
		{projects, zh, 8, []string{"預備項目"}, "-"},
		{english, en, 7, []string{"Under construction", "Projects"}, "Of 17 projects, "},
		{english, en, 7, []string{"In preparation", "Projects"}, "have been completed and "},
	}
	for _, tt := range tests {
		vs := Figures(tt.text, tt.l)
		got := "-"
		if w, _, ok := Locate([]string{tt.text}, [][]numbers.Value{vs}, tt.l, tt.x, func() Labels { return LabelsOf(tt.l, tt.labels...) }); ok {
			got = tt.text[:vs[w.Index].Offset]
		}
		if !strings.HasSuffix(got, tt.want) {
			t.Errorf("Locate(%q, %v, %q) picks the %v after %q; want the one after %q", tt.text, tt.x, tt.labels, tt.x, got, tt.want)
		}
	}
}

// TestLocate: across paragraphs, the place whose sentence names the whole
// row wins over one that shares a word with it in its clause; places alike
// are ties.
func TestLocate(t *testing.T) {
	zh := lang.Lang{Tag: "zh-Hant", Numbers: lang.StyleCJK}
	tests := []struct {
		texts  []string
		labels []string
		want   Where
		ties   int
	}{
		{[]string{"項目 數量 比增 改造老舊小區 481 21.9%", "重點項目657個（上年845個），比增21.9%。"}, []string{"重點項目", "比增"}, Where{1, 2}, 0},
		{[]string{"收入比增21.9%。", "支出比增21.9%。"}, []string{"甲", "比增"}, Where{0, 0}, 1},
		{[]string{"收入比增21.9%。", "甲比增21.9%。"}, []string{"甲", "比增"}, Where{1, 0}, 0},
		{[]string{"收入21.9%。"}, nil, Where{0, 0}, 0},
	}
	for _, tt := range tests {
		figs := make([][]numbers.Value, len(tt.texts))
		for k, s := range tt.texts {
			figs[k] = Figures(s, zh)
		}
		w, ties, ok := Locate(tt.texts, figs, zh, 21.9, func() Labels { return LabelsOf(zh, tt.labels...) })
		if !ok || w != tt.want || len(ties) != tt.ties {
			t.Errorf("Locate(%q, %q) = %v, %d ties, %v; want %v, %d ties", tt.texts, tt.labels, w, len(ties), ok, tt.want, tt.ties)
		}
	}
	if _, _, ok := Locate([]string{"無。"}, [][]numbers.Value{nil}, zh, 1, nil); ok {
		t.Error("Locate found a figure no paragraph states")
	}
}

// FuzzLocate: on any text and labels, every figure a text states is
// located at a number of that value, and nothing panics.
func FuzzLocate(f *testing.F) {
	f.Add("安排項目17個，其中在建項目7個，已竣工項目3個，預備項目7個。", "預備項目", true)
	f.Add("Of 17 projects, 7 are under construction. 3 have been completed and 7 are in preparation.", "In preparation", false)
	f.Add("a. 5 b; 5, c。5", "b", false)
	f.Fuzz(func(t *testing.T, text, label string, cjk bool) {
		l := lang.Lang{Tag: "en", Numbers: lang.StyleWestern}
		if cjk {
			l = lang.Lang{Tag: "zh-Hant", Numbers: lang.StyleCJK}
		}
		texts := strings.Split(text, "\n")
		figs := make([][]numbers.Value, len(texts))
		for k, s := range texts {
			figs[k] = Figures(s, l)
		}
		for _, f := range figs {
			for _, v := range f {
				w, _, ok := Locate(texts, figs, l, v.V, func() Labels { return LabelsOf(l, label, "x") })
				if !ok || !numbers.Equal(figs[w.Para][w.Index].V, math.Abs(v.V)) {
					t.Fatalf("Locate(%q, %v) = %v, %v", texts, v.V, w, ok)
				}
			}
		}
	})
}
