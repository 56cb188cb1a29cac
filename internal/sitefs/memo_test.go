package sitefs

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// countFS counts the reads of each file that reach it.
type countFS struct {
	fstest.MapFS
	reads map[string]int
}

func (c countFS) Open(name string) (fs.File, error) {
	c.reads[name]++
	return c.MapFS.Open(name)
}

func (c countFS) ReadFile(name string) ([]byte, error) {
	c.reads[name]++
	return c.MapFS.ReadFile(name)
}

func TestMemo(t *testing.T) {
	under := countFS{fstest.MapFS{"a.md": {Data: []byte("alpha")}, "d/b.toml": {Data: []byte("beta")}}, map[string]int{}}
	m := NewMemo(under)
	for _, tc := range []struct {
		name, op, want string
		reads          int // reads of name that reached the file system, after the op
	}{
		{"a.md", "read", "alpha", 1},
		{"a.md", "read", "alpha", 1},
		{"a.md", "open", "alpha", 1},
		{"a.md", "stat", "5", 1},
		{"d/b.toml", "open", "beta", 1}, // Open of a file not read yet passes through
		{"d/b.toml", "read", "beta", 2},
		{"d/b.toml", "open", "beta", 2},
		{"a.md", "release", "alpha", 2},
	} {
		var got string
		switch tc.op {
		case "read":
			b, err := m.ReadFile(tc.name)
			if err != nil {
				t.Fatal(err)
			}
			got = string(b)
			b[0] = 'X' // a caller may change what it is given
		case "open":
			f, err := m.Open(tc.name)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(f)
			f.Close()
			got = string(b)
		case "stat":
			st, err := fs.Stat(m, tc.name)
			if err != nil {
				t.Fatal(err)
			}
			got = string(rune('0' + st.Size()))
			if !st.Mode().IsRegular() || st.Name() != tc.name {
				t.Errorf("Stat(%s) = %s %v, want a regular file of that name", tc.name, st.Name(), st.Mode())
			}
		case "release":
			m.Release()
			b, _ := m.ReadFile(tc.name)
			got = string(b)
		}
		if got != tc.want {
			t.Errorf("%s %s = %q, want %q", tc.op, tc.name, got, tc.want)
		}
		if n := under.reads[tc.name]; n != tc.reads {
			t.Errorf("after %s %s: %d reads reached the file system, want %d", tc.op, tc.name, n, tc.reads)
		}
	}
	if err := fstest.TestFS(NewMemo(under.MapFS), "a.md", "d/b.toml"); err != nil {
		t.Error(err)
	}
}

// TestForget checks that a folder replaced after a read is seen once the
// FS forgets the folders it keeps open, and that Sub keeps Stat.
func TestForget(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/en/a.md", "old")
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sub, err := fs.Sub(f, "content")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := sub.(fs.StatFS); !ok {
		t.Errorf("fs.Sub(FS) = %T, want an fs.StatFS", sub)
	}
	if b, err := fs.ReadFile(sub, "en/a.md"); err != nil || string(b) != "old" {
		t.Fatalf("ReadFile(en/a.md) = %q, %v; want old", b, err)
	}
	if err := os.Rename(filepath.Join(dir, "content"), filepath.Join(dir, "content.bak")); err != nil {
		t.Fatal(err)
	}
	write("content/en/a.md", "new")
	f.Forget()
	if b, err := fs.ReadFile(sub, "en/a.md"); err != nil || string(b) != "new" {
		t.Errorf("after Forget, ReadFile(en/a.md) = %q, %v; want new", b, err)
	}
	if st, err := fs.Stat(sub, "en/a.md"); err != nil || st.Size() != 3 {
		t.Errorf("Stat(en/a.md) = %v, %v; want 3 bytes", st, err)
	}
	if _, err := fs.ReadFile(sub, "en/missing.md"); !os.IsNotExist(err) {
		t.Errorf("ReadFile(en/missing.md) = %v, want not exist", err)
	}
	if err := fstest.TestFS(sub, "en/a.md"); err != nil {
		t.Error(err)
	}
}
