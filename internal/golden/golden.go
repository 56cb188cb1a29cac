// Package golden compares test output with reviewed files in testdata.
//
// A golden file changes only when the tests run with -update
// (go test ./internal/site -update), and the change is reviewed as a diff
// in a commit of its own. A mismatch prints a unified diff, and a golden
// file that no test compares any more is reported as stale (and removed by
// -update), so the folder always says what the tests check.
//
//	g := golden.New(t, "testdata/golden/*.golden")
//	g.Check(t, "testdata/golden/en_index.html.golden", got)
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	udiff "github.com/aymanbagabas/go-udiff"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata (review the diff before committing)")

// Set is a folder of golden files, each of which some test must compare.
type Set struct {
	glob string

	mu   sync.Mutex
	seen map[string]bool
}

// New returns the set of golden files matching glob. When t and its subtests
// end, every file matching glob must have been compared by Check: a file no
// test compares is stale, an error (and removed under -update).
func New(t testing.TB, glob string) *Set {
	t.Helper()
	s := &Set{glob: filepath.FromSlash(glob), seen: make(map[string]bool)}
	t.Cleanup(func() { s.stale(t) })
	return s
}

func (s *Set) stale(t testing.TB) {
	if t.Failed() || t.Skipped() {
		return // a test that stopped early has not compared every file
	}
	files, err := filepath.Glob(s.glob)
	if err != nil {
		t.Errorf("golden: %v", err)
		return
	}
	slices.Sort(files)
	for _, f := range files {
		if s.seen[f] {
			continue
		}
		if *update {
			if err := os.Remove(f); err != nil {
				t.Errorf("golden: %v", err)
			}
			continue
		}
		t.Errorf("%s is stale: no test compares it (go test -update removes it)", f)
	}
}

// Check compares got with the golden file, after passing both through
// normalize when it is not nil. Under -update it writes got to the file.
func (s *Set) Check(t testing.TB, file string, got []byte, normalize func([]byte) []byte) {
	t.Helper()
	file = filepath.FromSlash(file)
	if ok, err := filepath.Match(s.glob, file); err != nil || !ok {
		t.Fatalf("golden: %s is outside the set %s", file, s.glob)
	}
	s.mu.Lock()
	s.seen[file] = true
	s.mu.Unlock()
	compare(t, file, got, normalize)
}

// compare compares got with one golden file, after passing both through
// normalize when it is not nil. Under -update it writes got to the file.
func compare(t testing.TB, file string, got []byte, normalize func([]byte) []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it, then review it)", err)
	}
	if normalize != nil {
		got, want = normalize(got), normalize(want)
	}
	if bytes.Equal(got, want) {
		return
	}
	t.Errorf("output differs from %s (if the change is intended, run the test with -update and commit the golden alone, saying why):\n%s",
		file, diff(file, want, got))
}

// diff returns a unified diff from want to got, labelled with the golden file's name.
func diff(file string, want, got []byte) string {
	return udiff.Unified(file, "got", string(want), string(got))
}
