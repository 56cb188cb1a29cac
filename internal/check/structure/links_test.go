package structure

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
)

// enText is an English text in TOML, for a site without English.
var enText = regexp.MustCompile(`, en = "[^"]*"`)

// linkSite is a site in two hand-written languages and a derived one, with
// two sections, a table and a chart, and the link under test written in
// en/01-economy.md at line 6, column 5 (in zh-Hant/01-economy.md when the
// site has no English).
func linkSite(t *testing.T, langs, link string) (*content.Site, DocFunc, []Folder) {
	t.Helper()
	fsys := fstest.MapFS{
		"site.toml": {Data: []byte(`title = { zh-Hant = "報告", en = "Report" }
name = "test"
[overview]
charts = ["growth-rates"]
` + langs)},
		"data/growth.toml": {Data: []byte(`title = { zh-Hant = "增長", en = "Growth" }
source = "01-economy"
[[columns]]
key = "name"
type = "text"
label = { zh-Hant = "項目", en = "Item" }
[[columns]]
key = "rate"
type = "number"
unit = "percent"
label = { zh-Hant = "增速", en = "Rate" }
[[rows]]
id = "retail"
name = { zh-Hant = "零售", en = "Retail" }
rate = 39.2
[[charts]]
id = "growth-rates"
type = "bar"
title = { zh-Hant = "增速", en = "Growth" }
category = "name"
values = ["rate"]
`)},
		"zh-Hant/01-economy.md": {Data: []byte("+++\ntitle = \"經濟\"\n+++\n## 增長\n\n零售增長39.2%。\n\n```chart growth-rates\n```\n")},
		"zh-Hant/02-plans.md":   {Data: []byte("+++\ntitle = \"計劃\"\n+++\n## 目標\n\n文字。\n")},
		"en/01-economy.md":      {Data: []byte("+++\ntitle = \"Economy\"\n+++\n## Growth\n\nSee " + link + " for retail, up 39.2%.\n\n```chart growth-rates\n```\n")},
		"en/02-plans.md":        {Data: []byte("+++\ntitle = \"Plans\"\n+++\n## Targets\n\nText.\n")},
	}
	if !strings.Contains(langs, `"en"`) { // the link in Chinese, and no English anywhere
		fsys["zh-Hant/01-economy.md"].Data = []byte("+++\ntitle = \"經濟\"\n+++\n## 增長\n\nSee " + link + " 零售增長39.2%。\n\n```chart growth-rates\n```\n")
		delete(fsys, "en/01-economy.md")
		delete(fsys, "en/02-plans.md")
		for name, f := range fsys {
			f.Data = enText.ReplaceAll(f.Data, nil)
			fsys[name] = f
		}
	}
	s, dl := content.Load(fsys)
	if s == nil || dl.Errors() > 0 {
		t.Fatalf("content.Load: %v", dl.Err())
	}
	docs := map[[2]string]*markdown.Doc{}
	docFunc := func(sec *content.Section, l lang.Lang) (*markdown.Doc, *content.Text) {
		tx := sec.Texts[l.Tag]
		if tx == nil {
			return nil, nil
		}
		k := [2]string{sec.ID, l.Tag}
		if docs[k] == nil {
			docs[k], _ = markdown.Parse(tx.Body, markdown.Options{LineOffset: tx.BodyLine})
		}
		return docs[k], tx
	}
	static := fstest.MapFS{"site.css": {Data: []byte("p{}")}, "vendor/report.pdf": {Data: []byte("%PDF")}}
	tmpls := fstest.MapFS{
		"_layout.html": {Data: []byte(`<main id="main">{{block "main" .}}{{end}}</main>`)},
		"about.html":   {Data: []byte(`<h2 id="errata">…</h2><h2 id="{{.Anchor}}">`)},
	}
	return s, docFunc, []Folder{{FS: fsys}, {FS: static, Prefix: "static/", Read: true}, {FS: tmpls, Prefix: "templates/"}}
}

const (
	twoLangs = `[[languages]]
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
	// oneSource has one hand-written language: no parallel text.
	oneSource = `[[languages]]
tag = "zh-Hant"
name = "繁體中文"
prefix = "zh-hant"
[[languages]]
tag = "zh-Hans"
name = "简体中文"
prefix = "zh-hans"
derive = "zh-Hant"
`
)

// TestLinksToPages checks links to pages other than the sections where
// they are written: each broken one is reported at its file, line and
// column, with a hint, and each good one passes.
func TestLinksToPages(t *testing.T) {
	const at = "en/01-economy.md:6:5: "
	tests := []struct {
		name, langs, link, want string
	}{
		{"overview", twoLangs, "[the overview](index.html)", ""},
		{"overview chart", twoLangs, "[the chart](index.html#fig-growth-rates)", ""},
		{"full report", twoLangs, "[the report](report.html#s-plans-h-1)", ""},
		{"full report section", twoLangs, "[the report](report.html#s-economy)", ""},
		{"full report figure", twoLangs, "[the report](report.html#fig-growth-rates)", ""},
		{"full report, no such anchor", twoLangs, "[the report](report.html#s-plans-h-9)",
			at + `link "report.html#s-plans-h-9": no anchor "s-plans-h-9" on en/report.html` + "\n\thint: did you mean \"s-plans-h-1\"?"},
		{"parallel text", twoLangs, "[side by side](parallel.html#s-economy-alt-h-1)", ""},
		{"parallel text, not made", oneSource, "[side by side](parallel.html)",
			`zh-Hant/01-economy.md:6:5: link "parallel.html": the site has no page or file zh-hant/parallel.html` + "\n\thint: pages here: about.html, data.html, economy.html, index.html, plans.html, report.html, test-zh-hant.html"},
		{"data page", twoLangs, "[the data](data.html#tbl-growth)", ""},
		{"data page, no such table", twoLangs, "[the data](data.html#tbl-grow)",
			at + `link "data.html#tbl-grow": no table "grow"` + "\n\thint: did you mean \"growth\"?"},
		{"about page", twoLangs, "[errata](about.html#errata)", ""},
		{"about page, no such anchor", twoLangs, "[errata](about.html#erata)",
			at + `link "about.html#erata": no anchor "erata" on en/about.html` + "\n\thint: did you mean \"errata\"?"},
		{"no such page", twoLangs, "[about](abuot.html)",
			at + `link "abuot.html": the site has no page or file en/abuot.html` + "\n\thint: did you mean \"about.html\"?"},
		{"other language", twoLangs, "[中文](../zh-hant/data.html#tbl-growth)", ""},
		{"derived language section", twoLangs, "[简体](../zh-hans/plans.html#h-1)", ""},
		{"other language, no such anchor", twoLangs, "[中文](../zh-hant/plans.html#h-2)",
			at + `link "../zh-hant/plans.html#h-2": no anchor "h-2" on zh-hant/plans.html` + "\n\thint: did you mean \"h-1\"?"},
		{"root", twoLangs, "[languages](../index.html)", ""},
		{"one-file report", twoLangs, "[one file](test-en.html#s-economy-h-1)", ""},
		{"static file", twoLangs, "[the PDF](../static/vendor/report.pdf)", ""},
		{"no such static file", twoLangs, "[the PDF](../static/report.pdf)",
			at + `link "../static/report.pdf": the site has no page or file static/report.pdf` + "\n\thint: pages here: "},
		{"download", twoLangs, "[CSV](data/growth.csv)", ""},
		{"out of the site", twoLangs, "[up](../../x.html)",
			at + `link "../../x.html" leads out of the site` + "\n\thint: link a page of the report with a relative address, or another site with an http(s) address"},
		{"a folder", twoLangs, "[English](../en/)",
			at + `link "../en/": the site has no page or file en` + "\n\thint: pages here: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, docs, folders := linkSite(t, tt.langs, tt.link)
			dl := &diag.List{}
			lk := NewLinker(s, docs, folders)
			for _, sec := range s.Sections {
				lk.Section(sec, dl)
			}
			var b strings.Builder
			for _, d := range dl.Items() {
				b.WriteString(d.String())
			}
			if got := b.String(); !strings.HasPrefix(got, tt.want) || (tt.want == "") != (got == "") {
				t.Errorf("links of %s =\n%s\nwant\n%s", tt.link, got, tt.want)
			}
		})
	}
}
