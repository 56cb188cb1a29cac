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
// left as it was.
func (p *Prepared) Mark(marks []FigureMark) (*Prepared, []FigureMark) {
	if len(marks) == 0 {
		return p, nil
	}
	edited, left := figmark.Apply(func(i int) []byte { return p.chunks[i].HTML }, p.texts, marks)
	chunks := slices.Clone(p.chunks)
	for i, h := range edited {
		chunks[i].HTML = h
	}
	return &Prepared{chunks: chunks, holes: p.holes, refs: p.refs}, left
}

// textRecorder returns the recorder of the text Prepare renders, which w
// carries.
func textRecorder(w util.BufWriter) *figmark.Recorder {
	if bw, ok := w.(*blockWriter); ok {
		return bw.texts
	}
	return nil
}
