package figure

import (
	"testing"

	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
	"reportsite/internal/load"
)

// TestTableKept: a table is made once for the pages of its language's
// folder and kept; seen from another folder (the other column of a
// parallel page) it is made each time and not kept.
func TestTableKept(t *testing.T) {
	made := 0
	m := &Maker{site: &content.Site{}, m: &load.Model{}, tables: map[tableKey]*tableEntry{},
		exec: func(kind string, data any) ([]byte, error) { made++; return []byte(kind), nil },
		ui:   func(key string, l lang.Lang) string { return key }}
	tbl := &dataset.Table{ID: "t", Title: lang.Text{"en": "T"},
		Columns: []dataset.Column{{Key: "item", Label: lang.Text{"en": "Item"}, Type: dataset.TypeText}}}
	en := lang.Lang{Tag: "en", Prefix: "en"}
	tests := []struct {
		page       string
		made, kept int
	}{
		{"en/a.html", 1, 1},
		{"en/b.html", 1, 1}, // the same folder: kept
		{"en/report.html", 1, 1},
		{"zh/parallel.html", 2, 1}, // another folder: made, not kept
		{"zh/parallel.html", 3, 1},
	}
	for _, tt := range tests {
		out, err := m.Table(tbl, en, Page{Path: tt.page})
		if err != nil || string(out) != "table" {
			t.Fatalf("Table from %s = %q, %v", tt.page, out, err)
		}
		if made != tt.made || len(m.tables) != tt.kept {
			t.Errorf("after %s: made %d, kept %d; want %d, %d", tt.page, made, len(m.tables), tt.made, tt.kept)
		}
	}
}

// TestTableDropped: told how many pages show a table, the Maker drops it
// once the last has it (a later page makes it again), and it never keeps
// the one-file report's.
func TestTableDropped(t *testing.T) {
	made := 0
	m := &Maker{site: &content.Site{}, m: &load.Model{}, tables: map[tableKey]*tableEntry{},
		exec: func(kind string, data any) ([]byte, error) { made++; return []byte(kind), nil },
		ui:   func(key string, l lang.Lang) string { return key }}
	m.Showings(func(lang.Lang) int { return 3 }, 3) // no section places it: three pages
	tbl := &dataset.Table{ID: "t", Title: lang.Text{"en": "T"},
		Columns: []dataset.Column{{Key: "item", Label: lang.Text{"en": "Item"}, Type: dataset.TypeText}}}
	en := lang.Lang{Tag: "en", Prefix: "en"}
	tests := []struct {
		page       Page
		made, kept int
		fresh      bool
	}{
		{Page{Path: "en/a.html"}, 1, 1, false},
		{Page{Path: "en/bench-en.html", Single: true}, 2, 1, false}, // the one-file report: made, not kept
		{Page{Path: "en/report.html"}, 2, 1, false},
		{Page{Path: "en/data.html"}, 2, 0, false}, // the third page: dropped
		{Page{Path: "en/b.html"}, 3, 1, false},    // asked again: made again
		{Page{Path: "en/data.html"}, 4, 1, true},  // fresh: made, neither kept nor taken from what is kept
	}
	for _, tt := range tests {
		table := m.Table
		if tt.fresh {
			table = m.TableFresh
		}
		out, err := table(tbl, en, tt.page)
		if err != nil || string(out) != "table" {
			t.Fatalf("Table from %s = %q, %v", tt.page.Path, out, err)
		}
		if made != tt.made || len(m.tables) != tt.kept {
			t.Errorf("after %s: made %d, kept %d; want %d, %d", tt.page.Path, made, len(m.tables), tt.made, tt.kept)
		}
	}
	if e := m.tables[tableKey{"t", "en", "en"}]; e == nil || e.left != 2 {
		t.Errorf("TableFresh changed the count of the table kept: %+v", e)
	}
}
