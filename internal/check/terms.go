package check

import (
	"fmt"
	"slices"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/check/wordform"
	"reportsite/internal/content"
	"reportsite/internal/content/glossary"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
)

// place is one language's text of an item and where it starts.
type place struct {
	file string
	line int
	text string
}

// item is one text a reader sees, in the original and in a translation,
// with the excuses that apply to it.
type item struct {
	orig, tr place
	allow    []*termExcuse
}

// termExcuse is one allow_terms entry.
type termExcuse struct {
	file string
	a    dataset.AllowTerm
	used bool
}

// gterm is a glossary term in the original and its rendering in one
// translation.
type gterm struct {
	from string // the term in the original
	to   string // its rendering
	line int    // in glossary.toml
}

const glossaryFile = glossary.File

// excuseFunc turns a file's allow_terms entries into excuses, which the
// rules mark as used.
type excuseFunc func(file string, as []dataset.AllowTerm) []*termExcuse

// termExcuses returns an excuseFunc and the function that warns of the
// excuses it made that excused nothing.
func termExcuses() (excuseFunc, func(dl *diag.List)) {
	var excuses []*termExcuse
	excuse := func(file string, as []dataset.AllowTerm) []*termExcuse {
		var out []*termExcuse
		for _, a := range as {
			if a.Term == "" || a.In == "" {
				continue // reported by content.Load
			}
			e := &termExcuse{file: file, a: a}
			out = append(out, e)
			excuses = append(excuses, e)
		}
		return out
	}
	unused := func(dl *diag.List) {
		for _, e := range excuses {
			if !e.used {
				dl.Warnf(e.file, e.a.Line, "remove the entry, or correct its term or in phrase", "allow_terms entry %s (in %q) excuses nothing", e.a.Term, e.a.In)
			}
		}
	}
	return excuse, unused
}

// terms reports the glossary terms of the items that its translation in
// each language of gs (the glossary's terms in that language) does not
// render; items lists the items of one file, or of one section, in the
// original and a translation.
func terms(s *content.Site, gs map[string][]gterm, items func(l lang.Lang, excuse excuseFunc) []item, dl *diag.List) {
	src, ok := original(s)
	if !ok || len(s.Glossary) == 0 {
		return
	}
	for _, l := range s.SourceLangs() {
		if l.Tag == src.Tag {
			continue
		}
		excuse, unused := termExcuses()
		for _, it := range items(l, excuse) {
			checkItem(s, it, gs[l.Tag], dl)
		}
		unused(dl)
	}
}

// glossaries returns, by language, the glossary's terms with a rendering
// in that language (see glossaryTerms).
func glossaries(s *content.Site, dl *diag.List) map[string][]gterm {
	src, ok := original(s)
	if !ok || len(s.Glossary) == 0 {
		return nil
	}
	out := map[string][]gterm{}
	for _, l := range s.SourceLangs() {
		if l.Tag != src.Tag {
			out[l.Tag] = glossaryTerms(s, src, l, dl)
		}
	}
	return out
}

// glossaryTerms returns the glossary's terms with a rendering in l, longest
// first, and reports a term with two renderings and a rendering of two terms.
func glossaryTerms(s *content.Site, src, l lang.Lang, dl *diag.List) []gterm {
	var gs []gterm
	byFrom := map[string]gterm{}
	byTo := map[string]gterm{}
	for _, t := range s.Glossary {
		g := gterm{from: normalize(t.Text[src.Tag]), to: normalize(t.Text[l.Tag]), line: t.Line}
		if g.from == "" || g.to == "" {
			continue
		}
		if o, ok := byFrom[g.from]; ok {
			if wordform.Canonical(o.to) != wordform.Canonical(g.to) {
				dl.Add(diag.Diag{File: glossaryFile, Line: g.line, Col: 1, Msg: fmt.Sprintf("term %s has two renderings: %q here and %q at %s:%d:1", g.from, g.to, o.to, glossaryFile, o.line),
					Hint: "keep one entry per term, with one rendering"})
			}
			continue
		}
		if o, ok := byTo[wordform.Canonical(g.to)]; ok {
			dl.Add(diag.Diag{File: glossaryFile, Line: g.line, Col: 1, Msg: fmt.Sprintf("rendering %q is used for two terms: %s here and %s at %s:%d:1", g.to, g.from, o.from, glossaryFile, o.line),
				Hint: "give each term its own rendering, so that a reader can tell them apart"})
		}
		byFrom[g.from] = g
		byTo[wordform.Canonical(g.to)] = g
		gs = append(gs, g)
		for _, f := range t.Forms {
			if f = normalize(f); f != "" && byFrom[f].from == "" {
				form := gterm{from: f, to: g.to, line: g.line}
				byFrom[f] = form
				gs = append(gs, form)
			}
		}
	}
	slices.SortStableFunc(gs, func(a, b gterm) int { return len(b.from) - len(a.from) })
	return gs
}

// siteItems returns the texts of site.toml a reader sees in both src and
// l: the site's titles and the overview cards.
func siteItems(s *content.Site, src, l lang.Lang, excuse excuseFunc) []item {
	var out []item
	siteAllow := excuse(addr.SiteTOML, s.AllowTerms)
	pair := pairer(&out, src, l)
	for _, t := range []lang.Text{s.Title, s.Subtitle, s.Report.Publisher, s.Report.Period, s.Report.Source.Title, s.Report.Source.Breadcrumb} {
		pair(addr.SiteTOML, 1, t, siteAllow)
	}
	for _, c := range s.Overview.Cards {
		pair(addr.SiteTOML, c.Line, c.Label, siteAllow)
	}
	return out
}

func pairer(out *[]item, src, l lang.Lang) func(file string, line int, t lang.Text, allow []*termExcuse) {
	return func(file string, line int, t lang.Text, allow []*termExcuse) {
		a, b := t[src.Tag], t[l.Tag]
		if a == "" || b == "" {
			return
		}
		*out = append(*out, item{orig: place{file, line, a}, tr: place{file, line, b}, allow: allow})
	}
}

// sectionItems returns the texts of section sec a reader sees in both src
// and l: its title, summary, headings and paragraphs.
func sectionItems(sec *content.Section, src, l lang.Lang, newText textFunc, excuse excuseFunc) []item {
	var out []item
	o, t := sec.Texts[src.Tag], sec.Texts[l.Tag]
	if o == nil || t == nil || o.Derived || t.Derived {
		return nil
	}
	allow := append(excuse(o.File, o.AllowTerms), excuse(t.File, t.AllowTerms)...)
	for _, f := range [][2]string{{o.Title, t.Title}, {o.Summary, t.Summary}} {
		if f[0] != "" && f[1] != "" {
			out = append(out, item{orig: place{o.File, 1, f[0]}, tr: place{t.File, 1, f[1]}, allow: allow})
		}
	}
	ot, tt := newText(sec, src), newText(sec, l)
	if ot == nil || tt == nil {
		return out
	}
	op, tp := ot.all, tt.all
	if len(op) == len(tp) {
		for i := range op {
			out = append(out, item{orig: place{o.File, op[i].Line, op[i].Text}, tr: place{t.File, tp[i].Line, tp[i].Text}, allow: allow})
		}
		return out
	}
	// The texts do not pair paragraph by paragraph: a term may be
	// rendered anywhere in the translation.
	var whole strings.Builder
	for _, p := range tp {
		whole.WriteString(p.Text)
		whole.WriteByte('\n')
	}
	for _, p := range op {
		out = append(out, item{orig: place{o.File, p.Line, p.Text}, tr: place{t.File, 0, whole.String()}, allow: allow})
	}
	return out
}

// tableItems returns the texts of table t a reader sees in both src and l:
// its title, note, labels and text cells, its charts' titles and labels.
func tableItems(t *dataset.Table, src, l lang.Lang, excuse excuseFunc) []item {
	var out []item
	pair := pairer(&out, src, l)
	allow := excuse(t.File, t.AllowTerms)
	pair(t.File, t.Lines.Key("title"), t.Title, allow)
	pair(t.File, t.Lines.Key("note"), t.Note, allow)
	for i, c := range t.Columns {
		pair(t.File, t.Lines.Key(fmt.Sprintf("columns[%d]", i), "label"), c.Label, allow)
	}
	for i, r := range t.Rows {
		for _, c := range t.Columns {
			if cell, ok := r.Lookup(c.Key); ok && !cell.HasNum {
				pair(t.File, t.Lines.Key(fmt.Sprintf("rows[%d]", i), c.Key), cell.Text, allow)
			}
		}
	}
	for i, c := range t.Charts {
		at := fmt.Sprintf("charts[%d]", i)
		for _, f := range []struct {
			key string
			t   lang.Text
		}{{"title", c.Title}, {"headline", c.Headline}, {"subtitle", c.Subtitle}, {"x_name", c.XName}, {"y_name", c.YName}, {"source", c.Source}} {
			pair(t.File, t.Lines.Key(at, f.key), f.t, allow)
		}
		if c.Target != nil {
			pair(t.File, t.Lines.Key(at, "target"), c.Target.Label, allow)
		}
		if c.Partial != nil {
			pair(t.File, t.Lines.Key(at, "partial"), c.Partial.Label, allow)
		}
	}
	return out
}

// checkItem reports the glossary terms of it.orig that it.tr does not render.
func checkItem(s *content.Site, it item, gs []gterm, dl *diag.List) {
	orig := normalize(it.orig.text)
	tr := strings.ToLower(normalize(it.tr.text))
	found := occurring(orig, gs)
	for _, g := range found {
		if wordform.Rendered(tr, g.to) {
			continue
		}
		if i := slices.IndexFunc(it.allow, func(e *termExcuse) bool {
			return normalize(e.a.Term) == g.from && strings.Contains(tr, strings.ToLower(normalize(e.a.In)))
		}); i >= 0 {
			it.allow[i].used = true
			continue
		}
		ol, oc := s.Locate(it.orig.file, it.orig.line, g.from)
		tl, tc := it.tr.line, 0
		if tl > 0 {
			tl, tc = s.Locate(it.tr.file, tl, prefix(it.tr.text, 12))
			tc = max(tc, 1)
		}
		msg := fmt.Sprintf("glossary term %s (%s) is not rendered as %q", g.from, pos(it.orig.file, ol, oc), g.to)
		if other := usedFor(tr, orig, g, gs); other != nil {
			msg += fmt.Sprintf("; %q here is the rendering of %s (%s:%d:1)", other.to, other.from, glossaryFile, other.line)
		}
		dl.Add(diag.Diag{File: it.tr.file, Line: tl, Col: tc, Msg: msg,
			Hint: fmt.Sprintf("write %q as in %s:%d:1, or excuse it in this file with [[allow_terms]] term = %q, in = \"…\", reason = \"…\"", g.to, glossaryFile, g.line, g.from)})
	}
}

// occurring returns the terms that occur in text, a term inside a longer
// one that occurs at the same place not counted (gs is longest first).
func occurring(text string, gs []gterm) []gterm {
	var out []gterm
	taken := make([]bool, len(text))
	for _, g := range gs {
		hit := false
		for off := 0; ; {
			i := strings.Index(text[off:], g.from)
			if i < 0 {
				break
			}
			i += off
			if !slices.Contains(taken[i:i+len(g.from)], true) {
				hit = true
				for j := i; j < i+len(g.from); j++ {
					taken[j] = true
				}
			}
			off = i + len(g.from)
		}
		if hit {
			out = append(out, g)
		}
	}
	return out
}

// usedFor returns another term whose rendering the translation uses although
// the original does not have that term: likely the misrendering of g.
func usedFor(tr, orig string, g gterm, gs []gterm) *gterm {
	for i, o := range gs {
		if o.from != g.from && !strings.Contains(orig, o.from) && wordform.Rendered(tr, o.to) && wordform.Overlap(o.to, g.to) {
			return &gs[i]
		}
	}
	return nil
}

func prefix(s string, n int) string {
	s = strings.TrimSpace(s)
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func pos(file string, line, col int) string {
	return diag.Diag{File: file, Line: line, Col: col}.Pos()
}
