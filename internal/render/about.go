package render

import (
	"io/fs"
	"strconv"
	"strings"

	"reportsite/internal/lang"
	"reportsite/internal/seed"
)

// erratumView is one row of the About page's errata: a rule of the seed's
// recipe (with an example) or a manual correction. Original and Corrected
// quote the seed in its own language, never converted.
type erratumView struct {
	Original, Corrected string
	SeedLang            string // the seed's language, for Original and Corrected
	Reason              string
	ReasonLang          string // lang of Reason when it is not the page's
}

// glossCell is a glossary term in one column of the About page: the term in
// the column's language and, on a page whose language derives from it, the
// term as written beside its conversion.
type glossCell struct {
	Text, Lang string
	Orig       string // the hand-written form when Text is converted
	OrigLang   string
}

type glossRow struct {
	Cells []glossCell
	Note  string
}

type glossHead struct {
	Name, Lang string
}

// Errata rules that the seed's recipe applies, by the key of their
// description in i18n.toml, and the editorial conventions site.toml may
// declare as applied in deriving the sections from the cleaned seed.
var (
	ruleKeys = map[string]string{
		seed.RuleAnnotations: "errata_annotations",
		seed.RuleMarks:       "errata_marks",
		seed.RuleSpaces:      "errata_spaces",
	}
	// conventionKeys describe content.EditorialConventions.
	conventionKeys = map[string]string{
		"heading-stops":   "errata_heading_stops",
		"run-in-headings": "errata_run_in_headings",
	}
)

// seedErrata derives the errata from the seed and its corrections when
// site.toml names both and the files can be read (check.Seed reports when
// they cannot); otherwise nil.
func (b *builder) seedErrata() []seed.Erratum {
	src := b.site.Report.Source
	if b.opt.Root == nil || src.Seed == "" || src.Corrections == "" {
		return nil
	}
	raw, err := fs.ReadFile(b.opt.Root, src.Seed)
	if err != nil {
		return nil
	}
	corr, err := seed.LoadCorrections(b.opt.Root, src.Corrections)
	if err != nil {
		return nil
	}
	es, err := seed.Errata(raw, corr)
	if err != nil {
		return nil
	}
	return es
}

// errataViews returns the About page's errata in l: generated from the
// seed's recipe when there is one, else site.toml's own list.
func (b *builder) errataViews(l lang.Lang) []erratumView {
	orig, _ := b.originalLang()
	var out []erratumView
	reason := func(t lang.Text) erratumView {
		// A derived page quotes reasons about the seed as written, since
		// they quote the seed's characters.
		if l.Derived() && orig.Tag != "" {
			return erratumView{Reason: quotes(t.In(orig), orig), ReasonLang: orig.Tag}
		}
		return erratumView{Reason: quotes(t.In(l), l)}
	}
	es := b.seedErrata()
	if es == nil {
		for _, e := range b.site.Report.Errata {
			v := reason(e.Reason)
			v.Original, v.Corrected, v.SeedLang = e.Original, e.Corrected, orig.Tag
			out = append(out, v)
		}
		return out
	}
	for _, e := range es {
		var v erratumView
		if e.Rule == seed.RuleCorrection {
			v = reason(e.Reason)
		} else {
			v.Reason = strings.ReplaceAll(b.ui.get(ruleKeys[e.Rule], l), "{n}", strconv.Itoa(e.Count))
		}
		v.Original, v.Corrected, v.SeedLang = e.Original, e.Corrected, orig.Tag
		out = append(out, v)
	}
	for _, c := range b.site.Report.Source.Editorial {
		if key, ok := conventionKeys[c]; ok {
			out = append(out, erratumView{Reason: b.ui.get(key, l)})
		}
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

// originalLang returns the language the report was published in.
func (b *builder) originalLang() (lang.Lang, bool) {
	l := b.site.Original()
	return l, l.Tag != ""
}

// glossary returns the About page's glossary in l: a column per
// hand-written language; on a page whose language derives from one, that
// column shows the term converted, with the hand-written form beside it.
func (b *builder) glossary(l lang.Lang) ([]glossHead, []glossRow) {
	var head []glossHead
	cols := b.site.SourceLangs()
	for _, c := range cols {
		if l.Derived() && l.Derive == c.Tag {
			head = append(head, glossHead{Name: l.Name, Lang: l.Tag})
			continue
		}
		head = append(head, glossHead{Name: c.Name, Lang: c.Tag})
	}
	var rows []glossRow
	for _, t := range b.site.Glossary {
		r := glossRow{Note: t.Note.In(l)}
		for _, c := range cols {
			cell := glossCell{Text: t.Text.In(c), Lang: c.Tag}
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
