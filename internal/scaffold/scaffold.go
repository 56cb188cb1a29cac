// Package scaffold writes a new bilingual report that builds and passes
// check at once and shows every feature once, for a new user to copy from:
// site.toml with zh-Hant, derived zh-Hans and en, a key-figure card and an
// erratum; two sections per language with tables, a chart of every type
// (the second over quarters, with a missing quarter), a footnote and a
// translator's note; and a glossary. Its figures are examples.
package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

//go:embed site
var files embed.FS

var nameRe = regexp.MustCompile(`[^a-z0-9]+`)

// Name turns a folder name into a report name safe in file names.
func Name(dir string) string {
	n := strings.Trim(nameRe.ReplaceAllString(strings.ToLower(filepath.Base(dir)), "-"), "-")
	if n == "" {
		return "report"
	}
	return n
}

// Write creates dir (which must not exist or be empty) with a new report
// named name, dated date (the report's date, written into site.toml).
// It returns the files written, relative to dir.
func Write(dir, name string, date time.Time) ([]string, error) {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return nil, fmt.Errorf("%s is not empty", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	sub, err := fs.Sub(files, "site")
	if err != nil {
		return nil, err
	}
	r := strings.NewReplacer("{{name}}", name, "{{date}}", date.Format("2006-01-02"))
	var written []string
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		written = append(written, p)
		return os.WriteFile(full, []byte(r.Replace(string(data))), 0o644)
	})
	return written, err
}
