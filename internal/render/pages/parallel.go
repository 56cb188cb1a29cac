package pages

import (
	"html"
	"html/template"
	"maps"
	"path"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/load"
	"reportsite/internal/markdown"
	"reportsite/internal/markdown/anchors"
	"reportsite/internal/render/figure"
	"reportsite/internal/render/view"
)

// Parallel writes the parallel text of l: each paragraph of language l
// beside its counterpart in o.
func Parallel(b view.Builder, l, o lang.Lang) error {
	site, m := b.Site(), b.Model()
	p := view.NewPage(b, l, addr.KindParallel, addr.KindParallel.File(), b.UI().Get("parallel", l))
	p.Other = o
	p.Crumbs = append(p.Crumbs, view.Link{Text: p.Title})
	p.Alternates = nil
	for _, a := range site.Languages {
		if _, ok := site.Partner(a); ok {
			p.Alternates = append(p.Alternates, view.Alternate{Lang: a, Href: addr.Rel(p.Path, b.PagePath(addr.KindParallel, a)), Current: a.Tag == l.Tag})
		}
	}
	for _, sec := range site.Sections {
		for _, x := range []lang.Lang{l, o} {
			if d := m.Doc(sec, x); d != nil && d.Prep != nil {
				p.Size += d.Prep.Size() + 100*d.Prep.Len() // and the rows' markup
			}
		}
	}
	// The rows of one section at a time, made as the template reaches
	// them (or by the build's workers: view.Builder.Parts): the whole text
	// of a long report is never held at once.
	rows := func(i int) (template.HTML, error) {
		sec := site.Sections[i]
		le, err := view.RenderSection(b, sec, l, figure.Page{Path: p.Path})
		if err != nil {
			return "", err
		}
		re, err := view.RenderSection(b, sec, o, figure.Page{Path: p.Path})
		if err != nil {
			return "", err
		}
		var rows strings.Builder
		left, right := le.Chunks, re.Chunks
		n := 0
		for _, cs := range [][]markdown.Chunk{left, right} {
			for _, c := range cs {
				n += len(c.HTML) + 80 // and the row's markup
			}
		}
		rows.Grow(n)
		anchor := addr.InSection(sec.Slug)
		lm, am := pairMaps(m, sec, l, o, left, right, anchor)
		rm := otherFolder{am, p.Path, o}
		heading := func(id, title string) string {
			if id != "" {
				id = ` id="` + id + `"`
			}
			return "<h2" + id + ">" + template.HTMLEscapeString(title) + "</h2>"
		}
		writePair(&rows, l, o, true, []byte(heading(addr.Section(sec.Slug), view.SectionTitle(sec, l))), []byte(heading("", view.SectionTitle(sec, o))), nil, nil)
		for i := 0; i < max(len(left), len(right)); i++ {
			var lh, rh []byte
			isHeading := false
			if i < len(left) {
				lh = left[i].HTML
				isHeading = left[i].Kind == markdown.ChunkHeading
			}
			if i < len(right) && right[i].Kind != markdown.ChunkFigure {
				// A figure shows once, in the page's language.
				rh = right[i].HTML
			}
			writePair(&rows, l, o, isHeading, lh, rh, lm, rm)
		}
		return template.HTML(rows.String()), nil
	}
	get := b.Parts(rows)
	var failed error
	p.Pairs = func(yield func(template.HTML) bool) {
		for i := range site.Sections {
			h, err := get(i)
			if err != nil {
				failed = err
				return
			}
			if !yield(h) {
				return
			}
		}
	}
	if err := b.Emit(addr.KindParallel, p); err != nil {
		return err
	}
	return failed
}

// pairMaps returns how the parallel text renames the anchors of a section's
// two columns: the left column's IDs get the section's prefix, as in the
// full report; the right column drops its heading and paragraph IDs (the
// left column's are the row's anchors, and a link to one of its own leads to
// the left one at the same place) and gives its other IDs, such as
// footnotes, a prefix of their own.
func pairMaps(m *load.Model, sec *content.Section, l, o lang.Lang, left, right []markdown.Chunk, prefix string) (lm, rm view.AnchorMap) {
	lm = view.Prefixed(markdown.IDs(left), prefix)
	rm = view.Prefixed(markdown.IDs(right), addr.InSectionAlt(sec.Slug))
	rm.Refs = maps.Clone(rm.Refs) // changed apart from IDs below
	var lh, rh []markdown.Heading
	if d := m.Doc(sec, l); d != nil && d.Doc != nil {
		lh = d.Doc.Headings
	}
	if d := m.Doc(sec, o); d != nil && d.Doc != nil {
		rh = d.Doc.Headings
	}
	for id := range rm.IDs {
		if addr.InPara(id) {
			rm.IDs[id], rm.Refs[id] = "", lm.Refs[id]
			if rm.Refs[id] == "" {
				rm.Refs[id] = strings.TrimSuffix(prefix, "-")
			}
		}
	}
	for i, h := range rh {
		rm.IDs[h.ID] = ""
		rm.Refs[h.ID] = strings.TrimSuffix(prefix, "-")
		if i < len(lh) {
			rm.Refs[h.ID] = lm.Refs[lh[i].ID]
		}
	}
	return lm, rm
}

// otherFolder is how the parallel text writes its right column: IDs as
// pairMaps decides, and images addressed in the folder of the column's
// language, where that language's sections show them (an image beside a
// section is copied to its language's folder only).
type otherFolder struct {
	view.AnchorMap
	page string    // the parallel page's site path
	lang lang.Lang // the column's language
}

func (o otherFolder) Link(u []byte, img bool) string {
	v := html.UnescapeString(string(u))
	if !img || v == "" || strings.HasPrefix(v, "/") || strings.HasPrefix(v, "#") || strings.Contains(v, ":") {
		return string(u)
	}
	return html.EscapeString(addr.Rel(o.page, path.Join(o.lang.Prefix, v)))
}

// writePair writes one row of the parallel text: left in language l and
// right in o, their anchors renamed by lm and rm. Rows are built here rather
// than in the template: a long report has tens of thousands.
func writePair(b *strings.Builder, l, o lang.Lang, heading bool, left, right []byte, lm, rm anchors.Anchors) {
	b.WriteString("\n<div class=\"pair")
	if heading {
		b.WriteString(" pair-heading")
	}
	b.WriteString("\">\n<div class=\"col\" lang=\"")
	template.HTMLEscape(b, []byte(l.Tag))
	b.WriteString("\">")
	anchors.Write(b, left, lm)
	b.WriteString("</div>\n<div class=\"col\" lang=\"")
	template.HTMLEscape(b, []byte(o.Tag))
	b.WriteString("\">")
	anchors.Write(b, right, rm)
	b.WriteString("</div>\n</div>")
}
