package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/addr"
	"reportsite/internal/bench"
	"reportsite/internal/publish"
	"reportsite/internal/render/figure"
	"reportsite/internal/render/pages"
	"reportsite/internal/render/view"
)

// benchBuilder returns a checked builder for a synthetic report, ready to
// render single pages.
func benchBuilder(b *testing.B, cfg bench.Config) *builder {
	b.Helper()
	fsys := fstest.MapFS{}
	for p, data := range bench.Files(cfg) {
		if rest, ok := strings.CutPrefix(p, "content/"); ok {
			fsys[rest] = &fstest.MapFile{Data: data, Mode: 0o644}
		}
	}
	opt := miniOptions()
	opt.Workers = 1
	r, _ := loaded(b, fsys, opt)
	r.b.sink = publish.NewMem()
	return r.b
}

// BenchmarkSectionPage renders one section page: Markdown to HTML, the table
// figure and the page template (template only: the "template" case).
func BenchmarkSectionPage(b *testing.B) {
	bl := benchBuilder(b, bench.Config{Sections: 20, Seed: 1})
	for _, l := range bl.site.Languages {
		b.Run(l.Tag+"/page", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := pages.Section(bl, l, 10); err != nil {
					b.Fatal(err)
				}
			}
		})
		sec := bl.site.Sections[10]
		p := view.NewPage(bl, l, addr.KindSection, sec.Slug+".html", view.SectionTitle(sec, l))
		e, err := view.RenderSection(bl, sec, l, figure.Page{Path: p.Path})
		if err != nil {
			b.Fatal(err)
		}
		p.Body = e.Body()
		p.TOC = view.TOC(bl.m, sec, l, "")
		b.Run(l.Tag+"/template", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bl.tmpl.Exec("section", p, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWholePages renders the pages that hold every section, where each
// section's IDs get its prefix: the full report and the parallel text.
func BenchmarkWholePages(b *testing.B) {
	bl := benchBuilder(b, bench.Config{Sections: 100, Seed: 1})
	l := bl.site.Languages[0]
	b.Run("report", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := pages.Report(bl, l); err != nil {
				b.Fatal(err)
			}
		}
	})
	o, ok := bl.site.Partner(l)
	if !ok {
		b.Fatalf("no parallel partner for %s", l.Tag)
	}
	b.Run("parallel", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := pages.Parallel(bl, l, o); err != nil {
				b.Fatal(err)
			}
		}
	})
}
