package structure

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/lang"
)

// target is a page or file a build makes that a section may link to, with
// the anchors a link to it may name; a nil ids takes no anchor check (a
// download, a static file, an image).
type target struct {
	ids func() map[string]bool
}

// site is what a link written in a section may lead to: every page and
// file the build makes, by path from the site root, and the static files.
type site struct {
	s       *content.Site
	docs    DocFunc
	static  fs.FS // the static folder, the site's over the defaults; nil: none
	tmpls   fs.FS // the templates folder, likewise
	targets map[string]*target
	listed  bool                          // targets is filled (list)
	secs    map[[2]string]map[string]bool // anchors of a section in a language, by ID and tag
	mu      sync.Mutex
}

// newSite lists the pages a build of s makes for every language (the page
// kinds of internal/render: the overview, one page per section, the full
// report, the parallel text when the language has a partner, the data
// page, the about page and the one-file report), the root pages, the data
// downloads and the images the sections show.
func newSite(s *content.Site, docs DocFunc, folders []Folder) *site {
	st := &site{s: s, docs: docs, targets: map[string]*target{}, secs: map[[2]string]map[string]bool{}}
	for _, f := range folders {
		switch f.Prefix {
		case addr.Static + "/":
			st.static = f.FS
		case addr.Templates + "/":
			st.tmpls = f.FS
		}
	}
	return st
}

// list lists the pages and files of st.targets, once: only a link to a
// page other than a section's, or to a file, needs them.
func (st *site) list() {
	if st.listed {
		return
	}
	st.listed = true
	s, docs := st.s, st.docs
	st.add(addr.KindRoot.Path(), st.literal(addr.KindRoot))
	st.add(addr.KindNotFound.Path(), st.literal(addr.KindNotFound))
	for _, t := range s.Tables {
		st.add(addr.JSON(t.ID), nil)
	}
	for _, l := range s.Languages {
		st.add(addr.KindOverview.In(l.Prefix), st.overview)
		st.add(addr.KindReport.In(l.Prefix), st.joined(l, addr.KindReport))
		if _, ok := s.Partner(l); ok {
			st.add(addr.KindParallel.In(l.Prefix), st.joined(l, addr.KindParallel))
		}
		st.add(addr.KindData.In(l.Prefix), st.data)
		st.add(addr.KindAbout.In(l.Prefix), st.literal(addr.KindAbout))
		st.add(addr.Single(s.Name, l.Prefix), st.joined(l, addr.KindSingle))
		for _, sec := range s.Sections {
			st.add(l.Prefix+"/"+sec.Slug+".html", func() map[string]bool { return st.anchors(sec, l) })
			if doc, _ := docs(sec, sourceOf(s, l)); doc != nil {
				for _, im := range doc.Images {
					if p, ok := inSite(l.Prefix, im.Dest); ok {
						st.add(p, nil)
					}
				}
			}
		}
		for _, t := range s.Tables {
			st.add(addr.CSV(t.ID, l.Prefix), nil)
		}
	}
}

// sourceOf returns the hand-written language whose text l shows.
func sourceOf(s *content.Site, l lang.Lang) lang.Lang {
	if !l.Derived() {
		return l
	}
	for _, o := range s.Languages {
		if o.Tag == l.Derive {
			return o
		}
	}
	return l
}

func (st *site) add(p string, ids func() map[string]bool) {
	if ids == nil {
		st.targets[p] = &target{}
		return
	}
	st.targets[p] = &target{ids: sync.OnceValue(ids)}
}

// inSite returns the path from the site root of the address u written in a
// page of the folder dir, without its query and fragment; false when it
// leads out of the site.
func inSite(dir, u string) (string, bool) {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	p := path.Join(dir, u)
	return p, p != ".." && !strings.HasPrefix(p, "../")
}

// anchors returns the anchors of section sec's page in l (the IDs of the
// hand-written text it shows: a derived text keeps them).
func (st *site) anchors(sec *content.Section, l lang.Lang) map[string]bool {
	src := sourceOf(st.s, l)
	key := [2]string{sec.ID, src.Tag}
	st.mu.Lock()
	defer st.mu.Unlock()
	if a, ok := st.secs[key]; ok {
		return a
	}
	doc, _ := st.docs(sec, src)
	st.secs[key] = anchors(doc)
	return st.secs[key]
}

// joined returns the anchors of a page that shows every section (the full
// report, the parallel text, the one-file report): each section's own
// behind its prefix (addr.InSection, and addr.InSectionAlt for the other
// column of the parallel text), its charts and tables, and the page's
// template's.
func (st *site) joined(l lang.Lang, k addr.Kind) func() map[string]bool {
	return func() map[string]bool {
		ids := st.literal(k)()
		for _, sec := range st.s.Sections {
			ids[addr.Section(sec.Slug)] = true
			for id := range st.anchors(sec, l) {
				switch {
				case strings.HasPrefix(id, addr.Chart("")), strings.HasPrefix(id, addr.Table("")):
					ids[id] = true
				default:
					ids[addr.InSection(sec.Slug)+id] = true
					if k == addr.KindParallel {
						ids[addr.InSectionAlt(sec.Slug)+id] = true
					}
				}
			}
		}
		return ids
	}
}

// data returns the anchors of the data page: one per table.
func (st *site) data() map[string]bool {
	ids := st.literal(addr.KindData)()
	for _, t := range st.s.Tables {
		ids[addr.Table(t.ID)] = true
	}
	return ids
}

// overview returns the anchors of the overview: its charts' and its
// template's.
func (st *site) overview() map[string]bool {
	ids := st.literal(addr.KindOverview)()
	for _, c := range st.s.Overview.Charts {
		ids[addr.Chart(c)] = true
	}
	return ids
}

// idRe finds an id attribute whose value a template writes as it is.
var idRe = regexp.MustCompile(`\sid="([A-Za-z][A-Za-z0-9_:.-]*)"`)

// literal returns the anchors that the page template name, and the layout
// every page shares, write as they are (id="errata"): the anchors of a page
// the content does not make.
func (st *site) literal(k addr.Kind) func() map[string]bool {
	return func() map[string]bool {
		ids := map[string]bool{}
		if st.tmpls == nil {
			return ids
		}
		for _, f := range []string{string(k) + ".html", "_layout.html"} {
			b, err := fs.ReadFile(st.tmpls, f)
			if err != nil {
				continue
			}
			for _, m := range idRe.FindAllSubmatch(b, -1) {
				ids[string(m[1])] = true
			}
		}
		return ids
	}
}

// file reports whether p, a path from the site root, is a file a build
// makes or copies.
func (st *site) file(p string) (*target, bool) {
	st.list()
	if t, ok := st.targets[p]; ok {
		return t, true
	}
	if rest, ok := strings.CutPrefix(p, addr.StaticDir); ok && st.static != nil && fs.ValidPath(rest) {
		if fi, err := fs.Stat(st.static, rest); err == nil && fi.Mode().IsRegular() {
			return &target{}, true
		}
	}
	return nil, false
}

// pagesIn returns the files of folder dir that a link may name, for a hint.
func (st *site) pagesIn(dir string) []string {
	st.list()
	var out []string
	for p := range st.targets {
		if path.Dir(p) == dir && strings.HasSuffix(p, ".html") {
			out = append(out, path.Base(p))
		}
	}
	slices.Sort(out)
	return out
}
