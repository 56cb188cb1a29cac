package content

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/lang"
)

// TestLoadReal loads the repository's report: every section pairs in every
// language, derived texts exist, and nothing is reported.
func TestLoadReal(t *testing.T) {
	s, dl := Load(os.DirFS("../../content"))
	for _, d := range dl.Items() {
		t.Errorf("Load: %s", d)
	}
	if s == nil {
		t.Fatal("Load returned no site")
	}
	if len(s.Sections) < 4 || len(s.Tables) == 0 || len(s.Charts) == 0 || len(s.Glossary) == 0 {
		t.Errorf("Load: %d sections, %d tables, %d charts, %d terms; want all non-empty", len(s.Sections), len(s.Tables), len(s.Charts), len(s.Glossary))
	}
	for _, sec := range s.Sections {
		for _, l := range s.Languages {
			tx := sec.Texts[l.Tag]
			if tx == nil || len(tx.Body) == 0 || tx.Title == "" {
				t.Errorf("section %s has no %s text", sec.ID, l.Tag)
			}
			if l.Derived() && tx != nil && tx.Title == sec.Texts[l.Derive].Title {
				t.Errorf("section %s: %s title %q was not converted", sec.ID, l.Tag, tx.Title)
			}
		}
	}
}

// TestUnits declares units in both forms of site.toml and checks each
// mistake is reported at its line with a hint.
func TestUnits(t *testing.T) {
	const head = `title = { zh-Hant = "報告", en = "Report" }
[[languages]]
tag = "zh-Hant"
name = "繁體中文"
prefix = "zh-hant"
[[languages]]
tag = "en"
name = "English"
prefix = "en"
`
	tests := []struct {
		name, units string
		check       func(t *testing.T, s *Site)
		want        string // a diagnostic, with its hint; empty for none about units
	}{
		{name: "words only", units: "[units.firms]\nzh-Hant = \"家\"\nen = \"firms\"\n", check: func(t *testing.T, s *Site) {
			if u := s.Units["firms"]; u.Kind != lang.KindPlain || u.Scale != lang.ScaleNone || u.Words["en"] != "firms" {
				t.Errorf("units.firms = %+v, want plain, unscaled, firms", u)
			}
		}},
		{name: "words, kind and scale", units: "[units.NZD]\nkind = \"currency\"\nscale = \"large\"\n", check: func(t *testing.T, s *Site) {
			en := lang.Lang{Tag: "en"}
			if got := lang.Format(3.2e9, s.Units["NZD"], en); got != "NZD 3.2 billion" {
				t.Errorf("Format(3.2e9, NZD, en) = %q, want %q", got, "NZD 3.2 billion")
			}
		}},
		{name: "scale none", units: "[units.beds]\nwords = { zh-Hant = \"張\", en = \"beds\" }\nscale = \"none\"\n", check: func(t *testing.T, s *Site) {
			if u := s.Units["beds"]; u.Scale != lang.ScaleNone || u.Words["zh-Hant"] != "張" {
				t.Errorf("units.beds = %+v, want unscaled, 張", u)
			}
		}},
		{name: "built in", units: "[units.MOP]\nkind = \"currency\"\n", want: `site.toml:11: unit "MOP" is built in`},
		{name: "unknown kind", units: "[units.beds]\nwords = \"beds\"\nkind = \"money\"\n", want: "site.toml:13: unit \"beds\" has unknown kind \"money\"\n\thint: use kind = \"plain\" | \"currency\" | \"percent\" | \"rank\""},
		{name: "unknown scale", units: "[units.beds]\nwords = \"beds\"\nscale = \"huge\"\n", want: "site.toml:13: unit \"beds\" has unknown scale \"huge\"\n\thint: use scale = \"none\" | \"large\" | \"thousand\""},
		{name: "missing language", units: "[units.beds]\nwords = { en = \"beds\" }\n", want: "site.toml:11: units.beds.words has no zh-Hant text"},
		{name: "wrong type", units: "[units.beds]\nwords = \"beds\"\nscale = 3\n", want: "scale is a int64, want a string"},
		{name: "unknown key", units: "[units.beds]\nwords = \"beds\"\nscael = \"large\"\n", want: `unknown key "scael" in a unit`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, dl := Load(fstest.MapFS{
				"site.toml":       {Data: []byte(head + "\n" + tt.units)},
				"zh-Hant/01-a.md": {Data: []byte("+++\ntitle = \"甲\"\n+++\n甲。\n")},
				"en/01-a.md":      {Data: []byte("+++\ntitle = \"A\"\n+++\nA.\n")},
			})
			var got []string
			for _, d := range dl.Items() {
				if !strings.Contains(d.String(), "glossary") {
					got = append(got, d.String())
				}
			}
			all := strings.Join(got, "\n")
			switch {
			case tt.want == "" && all != "":
				t.Errorf("Load: unexpected problems:\n%s", all)
			case tt.want != "" && !strings.Contains(all, tt.want):
				t.Errorf("Load problems =\n%s\nwant one containing\n%s", all, tt.want)
			}
			if tt.check != nil && s != nil {
				tt.check(t, s)
			}
		})
	}
}

// TestLanguageOptions checks the original language and the conversion a
// derived language names.
func TestLanguageOptions(t *testing.T) {
	lang1 := func(tag, extra string) string {
		return "[[languages]]\ntag = \"" + tag + "\"\nname = \"" + tag + "\"\nprefix = \"" + strings.ToLower(tag) + "\"\n" + extra
	}
	tests := []struct {
		name, langs, want, original string
	}{
		{name: "first by default", langs: lang1("zh-Hant", "") + lang1("en", ""), original: "zh-Hant"},
		{name: "marked", langs: lang1("zh-Hant", "") + lang1("en", "original = true\n"), original: "en"},
		{name: "two marked", langs: lang1("zh-Hant", "original = true\n") + lang1("en", "original = true\n"), want: "more than one original language"},
		{name: "derived marked", langs: lang1("zh-Hant", "") + lang1("en", "") + lang1("zh-Hans", "derive = \"zh-Hant\"\noriginal = true\n"), want: `derived language "zh-Hans" cannot be the original`},
		{name: "conversion", langs: lang1("zh-Hant", "") + lang1("en", "") + lang1("zh-Hans", "derive = \"zh-Hant\"\nconversion = \"s2hk\"\n"), want: `language "zh-Hans": no conversion s2hk from zh-Hant to zh-Hans; use one of: t2s`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, dl := Load(fstest.MapFS{
				"site.toml":       {Data: []byte("title = { zh-Hant = \"報告\", en = \"Report\" }\n" + tt.langs)},
				"zh-Hant/01-a.md": {Data: []byte("+++\ntitle = \"甲\"\n+++\n甲。\n")},
				"en/01-a.md":      {Data: []byte("+++\ntitle = \"A\"\n+++\nA.\n")},
			})
			var got []string
			for _, d := range dl.Items() {
				if !strings.Contains(d.String(), "glossary") {
					got = append(got, d.String())
				}
			}
			all := strings.Join(got, "\n")
			if tt.want == "" && all != "" || tt.want != "" && !strings.Contains(all, tt.want) {
				t.Fatalf("Load problems =\n%s\nwant %q", all, tt.want)
			}
			if tt.original != "" && s.Original().Tag != tt.original {
				t.Errorf("Original() = %s, want %s", s.Original().Tag, tt.original)
			}
		})
	}
}
