// Package render makes every file of a loaded, checked site: the builder
// that runs the render jobs and hands each file on, the page kinds' rules
// (kinds.go: which languages get each page, and what each file depends on
// for an update; the kinds and their files are addr.Kind's table), the static files, and the Renderer API the build calls. The
// files themselves are made below it: pages (the overview, section pages,
// the full and one-file report, the parallel text), data (the data page and
// downloads), offline (packs and About pages) and searchindex (the search
// index), all through view, what templates receive.
package render

import (
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/load"
	"reportsite/internal/publish"
	"reportsite/internal/render/figure"
	"reportsite/internal/render/offline"
	"reportsite/internal/render/tmpl"
	"reportsite/internal/render/view"
	"reportsite/internal/sitefs"
	"reportsite/templates"
)

// Options configure a Renderer. The zero value of each field means its
// default.
type Options struct {
	// Templates and Static are the embedded defaults; a site's own
	// templates/ and static/ folders (in Overlay) override them file by file.
	Templates fs.FS
	Static    fs.FS
	// Overlay is the folder that may hold the site's templates/ and static/;
	// nil means none.
	Overlay fs.FS
	// Charts renders a chart; nil draws each chart as its data table only.
	Charts figure.ChartFunc
	// Serve adds the live-reload script to every page (preview server only).
	Serve bool
	// Workers is the number of pages rendered at once; at least 1.
	Workers int
	// Root is the site folder, which holds the seed named in site.toml, for
	// the errata on the About page; nil means none.
	Root fs.FS
	// NoSearch leaves out the search index and the search box.
	NoSearch bool
	// Drawing says that the charts are to be drawn, not read from a cache:
	// a full render then makes the files that need no chart first, while
	// they are drawn.
	Drawing bool
	// Parsed returns the templates as ParseTemplates parsed them; nil means
	// New parses them.
	Parsed func() (*tmpl.Set, error)
}

// ParseTemplates starts parsing the templates of opt (its Templates under
// its Overlay's templates/) in the background and returns a function that
// waits for them, for Options.Parsed: they do not depend on the content,
// which loads meanwhile.
func ParseTemplates(opt Options) func() (*tmpl.Set, error) {
	done := make(chan struct{})
	var t *tmpl.Set
	var err error
	go func() {
		defer close(done)
		t, err = tmpl.Parse(sitefs.Overlay(opt.Overlay, addr.Templates, opt.Templates), kindNames())
	}()
	return func() (*tmpl.Set, error) {
		<-done
		return t, err
	}
}

// A Renderer makes every file of a loaded, checked site and hands each to a
// publish.Sink as soon as it is made.
type Renderer struct{ b *builder }

// New returns the renderer of the site m holds: it reads the interface
// strings (reporting their problems to dl) and parses the templates.
func New(opt Options, m *load.Model, dl *diag.List) (*Renderer, error) {
	b, err := newBuilder(opt, m, dl)
	if err != nil {
		return nil, err
	}
	return &Renderer{b}, nil
}

// NoteLabel is the label of a translator's note in l, for load.Model.Parse.
func (r *Renderer) NoteLabel(l lang.Lang) string { return r.b.ui.Get("tn_label", l) }

// Render makes every file into sink.
func (r *Renderer) Render(ctx context.Context, sink publish.Sink) error {
	r.b.sink = sink
	if err := r.b.render(ctx); err != nil {
		return err
	}
	return r.b.putErr()
}

// Pages and Files count the pages and files made.
func (r *Renderer) Pages() int { return r.b.pages }
func (r *Renderer) Files() int { return len(r.b.files) }

type builder struct {
	opt     Options
	site    *content.Site
	dl      *diag.List
	tmpl    *tmpl.Set
	ui      tmpl.UI
	m       *load.Model // the content, sections parsed
	mu      sync.Mutex
	sink    publish.Sink
	files   map[string]publish.FileSum // every file put so far
	putFail error                      // the sink's first error
	pages   int
	fig     *figure.Maker // charts and tables as figures
	change  *change       // what an update renders again; nil in a full render
	late    bool          // in an update, making the late files (Finish)
	uiDiags []diag.Diag   // what reading the interface strings said
	// bySlug is the site's sections by slug (jobAt), and sources the
	// sections each table of the last change names (newChange).
	bySlug  map[string]*content.Section
	sources map[*dataset.Table][]string
	about   *offline.Draft // the About pages, drafted in a full render
	drawn   chan struct{}  // closed when DrawAll ends; nil: not drawing
}

// DrawAhead starts drawing, in the background, every chart the pages
// place: a build calls it as soon as the sections are parsed, so that the
// charts are drawn, or read from the cache, while it checks the content.
// Render waits for them. A build that then renders nothing calls
// StopDrawing.
func (r *Renderer) DrawAhead() { r.b.drawAhead() }

// StopDrawing ends what DrawAhead started without waiting: the charts
// being drawn are finished, no other is started.
func (r *Renderer) StopDrawing() {
	if r.b.drawn != nil {
		r.b.fig.StopDrawing()
	}
}

func (b *builder) drawAhead() {
	if b.drawn != nil {
		return
	}
	drawn, fig := make(chan struct{}), b.fig
	b.drawn = drawn
	go func() {
		defer close(drawn)
		fig.DrawAll(b.opt.Workers)
	}()
}

// setSite makes s the site b renders.
func (b *builder) setSite(s *content.Site) {
	b.site = s
	b.bySlug = make(map[string]*content.Section, len(s.Sections))
	for _, sec := range s.Sections {
		b.bySlug[sec.Slug] = sec
	}
}

// UIDiags returns what reading the interface strings said, for a build
// that Updates r and so does not read them again.
func (r *Renderer) UIDiags() []diag.Diag { return r.b.uiDiags }

func newBuilder(opt Options, m *load.Model, dl *diag.List) (*builder, error) {
	s := m.Site
	tfs := sitefs.Overlay(opt.Overlay, addr.Templates, opt.Templates)
	b := &builder{opt: opt, dl: dl, files: map[string]publish.FileSum{}, m: m}
	b.setSite(s)
	var udl diag.List
	b.ui = tmpl.LoadUI(tfs, s.Languages, s.Conv.Must, &udl)
	b.uiDiags = udl.Items()
	dl.Merge(&udl)
	parse := opt.Parsed
	if parse == nil {
		parse = func() (*tmpl.Set, error) { return tmpl.Parse(tfs, kindNames()) }
	}
	t, err := parse()
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	b.tmpl = t
	b.newFigures()
	return b, nil
}

func (b *builder) newFigures() {
	b.fig = figure.New(b.m, b.opt.Charts, func(kind string, data any) ([]byte, error) { return b.tmpl.Exec(kind, data, 0) },
		b.ui.Get, view.SectionTitle)
	b.fig.BuiltinTable(sitefs.Overlay(b.opt.Overlay, addr.Templates, b.opt.Templates), templates.FS)
	// A table placed in a section shows on the section's page, the full
	// report and the left column of the parallel text; the data page,
	// made after the sections, makes its own (figure.Maker.TableFresh).
	b.fig.Showings(func(l lang.Lang) int {
		if _, ok := b.site.Partner(l); ok {
			return 3
		}
		return 2
	}, 0)
}

// Update renders into sink, again, the files near an edit that depend on
// ch (see deps in kinds.go): m is the model of the site r last rendered, its
// sections and tables named in ch read again (content.Site.Patch) and every
// other section carried over (load.Model.Carry). The templates and
// interface strings are r's; Problems then reports the links of every file,
// those not made again as r last saw them. The sink is to receive the
// files on top of r's last output: the others are not made again. Finish
// then makes the rest (those Late reports). After an error r is not to be
// updated again: render the site afresh.
func (r *Renderer) Update(ctx context.Context, m *load.Model, ch Change, sink publish.Sink) error {
	b := r.b
	old := b.m
	if len(old.Images) != len(m.Images) {
		return ErrRenderAll
	}
	for p, src := range m.Images {
		if o, ok := old.Images[p]; !ok || o.Name != src.Name {
			return ErrRenderAll
		}
	}
	b.m, b.sink, b.pages, b.putFail = m, sink, 0, nil
	b.setSite(m.Site)
	b.newFigures()
	b.change = b.newChange(ch, old)
	if err := b.render(ctx); err != nil {
		b.change = nil
		return err
	}
	return b.putErr()
}

// ErrRenderAll is Update's answer to a change it does not render: the
// images the sections show changed. Render the site afresh instead.
var ErrRenderAll = errors.New("render: the change calls for a full render")

// Finish renders into sink the files of the last Update that deps marks
// late (the pages that hold every section or table, the About page, the
// search index) and the files that describe the whole output. It returns
// the files of the last output that the site no longer has (search index
// files, whose number follows the text).
func (r *Renderer) Finish(ctx context.Context, sink publish.Sink) ([]string, error) {
	b := r.b
	if b.change == nil {
		return nil, nil
	}
	defer func() { b.change, b.late = nil, false }()
	b.sink, b.putFail, b.late = sink, nil, true
	var stale []string
	b.mu.Lock()
	for p := range b.files {
		if strings.HasPrefix(p, addr.SearchDir) && !b.opt.NoSearch {
			stale = append(stale, p)
			delete(b.files, p)
		}
	}
	b.mu.Unlock()
	if err := b.render(ctx); err != nil {
		return nil, err
	}
	if err := b.putErr(); err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.DeleteFunc(stale, func(p string) bool { _, ok := b.files[p]; return ok }), nil
}

// wantedJobs returns the jobs that make files b is to make.
func (b *builder) wantedJobs(jobs []job) []job {
	return slices.DeleteFunc(jobs, func(j job) bool { return !b.wanted(j.name) })
}

// add hands a finished file to the sink, and remembers its size and digest
// (for the service worker's version) but not its bytes.
func (b *builder) add(path string, data []byte) {
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
// writes it, and as it goes the bytes go to the sink and the digest at once.
func (b *builder) addStream(path string, write func(w io.Writer) error) error {
	f, err := b.sink.Create(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	h := sha256.New()
	n := &countWriter{}
	bw := bufio.NewWriterSize(io.MultiWriter(f, h, n), 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
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
