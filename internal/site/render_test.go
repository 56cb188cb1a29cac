package site

import (
	"html/template"
	"strings"
	"testing"
)

// prefixIDs is writePrefixed into a string.
func prefixIDs(h template.HTML, prefix string) template.HTML {
	var b strings.Builder
	writePrefixed(&b, string(h), prefix)
	return template.HTML(b.String())
}

// prefixIDsByReplace is the obvious definition of writePrefixed, six passes of
// strings.ReplaceAll; the one-pass version must agree with it.
func prefixIDsByReplace(h, prefix string) string {
	for _, a := range []string{`id="h-`, `href="#h-`, `id="p-`, `href="#p-`, `id="fn`, `href="#fn`} {
		i := strings.IndexByte(a, '"') + 1
		if a[i] == '#' {
			i++
		}
		h = strings.ReplaceAll(h, a, a[:i]+prefix+a[i:])
	}
	return h
}

func TestPrefixIDs(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{``, ``},
		{`<h2 id="h-1">A</h2>`, `<h2 id="s-a-h-1">A</h2>`},
		{`<a href="#h-1-2">x</a>`, `<a href="#s-a-h-1-2">x</a>`},
		{`<sup id="fnref:1"><a href="#fn:1">1</a></sup><li id="fn:1">`, `<sup id="s-a-fnref:1"><a href="#s-a-fn:1">1</a></sup><li id="s-a-fn:1">`},
		{`<p id="p-3">x</p><li id="p-4"><a href="#p-3">y</a>`, `<p id="s-a-p-3">x</p><li id="s-a-p-4"><a href="#s-a-p-3">y</a>`},
		{`<a href="economy.html#h-1">x</a><figure id="fig-growth">`, `<a href="economy.html#h-1">x</a><figure id="fig-growth">`},
		{`<p class="h-1">id="h-1" as text is escaped: id=&#34;h-1&#34;</p>`, `<p class="h-1">id="s-a-h-1" as text is escaped: id=&#34;h-1&#34;</p>`},
		{`="`, `="`},
		{`id="`, `id="`},
	} {
		if got := string(prefixIDs(template.HTML(tc.in), "s-a-")); got != tc.want {
			t.Errorf("prefixIDs(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := prefixIDsByReplace(tc.in, "s-a-"); got != tc.want {
			t.Errorf("reference(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzPrefixIDs(f *testing.F) {
	f.Add(`<h2 id="h-1">A</h2><a href="#h-1">x</a><sup id="fnref:1"><a href="#fn:1">1</a></sup>`)
	f.Add(`data-grid="h-2" href="#fn" id="fn`)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(prefixIDs(template.HTML(s), "s-x-")), prefixIDsByReplace(s, "s-x-"); got != want {
			t.Errorf("prefixIDs(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestWriteStripped(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<h3 id="h-1-2">A</h3>`, `<h3>A</h3>`},
		{`<p id="p-2">A</p><ul><li id="p-3">B</li>`, `<p>A</p><ul><li>B</li>`},
		{`<sup id="fnref:1"><a href="#fn:1">1</a></sup><li id="fn:1">`, `<sup><a href="#fn:1">1</a></sup><li>`},
		{`<figure id="fig-growth" class="chart">`, `<figure id="fig-growth" class="chart">`},
		{`<p>ends inside <a id="h-`, `<p>ends inside <a id="h-`},
		{`<h2 id="x"></h2><h2 id="h-2"></h2>`, `<h2 id="x"></h2><h2></h2>`},
	} {
		var b strings.Builder
		writeStripped(&b, tc.in)
		if b.String() != tc.want {
			t.Errorf("writeStripped(%q) = %q, want %q", tc.in, b.String(), tc.want)
		}
	}
}
