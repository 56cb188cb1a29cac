package check

import (
	"strings"
	"testing"

	"reportsite/internal/diag"
)

// termsGlossary holds, in small, the terms the Changtai report rendered two
// ways before the terminology rule (issue #17).
const termsGlossary = `[[terms]]
zh-Hant = "35周歲以下"
en = "aged 35 or under"

[[terms]]
zh-Hant = "招商突破年"
en = "Investment Promotion Breakthrough Year"

[[terms]]
zh-Hant = "鄉賢"
en = "local worthies"

[[terms]]
zh-Hant = "黨員干部"
en = "Party member officials"

[[terms]]
zh-Hant = "示範點"
en = "demonstration site"

[[terms]]
zh-Hant = "蓄水池"
en = "reservoir"

[[terms]]
zh-Hant = "（一期、二期）"
en = "(Phases I and II)"

[[terms]]
zh-Hant = "旅遊小品"
en = "tourist feature"

[[terms]]
zh-Hant = "精準管控"
en = "targeted control"

[[terms]]
zh-Hant = "產業賦能工程"
en = "Industry Empowerment Programme"

[[terms]]
zh-Hant = "重點項目"
en = "key project"

[[terms]]
zh-Hant = "常泰街道"
en = "Changtai Subdistrict"

[[terms]]
zh-Hant = "常泰街道辦事處"
en = "Changtai Subdistrict Office"
`

// termsTable is a data table whose items each hold one term.
const termsTable = `title = { zh-Hant = "招商突破年", en = "The Investment Breakthrough Year" }
note = { zh-Hant = "鄉賢捐贈。", en = "Donated by community notables." }
source = "01-a"

[[columns]]
key = "item"
label = { zh-Hant = "精準管控", en = "Targeted health management" }
type = "text"

[[columns]]
key = "n"
label = { zh-Hant = "數", en = "N" }
type = "number"
unit = "count"

[[rows]]
id = "a"
item = { zh-Hant = "參加服務隊的黨員干部", en = "Party members and officials serving as volunteers" }

[[rows]]
id = "b"
item = { zh-Hant = "近期串聯的旅遊小品", en = "Small tourist attractions to be linked up" }

[[rows]]
id = "c"
item = { zh-Hant = "常泰街道辦事處", en = "Changtai Subdistrict Office" }

[[charts]]
id = "c"
type = "bar"
category = "item"
values = ["n"]
title = { zh-Hant = "示範點", en = "Pilot sites" }
`

func TestTerms(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name: "rendered in every allowed form",
			files: map[string]string{
				"zh-Hant/01-a.md": section("常泰街道", "summary = \"重點項目\"\n",
					"## 鄉賢\n\n35周歲以下；蓄水池；示範點；黨員干部。\n\n- 實施產業賦能工程\n- （一期、二期）\n"),
				"en/01-a.md": section("Changtai Subdistrict", "summary = \"The key projects\"\n",
					"## The Local Worthies\n\nAged 35 or under; reservoirs; a demonstration site; Party member officials.\n\n- the Industry Empowerment Programme\n- (phases I and II)\n"),
			},
		},
		{
			name: "section text",
			files: map[string]string{
				"zh-Hant/01-a.md": section("甲", "summary = \"重點項目\"\n",
					"## 常泰街道\n\n35周歲以下。\n\n扎實開展“招商突破年”活動。\n\n蓄水池；（一期、二期）\n\n實施產業賦能工程，6個重點項目\n"),
				"en/01-a.md": section("A", "summary = \"Key programmes\"\n",
					"## Changtai Street\n\nAged under 35.\n\nThe \"Investment Promotion Breakthrough Year\" campaign.\n\nPonds; (phases 1 and 2)\n\nThe Industry Empowerment Project, 6 key projects\n"),
			},
			want: []string{
				`en/01-a.md:3:12: glossary term 重點項目 (zh-Hant/01-a.md:3:12) is not rendered as "key project"`,
				`en/01-a.md:5:4: glossary term 常泰街道 (zh-Hant/01-a.md:5:4) is not rendered as "Changtai Subdistrict"`,
				`en/01-a.md:7:1: glossary term 35周歲以下 (zh-Hant/01-a.md:7:1) is not rendered as "aged 35 or under"`,
				`en/01-a.md:11:1: glossary term 蓄水池 (zh-Hant/01-a.md:11:1) is not rendered as "reservoir"`,
				`en/01-a.md:11:1: glossary term （一期、二期） (zh-Hant/01-a.md:11:5) is not rendered as "(Phases I and II)"`,
				`en/01-a.md:13:1: glossary term 產業賦能工程 (zh-Hant/01-a.md:13:3) is not rendered as "Industry Empowerment Programme"`,
			},
		},
		{
			name: "data table and chart",
			files: map[string]string{
				"zh-Hant/01-a.md": section("甲", "", "甲。\n"),
				"en/01-a.md":      section("A", "", "A.\n"),
				"data/t.toml":     termsTable,
			},
			want: []string{
				`data/t.toml:1:36: glossary term 招商突破年 (data/t.toml:1:22) is not rendered as "Investment Promotion Breakthrough Year"`,
				`data/t.toml:2:35: glossary term 鄉賢 (data/t.toml:2:21) is not rendered as "local worthies"`,
				`data/t.toml:7:35: glossary term 精準管控 (data/t.toml:7:22) is not rendered as "targeted control"`,
				`data/t.toml:18:40: glossary term 黨員干部 (data/t.toml:18:27) is not rendered as "Party member officials"`,
				`data/t.toml:22:39: glossary term 旅遊小品 (data/t.toml:22:26) is not rendered as "tourist feature"`,
				`data/t.toml:33:34: glossary term 示範點 (data/t.toml:33:22) is not rendered as "demonstration site"`,
			},
		},
		{
			name: "overview card and site title",
			files: map[string]string{
				"site.toml": strings.Replace(siteTOML, `title = { zh-Hant = "報告", en = "Report" }`, `title = { zh-Hant = "常泰街道報告", en = "Changtai report" }`, 1) +
					"\n[[overview.cards]]\ntable = \"v\"\nrow = \"a\"\ncolumn = \"n\"\nlabel = { zh-Hant = \"重點項目\", en = \"Key works\" }\n",
				"zh-Hant/01-a.md": section("甲", "", "甲。\n"),
				"en/01-a.md":      section("A", "", "A.\n"),
				"data/v.toml":     "title = { zh-Hant = \"表\", en = \"Table\" }\nsource = \"01-a\"\n[[columns]]\nkey = \"n\"\nlabel = { zh-Hant = \"數\", en = \"N\" }\ntype = \"number\"\nunit = \"count\"\n[[rows]]\nid = \"a\"\nn = 1\n",
			},
			want: []string{
				`site.toml:1:37: glossary term 常泰街道 (site.toml:1:22) is not rendered as "Changtai Subdistrict"`,
				`site.toml:25:35: glossary term 重點項目 (site.toml:25:22) is not rendered as "key project"`,
			},
		},
		{
			name: "excused once, with a reason",
			files: map[string]string{
				"zh-Hant/01-a.md": section("甲", "", "鄉賢捐贈口罩。\n\n鄉賢參與。\n"),
				"en/01-a.md": section("A",
					"[[allow_terms]]\nterm = \"鄉賢\"\nin = \"Donors gave masks\"\nreason = \"the sentence names the donors by what they gave\"\n\n"+
						"[[allow_terms]]\nterm = \"鄉賢\"\nin = \"no such phrase\"\nreason = \"stale\"\n",
					"Donors gave masks.\n\nCommunity notables took part.\n"),
			},
			want: []string{
				`en/01-a.md:9: warning: allow_terms entry 鄉賢 (in "no such phrase") excuses nothing`,
				`en/01-a.md:15:1: glossary term 鄉賢 (zh-Hant/01-a.md:6:1) is not rendered as "local worthies"`,
			},
		},
		{
			name: "glossary gives one term two renderings, or one rendering to two terms",
			files: map[string]string{
				"zh-Hant/01-a.md": section("甲", "", "甲。\n"),
				"en/01-a.md":      section("A", "", "A.\n"),
				"glossary.toml": termsGlossary + "\n[[terms]]\nzh-Hant = \"鄉賢\"\nen = \"community notables\"\n" +
					"\n[[terms]]\nzh-Hant = \"工程\"\nen = \"project\"\n\n[[terms]]\nzh-Hant = \"項目\"\nen = \"Projects\"\n",
			},
			want: []string{
				`glossary.toml:54:1: term 鄉賢 has two renderings: "community notables" here and "local worthies" at glossary.toml:10:1`,
				`glossary.toml:62:1: rendering "Projects" is used for two terms: 項目 here and 工程 at glossary.toml:58:1`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"glossary.toml": termsGlossary}
			for k, v := range tt.files {
				files[k] = v
			}
			s := site(t, files)
			var dl diag.List
			Terms(s, splitParas, &dl)
			var got []string
			for _, d := range dl.Items() {
				msg := d.Msg
				if d.Severity == diag.Warning {
					msg = "warning: " + msg
				}
				got = append(got, d.Pos()+": "+msg)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Terms() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
