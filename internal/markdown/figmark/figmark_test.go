package figmark

import (
	"strings"
	"testing"
)

// TestApply: spans go where Elems say the text is; two marks of one
// occurrence nest in mark order, the words before a figure are read across
// a tag, and a figure outside the text gets an empty span at the element's
// start. (Elems from a real render: markdown's TestMark.)
func TestApply(t *testing.T) {
	h := `<p id="x">was 25<em>7</em> and 9</p>`
	run := func(s string) []int32 {
		i := strings.Index(h, s)
		return []int32{int32(i), int32(i + len(s))}
	}
	var es Elems
	for _, s := range []string{"was 25", "7", " and 9"} {
		es.runs = append(es.runs, run(s)...)
	}
	es.list = []Elem{{id: "x", open: int32(len(`<p id="x">`)), hi: int32(len(es.runs))}}
	sp := func(id string) string { return `<span class="fig" id="` + "\x00~" + id + `">` }
	tests := []struct {
		name  string
		marks []Mark
		want  string
	}{
		{"nested", []Mark{{Para: "x", ID: "a", Before: "was", Figure: "25"}, {Para: "x", ID: "b", Before: "was", Figure: "25"}},
			`<p id="x">was ` + sp("a") + sp("b") + `25</span></span><em>7</em> and 9</p>`},
		{"across a tag", []Mark{{Para: "x", ID: "b", Before: "25", Figure: "7"}, {Para: "x", ID: "a", Figure: "25"}},
			`<p id="x">was ` + sp("a") + `25</span><em>` + sp("b") + `7</span></em> and 9</p>`},
		{"outside the text", []Mark{{Para: "x", ID: "a", Figure: "p"}},
			`<p id="x">` + sp("a") + `</span>was 25<em>7</em> and 9</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, left := Apply(func(int) []byte { return []byte(h) }, es, tt.marks)
			if len(left) > 0 || string(out[0]) != tt.want {
				t.Errorf("Apply = %q, left %v\nwant %q", out[0], left, tt.want)
			}
		})
	}
}
