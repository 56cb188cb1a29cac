// Package data makes the data page, every table of the report with its
// downloads, and the downloads themselves: each table as JSON (all
// languages) and as CSV (one file per language).
package data

import (
	"html/template"

	"reportsite/internal/addr"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
	"reportsite/internal/render/figure"
	"reportsite/internal/render/view"
)

// Page writes the data page of l.
func Page(b view.Builder, l lang.Lang) error {
	p := view.NewPage(b, l, addr.KindData, addr.KindData.File(), b.UI().Get("data", l))
	p.Crumbs = append(p.Crumbs, view.Link{Text: p.Title})
	// Each table is made as the template reaches it and not kept (nor
	// taken from what the section pages keep, which would keep it from
	// the start): at 5,000 sections in three languages the data pages'
	// tables were 200 MB of the live heap.
	for _, t := range reportOrder(b, l) {
		tv := view.Table{ID: t.ID, Anchor: addr.Table(t.ID), Title: t.Title.In(l), Make: func() (template.HTML, error) {
			h, err := b.Figures().TableFresh(t, l, figure.Page{Path: p.Path})
			return template.HTML(h), err
		}}
		p.Size += tableSize(t)
		for _, c := range t.Charts {
			tv.Used = append(tv.Used, view.Link{Href: "#", Text: c.Title.In(l)})
		}
		p.Tables = append(p.Tables, tv)
	}
	return b.Emit(addr.KindData, p)
}

// tableSize is about the length of table t's figure, for the page's size
// (view.StreamSize): a large data page is written as it is made.
func tableSize(t *dataset.Table) int {
	return 1536 + 64*len(t.Columns) + 48*len(t.Rows)*len(t.Columns)
}

// reportOrder returns the tables in the order the report first shows them,
// as a table or through a chart, section by section; tables it never shows
// follow in file order.
func reportOrder(b view.Builder, l lang.Lang) []*dataset.Table {
	site, m := b.Site(), b.Model()
	var out []*dataset.Table
	seen := map[*dataset.Table]bool{}
	add := func(t *dataset.Table) {
		if t != nil && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, sec := range site.Sections {
		d := m.Doc(sec, l)
		if d == nil || d.Doc == nil {
			continue
		}
		for _, r := range d.Doc.Blocks {
			switch r.Kind {
			case markdown.BlockTable:
				t, _ := site.Table(r.ID)
				add(t)
			case markdown.BlockChart:
				if c := site.Charts[r.ID]; c != nil {
					add(c.Table)
				}
			}
		}
	}
	for _, t := range site.Tables {
		add(t)
	}
	return out
}

// Files writes table t as JSON (all languages) and CSV (per language).
func Files(b view.Builder, t *dataset.Table) error {
	site := b.Site()
	b.Add(addr.JSON(t.ID), t.JSON())
	for _, l := range site.Languages {
		b.Add(addr.CSV(t.ID, l.Prefix), t.CSV(l, site.Units))
	}
	return nil
}
