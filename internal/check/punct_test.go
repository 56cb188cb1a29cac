package check

import (
	"strings"
	"testing"

	"reportsite/internal/diag"
)

// TestPunctuationRule runs the rule over a small site: it finds the marks
// in section text, headings, front matter and table items, with positions.
func TestPunctuationRule(t *testing.T) {
	s := site(t, map[string]string{
		"zh-Hant/01-a.md": section("甲", "summary = \"下載: 全文\"\n", "## 標題 (一)\n\n總收入25764萬元,比增39.2%。\n"),
		"en/01-a.md":      section("A", "summary = \"Download：all\"\n", "## Title (1)\n\nRevenue was CNY 257.64 million, up 39.2%; \"quoted\" and “curly”.\n"),
		"data/t.toml":     strings.NewReplacer("%s\ngrowth = %s", "257640000\ngrowth = 39.2", `en = "Table"`, `en = "Table：2021"`).Replace(tableTOML),
	})
	var dl diag.List
	run(s, splitParas, nil, nil, &dl)
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
