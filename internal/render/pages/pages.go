// Package pages makes the reader's pages: the overview, each section's own
// page, the full report (on the web, and as the one-file report for handing
// out), the parallel text of two languages, and the site's root and 404
// pages. The data page is internal/render/data's, the About page
// internal/render/offline's.
package pages

import (
	"reportsite/internal/addr"
	"reportsite/internal/lang"
	"reportsite/internal/render/figure"
	"reportsite/internal/render/view"
)

// Section writes the page of section i in l.
func Section(b view.Builder, l lang.Lang, i int) error {
	site := b.Site()
	sec := site.Sections[i]
	p := view.NewPage(b, l, addr.KindSection, sec.Slug+".html", view.SectionTitle(sec, l))
	e, err := view.RenderSection(b, sec, l, figure.Page{Path: p.Path})
	if err != nil {
		return err
	}
	p.Body = e.Body()
	p.TOC = view.TOC(b.Model(), sec, l, "")
	p.Crumbs = append(p.Crumbs, view.Link{Text: p.Title})
	if i > 0 {
		prev := site.Sections[i-1]
		p.Prev = &view.Link{Href: prev.Slug + ".html", Text: view.SectionTitle(prev, l)}
	}
	if i+1 < len(site.Sections) {
		next := site.Sections[i+1]
		p.Next = &view.Link{Href: next.Slug + ".html", Text: view.SectionTitle(next, l)}
	}
	p.HasCharts = view.ShowsChart(b, sec, l)
	return b.Emit(addr.KindSection, p)
}

// Report writes the full report in l: every section on one page.
func Report(b view.Builder, l lang.Lang) error {
	p := view.NewPage(b, l, addr.KindReport, addr.KindReport.File(), b.UI().Get("full_report", l))
	secs, err := view.Sections(b, l, true, figure.Page{Path: p.Path})
	if err != nil {
		return err
	}
	p.Size = view.BodySize(secs)
	view.Stream(b, secs)
	p.Sections = secs
	p.Crumbs = append(p.Crumbs, view.Link{Text: p.Title})
	for _, sec := range b.Site().Sections {
		p.HasCharts = p.HasCharts || view.ShowsChart(b, sec, l)
	}
	return b.Emit(addr.KindReport, p)
}
