package check

import (
	"os"
	"strings"
	"testing"

	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
)

// splitParas splits a section body into paragraphs at blank lines, leaving
// out fenced code blocks and dropping heading marks and bold markers: a
// stand-in for the Markdown parser's paragraphs.
func splitParas(sec *content.Section, l lang.Lang) []Para {
	tx := sec.Texts[l.Tag]
	if tx == nil {
		return nil
	}
	var out []Para
	var cur []string
	start, fence := 0, false
	flush := func() {
		if len(cur) > 0 {
			out = append(out, Para{Text: strings.Join(cur, " "), Line: start})
		}
		cur = nil
	}
	for i, line := range strings.Split(string(tx.Body), "\n") {
		n := tx.BodyLine + i + 1
		trim := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trim, "```"):
			flush()
			fence = !fence
			continue
		case fence:
			continue
		case trim == "":
			flush()
			continue
		}
		if len(cur) == 0 {
			start = n
		}
		trim = strings.TrimSpace(strings.TrimLeft(trim, "#"))
		cur = append(cur, strings.ReplaceAll(trim, "**", ""))
	}
	flush()
	return out
}

// TestRealContent runs every rule over the report in ../../content and logs
// what it finds; errors fail the test.
func TestRealContent(t *testing.T) {
	if _, err := os.Stat("../../content/site.toml"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but the real report is missing: %v", err)
		}
		t.Skip("no content folder")
	}
	s, dl := content.Load(os.DirFS("../../content"))
	if s == nil {
		t.Fatalf("content.Load: %v", dl.Err())
	}
	var got diag.List
	run(s, splitParas, nil, nil, &got)
	for _, d := range got.Items() {
		t.Log(d.String())
	}
	if n := got.Errors(); n > 0 {
		t.Errorf("the real content has %d error(s)", n)
	}

	// A translation with its digits changed misses numbers in every section
	// that has any.
	shifted := func(sec *content.Section, l lang.Lang) []Para {
		ps := splitParas(sec, l)
		if l.Tag != "en" {
			return ps
		}
		out := make([]Para, len(ps))
		for i, p := range ps {
			out[i] = Para{Text: strings.NewReplacer("3", "4", "5", "6").Replace(p.Text), Line: p.Line}
		}
		return out
	}
	var wrong diag.List
	Parity(s, shifted, &wrong)
	bad := map[string]bool{}
	for _, d := range wrong.Items() {
		if d.Severity == diag.Error {
			bad[d.File] = true
		}
	}
	for _, sec := range s.Sections {
		if f := sec.Texts["en"].File; !bad[f] {
			t.Errorf("Parity() with changed digits reports nothing in %s", f)
		}
	}

	// Every number cell, changed slightly, is no longer stated: the rule
	// looks at every cell, not just at the first.
	cells := 0
	for _, tb := range s.Tables {
		for _, r := range tb.Rows {
			for k, c := range r.Cells {
				if c.HasNum {
					c.Num = c.Num*1.0013 + 0.37
					r.Cells[k] = c
					cells++
				}
			}
		}
	}
	var changed diag.List
	Provenance(s, splitParas, &changed)
	if changed.Errors() != cells || cells == 0 {
		t.Errorf("Provenance() on %d changed cells reports %d errors, want %d", cells, changed.Errors(), cells)
	}
}
