package lang

import "strings"

// Scripts of Chinese.
const (
	ScriptHant = "Hant"
	ScriptHans = "Hans"
)

// hansRegions and hantRegions are the regions whose Chinese is written in
// Simplified or Traditional characters when the tag names no script.
var (
	hansRegions = map[string]bool{"cn": true, "sg": true, "my": true}
	hantRegions = map[string]bool{"tw": true, "hk": true, "mo": true}
)

// Script returns the script of a Chinese language, "Hant" or "Hans", from
// its tag (zh-Hant, zh-Hans-CN, zh-TW, zh-CN); "" for any other language.
func (l Lang) Script() string {
	parts := strings.Split(strings.ToLower(l.Tag), "-")
	if parts[0] != "zh" {
		return ""
	}
	for _, p := range parts[1:] {
		switch {
		case p == "hant" || hantRegions[p]:
			return ScriptHant
		case p == "hans" || hansRegions[p]:
			return ScriptHans
		}
	}
	return ScriptHans // plain zh
}

// Words are the fixed words and punctuation of generated text in one
// language: chart descriptions and the like.
type Words struct {
	Colon, Comma, Sep, List, End, Join       string
	Open, Close                              string
	NoData, Highest, Target, Reached, Missed string
}

var (
	wordsEn = Words{
		Colon: ": ", Comma: ", ", Sep: "; ", List: ", ", End: ".", Join: " ", Open: " (", Close: ")",
		NoData: "no data", Highest: "Highest", Target: "Target", Reached: "Reached", Missed: "Not reached",
	}
	wordsHant = Words{
		Colon: "：", Comma: "，", Sep: "；", List: "、", End: "。", Join: "", Open: "（", Close: "）",
		NoData: "無數據", Highest: "最高", Target: "目標", Reached: "已達到", Missed: "未達到",
	}
	wordsHans = Words{
		Colon: "：", Comma: "，", Sep: "；", List: "、", End: "。", Join: "", Open: "（", Close: "）",
		NoData: "无数据", Highest: "最高", Target: "目标", Reached: "已达到", Missed: "未达到",
	}
)

// WordsFor returns the words of generated text for l: by its script for
// Chinese, else English.
func WordsFor(l Lang) Words {
	switch l.Script() {
	case ScriptHant:
		return wordsHant
	case ScriptHans:
		return wordsHans
	}
	return wordsEn
}
