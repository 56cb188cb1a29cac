package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
)

// site makes a site folder beside a secret, with links of every kind.
func site(t testing.TB) (dir, secret string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	top := t.TempDir()
	secret = filepath.Join(top, "secret.toml")
	dir = filepath.Join(top, "site")
	for name, data := range map[string]string{
		"secret.toml":               secret + " TOKEN=hunter2",
		"site/content/site.toml":    "title = 1",
		"site/static/site.css":      "body{}",
		"site/static/sub/inner.css": "p{}",
		"site/seeds/seed.txt":       "seed",
		"outside/data/x.toml":       "x = 1",
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(top, name)), 0o755)
		if err := os.WriteFile(filepath.Join(top, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, target := range map[string]string{
		"site/static/env":       "/proc/self/environ",
		"site/static/abs":       secret,
		"site/static/up":        "../../secret.toml",
		"site/static/ok":        "site.css",
		"site/static/okup":      "../seeds/seed.txt",
		"site/static/chain":     "ok2",
		"site/static/ok2":       "up",
		"site/static/linkdir":   "sub",
		"site/content/data":     filepath.Join(top, "outside", "data"),
		"site/templates":        "../outside",
		"site/seeds/linked.txt": "../../secret.toml",
		"site/static/loop":      "loop",
	} {
		if err := os.Symlink(target, filepath.Join(top, name)); err != nil {
			t.Fatal(err)
		}
	}
	return dir, secret
}

func TestConfined(t *testing.T) {
	dir, secret := site(t)
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tc := range []struct {
		name         string
		link, target string // the escape reported; "" when the read succeeds
	}{
		{"static/site.css", "", ""},
		{"static/ok", "", ""},
		{"static/okup", "", ""},
		{"static/linkdir/inner.css", "", ""},
		{"static/env", "static/env", "/proc/self/environ"},
		{"static/abs", "static/abs", secret},
		{"static/up", "static/up", "../../secret.toml"},
		{"static/chain", "static/up", "../../secret.toml"},
		{"content/data/x.toml", "content/data", filepath.Join(filepath.Dir(dir), "outside", "data")},
		{"templates/data/x.toml", "templates", "../outside"},
		{"seeds/linked.txt", "seeds/linked.txt", "../../secret.toml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := f.ReadFile(tc.name)
			if tc.link == "" {
				if err != nil {
					t.Fatalf("ReadFile(%s) = %v, want the file", tc.name, err)
				}
				return
			}
			var e *EscapeError
			if !errors.As(err, &e) || e.Link != tc.link || e.Target != tc.target {
				t.Fatalf("ReadFile(%s) = %q, %v; want an escape through %s to %s", tc.name, b, err, tc.link, tc.target)
			}
			if strings.Contains(err.Error(), "hunter2") || len(b) > 0 {
				t.Errorf("ReadFile(%s) leaked the secret: %q, %v", tc.name, b, err)
			}
			for op, err := range map[string]error{
				"Open": func() error { _, err := f.Open(tc.name); return err }(),
				"Stat": func() error { _, err := f.Stat(tc.name); return err }(),
				"sub": func() error {
					s, _ := fs.Sub(f, "static")
					_, err := fs.ReadFile(s, strings.TrimPrefix(tc.name, "static/"))
					return err
				}(),
			} {
				if op == "sub" && !strings.HasPrefix(tc.name, "static/") {
					continue
				}
				if !IsEscape(err) {
					t.Errorf("%s(%s) = %v, want an escape", op, tc.name, err)
				}
			}
		})
	}
	if _, err := f.ReadDir("content/data"); !IsEscape(err) {
		t.Errorf("ReadDir(content/data) = %v, want an escape", err)
	}
	if _, err := f.ReadFile("static/loop"); err == nil || IsEscape(err) {
		t.Errorf("ReadFile(static/loop) = %v, want an error that is no escape", err)
	}
	if _, err := f.ReadFile("../secret.toml"); err == nil {
		t.Errorf("ReadFile(../secret.toml) read outside the folder")
	}
	if err := fstest.TestFS(mustSub(t, f, "static/sub"), "inner.css"); err != nil {
		t.Error(err)
	}
}

func mustSub(t *testing.T, f fs.FS, dir string) fs.FS {
	s, err := fs.Sub(f, dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// FuzzEscape checks that no name read through FS leads out of the folder:
// whatever the name, a read returns a file of the site or an error.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"static/up", "static/chain/x", "static/linkdir/../up", "content/data/x.toml", "static/okup", "a/../b"} {
		f.Add(s)
	}
	dir, _ := site(f)
	sf, err := Open(dir)
	if err != nil {
		f.Fatal(err)
	}
	defer sf.Close()
	f.Fuzz(func(t *testing.T, name string) {
		b, err := sf.ReadFile(name)
		if err == nil && strings.Contains(string(b), "hunter2") {
			t.Fatalf("ReadFile(%q) read the secret", name)
		}
	})
}

func TestReserved(t *testing.T) {
	for name, want := range map[string]bool{
		"con": true, "CON": true, "Con.html": true, "nul.tar.gz": true, "aux ": true, "prn.": true,
		"com1": true, "COM9.txt": true, "lpt5.md": true, "com²": true,
		"com0": false, "com10": false, "lpt": false, "console": false, "icon": false, "con-en.html": false,
		"01-con.md": false, "nul_": false, "": false, "auxiliary.toml": false,
	} {
		if got := Reserved(name); got != want {
			t.Errorf("Reserved(%q) = %v, want %v", name, got, want)
		}
	}
}
