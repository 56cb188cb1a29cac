package view

import (
	"html/template"
	"strings"

	"reportsite/internal/lang"
)

// Keep writes s as HTML in which a number keeps its prefix, scale, unit
// word or counter on one line (lang.NoBreaks): for titles, headings and
// key figures, where 第 at a line's end or 門元 at the next one's start is
// seen at once.
func (p *Page) Keep(s string) template.HTML {
	var words []string
	for _, u := range p.Site.Units {
		words = append(words, u.Words.In(p.Lang))
	}
	spans := lang.NoBreaks(p.Lang, s, words)
	if len(spans) == 0 {
		return template.HTML(template.HTMLEscapeString(s))
	}
	rs := []rune(s)
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		b.WriteString(template.HTMLEscapeString(string(rs[at:sp.Start])))
		b.WriteString(`<span class="nb">`)
		b.WriteString(template.HTMLEscapeString(string(rs[sp.Start:sp.End])))
		b.WriteString(`</span>`)
		at = sp.End
	}
	b.WriteString(template.HTMLEscapeString(string(rs[at:])))
	return template.HTML(b.String())
}
