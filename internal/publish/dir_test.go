package publish

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDirLinksUnchanged checks that a build into an earlier output shares
// the inode of each file whose bytes did not change, writes the others
// afresh, and that a build into a new folder writes every file.
func TestDirLinksUnchanged(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	write := func(tree Output) *Dir {
		t.Helper()
		d, err := NewDir(out, "")
		if err != nil {
			t.Fatal(err)
		}
		for p, b := range tree {
			if err := d.Put(p, b); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		return d
	}
	if d := write(oldTree); !d.fresh {
		t.Errorf("NewDir(%s) into a missing folder: fresh = false, want true", out)
	}
	before := map[string]os.FileInfo{}
	for p := range oldTree {
		st, err := os.Stat(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		before[p] = st
	}
	if d := write(newTree); d.fresh {
		t.Errorf("NewDir(%s) over an earlier output: fresh = true, want false", out)
	}
	for _, tc := range []struct {
		path string
		same bool
	}{
		{"en/a.html", true},
		{"static/site.css", true},
		{"en/b.html", false},
		{"index.html", false},
	} {
		st, err := os.Stat(filepath.Join(out, tc.path))
		if err != nil {
			t.Fatal(err)
		}
		if got := os.SameFile(before[tc.path], st); got != tc.same {
			t.Errorf("%s: same file as the earlier build's = %v, want %v", tc.path, got, tc.same)
		}
	}
	if got := readTree(t, out); len(got) != len(newTree)+1 { // + OutputMarker
		t.Errorf("output holds %d files, want %d: %v", len(got), len(newTree), got)
	}
}
