package markdown

import (
	"bufio"
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
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

// Prefix is the Anchors that put the prefix before every ID and every link
// to one. A link to an ID the document does not define gets it too: use it
// for documents that link only to their own IDs.
type Prefix string

// ID returns p+id.
func (p Prefix) ID(id []byte) string { return string(p) + string(id) }

// Ref returns p+id.
func (p Prefix) Ref(id []byte) string { return string(p) + string(id) }

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

// urlMark opens the address of a link or image in prepared HTML, written
// where the href or src attribute's value begins; it runs to the closing
// quote.
const urlMark = "\x00^"

// idMark opens an ID in prepared HTML, written by the renderer where an id
// attribute's value or a same-page link's fragment begins; the ID runs to
// the attribute's closing quote. Rendered Markdown never holds a NUL byte
// (the parser turns it into U+FFFD), so the mark cannot be forged.
const idMark = "\x00~"

// MarkID returns id as an id attribute's value in prepared HTML, for
// elements added to a chunk before it is written (see [Write]).
func MarkID(id string) string { return idMark + id }

// Write writes a chunk's HTML, as [Prepared.Fill] returns it, to b with
// each ID its Markdown defines, and each link to one, as a decides; a nil a
// keeps them as they are.
func Write(b *strings.Builder, html []byte, a Anchors) {
	links, _ := a.(Links)
	for {
		i := bytes.IndexByte(html, 0)
		if i < 0 || i+len(idMark) > len(html) {
			break
		}
		head, rest := html[:i], html[i+len(idMark):]
		isURL := html[i+1] == urlMark[1]
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

// IDs returns the IDs that chunks, as [Prepared.Fill] returns them, define
// (not those of the figures in them), in order.
func IDs(chunks []Chunk) []string {
	var out []string
	for _, c := range chunks {
		s := c.HTML
		for {
			i := bytes.Index(s, []byte(idMark))
			if i < 0 {
				break
			}
			head := s[:i]
			s = s[i+len(idMark):]
			end := bytes.IndexByte(s, '"')
			if end < 0 {
				break
			}
			if !bytes.HasSuffix(head, []byte(`href="#`)) {
				out = append(out, string(s[:end]))
			}
			s = s[end:]
		}
	}
	return out
}

// markFootnotes makes the footnotes' IDs, which goldmark writes after a
// prefix of ours, start with idMark.
func markFootnotes(root ast.Node) {
	if doc, ok := root.(*ast.Document); ok {
		prefix, _ := doc.Meta()[metaPrefix].([]byte)
		doc.AddMeta(metaPrefix, append([]byte(idMark), prefix...))
	}
}

// markRenderer wraps the renderers of the elements that carry an ID
// (headings, paragraphs, list items, tables, escaped HTML blocks), of links
// and of images: when the writer asks for marks, it puts idMark where the
// element's id attribute value, or a same-page link's fragment, begins, and
// urlMark where any other link's or image's address begins. (An id
// attribute's value cannot carry the mark itself: goldmark escapes NUL.)
type markRenderer struct {
	html *ghtml.Renderer
	fns  map[ast.NodeKind]renderer.NodeRendererFunc
}

func newMarkRenderer() *markRenderer {
	return &markRenderer{html: ghtml.NewRenderer().(*ghtml.Renderer)}
}

// SetOption gives goldmark's renderer the options the page renderer has
// (its writer, XHTML, unsafe), so elements render as they would without us.
func (r *markRenderer) SetOption(name renderer.OptionName, value any) {
	r.html.SetOption(name, value)
}

func (r *markRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	c := funcCatcher{
		ast.KindHeading: nil, ast.KindParagraph: nil, ast.KindListItem: nil,
		ast.KindLink: nil, ast.KindAutoLink: nil, ast.KindImage: nil,
		east.KindTable: nil, ast.KindHTMLBlock: nil,
	}
	r.html.RegisterFuncs(c)
	extension.NewTableHTMLRenderer().RegisterFuncs(c) // its options concern cells only
	safeHTMLRenderer{}.RegisterFuncs(c)
	r.fns = c
	for k := range c {
		reg.Register(k, r.render)
	}
}

func (r *markRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	fn := r.fns[n.Kind()]
	bw, ok := w.(*blockWriter)
	if !entering || !ok || !bw.marks {
		return fn(w, src, n, entering)
	}
	at, mark := []byte(` id="`), idMark
	switch n := n.(type) {
	case *ast.Link:
		at, mark = []byte(`<a href="`), urlMark
		if bytes.HasPrefix(n.Destination, []byte("#")) {
			at, mark = []byte(`<a href="#`), idMark
		}
	case *ast.AutoLink:
		at, mark = []byte(`<a href="`), urlMark
	case *ast.Image:
		at, mark = []byte(`<img src="`), urlMark
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
