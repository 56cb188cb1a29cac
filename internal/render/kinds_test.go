package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/addr"
	"reportsite/internal/diag"
	"reportsite/internal/render/tmpl"
	"reportsite/internal/render/view"
	"reportsite/templates"
)

// TestKinds: every page kind has its template, and a template asks the
// table for a page's address, which is "" where the build makes no such
// page (the parallel text of a language with no partner).
func TestKinds(t *testing.T) {
	seen := map[addr.Kind]bool{}
	for _, k := range addr.PageKinds() {
		if seen[k] {
			t.Errorf("page kind %q twice", k)
		}
		seen[k] = true
		if _, err := fs.Stat(templates.FS, string(k)+".html"); err != nil {
			t.Errorf("page kind %q has no template: %v", k, err)
		}
	}
	r, _ := loaded(t, miniContent(), miniOptions())
	b := r.b
	for _, l := range b.site.Languages {
		p := view.NewPage(b, l, addr.KindOverview, addr.KindOverview.File(), "")
		_, partner := b.site.Partner(l)
		got, err := p.Page("parallel")
		if err != nil || (got != "") != partner {
			t.Errorf("%s: Page(parallel) = %q, %v; the build makes it: %v", l.Tag, got, err, partner)
		}
		if got, _ := p.Page("report"); got != "report.html" {
			t.Errorf("%s: Page(report) = %q", l.Tag, got)
		}
		if got, _ := p.PageURL("data"); got != "../"+l.Prefix+"/data.html" {
			t.Errorf("%s: PageURL(data) = %q", l.Tag, got)
		}
		if _, err := p.Page("section"); err == nil {
			t.Errorf("Page(section): no error; a section page has no one file")
		}
		if _, err := p.Page("nope"); err == nil {
			t.Errorf("Page(nope): no error")
		}
		if _, err := p.PageURL("nope"); err == nil {
			t.Errorf("PageURL(nope): no error")
		}
		if is, err := p.Is("overview"); !is || err != nil {
			t.Errorf("Is(overview) = %v, %v on the overview", is, err)
		}
		if is, err := p.Is("report"); is || err != nil {
			t.Errorf("Is(report) = %v, %v on the overview", is, err)
		}
		if _, err := p.Is("overveiw"); err == nil {
			t.Errorf("Is(overveiw): no error")
		}
	}
	for p, want := range map[string]addr.Kind{"index.html": addr.KindRoot, "404.html": addr.KindNotFound, "en/index.html": addr.KindOverview,
		"en/parallel.html": addr.KindParallel, "en/economy.html": addr.KindSection, "static/site.css": "", SinglePath(b.site, b.site.Languages[0]): addr.KindSingle} {
		if got := b.kindAt(p); got != want {
			t.Errorf("kindAt(%s) = %s, want %s", p, got, want)
		}
	}
}

// TestTemplateKinds: the templates name page kinds only through the table
// (.Page, .PageURL, .Is), every name they use is a page kind, and a
// misspelt one fails the page instead of making an empty link.
func TestTemplateKinds(t *testing.T) {
	named := regexp.MustCompile(`\.(Page|PageURL|Is) "([^"]*)"`)
	files, err := fs.Glob(templates.FS, "*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("templates: %v, %d files", err, len(files))
	}
	n := 0
	for _, f := range files {
		src, err := fs.ReadFile(templates.FS, f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(src), ".Kind") {
			t.Errorf("%s compares .Kind with a name; use .Is \"<kind>\", which the page-kind table checks", f)
		}
		for _, m := range named.FindAllStringSubmatch(string(src), -1) {
			n++
			if _, err := addr.PageKind(m[2]); err != nil {
				t.Errorf("%s: %s: %v", f, m[0], err)
			}
		}
	}
	if n == 0 {
		t.Errorf("no template names a page kind: the pattern is stale")
	}

	r, _ := loaded(t, miniContent(), miniOptions())
	b := r.b
	l := b.site.Languages[0]
	for _, src := range []string{`{{.PageURL "overveiw"}}`, `{{.Page "sectoin"}}`, `{{if .Is "abuot"}}x{{end}}`} {
		set, err := tmpl.Parse(fstest.MapFS{"page.html": {Data: []byte(src)}, "figure.html": {}, "table.html": {}}, []string{"page"})
		if err != nil {
			t.Fatal(err)
		}
		p := view.NewPage(b, l, addr.KindOverview, addr.KindOverview.File(), "")
		if out, err := set.Exec("page", p, 0); err == nil {
			t.Errorf("%s made %q, want an error", src, out)
		}
	}
}

// TestUIKeys: every interface string a template or the render's Go code
// asks for by a literal key is in templates/i18n.toml, so none shows as
// [key] on a page.
func TestUIKeys(t *testing.T) {
	var dl diag.List
	ui := tmpl.LoadUI(templates.FS, nil, nil, &dl)
	if dl.Errors() > 0 || len(ui) == 0 {
		t.Fatalf("LoadUI: %d keys, %v", len(ui), dl.Err())
	}
	inTemplates := regexp.MustCompile(`\.T "([^"]*)"`)
	inGo := regexp.MustCompile(`\bGet\("([^"]*)"\s*[,)]`)
	n := 0
	check := func(file string, src []byte, re *regexp.Regexp) {
		for _, m := range re.FindAllSubmatch(src, -1) {
			n++
			if _, ok := ui[string(m[1])]; !ok {
				t.Errorf("%s asks for interface string %q, which i18n.toml does not define", file, m[1])
			}
		}
	}
	files, _ := fs.Glob(templates.FS, "*.html")
	for _, f := range files {
		src, _ := fs.ReadFile(templates.FS, f)
		check("templates/"+f, src, inTemplates)
	}
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		src, err := os.ReadFile(p)
		check(p, src, inGo)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Errorf("found %d keys asked for: the patterns are stale", n)
	}
}
