package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps what a failing compare says.
type recorder struct {
	testing.TB
	failed bool
	msg    strings.Builder
}

func (r *recorder) Helper()                   {}
func (r *recorder) Errorf(f string, a ...any) { r.failed = true; fmt.Fprintf(&r.msg, f, a...) }
func (r *recorder) Fatalf(f string, a ...any) { r.Errorf(f, a...) }
func (r *recorder) Failed() bool              { return r.failed }

func TestComparePrintsUnifiedDiff(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "page.golden")
	if err := os.WriteFile(file, []byte("a\nb\nc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &recorder{TB: t}
	compare(r, file, []byte("a\nB\nc\n"), nil)
	if !r.failed {
		t.Fatalf("compare(different) passed")
	}
	for _, want := range []string{"--- " + file, "+++ got", "-b", "+B"} {
		if !strings.Contains(r.msg.String(), want) {
			t.Errorf("compare(different) message lacks %q:\n%s", want, r.msg.String())
		}
	}
	r = &recorder{TB: t}
	compare(r, file, []byte("a\nb\nc\n"), nil)
	if r.failed {
		t.Errorf("compare(same) failed: %s", r.msg.String())
	}
	r = &recorder{TB: t}
	compare(r, file, []byte("A\nB\nC\n"), func(b []byte) []byte { return []byte(strings.ToLower(string(b))) })
	if r.failed {
		t.Errorf("compare(same after normalize) failed: %s", r.msg.String())
	}
}

func TestSetReportsStaleFiles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"used.golden", "stale.golden"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := &recorder{TB: t}
	s := &Set{glob: filepath.Join(dir, "*.golden"), seen: map[string]bool{}}
	s.Check(r, filepath.Join(dir, "used.golden"), []byte("x\n"), nil)
	s.stale(r)
	if !r.failed || !strings.Contains(r.msg.String(), "stale.golden is stale") || strings.Contains(r.msg.String(), "used.golden is stale") {
		t.Errorf("stale() said %q, want stale.golden and only it", r.msg.String())
	}
}
