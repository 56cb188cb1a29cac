package render

import (
	"context"
	"fmt"
	"html"
	"html/template"
	"io"
	"iter"
	"path"
	"strings"
	"sync"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
	"reportsite/internal/load"
	"reportsite/internal/markdown"
	"reportsite/internal/render/about"
	"reportsite/internal/render/figure"
	"reportsite/internal/render/tmpl"
)

// Asset paths, relative to the site root.
const (
	cssPath    = "static/site.css"
	jsPath     = "static/charts.js"
	echartsJS  = "static/vendor/echarts/echarts.min.js"
	reloadPath = "static/reload.js"
)

// pageData is what every page template receives.
type pageData struct {
	b          *builder
	Site       *content.Site
	Lang       lang.Lang
	Kind       string
	Path       string
	Title      string // the page's own title, without the site's
	Alternates []alternate
	Crumbs     []link
	Prev, Next *link
	TOC        []tocItem
	Body       template.HTML
	Sections   []sectionView
	Cards      []card
	Figures    []template.HTML
	Tables     []tableView
	Langs      []langLink
	Pairs      iter.Seq[template.HTML] // the parallel text's rows, a section at a time (see writePair)
	Other      lang.Lang
	Serve      bool
	HasCharts  bool
	Notes      []noteView // translator's notes (About)
	Errata     []about.Erratum
	GlossHead  []about.GlossHead
	Gloss      []about.GlossRow

	size int // a guess at the page's length, for its buffer
}

// noteView is a translator's note listed on the About page, with a link to
// the part of the section where it stands.
type noteView struct {
	Section, Href, Text string
}

type alternate struct {
	Lang    lang.Lang
	Href    string
	Path    string // from the site root, for the absolute address
	Current bool
}

type link struct {
	Href, Text string
}

type tocItem struct {
	ID, Text string
	Level    int
}

// bodySize is about the length of the bodies of views, to size a page's
// buffer.
func bodySize(views []sectionView) int {
	n := 0
	for _, v := range views {
		if v.b != nil {
			if d := v.b.m.Doc(v.sec, v.lang); d != nil && d.Prep != nil {
				n += d.Prep.Size()
			}
		}
	}
	return n + n/8
}

type sectionView struct {
	ID, Href, Number, Title, Summary string
	Heading                          string // number and title
	Anchor                           string
	TOC                              []tocItem

	// The body, for pages that show it, is rendered when the template
	// reaches it, so a page that holds every section never holds every
	// body at once.
	b       *builder
	sec     *content.Section
	lang    lang.Lang
	page    figure.Page
	oneFile *oneFile // on the one-file report, what its links need
}

// Body returns the section's body with its IDs prefixed by its anchor.
func (v sectionView) Body() (template.HTML, error) {
	if v.b == nil {
		return "", nil
	}
	e, err := v.b.renderSection(v.sec, v.lang, v.page)
	if err != nil {
		return "", err
	}
	var a markdown.Anchors = prefixed(markdown.IDs(e.chunks), v.Anchor+"-")
	if v.oneFile != nil {
		a = oneFileLinks{a, v.oneFile}
	}
	return e.write(a), nil
}

type card struct {
	Label, Value, Detail, DetailLabel, Href string
	Stated                                  bool // Href leads to the sentence stating the figure
}

type tableView struct {
	ID     string
	Anchor string
	Title  string
	HTML   template.HTML
	Used   []link
}

type langLink struct {
	Lang  lang.Lang
	Href  string
	Title string
}

// T returns the interface string key in the page's language.
func (p *pageData) T(key string) (string, error) {
	if _, ok := p.b.ui[key]; !ok {
		return "", fmt.Errorf("unknown interface string %q: add it to templates/i18n.toml", key)
	}
	return p.b.ui.Get(key, p.Lang), nil
}

// SourceLabel names the source address for what it is, by site.toml's
// [report.source] kind: the publisher's site, the page where the report was
// found, or the report itself.
func (p *pageData) SourceLabel() string {
	if k := p.Site.Report.Source.Kind; k != "" {
		return p.b.ui.Get("source_kind_"+k, p.Lang)
	}
	return p.b.ui.Get("original_page", p.Lang)
}

// Text returns a bilingual text in the page's language.
func (p *pageData) Text(t lang.Text) string { return t.In(p.Lang) }

// URL returns the relative address of a site path from this page.
func (p *pageData) URL(target string) string { return addr.Rel(p.Path, target) }

// LangURL returns the address of a page in the current language's folder.
func (p *pageData) LangURL(page string) string { return addr.Rel(p.Path, p.Lang.Prefix+"/"+page) }

// Original returns the language the report was published in.
func (p *pageData) Original() lang.Lang { return p.Site.Original() }

// LangName names language l in the page's language: "Traditional Chinese",
// "英文"; the interface strings name_<tag> hold the names, else l's own.
func (p *pageData) LangName(l lang.Lang) string {
	if _, ok := p.b.ui["name_"+l.Tag]; ok {
		return p.b.ui.Get("name_"+l.Tag, p.Lang)
	}
	return l.Name
}

// fill returns interface string key with each {name} replaced by its value.
func (p *pageData) fill(key string, kv ...string) string {
	return strings.NewReplacer(kv...).Replace(p.b.ui.Get(key, p.Lang))
}

// UnofficialNote says that the page is an unofficial rendering and which
// language is authoritative.
func (p *pageData) UnofficialNote() string {
	return p.fill("unofficial_note", "{original}", p.LangName(p.Original()))
}

// TranslationsNote states, from site.toml, how each language other than the
// original was made: converted by OpenCC from which language, or translated;
// "" for a site in one language.
func (p *pageData) TranslationsNote() string {
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
func (p *pageData) ErrataIntro() string {
	if s := p.Site.Report.ErrataIntro.In(p.Lang); s != "" {
		return s
	}
	return p.b.ui.Get("errata_intro", p.Lang)
}

// Searchable reports whether the page carries the search box: every page
// of a language folder.
func (p *pageData) Searchable() bool {
	return !p.b.opt.NoSearch && p.Kind != "root" && p.Kind != "404" && p.Kind != "single"
}

func (p *pageData) official(l lang.Lang) bool {
	for _, u := range p.Site.Report.Unofficial {
		if u == l.Tag {
			return false
		}
	}
	return true
}

// Official reports whether the page's language is the report's own.
func (p *pageData) Official() bool { return p.official(p.Lang) }

// ChromeKey names what the chrome shared by many pages (header, navigation,
// footer) depends on: the page's language, kind and folder. Templates pass it
// to "cached" (internal/render/tmpl), which makes a partial once per key.
func (p *pageData) ChromeKey() string {
	return p.Lang.Tag + "|" + p.Kind + "|" + path.Dir(p.Path)
}

// SiteTitle returns the report's title in the page's language.
func (p *pageData) SiteTitle() string { return p.Site.Title.In(p.Lang) }

func (b *builder) render(ctx context.Context) error {
	if b.change == nil {
		b.fig.DrawAll(b.opt.Workers)
	}
	// The pages that hold every section (whole, large) go to one lane that
	// starts with them, so that only one is in memory at a time and none
	// starts last; that lane then joins the others on the rest.
	var whole, rest []job
	for _, l := range b.site.Languages {
		if o, ok := b.parallelPartner(l); ok {
			whole = append(whole, job{b.pagePath("parallel", l), func() error { return b.parallelPage(l, o) }})
		}
		whole = append(whole,
			job{SinglePath(b.site, l), func() error { return b.singlePage(l) }},
			job{b.pagePath("report", l), func() error { return b.reportPage(l) }},
			job{b.pagePath("data", l), func() error { return b.dataPage(l) }},
		)
	}
	if !b.opt.NoSearch {
		for _, src := range b.site.SourceLangs() {
			rest = append(rest, job{"search/" + src.Prefix, func() error { return b.searchIndex(src) }})
		}
	}
	rest = append(rest, job{rootPath("root"), b.rootPage}, job{rootPath("404"), b.notFoundPage})
	for _, l := range b.site.Languages {
		rest = append(rest,
			job{b.pagePath("overview", l), func() error { return b.overviewPage(l) }},
		)
	}
	// Section pages and data files, interleaved: creating a file is costly
	// on some file systems, and creations in one folder take turns, so the
	// workers had better write to different folders at once.
	for i := range max(len(b.site.Sections), len(b.site.Tables)) {
		for _, l := range b.site.Languages {
			if i < len(b.site.Sections) {
				rest = append(rest, job{l.Prefix + "/" + b.site.Sections[i].Slug + ".html", func() error { return b.sectionPage(l, i) }})
			}
		}
		if i < len(b.site.Tables) {
			t := b.site.Tables[i]
			rest = append(rest, job{addr.JSON(t.ID), func() error { return b.dataFiles(t) }})
		}
	}
	whole, rest = b.wantedJobs(whole), b.wantedJobs(rest)
	if b.change == nil { // an update changes neither
		if err := b.staticFiles(); err != nil {
			return err
		}
		if err := b.copyImages(); err != nil {
			return err
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	work := func(queues ...<-chan job) {
		defer wg.Done()
		for _, q := range queues {
			for j := range q {
				if err := j.fn(); err != nil {
					mu.Lock()
					if first == nil {
						first = fmt.Errorf("%s: %w", j.name, err)
					}
					mu.Unlock()
				}
			}
		}
	}
	wholeQ, restQ := feed(ctx, whole), feed(ctx, rest)
	wg.Add(b.opt.Workers)
	go work(wholeQ, restQ)
	for range b.opt.Workers - 1 {
		go work(restQ)
	}
	wg.Wait()
	if first == nil && ctx.Err() == nil && (b.change == nil || b.late) {
		first = b.publish() // needs every file: About pages (offline sizes), sitemap, service worker
	}
	if first != nil {
		return first
	}
	return ctx.Err()
}

// feed returns a channel that yields jobs in order until they run out or
// ctx is cancelled.
func feed(ctx context.Context, jobs []job) <-chan job {
	ch := make(chan job)
	go func() {
		defer close(ch)
		for _, j := range jobs {
			select {
			case ch <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch
}

type job struct {
	name string
	fn   func() error
}

func (b *builder) newPage(l lang.Lang, kind, page, title string) *pageData {
	p := &pageData{b: b, Site: b.site, Lang: l, Kind: kind, Path: l.Prefix + "/" + page, Title: title, Serve: b.opt.Serve}
	for _, o := range b.site.Languages {
		p.Alternates = append(p.Alternates, alternate{Lang: o, Href: addr.Rel(p.Path, o.Prefix+"/"+page), Path: o.Prefix + "/" + page, Current: o.Tag == l.Tag})
	}
	p.Crumbs = []link{{Href: p.LangURL(fileOf("overview")), Text: b.ui.Get("overview", l)}}
	return p
}

// streamSize is the expected length above which a page is written as the
// template makes it rather than made in memory first (a variable for tests).
var streamSize = 1 << 20

func (b *builder) emit(kind string, p *pageData) error {
	if p.size > streamSize {
		err := b.addStream(p.Path, func(w io.Writer) error { return b.tmpl.ExecTo(w, kind, p) })
		if err != nil {
			return err
		}
	} else {
		out, err := b.tmpl.Exec(kind, p, p.size)
		if err != nil {
			return err
		}
		b.add(p.Path, out)
	}
	b.mu.Lock()
	b.pages++
	b.mu.Unlock()
	return nil
}

// renderSection returns a section's body for language l as seen from a page
// at pagePath: the document prepared when it was parsed, its chart and table
// blocks filled with links relative to the page's folder. Nothing is kept:
// filling is cheap (the figures themselves are cached), and a long report's
// bodies would otherwise stay in memory for the whole build.
func (b *builder) renderSection(sec *content.Section, l lang.Lang, pg figure.Page) (*renderEntry, error) {
	d := b.m.Doc(sec, l)
	switch {
	case d == nil || d.Doc == nil:
		return nil, fmt.Errorf("section %s has no %s text", sec.ID, l.Tag)
	case d.PrepErr != nil:
		return nil, d.PrepErr
	case d.Prep == nil:
		return nil, fmt.Errorf("section %s (%s) was not prepared for rendering", sec.ID, l.Tag)
	}
	prep := b.fig.Marked(sec, l, d.Prep)
	chunks, err := prep.Fill(func(kind, id string) ([]byte, error) {
		switch kind {
		case "chart":
			return b.fig.Chart(b.site.Charts[id], l, pg)
		case "table":
			t, _ := b.site.Table(id)
			return b.fig.Table(t, l, pg)
		}
		return nil, fmt.Errorf("unknown block kind %q", kind)
	})
	if err != nil {
		return nil, err
	}
	b.fig.MarkFilled(sec, l, chunks, prep)
	return &renderEntry{chunks: chunks}, nil
}

// renderEntry is a section's body rendered for one page.
type renderEntry struct {
	chunks []markdown.Chunk
}

// showsChart reports whether section sec in l shows a chart that may go
// live (drawn charts only: without a chart renderer, charts are tables).
func (b *builder) showsChart(sec *content.Section, l lang.Lang) bool {
	d := b.m.Doc(sec, l)
	if b.opt.Charts == nil || d == nil || d.Doc == nil {
		return false
	}
	for _, r := range d.Doc.Blocks {
		if r.Kind == "chart" {
			return true
		}
	}
	return false
}

// body returns the section's body as its own page shows it.
func (e *renderEntry) body() template.HTML { return joinChunks(e.chunks) }

// write returns the body with the IDs its Markdown defines (headings,
// explicit {#id}s, footnotes), and the links to them, as a decides: among
// all sections each gets the section's prefix, so that no two sections
// share an ID.
func (e *renderEntry) write(a markdown.Anchors) template.HTML {
	n := 0
	for _, c := range e.chunks {
		n += len(c.HTML) + 1
	}
	var b strings.Builder
	b.Grow(n + n/16)
	for _, c := range e.chunks {
		markdown.Write(&b, c.HTML, a)
		b.WriteByte('\n')
	}
	return template.HTML(b.String())
}

// anchorMap is the markdown.Anchors of a section on a page it shares with
// others: IDs it does not list stay as they are.
type anchorMap struct {
	IDs  map[string]string // ID → new ID; "" drops the id attribute
	Refs map[string]string // ID → the ID a link to it leads to now
}

// prefixed puts prefix before every ID in ids, and every link to one.
func prefixed(ids []string, prefix string) anchorMap {
	m := anchorMap{IDs: make(map[string]string, len(ids)), Refs: make(map[string]string, len(ids))}
	for _, id := range ids {
		m.IDs[id], m.Refs[id] = prefix+id, prefix+id
	}
	return m
}

func (m anchorMap) ID(id []byte) string {
	if v, ok := m.IDs[string(id)]; ok {
		return v
	}
	return string(id)
}

func (m anchorMap) Ref(id []byte) string {
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
		markdown.Write(&sb, c.HTML, nil)
		sb.WriteByte('\n')
	}
	return template.HTML(sb.String()) // trusted: rendered by our goldmark setup, raw HTML escaped
}

func (b *builder) toc(sec *content.Section, l lang.Lang, prefix string) []tocItem {
	var out []tocItem
	for _, h := range b.m.Doc(sec, l).Doc.Headings {
		if h.Level <= 3 {
			out = append(out, tocItem{ID: prefix + h.ID, Text: h.Text, Level: h.Level})
		}
	}
	return out
}

// paraHref returns the address, from a page of the same language, of
// paragraph i (its index in the section's markdown.Doc.Paras) on the
// section's own page. The full report and the parallel page carry the same
// anchor after the section's prefix "s-<slug>-".
func paraHref(sec *content.Section, i int) string {
	return sec.Slug + ".html#" + addr.Para(i)
}

func (b *builder) sectionTitle(sec *content.Section, l lang.Lang) string {
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

func (b *builder) sectionPage(l lang.Lang, i int) error {
	sec := b.site.Sections[i]
	p := b.newPage(l, "section", sec.Slug+".html", b.sectionTitle(sec, l))
	e, err := b.renderSection(sec, l, figure.Page{Path: p.Path})
	if err != nil {
		return err
	}
	p.Body = e.body()
	p.TOC = b.toc(sec, l, "")
	p.Crumbs = append(p.Crumbs, link{Text: p.Title})
	if i > 0 {
		prev := b.site.Sections[i-1]
		p.Prev = &link{Href: prev.Slug + ".html", Text: b.sectionTitle(prev, l)}
	}
	if i+1 < len(b.site.Sections) {
		next := b.site.Sections[i+1]
		p.Next = &link{Href: next.Slug + ".html", Text: b.sectionTitle(next, l)}
	}
	p.HasCharts = b.showsChart(sec, l)
	return b.emit("section", p)
}

func (b *builder) sectionViews(l lang.Lang, withBody bool, pg figure.Page) ([]sectionView, error) {
	var out []sectionView
	for _, sec := range b.site.Sections {
		t := sec.Texts[l.Tag]
		v := sectionView{ID: sec.ID, Href: sec.Slug + ".html", Number: t.Number, Title: t.Title, Heading: numbered(t.Number, t.Title), Summary: t.Summary, Anchor: addr.Section(sec.Slug)}
		if withBody {
			v.b, v.sec, v.lang, v.page = b, sec, l, pg
			v.TOC = b.toc(sec, l, v.Anchor+"-")
		}
		out = append(out, v)
	}
	return out, nil
}

func (b *builder) reportPage(l lang.Lang) error {
	p := b.newPage(l, "report", fileOf("report"), b.ui.Get("full_report", l))
	secs, err := b.sectionViews(l, true, figure.Page{Path: p.Path})
	if err != nil {
		return err
	}
	p.Sections = secs
	p.size = bodySize(secs)
	p.Crumbs = append(p.Crumbs, link{Text: p.Title})
	for _, sec := range b.site.Sections {
		p.HasCharts = p.HasCharts || b.showsChart(sec, l)
	}
	return b.emit("report", p)
}

func (b *builder) overviewPage(l lang.Lang) error {
	p := b.newPage(l, "overview", fileOf("overview"), b.site.Title.In(l))
	p.Crumbs = nil
	secs, err := b.sectionViews(l, false, figure.Page{Path: p.Path})
	if err != nil {
		return err
	}
	p.Sections = secs
	for _, c := range b.site.Overview.Cards {
		t, _ := b.site.Table(c.Table)
		r, _ := t.Row(c.Row)
		col, _ := t.Column(c.Column)
		cell := r.Cells[c.Column]
		cd := card{Label: c.Label.In(l), Value: lang.FormatDec(cell.Num, cell.Decimals(), b.site.Units[col.Unit], l)}
		if c.Detail != "" {
			dc, _ := t.Column(c.Detail)
			dcell := r.Cells[c.Detail]
			cd.Detail = lang.FormatDec(dcell.Num, dcell.Decimals(), b.site.Units[dc.Unit], l)
			cd.DetailLabel = dc.Label.In(l)
		}
		if sec := b.m.Section(t.SourceOf(r, c.Column).Section); sec != nil {
			cd.Href = sec.Slug + ".html"
		}
		if h := b.fig.StatedHref(load.CellKey{Table: c.Table, Row: c.Row, Col: c.Column}, l, figure.Page{Path: p.Path}); h != "" {
			cd.Href, cd.Stated = h, true
		}
		p.Cards = append(p.Cards, cd)
	}
	for _, id := range b.site.Overview.Charts {
		fig, err := b.fig.Chart(b.site.Charts[id], l, figure.Page{Path: p.Path})
		if err != nil {
			return err
		}
		p.Figures = append(p.Figures, template.HTML(fig))
		p.HasCharts = true
	}
	return b.emit("overview", p)
}

func (b *builder) dataPage(l lang.Lang) error {
	p := b.newPage(l, "data", fileOf("data"), b.ui.Get("data", l))
	p.Crumbs = append(p.Crumbs, link{Text: p.Title})
	for _, t := range b.reportOrder(l) {
		h, err := b.fig.Table(t, l, figure.Page{Path: p.Path})
		if err != nil {
			return err
		}
		tv := tableView{ID: t.ID, Anchor: addr.Table(t.ID), Title: t.Title.In(l), HTML: template.HTML(h)}
		p.size += len(h) + 256
		for _, c := range t.Charts {
			tv.Used = append(tv.Used, link{Href: "#", Text: c.Title.In(l)})
		}
		p.Tables = append(p.Tables, tv)
	}
	return b.emit("data", p)
}

// aboutNotes lists the translator's notes of the sections in l, for the
// About page.
func (b *builder) aboutNotes(l lang.Lang) []noteView {
	var out []noteView
	for _, sec := range b.site.Sections {
		d := b.m.Doc(sec, l)
		if d == nil || d.Doc == nil {
			continue
		}
		for _, n := range d.Doc.Notes {
			href := sec.Slug + ".html"
			if n.Heading != "" {
				href += "#" + n.Heading
			}
			out = append(out, noteView{Section: b.sectionTitle(sec, l), Href: href, Text: n.Text})
		}
	}
	return out
}

// reportOrder returns the tables in the order the report first shows them,
// as a table or through a chart, section by section; tables it never shows
// follow in file order.
func (b *builder) reportOrder(l lang.Lang) []*dataset.Table {
	var out []*dataset.Table
	seen := map[*dataset.Table]bool{}
	add := func(t *dataset.Table) {
		if t != nil && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, sec := range b.site.Sections {
		d := b.m.Doc(sec, l)
		if d == nil || d.Doc == nil {
			continue
		}
		for _, r := range d.Doc.Blocks {
			switch r.Kind {
			case "table":
				t, _ := b.site.Table(r.ID)
				add(t)
			case "chart":
				if c := b.site.Charts[r.ID]; c != nil {
					add(c.Table)
				}
			}
		}
	}
	for _, t := range b.site.Tables {
		add(t)
	}
	return out
}

// rootPage lets the reader choose a language; it works without JavaScript.
func (b *builder) rootPage() error {
	l := b.site.Languages[0]
	p := &pageData{b: b, Site: b.site, Lang: l, Kind: "root", Path: rootPath("root"), Serve: b.opt.Serve}
	for _, o := range b.site.Languages {
		p.Langs = append(p.Langs, langLink{Lang: o, Href: b.pagePath("overview", o), Title: b.site.Title.In(o)})
		p.Alternates = append(p.Alternates, alternate{Lang: o, Href: b.pagePath("overview", o), Path: b.pagePath("overview", o)})
	}
	return b.emit("root", p)
}

func (b *builder) notFoundPage() error {
	l := b.site.Languages[0]
	p := &pageData{b: b, Site: b.site, Lang: l, Kind: "404", Path: rootPath("404"), Serve: b.opt.Serve}
	for _, o := range b.site.Languages {
		p.Langs = append(p.Langs, langLink{Lang: o, Href: b.pagePath("overview", o), Title: b.ui.Get("not_found", o)})
	}
	return b.emit("404", p)
}

// dataFiles writes table t as JSON (all languages) and CSV (per language).
func (b *builder) dataFiles(t *dataset.Table) error {
	b.add(addr.JSON(t.ID), t.JSON())
	for _, l := range b.site.Languages {
		b.add(addr.CSV(t.ID, l.Prefix), t.CSV(l, b.site.Units))
	}
	return nil
}

// parallelPartner returns the language set beside l on its parallel page:
// the first hand-written language that is neither l nor l's source.
func (b *builder) parallelPartner(l lang.Lang) (lang.Lang, bool) {
	for _, o := range b.site.SourceLangs() {
		if o.Tag != l.Tag && o.Tag != l.Derive {
			return o, true
		}
	}
	return lang.Lang{}, false
}

// parallelPage sets each paragraph of language l beside its counterpart in o.
func (b *builder) parallelPage(l, o lang.Lang) error {
	p := b.newPage(l, "parallel", fileOf("parallel"), b.ui.Get("parallel", l))
	p.Other = o
	p.Crumbs = append(p.Crumbs, link{Text: p.Title})
	p.Alternates = nil
	for _, a := range b.site.Languages {
		if _, ok := b.parallelPartner(a); ok {
			p.Alternates = append(p.Alternates, alternate{Lang: a, Href: addr.Rel(p.Path, b.pagePath("parallel", a)), Current: a.Tag == l.Tag})
		}
	}
	for _, sec := range b.site.Sections {
		for _, x := range []lang.Lang{l, o} {
			if d := b.m.Doc(sec, x); d != nil && d.Prep != nil {
				p.size += d.Prep.Size() + 100*d.Prep.Len() // and the rows' markup
			}
		}
	}
	// The rows of one section at a time, made as the template reaches
	// them: the whole text of a long report is never held at once.
	var failed error
	p.Pairs = func(yield func(template.HTML) bool) {
		var rows strings.Builder
		for _, sec := range b.site.Sections {
			le, err := b.renderSection(sec, l, figure.Page{Path: p.Path})
			if err != nil {
				failed = err
				return
			}
			re, err := b.renderSection(sec, o, figure.Page{Path: p.Path})
			if err != nil {
				failed = err
				return
			}
			rows.Reset()
			left, right := le.chunks, re.chunks
			anchor := addr.InSection(sec.Slug)
			lm, am := b.pairMaps(sec, l, o, left, right, anchor)
			rm := otherFolder{am, p.Path, o}
			heading := func(id, title string) string {
				if id != "" {
					id = ` id="` + id + `"`
				}
				return "<h2" + id + ">" + template.HTMLEscapeString(title) + "</h2>"
			}
			writePair(&rows, l, o, true, []byte(heading(addr.Section(sec.Slug), b.sectionTitle(sec, l))), []byte(heading("", b.sectionTitle(sec, o))), nil, nil)
			for i := 0; i < max(len(left), len(right)); i++ {
				var lh, rh []byte
				isHeading := false
				if i < len(left) {
					lh = left[i].HTML
					isHeading = left[i].Kind == "heading"
				}
				if i < len(right) && right[i].Kind != "figure" {
					// A figure shows once, in the page's language.
					rh = right[i].HTML
				}
				writePair(&rows, l, o, isHeading, lh, rh, lm, rm)
			}
			if !yield(template.HTML(rows.String())) {
				return
			}
		}
	}
	if err := b.emit("parallel", p); err != nil {
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
func (b *builder) pairMaps(sec *content.Section, l, o lang.Lang, left, right []markdown.Chunk, prefix string) (lm, rm anchorMap) {
	lm = prefixed(markdown.IDs(left), prefix)
	rm = prefixed(markdown.IDs(right), addr.InSectionAlt(sec.Slug))
	var lh, rh []markdown.Heading
	if d := b.m.Doc(sec, l); d != nil && d.Doc != nil {
		lh = d.Doc.Headings
	}
	if d := b.m.Doc(sec, o); d != nil && d.Doc != nil {
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
	anchorMap
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
func writePair(b *strings.Builder, l, o lang.Lang, heading bool, left, right []byte, lm, rm markdown.Anchors) {
	b.WriteString("\n<div class=\"pair")
	if heading {
		b.WriteString(" pair-heading")
	}
	b.WriteString("\">\n<div class=\"col\" lang=\"" + template.HTMLEscapeString(l.Tag) + "\">")
	markdown.Write(b, left, lm)
	b.WriteString("</div>\n<div class=\"col\" lang=\"" + template.HTMLEscapeString(o.Tag) + "\">")
	markdown.Write(b, right, rm)
	b.WriteString("</div>\n</div>")
}

// LangTitles is the root page's <title>: the site's title in each language,
// as many as fit.
func (p *pageData) LangTitles() string {
	var parts []string
	for _, l := range p.Langs {
		parts = append(parts, l.Title)
	}
	return tmpl.HeadTitle(parts...)
}
