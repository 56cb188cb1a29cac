// Package plain extracts the plain text of Markdown, as the checks compare
// it between languages and against the seed: the words without markup, line
// breaks joined as a reader sees them (nothing between CJK characters).
package plain

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"reportsite/internal/markdown/gfm"
	"reportsite/internal/markdown/note"
)

// Text returns the text of n without markup: the text of emphasis, links
// and code spans is kept, code blocks, footnote marks, translator's notes
// and nodes of the skip kinds (the caller's own blocks) are left out. A line
// break becomes a space except between CJK characters.
func Text(n ast.Node, src []byte, skip ...ast.NodeKind) string {
	var b strings.Builder
	// sep is what goes before the next text: nothing, a soft line break
	// (a space unless between CJK characters) or a space.
	const none, soft, space = 0, 1, 2
	sep := none
	write := func(s []byte) {
		if len(s) == 0 {
			return
		}
		if sep != none && b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRune(s)
			if sep == space || !(gfm.IsCJK(last) && gfm.IsCJK(first)) {
				b.WriteByte(' ')
			}
		}
		sep = none
		b.Write(s)
	}
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		if slices.Contains(skip, n.Kind()) {
			return
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *east.FootnoteLink, *east.FootnoteBacklink, *note.Node:
			return
		case *ast.Text:
			v := n.Segment.Value(src)
			if !n.IsRaw() {
				v = util.UnescapePunctuations(v)
				v = util.ResolveNumericReferences(v)
				v = util.ResolveEntityNames(v)
			}
			write(v)
			if n.SoftLineBreak() || n.HardLineBreak() {
				sep = max(sep, soft)
			}
			return
		case *ast.String:
			write(n.Value)
			return
		case *ast.AutoLink:
			write(n.Label(src))
			return
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				write(seg.Value(src))
			}
			return
		case *ast.HTMLBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				write(seg.Value(src))
			}
			return
		}
		if n.Type() == ast.TypeBlock && n.PreviousSibling() != nil {
			sep = space
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c)
		}
		if n.Kind() == east.KindTableCell {
			sep = space
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}
