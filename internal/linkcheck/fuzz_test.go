package linkcheck

import (
	"bytes"
	"encoding/json"
	"maps"
	"net/url"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
)

// FuzzScan checks arbitrary HTML (and CSS) as several files of a small
// site, one of them at an arbitrary path: Check must not panic and must
// report exactly what the first implementation (referenceCheck) reports, and
// a Checker fed the files in reverse order exactly what Check reports. It
// also holds the shortcuts of the scanner, parseRef and join, to what
// url.Parse and path.Join say of the input.
func FuzzScan(f *testing.F) {
	for _, tt := range checkTests {
		for p, data := range tt.files {
			f.Add(p, []byte(data))
		}
	}
	// The head and navigation of a page of the benchmark site.
	page := genSite(2)["en/s0001.html"]
	f.Add("en/s0001.html", page[:bytes.Index(page, []byte("<details"))])
	for _, s := range []string{
		`<a href="t.html#top"></a><a href="./t.html#n"></a><a href="../en/t.html#x"></a><a href="img.png#x"></a>`,
		`<a href="%41.html"></a><a href="a?b:c#d"></a><a href="a:b"></a><a href=":x"></a><a href="#%zz"></a><a href="?"></a><a href="*"></a>`,
		`<img src="DATA:,x"><img src="Data:/x"><img src="mailto://x"><img src="x:%zz"><img src="x:y#%"><img src="1x:y">`,
		"<a href=\"a\x01b\"></a><a href=\"#a\x01b\"></a><a href=\"tel:1\x7f\"></a><a href=\" \u00a0x\u0085 \"></a>",
		`<IMG SRCSET=" a.png 1x,b.png, ,http://x/c.png 2x"><a NAME=x></a><P Id=x Id=y><use XLINK:HREF="#x"/>`,
		`<a href="../../x.html"></a><a href="..//x"></a><a href="a//b"></a><a href="a/./b"></a><a href="x/.."></a>`,
		`<link rel="Alternate" href="HTTPS://x/"><link rel="canon` + "\u0130" + `cal" href="//x/"><link href="data:,">`,
		`<p style="x:url(https://a/b)"><form action=" "><object data=""><video src=x poster=//y>`,
		`<script>"<a href='nope.html'>"</script><textarea><a href="nope.html"></textarea><!-- <a href="x.html"> -->`,
		`@import "https://x/y.css"; @import url(z.css); a{b:url( "//c/d.png" )} @import` + "\u00a0x.css",
		`<a id=a><a id=a><a name=b><p id=b><p id=""><p id>`,
	} {
		f.Add("en/a.html", []byte(s))
		f.Add("en/b.css", []byte(s))
	}
	for _, s := range lexSeeds(f) {
		f.Add("en/a.html", []byte(s))
	}
	f.Fuzz(func(t *testing.T, page string, data []byte) {
		files := map[string][]byte{
			"index.html": data,
			"en/a.html":  data,
			"en/b.css":   data,
			"en/t.html":  []byte(`<h1 id="top"></h1><a name="n"></a>`),
			"en/img.png": nil,
			page:         data,
		}
		want := referenceCheck(files)
		got := Check(files)
		if !slices.Equal(got, want) {
			t.Fatalf("Check() =\n%v\nreferenceCheck() =\n%v", got, want)
		}
		c := NewChecker()
		for _, p := range slices.Backward(slices.Sorted(maps.Keys(files))) {
			c.Add(p, files[p])
		}
		if probs := c.Problems(); !slices.Equal(probs, got) {
			t.Fatalf("Checker.Problems() =\n%v\nCheck() =\n%v", probs, got)
		}
		v := strings.TrimSpace(string(data))
		if scheme, p, frag, ok := parseRef(v); ok && !remote(v) {
			u, err := url.Parse(v)
			if err != nil {
				t.Fatalf("parseRef(%q) ok, url.Parse: %v", v, err)
			}
			if scheme != u.Scheme || (scheme == "" && p != u.Path) || frag != u.Fragment {
				t.Fatalf("parseRef(%q) = %q, %q, %q; url.Parse: %q, %q, %q", v, scheme, p, frag, u.Scheme, u.Path, u.Fragment)
			}
		}
		if v != "" && !strings.HasPrefix(v, "/") && !strings.HasSuffix(v, "/") && v != "." && v != ".." {
			dir := path.Dir(page)
			if got, want := join(dir, v), path.Join(dir, v); got != want {
				t.Fatalf("join(%q, %q) = %q, want %q", dir, v, got, want)
			}
		}
	})
}

// lexSeeds returns tricky pages for a tokenizer: comments, raw text, odd
// tags and attributes (kept from the lexer this package once had).
func lexSeeds(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/seeds.json")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
