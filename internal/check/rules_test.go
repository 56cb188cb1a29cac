package check

import (
	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
)

// The rules one at a time, for the tests; a build runs them all (All).

// Parity reports the numbers of the original that a translation leaves out,
// the numbers of a translation that the original does not state, and
// allow_numbers entries that excuse nothing.
func Parity(s *content.Site, paras ParasFunc, dl *diag.List) {
	tf := lazyTexts(s, paras)
	for _, sec := range s.Sections {
		parity(s, sec, tf, dl)
	}
}

// Provenance reports the number cells of data tables that their source
// section does not state in the original language.
func Provenance(s *content.Site, paras ParasFunc, dl *diag.List) {
	tf := lazyTexts(s, paras)
	sections := map[string]*content.Section{}
	for _, sec := range s.Sections {
		sections[sec.ID] = sec
	}
	for _, t := range s.Tables {
		provenance(s, t, sections, tf, dl)
	}
}

// Terms reports, item by item (a paragraph, a heading, a title, a table
// cell, a chart label, a card), glossary terms of the original whose
// rendering the translation of the same item lacks, and glossary entries
// that give one term two renderings or one rendering to two terms.
func Terms(s *content.Site, paras ParasFunc, dl *diag.List) {
	src, ok := original(s)
	if !ok {
		return
	}
	tf := lazyTexts(s, paras)
	gs := glossaries(s, dl)
	terms(s, gs, func(l lang.Lang, excuse excuseFunc) []item { return siteItems(s, src, l, excuse) }, dl)
	for _, sec := range s.Sections {
		terms(s, gs, func(l lang.Lang, excuse excuseFunc) []item { return sectionItems(sec, src, l, tf, excuse) }, dl)
	}
	for _, t := range s.Tables {
		terms(s, gs, func(l lang.Lang, excuse excuseFunc) []item { return tableItems(t, src, l, excuse) }, dl)
	}
}
