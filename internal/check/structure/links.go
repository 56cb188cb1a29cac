package structure

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/markdown"
	"reportsite/internal/tomlfile"
)

// Links checks every link a section's Markdown writes, where it is written:
// an anchor (#h-1, #p-3, #fn:1, #fig-<chart>, #tbl-<table>, an explicit
// heading ID) must be one of the section's, a link to another section's
// page (<slug>.html, with or without an anchor) must name a section and one
// of its anchors in the same language, a data download (data/<id>.csv,
// ../data/<id>.json) and an anchor of a chart or table anywhere must name
// one, and a link out of the site must be http, https, mailto or tel.
// Images are checked where they are found (package load). Links to the
// other pages (the overview, the full report, the data page, …) are left to
// the check of the built pages, which names the link's line too.
func Links(s *content.Site, docs DocFunc, dl *diag.List) {
	bySlug := map[string]*content.Section{}
	for _, sec := range s.Sections {
		bySlug[sec.Slug] = sec
	}
	for _, l := range s.SourceLangs() {
		ids := map[*content.Section]map[string]bool{}
		anchorsOf := func(sec *content.Section) map[string]bool {
			if a, ok := ids[sec]; ok {
				return a
			}
			doc, _ := docs(sec, l)
			ids[sec] = anchors(doc)
			return ids[sec]
		}
		for _, sec := range s.Sections {
			doc, tx := docs(sec, l)
			if doc == nil || tx == nil {
				continue
			}
			for _, ln := range doc.Links {
				if msg, hint := checkLink(s, ln.Dest, sec, bySlug, anchorsOf); msg != "" {
					dl.Add(diag.Diag{File: tx.File, Line: ln.Line, Col: ln.Col, Msg: msg, Hint: hint})
				}
			}
		}
	}
}

// The downloads of a table as a section page links them (addr.CSV and
// addr.JSON from a language folder).
var (
	csvRe  = regexp.MustCompile(`^data/([^/]+)\.csv$`)
	jsonRe = regexp.MustCompile(`^\.\./data/([^/]+)\.json$`)
)

// checkLink returns what is wrong with the link dest written in section
// sec, and a hint; "" when nothing is, or when only the built page can tell.
func checkLink(s *content.Site, dest string, sec *content.Section, bySlug map[string]*content.Section, anchorsOf func(*content.Section) map[string]bool) (msg, hint string) {
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
		return "", "" // another page or file: the built page's check
	}
	if u.Fragment == "" {
		return "", ""
	}
	ids := anchorsOf(target)
	if ids[u.Fragment] || ids[figurePara(u.Fragment)] {
		return "", ""
	}
	where := "this section"
	if target != sec {
		where = "section " + target.ID
	}
	return fmt.Sprintf("link %q: no anchor %q in %s", dest, u.Fragment, where),
		suggest(u.Fragment, sortedKeys(ids), "anchors (h-1 for the first heading, p-1 for the first paragraph)")
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
		if p.Kind == "footnote" {
			notes++
			ids["fn:"+strconv.Itoa(notes)] = true
			ids["fnref:"+strconv.Itoa(notes)] = true
		}
	}
	for _, b := range doc.Blocks {
		if b.Kind == "chart" {
			ids[addr.Chart(b.ID)] = true
		} else {
			ids[addr.Table(b.ID)] = true
		}
	}
	return ids
}

// figurePara returns the paragraph of a figure's anchor (p-2 of p-2-f1),
// which a table cell links to once the figure is found stated there.
func figurePara(id string) string {
	if i := strings.LastIndex(id, "-f"); i > 0 && addr.IsPara(id[:i]) {
		return id[:i]
	}
	return ""
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
