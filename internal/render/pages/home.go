package pages

import (
	"html/template"

	"reportsite/internal/addr"
	"reportsite/internal/lang"
	"reportsite/internal/load"
	"reportsite/internal/render/figure"
	"reportsite/internal/render/view"
)

// Overview writes the overview of l: key figures, charts and contents.
func Overview(b view.Builder, l lang.Lang) error {
	site, m, fig := b.Site(), b.Model(), b.Figures()
	p := view.NewPage(b, l, addr.KindOverview, addr.KindOverview.File(), site.Title.In(l))
	p.Crumbs = nil
	secs, err := view.Sections(b, l, false, figure.Page{Path: p.Path})
	if err != nil {
		return err
	}
	p.Sections = secs
	for _, c := range site.Overview.Cards {
		t, _ := site.Table(c.Table)
		r, _ := t.Row(c.Row)
		col, _ := t.Column(c.Column)
		cell := r.Cell(c.Column)
		cd := view.Card{Label: c.Label.In(l), Value: lang.FormatDec(cell.Num, cell.Decimals(), site.Units[col.Unit], l)}
		if c.Detail != "" {
			dc, _ := t.Column(c.Detail)
			dcell := r.Cell(c.Detail)
			cd.Detail = lang.FormatDec(dcell.Num, dcell.Decimals(), site.Units[dc.Unit], l)
			cd.DetailLabel = dc.Label.In(l)
		}
		if sec := m.Section(t.SourceOf(r, c.Column).Section); sec != nil {
			cd.Href = sec.Slug + ".html"
		}
		if h := fig.StatedHref(load.CellKey{Table: c.Table, Row: c.Row, Col: c.Column}, l, figure.Page{Path: p.Path}); h != "" {
			cd.Href, cd.Stated = h, true
		}
		p.Cards = append(p.Cards, cd)
	}
	for _, id := range site.Overview.Charts {
		f, err := fig.Chart(site.Charts[id], l, figure.Page{Path: p.Path})
		if err != nil {
			return err
		}
		p.Figures = append(p.Figures, template.HTML(f))
		p.HasCharts = true
	}
	return b.Emit(addr.KindOverview, p)
}

// Root writes the page at path that lets the reader choose a language;
// it works without JavaScript.
func Root(b view.Builder, path string) error {
	site := b.Site()
	l := site.Languages[0]
	p := view.RootPage(b, l, addr.KindRoot, path)
	for _, o := range site.Languages {
		p.Langs = append(p.Langs, view.LangLink{Lang: o, Href: b.PagePath(addr.KindOverview, o), Title: site.Title.In(o)})
		p.Alternates = append(p.Alternates, view.Alternate{Lang: o, Href: b.PagePath(addr.KindOverview, o), Path: b.PagePath(addr.KindOverview, o)})
	}
	return b.Emit(addr.KindRoot, p)
}

// NotFound writes the page at path that a server shows for a missing
// page: a link to each language's overview.
func NotFound(b view.Builder, path string) error {
	site := b.Site()
	l := site.Languages[0]
	p := view.RootPage(b, l, addr.KindNotFound, path)
	for _, o := range site.Languages {
		p.Langs = append(p.Langs, view.LangLink{Lang: o, Href: b.PagePath(addr.KindOverview, o), Title: b.UI().Get("not_found", o)})
	}
	return b.Emit(addr.KindNotFound, p)
}
