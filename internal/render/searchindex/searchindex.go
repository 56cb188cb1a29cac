// Package searchindex makes a site's search index (internal/search) from
// what its pages show: each section's headings, paragraphs and charts, the
// data tables and their rows, and the glossary, each passage with the
// address of the page and anchor that shows it.
package searchindex

import (
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
	"reportsite/internal/render/view"
	"reportsite/internal/search"
)

// Write writes the search index of one corpus: the hand-written language
// src and the languages derived from it.
func Write(b view.Builder, src lang.Lang) error {
	c := search.Corpus{Name: src.Prefix}
	for _, l := range b.Site().Languages {
		if l.Tag == src.Tag || l.Derive == src.Tag {
			c.Langs = append(c.Langs, searchLang(b, l))
		}
	}
	// Each file goes out as it is made (a long report's token shards were
	// tens of megabytes).
	return search.Emit(c, search.Options{}, func(f search.File) error {
		b.Add(f.Path, f.Data)
		return nil
	})
}

// searchLang collects the passages of language l in a fixed order, the same
// in every language: each section's headings, paragraphs and charts, then
// the data tables and their rows, then the glossary.
func searchLang(b view.Builder, l lang.Lang) search.Lang {
	site, m, ui := b.Site(), b.Model(), b.UI()
	o, hasPair := site.Partner(l)
	sl := search.Lang{Prefix: l.Prefix, Tag: l.Tag, Name: l.Name, Style: l.NumberStyle()}
	if hasPair {
		sl.Pair = o.Prefix
	}
	add := func(d search.Doc) { sl.Docs = append(sl.Docs, d) }
	for i, sec := range site.Sections {
		sl.Sections = append(sl.Sections, view.SectionTitle(sec, l))
		d := m.Doc(sec, l)
		if d == nil || d.Doc == nil {
			continue
		}
		var other []markdown.Para
		if od := m.Doc(sec, o); hasPair && od != nil && od.Doc != nil {
			other = m.SearchParas(sec, o)
		}
		paras := m.SearchParas(sec, l)
		hs := d.Doc.Headings
		heading := ""
		page := sec.Slug + ".html"
		for j, p := range paras {
			for len(hs) > 0 && hs[0].Line <= p.Line {
				heading = hs[0].Text
				add(search.Doc{Href: page + "#" + hs[0].ID, Pair: pairHref(page+"#"+hs[0].ID, hasPair), Section: i, Text: hs[0].Text})
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
			add(search.Doc{Href: page + "#" + h.ID, Pair: pairHref(page+"#"+h.ID, hasPair), Section: i, Text: h.Text})
		}
		for _, r := range d.Doc.Blocks {
			if c, ok := site.Charts[r.ID]; ok && r.Kind == markdown.BlockChart {
				href := page + "#" + addr.Chart(c.ID)
				add(search.Doc{Href: href, Pair: pairHref(href, hasPair), Section: i, Heading: ui.Get("charts", l),
					Text: strings.TrimSpace(c.Title.In(l) + " " + c.Subtitle.In(l))})
			}
		}
	}
	for _, t := range site.Tables {
		href := addr.KindData.File() + "#" + addr.Table(t.ID)
		add(search.Doc{Href: href, Pair: pairHref(href, hasPair), Section: -1, Heading: ui.Get("data", l),
			Text: strings.TrimSpace(t.Title.In(l) + " " + t.Note.In(l))})
		for _, r := range t.Rows {
			add(searchRow(site, t, r, l, href, hasPair))
		}
	}
	glossary := addr.KindAbout.File() + "#glossary"
	for _, term := range site.Glossary {
		// The term in every language, this one first: an English query
		// finds the Chinese name, and the reverse.
		parts := []string{term.Text.In(l)}
		for _, x := range site.Languages {
			if x.Tag != l.Tag && term.Text.In(x) != "" && term.Text.In(x) != parts[0] {
				parts = append(parts, term.Text.In(x))
			}
		}
		add(search.Doc{Href: glossary, Pair: pairHref(glossary, hasPair), Section: -1, Heading: ui.Get("glossary", l),
			Text: strings.Join(parts, " — ")})
	}
	return sl
}

// searchRow is a data table's row: its text cells and its numbers as the
// page shows them, and the numbers' exact values.
func searchRow(site *content.Site, t *dataset.Table, r dataset.Row, l lang.Lang, href string, hasPair bool) search.Doc {
	var parts []string
	var vals []float64
	for _, c := range t.Columns {
		cell := r.Cell(c.Key)
		switch {
		case cell.HasNum:
			parts = append(parts, lang.Format(cell.Num, site.Units[c.Unit], l))
			vals = append(vals, cell.Num)
		case cell.Text.In(l) != "":
			parts = append(parts, cell.Text.In(l))
		}
	}
	return search.Doc{Href: href, Pair: pairHref(href, hasPair), Section: -1, Heading: t.Title.In(l),
		Text: strings.Join(parts, " · "), Values: vals}
}

// pairHref is href in the paired language's folder, where the same page
// and anchor exist.
func pairHref(href string, hasPair bool) string {
	if !hasPair {
		return ""
	}
	return href
}

// paraHref returns the address, from a page of the same language, of
// paragraph i (its index in the section's markdown.Doc.Paras) on the
// section's own page. The full report and the parallel page carry the same
// anchor after the section's prefix "s-<slug>-".
func paraHref(sec *content.Section, i int) string {
	return sec.Slug + ".html#" + addr.Para(i)
}
