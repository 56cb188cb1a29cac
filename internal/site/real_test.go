package site

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"reportsite/internal/linkcheck"
	"reportsite/internal/publish"
	"reportsite/internal/render/figure"
	"reportsite/static"
	"reportsite/templates"
)

// realSite builds the repository's own report with charts rendered by
// ECharts in goja, once per test binary.
var realOut publish.Output

func realBuild(t *testing.T) publish.Output {
	t.Helper()
	if realOut != nil {
		return realOut
	}
	ec, err := figure.NewECharts(t.TempDir(), 0)
	if err != nil {
		t.Fatal(err)
	}
	charts := ec.Func()
	opt := Options{Content: os.DirFS("../../content"), Templates: templates.FS, Static: static.FS, Charts: charts, Root: os.DirFS("../..")}
	realOut = build(t, opt).Out
	return realOut
}

func TestRealSiteLinks(t *testing.T) {
	for _, p := range linkcheck.Check(realBuild(t)) {
		t.Errorf("link check: %s", p)
	}
}

// TestRealSiteFigures checks that every chart figure carries its SVG, its
// data table and its downloads, and that no page names go-echarts' asset host.
func TestRealSiteFigures(t *testing.T) {
	out := realBuild(t)
	figRe := regexp.MustCompile(`(?s)<figure class="chart" id="fig-([a-z0-9-]+)">(.*?)</figure>`)
	n := 0
	for _, p := range out.Paths() {
		page := string(out[p])
		if strings.Contains(page, "go-echarts.github.io") || strings.Contains(page, "go-echarts-assets") {
			t.Errorf("%s names go-echarts' asset host", p)
		}
		if !strings.HasSuffix(p, ".html") || !strings.Contains(page, "static/site.css") {
			continue // the one-file reports carry no downloads or scripts by design
		}
		for _, m := range figRe.FindAllStringSubmatch(page, -1) {
			n++
			for _, want := range []string{"<svg", `role="img"`, "<table", ".csv\"", ".json\"", `type="application/json"`} {
				if !strings.Contains(m[2], want) {
					t.Errorf("%s: figure %s lacks %s", p, m[1], want)
				}
			}
		}
	}
	if n < 20 {
		t.Errorf("found %d chart figures in the real site, want at least 20", n)
	}
}

// TestRealSiteClean checks that no page shows seed damage: pinyin
// annotations, a lost middle dot or mojibake.
func TestRealSiteClean(t *testing.T) {
	pinyin := regexp.MustCompile(`[\p{Han}]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)`)
	for _, p := range realBuild(t).Paths() {
		if !strings.HasSuffix(p, ".html") || strings.HasSuffix(p, "about.html") {
			continue // the About page quotes the damage in its errata
		}
		page := string(realBuild(t)[p])
		if m := pinyin.FindString(page); m != "" {
			t.Errorf("%s shows a pinyin annotation %q", p, m)
		}
		for _, bad := range []string{"\uFFFD", "?現代", "?现代", "將獲", "@得"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s shows damaged text %q", p, bad)
			}
		}
	}
}

func TestRealSiteDeterministic(t *testing.T) {
	a := realBuild(t)
	ec, err := figure.NewECharts("", 1)
	if err != nil {
		t.Fatal(err)
	}
	charts := ec.Func()
	b := build(t, Options{Content: os.DirFS("../../content"), Templates: templates.FS, Static: static.FS, Charts: charts, Workers: 1, Root: os.DirFS("../..")}).Out
	for _, p := range a.Paths() {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}
