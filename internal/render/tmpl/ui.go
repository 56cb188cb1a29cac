package tmpl

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"

	"reportsite/internal/check/punct"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/tomlfile"
)

// UI holds the interface strings of the templates (i18n.toml): key → text.
type UI map[string]lang.Text

// LoadUI reads i18n.toml from the template FS and completes it for derived
// languages. A string missing for a hand-written language is an error, so a
// page never shows an untranslated label.
func LoadUI(tfs fs.FS, langs []lang.Lang, conv func(from, to, s string) string, dl *diag.List) UI {
	const name = "templates/i18n.toml"
	src, err := fs.ReadFile(tfs, "i18n.toml")
	if err != nil {
		dl.Errorf(name, 0, "restore templates/i18n.toml or remove the site's override", "cannot read interface strings: %v", err)
		return nil
	}
	var raw map[string]lang.Text
	f := tomlfile.Decode(name, src, 0, &raw, dl)
	if f == nil {
		return nil
	}
	out := UI{}
	var quotes punct.QuoteStyle
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		t := raw[k]
		for _, l := range langs {
			if l.Derived() {
				continue
			}
			if !t.Has(l.Tag) && !t.Has(lang.Any) {
				dl.Errorf(name, f.KeyLine(k), fmt.Sprintf("add %s = \"…\" under %s, or override templates/i18n.toml in the site", l.Tag, k), "interface string %q has no %s text", k, l.Tag)
			}
			// Interface strings follow the punctuation rules of the
			// content: a page shows them beside its text.
			str := t.In(l)
			for _, p := range append(punct.Marks(str, l), quotes.Check(str, l, fmt.Sprintf("%s:%d", name, f.KeyLine(k)))...) {
				dl.Add(diag.Diag{File: name, Line: f.KeyLine(k), Msg: fmt.Sprintf("interface string %s: %s", k, p.Msg), Hint: p.Hint})
			}
		}
		t.Fill(langs, conv)
		out[k] = t
	}
	return out
}

// Get returns the interface string key in l; unknown keys show as [key] so a
// template typo is visible rather than silently empty.
func (u UI) Get(key string, l lang.Lang) string {
	t, ok := u[key]
	if !ok {
		return "[" + key + "]"
	}
	if s := t.In(l); s != "" {
		return s
	}
	return t[lang.Any]
}
