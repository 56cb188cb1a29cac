// Package site builds a report's static website: it loads and checks the
// content, renders every page of every language through html/template, and
// writes the result atomically, so a failed build leaves the previous output
// as it was.
//
// A build holds little in memory beyond the parsed content: each section is
// rendered once, as it is parsed, with holes for its charts and tables; each
// page is handed to the output folder and the link checker as soon as it is
// made (the largest as the template makes them) and then forgotten. Pages are
// rendered by one worker per CPU; the pages that hold every section run in
// one lane of their own, one at a time.
//
// Every link is relative and points at a file, so the output works from
// file://, at a host's root and under any sub-path.
package site

import (
	"bufio"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/linkcheck"
	"reportsite/internal/markdown"
	"reportsite/internal/publish"
)

// Options configure a build. The zero value of each field means its default.
type Options struct {
	// Content is the site folder holding site.toml (required).
	Content fs.FS
	// Templates and Static are the embedded defaults; a site's own
	// templates/ and static/ folders (in Overlay) override them file by file.
	Templates fs.FS
	Static    fs.FS
	// Overlay is the folder that may hold the site's templates/ and static/;
	// nil means none.
	Overlay fs.FS
	// Charts renders a chart; nil draws each chart as its data table only.
	Charts ChartFunc
	// Serve adds the live-reload script to every page (preview server only).
	Serve bool
	// Workers is the number of pages rendered at once; 0 means one per CPU.
	Workers int
	// Root is the site folder, which holds the seed named in site.toml; nil
	// means the text is not compared with its seed (check.Seed).
	Root fs.FS
	// Source is the site folder on disk, which BuildTo refuses to write
	// over or into; "" means not known (not checked).
	Source string
	// NoSearch leaves out the search index and the search box.
	NoSearch bool
}

// ChartFunc renders chart c for language l: the SVG (trusted markup), the
// ECharts option as JSON for the interactive upgrade, and a text description.
type ChartFunc func(c *dataset.Chart, l lang.Lang) (Chart, error)

// Chart is a rendered chart.
type Chart struct {
	SVG    []byte
	Option []byte
	Desc   string
}

// Result is what a build made and what it found.
type Result struct {
	Site  *content.Site  // after a build, without the sections' Markdown (see ReleaseBodies)
	Out   publish.Output // the files, from Build only (BuildTo writes them instead)
	Diags []diag.Diag    // warnings (and errors when the build failed)
	Pages int
	Files int
}

// Build loads, checks and renders the site into memory. It returns an error
// (a *diag.ListError for content problems) when anything is wrong; nothing is
// written either way.
func Build(ctx context.Context, opt Options) (*Result, error) {
	m := publish.NewMem()
	res, err := buildInto(ctx, opt, func() (publish.Sink, error) { return m, nil })
	if err == nil {
		res.Out = m.Output()
	}
	return res, err
}

// BuildTo builds the site into the folder dir, writing each file as soon as
// it is made, so memory does not grow with the size of the output. Files go
// to a temporary folder beside dir that replaces dir only when the whole
// build succeeded: on any error dir is left as it was, and a crash at any
// instant leaves the complete old or new tree in dir (see publish.Dir.Commit).
//
// dir must be missing, an empty folder or the output of an earlier build
// (it carries publish.OutputMarker); it must not be a file, a symbolic link, the
// site folder opt.Source or a folder holding it. Anything else is refused
// before the build starts, with the reason and what to do.
func BuildTo(ctx context.Context, opt Options, dir string) (*Result, error) {
	if err := publish.CheckOutput(filepath.Clean(dir), opt.Source); err != nil {
		return &Result{}, err
	}
	var d *publish.Dir
	res, err := buildInto(ctx, opt, func() (publish.Sink, error) {
		var err error
		d, err = publish.NewDir(dir, opt.Source)
		return d, err
	})
	if d == nil {
		return res, err
	}
	if err != nil {
		d.Abort()
		return res, err
	}
	if err := d.Commit(); err != nil {
		return res, fmt.Errorf("write %s: %w", dir, err)
	}
	return res, nil
}

// buildInto loads and checks the site and, only when that succeeds, opens a sink
// with open and renders every file into it.
func buildInto(ctx context.Context, opt Options, open func() (publish.Sink, error)) (*Result, error) {
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	s, dl := content.Load(opt.Content)
	res := &Result{Site: s}
	if s == nil {
		res.Diags = dl.Items()
		return res, dl.Err()
	}
	b, err := newBuilder(opt, s, dl)
	if err != nil {
		return res, err
	}
	b.prepare = true
	b.check()
	if dl.Errors() > 0 {
		res.Diags = dl.Items()
		return res, dl.Err()
	}
	s.ReleaseBodies() // rendered when parsed
	if b.sink, err = open(); err != nil {
		return res, err
	}
	err = b.render(ctx)
	if err == nil {
		err = b.putErr()
	}
	if err != nil {
		res.Diags = dl.Items()
		if dl.Errors() > 0 {
			return res, dl.Err()
		}
		return res, err
	}
	// Links are checked on the finished pages: a link written in Markdown
	// or a template that leads nowhere stops the build like any other error.
	for _, p := range b.links.Problems() {
		dl.Add(b.placeProblem(p))
	}
	res.Diags = dl.Items()
	if dl.Errors() > 0 {
		return res, dl.Err()
	}
	res.Pages, res.Files = b.pages, len(b.files)
	return res, nil
}

// Check loads and checks the site and renders every page (charts as their
// tables when opt.Charts is nil) into nothing, running the link check on
// each: whatever passes Check builds. Nothing is written.
func Check(opt Options) (*Result, error) {
	return buildInto(context.Background(), opt, func() (publish.Sink, error) { return publish.Null{}, nil })
}

type builder struct {
	opt      Options
	site     *content.Site
	dl       *diag.List
	tmpl     *pageTemplates
	ui       ui
	docs     map[docKey]*sectionDoc
	mu       sync.Mutex
	sink     publish.Sink
	files    map[string]publish.FileSum // every file put so far
	putFail  error                      // the sink's first error
	links    *linkcheck.Checker
	prepare  bool // render each document as it is parsed (builds, not checks)
	pages    int
	charts   *chartCache
	tables   map[tableKey]*tableEntry
	sections map[string]*content.Section
	images   map[string]imageSource           // by output path: the images sections show
	stated   map[cellKey]statement            // where each figure of a table is stated
	statedIn map[*content.Section][]statement // the same by section, in table order: what markFigures marks
	// searchParas are the documents' paragraphs, kept for the search
	// index after the checks, which drop them from the documents.
	searchParas map[docKey][]markdown.Para
}

type docKey struct{ section, lang string }

func newBuilder(opt Options, s *content.Site, dl *diag.List) (*builder, error) {
	tfs := overlay(opt.Overlay, "templates", opt.Templates)
	b := &builder{opt: opt, site: s, dl: dl, files: map[string]publish.FileSum{}, links: linkcheck.NewChecker(), docs: map[docKey]*sectionDoc{},
		tables: map[tableKey]*tableEntry{}, sections: map[string]*content.Section{}}
	for _, sec := range s.Sections {
		b.sections[sec.ID] = sec
	}
	b.ui = loadUI(tfs, s.Languages, s.Conv.Must, dl)
	t, err := parseTemplates(tfs)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	b.tmpl = t
	b.charts = &chartCache{fn: opt.Charts, m: map[chartKey]*chartEntry{}}
	return b, nil
}

// add hands a finished file to the sink and the link checker, and remembers
// its size and digest (for the service worker's version) but not its bytes.
func (b *builder) add(path string, data []byte) {
	b.links.Add(path, data)
	fs := publish.Sum(data)
	err := b.sink.Put(path, data)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.files[path] = fs
	if err != nil && b.putFail == nil {
		b.putFail = fmt.Errorf("write %s: %w", path, err)
	}
}

// addStream is add for a file too large to make in memory first: write
// writes it, and as it goes the bytes go to the sink, the digest and the
// link checker at once.
func (b *builder) addStream(path string, write func(w io.Writer) error) error {
	f, err := b.sink.Create(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	h := sha256.New()
	pr, pw := io.Pipe()
	checked := make(chan error, 1)
	go func() {
		err := b.links.AddReader(path, pr)
		pr.CloseWithError(err) // unblocks the writer if the checker stopped
		checked <- err
	}()
	n := &countWriter{}
	bw := bufio.NewWriterSize(io.MultiWriter(f, h, n, pw), 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	pw.CloseWithError(err)
	if cerr := <-checked; err == nil && cerr != nil {
		err = fmt.Errorf("link check: %w", cerr)
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("write %s: %w", path, cerr)
	}
	if err != nil {
		return err
	}
	fs := publish.FileSum{Size: n.n}
	h.Sum(fs.Sum[:0])
	b.mu.Lock()
	b.files[path] = fs
	b.mu.Unlock()
	return nil
}

type countWriter struct{ n int }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

func (b *builder) putErr() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.putFail
}

// paths returns the paths of every file put so far, sorted.
func (b *builder) paths() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]string, 0, len(b.files))
	for p := range b.files {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}
