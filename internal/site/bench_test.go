package site

import (
	"context"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/bench"
	"reportsite/internal/render/figure"
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

// BenchmarkRealRebuild is what `reportsite serve` does after an edit: build
// the real report in memory, its charts from a warm cache.
//
//	go test ./internal/site -run '^$' -bench RealRebuild -cpuprofile cpu.out
func BenchmarkRealRebuild(b *testing.B) {
	ec, err := figure.NewECharts(b.TempDir(), 0)
	if err != nil {
		b.Fatal(err)
	}
	charts := ec.Func()
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
