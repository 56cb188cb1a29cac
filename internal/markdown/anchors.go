package markdown

import (
	"github.com/yuin/goldmark/ast"

	"reportsite/internal/markdown/anchors"
)

// The IDs and addresses of prepared chunks are decided by package anchors
// when a page writes them (anchors.Write).

// IDs returns the IDs that chunks, as [Prepared.Fill] returns them, define
// (not those of the figures in them), in order.
func IDs(chunks []Chunk) []string {
	var out []string
	for _, c := range chunks {
		out = anchors.IDs(out, c.HTML)
	}
	return out
}

// markFootnotes makes the footnotes' IDs, which goldmark writes after a
// prefix of ours, start with anchors.IDMark.
func markFootnotes(root ast.Node) {
	if doc, ok := root.(*ast.Document); ok {
		doc.AddMeta(metaPrefix, []byte(anchors.IDMark))
	}
}
