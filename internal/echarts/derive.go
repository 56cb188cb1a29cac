package echarts

import (
	"fmt"

	"reportsite/internal/echarts/translit"
)

// Derive returns c's SVG made from the drawing of from, without drawing c,
// when c's option is from's with some Chinese characters replaced by
// others one for one, each always by the same: the option of a language
// converted from another (zh-Hans from zh-Hant, say), whose text differs
// only in the characters' forms. ECharts gives every such character the same
// width (a full em) and may break a line between any two, so the drawing of
// c is from's with the same characters replaced, and that is what Derive
// makes. ok is false when the options differ in any other way (a number,
// a word, a character's width, a replacement that depends on its context);
// c is then to be drawn with Render. Only from's ID, title and description
// need not be c's: they are not part of the drawing.
func (r *Renderer) Derive(from, c Chart) (svg []byte, ok bool, err error) {
	if err := c.validate(); err != nil {
		return nil, false, err
	}
	if from.Width != c.Width || from.Height != c.Height {
		return nil, false, nil
	}
	m, ok := translit.Map(from.Option, c.Option)
	if !ok {
		return nil, false, nil
	}
	if err := checkOption(from.Option); err != nil {
		return nil, false, fmt.Errorf("chart %s: option: %w", c.ID, err)
	}
	tree, _, err := r.tree(from, false)
	if err != nil {
		return nil, false, fmt.Errorf("chart %s: %w", c.ID, err)
	}
	svg, err = buildSVG(transliterate(tree, m), c)
	if err != nil {
		return nil, false, fmt.Errorf("chart %s: %w", c.ID, err)
	}
	r.derived.Add(1)
	return svg, true, nil
}

// transliterate returns a copy of n with m's replacements made in its text
// and attribute values.
func transliterate(n *node, m map[rune]rune) *node {
	if n == nil {
		return nil
	}
	out := &node{Tag: n.Tag, Text: translit.Replace(n.Text, m)}
	if n.Attrs != nil {
		out.Attrs = make([][2]string, len(n.Attrs))
		for i, a := range n.Attrs {
			out.Attrs[i] = [2]string{a[0], translit.Replace(a[1], m)}
		}
	}
	if n.Children != nil {
		out.Children = make([]*node, len(n.Children))
		for i, k := range n.Children {
			out.Children[i] = transliterate(k, m)
		}
	}
	return out
}
