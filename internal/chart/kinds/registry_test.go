package kinds

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"reportsite/internal/chart"
	"reportsite/internal/dataset"
)

// TestCheck checks each type's own rules, as validation asks for them.
func TestCheck(t *testing.T) {
	g := growth()
	tests := []struct {
		name  string
		c     *dataset.Chart
		known bool
		want  string // substring of the first problem; "" for none
	}{
		{"bar", &dataset.Chart{ID: "c", Type: "bar", Category: "item", Values: []string{"growth"}, Table: g}, true, ""},
		{"unknown", &dataset.Chart{ID: "c", Type: "radar", Category: "item", Values: []string{"growth"}, Table: g}, false, ""},
		{"units", &dataset.Chart{ID: "c", Type: "bar", Category: "item", Values: []string{"value", "growth"}, Table: g}, true, `chart "c" mixes units yuan and percent`},
		{"pie series", &dataset.Chart{ID: "c", Type: "pie", Category: "item", Values: []string{"value", "plan"}, Table: g}, true, `a pie chart draws one series`},
		{"donut series", &dataset.Chart{ID: "c", Type: "donut", Category: "item", Values: []string{"value", "plan"}, Table: g}, true, `a donut chart draws one series`},
		{"progress target", &dataset.Chart{ID: "c", Type: "progress", Category: "item", Values: []string{"growth"}, Table: g}, true, `a progress chart needs a target`},
		{"scatter values", &dataset.Chart{ID: "c", Type: "scatter", Category: "item", Values: []string{"growth"}, Table: g}, true, `a scatter chart draws 2 value columns, not 1`},
		{"scatter units", &dataset.Chart{ID: "c", Type: "scatter", Category: "item", Values: []string{"value", "growth"}, Table: g}, true, ""},
		{"bar-line target", &dataset.Chart{ID: "c", Type: "bar-line", Category: "item", Values: []string{"value", "growth"}, Table: g, Target: &dataset.Target{Value: 1}}, true, `a bar-line chart draws no target`},
		{"multiples units", &dataset.Chart{ID: "c", Type: "small-multiples", Category: "item", Values: []string{"value", "growth"}, Table: g}, true, `mixes units`},
		{"time rows", &dataset.Chart{ID: "c", Type: "time-line", Category: "item", Values: []string{"growth"}, Table: g}, true, `row "retail" does not name a period`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems, known := chart.Types.Check(tt.c)
			if known != tt.known {
				t.Fatalf("known = %v, want %v", known, tt.known)
			}
			switch {
			case tt.want == "" && len(problems) > 0:
				t.Errorf("problems %+v, want none", problems)
			case tt.want != "" && (len(problems) == 0 || !strings.Contains(problems[0].Msg, tt.want)):
				t.Errorf("problems %+v, want %q", problems, tt.want)
			case tt.want != "" && problems[0].Hint == "":
				t.Errorf("problem %+v has no hint", problems[0])
			}
		})
	}
}

// TestDocsListTypes checks that the type lists the docs give a user are the
// registry's: adding a type without its docs fails here.
func TestDocsListTypes(t *testing.T) {
	want := chart.Types.Names()
	for _, tt := range []struct{ file, sep string }{
		{"../../../README.md", ","},
		{"../../content/doc.go", "|"},
	} {
		src, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`type\s*=\s*"bar"\s*#\s*(.*)`).FindSubmatch(src)
		if m == nil {
			t.Errorf("%s: no line type = \"bar\" # <types>", tt.file)
			continue
		}
		var got []string
		for _, s := range strings.Split(string(m[1]), tt.sep) {
			got = append(got, strings.TrimSpace(s))
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s lists types %v; the registry has %v", tt.file, got, want)
		}
	}
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range want {
		if !regexp.MustCompile(`(?m)^//\t` + regexp.QuoteMeta(name) + `\b`).Match(doc) {
			t.Errorf("doc.go does not describe type %s", name)
		}
	}
}
