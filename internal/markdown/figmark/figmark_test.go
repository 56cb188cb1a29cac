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

// TestApplyNth: of a figure the text states twice after the same words, the
// mark wraps the occurrence Nth names, counting only numbers of their own
// (not the 5 of 25764); an Nth past the last falls back to the first.
func TestApplyNth(t *testing.T) {
	text := "排名第5；收入25764，排名第5。"
	h := `<p id="y">` + text + `</p>`
	open := len(`<p id="y">`)
	es := Elems{runs: []int32{int32(open), int32(open + len(text))}, list: []Elem{{id: "y", open: int32(open), hi: 2}}}
	sp := `<span class="fig" id="` + "\x00~a" + `">5</span>`
	for _, tt := range []struct {
		nth  int
		want string
	}{
		{0, `<p id="y">排名第` + sp + `；收入25764，排名第5。</p>`},
		{1, `<p id="y">排名第5；收入25764，排名第` + sp + `。</p>`},
		{2, `<p id="y">排名第` + sp + `；收入25764，排名第5。</p>`},
	} {
		out, left := Apply(func(int) []byte { return []byte(h) }, es, []Mark{{Para: "y", ID: "a", Before: "排名第", Figure: "5", Nth: tt.nth}})
		if len(left) > 0 || string(out[0]) != tt.want {
			t.Errorf("Nth %d: Apply = %q, left %v\nwant %q", tt.nth, out[0], left, tt.want)
		}
	}
}

// TestNth: which occurrence of a figure, as a number of its own, an offset
// of a plain text is: the count Apply's Nth uses.
func TestNth(t *testing.T) {
	text := "排名第5；收入25764，排名第5；5.5%"
	tests := []struct {
		figure string
		at     int
		want   int
	}{
		{"5", strings.Index(text, "5"), 0},
		{"5", strings.LastIndex(text, "第5") + len("第"), 1},
		{"5", strings.LastIndex(text, "5.5"), 2},
		{"5.5%", strings.LastIndex(text, "5.5%"), 0},
	}
	for _, tt := range tests {
		if got := Nth(text, tt.figure, tt.at); got != tt.want {
			t.Errorf("Nth(%q, %q, %d) = %d, want %d", text, tt.figure, tt.at, got, tt.want)
		}
	}
}
