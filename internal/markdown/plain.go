package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"reportsite/internal/addr"
	"reportsite/internal/markdown/plain"
)

// collectParas returns the plain text of the top-level paragraphs, of each
// item of top-level lists, of tables and of footnotes, and gives each that
// renders as an element of its own its anchor (ParaID); it also reports
// images that point off the site.
func collectParas(root ast.Node, src []byte, st *state) []Para {
	var paras []Para
	add := func(kind string, n ast.Node) {
		p := Para{Kind: kind, Text: plain.Text(n, src, kindBlock), Line: st.lines.line(nodePos(n))}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindListItem, east.KindTable, ast.KindHTMLBlock:
			// A footnote keeps goldmark's fn: ID; a bare text block has no tag.
			p.ID = addr.Para(len(paras))
			n.SetAttributeString("id", []byte(p.ID))
		}
		paras = append(paras, p)
	}
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			add("paragraph", n)
		case ast.KindList:
			for it := n.FirstChild(); it != nil; it = it.NextSibling() {
				add("item", it)
			}
		case east.KindTable:
			add("table", n)
		case ast.KindHTMLBlock:
			add("html", n)
		case east.KindFootnote:
			add(ParaFootnote, n)
		case ast.KindBlockquote, east.KindFootnoteList:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				visit(c)
			}
		}
	}
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		visit(c)
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering && isRemote(img.Destination) {
			st.errorf(nodePos(img), "put the image under static/ and link it with a relative path",
				"image %q is not on the site", img.Destination)
		}
		return ast.WalkContinue, nil
	})
	return paras
}

// isRemote reports whether a URL has a scheme or is protocol-relative.
func isRemote(u []byte) bool {
	s := strings.TrimSpace(string(u))
	if strings.HasPrefix(s, "//") || strings.HasPrefix(s, `\\`) {
		return true
	}
	if strings.HasPrefix(strings.ToLower(s), "data:image/") {
		return false // embedded in the page
	}
	i := strings.IndexAny(s, ":/?#")
	return i > 0 && s[i] == ':'
}
