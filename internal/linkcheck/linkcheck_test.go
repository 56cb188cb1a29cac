package linkcheck

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// checkTests are the cases of TestCheck, also used by TestChecker.
var checkTests = []struct {
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
	{"text fragment", map[string]string{"index.html": `<p id="p-1">25764萬元</p><a href="#p-1:~:text=25764%E8%90%AC">x</a><a href="index.html#:~:text=x">y</a>`}, nil},
	{"text fragment, missing anchor", map[string]string{"index.html": `<a href="#p-2:~:text=x">x</a>`}, []string{`no id "p-2"`}},
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

func TestCheck(t *testing.T) {
	for _, tt := range checkTests {
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

// TestCheckMessages pins the exact text and order of every kind of problem:
// other packages compare them verbatim.
func TestCheckMessages(t *testing.T) {
	files := map[string][]byte{
		"index.html": []byte(`<!doctype html>
<a href="en/index.html#top">ok</a><a href="#gone">self</a><a name="n"></a><a href="#n">named</a>
<p id="a"></p><p id="a"></p><p ID="n"></p>
<p style="background:url('https://x.example/bg.png')">s</p>
<a href="nope.html">missing</a><a href="en/index.html#nope">no id</a><a href="s.css#x">css fragment</a>
<a href="en/">dir</a><a href="/en/index.html">root</a><a href="mailto:x@example.org">mail</a>
<img src=""><img src=" https://cdn.example/x.png "><img src="data:image/png;base64,AA==" alt="">
<script src="javascript:void(0)"></script><iframe src="%zz"></iframe><img src="a b.png">
<img srcset="en/a.png 1x, //cdn.example/b.png 2x, , missing.png 3x">
<link rel="stylesheet" href="https://fonts.example/css"><link rel=CANONICAL href="https://example.org/">
<link rel="alternate" href="nope/"><form action=""></form><video poster="p.png"></video>
<svg><use xlink:href="#gone"/><image href="en/a.png"/></svg><object data="../up.html"></object>
<a href="..">up</a><a href="en/../index.html#a">self by path</a>`),
		"en/index.html": []byte(`<h1 id="top">t</h1><a href="../index.html">up</a><img src="a.png">`),
		"en/a.png":      nil,
		"s.css":         []byte(`@import "https://fonts.example/f.css"; a{background:url(x.png)} b{background:url( "//cdn.example/y.png" )}`),
	}
	want := []string{
		`index.html: duplicate id "a"`,
		`index.html: duplicate id "n"`,
		`index.html: style loads "https://x.example/bg.png" from another host`,
		`index.html: <a href="en/"> points at a directory: link to its index.html so it works from file://`,
		`index.html: <a href="/en/index.html"> is root-relative: it breaks under a sub-path and from file://`,
		`index.html: <img src> is empty`,
		`index.html: <img src="https://cdn.example/x.png"> loads from another host`,
		`index.html: <script src="javascript:void(0)"> uses scheme javascript`,
		`index.html: <iframe src="%zz">: parse "%zz": invalid URL escape "%zz"`,
		`index.html: <img srcset="//cdn.example/b.png"> loads from another host`,
		`index.html: <link href="https://fonts.example/css"> loads from another host`,
		`index.html: <link href="nope/"> points at a directory: link to its index.html so it works from file://`,
		`index.html: <form action> is empty`,
		`index.html: <a href=".."> points at a directory: link to its index.html so it works from file://`,
		`s.css: stylesheet loads "//cdn.example/y.png" from another host`,
		`s.css: stylesheet loads "https://fonts.example/f.css" from another host`,
		`index.html: link "#gone": no id "gone" in index.html`,
		`index.html: link "nope.html": nope.html does not exist`,
		`index.html: link "en/index.html#nope": no id "nope" in en/index.html`,
		`index.html: link "a b.png": a b.png does not exist`,
		`index.html: link "missing.png": missing.png does not exist`,
		`index.html: link "p.png": p.png does not exist`,
		`index.html: link "#gone": no id "gone" in index.html`,
		`index.html: link "../up.html": ../up.html does not exist`,
	}
	var got []string
	for _, p := range Check(files) {
		got = append(got, p.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("Check() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ref := referenceCheck(files); !slices.Equal(Check(files), ref) {
		t.Errorf("Check() differs from referenceCheck() = %v", ref)
	}
}

// checkerSites are the sites of the Checker tests: the cases of TestCheck
// and TestCheckMessages' kinds of problem spread over several pages.
func checkerSites() map[string]map[string][]byte {
	sites := map[string]map[string][]byte{
		"small synthetic": genSite(12),
		"problems everywhere": {
			"index.html":      []byte(`<a href="a/b.html#x">x</a><a href="a/">d</a><p id="i"></p><p id="i"></p><a href="#i"></a>`),
			"a/b.html":        []byte(`<h1 id="y"></h1><a href="../index.html#i"></a><a href="../index.html#nope"></a><img src="http://x/">`),
			"a/c.html":        []byte(`<a href="b.html#y"></a><a href="b.html#x"></a><a href="d.html"></a><script src="/s.js"></script>`),
			"a/s.css":         []byte(`a{background:url(//x/y.png)}`),
			"b.css":           []byte(`@import url(https://x/y.css);`),
			"z/empty.html":    nil,
			"z/not-html.txt":  []byte(`<a href="nope.html">not read</a>`),
			"z/links.html":    []byte(`<a href="../a/b.html"></a><a href="../a/b.html#y"></a><a href="../../out.html"></a><a href="./empty.html#"></a>`),
			"z/dup-name.html": []byte(`<a name="x"></a><p id="x"></p><a href="#x"></a>`),
		},
	}
	for _, tt := range checkTests {
		files := map[string][]byte{}
		for k, v := range tt.files {
			files[k] = []byte(v)
		}
		sites["TestCheck/"+tt.name] = files
	}
	return sites
}

func TestChecker(t *testing.T) {
	for name, files := range checkerSites() {
		t.Run(name, func(t *testing.T) {
			want := Check(files)
			if ref := referenceCheck(files); !slices.Equal(want, ref) {
				t.Fatalf("Check() = %v\nreferenceCheck() = %v", want, ref)
			}
			paths := slices.Sorted(maps.Keys(files))
			reversed := slices.Clone(paths)
			slices.Reverse(reversed)
			orders := map[string][]string{"sorted": paths, "reversed": reversed}
			r := rand.New(rand.NewPCG(3, 4))
			for i := range 3 {
				p := slices.Clone(paths)
				r.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
				orders[fmt.Sprintf("shuffled %d", i)] = p
			}
			for order, paths := range orders {
				c := NewChecker()
				for _, p := range paths {
					c.Add(p, slices.Clone(files[p]))
				}
				if got := c.Problems(); !slices.Equal(got, want) {
					t.Errorf("%s: Problems() = %v\nwant %v", order, got, want)
				}
			}
			// Concurrent, dropping (here: overwriting) each page after Add.
			c := NewChecker()
			var wg sync.WaitGroup
			for _, p := range paths {
				wg.Go(func() {
					data := slices.Clone(files[p])
					c.Add(p, data)
					for i := range data {
						data[i] = 'x'
					}
				})
			}
			wg.Wait()
			if got := c.Problems(); !slices.Equal(got, want) {
				t.Errorf("concurrent: Problems() = %v\nwant %v", got, want)
			}
			if got := c.Problems(); !slices.Equal(got, want) {
				t.Errorf("second Problems() = %v\nwant %v", got, want)
			}
		})
	}
}

func TestCheckerAddAgain(t *testing.T) {
	c := NewChecker()
	c.Add("index.html", []byte(`<a href="#x"></a>`))
	if got := c.Problems(); len(got) != 1 {
		t.Fatalf("Problems() = %v, want one missing id", got)
	}
	c.Add("index.html", []byte(`<a href="#x" id="x"></a>`))
	if got := c.Problems(); len(got) != 0 {
		t.Fatalf("after adding the page again, Problems() = %v, want none", got)
	}
	if got := NewChecker().Problems(); got != nil {
		t.Errorf("empty Checker: Problems() = %v, want nil", got)
	}
}

func TestJoin(t *testing.T) {
	dirs := []string{".", "/", "..", "../a", "/a", "a", "a/b", "a/b/c", "en", "a..", ".a/b"}
	rels := []string{"x.html", "../x.html", "../../x.html", "../../../../x", "./x", "a/./b", "a//b", "a/../b",
		"../..", "..//x", "../.", "...", "..x/y", "x/..", "x/.", "*", "a b", "../a/../../b"}
	for _, d := range dirs {
		for _, r := range rels {
			if got, want := join(d, r), path.Join(d, r); got != want {
				t.Errorf("join(%q, %q) = %q, want %q", d, r, got, want)
			}
		}
	}
}

func TestRemote(t *testing.T) {
	for _, v := range []string{"", "//x", " HTTP://x", "Https:", "ftp:", "fTp", "ws:", "WSS:x", "wsx:", "\u00a0https://x",
		"\u0130ttp:", "ht\u212Ap:", "/x", "http", "mailto:", " \t//", "\u0085ws:"} {
		if got, want := remote(v), refRemote(v); got != want {
			t.Errorf("remote(%q) = %v, want %v", v, got, want)
		}
		if got, want := remoteBytes([]byte(v)), refRemote(v); got != want {
			t.Errorf("remoteBytes(%q) = %v, want %v", v, got, want)
		}
	}
	// No rune other than ASCII letters lower-cases to an ASCII letter but
	// for U+0130 and U+212A: remotePrefix may compare ASCII only.
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); l < 0x80 && r != 0x130 && r != 0x212a {
			t.Errorf("unicode.ToLower(%U) = %q", r, l)
		}
	}
}

// TestIDSet holds the hashed ids a Checker keeps to the ids' map.
func TestIDSet(t *testing.T) {
	ids := map[string]struct{}{"p-1": {}, "h-1-2": {}, "s-a-p-1": {}, "長": {}, "": {}}
	set := newIDSet(ids)
	for _, tt := range []struct {
		id   string
		want bool
	}{
		{"p-1", true}, {"h-1-2", true}, {"s-a-p-1", true}, {"長", true}, {"", true},
		{"p-2", false}, {"P-1", false}, {"p-1 ", false}, {"s-a-p-10", false},
	} {
		if got := set.has(tt.id); got != tt.want {
			t.Errorf("has(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
	if newIDSet(nil).has("p-1") {
		t.Error("an empty set has p-1")
	}
}
