// Package rawhtml renders the raw HTML written in Markdown as text: a
// report's Markdown never adds markup of its own to a page.
package rawhtml

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Renderer shows raw HTML as text instead of leaving it out, so that an
// editor sees what was typed, and nothing typed becomes markup: inline HTML
// escaped in place, an HTML block as an escaped paragraph.
type Renderer struct{}

// RegisterFuncs registers the renderers of inline HTML and HTML blocks.
func (Renderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindRawHTML, renderRawHTML)
	r.Register(ast.KindHTMLBlock, renderHTMLBlock)
}

func renderRawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	segs := n.(*ast.RawHTML).Segments
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		_, _ = w.Write(util.EscapeHTML(seg.Value(src)))
	}
	return ast.WalkSkipChildren, nil
}

func renderHTMLBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	b := n.(*ast.HTMLBlock)
	var text []byte
	for i := 0; i < b.Lines().Len(); i++ {
		seg := b.Lines().At(i)
		text = append(text, seg.Value(src)...)
	}
	if b.HasClosure() {
		text = append(text, b.ClosureLine.Value(src)...)
	}
	_, _ = w.WriteString("<p")
	if n.Attributes() != nil {
		ghtml.RenderAttributes(w, n, ghtml.GlobalAttributeFilter)
	}
	_, _ = w.WriteString(">")
	_, _ = w.Write(util.EscapeHTML(bytes.TrimRight(text, "\r\n")))
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}
