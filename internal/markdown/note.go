package markdown

import (
	"github.com/yuin/goldmark/ast"

	"reportsite/internal/markdown/figmark"
	"reportsite/internal/markdown/note"
)

// Note is a translator's note: a gloss the translator added, which is not
// the report's words.
type Note struct {
	Text    string // plain text, without the brackets
	Line    int
	Heading string // ID of the heading the note falls under; "" before the first
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
				heading = figmark.AttrString(id)
			}
		case *note.Node:
			notes = append(notes, Note{Text: n.Gloss(src), Line: st.lines.line(nodePos(n)), Heading: heading})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return notes
}
