package site

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/tomlfile"
	"reportsite/templates"
)

// fullWidth is punctuation that belongs in Chinese text only.
const fullWidth = "，。：；！？（）「」『』、【】《》〈〉"

// asciiPunct is punctuation that Chinese text writes full width. A period
// or hyphen may stand in a number or a name (reportsite, 1.5), so only
// these are checked.
const asciiPunct = ",:;!?()"

// TestUIPunctuation checks the default interface strings: no full-width
// punctuation in English, no ASCII punctuation in Chinese, and no
// punctuation written into a template outside the strings, where it would
// show in every language.
func TestUIPunctuation(t *testing.T) {
	src, err := fs.ReadFile(templates.FS, "i18n.toml")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]lang.Text
	var dl diag.List
	if tomlfile.Decode("i18n.toml", src, 0, &raw, &dl) == nil {
		t.Fatalf("i18n.toml: %v", dl.Err())
	}
	// A string may quote the punctuation it speaks of: “,” or “。”.
	quoted := regexp.MustCompile(`“[^”]*”`)
	for key, tx := range raw {
		for tag, s := range tx {
			s = quoted.ReplaceAllString(s, "")
			switch {
			case strings.HasPrefix(tag, "zh"):
				if i := strings.IndexAny(s, asciiPunct); i >= 0 {
					t.Errorf("%s (%s) = %q: ASCII %q in Chinese; write it full width", key, tag, s, s[i])
				}
			default:
				if i := strings.IndexAny(s, fullWidth); i >= 0 {
					t.Errorf("%s (%s) = %q: full-width %q in %s", key, tag, s, []rune(s[i:])[0], tag)
				}
			}
		}
	}
	// Text between tags and actions in the templates is the same in every
	// language: it must hold no punctuation of either kind.
	action := regexp.MustCompile(`(?s)\{\{.*?\}\}|<[^>]*>`)
	files, _ := fs.Glob(templates.FS, "*.html")
	for _, f := range files {
		b, _ := fs.ReadFile(templates.FS, f)
		for _, s := range action.Split(string(b), -1) {
			if i := strings.IndexAny(s, fullWidth); i >= 0 {
				t.Errorf("%s: %q: full-width punctuation outside an interface string", f, strings.TrimSpace(s))
			}
		}
	}
}
