package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Note is a translator's note: a gloss the translator added, which is not
// the report's words.
type Note struct {
	Text    string // plain text, without the brackets
	Line    int
	Heading string // ID of the heading the note falls under; "" before the first
}

// KindNote is the AST kind of a translator's note, [[tn: …]].
var KindNote = ast.NewNodeKind("TranslatorNote")

// noteNode is a translator's note; its children are its text.
type noteNode struct {
	ast.BaseInline
	label string // announced before the note to screen readers
}

func (n *noteNode) Kind() ast.NodeKind { return KindNote }

func (n *noteNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

var (
	noteOpen  = []byte("[[tn:")
	noteClose = []byte("]]")
)

// noteParser reads [[tn: text]] on one line. The text is plain: markup
// inside it is shown as written. An unclosed [[tn: is ordinary text.
type noteParser struct{}

func (noteParser) Trigger() []byte { return []byte{'['} }

func (noteParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, noteOpen) {
		return nil
	}
	end := bytes.Index(line[len(noteOpen):], noteClose)
	if end < 0 {
		return nil
	}
	end += len(noteOpen)
	inner := text.NewSegment(seg.Start+len(noteOpen), seg.Start+end)
	inner = inner.TrimLeftSpace(block.Source())
	inner = inner.TrimRightSpace(block.Source())
	if inner.Len() == 0 {
		return nil
	}
	n := &noteNode{}
	if st, _ := pc.Get(stateKey).(*state); st != nil {
		n.label = st.opt.NoteLabel
	}
	t := ast.NewTextSegment(inner)
	t.SetRaw(true)
	n.AppendChild(n, t)
	block.Advance(end + len(noteClose))
	return n
}

func (noteParser) CloseBlock(parent ast.Node, pc parser.Context) {}

// noteRenderer writes a note as
// <span class="tn">[<span class="visually-hidden">label</span>text]</span>,
// the brackets in the text so that a copy or a page without styles still
// sets the note apart.
type noteRenderer struct{}

func (noteRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindNote, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			_, _ = w.WriteString("]</span>")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString(`<span class="tn">[`)
		if l := n.(*noteNode).label; l != "" {
			_, _ = w.WriteString(`<span class="visually-hidden">`)
			_, _ = w.Write(util.EscapeHTML([]byte(l)))
			_, _ = w.WriteString(`</span>`)
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				_, _ = w.Write(util.EscapeHTML(t.Segment.Value(src)))
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

// noteExt registers the translator's note syntax.
type noteExt struct{}

func (noteExt) Extend(m goldmark.Markdown) {
	// Before the link parser, which also starts at '['.
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(noteParser{}, 90)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(noteRenderer{}, 100)))
}

// collectNotes returns the translator's notes of a document in order.
func collectNotes(root ast.Node, src []byte, st *state) []Note {
	var notes []Note
	heading := ""
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if id, ok := n.AttributeString("id"); ok {
				heading = attrString(id)
			}
		case *noteNode:
			var b bytes.Buffer
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			notes = append(notes, Note{Text: b.String(), Line: st.lines.line(nodePos(n)), Heading: heading})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return notes
}
