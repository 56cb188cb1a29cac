package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"reportsite/internal/markdown/anchors"
	"reportsite/internal/markdown/figmark"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Chunk is the HTML of one top-level block. A page joins the chunks, or sets
// two languages' chunks side by side, pairing them by Kind and index.
type Chunk struct {
	Kind      string // heading, paragraph, list, blockquote, table, figure, code, rule, html, footnotes
	HTML      []byte // trusted HTML
	Line      int    // line of the block in its file
	HeadingID string // the heading's ID, for Kind "heading"
}

// Render returns the HTML of each top-level block in order. block renders
// ```chart and ```table blocks (Kind "figure"); when it is nil they are left
// out. Its errors are returned as *BlockError.
func (d *Doc) Render(block BlockFunc) (chunks []Chunk, err error) {
	return d.render(block, nil)
}

// render renders the chunks; with a recorder (Prepare's), IDs and same-page
// links carry anchors.IDMark and texts records where paragraphs' text went.
func (d *Doc) render(block BlockFunc, texts *figmark.Recorder) (chunks []Chunk, err error) {
	if d != nil && d.released {
		return nil, ErrReleased
	}
	if d == nil || d.failed || d.root == nil {
		return nil, nil
	}
	defer func() {
		if r := recover(); r != nil {
			chunks, err = nil, fmt.Errorf("internal error: markdown renderer: %v", r)
		}
	}()
	var buf bytes.Buffer
	w := &blockWriter{Writer: bufio.NewWriter(&buf), fn: block, marks: texts != nil, texts: texts}
	for n := d.root.FirstChild(); n != nil; n = n.NextSibling() {
		buf.Reset()
		w.Reset(&buf)
		if texts != nil {
			texts.Start(&buf, len(chunks))
		}
		if err := md.Renderer().Render(w, d.src, n); err != nil {
			return nil, err
		}
		c := Chunk{Kind: chunkKind(n), HTML: bytes.Clone(buf.Bytes()), Line: d.lines.line(nodePos(n))}
		if h, ok := n.(*ast.Heading); ok {
			if id, ok := h.AttributeString("id"); ok {
				c.HeadingID = strings.TrimPrefix(figmark.AttrString(id), anchors.IDMark)
			}
		}
		chunks = append(chunks, c)
	}
	return chunks, nil
}

// The kinds of chunk that the pages showing chunks tell apart (Chunk.Kind).
const (
	ChunkHeading = "heading"
	ChunkFigure  = "figure" // a ```chart or ```table block
)

func chunkKind(n ast.Node) string {
	switch n.Kind() {
	case ast.KindHeading:
		return ChunkHeading
	case ast.KindParagraph, ast.KindTextBlock:
		return "paragraph"
	case ast.KindList:
		return "list"
	case ast.KindBlockquote:
		return "blockquote"
	case east.KindTable:
		return "table"
	case kindBlock:
		return ChunkFigure
	case ast.KindFencedCodeBlock, ast.KindCodeBlock:
		return "code"
	case ast.KindThematicBreak:
		return "rule"
	case ast.KindHTMLBlock:
		return "html"
	case east.KindFootnoteList:
		return "footnotes"
	}
	return "block"
}
