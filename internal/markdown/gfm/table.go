package gfm

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// alignTransformer marks aligned GFM table cells with a class (align-left,
// align-center, align-right) at parse time. goldmark's own style="text-align"
// is refused by the pages' Content-Security-Policy (style-src 'self'), and
// goldmark adds it while rendering, changing the tree each time.
type alignTransformer struct{}

var alignClass = map[east.Alignment][]byte{
	east.AlignLeft:   []byte("align-left"),
	east.AlignCenter: []byte("align-center"),
	east.AlignRight:  []byte("align-right"),
}

func (alignTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*east.TableCell); ok && entering {
			if class, ok := alignClass[c.Alignment]; ok {
				c.SetAttributeString("class", class)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}
