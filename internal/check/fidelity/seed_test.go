package fidelity

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/content"
	"reportsite/internal/diag"
)

// TestSeedReal holds the real report to its seed, then shows that the rule
// fires, with a useful hint, on a changed word, a dropped sentence and an
// added one.
func TestSeedReal(t *testing.T) {
	root := os.DirFS("../../..")
	files := os.DirFS("../../../content")
	s, dl := content.Load(files)
	if s == nil {
		t.Fatalf("content.Load: %v", dl.Err())
	}
	if s.Report.Source.Seed == "" {
		t.Fatal("the real report names no seed")
	}
	var got diag.List
	Seed(s, files, root, &got)
	if len(got.Items()) > 0 {
		t.Errorf("Seed(real) = %v, want nothing", got.Items())
	}

	orig := s.Original()
	tx := s.Sections[0].Texts[orig.Tag]
	src, err := os.ReadFile("../../../content/" + tx.File)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, old, new string
		wantErr        []string // substrings of the error
		wantWarn       bool
	}{
		{"changed word", "經濟發展穩中提質", "經濟發展穩中有進",
			[]string{"missing from the zh-Hant text", "closest is content/", "«提質» where the text has «有進»"}, true},
		{"dropped words", "經濟發展穩中提質", "", []string{"missing from the zh-Hant text"}, true},
		{"added sentence", "經濟發展穩中提質", "經濟發展穩中提質。本站新增的句子", nil, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(string(src), tt.old) {
				t.Fatalf("%s lacks %q", tx.File, tt.old)
			}
			mut := fstest.MapFS{tx.File: {Data: []byte(strings.Replace(string(src), tt.old, tt.new, 1))}}
			var got diag.List
			Seed(s, overlayFS{mut, files}, root, &got)
			var errs, warns []string
			for _, d := range got.Items() {
				if d.Severity == diag.Warning {
					warns = append(warns, d.String())
				} else {
					errs = append(errs, d.String())
				}
			}
			if (len(errs) > 0) != (len(tt.wantErr) > 0) || len(errs) > 1 {
				t.Fatalf("Seed errors = %q, want one containing %q", errs, tt.wantErr)
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(errs[0], w) {
					t.Errorf("Seed error %q lacks %q", errs[0], w)
				}
			}
			if (len(warns) > 0) != tt.wantWarn {
				t.Errorf("Seed warnings = %q, want some: %v", warns, tt.wantWarn)
			}
		})
	}
}

// overlayFS reads from top and, for what top lacks, from base.
type overlayFS struct {
	top  fstest.MapFS
	base fs.FS
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if _, ok := o.top[name]; ok {
		return o.top.Open(name)
	}
	return o.base.Open(name)
}
