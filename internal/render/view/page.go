// Package view is what the page templates receive: the page (Page) with the
// methods templates call, the views of sections, cards and tables, and the
// bodies of sections rendered as a page shows them. Pages are made by
// internal/render and its pages, data and offline packages, each through
// the Builder the render hands them.
package view

import (
	"fmt"
	"html/template"
	"io"
	"iter"
	"path"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/load"
	"reportsite/internal/publish"
	"reportsite/internal/render/about"
	"reportsite/internal/render/figure"
	"reportsite/internal/render/tmpl"
)

// Builder is the render in progress as pages see it: the site and its
// parsed sections, the templates and interface strings, the page kinds, and
// where finished files go. internal/render's builder is the one.
type Builder interface {
	Site() *content.Site
	Model() *load.Model
	UI() tmpl.UI
	Figures() *figure.Maker
	Templates() *tmpl.Set
	NoSearch() bool    // no search index and no search box
	Serve() bool       // pages for the preview server
	DrawsCharts() bool // charts are drawn, not shown as their tables only
	// PagePath returns the path from the site root of page kind k in l,
	// or "" when the build does not make it for l.
	PagePath(k addr.Kind, l lang.Lang) string
	// Emit makes page p with the template of kind and hands it on.
	Emit(kind addr.Kind, p *Page) error
	// Add hands a finished file on; AddStream one that write writes as it
	// is made, for a file too large to make in memory first.
	Add(path string, data []byte)
	AddStream(path string, write func(w io.Writer) error) error
	// Parts returns how a page that holds every section (the full,
	// one-file and parallel reports) gets section i's part of it, which
	// make(i) makes. In a build that streams, the workers that make the
	// section pages call make, section by section, and the function
	// returned waits for their part i: a section's prepared text can then
	// go once its own page and every page that holds it have it. Parts are
	// to be asked for once each, in order. Otherwise it returns make.
	Parts(make func(i int) (template.HTML, error)) func(i int) (template.HTML, error)
}

// StreamSize is the expected length above which a page is written as the
// template makes it rather than made in memory first (a variable for tests).
var StreamSize = 1 << 20

// Page is what every page template receives.
type Page struct {
	b          Builder
	Site       *content.Site
	Lang       lang.Lang
	Kind       addr.Kind
	Path       string
	Title      string // the page's own title, without the site's
	Alternates []Alternate
	Crumbs     []Link
	Prev, Next *Link
	TOC        []TOCItem
	Body       template.HTML
	Sections   []Section
	Cards      []Card
	Figures    []template.HTML
	Tables     []Table
	Langs      []LangLink
	Pairs      iter.Seq[template.HTML] // the parallel text's rows, a section at a time
	Other      lang.Lang
	Serve      bool
	HasCharts  bool
	Notes      []Note // translator's notes (About)
	Errata     []about.Erratum
	GlossHead  []about.GlossHead
	Gloss      []about.GlossRow

	Size int // a guess at the page's length, for its buffer
}

// NewPage returns the page of kind in l's folder at file page.
func NewPage(b Builder, l lang.Lang, kind addr.Kind, page, title string) *Page {
	s := b.Site()
	p := &Page{b: b, Site: s, Lang: l, Kind: kind, Path: l.Prefix + "/" + page, Title: title, Serve: b.Serve()}
	for _, o := range s.Languages {
		p.Alternates = append(p.Alternates, Alternate{Lang: o, Href: addr.Rel(p.Path, o.Prefix+"/"+page), Path: o.Prefix + "/" + page, Current: o.Tag == l.Tag})
	}
	p.Crumbs = []Link{{Href: p.LangURL(addr.KindOverview.File()), Text: b.UI().Get("overview", l)}}
	return p
}

// RootPage returns the page of kind at path p from the site root, in l.
func RootPage(b Builder, l lang.Lang, kind addr.Kind, p string) *Page {
	return &Page{b: b, Site: b.Site(), Lang: l, Kind: kind, Path: p, Serve: b.Serve()}
}

// Note is a translator's note listed on the About page, with a link to
// the part of the section where it stands.
type Note struct {
	Section, Href, Text string
}

// Alternate is the same page in another language.
type Alternate struct {
	Lang    lang.Lang
	Href    string
	Path    string // from the site root, for the absolute address
	Current bool
}

// Link is a link with its text.
type Link struct {
	Href, Text string
}

// TOCItem is an entry of a page's contents.
type TOCItem struct {
	ID, Text string
	Level    int
}

// Card is a key figure on the overview.
type Card struct {
	Label, Value, Detail, DetailLabel, Href string
	Stated                                  bool // Href leads to the sentence stating the figure
}

// Table is a data table on the data page.
type Table struct {
	ID     string
	Anchor string
	Title  string
	Make   func() (template.HTML, error) // the table's figure, made when the template reaches it
	Used   []Link
}

// HTML makes the table's figure: the data page holds none of them.
func (t Table) HTML() (template.HTML, error) { return t.Make() }

// LangLink leads to a language's overview from the root pages.
type LangLink struct {
	Lang  lang.Lang
	Href  string
	Title string
}

// T returns the interface string key in the page's language.
func (p *Page) T(key string) (string, error) {
	if _, ok := p.b.UI()[key]; !ok {
		return "", fmt.Errorf("unknown interface string %q: add it to templates/i18n.toml", key)
	}
	return p.b.UI().Get(key, p.Lang), nil
}

// SourceLabel names the source address for what it is, by site.toml's
// [report.source] kind: the publisher's site, the page where the report was
// found, or the report itself.
func (p *Page) SourceLabel() string {
	if k := p.Site.Report.Source.Kind; k != "" {
		return p.b.UI().Get("source_kind_"+k, p.Lang)
	}
	return p.b.UI().Get("original_page", p.Lang)
}

// Text returns a bilingual text in the page's language.
func (p *Page) Text(t lang.Text) string { return t.In(p.Lang) }

// URL returns the relative address of a site path from this page.
func (p *Page) URL(target string) string { return addr.Rel(p.Path, target) }

// LangURL returns the address of a page in the current language's folder.
func (p *Page) LangURL(page string) string { return addr.Rel(p.Path, p.Lang.Prefix+"/"+page) }

// Original returns the language the report was published in.
func (p *Page) Original() lang.Lang { return p.Site.Original() }

// LangName names language l in the page's language: "Traditional Chinese",
// "英文"; the interface strings name_<tag> hold the names, else l's own.
func (p *Page) LangName(l lang.Lang) string {
	if _, ok := p.b.UI()["name_"+l.Tag]; ok {
		return p.b.UI().Get("name_"+l.Tag, p.Lang)
	}
	return l.Name
}

// fill returns interface string key with each {name} replaced by its value.
func (p *Page) fill(key string, kv ...string) string {
	return strings.NewReplacer(kv...).Replace(p.b.UI().Get(key, p.Lang))
}

// UnofficialNote says that the page is an unofficial rendering and which
// language is authoritative.
func (p *Page) UnofficialNote() string {
	return p.fill("unofficial_note", "{original}", p.LangName(p.Original()))
}

// TranslationsNote states, from site.toml, how each language other than the
// original was made: converted by OpenCC from which language, or translated;
// "" for a site in one language.
func (p *Page) TranslationsNote() string {
	orig := p.Original()
	var parts []string
	for _, l := range p.Site.Languages {
		switch {
		case l.Derived():
			src := l
			for _, o := range p.Site.Languages {
				if o.Tag == l.Derive {
					src = o
				}
			}
			parts = append(parts, p.fill("derived_note", "{lang}", p.LangName(l), "{from}", p.LangName(src), "{config}", p.Site.Conv.Config(l.Derive, l.Tag)))
		case l.Tag != orig.Tag && !p.official(l):
			parts = append(parts, p.fill("translated_note", "{lang}", p.LangName(l)))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	parts = append(parts, p.fill("figures_checked", "{original}", p.LangName(orig)))
	return strings.Join(parts, lang.WordsFor(p.Lang).Join)
}

// ErrataIntro introduces the corrections: the site's own words, or the
// default interface string.
func (p *Page) ErrataIntro() string {
	if s := p.Site.Report.ErrataIntro.In(p.Lang); s != "" {
		return s
	}
	return p.b.UI().Get("errata_intro", p.Lang)
}

// Searchable reports whether the page carries the search box: every page
// of a language folder.
func (p *Page) Searchable() bool {
	return !p.b.NoSearch() && p.Kind != addr.KindRoot && p.Kind != addr.KindNotFound && p.Kind != addr.KindSingle
}

func (p *Page) official(l lang.Lang) bool {
	for _, u := range p.Site.Report.Unofficial {
		if u == l.Tag {
			return false
		}
	}
	return true
}

// Official reports whether the page's language is the report's own.
func (p *Page) Official() bool { return p.official(p.Lang) }

// ChromeKey names what the chrome shared by many pages (header, navigation,
// footer) depends on: the page's language, kind and folder. Templates pass it
// to "cached" (internal/render/tmpl), which makes a partial once per key.
func (p *Page) ChromeKey() string {
	return p.Lang.Tag + "|" + string(p.Kind) + "|" + path.Dir(p.Path)
}

// LangSwitch returns the items of the page's language switch, a link to the
// page in each language, as templates/_layout.html's "header" would write
// them from Alternates: written in Go, as every page has them and a
// template's range over them costs a fifth of a section page's allocations.
// It returns "" when an address is not a plain path, which the template
// then writes itself.
func (p *Page) LangSwitch() template.HTML {
	var b strings.Builder
	for _, a := range p.Alternates {
		if !tmpl.PlainURL(a.Href) {
			return ""
		}
		b.WriteString("\n<li><a href=\"" + a.Href + "\" hreflang=\"")
		tmpl.Text.WriteString(&b, a.Lang.Tag)
		b.WriteString("\" lang=\"")
		tmpl.Text.WriteString(&b, a.Lang.Tag)
		if a.Current {
			b.WriteString("\" aria-current=\"page\">")
		} else {
			b.WriteString("\">")
		}
		tmpl.Text.WriteString(&b, a.Lang.Name)
		b.WriteString("</a></li>")
	}
	return template.HTML(b.String()) // trusted: our markup, its text escaped as html/template does
}

// SiteTitle returns the report's title in the page's language.
func (p *Page) SiteTitle() string { return p.Site.Title.In(p.Lang) }

// LangTitles is the root page's <title>: the site's title in each language,
// as many as fit.
func (p *Page) LangTitles() string {
	var parts []string
	for _, l := range p.Langs {
		parts = append(parts, l.Title)
	}
	return tmpl.HeadTitle(parts...)
}

// Page returns the file of the page kind name in this page's language
// folder, for a link from a page in that folder; "" when the build does not
// make it for the language, so a template writes no link to it. A name that
// is not a page kind with a file in a language folder is an error, which
// fails the build.
func (p *Page) Page(name string) (string, error) {
	k, err := fileKind(name)
	if err != nil {
		return "", err
	}
	if p.b.PagePath(k, p.Lang) == "" {
		return "", nil
	}
	return k.File(), nil
}

// PageURL returns the address from this page of the page kind name in the
// page's language; "" when the build does not make it. A name that is not
// a page kind with a file in a language folder is an error.
func (p *Page) PageURL(name string) (string, error) {
	k, err := fileKind(name)
	if err != nil {
		return "", err
	}
	if t := p.b.PagePath(k, p.Lang); t != "" {
		return addr.Rel(p.Path, t), nil
	}
	return "", nil
}

// Is reports whether the page is of the page kind name, for a template; a
// name that is not a page kind is an error, which fails the build.
func (p *Page) Is(name string) (bool, error) {
	k, err := addr.PageKind(name)
	return k == p.Kind, err
}

// fileKind returns the page kind called name, which must have a file in
// each language folder.
func fileKind(name string) (addr.Kind, error) {
	k, err := addr.PageKind(name)
	if err == nil && k.File() == "" {
		err = fmt.Errorf("page kind %q has no file in a language folder", name)
	}
	return k, err
}

// SinglePath returns the path of language l's one-file report: the whole
// report with its styles and charts inlined, for handing out and archiving.
func SinglePath(s *content.Site, l lang.Lang) string { return addr.Single(s.Name, l.Prefix) }

// SingleFile returns the one-file report's address from this page.
func (p *Page) SingleFile() string { return p.URL(SinglePath(p.Site, p.Lang)) }

// Offline reports whether the page registers the offline service worker:
// never in the preview server, whose pages must always be fresh.
func (p *Page) Offline() bool { return !p.Serve }

// Canonical returns the page's absolute address when the site has a base URL,
// and "" otherwise (a relative or guessed canonical would lie).
func (p *Page) Canonical() string {
	if p.Site.BaseURL == "" || p.Kind == addr.KindNotFound {
		return ""
	}
	return publish.AbsURL(p.Site.BaseURL, p.Path)
}

// AltHref returns the address of a translation for <link rel="alternate">,
// absolute as search engines require of hreflang alternates: pages have
// them only when the site has a base URL.
func (p *Page) AltHref(a Alternate) string { return publish.AbsURL(p.Site.BaseURL, a.Path) }
