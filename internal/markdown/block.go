package markdown

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"reportsite/internal/addr"
	"reportsite/internal/markdown/figmark"
)

// BlockFunc renders a ```chart or ```table block; kind is BlockChart or BlockTable.
// What it returns is written into the page as it is: it must be safe HTML.
type BlockFunc func(kind, id string) ([]byte, error)

// BlockError is a BlockFunc's error, with the block it was rendering.
type BlockError struct {
	Ref Ref
	Err error
}

// Error formats the error as line: kind id: cause.
func (e *BlockError) Error() string {
	return fmt.Sprintf("%d: %s %s: %v", e.Ref.Line, e.Ref.Kind, e.Ref.ID, e.Err)
}

// Unwrap returns the BlockFunc's error.
func (e *BlockError) Unwrap() error { return e.Err }

// kindBlock is the AST kind of a ```chart or ```table block.
var kindBlock = ast.NewNodeKind("ReportBlock")

// blockNode replaces a fenced code block that places a chart or a table.
type blockNode struct {
	ast.BaseBlock
	ref Ref
}

func (n *blockNode) Kind() ast.NodeKind { return kindBlock }

func (n *blockNode) IsRaw() bool { return true }

func (n *blockNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Kind": n.ref.Kind, "ID": n.ref.ID}, nil)
}

// The kinds of block a fenced block's info string makes ours (BlockRef.Kind).
const (
	BlockChart = "chart"
	BlockTable = "table"
)

// blockKinds are the info-string words that make a fenced block ours.
var blockKinds = map[string]bool{BlockChart: true, BlockTable: true}

// blockTransformer replaces fenced blocks whose info string is "chart ID"
// or "table ID" with blockNodes. It collects first and replaces after, so
// that the walk never sees a tree it is changing.
type blockTransformer struct{}

func (blockTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return
	}
	src := reader.Source()
	var fences []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering {
			fences = append(fences, f)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, f := range fences {
		if f.Info == nil {
			continue
		}
		words := strings.Fields(string(f.Info.Segment.Value(src)))
		if len(words) == 0 || !blockKinds[words[0]] {
			continue
		}
		kind, off := words[0], nodePos(f)
		switch {
		case len(words) == 1:
			st.errorf(off, fmt.Sprintf("write ```%s <id>, the ID of a %s in content/data", kind, kind),
				"%s block without an ID", kind)
			continue
		case !addr.ValidID(words[1]):
			st.errorf(off, addr.IDHint,
				"invalid %s ID %q", kind, words[1])
			continue
		case len(words) > 2:
			st.errorf(off, fmt.Sprintf("write ```%s %s and nothing after the ID", kind, words[1]),
				"unexpected %q after %s ID %s", strings.Join(words[2:], " "), kind, words[1])
			continue
		case f.Lines().Len() > 0:
			st.errorf(off, fmt.Sprintf("a %s is set up in content/data; leave the block empty", kind),
				"%s block %s is not empty", kind, words[1])
			continue
		}
		n := &blockNode{ref: Ref{Kind: kind, ID: words[1], Line: st.lines.line(off)}}
		n.SetPos(off)
		n.SetLines(f.Lines())
		n.SetBlankPreviousLines(f.HasBlankPreviousLines())
		st.blocks = append(st.blocks, n.ref)
		if p := f.Parent(); p != nil {
			p.ReplaceChild(p, f, n)
		}
	}
}

// blockWriter carries the caller's BlockFunc to blockRenderer through the
// writer goldmark hands every node renderer, so one shared renderer serves
// many pages, each with its own function.
type blockWriter struct {
	*bufio.Writer
	fn    BlockFunc
	marks bool              // mark IDs and same-page links with anchors.IDMark
	texts *figmark.Recorder // where Prepare records the text of paragraphs, for Mark
}

type blockRenderer struct{}

func (blockRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(kindBlock, renderBlock)
}

// renderBlock is the one place where the caller's HTML enters a page.
func renderBlock(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	bw, ok := w.(*blockWriter)
	if !ok || bw.fn == nil {
		return ast.WalkSkipChildren, nil
	}
	b := n.(*blockNode)
	out, err := bw.fn(b.ref.Kind, b.ref.ID)
	if err != nil {
		return ast.WalkStop, &BlockError{Ref: b.ref, Err: err}
	}
	_, _ = w.Write(out)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		_ = w.WriteByte('\n')
	}
	return ast.WalkSkipChildren, nil
}
