package check

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/numbers"
)

const siteTOML = `title = { zh-Hant = "報告", en = "Report" }
name = "test"
version = "1"

[[languages]]
tag = "zh-Hant"
name = "繁體中文"
prefix = "zh-hant"

[[languages]]
tag = "zh-Hans"
name = "简体中文"
prefix = "zh-hans"
derive = "zh-Hant"

[[languages]]
tag = "en"
name = "English"
prefix = "en"
`

// section returns a section file: front matter (title and any extra TOML)
// and a body whose first line is line 4 plus the extra lines.
func section(title, extra, body string) string {
	return "+++\ntitle = \"" + title + "\"\n" + extra + "+++\n" + body
}

// site loads a fixture site from files added to a minimal site.toml.
func site(t testing.TB, files map[string]string) *content.Site {
	t.Helper()
	fsys := fstest.MapFS{"site.toml": {Data: []byte(siteTOML)}}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	s, dl := content.Load(fsys)
	if s == nil || dl.Errors() > 0 {
		t.Fatalf("content.Load: %v", dl.Err())
	}
	return s
}

// diags formats the problems of dl, one per line, with their hints.
func diags(dl *diag.List) string {
	var b strings.Builder
	for _, d := range dl.Items() {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func TestParity(t *testing.T) {
	tests := []struct {
		name     string
		zh, en   string
		zhExtra  string
		enExtra  string
		want     string
		wantNone bool
	}{
		{
			name: "agree",
			zh:   "總收入25764萬元，完成年度計劃81.76%，全區排名第5。\n\n11月中旬完成全部209棟，十九屆六中全會。\n",
			en:   "Revenue was CNY 257.64 million, 81.76% of the plan, ranking fifth.\n\nIn mid-November all 209 buildings; the 19th Central Committee.\n",
		},
		{
			name: "missing and extra",
			zh:   "總收入25764萬元，比增39.2%。\n",
			en:   "Revenue was CNY 257.6 million, up 39.2%.\n",
			want: "en/01-a.md:4: number 257600000 (257.6 million) is not in zh-Hant/01-a.md:4\n" +
				"\thint: correct it to the number in zh-Hant/01-a.md:4, or add it to allow_numbers with a reason\n" +
				"en/01-a.md:4: number 257640000 (25764萬元 in zh-Hant/01-a.md:4) is missing\n" +
				"\thint: write CNY 257.64 million, or add it to allow_numbers with a reason\n",
		},
		{
			name: "qualifiers and units",
			zh:   "共計22萬余平方米。\n",
			en:   "More than 22,000 m² in all.\n",
			want: "en/01-a.md:4: number 22000 (22,000) is not in zh-Hant/01-a.md:4\n" +
				"\thint: correct it to the number in zh-Hant/01-a.md:4, or add it to allow_numbers with a reason\n" +
				"en/01-a.md:4: number 220000 (22萬余平方米 in zh-Hant/01-a.md:4) is missing\n" +
				"\thint: write 220,000 m², or add it to allow_numbers with a reason\n",
		},
		{
			name: "paired by position",
			zh:   "共接種79515人。\n\n第二劑次36748人。\n",
			en:   "In all 36,748 people received a second dose.\n\nA total of 79,515 people were vaccinated.\n",
			want: "en/01-a.md:4: number 36748 (36,748) is not in zh-Hant/01-a.md:4\n" +
				"\thint: correct it to the number in zh-Hant/01-a.md:4, or add it to allow_numbers with a reason\n" +
				"en/01-a.md:4: number 79515 (79515人 in zh-Hant/01-a.md:4) is missing\n" +
				"\thint: write 79,515 people, or add it to allow_numbers with a reason\n" +
				"en/01-a.md:6: number 36748 (36748人 in zh-Hant/01-a.md:6) is missing\n" +
				"\thint: write 36,748 people, or add it to allow_numbers with a reason\n" +
				"en/01-a.md:6: number 79515 (79,515) is not in zh-Hant/01-a.md:6\n" +
				"\thint: correct it to the number in zh-Hant/01-a.md:6, or add it to allow_numbers with a reason\n",
		},
		{
			name: "anywhere in the section when paragraphs differ",
			zh:   "共接種79515人。\n\n第二劑次36748人。\n",
			en:   "In all 36,748 people received a second dose and 79,515 people were vaccinated.\n",
		},
		{
			name: "best counterpart when paragraphs differ",
			zh:   "共接種79515人，第一劑次42587人。\n\n第二劑次36748人，完成率62.91%。\n\n投入資金400多萬元。\n",
			en:   "A total of 79,515 people were vaccinated, 42,587 with a first dose.\n\nA second dose: 36,748 people, 62.9%. CNY 4 million was invested.\n",
			want: "en/01-a.md:6: number 62.9 (62.9%) is not in zh-Hant/01-a.md\n" +
				"\thint: correct it to the number in zh-Hant/01-a.md, or add it to allow_numbers with a reason\n" +
				"en/01-a.md:6: number 62.91 (62.91% in zh-Hant/01-a.md:6) is missing\n" +
				"\thint: write 62.91%, or add it to allow_numbers with a reason\n",
		},
		{
			name:    "allowed in either file",
			zh:      "共3714人。\n",
			zhExtra: "[[allow_numbers]]\nvalue = \"3714\"\nreason = \"rounded in English\"\n",
			en:      "About 3,700 people.\n",
			enExtra: "[[allow_numbers]]\nvalue = \"3,700\"\nreason = \"rounded in English\"\n",
		},
		{
			name:    "stale allowance",
			zh:      "共3714人。\n",
			en:      "In all 3,714 people.\n",
			enExtra: "[[allow_numbers]]\nvalue = \"19\"\nreason = \"no longer needed\"\n",
			want: "en/01-a.md:4: warning: allow_numbers value \"19\" excuses nothing\n" +
				"\thint: remove the entry: the languages agree on this number, or no text states it\n",
		},
		{
			name:    "allowance without a number",
			zh:      "共3714人。\n",
			en:      "In all 3,714 people.\n",
			zhExtra: "[[allow_numbers]]\nvalue = \"many\"\nreason = \"a word\"\n",
			want: "zh-Hant/01-a.md:4: allow_numbers value \"many\" states no number\n" +
				"\thint: write the number with digits, e.g. value = \"19\" or value = \"257.64 million\"\n",
		},
		{
			name: "words are not required in the original",
			zh:   "堅持生態優先，同心同向。\n",
			en:   "Putting ecology first, with one heart.\n",
		},
		{
			name: "names and superscripts",
			zh:   "一汽紅旗4S店、T3汽車出行，展廳6000平。\n",
			en:   "the FAW Hongqi 4S dealership, T3 Mobility, showrooms of 6,000 m².\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := site(t, map[string]string{
				"zh-Hant/01-a.md": section("甲", tt.zhExtra, tt.zh),
				"en/01-a.md":      section("A", tt.enExtra, tt.en),
			})
			var dl diag.List
			Parity(s, splitParas, &dl)
			if got := diags(&dl); got != tt.want {
				t.Errorf("Parity() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

const tableTOML = `title = { zh-Hant = "表", en = "Table" }
source = "01-a"

[[columns]]
key = "item"
label = { zh-Hant = "項目", en = "Item" }
type = "text"

[[columns]]
key = "value"
label = { zh-Hant = "金額", en = "Amount" }
type = "number"
unit = "yuan"

[[columns]]
key = "growth"
label = { zh-Hant = "比增", en = "Growth" }
type = "number"
unit = "percent"

[[rows]]
id = "a"
item = { zh-Hant = "甲", en = "A" }
value = %s
growth = %s
`

func TestProvenance(t *testing.T) {
	tests := []struct {
		name, value, growth, source, want string
		zh, en                            string // the section's text, if not the usual
	}{
		{
			name: "written twice, told apart by the row's words", value: "257640000", growth: "39.2",
			zh: "甲總收入25764萬元，比增39.2%。\n\n乙比增39.2%。\n", en: "A: CNY 257.64 million, up 39.2%.\n\nB: up 39.2%.\n",
		},
		{
			name: "written twice, each time in the row's words", value: "257640000", growth: "39.2",
			zh: "甲總收入25764萬元，比增39.2%。\n\n甲比增39.2%。\n", en: "A: CNY 257.64 million, up 39.2%.\n\nA: up 39.2%.\n",
		},
		{
			name: "written twice alike, the paragraph named", value: "257640000", growth: "39.2\nsources = { growth = { section = \"01-a\", paragraph = 2 } }",
			zh: "總收入25764萬元，比增39.2%。\n\n支出比增39.2%。\n", en: "CNY 257.64 million, up 39.2%.\n\nSpending up 39.2%.\n",
		},
		{
			name: "written twice alike", value: "257640000", growth: "39.2",
			zh: "總收入25764萬元，比增39.2%。\n\n支出比增39.2%。\n", en: "CNY 257.64 million, up 39.2%.\n\nSpending up 39.2%.\n",
			want: "data/t.toml:25: warning: value 39.2 (甲) is written 2 times in section 01-a (paragraphs 1, 2) and none of them in its row's words; the data page links to the first, in paragraph 1\n" +
				"\thint: give the row the words the text states it with, or name the paragraph: source = { section = \"01-a\", paragraph = N } in the row (or sources = { growth = { section = \"01-a\", paragraph = N } })\n",
		},
		{name: "stated", value: "257640000", growth: "39.2"},
		{name: "a fall is stated in words", value: "257640000", growth: "-5.5"},
		{name: "empty cell", value: "257640000", growth: "39.2\nsource = \"01-a\""},
		{
			name: "not stated", value: "257650000", growth: "39.2",
			want: "data/t.toml:24: value 257650000 (25,765萬 / 2.5765億) not found in section 01-a (zh-Hant)\n" +
				"\thint: write the number the section states, in base units, or name where it is stated with source = \"…\" in the row or column, or sources = { column = \"…\" } in the row\n",
		},
		{
			name: "row names another section", value: "257640000", growth: "39.2\nsource = \"02-b\"",
			want: "data/t.toml:24: value 257640000 (25,764萬 / 2.5764億) not found in section 02-b (zh-Hant)\n" +
				"\thint: write the number the section states, in base units, or name where it is stated with source = \"…\" in the row or column, or sources = { column = \"…\" } in the row\n" +
				"data/t.toml:25: value 39.2 not found in section 02-b (zh-Hant)\n" +
				"\thint: write the number the section states, in base units, or name where it is stated with source = \"…\" in the row or column, or sources = { column = \"…\" } in the row\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			zh, en := "總收入25764萬元，比增39.2%，下降5.5%。\n", "CNY 257.64 million, up 39.2%, down 5.5%.\n"
			if tt.zh != "" {
				zh, en = tt.zh, tt.en
			}
			s := site(t, map[string]string{
				"zh-Hant/01-a.md": section("甲", "", zh),
				"en/01-a.md":      section("A", "", en),
				"zh-Hant/02-b.md": section("乙", "", "其他。\n"),
				"en/02-b.md":      section("B", "", "Other.\n"),
				"data/t.toml":     strings.NewReplacer("%s\ngrowth = %s", tt.value+"\ngrowth = "+tt.growth).Replace(tableTOML),
			})
			var dl diag.List
			Provenance(s, splitParas, &dl)
			if got := diags(&dl); got != tt.want {
				t.Errorf("Provenance() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestRun checks that Run applies every rule and asks for each text's
// paragraphs once.
func TestRun(t *testing.T) {
	s := site(t, map[string]string{
		"zh-Hant/01-a.md": section("甲", "", "常泰街道總收入25764萬元。\n"),
		"en/01-a.md":      section("A", "", "Revenue was CNY 257.6 million.\n"),
		"glossary.toml":   "[[terms]]\nzh-Hant = \"常泰街道\"\nen = \"Changtai Subdistrict\"\n",
		"data/t.toml":     strings.NewReplacer("%s\ngrowth = %s", "1\ngrowth = 2").Replace(tableTOML),
	})
	calls := map[string]int{}
	paras := func(sec *content.Section, l lang.Lang) []Para {
		calls[sec.ID+" "+l.Tag]++
		return splitParas(sec, l)
	}
	var dl diag.List
	run(s, paras, nil, nil, &dl)
	var msgs []string
	for _, d := range dl.Items() {
		msgs = append(msgs, d.Pos()+": "+d.Msg)
	}
	want := []string{
		"data/t.toml:24: value 1 not found in section 01-a (zh-Hant)",
		"data/t.toml:25: value 2 not found in section 01-a (zh-Hant)",
		"en/01-a.md:4: number 257600000 (257.6 million) is not in zh-Hant/01-a.md:4",
		"en/01-a.md:4: number 257640000 (25764萬元 in zh-Hant/01-a.md:4) is missing",
		"en/01-a.md:4:1: glossary term 常泰街道 (zh-Hant/01-a.md:4:1) is not rendered as \"Changtai Subdistrict\"",
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("Run() =\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	for k, n := range calls {
		if n != 1 {
			t.Errorf("paragraphs of %s read %d times, want once", k, n)
		}
	}
}

// FuzzRun feeds arbitrary paragraphs to every rule: none panics.
func FuzzRun(f *testing.F) {
	f.Add("總收入25764萬元，比增39.2%。\n\n十九屆", "CNY 257.64 million, up 39.2%.\n\nthe 19th")
	f.Add("", "one two\n\n\n3")
	f.Add("常泰街道22萬余平方米", "\xff1,000.5 million")
	s := site(f, map[string]string{
		"zh-Hant/01-a.md": section("甲", "[[allow_numbers]]\nvalue = \"3\"\nreason = \"r\"\n", "甲\n"),
		"en/01-a.md":      section("A", "", "A\n"),
		"glossary.toml":   "[[terms]]\nzh-Hant = \"常泰街道\"\nen = \"Changtai Subdistrict\"\n",
		"data/t.toml":     strings.NewReplacer("%s\ngrowth = %s", "257640000\ngrowth = -39.2").Replace(tableTOML),
	})
	f.Fuzz(func(t *testing.T, zh, en string) {
		paras := func(sec *content.Section, l lang.Lang) []Para {
			text := en
			if l.Tag == "zh-Hant" {
				text = zh
			}
			var out []Para
			for i, p := range strings.Split(text, "\n\n") {
				out = append(out, Para{Text: p, Line: i + 1})
			}
			return out
		}
		var dl diag.List
		run(s, paras, nil, nil, &dl)
	})
}

// TestDeclaredUnits reads figures in units other than yuan: a built-in
// currency by ISO code, built-in visits and a unit declared in site.toml with
// its own scale. The checks pass when the texts agree and name the unit in
// the hint when they do not.
func TestDeclaredUnits(t *testing.T) {
	const units = siteTOML + `
[units.rooms]
words = { zh-Hant = "間", en = "rooms" }
scale = "thousand"
`
	const table = `title = { zh-Hant = "表", en = "Table" }
source = "01-a"

[[columns]]
key = "gdp"
label = { zh-Hant = "本地生產總值", en = "GDP" }
type = "number"
unit = "MOP"

[[columns]]
key = "visitors"
label = { zh-Hant = "入境旅客", en = "Visitor arrivals" }
type = "number"
unit = "visits"

[[columns]]
key = "rooms"
label = { zh-Hant = "客房", en = "Rooms" }
type = "number"
unit = "rooms"

[[rows]]
id = "y2023"
gdp = %s
visitors = 28210000
rooms = 45600
`
	const zh = "本地生產總值為3,795億澳門元，入境旅客2,821萬人次，客房4.56萬間。\n"
	tests := []struct {
		name, gdp, en, want string
	}{
		{name: "agree", gdp: "379500000000", en: "GDP was MOP379.5 billion, with 28.21 million visitor arrivals and 45.6 thousand rooms.\n"},
		{
			name: "translation wrong", gdp: "379500000000", en: "GDP was MOP 397.5 billion, with 28.21 million visitor arrivals and 45.6 thousand rooms.\n",
			want: "en/01-a.md:4: number 379500000000 (3,795億澳門元 in zh-Hant/01-a.md:4) is missing\n" +
				"\thint: write MOP 379.5 billion, or add it to allow_numbers with a reason\n" +
				"en/01-a.md:4: number 397500000000 (397.5 billion) is not in zh-Hant/01-a.md:4\n" +
				"\thint: correct it to the number in zh-Hant/01-a.md:4, or add it to allow_numbers with a reason\n",
		},
		{
			name: "table wrong", gdp: "37950000000", en: "GDP was MOP379.5 billion, with 28.21 million visitor arrivals and 45.6 thousand rooms.\n",
			want: "data/t.toml:24: value 37950000000 (3,795,000萬 / 379.5億) not found in section 01-a (zh-Hant)\n" +
				"\thint: write the number the section states, in base units, or name where it is stated with source = \"…\" in the row or column, or sources = { column = \"…\" } in the row\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := site(t, map[string]string{
				"site.toml":       units,
				"zh-Hant/01-a.md": section("甲", "", zh),
				"en/01-a.md":      section("A", "", tt.en),
				"data/t.toml":     strings.Replace(table, "%s", tt.gdp, 1),
			})
			var dl diag.List
			Parity(s, splitParas, &dl)
			Provenance(s, splitParas, &dl)
			if got := diags(&dl); got != tt.want {
				t.Errorf("Parity and Provenance =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestPeriodsAndPrecision: quarters and years are understood in both
// languages and are not figures; a table keeps the precision its text writes.
func TestPeriodsAndPrecision(t *testing.T) {
	const table = `title = { zh-Hant = "表", en = "Table" }
source = "01-a"

[[columns]]
key = "growth"
label = { zh-Hant = "按年變動", en = "Year-on-year change" }
type = "number"
unit = "percent"

[[rows]]
id = "q3"
growth = %s
`
	const zh = "2023年第3季貨物出口下跌9.0%，回復至2019年同期的77.4%。\n"
	tests := []struct {
		name, growth, en, want string
	}{
		{name: "agree", growth: "-9.0", en: "In Q3 2023, exports of goods fell by 9.0%, returning to 77.4% of the 2019 level.\n"},
		{name: "quarter in words", growth: `"-9.0"`, en: "In the third quarter of 2023, exports of goods fell by 9.0%, returning to 77.4% of the 2019 level.\n"},
		{
			name: "wrong quarter", growth: "-9.0", en: "In Q2 2023, exports of goods fell by 9.0%, returning to 77.4% of the 2019 level.\n",
			want: "en/01-a.md:4: number 2 (Q2) is not in zh-Hant/01-a.md:4\n" +
				"\thint: correct it to the number in zh-Hant/01-a.md:4, or add it to allow_numbers with a reason\n" +
				"en/01-a.md:4: number 3 (第3季 in zh-Hant/01-a.md:4) is missing\n" +
				"\thint: write 3, or add it to allow_numbers with a reason\n",
		},
		{
			name: "precision lost", growth: "-9", en: "In Q3 2023, exports of goods fell by 9.0%, returning to 77.4% of the 2019 level.\n",
			want: "data/t.toml:12: value -9 is written 9.0% in section 01-a: the table shows it with another precision\n" +
				"\thint: write 9.0 as the section does: a decimal keeps its digits in TOML, or quote it (\"9.0\")\n",
		},
		{
			name: "a period is not a figure", growth: "3", en: "In Q3 2023, exports of goods fell by 9.0%, returning to 77.4% of the 2019 level.\n",
			want: "data/t.toml:12: value 3 not found in section 01-a (zh-Hant)\n" +
				"\thint: write the number the section states, in base units, or name where it is stated with source = \"…\" in the row or column, or sources = { column = \"…\" } in the row\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := site(t, map[string]string{
				"zh-Hant/01-a.md": section("甲", "", zh),
				"en/01-a.md":      section("A", "", tt.en),
				"data/t.toml":     strings.Replace(table, "%s", tt.growth, 1),
			})
			var dl diag.List
			Parity(s, splitParas, &dl)
			Provenance(s, splitParas, &dl)
			if got := diags(&dl); got != tt.want {
				t.Errorf("Parity and Provenance =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestSourcesProvenance traces each figure to the section, or the
// paragraph, that its cell, column or row names.
func TestSourcesProvenance(t *testing.T) {
	const table = `title = { zh-Hant = "表", en = "Table" }
source = "01-a"

[[columns]]
key = "y2022"
label = { zh-Hant = "2022年", en = "2022" }
type = "number"
unit = "percent"
source = "02-b"

[[columns]]
key = "y2023"
label = { zh-Hant = "2023年", en = "2023" }
type = "number"
unit = "percent"

[[rows]]
id = "r"
y2022 = 12.5
y2023 = %s
`
	tests := []struct{ name, y2023, want string }{
		{name: "column and table", y2023: "8.5"},
		{name: "cell", y2023: "8.5\nsources = { y2022 = { section = \"01-a\", paragraph = 1 } }",
			want: "data/t.toml:19: value 12.5 not found in section 01-a, paragraph 1 (zh-Hant/01-a.md:4) (zh-Hant)\n" +
				"\thint: write the number the section states, in base units, or name where it is stated with source = \"…\" in the row or column, or sources = { column = \"…\" } in the row\n"},
		{name: "paragraph", y2023: "8.5\nsource = { section = \"01-a\", paragraph = 2 }"},
		{name: "wrong paragraph", y2023: "8.5\nsource = { section = \"01-a\", paragraph = 1 }",
			want: "data/t.toml:20: value 8.5 not found in section 01-a, paragraph 1 (zh-Hant/01-a.md:4) (zh-Hant)\n" +
				"\thint: write the number the section states, in base units, or name where it is stated with source = \"…\" in the row or column, or sources = { column = \"…\" } in the row\n"},
		{name: "no such paragraph", y2023: "8.5\nsource = { section = \"01-a\", paragraph = 7 }",
			want: "data/t.toml:20: value 8.5: section 01-a has no paragraph 7\n" +
				"\thint: count the paragraphs of zh-Hant/01-a.md from 1 (its anchors p-1, p-2, …): it has 2\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := site(t, map[string]string{
				"zh-Hant/01-a.md": section("甲", "", "前言。\n\n2023年增長8.5%。\n"),
				"en/01-a.md":      section("A", "", "Intro.\n\nIn 2023, growth of 8.5%.\n"),
				"zh-Hant/02-b.md": section("乙", "", "2022年增長12.5%。\n"),
				"en/02-b.md":      section("B", "", "In 2022, growth of 12.5%.\n"),
				"data/t.toml":     strings.Replace(table, "%s", tt.y2023, 1),
			})
			var dl diag.List
			Provenance(s, splitParas, &dl)
			if got := diags(&dl); got != tt.want {
				t.Errorf("Provenance() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestTextsRelease: a section's texts stay while a unit holds them, go with
// the last release, and are read again, the same, when asked for after.
func TestTextsRelease(t *testing.T) {
	s := site(t, map[string]string{
		"zh-Hant/01-a.md": section("甲", "", "總收入25764萬元，比增39.2%。\n"),
		"en/01-a.md":      section("A", "", "CNY 257.64 million, up 39.2%.\n"),
	})
	reads := 0
	paras := func(sec *content.Section, l lang.Lang) []Para {
		reads++
		return splitParas(sec, l)
	}
	tx := newTexts(s, paras)
	sec, zh := s.Sections[0], s.Languages[0]
	tx.hold(sec)
	tx.hold(sec)
	first := tx.get(sec, zh)
	if first == nil || len(first.vals) != 1 || len(first.vals[0]) != 2 {
		t.Fatalf("text = %+v, want one paragraph stating two numbers", first)
	}
	tx.release(sec)
	if tx.get(sec, zh) != first || reads != 1 {
		t.Errorf("after one of two releases the text was read again (%d reads)", reads)
	}
	tx.release(sec)
	again := tx.get(sec, zh)
	if again == first || reads != 2 {
		t.Errorf("after the last release the text was kept (%d reads)", reads)
	}
	if !slices.EqualFunc(again.vals[0], first.vals[0], func(a, b numbers.Value) bool { return a.V == b.V }) {
		t.Errorf("read again: %v, first %v", again.vals, first.vals)
	}
}

// TestProvenanceOtherRow: a figure the section states only where it names
// another row of the same value is a warning; stated in its own words too,
// it passes.
func TestProvenanceOtherRow(t *testing.T) {
	table := `title = { zh-Hant = "表", en = "Table" }
source = "01-a"

[[columns]]
key = "item"
label = { zh-Hant = "項目", en = "Item" }
type = "text"

[[columns]]
key = "n"
label = { zh-Hant = "數量", en = "Number" }
type = "number"
unit = "count"

[[rows]]
id = "jobs"
item = { zh-Hant = "新增就業崗位", en = "New jobs" }
n = 353

[[rows]]
id = "courses"
item = { zh-Hant = "培訓課程", en = "Training courses" }
n = 353
`
	tests := []struct{ name, zh, en, want string }{
		{"both stated", "新增就業崗位353個，培訓課程353個。\n", "353 new jobs, 353 training courses.\n", ""},
		{"one stated", "新增就業崗位353個。\n", "353 new jobs.\n",
			"data/t.toml:23: warning: value 353 (培訓課程) is stated in section 01-a only where the text names 新增就業崗位, another row of the table with the same value (paragraph 1)\n" +
				"\thint: check the figure against the text; if the section states it in other words, name the paragraph: source = { section = \"01-a\", paragraph = N }\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := site(t, map[string]string{
				"zh-Hant/01-a.md": section("甲", "", tt.zh),
				"en/01-a.md":      section("A", "", tt.en),
				"data/t.toml":     table,
			})
			var dl diag.List
			Provenance(s, splitParas, &dl)
			if got := diags(&dl); got != tt.want {
				t.Errorf("Provenance() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
