package site

import (
	"context"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/bench"
	"reportsite/internal/diag"
	"reportsite/internal/publish"
	"reportsite/static"
	"reportsite/templates"
)

// benchOptions returns build options for a synthetic report of n sections
// per language (internal/bench), read from memory.
func benchOptions(tb testing.TB, cfg bench.Config) Options {
	tb.Helper()
	fsys := fstest.MapFS{}
	for p, data := range bench.Files(cfg) {
		if rest, ok := strings.CutPrefix(p, "content/"); ok {
			fsys[rest] = &fstest.MapFile{Data: data, Mode: 0o644}
		}
	}
	return Options{Content: fsys, Templates: templates.FS, Static: static.FS}
}

// BenchmarkBuild builds synthetic reports in memory (load, check, render;
// no charts, no writing): the figure to profile.
//
//	go test ./internal/site -run '^$' -bench 'Build/n=1000' -benchtime 3x \
//		-cpuprofile cpu.out -memprofile mem.out
func BenchmarkBuild(b *testing.B) {
	for _, tc := range []struct {
		name string
		cfg  bench.Config
	}{
		{"n=100", bench.Config{Sections: 100, Seed: 1}},
		{"n=100+zh-Hans", bench.Config{Sections: 100, Seed: 1, Derived: true}},
		{"n=1000", bench.Config{Sections: 1000, Seed: 1}},
		{"n=1000+zh-Hans", bench.Config{Sections: 1000, Seed: 1, Derived: true}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			opt := benchOptions(b, tc.cfg)
			b.ReportAllocs()
			pages := 0
			for b.Loop() {
				res, err := Build(context.Background(), opt)
				if err != nil {
					b.Fatal(err)
				}
				pages = res.Pages
			}
			b.ReportMetric(float64(pages), "pages/op")
		})
	}
}

// benchBuilder returns a checked builder for a synthetic report, ready to
// render single pages.
func benchBuilder(b *testing.B, cfg bench.Config) *builder {
	b.Helper()
	opt := benchOptions(b, cfg)
	opt.Workers = 1
	res, err := Check(opt)
	if err != nil {
		b.Fatal(err)
	}
	bl, err := newBuilder(opt, res.Site, new(diag.List))
	if err != nil {
		b.Fatal(err)
	}
	bl.sink = publish.NewMem()
	bl.prepare = true
	bl.parse()
	return bl
}

// BenchmarkSectionPage renders one section page: Markdown to HTML, the table
// figure and the page template (template only: the "template" case).
func BenchmarkSectionPage(b *testing.B) {
	bl := benchBuilder(b, bench.Config{Sections: 20, Seed: 1})
	for _, l := range bl.site.Languages {
		b.Run(l.Tag+"/page", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := bl.sectionPage(l, 10); err != nil {
					b.Fatal(err)
				}
			}
		})
		sec := bl.site.Sections[10]
		p := bl.newPage(l, "section", sec.Slug+".html", bl.sectionTitle(sec, l))
		e, err := bl.renderSection(sec, l, p.Path)
		if err != nil {
			b.Fatal(err)
		}
		p.Body = e.body()
		p.TOC = bl.toc(sec, l, "")
		b.Run(l.Tag+"/template", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bl.tmpl.exec("section", p, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRealRebuild is what `reportsite serve` does after an edit: build
// the real report in memory, its charts from a warm cache.
//
//	go test ./internal/site -run '^$' -bench RealRebuild -cpuprofile cpu.out
func BenchmarkRealRebuild(b *testing.B) {
	charts, err := EChartsRenderer(static.FS, b.TempDir(), 0)
	if err != nil {
		b.Fatal(err)
	}
	opt := Options{Content: os.DirFS("../../content"), Templates: templates.FS, Static: static.FS,
		Charts: charts, Root: os.DirFS("../.."), Serve: true}
	if _, err := Build(context.Background(), opt); err != nil { // fills the cache
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(context.Background(), opt); err != nil {
			b.Fatal(err)
		}
	}
}
