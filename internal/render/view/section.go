package view

import (
	"fmt"
	"html/template"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/load"
	"reportsite/internal/markdown"
	"reportsite/internal/markdown/anchors"
	"reportsite/internal/render/figure"
)

// BodySize is about the length of the bodies of views, to size a page's
// buffer.
func BodySize(views []Section) int {
	n := 0
	for _, v := range views {
		if v.b != nil {
			if d := v.b.Model().Doc(v.sec, v.lang); d != nil && d.Prep != nil {
				n += d.Prep.Size()
			}
		}
	}
	return n + n/8
}

// Section is a section as a page that lists or holds every section shows
// it.
type Section struct {
	ID, Href, Number, Title, Summary string
	Heading                          string // number and title
	Anchor                           string
	TOC                              []TOCItem

	// The body, for pages that show it, is rendered when the template
	// reaches it, so a page that holds every section never holds every
	// body at once.
	b     Builder
	sec   *content.Section
	lang  lang.Lang
	page  figure.Page
	links func(anchors.Anchors) anchors.Anchors // on the one-file report, what its links become
	part  func() (template.HTML, error)         // the body as the build's workers made it (Parts)
}

// Body returns the section's body with its IDs prefixed by its anchor.
func (v Section) Body() (template.HTML, error) {
	if v.part != nil {
		return v.part()
	}
	return v.Render()
}

// Render makes the section's body, as Body returns it.
func (v Section) Render() (template.HTML, error) {
	if v.b == nil {
		return "", nil
	}
	e, err := RenderSection(v.b, v.sec, v.lang, v.page)
	if err != nil {
		return "", err
	}
	var a anchors.Anchors = Prefixed(markdown.IDs(e.Chunks), v.Anchor+"-")
	if v.links != nil {
		a = v.links(a)
	}
	return e.Write(a), nil
}

// SetLinks has the section's body write its IDs and links through wrap
// (the one-file report's): wrap is given the IDs the section's anchor
// prefixes.
func (v *Section) SetLinks(wrap func(anchors.Anchors) anchors.Anchors) { v.links = wrap }

// Stream has the bodies of secs, the sections of a page that holds every
// section, made through b.Parts: in a build that streams, by the workers
// that make the section pages, each handed to the page in order.
func Stream(b Builder, secs []Section) {
	get := b.Parts(func(i int) (template.HTML, error) { return secs[i].Render() })
	for i := range secs {
		secs[i].part = func() (template.HTML, error) { return get(i) }
	}
}

// Sections returns the views of every section in l; withBody, with their
// bodies as shown on page pg.
func Sections(b Builder, l lang.Lang, withBody bool, pg figure.Page) ([]Section, error) {
	var out []Section
	for _, sec := range b.Site().Sections {
		t := sec.Texts[l.Tag]
		v := Section{ID: sec.ID, Href: sec.Slug + ".html", Number: t.Number, Title: t.Title, Heading: numbered(t.Number, t.Title), Summary: t.Summary, Anchor: addr.Section(sec.Slug)}
		if withBody {
			v.b, v.sec, v.lang, v.page = b, sec, l, pg
			v.TOC = TOC(b.Model(), sec, l, v.Anchor+"-")
		}
		out = append(out, v)
	}
	return out, nil
}

// RenderSection returns a section's body for language l as seen from a page
// at pagePath: the document prepared when it was parsed, its chart and table
// blocks filled with links relative to the page's folder. A build that
// streams fills it once for all the pages of a folder (figure.Maker.Filled)
// and lets it go with the section; otherwise nothing is kept, as a long
// report's bodies would stay in memory for the whole build.
func RenderSection(b Builder, sec *content.Section, l lang.Lang, pg figure.Page) (*Entry, error) {
	d := b.Model().Doc(sec, l)
	switch {
	case d == nil || d.Doc == nil:
		return nil, fmt.Errorf("section %s has no %s text", sec.ID, l.Tag)
	case d.PrepErr != nil:
		return nil, d.PrepErr
	case d.Prep == nil:
		return nil, fmt.Errorf("section %s (%s) was not prepared for rendering", sec.ID, l.Tag)
	}
	fig, site := b.Figures(), b.Site()
	chunks, err := fig.Filled(sec, l, pg, func() ([]markdown.Chunk, error) {
		return fig.Marked(sec, l, d.Prep).Fill(func(kind, id string) ([]byte, error) {
			switch kind {
			case markdown.BlockChart:
				return fig.Chart(site.Charts[id], l, pg)
			case markdown.BlockTable:
				t, _ := site.Table(id)
				return fig.Table(t, l, pg)
			}
			return nil, fmt.Errorf("unknown block kind %q", kind)
		})
	})
	if err != nil {
		return nil, err
	}
	return &Entry{Chunks: chunks}, nil
}

// Entry is a section's body rendered for one page.
type Entry struct {
	Chunks []markdown.Chunk
}

// ShowsChart reports whether section sec in l shows a chart that may go
// live (drawn charts only: without a chart renderer, charts are tables).
func ShowsChart(b Builder, sec *content.Section, l lang.Lang) bool {
	d := b.Model().Doc(sec, l)
	if !b.DrawsCharts() || d == nil || d.Doc == nil {
		return false
	}
	for _, r := range d.Doc.Blocks {
		if r.Kind == markdown.BlockChart {
			return true
		}
	}
	return false
}

// Body returns the section's body as its own page shows it.
func (e *Entry) Body() template.HTML { return joinChunks(e.Chunks) }

// Write returns the body with the IDs its Markdown defines (headings,
// explicit {#id}s, footnotes), and the links to them, as a decides: among
// all sections each gets the section's prefix, so that no two sections
// share an ID.
func (e *Entry) Write(a anchors.Anchors) template.HTML {
	n := 0
	for _, c := range e.Chunks {
		n += len(c.HTML) + 1
	}
	var b strings.Builder
	b.Grow(n + n/16)
	for _, c := range e.Chunks {
		anchors.Write(&b, c.HTML, a)
		b.WriteByte('\n')
	}
	return template.HTML(b.String())
}

// AnchorMap is the anchors.Anchors of a section on a page it shares with
// others: IDs it does not list stay as they are.
type AnchorMap struct {
	IDs  map[string]string // ID → new ID; "" drops the id attribute
	Refs map[string]string // ID → the ID a link to it leads to now
}

// Prefixed puts prefix before every ID in ids, and every link to one. Its
// IDs and Refs are one map: clone one before changing either.
func Prefixed(ids []string, prefix string) AnchorMap {
	m := make(map[string]string, len(ids))
	for _, id := range ids {
		m[id] = prefix + id
	}
	return AnchorMap{IDs: m, Refs: m}
}

func (m AnchorMap) ID(id []byte) string {
	if v, ok := m.IDs[string(id)]; ok {
		return v
	}
	return string(id)
}

func (m AnchorMap) Ref(id []byte) string {
	if v, ok := m.Refs[string(id)]; ok {
		return v
	}
	return string(id)
}

func joinChunks(cs []markdown.Chunk) template.HTML {
	n := 0
	for _, c := range cs {
		n += len(c.HTML) + 1
	}
	var sb strings.Builder
	sb.Grow(n)
	for _, c := range cs {
		anchors.Write(&sb, c.HTML, nil)
		sb.WriteByte('\n')
	}
	return template.HTML(sb.String()) // trusted: rendered by our goldmark setup, raw HTML escaped
}

// TOC returns the contents of section sec in l: its headings down to level
// 3, their IDs after prefix.
func TOC(m *load.Model, sec *content.Section, l lang.Lang, prefix string) []TOCItem {
	var out []TOCItem
	for _, h := range m.Doc(sec, l).Doc.Headings {
		if h.Level <= 3 {
			out = append(out, TOCItem{ID: prefix + h.ID, Text: h.Text, Level: h.Level})
		}
	}
	return out
}

// SectionTitle is section sec's numbering and title in l.
func SectionTitle(sec *content.Section, l lang.Lang) string {
	t := sec.Texts[l.Tag]
	return numbered(t.Number, t.Title)
}

// numbered joins a section's own numbering and its title: "一、經濟" but
// "I. Economy", with a space after numbering that ends in a Latin character.
func numbered(number, title string) string {
	if number == "" {
		return title
	}
	if r := number[len(number)-1]; r < 0x80 && r != ' ' {
		return number + " " + title
	}
	return number + title
}
