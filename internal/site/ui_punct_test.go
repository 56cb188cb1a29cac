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

func TestCommonUnit(t *testing.T) {
	tests := []struct {
		in       []string
		pre, suf string
	}{
		{[]string{"CNY 257.64 million", "CNY 137.76 million"}, "CNY ", " million"},
		{[]string{"CNY 9.58 billion", "CNY 257.64 million"}, "CNY ", ""},
		{[]string{"CNY 9.58 billion"}, "CNY ", " billion"},
		{[]string{"3,714 people", "2,906 people"}, "", " people"},
		{[]string{"95.82億元", "25,764萬元"}, "", "元"},
		{[]string{"10億元", "20億元"}, "", "億元"},
		{[]string{"80.41%", "62.91%"}, "", ""},
		{[]string{"-6.0%", "9.0%"}, "", ""},
		{[]string{"12", "3"}, "", ""},
		{[]string{"No. 3", "No. 5"}, "", ""},
		{[]string{"5 people", "people"}, "", ""},
		{nil, "", ""},
	}
	for _, tt := range tests {
		pre, suf := commonUnit(tt.in)
		if pre != tt.pre || suf != tt.suf {
			t.Errorf("commonUnit(%q) = %q, %q; want %q, %q", tt.in, pre, suf, tt.pre, tt.suf)
		}
	}
}

// TestCSSString checks that a title quoted into the print style sheet cannot
// end its string, its rule or a <style> element it is inlined into.
func TestCSSString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Changtai: 2021", `"Changtai: 2021"`},
		{"常泰街道", `"常泰街道"`},
		{`a"b\c`, `"a\22 b\5c c"`},
		{"</style><script>", `"\3c /style\3e \3c script\3e "`},
		{"a\nb}", `"a\a b}"`},
	}
	for _, tt := range tests {
		if got := cssString(tt.in); got != tt.want {
			t.Errorf("cssString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
