package site

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

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
// package folder under internal/ has its line, every package below one is
// named on its parent's line ("below it kinds (…), period (…) and …"), and
// nothing else is listed.
func TestREADMELayout(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, layout, ok := strings.Cut(string(readme), "## Layout of the code\n")
	if !ok {
		t.Fatal("README.md has no section \"Layout of the code\"")
	}
	// lines holds each top-level package's line; below, the names its
	// "below it" list gives.
	lines, below := map[string]string{}, map[string]map[string]bool{}
	paren := regexp.MustCompile(`\([^()]*\)`)
	for _, l := range strings.Split(layout, "\n") {
		f := strings.Fields(l)
		if len(f) == 0 || !strings.HasPrefix(f[0], "internal/") {
			continue
		}
		lines[f[0]], below[f[0]] = l, map[string]bool{}
		if _, list, ok := strings.Cut(l, "below it "); ok {
			for paren.MatchString(list) {
				list = paren.ReplaceAllString(list, "")
			}
			for _, n := range regexp.MustCompile(`,| and `).Split(list, -1) {
				if n = strings.TrimSpace(n); n != "" {
					below[f[0]][strings.Fields(n)[0]] = true
				}
			}
		}
	}
	// Every folder with Go code outside testdata is a package.
	pkgs := map[string]bool{}
	err = filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			rel, err := filepath.Rel("..", filepath.Dir(p))
			if err != nil {
				return err
			}
			pkgs[path.Join("internal", filepath.ToSlash(rel))] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for p := range pkgs {
		parts := strings.SplitN(p, "/", 3)
		top := parts[0] + "/" + parts[1]
		switch _, ok := lines[top]; {
		case !ok:
			t.Errorf("README.md's layout does not list %s", top)
		case len(parts) == 3 && !below[top][parts[2]]:
			t.Errorf("README.md's line for %s does not name %s below it (\"below it %s (what it does), …\")", top, p, parts[2])
		}
	}
	for top := range lines {
		if !pkgs[top] {
			t.Errorf("README.md's layout lists %s, which does not exist", top)
		}
		for n := range below[top] {
			if !pkgs[top+"/"+n] {
				t.Errorf("README.md's line for %s names %s below it, which does not exist", top, top+"/"+n)
			}
		}
	}
}

// TestTemplatesParsedWhileLoading: the templates are parsed while the
// content loads (render.ParseTemplates); the build still uses the site's
// own, reports a broken one, and reports content that does not load first.
func TestTemplatesParsedWhileLoading(t *testing.T) {
	root, err := fs.ReadFile(templates.FS, "root.html")
	if err != nil {
		t.Fatal(err)
	}
	own := miniOptions(t)
	own.Overlay = fstest.MapFS{"templates/root.html": {Data: bytes.Replace(root, []byte("<head>"), []byte("<head><meta name=\"x-own\" content=\"the site's own root.html\">"), 1)}}
	res, err := Build(context.Background(), own)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.Out["index.html"]), "the site's own root.html") {
		t.Error("index.html was not made by the site's own root.html")
	}

	broken := miniOptions(t)
	broken.Overlay = fstest.MapFS{"templates/section.html": {Data: []byte(`{{define "main"}}{{.Nope`)}}
	if _, err := Build(context.Background(), broken); err == nil || !strings.Contains(err.Error(), "templates:") || !strings.Contains(err.Error(), "section.html") {
		t.Errorf("a broken section.html: got %v, want the templates' error", err)
	}

	broken.Content = fstest.MapFS{}
	if _, err := Build(context.Background(), broken); err == nil || strings.Contains(err.Error(), "templates:") {
		t.Errorf("no site.toml and a broken section.html: got %v, want the content's error", err)
	}
}
