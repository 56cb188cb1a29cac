package structure

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
	"reportsite/internal/tomlfile"
)

// A Linker checks every link a section's Markdown writes, where it is written:
// an anchor (#h-1, #p-3, #fn:1, #fig-<chart>, #tbl-<table>, an explicit
// heading ID) must be one of the section's, a link to another section's
// page (<slug>.html, with or without an anchor) must name a section and one
// of its anchors in the same language, a data download (data/<id>.csv,
// ../data/<id>.json) and an anchor of a chart or table anywhere must name
// one, and a link out of the site must be http, https, mailto or tel.
// A link to any other page or file must lead to one the build makes, in
// any language folder (the overview, the full report, the parallel text
// where the language has one, the data page, the about page, the one-file
// report, the root pages, a download, an image a section shows, a static
// file), and its anchor, if any, must be one that page has. Images are
// checked where they are found (package load). A text that a derived
// language shows is checked in that language's folder too.
//
// A Linker checks the links of one section at a time, so that a caller
// that keeps what it found can check again only the sections whose links
// may now lead elsewhere. It is not safe for concurrent use.
type Linker struct {
	st     *site
	bySlug map[string]*content.Section
}

// NewLinker returns a Linker for the site s; the pages and files it may
// link to are listed when a link first needs them. folders are the folders
// a build reads: the static and templates folders among them give the
// static files and the anchors templates write as they are.
func NewLinker(s *content.Site, docs DocFunc, folders []Folder) *Linker {
	lk := &Linker{st: newSite(s, docs, folders), bySlug: make(map[string]*content.Section, len(s.Sections))}
	for _, sec := range s.Sections {
		lk.bySlug[sec.Slug] = sec
	}
	return lk
}

// Section checks the links written in sec. Besides sec's texts, what it
// finds depends on the site's sections, tables and charts, on the sections
// returned in named (those whose anchors a link named), and, when wide is
// set, on anything else: a link led to another page or file of the site
// (a page that shows every section, an image, a static file).
func (lk *Linker) Section(sec *content.Section, dl *diag.List) (named []*content.Section, wide bool) {
	s := lk.st.s
	var dep deps
	for _, src := range s.SourceLangs() {
		doc, tx := lk.st.docs(sec, src)
		if doc == nil || tx == nil {
			continue
		}
		for _, ln := range doc.Links {
			for _, l := range showing(s, src) {
				if msg, hint := lk.st.checkLink(ln.Dest, sec, l, lk.bySlug, &dep); msg != "" {
					dl.Add(diag.Diag{File: tx.File, Line: ln.Line, Col: ln.Col, Msg: msg, Hint: hint})
					break
				}
			}
		}
	}
	return dep.named, dep.wide
}

// deps is what the links of a section read beyond its own texts (see
// Linker.Section).
type deps struct {
	named []*content.Section
	wide  bool
}

// showing returns the languages that show the text of hand-written
// language src: src and those derived from it.
func showing(s *content.Site, src lang.Lang) []lang.Lang {
	out := []lang.Lang{src}
	for _, l := range s.Languages {
		if l.Derive == src.Tag {
			out = append(out, l)
		}
	}
	return out
}

// The downloads of a table as a section page links them (addr.CSV and
// addr.JSON from a language folder).
var (
	csvRe  = regexp.MustCompile(`^data/([^/]+)\.csv$`)
	jsonRe = regexp.MustCompile(`^\.\./data/([^/]+)\.json$`)
)

// checkLink returns what is wrong with the link dest written in section
// sec, shown in language l, and a hint; "" when nothing is.
func (st *site) checkLink(dest string, sec *content.Section, l lang.Lang, bySlug map[string]*content.Section, dep *deps) (msg, hint string) {
	s := st.s
	u, err := url.Parse(dest)
	if err != nil {
		return fmt.Sprintf("link %q is not an address", dest), "escape spaces as %20, or write the address between < and >"
	}
	if u.Scheme != "" || strings.HasPrefix(dest, "//") {
		switch strings.ToLower(u.Scheme) {
		case "http", "https", "mailto", "tel", "":
			return "", ""
		}
		return fmt.Sprintf("link %q leaves the site by %s:", dest, u.Scheme), "link to an http, https, mailto or tel address, or to a page of the report"
	}
	if id, ok := strings.CutPrefix(u.Fragment, addr.Table("")); ok && u.Path != "" {
		if _, ok := s.Table(id); !ok {
			return fmt.Sprintf("link %q: no table %q", dest, id), suggest(id, s.TableIDs(), "tables")
		}
	}
	if id, ok := strings.CutPrefix(u.Fragment, addr.Chart("")); ok && u.Path != "" {
		if _, ok := s.Charts[id]; !ok {
			return fmt.Sprintf("link %q: no chart %q", dest, id), suggest(id, s.ChartIDs(), "charts")
		}
	}
	if m := csvRe.FindStringSubmatch(u.Path); m != nil {
		if _, ok := s.Table(m[1]); !ok {
			return fmt.Sprintf("link %q: no table %q to download", dest, m[1]), suggest(m[1], s.TableIDs(), "tables")
		}
		return "", ""
	}
	if m := jsonRe.FindStringSubmatch(u.Path); m != nil {
		if _, ok := s.Table(m[1]); !ok {
			return fmt.Sprintf("link %q: no table %q to download", dest, m[1]), suggest(m[1], s.TableIDs(), "tables")
		}
		return "", ""
	}
	target := sec
	switch {
	case u.Path == "":
	case !strings.Contains(u.Path, "/") && strings.HasSuffix(u.Path, ".html") && bySlug[strings.TrimSuffix(u.Path, ".html")] != nil:
		target = bySlug[strings.TrimSuffix(u.Path, ".html")]
	default:
		dep.wide = true
		return st.checkOther(dest, u, l)
	}
	if u.Fragment == "" {
		return "", ""
	}
	if target != sec && !slices.Contains(dep.named, target) {
		dep.named = append(dep.named, target)
	}
	ids := st.anchors(target, l)
	if ids[u.Fragment] || ids[addr.FigurePara(u.Fragment)] {
		return "", ""
	}
	where := "this section"
	if target != sec {
		where = "section " + target.ID
	}
	return fmt.Sprintf("link %q: no anchor %q in %s", dest, u.Fragment, where),
		suggest(u.Fragment, sortedKeys(ids), "anchors (h-1 for the first heading, p-1 for the first paragraph)")
}

// checkOther checks a link u (written dest) to a page or file other than
// a section of l's folder.
func (st *site) checkOther(dest string, u *url.URL, l lang.Lang) (msg, hint string) {
	p, ok := inSite(l.Prefix, u.Path)
	if !ok {
		return fmt.Sprintf("link %q leads out of the site", dest), "link a page of the report with a relative address, or another site with an http(s) address"
	}
	t, ok := st.file(p)
	if !ok {
		return fmt.Sprintf("link %q: the site has no page or file %s", dest, p),
			suggest(path.Base(p), st.pagesIn(path.Dir(p)), "pages here")
	}
	if u.Fragment == "" || t.ids == nil {
		return "", ""
	}
	ids := t.ids()
	if ids[u.Fragment] || ids[addr.FigurePara(u.Fragment)] {
		return "", ""
	}
	return fmt.Sprintf("link %q: no anchor %q on %s", dest, u.Fragment, p), suggest(u.Fragment, sortedKeys(ids), "anchors")
}

// anchors returns the anchors a section's Markdown makes on its page.
func anchors(doc *markdown.Doc) map[string]bool {
	ids := map[string]bool{}
	if doc == nil {
		return ids
	}
	for _, h := range doc.Headings {
		ids[h.ID] = true
	}
	notes := 0
	for _, p := range doc.Paras {
		if p.ID != "" {
			ids[p.ID] = true
		}
		if p.Kind == markdown.ParaFootnote {
			notes++
			ids[addr.Footnote(notes)] = true
			ids[addr.FootnoteRef(notes)] = true
		}
	}
	for _, b := range doc.Blocks {
		if b.Kind == markdown.BlockChart {
			ids[addr.Chart(b.ID)] = true
		} else {
			ids[addr.Table(b.ID)] = true
		}
	}
	return ids
}

func suggest(s string, candidates []string, what string) string {
	if sg := tomlfile.Suggest(s, candidates); sg != "" {
		return fmt.Sprintf("did you mean %q?", sg)
	}
	if len(candidates) > 12 {
		candidates = append(candidates[:12:12], "…")
	}
	return what + ": " + strings.Join(candidates, ", ")
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
