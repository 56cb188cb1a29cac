package scaffold

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"reportsite/internal/chart"
	"reportsite/internal/linkcheck"
	"reportsite/internal/render/figure"
	"reportsite/internal/site"
	"reportsite/static"
	"reportsite/templates"
)

func TestNewSiteBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "My Report 2030")
	if _, err := Write(dir, Name(dir), time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatalf("Write: %v", err)
	}
	opt := site.Options{Content: os.DirFS(filepath.Join(dir, "content")), Templates: templates.FS, Static: static.FS,
		Overlay: os.DirFS(dir), Root: os.DirFS(dir), Workers: 2}
	res, err := site.Check(opt)
	for _, d := range res.Diags {
		t.Errorf("check: %s", d)
	}
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	res, err = site.Build(context.Background(), opt)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	for _, p := range []string{"index.html", "en/overview.html", "zh-hans/overview.html", "zh-hant/my-report-2030-zh-hant.html"} {
		if res.Out[p] == nil {
			t.Errorf("Build: no %s", p)
		}
	}
	for _, p := range linkcheck.Check(res.Out) {
		t.Errorf("link check: %s", p)
	}
	if _, err := Write(dir, "x", time.Now()); err == nil {
		t.Errorf("Write into a non-empty folder succeeded")
	}
}

// TestNewSiteShowsEveryFeature checks that the starter report shows each
// feature once, so a new user has an example of each to copy: a chart of
// every type the registry knows, a table, a card, a footnote, a
// translator's note, a glossary term and an erratum.
func TestNewSiteShowsEveryFeature(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "starter")
	if _, err := Write(dir, Name(dir), time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatalf("Write: %v", err)
	}
	ec, err := figure.NewECharts("", 2)
	if err != nil {
		t.Fatalf("the vendored ECharts does not start: %v", err)
	}
	charts := ec.Func()
	opt := site.Options{Content: os.DirFS(filepath.Join(dir, "content")), Templates: templates.FS, Static: static.FS,
		Overlay: os.DirFS(dir), Root: os.DirFS(dir), Workers: 2, Charts: charts}
	res, err := site.Build(context.Background(), opt)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	// Every chart type the registry knows, placed on the section pages.
	var pages strings.Builder
	for _, p := range []string{"en/overview.html", "en/quarters.html"} {
		pages.Write(res.Out[p])
	}
	figures := regexp.MustCompile(`<figure class="chart" id="fig-([a-z0-9-]+)"`).FindAllStringSubmatch(pages.String(), -1)
	types := map[string]bool{}
	for _, c := range res.Site.Charts {
		types[c.Type] = true
	}
	for _, typ := range chart.Types.Names() {
		if !types[typ] {
			t.Errorf("the starter report has no %s chart", typ)
		}
	}
	if len(figures) < len(chart.Types.Names()) {
		t.Errorf("%d charts on the section pages, want at least %d, one of each type", len(figures), len(chart.Types.Names()))
	}
	for _, tt := range []struct{ page, want, what string }{
		{"en/overview.html", `<table`, "a table"},
		{"en/overview.html", `class="footnotes"`, "a footnote"},
		{"en/overview.html", `class="tn"`, "a translator's note"},
		{"en/index.html", `class="card"`, "a key-figure card"},
		{"en/about.html", `aria-labelledby="glossary"`, "the glossary"},
		{"en/about.html", `aria-labelledby="errata"`, "an erratum"},
		{"en/quarters.html", `Q3 2024`, "a gap on a time axis, labelled"},
	} {
		if !strings.Contains(string(res.Out[tt.page]), tt.want) {
			t.Errorf("%s lacks %s (%s)", tt.page, tt.what, tt.want)
		}
	}
}
