package markdown

import (
	"slices"

	"github.com/yuin/goldmark/util"

	"reportsite/internal/markdown/figmark"
)

// FigureMark is a figure to mark in a prepared document ([figmark.Mark]).
type FigureMark = figmark.Mark

// Mark returns the document with each mark's figure wrapped in a span
// (<span class="fig" id="…">) where the text of the element that states it
// writes it, or an empty one at the element's start (see [figmark.Apply]),
// and the marks whose element the document does not have. p itself is
// left as it was; the marked document shares the chunks marks do not
// change with it.
func (p *Prepared) Mark(marks []FigureMark) (*Prepared, []FigureMark) {
	if len(marks) == 0 {
		return p, nil
	}
	edited, left := figmark.Apply(p.html, p.texts, marks)
	q := &Prepared{chunks: p.chunks, holes: p.holes, refs: p.refs, edits: slices.Clone(p.edits)}
	for i, h := range edited {
		if j := slices.IndexFunc(q.edits, func(e edit) bool { return e.i == i }); j >= 0 {
			q.edits[j].html = h
		} else {
			q.edits = append(q.edits, edit{i, h})
		}
	}
	slices.SortFunc(q.edits, func(a, b edit) int { return a.i - b.i })
	return q, left
}

// ReleaseMarks lets go of what Mark needs to know of the text, once p is
// marked for the last time: a build marks each document once, and a long
// report's documents hold hundreds of thousands of elements. Mark marks
// nothing afterwards.
func (p *Prepared) ReleaseMarks() { p.texts = figmark.Elems{} }

// textRecorder returns the recorder of the text Prepare renders, which w
// carries.
func textRecorder(w util.BufWriter) *figmark.Recorder {
	if bw, ok := w.(*blockWriter); ok {
		return bw.texts
	}
	return nil
}
