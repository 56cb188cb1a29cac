package site

import (
	"fmt"
	"strings"

	"reportsite/internal/check"
	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
	"reportsite/internal/par"
	"reportsite/internal/tomlfile"
)

// sectionDoc is a section's Markdown parsed for one language.
type sectionDoc struct {
	sec  *content.Section
	text *content.Text
	lang lang.Lang
	doc  *markdown.Doc
	// prep is the rendered document, its blocks left to fill, when the
	// build prepared it (and dropped the parse tree) as it parsed.
	prep    *markdown.Prepared
	prepErr error
}

// parse parses every section in every language, spread over the workers,
// and records syntax problems in a fixed order. When b.prepare is set it
// also renders each document, leaving its blocks to fill per page. Derived languages are parsed
// from their converted text; their problems are their source's, so they are
// not reported twice.
func (b *builder) parse() {
	type job struct {
		sec  *content.Section
		l    lang.Lang
		t    *content.Text
		doc  *markdown.Doc
		errs []markdown.Error
		prep *markdown.Prepared
		perr error
	}
	var jobs []*job
	for _, sec := range b.site.Sections {
		for _, l := range b.site.Languages {
			if t := sec.Texts[l.Tag]; t != nil {
				jobs = append(jobs, &job{sec: sec, l: l, t: t})
			}
		}
	}
	par.Do(b.opt.Workers, len(jobs), func(i int) {
		j := jobs[i]
		j.doc, j.errs = markdown.Parse(j.t.Body, markdown.Options{LineOffset: j.t.BodyLine, NoteLabel: b.ui.get("tn_label", j.l)})
		if b.prepare {
			// Render now, while the tree is at hand, and let it go: the
			// trees of a long report take many times the memory of its text.
			j.prep, j.perr = j.doc.Prepare()
		}
	})
	for _, j := range jobs {
		if !j.t.Derived {
			for _, e := range j.errs {
				b.dl.Add(diag.Diag{File: j.t.File, Line: e.Line, Col: e.Col, Msg: e.Msg, Hint: e.Hint})
			}
		}
		b.docs[docKey{j.sec.ID, j.l.Tag}] = &sectionDoc{sec: j.sec, text: j.t, lang: j.l, doc: j.doc, prep: j.prep, prepErr: j.perr}
	}
}

func (b *builder) doc(sec *content.Section, l lang.Lang) *sectionDoc {
	return b.docs[docKey{sec.ID, l.Tag}]
}

// check runs the structural checks every build needs: references to charts
// and tables exist, and translations have the same shape.
func (b *builder) check() {
	b.checkFiles()
	b.parse()
	b.checkImages()
	for _, sec := range b.site.Sections {
		var first *sectionDoc
		for _, l := range b.site.SourceLangs() {
			d := b.doc(sec, l)
			if d == nil || d.doc == nil {
				continue
			}
			b.checkRefs(d)
			if first == nil {
				first = d
				continue
			}
			b.checkPair(first, d)
		}
	}
	b.checkOnce()
	if b.dl.Errors() == 0 {
		// The editorial rules compare texts, so they run on well-formed content.
		check.Run(b.site, b.paras, b.dl)
		check.Seed(b.site, b.opt.Content, b.opt.Root, b.dl)
	}
	if b.dl.Errors() == 0 {
		b.findStatements()
	}
	if b.prepare {
		// Only the checks, findStatements and the search index read the
		// paragraphs' plain text.
		if !b.opt.NoSearch {
			b.keepSearchParas()
		}
		for _, d := range b.docs {
			d.doc.Paras = nil
		}
	}
}

// paras returns a section's paragraphs in l for the editorial checks.
func (b *builder) paras(sec *content.Section, l lang.Lang) []check.Para {
	d := b.doc(sec, l)
	if d == nil || d.doc == nil {
		return nil
	}
	out := make([]check.Para, 0, len(d.doc.Paras)+len(d.doc.Headings))
	for _, p := range d.doc.Paras {
		out = append(out, check.Para{Text: p.Text, Line: p.Line})
	}
	for _, h := range d.doc.Headings {
		out = append(out, check.Para{Text: h.Text, Line: h.Line, Heading: true})
	}
	return out
}

// checkOnce refuses a chart or table shown twice in one language: the full
// report and the parallel text show every section on one page, where its
// figure's ID would repeat.
func (b *builder) checkOnce() {
	for _, l := range b.site.SourceLangs() {
		seen := map[string]string{}
		for _, sec := range b.site.Sections {
			d := b.doc(sec, l)
			if d == nil || d.doc == nil {
				continue
			}
			for _, r := range d.doc.Blocks {
				k := r.Kind + " " + r.ID
				if at, ok := seen[k]; ok {
					b.dl.Add(diag.Diag{File: d.text.File, Line: r.Line, Col: 1, Msg: fmt.Sprintf("%s %q is shown already at %s", r.Kind, r.ID, at),
						Hint: "show each chart and table once in the report (the full report holds every section on one page); link to it instead"})
					continue
				}
				seen[k] = fmt.Sprintf("%s:%d", d.text.File, r.Line)
			}
		}
	}
}

func (b *builder) checkRefs(d *sectionDoc) {
	for _, r := range d.doc.Blocks {
		var ids []string
		switch r.Kind {
		case "chart":
			if _, ok := b.site.Charts[r.ID]; ok {
				continue
			}
			ids = b.site.ChartIDs()
		case "table":
			if _, ok := b.site.Table(r.ID); ok {
				continue
			}
			ids = b.site.TableIDs()
		}
		hint := fmt.Sprintf("defined: %s", strings.Join(ids, ", "))
		if s := tomlfile.Suggest(r.ID, ids); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		}
		if len(ids) == 0 {
			hint = fmt.Sprintf("define it in content/data/*.toml")
		}
		b.dl.Add(diag.Diag{File: d.text.File, Line: r.Line, Col: 1, Msg: fmt.Sprintf("%s %q not found", r.Kind, r.ID), Hint: hint})
	}
}

// checkPair compares a translation with the first language: the same heading
// tree and the same charts and tables in the same order.
func (b *builder) checkPair(a, o *sectionDoc) {
	ha, ho := a.doc.Headings, o.doc.Headings
	for i := 0; i < max(len(ha), len(ho)); i++ {
		switch {
		case i >= len(ha):
			b.dl.Errorf(o.text.File, ho[i].Line, fmt.Sprintf("remove it, or add the matching heading to %s", a.text.File),
				"heading %q has no counterpart in %s", ho[i].Text, a.text.File)
			return
		case i >= len(ho):
			b.dl.Errorf(o.text.File, lastLine(o), fmt.Sprintf("translate the heading at %s:%d", a.text.File, ha[i].Line),
				"missing heading: %s has %d headings, this file %d (first missing: %q)", a.text.File, len(ha), len(ho), ha[i].Text)
			return
		case ha[i].Level != ho[i].Level:
			b.dl.Errorf(o.text.File, ho[i].Line, fmt.Sprintf("make it a level-%d heading (%s), as at %s:%d", ha[i].Level, strings.Repeat("#", ha[i].Level), a.text.File, ha[i].Line),
				"heading %q is level %d, its counterpart is level %d", ho[i].Text, ho[i].Level, ha[i].Level)
			return
		case ha[i].ID != ho[i].ID:
			b.dl.Errorf(o.text.File, ho[i].Line, fmt.Sprintf("use {#%s} as at %s:%d, so the language switch keeps the reader's place", ha[i].ID, a.text.File, ha[i].Line),
				"heading id %q differs from its counterpart's %q", ho[i].ID, ha[i].ID)
			return
		}
	}
	ra, ro := a.doc.Blocks, o.doc.Blocks
	for i := 0; i < max(len(ra), len(ro)); i++ {
		switch {
		case i >= len(ra):
			b.dl.Errorf(o.text.File, ro[i].Line, fmt.Sprintf("remove it, or place it in %s too", a.text.File),
				"%s %q is not in %s", ro[i].Kind, ro[i].ID, a.text.File)
		case i >= len(ro):
			b.dl.Errorf(o.text.File, lastLine(o), fmt.Sprintf("add ```%s %s``` where %s:%d has it", ra[i].Kind, ra[i].ID, a.text.File, ra[i].Line),
				"%s %q is missing (it is in %s)", ra[i].Kind, ra[i].ID, a.text.File)
		case (ra[i].Kind != ro[i].Kind || ra[i].ID != ro[i].ID) && containsRef(ra, ro[i].Kind, ro[i].ID):
			b.dl.Errorf(o.text.File, ro[i].Line, fmt.Sprintf("keep charts and tables in the order of %s (%s:%d has %s %q)", a.text.File, a.text.File, ra[i].Line, ra[i].Kind, ra[i].ID),
				"%s %q is out of order", ro[i].Kind, ro[i].ID)
		case ra[i].Kind != ro[i].Kind || ra[i].ID != ro[i].ID:
			b.dl.Errorf(o.text.File, ro[i].Line, fmt.Sprintf("place the same block in both languages (%s:%d has %s %q)", a.text.File, ra[i].Line, ra[i].Kind, ra[i].ID),
				"%s %q does not match its counterpart %s %q", ro[i].Kind, ro[i].ID, ra[i].Kind, ra[i].ID)
		default:
			continue
		}
		return
	}
}

func lastLine(d *sectionDoc) int {
	return d.text.BodyLine + strings.Count(string(d.text.Body), "\n")
}

func containsRef(refs []markdown.Ref, kind, id string) bool {
	for _, r := range refs {
		if r.Kind == kind && r.ID == id {
			return true
		}
	}
	return false
}
