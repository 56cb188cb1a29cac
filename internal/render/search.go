package render

import (
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
	"reportsite/internal/render/view"
	"reportsite/internal/search"
)

// searchIndex writes the search index (internal/search) of one corpus: the
// hand-written language src and the languages derived from it.
func (b *builder) searchIndex(src lang.Lang) error {
	c := search.Corpus{Name: src.Prefix}
	for _, l := range b.site.Languages {
		if l.Tag == src.Tag || l.Derive == src.Tag {
			c.Langs = append(c.Langs, b.searchLang(l))
		}
	}
	files, err := search.Build(c, search.Options{})
	if err != nil {
		return err
	}
	for _, f := range files {
		b.add(f.Path, f.Data)
	}
	return nil
}

// searchLang collects the passages of language l in a fixed order, the same
// in every language: each section's headings, paragraphs and charts, then
// the data tables and their rows, then the glossary.
func (b *builder) searchLang(l lang.Lang) search.Lang {
	o, hasPair := view.Partner(b.site, l)
	sl := search.Lang{Prefix: l.Prefix, Tag: l.Tag, Name: l.Name, Style: l.NumberStyle()}
	if hasPair {
		sl.Pair = o.Prefix
	}
	add := func(d search.Doc) { sl.Docs = append(sl.Docs, d) }
	for i, sec := range b.site.Sections {
		sl.Sections = append(sl.Sections, view.SectionTitle(sec, l))
		d := b.m.Doc(sec, l)
		if d == nil || d.Doc == nil {
			continue
		}
		var other []markdown.Para
		if od := b.m.Doc(sec, o); hasPair && od != nil && od.Doc != nil {
			other = b.m.SearchParas(sec, o)
		}
		paras := b.m.SearchParas(sec, l)
		hs := d.Doc.Headings
		heading := ""
		page := sec.Slug + ".html"
		for j, p := range paras {
			for len(hs) > 0 && hs[0].Line <= p.Line {
				heading = hs[0].Text
				add(search.Doc{Href: page + "#" + hs[0].ID, Pair: b.pairHref(page+"#"+hs[0].ID, hasPair), Section: i, Text: hs[0].Text})
				hs = hs[1:]
			}
			doc := search.Doc{Href: page, Section: i, Heading: heading, Text: p.Text}
			if p.ID != "" {
				doc.Href = paraHref(sec, j)
			}
			if hasPair {
				doc.Pair = page
				if j < len(other) && other[j].ID != "" {
					doc.Pair += "#" + other[j].ID
				}
			}
			add(doc)
		}
		for _, h := range hs {
			add(search.Doc{Href: page + "#" + h.ID, Pair: b.pairHref(page+"#"+h.ID, hasPair), Section: i, Text: h.Text})
		}
		for _, r := range d.Doc.Blocks {
			if c, ok := b.site.Charts[r.ID]; ok && r.Kind == "chart" {
				href := page + "#" + addr.Chart(c.ID)
				add(search.Doc{Href: href, Pair: b.pairHref(href, hasPair), Section: i, Heading: b.ui.Get("charts", l),
					Text: strings.TrimSpace(c.Title.In(l) + " " + c.Subtitle.In(l))})
			}
		}
	}
	for _, t := range b.site.Tables {
		href := fileOf("data") + "#" + addr.Table(t.ID)
		add(search.Doc{Href: href, Pair: b.pairHref(href, hasPair), Section: -1, Heading: b.ui.Get("data", l),
			Text: strings.TrimSpace(t.Title.In(l) + " " + t.Note.In(l))})
		for _, r := range t.Rows {
			add(b.searchRow(t, r, l, href, hasPair))
		}
	}
	glossary := fileOf("about") + "#glossary"
	for _, term := range b.site.Glossary {
		// The term in every language, this one first: an English query
		// finds the Chinese name, and the reverse.
		parts := []string{term.Text.In(l)}
		for _, x := range b.site.Languages {
			if x.Tag != l.Tag && term.Text.In(x) != "" && term.Text.In(x) != parts[0] {
				parts = append(parts, term.Text.In(x))
			}
		}
		add(search.Doc{Href: glossary, Pair: b.pairHref(glossary, hasPair), Section: -1, Heading: b.ui.Get("glossary", l),
			Text: strings.Join(parts, " — ")})
	}
	return sl
}

// searchRow is a data table's row: its text cells and its numbers as the
// page shows them, and the numbers' exact values.
func (b *builder) searchRow(t *dataset.Table, r dataset.Row, l lang.Lang, href string, hasPair bool) search.Doc {
	var parts []string
	var vals []float64
	for _, c := range t.Columns {
		cell := r.Cells[c.Key]
		switch {
		case cell.HasNum:
			parts = append(parts, lang.Format(cell.Num, b.site.Units[c.Unit], l))
			vals = append(vals, cell.Num)
		case cell.Text.In(l) != "":
			parts = append(parts, cell.Text.In(l))
		}
	}
	return search.Doc{Href: href, Pair: b.pairHref(href, hasPair), Section: -1, Heading: t.Title.In(l),
		Text: strings.Join(parts, " · "), Values: vals}
}

// pairHref is href in the paired language's folder, where the same page
// and anchor exist.
func (b *builder) pairHref(href string, hasPair bool) string {
	if !hasPair {
		return ""
	}
	return href
}
