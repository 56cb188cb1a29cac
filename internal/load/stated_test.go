package load

import (
	"testing"

	"reportsite/internal/content"
	"reportsite/internal/dataset"
)

// TestFigures: each figure's texts come back by language from the one
// backing string, empty where a language does not write it or is not the
// site's.
func TestFigures(t *testing.T) {
	tags := []string{"zh-Hant", "zh-Hans", "en"}
	f := NewFigures(tags, []StatedMark{
		{Para: 0, Mark: 1, Text: []StatedAs{{"en", "revenue of", "25.8 million", 0}, {"zh-Hant", "公共預算", "25,764萬", 0}, {"zh-Hans", "公共预算", "25,764万", 0}}},
		{Para: 2, Mark: 1, Text: []StatedAs{{"zh-Hant", "", "39.2%", 0}}},
		{Para: 2, Mark: 2, Text: nil},
		{Para: 5, Mark: 3, Text: []StatedAs{{"en", "up", "9.0%", 0}, {"fr", "de", "9,0 %", 0}}},
	})
	tests := []struct {
		i              int
		tag            string
		para, mark     int
		before, figure string
	}{
		{0, "zh-Hant", 0, 1, "公共預算", "25,764萬"},
		{0, "zh-Hans", 0, 1, "公共预算", "25,764万"},
		{0, "en", 0, 1, "revenue of", "25.8 million"},
		{1, "zh-Hant", 2, 1, "", "39.2%"},
		{1, "en", 2, 1, "", ""},
		{2, "zh-Hans", 2, 2, "", ""},
		{3, "en", 5, 3, "up", "9.0%"},
		{3, "zh-Hant", 5, 3, "", ""},
		{3, "fr", 5, 3, "", ""},
	}
	if f.Len() != 4 {
		t.Fatalf("Len = %d, want 4", f.Len())
	}
	for _, tt := range tests {
		para, mark := f.At(tt.i)
		before, figure := f.In(tt.i, tt.tag)
		if para != tt.para || mark != tt.mark || before != tt.before || figure != tt.figure {
			t.Errorf("figure %d in %s: %d, %d, %q, %q; want %d, %d, %q, %q", tt.i, tt.tag, para, mark, before, figure, tt.para, tt.mark, tt.before, tt.figure)
		}
	}
	var none *Figures
	if none.Len() != 0 {
		t.Errorf("a nil Figures has %d figures", none.Len())
	}
}

// TestStatement: a cell's statement is found by table, row and column in
// the table's slice, and an unstated cell, or one of an unknown table, row
// or column, has none.
func TestStatement(t *testing.T) {
	tb := &dataset.Table{ID: "t", Columns: []dataset.Column{{Key: "a"}, {Key: "b"}}, Rows: []dataset.Row{{ID: "r1"}, {ID: "r2"}}}
	sec := &content.Section{ID: "01-x"}
	m := &Model{Site: &content.Site{Tables: []*dataset.Table{tb}}, stated: map[*dataset.Table][]stated{tb: {3: {sec, 2, 1}}}}
	tests := []struct {
		k    CellKey
		want Statement
		ok   bool
	}{
		{CellKey{"t", "r2", "b"}, Statement{Sec: sec, Para: 2, Mark: 1}, true},
		{CellKey{"t", "r1", "b"}, Statement{}, false},
		{CellKey{"t", "r2", "a"}, Statement{}, false},
		{CellKey{"u", "r2", "b"}, Statement{}, false},
		{CellKey{"t", "r3", "b"}, Statement{}, false},
		{CellKey{"t", "r2", "c"}, Statement{}, false},
	}
	for _, tt := range tests {
		if got, ok := m.Statement(tt.k); got != tt.want || ok != tt.ok {
			t.Errorf("Statement(%v) = %+v, %v; want %+v, %v", tt.k, got, ok, tt.want, tt.ok)
		}
	}
}
