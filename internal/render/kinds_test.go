package render

import (
	"io/fs"
	"testing"

	"reportsite/internal/render/view"
	"reportsite/templates"
)

// TestKinds: every page kind has its template, and a template asks the
// table for a page's address, which is "" where the build makes no such
// page (the parallel text of a language with no partner).
func TestKinds(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range kinds {
		if seen[k.name] {
			t.Errorf("page kind %q twice", k.name)
		}
		seen[k.name] = true
		if _, err := fs.Stat(templates.FS, k.name+".html"); err != nil {
			t.Errorf("page kind %q has no template: %v", k.name, err)
		}
	}
	r, _ := loaded(t, miniContent(), miniOptions())
	b := r.b
	for _, l := range b.site.Languages {
		p := view.NewPage(b, l, "overview", fileOf("overview"), "")
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
	}
	for p, want := range map[string]string{"index.html": "root", "404.html": "404", "en/index.html": "overview", "en/parallel.html": "parallel", "en/economy.html": "section", "static/site.css": "page"} {
		if got := b.kindAt(p); got != want {
			t.Errorf("kindAt(%s) = %s, want %s", p, got, want)
		}
	}
}
