package site

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"reportsite/internal/golden"
	"reportsite/internal/linkcheck"
	"reportsite/internal/render/tmpl"
	"reportsite/static"
	"reportsite/templates"
)

func miniOptions(t testing.TB) Options {
	t.Helper()
	return Options{
		Content:   os.DirFS("testdata/mini/content"),
		Templates: templates.FS,
		Static:    static.FS,
		Workers:   2,
	}
}

// build builds opt in memory and holds the pages to the page-level link
// check: the build checks the links Markdown writes, where they are
// written; this safety net catches those that templates write.
func build(t testing.TB, opt Options) *Result {
	t.Helper()
	res, err := Build(context.Background(), opt)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	for _, p := range linkcheck.Check(res.Out) {
		t.Errorf("built page %s", p)
	}
	return res
}

func TestBuildMiniPages(t *testing.T) {
	res := build(t, miniOptions(t))
	want := []string{
		"index.html", "404.html",
		"zh-hant/index.html", "zh-hant/economy.html", "zh-hant/plans.html", "zh-hant/report.html", "zh-hant/data.html", "zh-hant/about.html", "zh-hant/parallel.html",
		"zh-hans/index.html", "zh-hans/economy.html", "zh-hans/plans.html", "zh-hans/report.html",
		"en/index.html", "en/economy.html", "en/report.html", "en/data.html", "en/about.html",
		"data/economy.json", "en/data/economy.csv", "zh-hans/data/economy.csv",
		"static/site.css",
	}
	for _, p := range want {
		if _, ok := res.Out[p]; !ok {
			t.Errorf("Build: no %s in output", p)
		}
	}
	if _, ok := res.Out["static/reload.js"]; ok {
		t.Errorf("Build: static/reload.js written outside serve mode")
	}
}

func TestBuildMiniLinks(t *testing.T) {
	res := build(t, miniOptions(t))
	for _, p := range linkcheck.Check(res.Out) {
		t.Errorf("link check: %s", p)
	}
}

func TestBuildDeterministic(t *testing.T) {
	a := build(t, miniOptions(t))
	opt := miniOptions(t)
	opt.Workers = 1
	b := build(t, opt)
	if len(a.Out) != len(b.Out) {
		t.Fatalf("builds wrote %d and %d files", len(a.Out), len(b.Out))
	}
	for p, data := range a.Out {
		if !bytes.Equal(data, b.Out[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

func TestDerivedLanguage(t *testing.T) {
	res := build(t, miniOptions(t))
	page := string(res.Out["zh-hans/economy.html"])
	for _, want := range []string{`<html lang="zh-Hans">`, "经济发展", "主要指标", "95.82", "元）"} {
		if !strings.Contains(page, want) {
			t.Errorf("zh-hans/economy.html lacks %q", want)
		}
	}
	for _, bad := range []string{"經濟發展", "億元"} {
		if strings.Contains(page, bad) {
			t.Errorf("zh-hans/economy.html still has Traditional %q", bad)
		}
	}
}

func TestLanguageSwitchSamePage(t *testing.T) {
	res := build(t, miniOptions(t))
	page := string(res.Out["en/plans.html"])
	for _, want := range []string{
		`<a href="../zh-hant/plans.html" hreflang="zh-Hant" lang="zh-Hant">繁體中文</a>`,
		`<a href="../zh-hans/plans.html" hreflang="zh-Hans" lang="zh-Hans">简体中文</a>`,
		`id="h-1-1"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("en/plans.html lacks %q", want)
		}
	}
	// Without a base URL there is no absolute address to name, and a
	// relative hreflang alternate is invalid to search engines.
	if strings.Contains(page, `rel="alternate"`) {
		t.Errorf("en/plans.html has hreflang alternates though the site has no base URL")
	}
	if !strings.Contains(string(res.Out["zh-hant/plans.html"]), `id="h-1-1"`) {
		t.Errorf("zh-hant/plans.html lacks the anchor h-1-1 that en/plans.html has")
	}
}

func TestGolden(t *testing.T) {
	res := build(t, miniOptions(t))
	g := golden.New(t, "testdata/golden/*.golden")
	for _, p := range []string{"index.html", "en/index.html", "en/economy.html", "zh-hant/economy.html", "en/data.html", "en/about.html", "en/parallel.html", "en/data/economy.csv", "data/economy.json"} {
		if _, ok := res.Out[p]; !ok {
			t.Errorf("Build: no %s in output", p)
			continue
		}
		g.Check(t, "testdata/golden/"+strings.ReplaceAll(p, "/", "_")+".golden", res.Out[p], nil)
	}
}

// TestCSPDocumented holds docs/publishing.md's copy of the policy, which a
// host can send as a header, to the one the pages carry.
func TestCSPDocumented(t *testing.T) {
	readme, err := os.ReadFile("../../docs/publishing.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "Content-Security-Policy: "+tmpl.CSP+"\n") {
		t.Errorf("docs/publishing.md does not quote the pages' policy; write\nContent-Security-Policy: %s", tmpl.CSP)
	}
	res := build(t, miniOptions(t))
	for p, b := range res.Out {
		if strings.HasSuffix(p, ".html") && !bytes.Contains(b, []byte(`<meta http-equiv="Content-Security-Policy" content="`+tmpl.CSP+`">`)) && !bytes.Contains(b, []byte("'sha256-")) {
			t.Errorf("%s lacks the policy %s", p, tmpl.CSP)
		}
	}
}

// TestREADMELayout holds the README's "Layout of the code" to the tree: every
// package folder under internal/ is listed, and nothing else.
func TestREADMELayout(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, layout, ok := strings.Cut(string(readme), "## Layout of the code\n")
	if !ok {
		t.Fatal("README.md has no section \"Layout of the code\"")
	}
	listed := map[string]bool{}
	for _, l := range strings.Split(layout, "\n") {
		if f := strings.Fields(l); len(f) > 0 && strings.HasPrefix(f[0], "internal/") {
			listed[f[0]] = true
		}
	}
	dirs, err := os.ReadDir("..")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		p := "internal/" + d.Name()
		if d.IsDir() && !listed[p] {
			t.Errorf("README.md's layout does not list %s", p)
		}
		delete(listed, p)
	}
	for p := range listed {
		t.Errorf("README.md's layout lists %s, which does not exist", p)
	}
}
