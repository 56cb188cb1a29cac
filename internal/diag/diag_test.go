package diag

import (
	"slices"
	"testing"
)

func TestUnder(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"content files", []string{"site.toml", "en/01-a.md"}, []string{"content/en/01-a.md", "content/site.toml"}},
		{"site files stay", []string{"static/site.css", "templates/page.html"}, []string{"static/site.css", "templates/page.html"}},
		{"no file stays empty", []string{""}, []string{""}},
		// Sorted again: zh-Hant/ came after templates/, content/zh-Hant/ comes before static/.
		{"sorted", []string{"templates/a.html", "zh-Hant/01-a.md", "static/b.css"}, []string{"content/zh-Hant/01-a.md", "static/b.css", "templates/a.html"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var in []Diag
			for _, f := range tt.in {
				in = append(in, Diag{File: f, Msg: "m"})
			}
			var got []string
			for _, d := range Under(in, "content", "static/", "templates/") {
				got = append(got, d.File)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Under(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if len(tt.in) > 0 && in[0].File != tt.in[0] {
				t.Errorf("Under changed its input: %q", in[0].File)
			}
		})
	}
}
