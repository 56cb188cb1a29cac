package figure

import (
	"testing"

	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
	"reportsite/internal/load"
	"reportsite/internal/markdown"
)

// TestFilled: told to share (ShareFills), the Maker fills a section's body
// once for the pages in folders of one depth, apart for the one-file report
// and for another depth, and again after ReleaseMarked; untold, it fills
// every time. Sharing, a table counts one showing per placement.
func TestFilled(t *testing.T) {
	sec := &content.Section{ID: "s"}
	en := lang.Lang{Tag: "en", Prefix: "en"}
	type ask struct {
		page    Page
		release bool // ReleaseMarked(sec) first
		filled  int  // fills so far
	}
	tests := []struct {
		name  string
		share bool
		asks  []ask
	}{
		{"untold", false, []ask{{Page{Path: "en/s.html"}, false, 1}, {Page{Path: "en/report.html"}, false, 2}}},
		{"shared", true, []ask{
			{Page{Path: "en/s.html"}, false, 1},
			{Page{Path: "en/report.html"}, false, 1},
			{Page{Path: "zh/parallel.html"}, false, 1}, // the same depth
			{Page{Path: "en/bench-en.html", Single: true}, false, 2},
			{Page{Path: "index.html"}, false, 3},
			{Page{Path: "en/s.html"}, true, 4},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := &Maker{site: &content.Site{Languages: []lang.Lang{en}}, m: &load.Model{}, tables: map[tableKey]*tableEntry{}, marked: map[markKey]*markEntry{}}
			if tc.share {
				m.ShareFills()
			}
			filled := 0
			for _, a := range tc.asks {
				if a.release {
					m.ReleaseMarked(sec)
				}
				got, err := m.Filled(sec, en, a.page, func() ([]markdown.Chunk, error) {
					filled++
					return []markdown.Chunk{{HTML: []byte("x")}}, nil
				})
				if err != nil || len(got) != 1 {
					t.Fatalf("Filled from %s = %v, %v", a.page.Path, got, err)
				}
				if filled != a.filled {
					t.Errorf("after %s: filled %d times, want %d", a.page.Path, filled, a.filled)
				}
			}
		})
	}
	m := &Maker{site: &content.Site{}, m: &load.Model{}, placed: map[[2]string]int{{"t", "en"}: 2}}
	m.Showings(func(lang.Lang) int { return 3 }, 1)
	if got := m.tableUses(&dataset.Table{ID: "t"}, en); got != 7 {
		t.Errorf("tableUses = %d, want 7 (two placements on three pages, and the data page)", got)
	}
	m.ShareFills()
	if got := m.tableUses(&dataset.Table{ID: "t"}, en); got != 3 {
		t.Errorf("tableUses sharing fills = %d, want 3 (two placements filled once, and the data page)", got)
	}
}
