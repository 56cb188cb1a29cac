package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"reportsite/internal/addr"
	"reportsite/internal/archive"
	"reportsite/internal/publish"
	"reportsite/internal/scaffold"
	"reportsite/internal/serve"
	"reportsite/internal/site"
)

func runArchive(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("archive", "Build the site and pack it into <out>/<name>-<version>.zip for handing out:\nthe whole site, the one-file reports, SHA256SUMS and MANIFEST.json (provenance).\nThe same input gives the same bytes.", stderr)
	var sf siteFlags
	sf.register(fs)
	out := fs.String("out", "", "output folder for the zip (default <src>/dist)")
	var bf buildFlags
	bf.register(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *out == "" {
		*out = filepath.Join(sf.dir, "dist")
	}
	res, opt, code := bf.build(ctx, "archive", sf.dir, "", stderr)
	if code != ExitOK {
		return code
	}
	commit, modified := gitCommit(ctx, sf.dir)
	m, err := archive.NewManifest(res, opt.Root, commit)
	if err != nil {
		fmt.Fprintf(stderr, "reportsite archive: %v\n", err)
		return ExitContent
	}
	m.Modified = modified
	var buf bytes.Buffer
	if err := archive.Write(&buf, res.Out, m); err != nil {
		fmt.Fprintf(stderr, "reportsite archive: %v\n", err)
		return ExitContent
	}
	name := filepath.Join(*out, m.Folder()+".zip")
	if err := archive.CheckReplace(name, m); err != nil {
		fmt.Fprintf(stderr, "reportsite archive: %v\n", err)
		return ExitContent
	}
	if err := writeFileAtomic(name, buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "reportsite archive: %v\n", err)
		return ExitContent
	}
	fmt.Fprintf(stdout, "wrote %s (%d files, %d bytes)\n", name, len(res.Out)+2, buf.Len())
	for _, p := range m.OneFile {
		fmt.Fprintf(stdout, "  one-file report %s (%d bytes)\n", p, len(res.Out[p]))
	}
	return ExitOK
}

// gitCommit returns the source folder's commit ("" when it is not known)
// and whether the site's sources differ from it.
func gitCommit(ctx context.Context, dir string) (string, bool) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "git", "-C", dir, "rev-parse", "HEAD").Output()
	if err != nil {
		return "", false
	}
	st, err := exec.CommandContext(ctx, "git", append([]string{"-C", dir, "status", "--porcelain", "--"}, addr.SourceDirs()...)...).Output()
	return strings.TrimSpace(string(out)), err == nil && len(bytes.TrimSpace(st)) > 0
}

// writeFileAtomic writes a sibling temporary file and renames it over name,
// so a reader never sees half an archive.
func writeFileAtomic(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+"-")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", "Preview the site: serve it from memory on a local address, rebuild when\ncontent/, templates/ or static/ change, and reload the open pages. A broken\nedit shows its problems here and in the page; the last good build stays up.", stderr)
	var sf siteFlags
	sf.register(fs)
	listen := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	var bf buildFlags
	bf.register(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	opt, err := bf.options(sf.dir)
	if err != nil {
		fmt.Fprintf(stderr, "reportsite serve: %v\n", err)
		return ExitUsage
	}
	opt.Serve = true
	// The preview keeps the whole site in memory between builds: under the
	// soft limit set for one-shot builds (TuneMemory) the collector would
	// run all the time. It collects as Go usually does instead.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(math.MaxInt64)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100)
	}
	// A session builds on the last good build: an edit to a section or a
	// table makes again only the files that depend on it.
	sess := site.NewSession(opt)
	result := func(res *site.Result, err error) (publish.Output, string, error) {
		if res == nil && err == nil {
			return nil, "", nil
		}
		var sb strings.Builder
		printDiags(&sb, sf.dir, res.Diags)
		if err != nil {
			return nil, sb.String(), err
		}
		return res.Out, sb.String(), nil
	}
	build := func(ctx context.Context) (publish.Output, string, error) { return result(sess.Start(ctx)) }
	finish := func(ctx context.Context) (publish.Output, string, error) { return result(sess.Finish(ctx)) }
	var watch []string
	for _, d := range []string{addr.Content, addr.Templates, addr.Static} {
		watch = append(watch, filepath.Join(sf.dir, d))
	}
	// The files the watcher saw change, named from the site folder: the
	// session looks at them first (Session.Hint).
	changed := func(names []string) {
		var paths []string
		for _, n := range names {
			if rel, err := filepath.Rel(sf.dir, n); err == nil {
				paths = append(paths, filepath.ToSlash(rel))
			}
		}
		sess.Hint(paths)
	}
	if err := serve.Run(ctx, serve.Config{Addr: *listen, Watch: watch, Build: build, Finish: finish, Late: sess.Late, Changed: changed, Log: stderr}); err != nil {
		fmt.Fprintf(stderr, "reportsite serve: %v\n", err)
		return ExitUsage
	}
	return ExitOK
}

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("new", "Create a new bilingual report in DIR (usage: reportsite new [flags] DIR):\nsite.toml with zh-Hant, derived zh-Hans and en, one section per language,\na data table with a chart and a glossary. It builds and passes check at once.", stderr)
	name := fs.String("name", "", "report name, used in file names (default: from DIR)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "reportsite new: give one folder to create")
		fs.Usage()
		return ExitUsage
	}
	dir := fs.Arg(0)
	if *name == "" {
		*name = scaffold.Name(dir)
	}
	files, err := scaffold.Write(dir, *name, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "reportsite new: %v\n", err)
		return ExitUsage
	}
	for _, f := range files {
		fmt.Fprintf(stdout, "  %s\n", filepath.Join(dir, f))
	}
	fmt.Fprintf(stdout, "created %s; next: reportsite serve -src %s\n", dir, dir)
	return ExitOK
}
