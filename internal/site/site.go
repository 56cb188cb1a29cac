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
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"

	"reportsite/internal/addr"
	"reportsite/internal/check"
	"reportsite/internal/check/memo"
	"reportsite/internal/check/structure"
	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/load"
	"reportsite/internal/publish"
	"reportsite/internal/render"
	"reportsite/internal/render/figure"
	"reportsite/internal/sitefs"
)

// Options configure a build. The zero value of each field means its default.
type Options struct {
	// Content is the content folder, addr.Content in the site folder, which
	// holds site.toml (required).
	Content fs.FS
	// Templates and Static are the embedded defaults; a site's own
	// templates/ and static/ folders (in Overlay) override them file by file.
	Templates fs.FS
	Static    fs.FS
	// Overlay is the folder that may hold the site's templates/ and static/;
	// nil means none.
	Overlay fs.FS
	// Charts renders a chart; nil draws each chart as its data table only.
	Charts figure.ChartFunc
	// WarmCharts, when set, is called as soon as the content is loaded with
	// the number of charts the site declares in all its languages, so that
	// Charts can get ready (figure.ECharts.Warm) while the build checks the
	// content, and before, with the number of workers, when the table files
	// seem to declare a chart (content.DeclaresCharts); it must return at
	// once and be safe for concurrent use. It reports whether the charts are
	// to be drawn (none is cached), and the render then makes what needs no
	// chart first, while they are drawn.
	WarmCharts func(n int) bool
	// Serve adds the live-reload script to every page (preview server only).
	Serve bool
	// Workers is the number of pages rendered at once; 0 means one per CPU.
	Workers int
	// Root is the site folder, which holds the seed named in site.toml; nil
	// means the text is not compared with its seed (check/fidelity.Seed).
	Root fs.FS
	// Source is the site folder on disk, which BuildTo refuses to write
	// over or into; "" means not known (not checked).
	Source string
	// NoSearch leaves out the search index and the search box.
	NoSearch bool
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

// buildInto builds the site and names every file in its diagnostics from
// the site folder (fromSite).
func buildInto(ctx context.Context, opt Options, open func() (publish.Sink, error)) (*Result, error) {
	return fromSite(buildSite(ctx, opt, open))
}

// fromSite names every file in the diagnostics of a build from the site
// folder: files of the content folder, named from it by the stages that
// read it, get content/ before them; static/, templates/ and seeds/ files
// and the seed site.toml names are named from the site folder already.
func fromSite(res *Result, err error) (*Result, error) {
	rooted := []string{addr.Static + "/", addr.Templates + "/", addr.Seeds + "/"}
	if res != nil && res.Site != nil && res.Site.Report.Source.Seed != "" {
		rooted = append(rooted, res.Site.Report.Source.Seed)
	}
	if res != nil {
		res.Diags = diag.Under(res.Diags, addr.Content, rooted...)
	}
	var le *diag.ListError
	if errors.As(err, &le) {
		le.Diags = diag.Under(le.Diags, addr.Content, rooted...)
	}
	return res, err
}

func buildSite(ctx context.Context, opt Options, open func() (publish.Sink, error)) (*Result, error) {
	if opt.Workers <= 0 {
		opt.Workers = defaultWorkers()
	}
	if opt.Root != nil {
		// The seed is read by the checks and by the about page: once.
		root := sitefs.NewMemo(opt.Root)
		defer root.Release()
		opt.Root = root
	}
	// The templates do not depend on the content: they are parsed while it
	// loads. ECharts takes longer to get ready than the content to load:
	// with charts declared, it starts now (warmCharts tells it again, with
	// their number, once the content is loaded).
	parsed := render.ParseTemplates(render.Options{Templates: opt.Templates, Overlay: opt.Overlay})
	if opt.WarmCharts != nil && opt.Charts != nil {
		go func() {
			if content.DeclaresCharts(opt.Content) {
				opt.WarmCharts(opt.Workers)
			}
		}()
	}
	s, dl := content.Load(opt.Content)
	res := &Result{Site: s}
	if s == nil {
		res.Diags = dl.Items()
		return res, dl.Err()
	}
	drawing := warmCharts(opt, s)
	m := load.New(s)
	r, err := render.New(render.Options{Templates: opt.Templates, Static: opt.Static, Overlay: opt.Overlay, Charts: opt.Charts,
		Serve: opt.Serve, Workers: opt.Workers, Root: opt.Root, NoSearch: opt.NoSearch, Drawing: drawing, Parsed: parsed}, m, dl)
	if err != nil {
		return res, err
	}
	checkContent(opt, m, r, dl, nil, nil, [32]byte{})
	if dl.Errors() > 0 {
		r.StopDrawing()
		res.Diags = dl.Items()
		return res, dl.Err()
	}
	s.ReleaseBodies() // rendered when parsed
	sink, err := open()
	if err != nil {
		return res, err
	}
	if err := r.Render(ctx, sink); err != nil {
		res.Diags = dl.Items()
		if dl.Errors() > 0 {
			return res, dl.Err()
		}
		return res, err
	}
	res.Diags = dl.Items()
	if dl.Errors() > 0 {
		return res, dl.Err()
	}
	res.Pages, res.Files = r.Pages(), r.Files()
	return res, nil
}

// Check loads and checks the site and renders every page (charts as their
// tables when opt.Charts is nil) into nothing, running the link check on
// each: whatever passes Check builds. Nothing is written.
func Check(opt Options) (*Result, error) {
	return buildInto(context.Background(), opt, func() (publish.Sink, error) { return publish.Null{}, nil })
}

// check loads the sections (internal/load) and runs the rules
// (internal/check); when they pass, it finds where each figure is stated.
// With a cache (a Session's memo), the checks reuse what they found in the
// sections and tables whose files are unchanged (sum gives the digests), and
// the model keeps the paragraphs for the next build; names is a digest of
// the input files' paths (zero: not known).
func checkContent(opt Options, m *load.Model, r *render.Renderer, dl *diag.List, cache *check.Memo, sum memo.SumFunc, names [32]byte) {
	static := sitefs.Overlay(opt.Overlay, addr.Static, opt.Static)
	m.Parse(opt.Workers, true, r.NoteLabel, dl)
	if cache == nil && dl.Errors() == 0 {
		// A build draws its charts, or reads them from the cache, while
		// it checks; a session, whose next build may change them, does not.
		r.DrawAhead()
	}
	if cache == nil {
		// A build parses each text once; a session's next model may parse
		// them again.
		m.Site.ReleaseTexts()
	}
	m.FindImages(opt.Content, static, dl)
	check.All(check.Input{
		Site:  m.Site,
		Docs:  m.Parsed,
		Paras: m.Paras,
		Folders: []structure.Folder{
			{FS: opt.Content},
			{FS: static, Prefix: addr.Static + "/", Read: true},
			{FS: sitefs.Overlay(opt.Overlay, addr.Templates, opt.Templates), Prefix: addr.Templates + "/"},
		},
		Content: opt.Content,
		Root:    opt.Root,
		Memo:    cache,
		Sum:     sum,
		Names:   names,
	}, dl)
	if dl.Errors() == 0 {
		m.FindStatements()
	}
	// Only the checks, FindStatements and the search index read the
	// paragraphs' plain text.
	if cache != nil {
		m.KeepParas()
		return
	}
	m.DropParas(!opt.NoSearch)
}

// warmCharts tells opt.WarmCharts how many charts site s will draw, and
// reports whether they are to be drawn.
func warmCharts(opt Options, s *content.Site) bool {
	if opt.WarmCharts != nil && opt.Charts != nil && len(s.Charts) > 0 {
		return opt.WarmCharts(len(s.Charts) * len(s.Languages))
	}
	return false
}

func defaultWorkers() int { return runtime.NumCPU() }
