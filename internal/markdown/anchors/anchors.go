// Package anchors decides the IDs and addresses in prepared HTML: the
// renderer marks where each element's id attribute value, each same-page
// link's fragment and each other link's or image's address begins, and
// Write resolves the marks for the page that shows the HTML (a section alone
// on its page, among others on the full report, or in the one-file report).
package anchors

import (
	"bufio"
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Anchors decides, for the page that shows a document, the IDs its elements
// get and where its links to them lead: a section alone on its page keeps
// its IDs, one among others on the full report puts its own prefix before
// each, so that no two sections share an ID.
type Anchors interface {
	// ID returns the ID of the element that defines id; "" leaves the
	// element without an id attribute. (IDs come as bytes, so that looking
	// them up in a map costs no allocation; do not keep them.)
	ID(id []byte) string
	// Ref returns the ID that a link to id (written #id in the Markdown,
	// or a footnote's) leads to.
	Ref(id []byte) string
}

// Links is Anchors that also decide the addresses of links and images to
// anything but an ID of the document: the one-file report turns links to
// other pages into anchors on itself and images into data: URIs.
type Links interface {
	Anchors
	// Link returns the value of a link's href (img false) or an image's
	// src (img true), given as written in the HTML; "" leaves the element
	// without the attribute.
	Link(u []byte, img bool) string
}

// URLMark opens the address of a link or image in prepared HTML, written
// where the href or src attribute's value begins; it runs to the closing
// quote.
const URLMark = "\x00^"

// IDMark opens an ID in prepared HTML, written by the renderer where an id
// attribute's value or a same-page link's fragment begins; the ID runs to
// the attribute's closing quote. Rendered Markdown never holds a NUL byte
// (the parser turns it into U+FFFD), so the mark cannot be forged.
const IDMark = "\x00~"

// MarkID returns id as an id attribute's value in prepared HTML, for
// elements added to a chunk before it is written (see [Write]).
func MarkID(id string) string { return IDMark + id }

// Write writes a chunk's HTML, as markdown's Prepared.Fill returns it, to b with
// each ID its Markdown defines, and each link to one, as a decides; a nil a
// keeps them as they are.
func Write(b *strings.Builder, html []byte, a Anchors) {
	links, _ := a.(Links)
	for {
		i := bytes.IndexByte(html, 0)
		if i < 0 || i+len(IDMark) > len(html) {
			break
		}
		head, rest := html[:i], html[i+len(IDMark):]
		isURL := html[i+1] == URLMark[1]
		end := bytes.IndexByte(rest, '"')
		if end < 0 {
			end = len(rest)
		}
		v, drop := rest[:end], ""
		switch {
		case a == nil:
			b.Write(head)
			b.Write(v)
		case isURL && links == nil:
			b.Write(head)
			b.Write(v)
		case isURL:
			img := bytes.HasSuffix(head, []byte(` src="`))
			if nv := links.Link(v, img); nv != "" {
				b.Write(head)
				b.WriteString(nv)
			} else if img {
				drop = ` src="`
			} else {
				drop = ` href="`
			}
		case bytes.HasSuffix(head, []byte(`href="#`)):
			b.Write(head)
			b.WriteString(a.Ref(v))
		default: // an id attribute
			if nv := a.ID(v); nv != "" {
				b.Write(head)
				b.WriteString(nv)
			} else {
				drop = ` id="`
			}
		}
		if drop != "" {
			b.Write(bytes.TrimSuffix(head, []byte(drop)))
			end++ // and its closing quote
		}
		html = rest[min(end, len(rest)):]
	}
	b.Write(html)
}

// IDs appends to out the IDs that a chunk's HTML, as markdown's
// Prepared.Fill returns it, defines (not those of the figures in it), in
// order.
func IDs(out []string, html []byte) []string {
	s := html
	for {
		i := bytes.Index(s, []byte(IDMark))
		if i < 0 {
			break
		}
		head := s[:i]
		s = s[i+len(IDMark):]
		end := bytes.IndexByte(s, '"')
		if end < 0 {
			break
		}
		if !bytes.HasSuffix(head, []byte(`href="#`)) {
			out = append(out, string(s[:end]))
		}
		s = s[end:]
	}
	return out
}

// Renderer wraps the renderers of the elements that carry an ID
// (headings, paragraphs, list items, tables, escaped HTML blocks), of links
// and of images: when the writer asks for marks, it puts IDMark where the
// element's id attribute value, or a same-page link's fragment, begins, and
// URLMark where any other link's or image's address begins. (An id
// attribute's value cannot carry the mark itself: goldmark escapes NUL.)
type Renderer struct {
	html    *ghtml.Renderer
	others  []renderer.NodeRenderer
	marking func(w util.BufWriter) bool
	fns     map[ast.NodeKind]renderer.NodeRendererFunc
}

// NewRenderer returns a Renderer that marks what it writes when marking
// says the writer asks for marks. It wraps goldmark's HTML renderer and
// others (the renderers that extensions register for those elements, such
// as tables), which it registers in that order.
func NewRenderer(marking func(w util.BufWriter) bool, others ...renderer.NodeRenderer) *Renderer {
	return &Renderer{html: ghtml.NewRenderer().(*ghtml.Renderer), others: others, marking: marking}
}

// SetOption gives goldmark's renderer the options the page renderer has
// (its writer, XHTML, unsafe), so elements render as they would without us.
func (r *Renderer) SetOption(name renderer.OptionName, value any) {
	r.html.SetOption(name, value)
}

// RegisterFuncs registers the wrapping renderer for every element it marks.
func (r *Renderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	c := funcCatcher{
		ast.KindHeading: nil, ast.KindParagraph: nil, ast.KindListItem: nil,
		ast.KindLink: nil, ast.KindAutoLink: nil, ast.KindImage: nil,
		east.KindTable: nil, ast.KindHTMLBlock: nil,
	}
	r.html.RegisterFuncs(c)
	for _, o := range r.others {
		o.RegisterFuncs(c)
	}
	r.fns = c
	for k := range c {
		reg.Register(k, r.render)
	}
}

func (r *Renderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	fn := r.fns[n.Kind()]
	if !entering || !r.marking(w) {
		return fn(w, src, n, entering)
	}
	at, mark := []byte(` id="`), IDMark
	switch n := n.(type) {
	case *ast.Link:
		at, mark = []byte(`<a href="`), URLMark
		if bytes.HasPrefix(n.Destination, []byte("#")) {
			at, mark = []byte(`<a href="#`), IDMark
		}
	case *ast.AutoLink:
		at, mark = []byte(`<a href="`), URLMark
	case *ast.Image:
		at, mark = []byte(`<img src="`), URLMark
	default:
		if _, ok := n.AttributeString("id"); !ok {
			return fn(w, src, n, entering)
		}
	}
	var buf bytes.Buffer
	tw := bufio.NewWriter(&buf)
	st, err := fn(tw, src, n, entering)
	_ = tw.Flush()
	out := buf.Bytes()
	tag := bytes.IndexByte(out, '>') // the opening tag: attribute values escape >
	if i := bytes.Index(out, at); i >= 0 && (tag < 0 || i < tag) {
		i += len(at)
		_, _ = w.Write(out[:i])
		_, _ = w.WriteString(mark)
		out = out[i:]
	}
	_, _ = w.Write(out)
	return st, err
}

// funcCatcher keeps the functions renderers register for its kinds.
type funcCatcher map[ast.NodeKind]renderer.NodeRendererFunc

func (c funcCatcher) Register(k ast.NodeKind, f renderer.NodeRendererFunc) {
	if _, ok := c[k]; ok {
		c[k] = f
	}
}
