package single

import (
	"strings"
	"testing"
)

// TestRewrite: what a one-file page may keep, and what it must lose.
func TestRewrite(t *testing.T) {
	pg := Page{
		Path:    "en/report-en.html",
		Anchors: map[string]Anchors{"en/economy.html": {Anchor: "s-economy", IDs: map[string]bool{"h-1": true}}},
		Image: func(p string) string {
			if p == "en/pic.png" {
				return "data:image/png;base64,AA=="
			}
			return ""
		},
		Source: "https://example.org/report",
	}
	for _, tc := range []struct{ in, want string }{
		{`<script src="../static/charts.js"></script><p>x</p>`, `<p>x</p>`},
		{`<link rel="stylesheet" href="../static/site.css"><p>x</p>`, `<p>x</p>`},
		{`<p class="downloads"><a href="data/x.csv">CSV</a></p><p>x</p>`, `<p>x</p>`},
		{`<a href="economy.html#h-1">a</a>`, `<a href="#s-economy-h-1">a</a>`},
		{`<a href="economy.html#other">a</a>`, `<a href="#s-economy">a</a>`},
		{`<a href="economy.html">a</a>`, `<a href="#s-economy">a</a>`},
		{`<a href="#p-1">a</a>`, `<a href="#p-1">a</a>`},
		{`<a href="data.html" download="x">a</a>`, `<a>a</a>`},
		{`<a href="https://example.org/report">src</a>`, `<a href="https://example.org/report">src</a>`},
		{`<a href="https://elsewhere.example/">x</a>`, `<a>x</a>`},
		{`<img src="pic.png" alt="p">`, `<img src="data:image/png;base64,AA==" alt="p">`},
		{`<img src="other.png" alt="p">`, `<img alt="p">`},
		{`<iframe src="x.html"><p>in</p></iframe><p>out</p>`, `<p>out</p>`},
	} {
		got, _, err := Rewrite([]byte(tc.in), pg)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("Rewrite(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
	_, hs, err := Rewrite([]byte(`<style>a{}</style><style>a{}</style><style>b{}</style>`), pg)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 2 || !strings.HasPrefix(hs[0], "'sha256-") {
		t.Errorf("style hashes %v, want two distinct 'sha256-…' sources", hs)
	}
}
