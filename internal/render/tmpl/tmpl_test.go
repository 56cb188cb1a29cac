package tmpl

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestHeadTitle(t *testing.T) {
	long := strings.Repeat("長", 80)
	tests := []struct {
		parts []string
		want  string
	}{
		{[]string{"Data", "Site"}, "Data · Site"},
		{[]string{"", "Site"}, "Site"},
		{[]string{"Site", "Site"}, "Site"},
		{[]string{strings.Repeat("a", 60), "Changtai Subdistrict"}, strings.Repeat("a", 60)},
		{[]string{"常泰", "常泰街道", "Changtai"}, "常泰 · 常泰街道 · Changtai"},
		{[]string{long, "Site"}, strings.Repeat("長", 69) + "…"},
	}
	for _, tt := range tests {
		if got := HeadTitle(tt.parts...); got != tt.want {
			t.Errorf("HeadTitle(%q) = %q, want %q", tt.parts, got, tt.want)
		}
	}
}

// cacheData counts how often a partial reads it.
type cacheData struct {
	Name  string
	Key   string
	calls *int
}

func (d cacheData) Count() string { *d.calls++; return d.Name }

func TestCached(t *testing.T) {
	fsys := fstest.MapFS{
		"page.html":    {Data: []byte(`<p>{{.Name}}</p>{{cached "nav" . .Key}}`)},
		"_shared.html": {Data: []byte(`{{define "nav"}}<nav>{{.Count}} & <a href="{{.Count}}">x</a></nav>{{end}}`)},
		"figure.html":  {Data: []byte(`f`)},
		"table.html":   {Data: []byte(`t`)},
	}
	set, err := Parse(fsys, []string{"page"})
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	tests := []struct {
		name, key string
		want      string
		calls     int // reads of the data so far: 2 per partial made
	}{
		{"a<b", "k1", `<p>a&lt;b</p><nav>a&lt;b & <a href="a%3cb">x</a></nav>`, 2},
		{"other", "k1", `<p>other</p><nav>a&lt;b & <a href="a%3cb">x</a></nav>`, 2}, // same key: made once
		{"other", "k2", `<p>other</p><nav>other & <a href="other">x</a></nav>`, 4},
	}
	for _, tt := range tests {
		out, err := set.Exec("page", cacheData{tt.name, tt.key, &calls}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != tt.want || calls != tt.calls {
			t.Errorf("%s/%s: got %q after %d reads, want %q after %d", tt.name, tt.key, out, calls, tt.want, tt.calls)
		}
	}
	// The same partial through {{template}} is escaped the same way.
	fsys["page.html"] = &fstest.MapFile{Data: []byte(`<p>{{.Name}}</p>{{template "nav" .}}`)}
	plain, err := Parse(fsys, []string{"page"})
	if err != nil {
		t.Fatal(err)
	}
	out, err := plain.Exec("page", cacheData{"a<b", "", &calls}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := tests[0].want; string(out) != want {
		t.Errorf("through {{template}}: %q, want %q", out, want)
	}
}
