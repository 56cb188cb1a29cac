// Package figmark marks the figures that a data table or a card links to
// where a section's text states them. While the prepared document renders,
// Renderer records where each element with a paragraph ID (paragraph, list
// item, table) begins in its chunk and where the renderer wrote its text
// (Recorder); Apply then wraps a figure found in that text in a span. No
// HTML is read back: a figure is looked for only in the text the renderer
// wrote.
package figmark

import (
	"bytes"
	"cmp"
	"fmt"
	stdhtml "html"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"reportsite/internal/markdown/anchors"
)

// Class is the class of the span that marks a stated figure.
const Class = "fig"

// A Mark is a figure to mark.
type Mark struct {
	Para   string // the ID of the element that states it, as the document gives it (p-3)
	ID     string // the span's ID (p-3-f1); written as the element's IDs are (see [Write])
	Before string // the words before the figure, as the text writes them; "" for none
	Figure string // the figure as the text writes it
	Nth    int    // which of the text's occurrences of Figure it is, from 0 (see [Nth])
}

// An Elem is where an element with a paragraph ID lies in its chunk: the
// offset just after its opening tag, and the text the renderer wrote in it
// as offsets (start, end) in the chunk's HTML, contiguous text joined, at
// runs[lo:hi] of its Elems.
type Elem struct {
	id          string
	chunk, open int32
	lo, hi      int32
}

// Elems are the Elems of a document and the offsets of their text, in one
// slice for all of them: a document keeps them for as long as it may be
// marked, and a long report has hundreds of thousands of elements.
type Elems struct {
	list []Elem
	runs []int32
}

// A Recorder collects the Elems of a document while it renders, a chunk
// (a top-level block) at a time; the writer the renderer is handed carries
// it (see NewRenderer).
type Recorder struct {
	buf   *bytes.Buffer // the chunk rendered so far (the rest is in the writer's buffer)
	chunk int
	cur   int // the element being rendered, an index in elems; -1 for none
	elems []Elem
	runs  []int32 // the text of each element, which is always the last one begun
}

// Start begins chunk i, which the renderer writes into buf through a
// writer that carries t.
func (t *Recorder) Start(buf *bytes.Buffer, i int) { t.buf, t.chunk, t.cur = buf, i, -1 }

// Elems returns what t recorded, in slices of their own length.
func (t *Recorder) Elems() Elems {
	return Elems{list: slices.Clip(t.elems), runs: slices.Clone(t.runs)}
}

// offset is where the next byte w writes goes in the chunk.
func (t *Recorder) offset(w util.BufWriter) int { return t.buf.Len() + w.Buffered() }

// Renderer wraps the renderers that write what Apply needs to know: those
// of the elements that carry a paragraph ID (inner's, which it registers in
// inner's place, with the rest of inner's) and goldmark's text renderers.
type Renderer struct {
	inner    renderer.NodeRenderer
	text     *ghtml.Renderer
	fns      map[ast.NodeKind]renderer.NodeRendererFunc
	recorder func(w util.BufWriter) *Recorder
}

// NewRenderer returns a Renderer that records into the Recorder recorder
// finds in the writer it is handed (none: it records nothing).
func NewRenderer(recorder func(w util.BufWriter) *Recorder, inner renderer.NodeRenderer) *Renderer {
	return &Renderer{inner: inner, text: ghtml.NewRenderer().(*ghtml.Renderer), recorder: recorder}
}

// SetOption gives the wrapped renderers the page renderer's options (east
// Asian line breaks among them), so that they write as they would alone.
func (r *Renderer) SetOption(name renderer.OptionName, value any) {
	if s, ok := r.inner.(renderer.SetOptioner); ok {
		s.SetOption(name, value)
	}
	r.text.SetOption(name, value)
}

// RegisterFuncs registers every function of inner, those of the elements
// with a paragraph ID wrapped, and the wrapped text renderers.
func (r *Renderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	r.fns = map[ast.NodeKind]renderer.NodeRendererFunc{}
	r.inner.RegisterFuncs(allFuncs(r.fns))
	texts := map[ast.NodeKind]renderer.NodeRendererFunc{}
	r.text.RegisterFuncs(allFuncs(texts))
	r.fns[ast.KindText], r.fns[ast.KindString] = texts[ast.KindText], texts[ast.KindString]
	for k, fn := range r.fns {
		switch k {
		case ast.KindParagraph, ast.KindListItem, east.KindTable, ast.KindHTMLBlock:
			reg.Register(k, r.element)
		case ast.KindText, ast.KindString:
			reg.Register(k, r.textRun)
		default:
			reg.Register(k, fn)
		}
	}
}

// allFuncs keeps every function a renderer registers.
type allFuncs map[ast.NodeKind]renderer.NodeRendererFunc

func (a allFuncs) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { a[k] = f }

func (r *Renderer) element(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	fn := r.fns[n.Kind()]
	t := r.recorder(w)
	id, ok := n.AttributeString("id")
	if t == nil || !ok {
		return fn(w, src, n, entering)
	}
	if !entering {
		t.cur = -1
		return fn(w, src, n, entering)
	}
	at := t.offset(w)
	st, err := fn(w, src, n, entering)
	_ = w.Flush()
	open := at + bytes.IndexByte(t.buf.Bytes()[at:], '>') + 1 // attribute values escape >
	k := int32(len(t.runs))
	t.elems = append(t.elems, Elem{id: internID(id), chunk: int32(t.chunk), open: int32(open), lo: k, hi: k})
	t.cur = len(t.elems) - 1
	return st, err
}

func (r *Renderer) textRun(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	fn := r.fns[n.Kind()]
	t := r.recorder(w)
	if t == nil || t.cur < 0 || !entering {
		return fn(w, src, n, entering)
	}
	start := t.offset(w)
	st, err := fn(w, src, n, entering)
	end := t.offset(w)
	e := &t.elems[t.cur] // the last element begun: its runs end t.runs
	if e.hi > e.lo && int(t.runs[e.hi-1]) == start {
		t.runs[e.hi-1] = int32(end)
	} else if end > start {
		t.runs = append(t.runs, int32(start), int32(end))
		e.hi += 2
	}
	return st, err
}

// Apply returns the HTML of the chunks (html returns chunk i's) that
// marks change, by chunk, with each mark's figure wrapped in
// <span class="fig" id="…"> in the text of the element that states it: at
// the occurrence whose preceding character (spaces aside) ends the words
// before it, else the first. When the text does not show the figure, an
// empty span at the element's start takes the ID, so that a link to it
// still leads there. elems are the chunks' Elems; Apply returns, too, the
// marks whose element they do not have.
func Apply(html func(chunk int) []byte, elems Elems, marks []Mark) (map[int][]byte, []Mark) {
	byID := make(map[string]*Elem, len(elems.list))
	for i := range elems.list {
		byID[elems.list[i].id] = &elems.list[i]
	}
	// Each span is an opening and a closing insertion; at one offset the
	// spans that end close before any begins, and spans that wrap one
	// occurrence nest in the order of marks.
	type insert struct {
		at, phase, seq int
		s              string
	}
	inserts := map[int][]insert{}
	var left []Mark
	for i, m := range marks {
		e := byID[m.Para]
		if e == nil {
			left = append(left, m)
			continue
		}
		ci := int(e.chunk)
		h := html(ci)
		open := `<span class="` + Class + `" id="` + anchors.MarkID(m.ID) + `">`
		at, n := e.find(h, elems.runs[e.lo:e.hi], stdhtml.EscapeString(m.Figure), m.Before, m.Nth)
		if at < 0 {
			inserts[ci] = append(inserts[ci], insert{int(e.open), 1, i, open + "</span>"})
			continue
		}
		inserts[ci] = append(inserts[ci], insert{at, 1, i, open}, insert{at + n, 0, -i, "</span>"})
	}
	out := make(map[int][]byte, len(inserts))
	for ci, ins := range inserts {
		slices.SortStableFunc(ins, func(a, b insert) int { return cmp.Or(a.at-b.at, a.phase-b.phase, a.seq-b.seq) })
		h := html(ci)
		n := len(h)
		for _, x := range ins {
			n += len(x.s)
		}
		b := make([]byte, 0, n)
		at := 0
		for _, x := range ins {
			b = append(append(b, h[at:x.at]...), x.s...)
			at = x.at
		}
		out[ci] = append(b, h[at:]...)
	}
	return out, left
}

// find returns the offset in h and the length of figure in e's text (at
// runs): its nth occurrence as a number of its own (see [Nth]) when the
// character before it in the text (spaces aside) ends before; else the
// first occurrence that character ends, else the first; -1 when the text
// does not show it.
func (e *Elem) find(h []byte, runs []int32, figure, before string, nth int) (int, int) {
	if figure == "" {
		return -1, 0
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(before))
	first, after, k := -1, -1, 0
	for r := 0; r < len(runs); r += 2 {
		start, end := int(runs[r]), int(runs[r+1])
		for off := start; ; {
			i := bytes.Index(h[off:end], []byte(figure))
			if i < 0 {
				break
			}
			i += off
			off = i + 1
			if first < 0 {
				first = i
			}
			fits := before == "" || prevRune(h, runs, r, i) == last
			if fits && after < 0 {
				after = i
			}
			if alone(byteBefore(h, runs, r, i), byteAfter(h, runs, r, i+len(figure)), h[i:i+len(figure)]) {
				if k == nth && fits {
					return i, len(figure)
				}
				k++
			}
		}
	}
	if after >= 0 {
		return after, len(figure)
	}
	return first, len(figure)
}

// Nth returns which occurrence of figure, as a number of its own, the one
// at offset i of text is: 0 for the first. The count skips occurrences
// inside a longer number (the 5 of 25764), as find does.
func Nth(text, figure string, i int) int {
	n := 0
	for off := 0; off < i; {
		j := strings.Index(text[off:i], figure)
		if j < 0 {
			break
		}
		j += off
		var b, a byte
		if j > 0 {
			b = text[j-1]
		}
		if j+len(figure) < len(text) {
			a = text[j+len(figure)]
		}
		if alone(b, a, []byte(figure)) {
			n++
		}
		off = j + 1
	}
	return n
}

// alone reports whether figure, between the bytes b and a (0 for none),
// is a number of its own rather than part of a longer one.
func alone(b, a byte, figure []byte) bool {
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	if len(figure) > 0 && digit(figure[0]) && (digit(b) || b == '.' || b == ',') {
		return false
	}
	if len(figure) > 0 && digit(figure[len(figure)-1]) && (digit(a) || a == '.') {
		return false
	}
	return true
}

// byteBefore returns the byte of the text before offset i in run r (an
// index in runs), 0 at the start of the text.
func byteBefore(h []byte, runs []int32, r, i int) byte {
	if i > int(runs[r]) {
		return h[i-1]
	}
	for r -= 2; r >= 0; r -= 2 {
		if runs[r+1] > runs[r] {
			return h[runs[r+1]-1]
		}
	}
	return 0
}

// byteAfter returns the byte of the text at offset i, the end of a figure in
// run r, 0 at the end of the text.
func byteAfter(h []byte, runs []int32, r, i int) byte {
	if i < int(runs[r+1]) {
		return h[i]
	}
	for r += 2; r < len(runs); r += 2 {
		if runs[r+1] > runs[r] {
			return h[runs[r]]
		}
	}
	return 0
}

// prevRune returns the last character, spaces aside, of the text before
// offset i in run r (an index in runs) and the runs before it.
func prevRune(h []byte, runs []int32, r, i int) rune {
	for ; r >= 0; r -= 2 {
		s := bytes.TrimRight(h[runs[r]:i], " \u00a0")
		if len(s) > 0 {
			c, _ := utf8.DecodeLastRune(s)
			return c
		}
		if r >= 2 {
			i = int(runs[r-1])
		}
	}
	return utf8.RuneError
}

// internID returns an element's ID as a string, one string for each short
// ID however many documents carry it: every section has a p-1, p-2, ….
func internID(v any) string {
	b, ok := v.([]byte)
	if !ok || len(b) > 16 {
		return AttrString(v)
	}
	ids.Lock()
	defer ids.Unlock()
	s, ok := ids.m[string(b)]
	if !ok {
		s = string(b)
		if len(ids.m) < 1<<14 {
			if ids.m == nil {
				ids.m = map[string]string{}
			}
			ids.m[s] = s
		}
	}
	return s
}

var ids struct {
	sync.Mutex
	m map[string]string
}

// AttrString turns an attribute value, as goldmark parses it, into a string.
func AttrString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return fmt.Sprint(v)
}
