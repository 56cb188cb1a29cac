package linkcheck

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // substrings, one per problem, in order
	}{
		{"ok", map[string]string{
			"index.html":    `<a href="en/index.html#top">x</a><a href="https://example.org/">out</a><link rel="stylesheet" href="s.css">`,
			"en/index.html": `<h1 id="top">t</h1><a href="../index.html">up</a><script src="../s.js"></script>`,
			"s.css":         `body{background:url(a.png)}`,
			"s.js":          ``,
		}, nil},
		{"missing file", map[string]string{"index.html": `<a href="nope.html">x</a>`}, []string{`nope.html does not exist`}},
		{"missing anchor", map[string]string{"index.html": `<a href="#nope">x</a>`}, []string{`no id "nope"`}},
		{"directory link", map[string]string{"index.html": `<a href="en/">x</a>`}, []string{`points at a directory`}},
		{"root relative", map[string]string{"index.html": `<a href="/en/index.html">x</a>`}, []string{`root-relative`}},
		{"remote script", map[string]string{"index.html": `<script src="https://cdn.example/x.js"></script>`}, []string{`loads from another host`}},
		{"protocol relative image", map[string]string{"index.html": `<img src="//cdn.example/x.png" alt="">`}, []string{`loads from another host`}},
		{"remote stylesheet", map[string]string{"index.html": `<link rel="stylesheet" href="https://fonts.example/css">`}, []string{`loads from another host`}},
		{"remote font in css", map[string]string{"a.css": `@font-face{src:url("https://fonts.example/f.woff2")}`}, []string{`stylesheet loads`}},
		{"svg image href", map[string]string{"index.html": `<svg><image href="https://x.example/a.png"/></svg>`}, []string{`loads from another host`}},
		{"duplicate id", map[string]string{"index.html": `<p id="a"></p><p id="a"></p>`}, []string{`duplicate id "a"`}},
		{"remote alternate is fine", map[string]string{"index.html": `<link rel="alternate" hreflang="en" href="https://example.org/en/">`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{}
			for k, v := range tt.files {
				files[k] = []byte(v)
			}
			got := Check(files)
			if len(got) != len(tt.want) {
				t.Fatalf("Check() = %v, want %d problems %v", got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i].Msg, w) {
					t.Errorf("Check()[%d] = %q, want it to contain %q", i, got[i].Msg, w)
				}
			}
		})
	}
}
