package render

import (
	"path"
	"slices"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
	"reportsite/internal/load"
	"reportsite/internal/markdown"
)

// The page kinds, and the file each one's page is in, are addr's table
// (addr.Kind). Templates ask for addresses through it (view.Page.Page,
// PageURL), so no page links one that is not made.

// kindNames lists the page kinds' templates (templates/<kind>.html).
func kindNames() []string {
	var out []string
	for _, k := range addr.PageKinds() {
		out = append(out, string(k))
	}
	return out
}

// made holds the page kinds a build does not make for every language: for
// each, whether it makes it for l.
var made = map[addr.Kind]func(b *builder, l lang.Lang) bool{
	addr.KindParallel: func(b *builder, l lang.Lang) bool {
		_, ok := b.site.Partner(l)
		return ok
	},
}

// kindAt names the page kind of the page at path p (from the site root);
// "" when p is not a page.
func (b *builder) kindAt(p string) addr.Kind {
	prefixes := make([]string, len(b.site.Languages))
	for i, l := range b.site.Languages {
		prefixes[i] = l.Prefix
	}
	return addr.PageAt(p, prefixes, func(prefix string) string { return addr.Single(b.site.Name, prefix) })
}

// pagePath returns the path from the site root of page kind k in l, or ""
// when the build does not make it for l.
func (b *builder) pagePath(k addr.Kind, l lang.Lang) string {
	if m := made[k]; m != nil && !m(b, l) {
		return ""
	}
	return k.In(l.Prefix)
}

// Change names what changed in a site since a Renderer last rendered it:
// the sections whose text changed and the data tables that changed, by ID.
// Anything else (site.toml, the interface strings, a template, a static
// file, a file added or removed) calls for a full render instead.
type Change struct {
	Sections []string
	Tables   []string
}

// change is a Change worked out against the site before and after it.
type change struct {
	secs    map[string]bool // sections whose text changed
	near    map[string]bool // sections whose text changed, and their neighbours
	tables  map[string]bool // tables that changed
	sources map[string]bool // sections a changed table takes figures from, before or after
	figs    map[string]bool // tables whose figures may show differently: changed, or citing a changed section
}

// newChange works out c between the model old and the one b now renders.
func (b *builder) newChange(c Change, old *load.Model) *change {
	ch := &change{secs: map[string]bool{}, near: map[string]bool{}, tables: map[string]bool{}, sources: map[string]bool{}, figs: map[string]bool{}}
	for _, id := range c.Sections {
		ch.secs[id] = true
	}
	secs := b.site.Sections
	for i, sec := range secs {
		if ch.secs[sec.ID] {
			for k := max(i-1, 0); k <= min(i+1, len(secs)-1); k++ {
				ch.near[secs[k].ID] = true
			}
		}
	}
	for _, id := range c.Tables {
		ch.tables[id], ch.figs[id] = true, true
	}
	// The tables an edit left alone are the same values as before: their
	// sources are known from the last change.
	sources := make(map[*dataset.Table][]string, len(b.site.Tables))
	for _, s := range []*content.Site{old.Site, b.site} {
		for _, t := range s.Tables {
			srcs, ok := b.sources[t]
			if !ok {
				srcs = tableSources(t)
			}
			if s == b.site {
				sources[t] = srcs
			}
			for _, src := range srcs {
				if ch.tables[t.ID] {
					ch.sources[src] = true
				}
				if ch.secs[src] {
					ch.figs[t.ID] = true
				}
			}
		}
	}
	b.sources = sources
	return ch
}

// tableSources lists the sections table t names as the source of a figure,
// each once.
func tableSources(t *dataset.Table) []string {
	out := []string{t.Source}
	add := func(id string) {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	for i := range t.Rows {
		r := &t.Rows[i]
		add(r.Source)
		for _, c := range t.Columns {
			add(t.SourceOf(r, c.Key).Section)
		}
	}
	return out
}

// dep says whether the file a render job makes depends on a change.
type dep func(b *builder, c *change, j jobFile) bool

// jobFile is what a render job's name says of the file it makes.
type jobFile struct {
	kind  addr.Kind
	sec   *content.Section
	table string
}

func always(*builder, *change, jobFile) bool { return true }
func never(*builder, *change, jobFile) bool  { return false }

// rule is the dependency rule of one kind of file: whether a change makes it
// again, and whether it is late, made by Renderer.Finish rather than Update.
type rule struct {
	dep  dep
	late bool
}

// deps is the table of dependency rules that Renderer.Update and Finish
// follow: for each kind of file a build makes, whether a change to
// sections' texts and tables' data makes it again. A section's page is made
// again when its text changed, a neighbour's title changed (previous /
// next), it states a figure of a changed table, or it shows a figure that may
// show differently; a table's CSV and JSON when the table changed. Those
// are made first: the preview reloads once they are. The overview
// (contents, cards, charts), the pages that hold every section or table,
// the About page (translator's notes, offline sizes) and the search index
// are made again on any change, late: they take most of the time (the
// overview's contents list every section), and the preview server holds
// back only the requests for them until they are made.
var deps = map[addr.Kind]rule{
	addr.KindRoot:     {dep: never},
	addr.KindNotFound: {dep: never},
	addr.KindOverview: {dep: always, late: true},
	addr.KindSection: {dep: func(b *builder, c *change, j jobFile) bool {
		if c.near[j.sec.ID] || c.sources[j.sec.ID] {
			return true
		}
		for _, l := range b.site.Languages {
			d := b.m.Doc(j.sec, l)
			if d == nil || d.Doc == nil {
				continue
			}
			for _, r := range d.Doc.Blocks {
				id := r.ID
				if ch := b.site.Charts[r.ID]; r.Kind == markdown.BlockChart && ch != nil {
					id = ch.Table.ID
				}
				if c.figs[id] {
					return true
				}
			}
		}
		return false
	}},
	addr.KindDataFile: {dep: func(b *builder, c *change, j jobFile) bool { return c.tables[j.table] }},
	addr.KindReport:   {dep: always, late: true},
	addr.KindParallel: {dep: always, late: true},
	addr.KindData:     {dep: always, late: true},
	addr.KindAbout:    {dep: always, late: true},
	addr.KindSingle:   {dep: always, late: true},
	addr.KindSearch:   {dep: always, late: true},
}

// jobAt says what the render job called name makes.
func (b *builder) jobAt(name string) jobFile {
	if strings.HasPrefix(name, addr.SearchDir) {
		return jobFile{kind: addr.KindSearch}
	}
	if id, ok := strings.CutSuffix(name, ".json"); ok && name == addr.JSON(path.Base(id)) {
		return jobFile{kind: addr.KindDataFile, table: path.Base(id)}
	}
	j := jobFile{kind: b.kindAt(name)}
	if j.kind == addr.KindSection {
		_, file, _ := strings.Cut(name, "/")
		j.sec = b.bySlug[strings.TrimSuffix(file, ".html")]
	}
	return j
}

// wanted reports whether the render job called name is to run: always in a
// full render; in an update when deps says its file depends on the change
// and it is made in this step (Update or Finish). A file of a kind deps does
// not know is made again by Update.
func (b *builder) wanted(name string) bool {
	if b.change == nil {
		return true
	}
	j := b.jobAt(name)
	r, ok := deps[j.kind]
	if !ok || j.kind == addr.KindSection && j.sec == nil {
		return !b.late
	}
	return r.late == b.late && r.dep(b, b.change, j)
}

// Late reports whether the file at path p (from the site root) is of a kind
// that Finish, not Update, makes again.
func (r *Renderer) Late(p string) bool {
	if strings.HasPrefix(p, addr.SearchDir) {
		return true
	}
	return deps[r.b.jobAt(p).kind].late
}
