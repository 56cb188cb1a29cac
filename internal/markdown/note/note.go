// Package note is the translator's note, [[tn: text]], as a goldmark
// extension: a gloss the translator added, which is not the report's words.
// It renders as <span class="tn">[text]</span>, with a label for screen
// readers, and the text inside stays plain (markup is shown as written).
package note

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Kind is the AST kind of a translator's note, [[tn: …]].
var Kind = ast.NewNodeKind("TranslatorNote")

// Node is a translator's note; its children are its text.
type Node struct {
	ast.BaseInline
	label string // announced before the note to screen readers
}

// Kind returns [Kind].
func (n *Node) Kind() ast.NodeKind { return Kind }

// Dump writes the node for debugging.
func (n *Node) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// Gloss returns the note's text as written, without the brackets.
func (n *Node) Gloss(src []byte) string {
	var b bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b.Write(t.Segment.Value(src))
		}
	}
	return b.String()
}

// LabelKey keys, in a document's parser.Context, the label announced to
// screen readers before each note (a string, e.g. "Translator's note: ");
// without it a note has no label.
var LabelKey = parser.NewContextKey()

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
	n := &Node{}
	n.label, _ = pc.Get(LabelKey).(string)
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
	r.Register(Kind, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			_, _ = w.WriteString("]</span>")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString(`<span class="tn">[`)
		if l := n.(*Node).label; l != "" {
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

// Extension registers the translator's note syntax.
var Extension goldmark.Extender = ext{}

type ext struct{}

func (ext) Extend(m goldmark.Markdown) {
	// Before the link parser, which also starts at '['.
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(noteParser{}, 90)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(noteRenderer{}, 100)))
}
