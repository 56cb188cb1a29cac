package render

import (
	"html/template"

	"reportsite/internal/render/stream"
)

// wholeBuilder is the builder as a whole page sees it: its Parts come from
// the stream when the build streams (st is not nil).
type wholeBuilder struct {
	*builder
	st *stream.Stream
	pg *stream.Page
}

func (w wholeBuilder) Parts(make func(i int) (template.HTML, error)) func(i int) (template.HTML, error) {
	if w.st == nil {
		return make
	}
	return w.st.Join(w.pg, make)
}

// Parts is the view.Builder's for a page that is not streamed: make itself.
func (b *builder) Parts(make func(i int) (template.HTML, error)) func(i int) (template.HTML, error) {
	return make
}
