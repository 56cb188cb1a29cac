package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestPortableNames checks that check refuses names Windows reserves and
// names that differ only in case, in the content, in the site's static
// files (against the embedded ones too) and in the pages sections make.
func TestPortableNames(t *testing.T) {
	for _, tc := range []struct {
		name    string
		content map[string]string // added to the mini content
		overlay map[string]string // the site folder's own files
		want    string
	}{
		{"data file", map[string]string{"data/nul.toml": "x"}, nil,
			`data/nul.toml: file name "nul.toml" is reserved on Windows`},
		{"content folder", map[string]string{"data/Aux/x.txt": "x"}, nil,
			`data/Aux: file name "Aux" is reserved on Windows`},
		{"section slug", map[string]string{"en/03-com1.md": "", "zh-Hant/03-com1.md": ""}, nil,
			`en/03-com1.md: section slug "com1" makes the page com1.html, a name reserved on Windows`},
		{"static file", nil, map[string]string{"static/img/LPT9.png": "x"},
			`static/img/LPT9.png: file name "LPT9.png" is reserved on Windows`},
		{"case in content", map[string]string{"data/Notes.txt": "a", "data/notes.txt": "b"}, nil,
			`data/notes.txt: data/Notes.txt and data/notes.txt differ only in case`},
		{"case against the embedded static files", nil, map[string]string{"static/Site.css": "x"},
			`static/site.css: static/Site.css and static/site.css differ only in case`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := miniFS(t)
			for p, d := range tc.content {
				if d == "" && strings.HasSuffix(p, ".md") {
					d = "+++\ntitle = \"T\"\n+++\nText.\n"
				}
				m[p] = &fstest.MapFile{Data: []byte(d)}
			}
			o := fstest.MapFS{}
			for p, d := range tc.overlay {
				o[p] = &fstest.MapFile{Data: []byte(d)}
			}
			opt := miniOptions(t)
			opt.Content, opt.Overlay = m, o
			res, err := Check(opt)
			var got []string
			for _, d := range res.Diags {
				got = append(got, d.String())
			}
			if err == nil || !strings.Contains(strings.Join(got, "\n"), tc.want) {
				t.Errorf("Check = %v, diagnostics:\n%s\nwant %q", err, strings.Join(got, "\n"), tc.want)
			}
			if !strings.Contains(strings.Join(got, "\n"), "hint: ") {
				t.Errorf("no hint")
			}
		})
	}
	if res, err := Check(miniOptions(t)); err != nil {
		t.Errorf("Check(mini) = %v, %v", err, res.Diags)
	}
}
