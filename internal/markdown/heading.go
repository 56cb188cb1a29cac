package markdown

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"reportsite/internal/addr"
	"reportsite/internal/markdown/figmark"
	"reportsite/internal/markdown/plain"
)

// headingTransformer gives every heading its positional or explicit ID,
// drops every other attribute, and records the headings.
type headingTransformer struct{}

func (headingTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return
	}
	src := reader.Source()

	var headings []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			headings = append(headings, h)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})

	var count [7]int // count[l]: headings of level l since the last of a higher level
	explicit := map[string]int{}
	prev := 1 // the page title
	for _, h := range headings {
		off := nodePos(h)
		given, hasGiven := h.AttributeString("id")
		h.RemoveAttributes()

		if h.Level == 1 {
			st.errorf(off, "the section's title is its only level-1 heading; start sub-sections with ##",
				"level-1 heading in a section body")
			continue
		}
		if h.Level > prev+1 {
			st.errorf(off, fmt.Sprintf("use %s here, or add the missing level above it", strings.Repeat("#", prev+1)),
				"heading level %d follows level %d", h.Level, prev)
		}
		prev = h.Level
		count[h.Level]++
		for l := h.Level + 1; l < len(count); l++ {
			count[l] = 0
		}
		id := addr.Heading(count[2 : h.Level+1])

		if hasGiven {
			g := figmark.AttrString(given)
			line := st.lines.line(off)
			switch {
			case !validExplicitID(g):
				st.errorf(off, "start with a letter; use letters, digits, - and _ only",
					"invalid heading ID %q", g)
			case addr.IsHeading(g) || addr.IsPara(g):
				st.errorf(off, "choose another ID: h-1, h-1-2, … are given to headings by position, p-1, p-2, … to paragraphs",
					"heading ID %q is reserved", g)
			case explicit[g] != 0:
				st.errorf(off, fmt.Sprintf("the ID is used already at line %d; choose another", explicit[g]),
					"duplicate heading ID %q", g)
			default:
				explicit[g] = line
				id = g
			}
		}
		h.SetAttributeString("id", []byte(id))
		st.headings = append(st.headings, Heading{
			Level: h.Level,
			ID:    id,
			Text:  plain.Text(h, src, kindBlock),
			Line:  st.lines.line(off),
		})
	}
}

func validExplicitID(id string) bool {
	if id == "" || !isLetter(id[0]) {
		return false
	}
	for i := 1; i < len(id); i++ {
		c := id[i]
		if !isLetter(c) && !('0' <= c && c <= '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
