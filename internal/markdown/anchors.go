package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"reportsite/internal/markdown/anchors"
)

// The IDs and addresses of prepared chunks are decided by package anchors,
// when a page writes them; these names are its own, for the pages that
// write chunks.
type (
	// Anchors is [anchors.Anchors].
	Anchors = anchors.Anchors
	// Prefix is [anchors.Prefix].
	Prefix = anchors.Prefix
	// Links is [anchors.Links].
	Links = anchors.Links
)

// MarkID returns id as an id attribute's value in prepared HTML, for
// elements added to a chunk before it is written (see [Write]).
func MarkID(id string) string { return anchors.MarkID(id) }

// Write writes a chunk's HTML, as [Prepared.Fill] returns it, to b with
// each ID its Markdown defines, and each link to one, as a decides; a nil a
// keeps them as they are.
func Write(b *strings.Builder, html []byte, a Anchors) { anchors.Write(b, html, a) }

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
		prefix, _ := doc.Meta()[metaPrefix].([]byte)
		doc.AddMeta(metaPrefix, append([]byte(anchors.IDMark), prefix...))
	}
}
