package section

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/addr"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, src string
		fm, body  string
		bodyLine  int
		wantErr   bool
	}{
		{"basic", "+++\ntitle = \"a\"\n+++\nbody\n", "title = \"a\"\n", "body\n", 3, false},
		{"crlf closing", "+++\nx = 1\n+++\r\nbody", "x = 1\n", "body", 3, false},
		{"empty", "+++\n+++\n", "", "", 2, false},
		{"no front matter", "body\n", "", "", 0, true},
		{"unclosed", "+++\ntitle = \"a\"\n", "", "", 0, true},
		{"junk after opener", "+++ x\n+++\n", "", "", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, body, line, err := SplitFrontMatter([]byte(tt.src))
			if (err != nil) != tt.wantErr {
				t.Fatalf("SplitFrontMatter(%q) error = %v, want error %v", tt.src, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if string(fm) != tt.fm || string(body) != tt.body || line != tt.bodyLine {
				t.Errorf("SplitFrontMatter(%q) = %q, %q, %d, want %q, %q, %d", tt.src, fm, body, line, tt.fm, tt.body, tt.bodyLine)
			}
		})
	}
}

func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{"+++\ntitle = \"a\"\n+++\nbody\n", "+++\n+++", "+++", "", "+++\n\n+++\n\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, body, line, err := SplitFrontMatter(src)
		if err != nil {
			return
		}
		if !bytes.HasSuffix(src, body) || len(fm) > len(src) {
			t.Fatalf("SplitFrontMatter(%q) = %q, %q: parts not from the source", src, fm, body)
		}
		if want := bytes.Count(src[:len(src)-len(body)], []byte("\n")); line != want {
			t.Fatalf("SplitFrontMatter(%q) line = %d, want %d", src, line, want)
		}
	})
}

// TestPageNameSlugs: a section file whose slug is the name of a page the
// build makes beside section pages (addr.PageNames) is refused, since its
// page would take that page's file; any other slug loads.
func TestPageNameSlugs(t *testing.T) {
	l := lang.Lang{Tag: "en", Prefix: "en"}
	body := []byte("+++\ntitle = \"T\"\n+++\nText.\n")
	slugs := append(addr.PageNames(), "economy")
	for _, slug := range slugs {
		t.Run(slug, func(t *testing.T) {
			var dl diag.List
			fsys := fstest.MapFS{"en/01-" + slug + ".md": {Data: body}}
			secs := Load(fsys, []lang.Lang{l}, &dl)
			refused := strings.Contains(fmt.Sprint(dl.Items()), "bad section file name")
			if want := slug != "economy"; refused != want || (len(secs) == 0) != want {
				t.Errorf("slug %q: refused %v, %d sections (%v); want refused %v", slug, refused, len(secs), dl.Items(), want)
			}
		})
	}
}

// TestReleaseBody: a text whose body is released ends on the same line.
func TestReleaseBody(t *testing.T) {
	tests := []struct {
		body string
		line int
		want int
	}{
		{"", 4, 4},
		{"One line, no break", 4, 4},
		{"One\n", 4, 5},
		{"One\n\nTwo\n", 2, 5},
	}
	for _, tt := range tests {
		tx := &Text{Body: []byte(tt.body), BodyLine: tt.line}
		if got := tx.EndLine(); got != tt.want {
			t.Errorf("EndLine of %q = %d, want %d", tt.body, got, tt.want)
		}
		tx.ReleaseBody()
		if tx.Body != nil {
			t.Errorf("ReleaseBody kept %q", tx.Body)
		}
		if got := tx.EndLine(); got != tt.want {
			t.Errorf("EndLine of %q released = %d, want %d", tt.body, got, tt.want)
		}
		tx.ReleaseBody() // again: nothing changes
		if got := tx.EndLine(); got != tt.want {
			t.Errorf("EndLine of %q released twice = %d, want %d", tt.body, got, tt.want)
		}
	}
}
