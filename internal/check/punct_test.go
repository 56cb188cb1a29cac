package check

import (
	"strings"
	"testing"

	"reportsite/internal/diag"
	"reportsite/internal/lang"
)

func TestPunctuation(t *testing.T) {
	zh := lang.Lang{Tag: "zh-Hant", Numbers: lang.StyleCJK}
	en := lang.Lang{Tag: "en", Numbers: lang.StyleWestern}
	tests := []struct {
		text string
		l    lang.Lang
		want string // the marks reported, in order
	}{
		{"Publisher：Changtai", en, "："},
		{"Read the section：Key tasks", en, "："},
		{"Figures（2021）", en, "（）"},
		{"It writes 品質名城·文明新風 and (一期、二期) as quoted.", en, ""},
		{"the slogan “品質名城”.", en, ""},
		{"the slogan “品質名城”。", en, "。"},
		{"the final “。” of a heading", en, ""},
		{"下載: CSV", zh, ":"},
		{"主要經濟指標 (2021年1–11月)", zh, "()"},
		{"36748人 ,第三劑", zh, ","},
		{"1-11月份，完成80.41%，5+2，T3汽車，LED屏", zh, ""},
		{"通過(LED)屏", zh, "()"},
		{"總收入25764萬元，比增39.2%。", zh, ""},
	}
	for _, tt := range tests {
		var got strings.Builder
		for _, p := range Punctuation(tt.text, tt.l) {
			got.WriteString(p.Mark)
		}
		if got.String() != tt.want {
			t.Errorf("Punctuation(%q, %s) marks = %q, want %q", tt.text, tt.l.Tag, got.String(), tt.want)
		}
	}
}

func TestQuoteStyle(t *testing.T) {
	zh := lang.Lang{Tag: "zh-Hant", Numbers: lang.StyleCJK}
	en := lang.Lang{Tag: "en", Numbers: lang.StyleWestern}
	var q QuoteStyle
	steps := []struct {
		text string
		l    lang.Lang
		want string
	}{
		{`the “Little Giant” title`, en, ""},
		{`“招商突破年”活動`, zh, ""},
		{`the "four earlies"`, en, `""`},
		{`「四早」措施`, zh, "「」"},
		{`“四方”責任`, zh, ""},
	}
	for i, s := range steps {
		var got strings.Builder
		for _, p := range q.Check(s.text, s.l, "x") {
			got.WriteString(p.Mark)
		}
		if got.String() != s.want {
			t.Errorf("step %d: Check(%q) marks = %q, want %q", i, s.text, got.String(), s.want)
		}
	}
}

// TestPunctuationRule runs the rule over a small site: it finds the marks
// in section text, headings, front matter and table items, with positions.
func TestPunctuationRule(t *testing.T) {
	s := site(t, map[string]string{
		"zh-Hant/01-a.md": section("甲", "summary = \"下載: 全文\"\n", "## 標題 (一)\n\n總收入25764萬元,比增39.2%。\n"),
		"en/01-a.md":      section("A", "summary = \"Download：all\"\n", "## Title (1)\n\nRevenue was CNY 257.64 million, up 39.2%; \"quoted\" and “curly”.\n"),
		"data/t.toml":     strings.NewReplacer("%s\ngrowth = %s", "257640000\ngrowth = 39.2", `en = "Table"`, `en = "Table：2021"`).Replace(tableTOML),
	})
	var dl diag.List
	Run(s, splitParas, &dl)
	var got []string
	for _, d := range dl.Items() {
		got = append(got, d.Pos()+": "+d.Msg)
	}
	want := []string{
		`data/t.toml:1:37: full-width "：" in en text`,
		`en/01-a.md:3:20: full-width "：" in en text`,
		`en/01-a.md:7:56: curly quotes “…” in en text, which uses straight quotes "…" (first at en/01-a.md:7)`,
		`en/01-a.md:7:62: curly quotes “…” in en text, which uses straight quotes "…" (first at en/01-a.md:7)`,
		`zh-Hant/01-a.md:3:14: ASCII ":" beside Chinese in zh-Hant text`,
		`zh-Hant/01-a.md:5:7: ASCII "(" beside Chinese in zh-Hant text`,
		`zh-Hant/01-a.md:5:9: ASCII ")" beside Chinese in zh-Hant text`,
		`zh-Hant/01-a.md:7:11: ASCII "," beside Chinese in zh-Hant text`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Run() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
