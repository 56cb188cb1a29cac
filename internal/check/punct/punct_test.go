package punct

import (
	"strings"
	"testing"

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
		for _, p := range Marks(tt.text, tt.l) {
			got.WriteString(p.Mark)
		}
		if got.String() != tt.want {
			t.Errorf("Marks(%q, %s) marks = %q, want %q", tt.text, tt.l.Tag, got.String(), tt.want)
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
