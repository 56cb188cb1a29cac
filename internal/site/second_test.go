package site

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"reportsite/internal/golden"
	"reportsite/internal/linkcheck"
	"reportsite/static"
	"reportsite/templates"
)

// secondDir is the second real report: Macao's GDP for the third quarter of
// 2023, written in Simplified Chinese with English beside it and Traditional
// Chinese derived by OpenCC s2hk; patacas, visits, quarters, negative growth
// and two sources, where the first report has yuan, people, a year, growth
// and one source.
const secondDir = "../../testdata/macao-gdp-2023q3"

// tags matches an HTML tag, to compare a page's text.
var tags = regexp.MustCompile(`<[^>]*>`)

// TestSecondReport builds the second report from its own content folder,
// checks included, and compares its pages with their goldens.
func TestSecondReport(t *testing.T) {
	opt := Options{Content: os.DirFS(secondDir + "/content"), Templates: templates.FS, Static: static.FS, Root: os.DirFS(secondDir), Workers: 2}
	res := build(t, opt)
	for _, p := range linkcheck.Check(res.Out) {
		t.Errorf("link check: %s", p)
	}
	for p, want := range map[string][]string{
		"zh-hans/index.html":          {"-9.0%", "3,795亿澳门元", "828.2万人次"},
		"en/index.html":               {"-9.0%", "MOP 379.5 billion", "8.282 million visits", "the Simplified Chinese original is authoritative"},
		"zh-hant/index.html":          {"3,795億澳門元", "以簡體中文原文為準"},
		"en/about.html":               {"(OpenCC s2hk)", "https://cdn.gcs.gov.mo/news/detail/zh-hans/N23KQGhG7h"},
		"zh-hans/data/components.csv": {"goods-exports,货物出口,-9.0,01-gdp", "public-equipment,公共设备投资,139.0,01-gdp"},
		"data/quarterly.json":         {`"first": 116.1`, `"revised": 120.4`, `"sources": {`},
	} {
		text := string(res.Out[p])
		if strings.HasSuffix(p, ".html") {
			text = tags.ReplaceAllString(text, "") // 3,795亿澳门元 is two spans that keep a line from breaking inside
		}
		for _, s := range want {
			if !strings.Contains(text, s) {
				t.Errorf("%s does not hold %q", p, s)
			}
		}
	}
	// The data page follows the report, not the file names: annual.toml
	// comes third, and visitors.toml, shown only by the overview's card, last.
	data, last := string(res.Out["en/data.html"]), -1
	for _, id := range []string{"components", "quarterly", "annual", "visitors"} {
		i := strings.Index(data, `id="tbl-`+id+`"`)
		if i < last {
			t.Errorf("en/data.html shows table %s at %d, before the one at %d", id, i, last)
		}
		last = i
	}
	g := golden.New(t, "testdata/second/*.golden")
	for _, p := range []string{"zh-hans/index.html", "en/gdp.html", "zh-hant/indicators.html", "en/data.html", "zh-hans/about.html", "data/quarterly.json", "en/data/components.csv"} {
		if _, ok := res.Out[p]; !ok {
			t.Errorf("no %s", p)
			continue
		}
		g.Check(t, "testdata/second/"+strings.ReplaceAll(p, "/", "_")+".golden", res.Out[p], nil)
	}
}
