package check

import (
	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
)

// The rules one at a time, for the tests; a build runs them all (All).

// lazyTexts reads each text when a rule first asks for it.
func lazyTexts(paras ParasFunc) textFunc {
	return func(sec *content.Section, l lang.Lang) *text { return newText(sec, l, paras) }
}

// Parity reports the numbers of the original that a translation leaves out,
// the numbers of a translation that the original does not state, and
// allow_numbers entries that excuse nothing.
func Parity(s *content.Site, paras ParasFunc, dl *diag.List) {
	parity(s, lazyTexts(paras), dl)
}

// Provenance reports the number cells of data tables that their source
// section does not state in the original language.
func Provenance(s *content.Site, paras ParasFunc, dl *diag.List) {
	provenance(s, lazyTexts(paras), dl)
}

// Terms reports, item by item (a paragraph, a heading, a title, a table
// cell, a chart label, a card), glossary terms of the original whose
// rendering the translation of the same item lacks, and glossary entries
// that give one term two renderings or one rendering to two terms.
func Terms(s *content.Site, paras ParasFunc, dl *diag.List) {
	terms(s, lazyTexts(paras), dl)
}
