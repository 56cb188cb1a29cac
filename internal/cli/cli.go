// Package cli implements reportsite's sub-commands: it parses flags, wires
// the operating system to the build, prints diagnostics and chooses the exit
// status: 0 ok, 1 content errors, 2 usage errors.
package cli

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/BurntSushi/toml"

	"reportsite/internal/addr"
	"reportsite/internal/diag"
	"reportsite/internal/render/figure"
	"reportsite/internal/seed"
	"reportsite/internal/site"
	"reportsite/internal/sitefs"
	"reportsite/static"
	"reportsite/templates"
)

// Exit statuses.
const (
	ExitOK      = 0
	ExitContent = 1
	ExitUsage   = 2
)

type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "build the site into the output folder", runBuild},
		{"check", "check the content and report every problem", runCheck},
		{"seed", "re-derive the cleaned source text from the seed", runSeed},
		{"archive", "build and pack the site into a reproducible zip with checksums", runArchive},
		{"serve", "preview the site locally, rebuilding and reloading on changes", runServe},
		{"new", "create a new bilingual report that builds at once", runNew},
		{"templates", "write the default templates, interface strings and static files to override", runTemplates},
	}
}

// Run runs the sub-command named by args[0] and returns the exit status.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "reportsite: unknown command %q\n", args[0])
	usage(stderr)
	return ExitUsage
}

// The collector settings of the command, unless GOGC and GOMEMLIMIT say
// otherwise. Go collects garbage whenever the heap has grown by GOGC percent
// since the last collection (100 by default), and a build allocates far
// more than it keeps, so it collected often and spent a tenth of its time
// doing so. It now lets the heap grow three times over, but never past a
// soft limit of 1 GiB: near the limit it collects more often instead. The
// limit must stay well above what a build keeps alive: once the live heap
// passes it the runtime collects without pause (up to half the CPU), which
// at 5,000 sections per language under a 400 MiB limit made the build 2.3
// times slower than under a 1 GiB limit (45.6 s against 19.5 s, peak
// 664 MB against 1,062 MB; Hugo took 991 MiB on the same content).
const (
	DefaultGCPercent   = 300
	DefaultMemoryLimit = 1 << 30
)

// TuneMemory applies DefaultGCPercent and DefaultMemoryLimit where GOGC and
// GOMEMLIMIT are not set. It is for the command's main, as it changes the
// whole process.
func TuneMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(DefaultGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(DefaultMemoryLimit)
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: reportsite <command> [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	width := 0
	for _, c := range commands() {
		width = max(width, len(c.name))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run reportsite <command> --help for a command's flags.")
}

// siteFlags are the flags every command that reads a site shares.
type siteFlags struct {
	dir string
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.dir, "src", ".", "site folder holding content/ (and optionally templates/, static/, seeds/)")
}

func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: reportsite %s [flags]\n\n%s\n\nflags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; it returns -1 to go on, or an exit status.
func parse(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "reportsite %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return ExitUsage
	}
	return -1
}

// buildFlags are the flags of every command that renders the site.
type buildFlags struct {
	cache    string
	workers  int
	noSearch bool
}

func (f *buildFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.cache, "cache", "", "chart cache folder (default <src>/.cache/charts; \"off\" to disable)")
	fs.IntVar(&f.workers, "j", 0, "pages rendered at once (default: one per CPU)")
	fs.BoolVar(&f.noSearch, "no-search", false, "write no search index and no search box")
}

func (f *buildFlags) options(dir string) (site.Options, error) {
	opt, err := options(dir, cacheDir(dir, f.cache), f.workers)
	opt.NoSearch = f.noSearch
	return opt, err
}

// build loads, checks and renders the site in dir for command cmd, printing
// its diagnostics; it returns the result and the options it used, or an exit
// status other than ExitOK. With out set, the files are written into that
// folder as they are made (and it is left untouched on failure); without,
// they are kept in memory in the result.
func (f *buildFlags) build(ctx context.Context, cmd, dir, out string, stderr io.Writer) (*site.Result, site.Options, int) {
	opt, err := f.options(dir)
	if err != nil {
		fmt.Fprintf(stderr, "reportsite %s: %v\n", cmd, err)
		return nil, opt, ExitUsage
	}
	var res *site.Result
	if out != "" {
		res, err = site.BuildTo(ctx, opt, out)
	} else {
		res, err = site.Build(ctx, opt)
	}
	printDiags(stderr, dir, res.Diags)
	if err != nil {
		return nil, opt, fail(stderr, cmd, err, out)
	}
	return res, opt, ExitOK
}

func options(dir string, cacheDir string, workers int) (site.Options, error) {
	content := filepath.Join(dir, addr.Content)
	if st, err := os.Stat(content); err != nil || !st.IsDir() {
		return site.Options{}, fmt.Errorf("no content folder at %s: run reportsite in a site folder or pass -src", content)
	}
	// Everything is read through the site folder opened as an os.Root: no
	// symbolic link leads out of it.
	sfs, err := sitefs.Open(dir)
	if err != nil {
		return site.Options{}, err
	}
	cfs, err := fs.Sub(sfs, addr.Content)
	if err != nil {
		return site.Options{}, err
	}
	opt := site.Options{
		Content:   cfs,
		Templates: templates.FS,
		Static:    static.FS,
		Overlay:   sfs,
		Root:      sfs,
		Source:    dir,
		Workers:   workers,
	}
	ec, err := figure.NewECharts(cacheDir, workers)
	if err != nil {
		return opt, err
	}
	opt.Charts, opt.WarmCharts = ec.Func(), ec.Warm
	return opt, nil
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("build", "Build the site: check the content, render every page of every language, and\nswap the result into the output folder only when everything succeeded.\nMemory: GOGC=300 under a 1 GiB soft limit unless GOGC or GOMEMLIMIT is set.", stderr)
	var sf siteFlags
	sf.register(fs)
	out := fs.String("out", "", "output folder (default <src>/public)")
	var bf buildFlags
	bf.register(fs)
	quiet := fs.Bool("q", false, "print nothing but problems")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
	memProfile := fs.String("memprofile", "", "write a memory profile (allocations, and memory in use at the last collection) to this file when the build ends")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	stop, err := startProfiles(*cpuProfile, *memProfile)
	if err != nil {
		fmt.Fprintf(stderr, "reportsite build: %v\n", err)
		return ExitUsage
	}
	defer func() {
		if err := stop(); err != nil {
			fmt.Fprintf(stderr, "reportsite build: %v\n", err)
		}
	}()
	if *out == "" {
		*out = filepath.Join(sf.dir, "public")
	}
	start := time.Now()
	res, _, code := bf.build(ctx, "build", sf.dir, *out, stderr)
	if code != ExitOK {
		return code
	}
	if !*quiet {
		fmt.Fprintf(stdout, "built %d pages, %d files in %s (%s)\n", res.Pages, res.Files, *out, time.Since(start).Round(time.Millisecond))
	}
	return ExitOK
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "Check the content: structure, references, numbers and data provenance.\nEvery problem is listed with file:line and a hint; the exit status is 1 on errors.", stderr)
	var sf siteFlags
	sf.register(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	opt, err := options(sf.dir, "", 0)
	if err != nil {
		fmt.Fprintf(stderr, "reportsite check: %v\n", err)
		return ExitUsage
	}
	opt.Charts = nil
	res, err := site.Check(opt)
	printDiags(stderr, sf.dir, res.Diags)
	if err != nil {
		return fail(stderr, "check", err, "")
	}
	fmt.Fprintf(stdout, "ok: %d warning(s)\n", len(res.Diags))
	return ExitOK
}

func cacheDir(dir, flagValue string) string {
	switch flagValue {
	case "off":
		return ""
	case "":
		return filepath.Join(dir, ".cache", "charts")
	}
	return flagValue
}

// printDiags prints problems with paths a terminal or editor can open: a
// diagnostic names its file from the site folder, so dir goes before it.
func printDiags(w io.Writer, dir string, ds []diag.Diag) {
	for _, d := range ds {
		if d.File != "" {
			d.File = filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(d.File)))
		}
		fmt.Fprintln(w, d.String())
	}
}

func fail(stderr io.Writer, cmd string, err error, out string) int {
	var le *diag.ListError
	if errors.As(err, &le) {
		msg := fmt.Sprintf("reportsite %s: %d error(s)", cmd, le.Errors())
		if out != "" {
			msg += "; " + out + " was left as it was"
		}
		fmt.Fprintln(stderr, msg)
		return ExitContent
	}
	fmt.Fprintf(stderr, "reportsite %s: %v\n", cmd, err)
	return ExitContent
}

func runSeed(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("seed", "Re-derive the cleaned source text from the seed and its corrections, so that\nanyone can check the published Chinese text against the captured original.", stderr)
	var sf siteFlags
	sf.register(fs)
	seedPath := fs.String("seed", "", "seed file, relative to -src (default: report.source.seed in site.toml)")
	corr := fs.String("corrections", "", "manual corrections, relative to -src (default: report.source.corrections in site.toml)")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *seedPath == "" || *corr == "" {
		p, c, err := seedFromSite(sf.dir)
		if err != nil && *seedPath == "" {
			fmt.Fprintf(stderr, "reportsite seed: %v\n", err)
			return ExitUsage
		}
		*seedPath, *corr = cmp.Or(*seedPath, p), cmp.Or(*corr, c)
	}
	sfs, err := sitefs.Open(sf.dir)
	if err != nil {
		fmt.Fprintf(stderr, "reportsite seed: %v\n", err)
		return ExitUsage
	}
	text, err := seed.Derive(sfs, *seedPath, *corr)
	if err != nil {
		fmt.Fprintf(stderr, "reportsite seed: %v\n", err)
		return ExitContent
	}
	io.WriteString(stdout, text)
	return ExitOK
}

// seedFromSite returns the seed and corrections that site.toml names.
func seedFromSite(dir string) (seed, corrections string, err error) {
	var sf struct {
		Report struct {
			Source struct {
				Seed        string `toml:"seed"`
				Corrections string `toml:"corrections"`
			} `toml:"source"`
		} `toml:"report"`
	}
	sfs, err := sitefs.Open(dir)
	if err != nil {
		return "", "", err
	}
	src, err := fs.ReadFile(sfs, addr.Content+"/"+addr.SiteTOML)
	if err != nil {
		return "", "", err
	}
	if _, err := toml.Decode(string(src), &sf); err != nil {
		return "", "", fmt.Errorf("content/site.toml: %w", err)
	}
	if sf.Report.Source.Seed == "" {
		return "", "", fmt.Errorf("site.toml names no report.source.seed; pass -seed")
	}
	return sf.Report.Source.Seed, sf.Report.Source.Corrections, nil
}

// startProfiles starts a CPU profile into cpu and arranges a heap profile
// into mem (either may be ""); the returned function stops and writes them.
func startProfiles(cpu, mem string) (stop func() error, err error) {
	var cf *os.File
	if cpu != "" {
		if cf, err = os.Create(cpu); err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(cf); err != nil {
			cf.Close()
			return nil, fmt.Errorf("cpuprofile: %w", err)
		}
	}
	return func() error {
		if cf != nil {
			pprof.StopCPUProfile()
			if err := cf.Close(); err != nil {
				return err
			}
		}
		if mem == "" {
			return nil
		}
		f, err := os.Create(mem)
		if err != nil {
			return err
		}
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			f.Close()
			return fmt.Errorf("memprofile: %w", err)
		}
		return f.Close()
	}, nil
}
