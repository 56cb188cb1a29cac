package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"reportsite/internal/addr"
	"reportsite/internal/markdown/gfm"
)

// collectParas returns the plain text of the top-level paragraphs, of each
// item of top-level lists, of tables and of footnotes, and gives each that
// renders as an element of its own its anchor (ParaID); it also reports
// images that point off the site.
func collectParas(root ast.Node, src []byte, st *state) []Para {
	var paras []Para
	add := func(kind string, n ast.Node) {
		p := Para{Kind: kind, Text: plainText(n, src), Line: st.lines.line(nodePos(n))}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindListItem, east.KindTable, ast.KindHTMLBlock:
			// A footnote keeps goldmark's fn: ID; a bare text block has no tag.
			p.ID = st.opt.IDPrefix + addr.Para(len(paras))
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
			add("footnote", n)
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

// plainText returns the text of n without markup: the text of emphasis,
// links and code spans is kept, code blocks, charts, footnote marks and
// translator's notes are left out. A line break becomes a space except between CJK characters.
func plainText(n ast.Node, src []byte) string {
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
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *blockNode, *east.FootnoteLink, *east.FootnoteBacklink, *noteNode:
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
