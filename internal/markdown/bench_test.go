package markdown

import (
	"fmt"
	"path"
	"strings"
	"testing"

	"reportsite/internal/bench"
	"reportsite/internal/content/section"
)

// benchFigure stands in for a rendered ```table or ```chart figure.
var benchFigure = []byte(`<figure class="table"><table><tr><td>1</td></tr></table></figure>`)

func benchBlock(kind, id string) ([]byte, error) { return benchFigure, nil }

// BenchmarkSection parses and renders one synthetic section of about 2,000
// characters (three headings, a Markdown table, a ```table block), as a
// build does once per section and language for the section page.
func BenchmarkSection(b *testing.B) {
	for _, tag := range []string{"zh-Hant", "en"} {
		src := sectionBody(b, bench.Config{Sections: 1, Seed: 1}, 1, tag)
		b.Run(tag+"/parse", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, errs := Parse(src, Options{}); len(errs) > 0 {
					b.Fatal(errs)
				}
			}
		})
		d, _ := Parse(src, Options{})
		b.Run(tag+"/render", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := d.Render(benchBlock); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(tag+"/parse+render", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				d, _ := Parse(src, Options{})
				if _, err := d.Render(benchBlock); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// sectionBody returns the Markdown body of synthetic section i (1-based) in
// language tag, as the generator writes it for a build.
func sectionBody(b *testing.B, cfg bench.Config, i int, tag string) []byte {
	b.Helper()
	for name, src := range bench.Files(cfg) {
		if strings.HasPrefix(name, "content/"+tag+"/") && strings.HasPrefix(path.Base(name), fmt.Sprintf("%04d-", i)) {
			_, body, _, err := section.SplitFrontMatter(src)
			if err != nil {
				b.Fatal(err)
			}
			return body
		}
	}
	b.Fatalf("no section %d in %s", i, tag)
	return nil
}
