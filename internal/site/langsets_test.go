package site

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/lang"
	"reportsite/internal/linkcheck"
)

// miniWith returns the mini site's content with site.toml's languages and
// unofficial list replaced, and its hand-written files moved or converted by
// edit (nil keeps them).
func miniWith(t *testing.T, languages, unofficial string, edit func(name string, data []byte) (string, []byte)) fstest.MapFS {
	t.Helper()
	src := os.DirFS("testdata/mini/content")
	out := fstest.MapFS{}
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		if p == "site.toml" {
			s := string(data)
			i, j := strings.Index(s, "[[languages]]"), strings.Index(s, "[report]")
			s = s[:i] + languages + "\n" + s[j:]
			s = strings.Replace(s, `unofficial = ["en", "zh-Hans"]`, "unofficial = "+unofficial, 1)
			data = []byte(s)
		}
		if edit != nil {
			p, data = edit(p, data)
		}
		if p != "" {
			out[p] = &fstest.MapFile{Data: data}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

const (
	langHant    = "[[languages]]\ntag = \"zh-Hant\"\nname = \"繁體中文\"\nprefix = \"zh-hant\"\n"
	langHans    = "[[languages]]\ntag = \"zh-Hans\"\nname = \"简体中文\"\nprefix = \"zh-hans\"\n"
	langEn      = "[[languages]]\ntag = \"en\"\nname = \"English\"\nprefix = \"en\"\n"
	derivedHans = langHans + "derive = \"zh-Hant\"\n"
)

// TestLanguageSets builds the mini report in one language, in two Chinese
// scripts without English, Simplified-first with Traditional derived by the
// Hong Kong standard, and English-first: every page links only pages that
// exist, and the interface states what is derived and what is authoritative
// from site.toml.
func TestLanguageSets(t *testing.T) {
	enText := regexp.MustCompile(`(?m), en = "[^"]*"|^en = .*\n`)
	dropEn := func(p string, d []byte) (string, []byte) {
		if strings.HasPrefix(p, "en/") {
			return "", nil
		}
		if strings.HasSuffix(p, ".toml") {
			d = enText.ReplaceAll(d, nil)
		}
		return p, d
	}
	conv := lang.NewConverter()
	hansFirst := func(p string, d []byte) (string, []byte) {
		s := string(d)
		if strings.HasPrefix(p, "zh-Hant/") {
			p = "zh-Hans/" + strings.TrimPrefix(p, "zh-Hant/")
			s = conv.Must("zh-Hant", "zh-Hans", s)
		}
		if strings.HasSuffix(p, ".toml") {
			s = strings.ReplaceAll(s, "zh-Hant =", "zh-Hans =")
		}
		return p, []byte(s)
	}
	tests := []struct {
		name, languages, unofficial string
		edit                        func(string, []byte) (string, []byte)
		pages, absent               []string
		contains                    map[string][]string // page → strings it shows
		lacks                       map[string][]string
	}{
		{
			name: "one language", languages: langHant, unofficial: "[]", edit: dropEn,
			pages:  []string{"zh-hant/index.html", "zh-hant/about.html", "zh-hant/economy.html"},
			absent: []string{"zh-hant/parallel.html", "en/index.html", "zh-hans/index.html"},
			lacks:  map[string][]string{"zh-hant/index.html": {"parallel.html", `class="unofficial"`}, "zh-hant/about.html": {`id="translations"`}},
		},
		{
			name: "two scripts", languages: langHant + derivedHans, unofficial: `["zh-Hans"]`, edit: dropEn,
			pages:  []string{"zh-hans/index.html", "zh-hant/about.html"},
			absent: []string{"zh-hant/parallel.html", "zh-hans/parallel.html"},
			contains: map[string][]string{
				"zh-hant/about.html": {"簡體中文由繁體中文自動轉換（OpenCC t2s）。所有數字與繁體中文原文一致"},
				"zh-hans/index.html": {"以繁体中文原文为准"},
			},
			lacks: map[string][]string{"zh-hant/index.html": {"parallel.html"}, "zh-hant/about.html": {"英文"}},
		},
		{
			name: "Simplified first", languages: langHans + langEn + "[[languages]]\ntag = \"zh-Hant\"\nname = \"繁體中文\"\nprefix = \"zh-hant\"\nderive = \"zh-Hans\"\nconversion = \"s2hk\"\n",
			unofficial: `["en", "zh-Hant"]`, edit: hansFirst,
			pages: []string{"zh-hans/index.html", "zh-hant/index.html", "zh-hans/parallel.html", "en/parallel.html"},
			contains: map[string][]string{
				"en/about.html":      {"The Traditional Chinese text is converted automatically from the Simplified Chinese (OpenCC s2hk).", "Every figure matches the Simplified Chinese original"},
				"zh-hant/index.html": {"以簡體中文原文為準"},
				"en/index.html":      {"the Simplified Chinese original is authoritative"},
				// The original comes first on every parallel page.
				"zh-hans/parallel.html": {`<div class="parallel">`},
				"en/parallel.html":      {`<div class="parallel other-first">`},
			},
			lacks: map[string][]string{"zh-hans/index.html": {`class="unofficial"`}},
		},
		{
			name: "English original, listed last", languages: langHant + derivedHans + langEn + "original = true\n", unofficial: `["zh-Hant", "zh-Hans"]`,
			pages: []string{"en/index.html", "zh-hant/parallel.html", "en/parallel.html"},
			contains: map[string][]string{
				"zh-hant/index.html":    {"以英文原文為準"},
				"zh-hans/about.html":    {"所有数字与英文原文一致"},
				"zh-hant/parallel.html": {`<div class="parallel other-first">`},
				"en/parallel.html":      {`<div class="parallel">`},
			},
			lacks: map[string][]string{"en/index.html": {`class="unofficial"`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := miniOptions(t)
			opt.Content = miniWith(t, tt.languages, tt.unofficial, tt.edit)
			res := build(t, opt)
			for _, p := range linkcheck.Check(res.Out) {
				t.Errorf("link check: %s", p)
			}
			for _, p := range tt.pages {
				if _, ok := res.Out[p]; !ok {
					t.Errorf("no %s", p)
				}
			}
			for _, p := range tt.absent {
				if _, ok := res.Out[p]; ok {
					t.Errorf("%s was written", p)
				}
			}
			for p, ss := range tt.contains {
				for _, s := range ss {
					if !strings.Contains(string(res.Out[p]), s) {
						t.Errorf("%s does not show %q", p, s)
					}
				}
			}
			for p, ss := range tt.lacks {
				for _, s := range ss {
					if strings.Contains(string(res.Out[p]), s) {
						t.Errorf("%s shows %q", p, s)
					}
				}
			}
		})
	}
}
