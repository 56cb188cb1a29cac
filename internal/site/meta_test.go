package site

import (
	"strings"
	"testing"
)

// TestReportMetadata shows several sources, notes, a licence, a contact and
// dates on the About page, and hides a column from the page's table while
// its chart and downloads keep it.
func TestReportMetadata(t *testing.T) {
	edit := func(p string, d []byte) (string, []byte) {
		s := string(d)
		switch p {
		case "site.toml":
			s = strings.Replace(s, "[report.source]\n", `notes = [{ zh-Hant = "附註一", en = "First note" }]
licence = { zh-Hant = "可自由轉載", en = "Free to reuse" }
contact = "editor@example.org"

[report.source]
published = 2030-12-02
captured = "2031-01-05"
`, 1)
			s += `
[[report.sources]]
title = { zh-Hant = "統計公報", en = "Statistical bulletin" }
url = "https://example.org/bulletin.htm"
publisher = { zh-Hant = "統計局", en = "Statistics Bureau" }
published = 2031-02-28
`
		case "data/economy.toml":
			s = strings.Replace(s, "unit = \"percent\"\n", "unit = \"percent\"\nhidden = true\n", 1)
		}
		return p, []byte(s)
	}
	opt := miniOptions(t)
	opt.Content = miniWith(t, langHant+derivedHans+langEn, `["en", "zh-Hans"]`, edit)
	res := build(t, opt)
	about := string(res.Out["en/about.html"])
	for _, want := range []string{
		`<time datetime="2030-12-02">2030-12-02</time>`, `<time datetime="2031-01-05">2031-01-05</time>`,
		`<dd>editor@example.org</dd>`, `<dt>Licence</dt><dd>Free to reuse</dd>`,
		`<h2 id="sources">Further sources</h2>`, `<a href="https://example.org/bulletin.htm" rel="external">Statistical bulletin</a>; Statistics Bureau; Published <time datetime="2031-02-28">`,
		`<h2 id="report-notes">Notes</h2>`, "<p>First note</p>",
	} {
		if !strings.Contains(about, want) {
			t.Errorf("en/about.html lacks %q", want)
		}
	}
	if !strings.Contains(string(res.Out["zh-hans/about.html"]), "可自由转载") {
		t.Errorf("zh-hans/about.html lacks the converted licence")
	}
	page := string(res.Out["en/economy.html"])
	i := strings.Index(page, `<figure class="data-table" id="tbl-economy">`)
	if i < 0 {
		t.Fatalf("en/economy.html has no table economy")
	}
	table := page[i:]
	if strings.Contains(table[:strings.Index(table, "</figure>")], ">Growth<") {
		t.Errorf("the hidden column Growth is shown in the table")
	}
	i = strings.Index(page, `<figure class="chart" id="fig-growth">`)
	if i < 0 || !strings.Contains(page[i:i+strings.Index(page[i:], "</figure>")], "39.2%") {
		t.Errorf("the chart's figure lost the hidden column's values")
	}
	if !strings.Contains(string(res.Out["en/data/economy.csv"]), "Growth (%)") || !strings.Contains(string(res.Out["data/economy.json"]), `"growth": 39.2`) {
		t.Errorf("the downloads lost the hidden column")
	}
}
