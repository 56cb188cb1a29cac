package structure

import (
	"fmt"
	"strings"

	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
	"reportsite/internal/tomlfile"
)

// DocFunc returns section sec parsed in l and its text; nil, nil when the
// section has no text in l.
type DocFunc func(sec *content.Section, l lang.Lang) (*markdown.Doc, *content.Text)

// parsed is a section's document with its text.
type parsed struct {
	doc  *markdown.Doc
	text *content.Text
}

// Section checks what every build needs of section sec before it can
// render: each chart and table it shows exists (what it finds depends on
// the section's texts and the site's charts and tables), and every
// hand-written translation of it has the same heading tree and the same
// charts and tables in the same order as the first. Once checks the rest
// of a section's shape, which compares it with the others.
func Section(s *content.Site, sec *content.Section, docs DocFunc, dl *diag.List) {
	var first *parsed
	for _, l := range s.SourceLangs() {
		doc, text := docs(sec, l)
		if doc == nil {
			continue
		}
		refs(s, doc, text, dl)
		if first == nil {
			first = &parsed{doc, text}
			continue
		}
		pair(*first, parsed{doc, text}, dl)
	}
}

// Once compares the sections with each other: it refuses a chart or table shown twice in one language, since the full
// report and the parallel text show every section on one page, where its
// figure's ID would repeat. It reads only each section's list of blocks.
func Once(s *content.Site, docs DocFunc, dl *diag.List) {
	type at struct {
		file string
		line int
	}
	type block struct{ kind, id string }
	for _, l := range s.SourceLangs() {
		seen := make(map[block]at, len(s.Sections))
		for _, sec := range s.Sections {
			doc, text := docs(sec, l)
			if doc == nil {
				continue
			}
			for _, r := range doc.Blocks {
				k := block{r.Kind, r.ID}
				if o, ok := seen[k]; ok {
					dl.Add(diag.Diag{File: text.File, Line: r.Line, Col: 1, Msg: fmt.Sprintf("%s %q is shown already at %s:%d", r.Kind, r.ID, o.file, o.line),
						Hint: "show each chart and table once in the report (the full report holds every section on one page); link to it instead"})
					continue
				}
				seen[k] = at{text.File, r.Line}
			}
		}
	}
}

func refs(s *content.Site, doc *markdown.Doc, text *content.Text, dl *diag.List) {
	for _, r := range doc.Blocks {
		var ids []string
		switch r.Kind {
		case markdown.BlockChart:
			if _, ok := s.Charts[r.ID]; ok {
				continue
			}
			ids = s.ChartIDs()
		case markdown.BlockTable:
			if _, ok := s.Table(r.ID); ok {
				continue
			}
			ids = s.TableIDs()
		}
		hint := fmt.Sprintf("defined: %s", strings.Join(ids, ", "))
		if s := tomlfile.Suggest(r.ID, ids); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		}
		if len(ids) == 0 {
			hint = fmt.Sprintf("define it in content/data/*.toml")
		}
		dl.Add(diag.Diag{File: text.File, Line: r.Line, Col: 1, Msg: fmt.Sprintf("%s %q not found", r.Kind, r.ID), Hint: hint})
	}
}

// checkPair compares a translation with the first language: the same heading
// tree and the same charts and tables in the same order.
func pair(a, o parsed, dl *diag.List) {
	ha, ho := a.doc.Headings, o.doc.Headings
	for i := 0; i < max(len(ha), len(ho)); i++ {
		switch {
		case i >= len(ha):
			dl.Errorf(o.text.File, ho[i].Line, fmt.Sprintf("remove it, or add the matching heading to %s", a.text.File),
				"heading %q has no counterpart in %s", ho[i].Text, a.text.File)
			return
		case i >= len(ho):
			dl.Errorf(o.text.File, lastLine(o), fmt.Sprintf("translate the heading at %s:%d", a.text.File, ha[i].Line),
				"missing heading: %s has %d headings, this file %d (first missing: %q)", a.text.File, len(ha), len(ho), ha[i].Text)
			return
		case ha[i].Level != ho[i].Level:
			dl.Errorf(o.text.File, ho[i].Line, fmt.Sprintf("make it a level-%d heading (%s), as at %s:%d", ha[i].Level, strings.Repeat("#", ha[i].Level), a.text.File, ha[i].Line),
				"heading %q is level %d, its counterpart is level %d", ho[i].Text, ho[i].Level, ha[i].Level)
			return
		case ha[i].ID != ho[i].ID:
			dl.Errorf(o.text.File, ho[i].Line, fmt.Sprintf("use {#%s} as at %s:%d, so the language switch keeps the reader's place", ha[i].ID, a.text.File, ha[i].Line),
				"heading id %q differs from its counterpart's %q", ho[i].ID, ha[i].ID)
			return
		}
	}
	ra, ro := a.doc.Blocks, o.doc.Blocks
	for i := 0; i < max(len(ra), len(ro)); i++ {
		switch {
		case i >= len(ra):
			dl.Errorf(o.text.File, ro[i].Line, fmt.Sprintf("remove it, or place it in %s too", a.text.File),
				"%s %q is not in %s", ro[i].Kind, ro[i].ID, a.text.File)
		case i >= len(ro):
			dl.Errorf(o.text.File, lastLine(o), fmt.Sprintf("add ```%s %s``` where %s:%d has it", ra[i].Kind, ra[i].ID, a.text.File, ra[i].Line),
				"%s %q is missing (it is in %s)", ra[i].Kind, ra[i].ID, a.text.File)
		case (ra[i].Kind != ro[i].Kind || ra[i].ID != ro[i].ID) && containsRef(ra, ro[i].Kind, ro[i].ID):
			dl.Errorf(o.text.File, ro[i].Line, fmt.Sprintf("keep charts and tables in the order of %s (%s:%d has %s %q)", a.text.File, a.text.File, ra[i].Line, ra[i].Kind, ra[i].ID),
				"%s %q is out of order", ro[i].Kind, ro[i].ID)
		case ra[i].Kind != ro[i].Kind || ra[i].ID != ro[i].ID:
			dl.Errorf(o.text.File, ro[i].Line, fmt.Sprintf("place the same block in both languages (%s:%d has %s %q)", a.text.File, ra[i].Line, ra[i].Kind, ra[i].ID),
				"%s %q does not match its counterpart %s %q", ro[i].Kind, ro[i].ID, ra[i].Kind, ra[i].ID)
		default:
			continue
		}
		return
	}
}

func lastLine(d parsed) int {
	return d.text.EndLine()
}

func containsRef(refs []markdown.Ref, kind, id string) bool {
	for _, r := range refs {
		if r.Kind == kind && r.ID == id {
			return true
		}
	}
	return false
}
