// Package about makes the parts of the About page that are built from the
// site's metadata: the errata (derived from the seed's recipe when there is
// one) and the glossary.
package about

import (
	"io/fs"
	"strconv"
	"strings"

	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/seed"
)

// Erratum is one row of the About page's errata: a rule of the seed's
// recipe (with an example) or a manual correction. Original and Corrected
// quote the seed in its own language, never converted.
type Erratum struct {
	Original, Corrected string
	SeedLang            string // the seed's language, for Original and Corrected
	Reason              string
	ReasonLang          string // lang of Reason when it is not the page's
}

// GlossCell is a glossary term in one column of the About page: the term in
// the column's language and, on a page whose language derives from it, the
// term as written beside its conversion.
type GlossCell struct {
	Text, Lang string
	Orig       string // the hand-written form when Text is converted
	OrigLang   string
}

// GlossRow is one term: its cells, a column per language, and its note.
type GlossRow struct {
	Cells []GlossCell
	Note  string
}

// GlossHead names a column of the glossary.
type GlossHead struct {
	Name, Lang string
}

// Errata rules that the seed's recipe applies, by the key of their
// description in i18n.toml.
var ruleKeys = map[string]string{
	seed.RuleAnnotations: "errata_annotations",
	seed.RuleMarks:       "errata_marks",
	seed.RuleSpaces:      "errata_spaces",
}

// conventionKey returns the key in i18n.toml of the description of an
// editorial convention site.toml may declare as applied in deriving the
// sections from the cleaned seed (report.EditorialConventions): errata_
// and the convention's name, with _ for -.
func conventionKey(c string) string { return "errata_" + strings.ReplaceAll(c, "-", "_") }

// seedErrata derives the errata from the seed and its corrections when
// site.toml names both and the files can be read (check.Seed reports when
// they cannot); otherwise nil.
func seedErrata(s *content.Site, root fs.FS) []seed.Erratum {
	src := s.Report.Source
	if root == nil || src.Seed == "" || src.Corrections == "" {
		return nil
	}
	raw, err := fs.ReadFile(root, src.Seed)
	if err != nil {
		return nil
	}
	corr, err := seed.LoadCorrections(root, src.Corrections)
	if err != nil {
		return nil
	}
	es, err := seed.Errata(raw, corr)
	if err != nil {
		return nil
	}
	return es
}

// Errata returns the About page's errata by language: generated from the
// seed's recipe when site.toml names one and root (the site folder) holds
// it, else site.toml's own list. The seed is compared with its corrections
// once, here, for every language. ui returns an interface string in a
// language.
func Errata(s *content.Site, root fs.FS, ui func(key string, l lang.Lang) string) func(l lang.Lang) []Erratum {
	es := seedErrata(s, root)
	return func(l lang.Lang) []Erratum { return errata(s, es, l, ui) }
}

// errata returns the About page's errata in l from the seed's errata es,
// or from site.toml's list when es is nil.
func errata(s *content.Site, es []seed.Erratum, l lang.Lang, ui func(key string, l lang.Lang) string) []Erratum {
	orig := s.Original()
	var out []Erratum
	reason := func(t lang.Text) Erratum {
		// A derived page quotes reasons about the seed as written, since
		// they quote the seed's characters.
		if l.Derived() && orig.Tag != "" {
			return Erratum{Reason: quotes(t.In(orig), orig), ReasonLang: orig.Tag}
		}
		return Erratum{Reason: quotes(t.In(l), l)}
	}
	if es == nil {
		for _, e := range s.Report.Errata {
			v := reason(e.Reason)
			v.Original, v.Corrected, v.SeedLang = e.Original, e.Corrected, orig.Tag
			out = append(out, v)
		}
		return out
	}
	for _, e := range es {
		var v Erratum
		if e.Rule == seed.RuleCorrection {
			v = reason(e.Reason)
		} else {
			v.Reason = strings.ReplaceAll(ui(ruleKeys[e.Rule], l), "{n}", strconv.Itoa(e.Count))
		}
		v.Original, v.Corrected, v.SeedLang = e.Original, e.Corrected, orig.Tag
		out = append(out, v)
	}
	for _, c := range s.Report.Source.Editorial {
		out = append(out, Erratum{Reason: ui(conventionKey(c), l)})
	}
	return out
}

// quotes gives a text the quotation marks of the site's own texts in its
// language: the seed's recipe may use others (「」 or straight quotes).
func quotes(s string, l lang.Lang) string {
	if l.NumberStyle() == lang.StyleCJK {
		return strings.NewReplacer("「", "“", "」", "”").Replace(s)
	}
	var b strings.Builder
	open := true
	for _, r := range s {
		if r == '"' {
			if open {
				b.WriteRune('“')
			} else {
				b.WriteRune('”')
			}
			open = !open
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Glossary returns the About page's glossary in l: a column per
// hand-written language; on a page whose language derives from one, that
// column shows the term converted, with the hand-written form beside it.
func Glossary(s *content.Site, l lang.Lang) ([]GlossHead, []GlossRow) {
	var head []GlossHead
	cols := s.SourceLangs()
	for _, c := range cols {
		if l.Derived() && l.Derive == c.Tag {
			head = append(head, GlossHead{Name: l.Name, Lang: l.Tag})
			continue
		}
		head = append(head, GlossHead{Name: c.Name, Lang: c.Tag})
	}
	var rows []GlossRow
	for _, t := range s.Glossary {
		r := GlossRow{Note: t.Note.In(l)}
		for _, c := range cols {
			cell := GlossCell{Text: t.Text.In(c), Lang: c.Tag}
			if l.Derived() && l.Derive == c.Tag {
				cell.Text, cell.Lang = t.Text.In(l), l.Tag
				if conv := t.Text.In(c); conv != cell.Text {
					cell.Orig, cell.OrigLang = conv, c.Tag
				}
			}
			r.Cells = append(r.Cells, cell)
		}
		rows = append(rows, r)
	}
	return head, rows
}
