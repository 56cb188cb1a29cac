package markdown

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"reportsite/internal/markdown/anchors"
)

// TestMark: a stated figure is wrapped where the text writes it, after the
// words before it when they are given, and in nothing but the text the
// renderer wrote (not a block's HTML, not an attribute); when the text does
// not show it, an empty span at the element's start takes its ID.
func TestMark(t *testing.T) {
	block := func(kind, id string) ([]byte, error) {
		return fmt.Appendf(nil, "<table class=%q><tr><td>3</td><td>99</td></tr></table>", id), nil
	}
	fm := func(para, id, before, fig string) FigureMark {
		return FigureMark{Para: para, ID: id, Before: before, Figure: fig}
	}
	tests := []struct {
		name  string
		src   string
		marks []FigureMark
		want  string
		left  int
	}{
		{"after the words before it", "Revenue was 25 and then 25 again.\n",
			[]FigureMark{fm("p-1", "p-1-f1", "then", "25")},
			`<p id="p-1">Revenue was 25 and then <span class="fig" id="p-1-f1">25</span> again.</p>`, 0},
		{"two of one value", "Revenue was 25 and then 25 again.\n",
			[]FigureMark{fm("p-1", "p-1-f1", "was", "25"), fm("p-1", "p-1-f2", "then", "25")},
			`<p id="p-1">Revenue was <span class="fig" id="p-1-f1">25</span> and then <span class="fig" id="p-1-f2">25</span> again.</p>`, 0},
		{"no words before: the first", "Revenue was 25 and then 25 again.\n",
			[]FigureMark{fm("p-1", "p-1-f1", "", "25")},
			`<p id="p-1">Revenue was <span class="fig" id="p-1-f1">25</span> and then 25 again.</p>`, 0},
		{"words that do not match: the first", "Revenue was 25 and then 25 again.\n",
			[]FigureMark{fm("p-1", "p-1-f1", "never", "25")},
			`<p id="p-1">Revenue was <span class="fig" id="p-1-f1">25</span> and then 25 again.</p>`, 0},
		{"in emphasis, the words before outside it", "Sales rose **39.2%** and *7*.\n",
			[]FigureMark{fm("p-1", "p-1-f1", "rose", "39.2%"), fm("p-1", "p-1-f2", "and", "7")},
			`<p id="p-1">Sales rose <strong><span class="fig" id="p-1-f1">39.2%</span></strong> and <em><span class="fig" id="p-1-f2">7</span></em>.</p>`, 0},
		{"Chinese", "收入25,764萬元，增長39.2%。\n",
			[]FigureMark{fm("p-1", "p-1-f1", "增長", "39.2%"), fm("p-1", "p-1-f2", "收入", "25,764萬元")},
			`<p id="p-1">收入<span class="fig" id="p-1-f2">25,764萬元</span>，增長<span class="fig" id="p-1-f1">39.2%</span>。</p>`, 0},
		{"not in an address", "See [page 25](p25.html) or ![25](x25.png) for 7.\n",
			[]FigureMark{fm("p-1", "p-1-f1", "", "25"), fm("p-1", "p-1-f2", "", "x25")},
			`<p id="p-1"><span class="fig" id="p-1-f2"></span>See <a href="p25.html">page <span class="fig" id="p-1-f1">25</span></a> or <img src="x25.png" alt="25"> for 7.</p>`, 0},
		{"not in the text", "Last 7.\n",
			[]FigureMark{fm("p-1", "p-1-f1", "", "99")},
			`<p id="p-1"><span class="fig" id="p-1-f1"></span>Last 7.</p>`, 0},
		{"a list item with a block", "- item 3 here\n\n  ```table t1\n  ```\n- item 4\n",
			[]FigureMark{fm("p-1", "p-1-f1", "item", "3"), fm("p-1", "p-1-f2", "", "99"), fm("p-2", "p-2-f1", "item", "4")},
			"<ul>\n<li id=\"p-1\"><span class=\"fig\" id=\"p-1-f2\"></span>\n<p>item <span class=\"fig\" id=\"p-1-f1\">3</span> here</p>\n<table class=\"t1\"><tr><td>3</td><td>99</td></tr></table>\n</li>\n<li id=\"p-2\">\n<p>item <span class=\"fig\" id=\"p-2-f1\">4</span></p>\n</li>\n</ul>", 0},
		{"a table", "| a | b |\n|---|---|\n| 25 | 7 |\n",
			[]FigureMark{fm("p-1", "p-1-f1", "", "7")},
			"<table id=\"p-1\">\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>25</td>\n<td><span class=\"fig\" id=\"p-1-f1\">7</span></td>\n</tr>\n</tbody>\n</table>", 0},
		{"a cell, not the end of a longer number", "| Item | Number | Growth |\n|---|---:|---:|\n| a | 214 | 42.3% |\n| b | 217 | 2.3% |\n",
			[]FigureMark{fm("p-1", "p-1-f1", "217", "2.3%")},
			"<table id=\"p-1\">\n<thead>\n<tr>\n<th>Item</th>\n<th class=\"align-right\">Number</th>\n<th class=\"align-right\">Growth</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a</td>\n<td class=\"align-right\">214</td>\n<td class=\"align-right\">42.3%</td>\n</tr>\n<tr>\n<td>b</td>\n<td class=\"align-right\">217</td>\n<td class=\"align-right\"><span class=\"fig\" id=\"p-1-f1\">2.3%</span></td>\n</tr>\n</tbody>\n</table>", 0},
		{"a paragraph the document lacks", "One.\n",
			[]FigureMark{fm("p-2", "p-2-f1", "", "1")},
			`<p id="p-1">One.</p>`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, errs := Parse([]byte(tt.src), Options{})
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			p, err := d.Prepare()
			if err != nil {
				t.Fatal(err)
			}
			before, _ := p.Fill(block)
			mp, left := p.Mark(tt.marks)
			if len(left) != tt.left {
				t.Errorf("Mark left %v, want %d marks", left, tt.left)
			}
			chunks, err := mp.Fill(block)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, c := range chunks {
				anchors.Write(&b, c.HTML, nil)
			}
			if got := strings.TrimSpace(b.String()); got != strings.TrimSpace(tt.want) {
				t.Errorf("Mark(%q):\n got %q\nwant %q", tt.src, got, tt.want)
			}
			again, _ := p.Fill(block)
			if !slices.EqualFunc(before, again, func(a, b Chunk) bool { return string(a.HTML) == string(b.HTML) }) {
				t.Errorf("Mark changed the prepared document")
			}
		})
	}
}

// TestMarkEdits: a marked document changes only the chunks its marks are
// in, over the chunks it shares with the document it marked; its Size and
// Chunks count the change; after ReleaseMarks, Mark marks nothing.
func TestMarkEdits(t *testing.T) {
	d, errs := Parse([]byte("One 1.\n\nTwo 2.\n\nThree 3.\n"), Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	p, err := d.Prepare()
	if err != nil {
		t.Fatal(err)
	}
	mp, left := p.Mark([]FigureMark{{Para: "p-2", ID: "p-2-f1", Figure: "2"}})
	mp2, left2 := mp.Mark([]FigureMark{{Para: "p-3", ID: "p-3-f1", Figure: "3"}})
	if len(left) > 0 || len(left2) != 1 {
		t.Errorf("Mark left %v, then %v; want none, then the one the marked document cannot mark", left, left2)
	}
	span := len(`<span class="fig" id="` + "\x00~" + `p-2-f1"></span>`)
	if got, want := mp.Size(), p.Size()+span; got != want {
		t.Errorf("marked Size = %d, want %d", got, want)
	}
	plain, marked := p.Chunks(), mp.Chunks()
	if len(plain) != 3 || len(marked) != 3 || len(mp2.Chunks()) != 3 {
		t.Fatalf("%d, %d chunks, want 3", len(plain), len(marked))
	}
	for i := range plain {
		changed := string(plain[i].HTML) != string(marked[i].HTML)
		if changed != (i == 1) || changed != strings.Contains(string(marked[i].HTML), "p-2-f1") {
			t.Errorf("chunk %d changed %v: %q", i, changed, marked[i].HTML)
		}
	}
	p.ReleaseMarks()
	if _, left := p.Mark([]FigureMark{{Para: "p-1", ID: "p-1-f1", Figure: "1"}}); len(left) != 1 {
		t.Errorf("Mark after ReleaseMarks left %v, want the mark", left)
	}
}
