package figure

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"reportsite/internal/content"
)

// TestDerivedCharts: in the reports this repository holds, every chart of
// a derived language (zh-Hans from zh-Hant here, zh-Hant from zh-Hans with
// Hong Kong forms in the Macao report) is made from its source language's
// drawing, and comes out byte for byte as drawing it would.
func TestDerivedCharts(t *testing.T) {
	e, err := NewECharts("", 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"../../../content", "../../../testdata/macao-gdp-2023q3/content"} {
		t.Run(dir, func(t *testing.T) {
			site, dl := content.Load(os.DirFS(dir))
			if err := dl.Err(); err != nil {
				t.Fatalf("load: %v", err)
			}
			ids := make([]string, 0, len(site.Charts))
			for id := range site.Charts {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			n := 0
			for _, l := range site.Languages {
				if !l.Derived() {
					continue
				}
				for _, id := range ids {
					c := site.Charts[id]
					got, derived, err := e.draw(c, l, true)
					if err != nil {
						t.Fatalf("%s in %s: %v", id, l.Tag, err)
					}
					if !derived {
						t.Errorf("%s in %s was drawn, not derived from %s", id, l.Tag, l.Derive)
						continue
					}
					want, _, err := e.draw(c, l, false)
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(got.SVG, want.SVG) || !bytes.Equal(got.Option, want.Option) || got.Desc != want.Desc {
						t.Errorf("%s in %s: the derived chart differs from the drawn one", id, l.Tag)
					}
					n++
				}
			}
			if n == 0 {
				t.Fatal("no chart of a derived language")
			}
		})
	}
}
