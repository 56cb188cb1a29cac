package view

import (
	"html/template"
	"strings"
	"testing"

	"reportsite/internal/lang"
	"reportsite/templates"
)

// TestLangSwitch: LangSwitch writes what the default layout's range over
// Alternates writes, for any names and tags, and leaves an address that is
// not a plain path to the template.
func TestLangSwitch(t *testing.T) {
	layout, err := templates.FS.ReadFile("_layout.html")
	if err != nil {
		t.Fatal(err)
	}
	// The template's own markup: the range that LangSwitch stands in for.
	s := string(layout)
	start := strings.Index(s, "{{- with .LangSwitch}}{{.}}{{else}}")
	end := strings.Index(s, `{{end}}{{cached "header-nav"`)
	if start < 0 || end < start {
		t.Fatal(`_layout.html has no "{{- with .LangSwitch}}{{.}}{{else}}{{range .Alternates}}…{{end}}{{end}}": keep LangSwitch and the template's range together`)
	}
	rng := s[start+len("{{- with .LangSwitch}}{{.}}{{else}}") : end]
	tt := template.Must(template.New("switch").Parse(rng))
	zh := lang.Lang{Tag: "zh-Hant", Name: "繁體中文", Prefix: "zh-hant"}
	en := lang.Lang{Tag: "en", Name: "English", Prefix: "en"}
	odd := lang.Lang{Tag: `x"<&>'+`, Name: "<b>A&B</b> 'q' \"d\" 1+1\x00", Prefix: "x"}
	tests := []struct {
		name  string
		alts  []Alternate
		plain bool
	}{
		{"two", []Alternate{{Lang: zh, Href: "../zh-hant/01-a.html"}, {Lang: en, Href: "01-a.html", Current: true}}, true},
		{"escaped text", []Alternate{{Lang: odd, Href: "a_b-c/d.html", Current: true}, {Lang: en, Href: "../en/x.html"}}, true},
		{"none", nil, true},
		{"not a plain path", []Alternate{{Lang: zh, Href: "../zh-hant/經濟.html"}, {Lang: en, Href: "a b.html", Current: true}}, false},
		{"a colon", []Alternate{{Lang: en, Href: "javascript:x"}}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var want strings.Builder
			if err := tt.Execute(&want, &Page{Alternates: tc.alts}); err != nil {
				t.Fatal(err)
			}
			got := (&Page{Alternates: tc.alts}).LangSwitch()
			switch {
			case !tc.plain && got != "":
				t.Errorf("LangSwitch = %q, want \"\" (the template writes it)", got)
			case tc.plain && string(got) != want.String():
				t.Errorf("LangSwitch =\n%q\nwant (template)\n%q", got, want.String())
			}
		})
	}
}
