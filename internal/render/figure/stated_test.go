package figure

import (
	"fmt"
	"testing"

	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/load"
	"reportsite/internal/markdown"
)

// TestMarked holds Marked (once per section, before the holes are filled)
// and MarkFilled (after) to marking the filled chunks at once with Mark,
// with figures stated in plain paragraphs and in a list item that holds a
// block, and a figure the markup does not show.
func TestMarked(t *testing.T) {
	src := "Revenue was 25 and then 25 again.\n\n- item 3 here\n\n  ```table t1\n  ```\n- item 4\n\n```table t2\n```\n\nLast 7.\n"
	en := lang.Lang{Tag: "en"}
	block := func(kind, id string) ([]byte, error) {
		return fmt.Appendf(nil, "<table id=%q><tr><td>3</td><td>4</td></tr></table>", id), nil
	}
	st := func(para, k int, before, fig string) load.Statement {
		return load.Statement{Para: para, Mark: k, Text: []load.StatedAs{{Tag: "en", Before: before, Figure: fig}}}
	}
	tests := []struct {
		name   string
		stated []load.Statement
	}{
		{"none", nil},
		{"paragraphs", []load.Statement{st(0, 0, "was", "25"), st(0, 1, "then", "25"), st(3, 0, "Last", "7")}},
		{"in a list with a block", []load.Statement{st(1, 0, "item", "3"), st(2, 0, "item", "4")}},
		{"not in the markup", []load.Statement{st(3, 0, "", "99"), st(1, 1, "", "42")}},
		{"all", []load.Statement{st(0, 0, "was", "25"), st(1, 0, "item", "3"), st(2, 0, "item", "4"), st(3, 0, "Last", "7"), st(3, 1, "", "99")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, errs := markdown.Parse([]byte(src), markdown.Options{})
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			p, err := d.Prepare()
			if err != nil {
				t.Fatal(err)
			}
			sec := &content.Section{ID: "s"}
			for i := range tt.stated {
				tt.stated[i].Sec = sec
			}
			m := &Maker{m: &load.Model{StatedIn: map[*content.Section][]load.Statement{sec: tt.stated}}, marked: map[markKey]*markEntry{}}
			want, err := p.Fill(block)
			if err != nil {
				t.Fatal(err)
			}
			m.Mark(sec, en, want)
			for round := range 2 { // the second from the kept document
				mp := m.Marked(sec, en, p)
				got, err := mp.Fill(block)
				if err != nil {
					t.Fatal(err)
				}
				m.MarkFilled(sec, en, got, mp)
				if len(got) != len(want) {
					t.Fatalf("round %d: %d chunks, want %d", round, len(got), len(want))
				}
				for i := range want {
					if string(got[i].HTML) != string(want[i].HTML) {
						t.Errorf("round %d, chunk %d:\n got %q\nwant %q", round, i, got[i].HTML, want[i].HTML)
					}
				}
			}
			// The prepared document itself is left as it was.
			again, _ := p.Fill(block)
			m.Mark(sec, en, again)
			for i := range want {
				if string(again[i].HTML) != string(want[i].HTML) {
					t.Errorf("the prepared document changed: chunk %d %q", i, again[i].HTML)
				}
			}
		})
	}
}
