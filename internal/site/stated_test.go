package site

import (
	"html"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestStatedInItsOwnWords: a table's figure leads to the place that states
// it in the words of its row, not to the first place that writes the same
// number: the 7 of projects in preparation is not the 7 of projects under
// construction before it in the same sentence, nor the 7 months of an
// earlier paragraph; in English, where the words follow the figure, too.
func TestStatedInItsOwnWords(t *testing.T) {
	files := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/mini/content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile("testdata/mini/content/" + p)
		files[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	add := func(name, text string) {
		files[name].Data = []byte(strings.Replace(string(files[name].Data), "\n## （二）", "\n"+text+"\n\n## （二）", 1))
		files[name].Data = []byte(strings.Replace(string(files[name].Data), "\n## (2)", "\n"+text+"\n\n## (2)", 1))
	}
	add("zh-Hant/01-economy.md", "征收小組連續奮戰7個月。\n\n安排項目17個，其中在建項目7個，已竣工項目3個，預備項目7個。")
	add("en/01-economy.md", "The teams worked for 7 months without a break.\n\nOf 17 projects scheduled, 7 are under construction, 3 have been completed and 7 are in preparation.")
	files["data/projects.toml"] = &fstest.MapFile{Data: []byte(`title = { zh-Hant = "項目", en = "Projects" }
source = "01-economy"

[[columns]]
key = "item"
label = { zh-Hant = "階段", en = "Stage" }
type = "text"

[[columns]]
key = "n"
label = { zh-Hant = "項目數", en = "Projects" }
type = "number"
unit = "count"

[[rows]]
id = "building"
item = { zh-Hant = "在建項目", en = "Under construction" }
n = 7

[[rows]]
id = "done"
item = { zh-Hant = "已竣工項目", en = "Completed" }
n = 3

[[rows]]
id = "preparing"
item = { zh-Hant = "預備項目", en = "In preparation" }
n = 7
`)}
	opt := miniOptions(t)
	opt.Content = files
	res := build(t, opt)

	checkStated(t, res.Out, []statedCase{
		{"zh-hant", "在建項目", 0, "其中在建項目", "個，已竣工"},
		{"zh-hant", "已竣工項目", 0, "已竣工項目", "個，預備"},
		{"zh-hant", "預備項目", 0, "預備項目", "個。"},
		{"zh-hans", "预备项目", 0, "预备项目", "个。"},
		{"en", "Under construction", 0, "scheduled, ", " are under construction"},
		{"en", "Completed", 0, "construction, ", " have been completed"},
		{"en", "In preparation", 0, "completed and ", " are in preparation"},
	})
}

// TestRealSiteStated: the real report's figures that its text writes more
// than once lead to their own sentences (each led to the first before).
func TestRealSiteStated(t *testing.T) {
	checkStated(t, realBuild(t), []statedCase{
		{"zh-hant", "一般公共預算收入", 2, "一般公共預算收入13776萬元，完成年度計劃81.3%，全區排名第", "。"},
		{"zh-hant", "限額以上商業銷售額", 2, "限額以上商業銷售額145.72億元，比增30.7%，全區排名第", "；"},
		{"zh-hant", "預備項目", 0, "已竣工項目3個，預備項目", "個"},
		{"zh-hant", "其中：社區居委成員", 0, "社區居委成員", "名"},
		{"zh-hant", "一次性成功率", 0, "一次性成功率", "，"},
		{"zh-hant", "自建房經營場所關閉取締", 0, "關閉取締", "家"},
		{"en", "In preparation", 0, "3 have been completed and ", " are in preparation"},
		{"zh-hans", "预备项目", 0, "已竣工项目3个，预备项目", "个"},
	})
}

// statedCase is a figure of a data page's row (the cell-th stated one) and
// what the text says just before and just after where it leads.
type statedCase struct {
	lang, row     string
	cell          int
	before, after string
}

func checkStated(t *testing.T, out map[string][]byte, cases []statedCase) {
	t.Helper()
	rowRe := regexp.MustCompile(`(?s)<tr><th scope="row">([^<]*)</th>(.*?)</tr>`)
	linkRe := regexp.MustCompile(`<a class="stated" href="(?:\.\./[a-z-]+/)?([a-z0-9-]+\.html)#([^"]+)">`)
	for _, tt := range cases {
		data := string(out[tt.lang+"/data.html"])
		page, id := "", ""
		for _, m := range rowRe.FindAllStringSubmatch(data, -1) {
			if ls := linkRe.FindAllStringSubmatch(m[2], -1); html.UnescapeString(m[1]) == tt.row && tt.cell < len(ls) {
				page, id = ls[tt.cell][1], ls[tt.cell][2]
				break
			}
		}
		if id == "" {
			t.Errorf("%s/data.html: no stated figure %d in row %q", tt.lang, tt.cell, tt.row)
			continue
		}
		text := string(out[tt.lang+"/"+page])
		span := regexp.MustCompile(`<span class="fig" id="` + regexp.QuoteMeta(id) + `">(.*?)</span>`).FindStringSubmatchIndex(text)
		if span == nil {
			t.Errorf("%s/%s: no figure %s, which row %q links to", tt.lang, page, id, tt.row)
			continue
		}
		before, after := textOf(text[:span[0]]), textOf(text[span[1]:])
		if !strings.HasSuffix(before, tt.before) || !strings.HasPrefix(after, tt.after) {
			t.Errorf("%s: row %q links to %s#%s, stated as …%s[%s]%s…; want …%s[]%s…", tt.lang, tt.row, page, id,
				tail(before, 24), textOf(text[span[2]:span[3]]), head(after, 12), tt.before, tt.after)
		}
	}
}

func textOf(s string) string { return html.UnescapeString(tags.ReplaceAllString(s, "")) }

func tail(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

func head(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}
