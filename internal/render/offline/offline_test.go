package offline

import (
	"testing"
	"testing/fstest"
)

func TestByteSize(t *testing.T) {
	for n, want := range map[int]string{0: "0 KB", 1: "1 KB", 999: "1 KB", 1000: "1 KB", 1001: "2 KB", 453421: "454 KB", 999999: "1000 KB", 1000000: "1.0 MB", 2723179: "2.7 MB"} {
		if got := ByteSize(n); got != want {
			t.Errorf("ByteSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestMarksSafe: the About pages are drafted with marks for the sizes only
// when the site's about.html is the default one and no template of its own
// names the sizes.
func TestMarksSafe(t *testing.T) {
	def := fstest.MapFS{
		"about.html":   {Data: []byte(`<span class="size">{{.SaveSize}}</span> {{.SaveAllSize}}`)},
		"_layout.html": {Data: []byte(`{{block "main" .}}{{end}}`)},
	}
	tests := []struct {
		name string
		own  fstest.MapFS
		want bool
	}{
		{"default", fstest.MapFS{"about.html": def["about.html"], "_layout.html": def["_layout.html"]}, true},
		{"own about.html", fstest.MapFS{"about.html": {Data: []byte(`{{len .SaveSize}}`)}}, false},
		{"no about.html", fstest.MapFS{"_layout.html": def["_layout.html"]}, false},
		{"own layout naming a size", fstest.MapFS{"about.html": def["about.html"], "_layout.html": {Data: []byte(`{{if .SaveSize}}x{{end}}`)}}, false},
		{"own layout naming the other size", fstest.MapFS{"about.html": def["about.html"], "_layout.html": {Data: []byte(`{{.SaveAllSize}}`)}}, false},
		{"own layout", fstest.MapFS{"about.html": def["about.html"], "_layout.html": {Data: []byte(`<main>{{block "main" .}}{{end}}</main>`)}}, true},
		{"own extra template", fstest.MapFS{"about.html": def["about.html"], "extra.html": {Data: []byte(`{{.Title}}`)}}, true},
	}
	for _, tt := range tests {
		if got := marksSafe(tt.own, def); got != tt.want {
			t.Errorf("%s: marksSafe = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestFill(t *testing.T) {
	for _, tt := range []struct{ pre, want string }{
		{"a " + sizeMark + " b " + allMark + " c", "a 12 KB b 1.2 MB c"},
		{allMark + "|" + sizeMark, "1.2 MB|12 KB"},
	} {
		if got := string(fill([]byte(tt.pre), "12 KB", "1.2 MB")); got != tt.want {
			t.Errorf("fill(%q) = %q, want %q", tt.pre, got, tt.want)
		}
	}
}
