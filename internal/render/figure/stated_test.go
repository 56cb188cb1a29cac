package figure

import (
	"fmt"
	"strings"
	"testing"

	"reportsite/internal/addr"
	"reportsite/internal/markdown/anchors"

	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/load"
	"reportsite/internal/markdown"
)

// TestMarked: Marked marks every figure a table or card links to (in
// plain paragraphs, in a list item that holds a block, and where the
// markup does not show it) with its anchor p-N-fK once, makes the marked
// document once per section and language, and leaves the prepared
// document as it was. (Where a span goes: markdown's TestMark.)
func TestMarked(t *testing.T) {
	src := "Revenue was 25 and then 25 again.\n\n- item 3 here\n\n  ```table t1\n  ```\n- item 4\n\n```table t2\n```\n\nLast 7.\n"
	en := lang.Lang{Tag: "en"}
	block := func(kind, id string) ([]byte, error) {
		return fmt.Appendf(nil, "<table id=%q><tr><td>3</td><td>4</td></tr></table>", id), nil
	}
	st := func(para, k int, before, fig string) load.StatedMark {
		return load.StatedMark{Para: para, Mark: k, Text: []load.StatedAs{{Tag: "zh-Hant", Before: "前", Figure: "0"}, {Tag: "en", Before: before, Figure: fig}}}
	}
	tests := []struct {
		name   string
		stated []load.StatedMark
	}{
		{"none", nil},
		{"paragraphs", []load.StatedMark{st(0, 1, "was", "25"), st(0, 2, "then", "25"), st(3, 1, "Last", "7")}},
		{"in a list with a block", []load.StatedMark{st(1, 1, "item", "3"), st(2, 1, "item", "4")}},
		{"not in the markup", []load.StatedMark{st(3, 1, "", "99"), st(1, 2, "", "42")}},
		{"all", []load.StatedMark{st(0, 1, "was", "25"), st(1, 1, "item", "3"), st(2, 1, "item", "4"), st(3, 1, "Last", "7"), st(3, 2, "", "99")}},
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
			plain, _ := p.Fill(block)
			sec := &content.Section{ID: "s"}
			figs := load.NewFigures([]string{"zh-Hant", "en"}, tt.stated)
			m := &Maker{m: &load.Model{StatedIn: map[*content.Section]*load.Figures{sec: figs}}, marked: map[markKey]*markEntry{}}
			mp := m.Marked(sec, en, p)
			if again := m.Marked(sec, en, p); again != mp {
				t.Errorf("Marked made the document twice")
			}
			chunks, err := mp.Fill(block)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, c := range chunks {
				anchors.Write(&b, c.HTML, nil)
			}
			for _, s := range tt.stated {
				id := `<span class="fig" id="` + addr.Figure(s.Para, s.Mark) + `">`
				if n := strings.Count(b.String(), id); n != 1 {
					t.Errorf("%s %d times in\n%s", id, n, b.String())
				}
			}
			again, _ := p.Fill(block)
			for i := range plain {
				if string(again[i].HTML) != string(plain[i].HTML) {
					t.Errorf("the prepared document changed: chunk %d %q", i, again[i].HTML)
				}
			}
		})
	}
}
