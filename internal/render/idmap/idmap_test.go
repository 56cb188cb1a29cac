package idmap

import (
	"regexp"
	"strings"
	"testing"
)

// mapIDs is writeMapped into a string.
func mapIDs(s string, m Map) string {
	var b strings.Builder
	Write(&b, s, m)
	return b.String()
}

// mapIDsByRegexp is the obvious definition of writeMapped, by regular
// expressions; the one-pass version must agree with it.
func mapIDsByRegexp(s string, m Map) string {
	re := regexp.MustCompile(`( id| href)="(#?)([^"]*)"`)
	return re.ReplaceAllStringFunc(s, func(a string) string {
		p := re.FindStringSubmatch(a)
		switch {
		case p[1] == " id" && p[2] == "":
			nv, ok := m.IDs[p[3]]
			if !ok {
				return a
			}
			if nv == "" {
				return ""
			}
			return ` id="` + nv + `"`
		case p[1] == " href" && p[2] == "#":
			if nv, ok := m.Refs[p[3]]; ok {
				return ` href="#` + nv + `"`
			}
		}
		return a
	})
}

var testMap = Map{
	IDs:  map[string]string{"h-1": "s-a-h-1", "custom": "s-a-custom", "fn:1": "s-a-fn:1", "fnref:1": "s-a-fnref:1", "h-2": ""},
	Refs: map[string]string{"h-1": "s-a-h-1", "custom": "s-a-custom", "fn:1": "s-a-fn:1", "fnref:1": "s-a-fnref:1", "h-2": "s-a-h-9"},
}

func TestWriteMapped(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{``, ``},
		{`<h2 id="h-1">A</h2>`, `<h2 id="s-a-h-1">A</h2>`},
		{`<h2 id="custom">A</h2><a href="#custom">x</a>`, `<h2 id="s-a-custom">A</h2><a href="#s-a-custom">x</a>`},
		{`<h2 id="h-2">B</h2><a href="#h-2">b</a>`, `<h2>B</h2><a href="#s-a-h-9">b</a>`},
		{`<sup id="fnref:1"><a href="#fn:1">1</a></sup><li id="fn:1">`, `<sup id="s-a-fnref:1"><a href="#s-a-fn:1">1</a></sup><li id="s-a-fn:1">`},
		{`<a href="economy.html#h-1">x</a><figure id="fig-growth"><a href="#unknown">`, `<a href="economy.html#h-1">x</a><figure id="fig-growth"><a href="#unknown">`},
		{`<p class="h-1" data-id="h-1">id=&#34;h-1&#34;</p>`, `<p class="h-1" data-id="h-1">id=&#34;h-1&#34;</p>`},
		{`="`, `="`},
		{` id="`, ` id="`},
		{` id="h-1`, ` id="h-1`},
		{`<a href="?a=" id="h-1">`, `<a href="?a=" id="s-a-h-1">`},
	} {
		if got := mapIDs(tc.in, testMap); got != tc.want {
			t.Errorf("Write(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := mapIDsByRegexp(tc.in, testMap); got != tc.want {
			t.Errorf("reference(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzWriteMapped(f *testing.F) {
	f.Add(`<h2 id="h-1">A</h2><a href="#h-1">x</a><sup id="fnref:1"><a href="#fn:1">1</a></sup><h3 id="h-2">`)
	f.Add(`data-grid="h-2" href="#fn" id="fn`)
	f.Fuzz(func(t *testing.T, s string) {
		// Rendered Markdown escapes quotes in text and values: a quote
		// opens a value after = and closes it otherwise.
		parts := strings.Split(s, `"`)
		for i := 0; i+1 < len(parts); i += 2 {
			if !strings.HasSuffix(parts[i], "=") || strings.HasSuffix(parts[i], `==`) {
				return
			}
		}
		if got, want := mapIDs(s, testMap), mapIDsByRegexp(s, testMap); got != want {
			t.Errorf("Write(%q) = %q, want %q", s, got, want)
		}
	})
}
