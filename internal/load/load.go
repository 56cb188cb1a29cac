// Package load is the first stage of a build: it turns the site's content
// (read by internal/content) into the model the later stages share. Each
// section is parsed once per language into a markdown document carrying its
// headings, blocks, images, paragraphs and their lines; the images the
// sections show are resolved to their files; and every figure of a data
// table is traced to the paragraph that states it.
//
// Load reports what it finds unreadable (Markdown syntax, missing images);
// the rules that judge the content are internal/check's.
package load

import (
	"errors"

	"reportsite/internal/check"
	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
	"reportsite/internal/par"
)

// Doc is a section's Markdown parsed for one language.
type Doc struct {
	Sec  *content.Section
	Text *content.Text
	Lang lang.Lang
	Doc  *markdown.Doc
	// Prep is the rendered document, its blocks left to fill, when the
	// build prepared it (and dropped the parse tree) as it parsed.
	Prep    *markdown.Prepared
	PrepErr error
}

type docKey struct{ section, lang string }

// Model is a loaded site.
type Model struct {
	Site     *content.Site
	docs     map[docKey]*Doc
	sections map[string]*content.Section
	// Images are the images the sections show, by output path.
	Images map[string]ImageSource
	// stated is where each figure of a table is stated (see Statement),
	// and StatedIn the figures each section states, with how each language
	// writes them (see FindStatements).
	stated   map[*dataset.Table][]stated
	StatedIn map[*content.Section]*Figures
	// searchParas are the documents' paragraphs, kept for the search
	// index after DropParas.
	searchParas map[docKey][]markdown.Para
	keepParas   bool // see KeepParas
	// prev is the model Carry took documents from, whose statements
	// FindStatements may take too; citing is what FindStatements found of
	// which tables cite which sections, in table order.
	prev   *Model
	citing map[string][]*dataset.Table
	// cites is, by table, the sections it cites (by FindStatements, for
	// the next model's).
	cites map[*dataset.Table][]string
}

// New returns the model of site s, its sections not yet parsed.
func New(s *content.Site) *Model {
	m := &Model{Site: s, docs: map[docKey]*Doc{}, sections: map[string]*content.Section{}}
	for _, sec := range s.Sections {
		m.sections[sec.ID] = sec
	}
	return m
}

// Parse parses every section in every language (but those Carry took from
// an earlier model), spread over workers, and
// records syntax problems in a fixed order. With prepare set it also renders
// each document, leaving its blocks to fill per page. noteLabel is the label
// of a translator's note in a language. Derived languages are parsed from
// their converted text; their problems are their source's, so they are not
// reported twice.
func (m *Model) Parse(workers int, prepare bool, noteLabel func(lang.Lang) string, dl *diag.List) {
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
	for _, sec := range m.Site.Sections {
		for _, l := range m.Site.Languages {
			if t := sec.Texts[l.Tag]; t != nil && m.docs[docKey{sec.ID, l.Tag}] == nil {
				jobs = append(jobs, &job{sec: sec, l: l, t: t})
			}
		}
	}
	par.Do(workers, len(jobs), func(i int) {
		j := jobs[i]
		j.doc, j.errs = markdown.Parse(j.t.Body, markdown.Options{LineOffset: j.t.BodyLine, NoteLabel: noteLabel(j.l)})
		if prepare {
			// Render now, while the tree is at hand, and let it go: the
			// trees of a long report take many times the memory of its text.
			j.prep, j.perr = j.doc.Prepare()
		}
	})
	for _, j := range jobs {
		if !j.t.Derived {
			for _, e := range j.errs {
				dl.Add(diag.Diag{File: j.t.File, Line: e.Line, Col: e.Col, Msg: e.Msg, Hint: e.Hint})
			}
		}
		m.docs[docKey{j.sec.ID, j.l.Tag}] = &Doc{Sec: j.sec, Text: j.t, Lang: j.l, Doc: j.doc, Prep: j.prep, PrepErr: j.perr}
	}
}

// Carry takes from old, the model of an earlier version of the site, the
// documents of every section that is the same value in both sites (see
// content.Site.Patch), so that Parse parses only the others. old must have
// been prepared and kept its paragraphs (KeepParas).
func (m *Model) Carry(old *Model) {
	m.prev = old
	if len(m.docs) == 0 {
		m.docs = make(map[docKey]*Doc, len(old.docs))
	}
	for _, sec := range m.Site.Sections {
		if old.sections[sec.ID] != sec {
			continue
		}
		for _, l := range m.Site.Languages {
			if d := old.docs[docKey{sec.ID, l.Tag}]; d != nil {
				m.docs[docKey{sec.ID, l.Tag}] = d
			}
		}
	}
}

// Doc returns section sec parsed in l; nil when it has no text in l.
func (m *Model) Doc(sec *content.Section, l lang.Lang) *Doc {
	return m.docs[docKey{sec.ID, l.Tag}]
}

// Parsed returns section sec's document in l and its text, for the checks;
// nil when there is none.
func (m *Model) Parsed(sec *content.Section, l lang.Lang) (*markdown.Doc, *content.Text) {
	d := m.Doc(sec, l)
	if d == nil || d.Doc == nil {
		return nil, nil
	}
	return d.Doc, d.Text
}

// Section returns the section with ID id, or nil.
func (m *Model) Section(id string) *content.Section { return m.sections[id] }

// Paras returns a section's paragraphs in l, with its headings after them,
// for the editorial checks.
func (m *Model) Paras(sec *content.Section, l lang.Lang) []check.Para {
	d := m.Doc(sec, l)
	if d == nil || d.Doc == nil {
		return nil
	}
	out := make([]check.Para, 0, len(d.Doc.Paras)+len(d.Doc.Headings))
	for _, p := range d.Doc.Paras {
		out = append(out, check.Para{Text: p.Text, Line: p.Line})
	}
	for _, h := range d.Doc.Headings {
		out = append(out, check.Para{Text: h.Text, Line: h.Line, Heading: true})
	}
	return out
}

// DropParas lets the paragraphs' plain text go once the checks and
// FindStatements have read it; with keepForSearch they stay available to
// SearchParas.
func (m *Model) DropParas(keepForSearch bool) {
	if keepForSearch {
		m.searchParas = make(map[docKey][]markdown.Para, len(m.docs))
		for k, d := range m.docs {
			if d.Doc != nil {
				m.searchParas[k] = d.Doc.Paras
			}
		}
	}
	for _, d := range m.docs {
		d.Doc.Paras = nil
	}
}

// KeepParas is DropParas for a model whose documents a later model will
// Carry: the paragraphs stay where the checks and the search index read them.
func (m *Model) KeepParas() { m.keepParas = true }

// Kept reports whether KeepParas was called: whether a later model may
// Carry the documents, to render and mark them again.
func (m *Model) Kept() bool { return m.keepParas }

// ReleaseSearchParas drops the paragraphs DropParas kept, once the search
// index, their last reader, is made: at 5,000 sections in three languages
// their text was 77 MB, held to the end of the build. Those KeepParas
// keeps stay.
func (m *Model) ReleaseSearchParas() { m.searchParas = nil }

// SearchParas returns the paragraphs of section sec in l kept by DropParas
// or KeepParas; nil when they were not kept.
func (m *Model) SearchParas(sec *content.Section, l lang.Lang) []markdown.Para {
	if m.keepParas {
		if d := m.Doc(sec, l); d != nil && d.Doc != nil {
			return d.Doc.Paras
		}
		return nil
	}
	return m.searchParas[docKey{sec.ID, l.Tag}]
}

// ReleaseSection drops section sec's prepared documents, in every
// language, once every page that shows it is made: at 5,000 sections in
// three languages they were 90 MB held to the end of the build. Rendering
// the section again then fails with ErrReleased. A model whose documents a
// later model will Carry (KeepParas) keeps them.
func (m *Model) ReleaseSection(sec *content.Section) {
	if m.keepParas {
		return
	}
	for _, l := range m.Site.Languages {
		if d := m.docs[docKey{sec.ID, l.Tag}]; d != nil && d.Prep != nil {
			d.Prep, d.PrepErr = nil, ErrReleased
		}
	}
}

// ErrReleased is what a section released by ReleaseSection has instead of
// its prepared document.
var ErrReleased = errors.New("load: the section's prepared text was released once its pages were made")

// LangByTag returns the site's language with tag; the zero Lang when none.
func (m *Model) LangByTag(tag string) lang.Lang {
	for _, l := range m.Site.Languages {
		if l.Tag == tag {
			return l
		}
	}
	return lang.Lang{}
}
