package pages

import (
	"strings"
	"testing"

	"reportsite/internal/markdown"
	"reportsite/internal/markdown/anchors"
	"reportsite/internal/render/view"
)

// TestOneFileLinks: what a section's Markdown keeps on the one-file report,
// and what it loses, when it is written there.
func TestOneFileLinks(t *testing.T) {
	of := &oneFile{
		path:    "en/report-en.html",
		anchors: map[string]sectionAnchors{"en/economy.html": {anchor: "s-economy", ids: func() string { return "\x00h-1\x00h-12\x00" }}},
		image: func(p string) string {
			if p == "en/pic.png" {
				return "data:image/png;base64,AA=="
			}
			return ""
		},
		source: "https://example.org/report",
	}
	for _, tc := range []struct{ src, want string }{
		{`[a](economy.html#h-1)`, `<a href="#s-economy-h-1">a</a>`},
		{`[a](economy.html#other)`, `<a href="#s-economy">a</a>`},
		{`[a](economy.html#h-2)`, `<a href="#s-economy">a</a>`},
		{`[a](economy.html#h)`, `<a href="#s-economy">a</a>`},
		{`[a](economy.html)`, `<a href="#s-economy">a</a>`},
		{`[a](data.html "t")`, `<a title="t">a</a>`},
		{`[a](#elsewhere)`, `<a href="#elsewhere">a</a>`},
		{`[src](https://example.org/report)`, `<a href="https://example.org/report">src</a>`},
		{`<https://elsewhere.example/>`, `<a>https://elsewhere.example/</a>`},
		{`![p](pic.png)`, `<img src="data:image/png;base64,AA==" alt="p">`},
		{`![p](other.png)`, `<img alt="p">`},
		{`![p](data:image/png;base64,BB==)`, `<img src="data:image/png;base64,BB==" alt="p">`},
	} {
		d, errs := markdown.Parse([]byte(tc.src), markdown.Options{})
		if len(errs) > 0 {
			t.Fatalf("Parse(%q): %v", tc.src, errs)
		}
		p, err := d.Prepare()
		if err != nil {
			t.Fatal(err)
		}
		chunks, err := p.Fill(nil)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		anchors.Write(&b, chunks[0].HTML, oneFileLinks{view.Prefixed(markdown.IDs(chunks), "s-x-"), of})
		want := `<p id="s-x-p-1">` + tc.want + "</p>\n"
		if b.String() != want {
			t.Errorf("one-file %s = %q, want %q", tc.src, b.String(), want)
		}
		b.Reset()
		anchors.Write(&b, chunks[0].HTML, view.Prefixed(markdown.IDs(chunks), "s-x-"))
		if strings.Contains(tc.src, "(#") != strings.Contains(b.String(), `href="#`) {
			t.Errorf("full report %s = %q: other pages' links must stay as written", tc.src, b.String())
		}
	}
}

// TestReplaceOnce: the one-file report's policy replaces its placeholder
// however the template's writes cut it, once; without it the page is as
// written.
func TestReplaceOnce(t *testing.T) {
	for _, tc := range []struct {
		name   string
		writes []string
		want   string
	}{
		{"in one write", []string{"<head>XYZ</head>body"}, "<head>csp</head>body"},
		{"cut", []string{"<head>X", "Y", "Z</head>", "body"}, "<head>csp</head>body"},
		{"twice", []string{"XY", "ZXYZ"}, "cspXYZ"},
		{"absent", []string{"<head>", "XY</head>", "body"}, "<head>XY</head>body"},
		{"nothing", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			w := &replaceOnce{w: &b, old: []byte("XYZ"), new: []byte("csp")}
			for _, s := range tc.writes {
				if n, err := w.Write([]byte(s)); n != len(s) || err != nil {
					t.Fatalf("Write(%q) = %d, %v", s, n, err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("written %q, want %q", b.String(), tc.want)
			}
		})
	}
}
