package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyMini copies the site package's mini fixture into a temporary site
// folder and applies edit to one of its files.
func copyMini(t *testing.T, file, old, new string) string {
	t.Helper()
	return copyMiniTo(t, t.TempDir(), file, old, new)
}

// copyMiniTo is copyMini into the folder dir.
func copyMiniTo(t *testing.T, dir, file, old, new string) string {
	t.Helper()
	src := "../site/testdata/mini"
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if filepath.ToSlash(rel) == file {
			b = []byte(strings.Replace(string(b), old, new, 1))
		}
		dst := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRun(t *testing.T) {
	ok := copyMini(t, "", "", "")
	broken := copyMini(t, "content/en/01-economy.md", "```chart growth", "```chart growht")
	if err := os.WriteFile(filepath.Join(ok, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // substring
	}{
		{"no command", nil, ExitUsage, ""},
		{"help", []string{"help"}, ExitOK, ""},
		{"unknown command", []string{"bulid"}, ExitUsage, `unknown command "bulid"`},
		{"bad flag", []string{"build", "-nope"}, ExitUsage, "flag provided but not defined"},
		{"stray argument", []string{"check", "-src", ok, "extra"}, ExitUsage, `unexpected argument "extra"`},
		{"no content folder", []string{"check", "-src", t.TempDir()}, ExitUsage, "no content folder"},
		{"check ok", []string{"check", "-src", ok}, ExitOK, ""},
		{"check broken", []string{"check", "-src", broken}, ExitContent, filepath.ToSlash(filepath.Join(broken, "content")) + `/en/01-economy.md:12:1: chart "growht" not found`},
		{"build broken keeps output", []string{"build", "-src", broken, "-cache", "off"}, ExitContent, "public was left as it was"},
		{"build into the site folder", []string{"build", "-src", ok, "-out", ok, "-cache", "off"}, ExitContent, "is the site folder itself"},
		{"build into a parent of the site", []string{"build", "-src", ok, "-out", filepath.Dir(ok), "-cache", "off"}, ExitContent, "holds the site folder"},
		{"build into a file", []string{"build", "-src", ok, "-out", filepath.Join(ok, "notes.txt"), "-cache", "off"}, ExitContent, "is a file, not a folder"},
		{"build into the content folder", []string{"build", "-src", ok, "-out", filepath.Join(ok, "content"), "-cache", "off"}, ExitContent, "is inside the site's content/ folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Run(context.Background(), tt.args, &out, &errb)
			if code != tt.code {
				t.Errorf("Run(%q) = %d, want %d; stderr:\n%s", tt.args, code, tt.code, errb.String())
			}
			if !strings.Contains(errb.String(), tt.stderr) {
				t.Errorf("Run(%q) stderr = %q, want it to contain %q", tt.args, errb.String(), tt.stderr)
			}
			if _, err := os.Stat(filepath.Join(ok, "content", "site.toml")); err != nil {
				t.Errorf("after Run(%q): %v", tt.args, err)
			}
		})
	}
}
