package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"reportsite/internal/addr"
	"reportsite/static"
	"reportsite/templates"
)

// runTemplates writes the embedded default templates, interface strings and
// static files into a site folder, where each overrides its embedded twin.
func runTemplates(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("templates", "Write the default templates, interface strings (i18n.toml) and static files\n(stylesheet and scripts) into DIR/templates and DIR/static (usage: reportsite\ntemplates DIR), for a site to override: a file there replaces the built-in one of\nthe same name; delete the files you do not change. Existing files are never\noverwritten.", stderr)
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if fl.NArg() != 1 {
		fmt.Fprintln(stderr, "reportsite templates: give one site folder")
		fl.Usage()
		return ExitUsage
	}
	files, err := defaultFiles()
	if err != nil {
		fmt.Fprintf(stderr, "reportsite templates: %v\n", err)
		return ExitContent
	}
	dir := fl.Arg(0)
	var exists []string
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(f.name))); err == nil {
			exists = append(exists, f.name)
		}
	}
	if len(exists) > 0 {
		for _, name := range exists {
			fmt.Fprintf(stderr, "reportsite templates: %s exists\n", filepath.Join(dir, filepath.FromSlash(name)))
		}
		fmt.Fprintln(stderr, "\thint: move those files away, or write the defaults into an empty folder and copy what you need")
		return ExitContent
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fmt.Fprintf(stderr, "reportsite templates: %v\n", err)
			return ExitContent
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			fmt.Fprintf(stderr, "reportsite templates: %v\n", err)
			return ExitContent
		}
		fmt.Fprintf(stdout, "  %s\n", p)
	}
	fmt.Fprintf(stdout, "wrote %d files; edit any of them, delete the rest\n", len(files))
	return ExitOK
}

type namedFile struct {
	name string // slash-separated, from the site folder
	data []byte
}

// defaultFiles lists the embedded templates and the top-level static files
// (not the vendored libraries, which a site does not edit), in name order.
func defaultFiles() ([]namedFile, error) {
	var out []namedFile
	for _, src := range []struct {
		fsys   fs.FS
		folder string
	}{{templates.FS, addr.Templates}, {static.FS, addr.Static}} {
		entries, err := fs.ReadDir(src.fsys, ".")
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if e.IsDir() || e.Name() == "templates.go" || e.Name() == "static.go" {
				continue
			}
			data, err := fs.ReadFile(src.fsys, e.Name())
			if err != nil {
				return nil, err
			}
			out = append(out, namedFile{path.Join(src.folder, e.Name()), data})
		}
	}
	return out, nil
}
