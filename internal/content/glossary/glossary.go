// Package glossary reads glossary.toml: the report's official names and
// terms with their renderings in each language.
//
//	# content/glossary.toml
//	[[terms]]
//	zh-Hant = "規模以上"              # the term in the original
//	en = "above designated size"     # its one rendering in each hand-written language
//	forms = ["規上"]                  # optional: other spellings in the original
//	kind = "term"                     # place | organisation | term | programme | slogan | enterprise
//	note = { zh-Hant = "…", en = "…" } # optional, shown on the About page
//
// Wherever a term occurs in the original of an item a reader sees (a
// paragraph, a heading, a section title or summary, a table's title, note,
// column label or text cell, a chart's title or axis names, a card's label),
// its rendering must occur in the translation of the same item. A rendering
// matches in any letter case, without a leading article (the, a, an) and with
// its last word in the singular or the regular plural (key project, key
// projects; local worthy, local worthies); it must stand as whole words.
// Nothing else varies: "aged under 35" is not "aged 35 or under". A term
// inside a longer term at the same place counts as the longer one only. Two
// renderings of one term, or one rendering (in the sense above) of two terms,
// are errors in the glossary. A miss is an error unless excused where it
// stands, in the section's front matter or at the top of the table file (for
// site.toml's titles and cards, at the top of site.toml):
//
//	[[allow_terms]]
//	term = "規上"                     # the glossary term
//	in = "Industry"                  # a phrase of the translated item it concerns
//	reason = "the chart's short category label; the row's item names the threshold"
//
// An entry excuses each item whose translation contains the in phrase; one
// that excuses nothing is reported.
package glossary

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"

	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/sitefs"
	"reportsite/internal/tomlfile"
)

// Term is a glossary entry.
type Term struct {
	Text lang.Text // the term in each language
	// Forms are other spellings of the term in the original language, such
	// as an abbreviation (規上 for 規模以上), rendered the same way.
	Forms []string
	Kind  string
	Note  lang.Text
	Line  int
}

type glossaryFile struct {
	Terms []map[string]any `toml:"terms"`
}

// File is the glossary's file in the content folder.
const File = "glossary.toml"

// Load reads glossary.toml from fsys, if there is one: a term in each
// hand-written language of sources, and in each language of langs once
// derived ones are filled in.
func Load(fsys fs.FS, langs, sources []lang.Lang, dl *diag.List) []Term {
	const name = File
	if _, err := fs.Stat(fsys, name); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	src, ok := sitefs.ReadText(fsys, name, dl)
	if !ok {
		return nil
	}
	var gf glossaryFile
	f := tomlfile.Decode(name, src, 0, &gf, dl)
	if f == nil {
		return nil
	}
	var out []Term
	for i, raw := range gf.Terms {
		at := fmt.Sprintf("terms[%d]", i)
		t := Term{Text: lang.Text{}, Line: f.KeyLine(at, langs[0].Tag)}
		for k, v := range raw {
			switch k {
			case "kind":
				t.Kind, _ = v.(string)
			case "forms":
				vs, _ := v.([]any)
				for _, form := range vs {
					if str, ok := form.(string); ok && str != "" {
						t.Forms = append(t.Forms, str)
						continue
					}
					dl.Errorf(name, f.KeyLine(at, "forms"), `write forms = ["規上"]`, "term %d: forms must be a list of strings", i+1)
				}
			case "note":
				if err := t.Note.UnmarshalTOML(v); err != nil {
					dl.Errorf(name, f.KeyLine(at, "note"), `write note = { en = "…" }`, "term %d note: %v", i+1, err)
				}
			default:
				str, ok := v.(string)
				if !ok || !slices.ContainsFunc(sources, func(l lang.Lang) bool { return l.Tag == k }) {
					dl.Errorf(name, f.KeyLine(at, k), "a term has one string per hand-written language, plus kind and note", "term %d has unknown key %q", i+1, k)
					continue
				}
				t.Text[k] = str
			}
		}
		for _, m := range t.Text.Missing(langs) {
			dl.Errorf(name, t.Line, fmt.Sprintf("add %s = \"…\"", m), "term %d has no %s rendering", i+1, m)
		}
		out = append(out, t)
	}
	return out
}
