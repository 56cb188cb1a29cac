// Package gfm adjusts goldmark's GitHub Flavored Markdown for report pages,
// with no knowledge of reports: emphasis and strikethrough that work beside
// Chinese punctuation, and table alignment as classes rather than inline
// styles, which the pages' Content-Security-Policy refuses.
package gfm

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// InlineParsers returns goldmark's default inline parsers with CJK-friendly
// emphasis in place of CommonMark's.
func InlineParsers() []util.PrioritizedValue {
	inlines := parser.DefaultInlineParsers()
	for i, v := range inlines {
		if v.Value == parser.NewEmphasisParser() {
			inlines[i].Value = cjkEmphasisParser{}
		}
	}
	return inlines
}

// Extension adds CJK-friendly strikethrough (~~text~~) and the alignment
// classes of table cells. Use it with goldmark's table extension set to
// extension.TableCellAlignNone and with InlineParsers.
var Extension goldmark.Extender = ext{}

type ext struct{}

func (ext) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(cjkStrikeParser{}, 500)))
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(alignTransformer{}, 120)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500)))
}
