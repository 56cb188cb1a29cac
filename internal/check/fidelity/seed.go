// Package fidelity holds a report to its captured source, the seed that
// site.toml names: the check that the published text says what the source
// said, which package check runs last, on well-formed content.
package fidelity

import (
	"fmt"
	"io/fs"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/seed"
)

// Seed holds the report to its captured source, when site.toml names one
// ([report.source] seed, with its corrections): every sentence of the
// cleaned seed must appear in the text of the language the report was
// written in, in any section. A sentence of that text that the seed lacks is
// a warning, since editors may add headings or notes of their own. root is
// the site folder, which the seed's path is relative to; files is the
// content folder, holding the sections.
func Seed(s *content.Site, files, root fs.FS, dl *diag.List) {
	src := s.Report.Source
	if src.Seed == "" || root == nil {
		return
	}
	if len(s.SourceLangs()) == 0 {
		return
	}
	orig := s.Original()
	txt, err := seed.Load(root, src.Seed, src.Corrections)
	if err != nil {
		dl.Add(diag.Diag{File: addr.SiteTOML, Msg: fmt.Sprintf("seed: %v", err),
			Hint: "[report.source] seed and corrections name files relative to the site folder"})
		return
	}
	var want []seed.Sentence
	for i, l := range txt.Body {
		want = append(want, seed.Sentences(src.Seed, txt.BodyLines[i], []string{l})...)
	}
	var have []seed.Sentence
	for _, sec := range s.Sections {
		t := sec.Texts[orig.Tag]
		if t == nil || t.Derived {
			continue
		}
		b, err := fs.ReadFile(files, t.File)
		if err != nil {
			dl.Add(diag.Diag{File: t.File, Msg: err.Error()})
			continue
		}
		have = append(have, seed.MarkdownSentences(t.File, string(b))...)
	}
	missing, extra := seed.Compare(want, have)
	for _, m := range missing {
		d := diag.Diag{File: m.File, Line: m.Line,
			Msg:  fmt.Sprintf("sentence of the source missing from the %s text: %q", orig.Tag, m.Text),
			Hint: "restore it in the section that holds it, or record the change in the corrections with its reason"}
		if c, ok := closest(m, extra); ok {
			d.Hint = fmt.Sprintf("closest is content/%s:%d: %s; %s", c.File, c.Line, diffNote(m.Text, c.Text), d.Hint)
		}
		dl.Add(d)
	}
	for _, x := range extra {
		dl.Add(diag.Diag{File: x.File, Line: x.Line, Severity: diag.Warning,
			Msg:  fmt.Sprintf("sentence not in the source %s: %q", src.Seed, x.Text),
			Hint: "an editorial addition is fine; a change to the report's words belongs in the corrections, with its reason"})
	}
}

// closest returns the sentence of cands that shares the longest common
// prefix plus suffix with s, if it shares at least a third of s.
func closest(s seed.Sentence, cands []seed.Sentence) (seed.Sentence, bool) {
	a := []rune(s.Text)
	best, bestN := seed.Sentence{}, 0
	for _, c := range cands {
		p, q := affixes(a, []rune(c.Text))
		if p+q > bestN {
			best, bestN = c, p+q
		}
	}
	return best, bestN > 0 && bestN*3 >= len(a)
}

// affixes returns the lengths of the common prefix and of the common suffix
// of a and b, which do not overlap.
func affixes(a, b []rune) (prefix, suffix int) {
	for prefix < len(a) && prefix < len(b) && a[prefix] == b[prefix] {
		prefix++
	}
	for suffix < len(a)-prefix && suffix < len(b)-prefix && a[len(a)-1-suffix] == b[len(b)-1-suffix] {
		suffix++
	}
	return prefix, suffix
}

// diffNote says where two sentences differ: the source's words and the
// text's words between their common beginning and end.
func diffNote(want, got string) string {
	a, b := []rune(want), []rune(got)
	p, q := affixes(a, b)
	ctx := func(r []rune, from, to int) string {
		return strings.TrimSpace(string(r[from:to]))
	}
	return fmt.Sprintf("the source has «%s» where the text has «%s»", ctx(a, p, len(a)-q), ctx(b, p, len(b)-q))
}
