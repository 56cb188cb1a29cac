package site

import (
	"context"
	"crypto/sha256"
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"reportsite/internal/addr"
	"reportsite/internal/check"
	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/load"
	"reportsite/internal/publish"
	"reportsite/internal/render"
	"reportsite/internal/sitefs"
)

// A Session builds one site into memory again and again, as the preview
// server does after each edit. It keeps what the last good build loaded,
// parsed and rendered: when the only files that changed since are the texts
// of existing sections or existing data tables, it reads just those again,
// runs the checks on the whole site, and renders only the files that depend
// on them (render.Renderer.Update); every other output file is the last
// build's. Any other change (site.toml, the glossary, a template or the
// interface strings, a static file or a seed, a file added or removed), and
// any build after one that failed while rendering, builds the whole site
// afresh; after a content problem (found before rendering) the next build
// still builds on the last good one. The checks keep what they found per
// section and table (check.Memo), by the digests of the files they read.
// A watcher's Hint lets Start look at the files it names only; Finish then
// looks at every file. Either way the output is the same as Build's, byte
// for byte.
//
// A Session is not safe for concurrent use.
type Session struct {
	opt  Options
	last *state               // the last good build; nil before it and after a failure in rendering
	did  string               // "full" or "update": how the latest build went, for tests
	now  map[string]inputFile // the input files of the build under way
	// rendered is set once the build under way has begun to render on the
	// last good build's renderer, which it then changes.
	rendered bool
	// hint names the files that changed since the last build, as the
	// preview server's watcher saw them (Hint); unsure is set when a walk
	// of every file found a change a hint left out.
	hint   []string
	unsure bool
	late   atomic.Pointer[render.Renderer] // set while Finish has files to make
}

// state is what a Session keeps of a good build.
type state struct {
	inputs  map[string]inputFile // every input file, by path from the site folder
	site    *content.Site
	m       *load.Model
	r       *render.Renderer
	out     publish.Output
	memo    *check.Memo // what the checks found per section and table
	loadDL  []diag.Diag // what loading the content said
	diags   []diag.Diag // what the build said
	pending bool        // Start made an update that Finish is to complete
}

// inputFile is what a Session remembers of an input file.
type inputFile struct {
	size int64
	mod  time.Time
	sum  [sha256.Size]byte
}

// NewSession returns a Session that builds with opt.
func NewSession(opt Options) *Session { return &Session{opt: opt} }

// Start builds the site as it is now into memory (Result.Out), like Build,
// on the last good build where it can; Finish completes it. A failure while
// rendering forgets the last good build (the caller still holds its
// output), and the next build is a full one. After an edit to sections or
// tables Start makes only the files near the edit (the sections' pages, the
// overview, the tables' downloads: see render.Renderer.Update), checks
// their links, and returns an output whose other files (those Late reports)
// are still the last build's: call Finish before another Start to make
// them. Any other build it makes whole. Its problems name their files
// from the site folder, as Build's do.
func (s *Session) Start(ctx context.Context) (*Result, error) { return fromSite(s.start(ctx)) }

func (s *Session) start(ctx context.Context) (*Result, error) {
	prev := s.last
	s.last, s.rendered = nil, false
	if prev != nil && prev.pending {
		prev = nil // not finished: build afresh
	}
	// The digests of the inputs and the build share one read of each file.
	saved := s.opt
	release := sitefs.ReadOnce(&s.opt.Content, &s.opt.Overlay, &s.opt.Root)
	defer func() { release(); s.opt = saved }()
	hint := s.hint
	s.hint = nil
	var inputs map[string]inputFile
	var err error
	if s.unsure || !s.hinted(prev, hint, &inputs) {
		inputs, err = s.inputs(prev)
	}
	if err != nil {
		s.last, s.hint = prev, append(hint, s.hint...)
		return &Result{}, err
	}
	var st *state
	var res *Result
	s.now = inputs
	defer func() { s.now = nil }()
	files, ok := prev.edits(inputs)
	if ok && len(files) == 0 { // saved without a change
		s.last, s.did = prev, "none"
		return &Result{Site: prev.site, Out: prev.out, Diags: prev.diags, Files: len(prev.out)}, nil
	}
	if ok {
		st, res, err = s.update(ctx, prev, files)
	} else {
		s.did = "full"
		st, res, err = s.full(ctx)
	}
	if err != nil {
		if !s.rendered {
			// A problem found before rendering: the next build can still
			// build on the last good one, from which the files hinted
			// now changed too.
			s.last, s.hint = prev, append(hint, s.hint...)
		}
		return res, err
	}
	st.inputs, st.diags = inputs, res.Diags
	s.last = st
	res.Out = st.out
	if st.pending {
		s.late.Store(st.r)
	}
	return res, nil
}

// Finish makes the files that Start left to make, and returns the whole
// output; nil and no error when there was nothing left to make.
func (s *Session) Finish(ctx context.Context) (*Result, error) { return fromSite(s.finish(ctx)) }

func (s *Session) finish(ctx context.Context) (*Result, error) {
	st := s.last
	if st == nil || !st.pending {
		return nil, nil
	}
	defer s.late.Store(nil)
	s.last = nil
	res := &Result{Site: st.site}
	dl := &diag.List{}
	for _, d := range st.diags {
		dl.Add(d)
	}
	// The server still serves the output Start made: the late files go on
	// a copy.
	mem := publish.NewMemOn(maps.Clone(st.out))
	gone, err := st.r.Finish(ctx, mem)
	if err != nil {
		res.Diags = dl.Items()
		return res, err
	}
	res.Diags = dl.Items()
	if dl.Errors() > 0 {
		return res, dl.Err()
	}
	out := mem.Output()
	for _, p := range gone {
		delete(out, p)
	}
	// Start may have looked only at the files a hint named: look at every
	// one now, after the reload, so that a change the hint left out is
	// built by the next build, which will look at every file too.
	all, err := s.inputs(st)
	s.unsure = err != nil || !maps.EqualFunc(all, st.inputs, func(a, b inputFile) bool { return a.sum == b.sum })
	st.out, st.pending, st.diags = out, false, res.Diags
	s.last = st
	res.Out, res.Pages, res.Files = out, st.r.Pages(), len(out)
	return res, nil
}

// Hint tells the next Start which files changed since the last (paths
// from the site folder, with /), as a watcher saw them: Start then looks
// at those only, instead of at every input file, when they are files the
// last good build read, still there. Finish looks at every file after the
// reload; a change the hint left out makes the build after it look at
// every file again.
func (s *Session) Hint(paths []string) { s.hint = append(s.hint, paths...) }

// hinted sets *out to prev's inputs with the files named by hint read
// again when they changed, and reports whether it could: not when a hinted
// file is new or gone, or was not an input.
func (s *Session) hinted(prev *state, hint []string, out *map[string]inputFile) bool {
	if prev == nil || len(hint) == 0 {
		return false
	}
	in := maps.Clone(prev.inputs)
	for _, p := range hint {
		o, known := in[p]
		fsys, name := s.inputFS(p)
		if fsys == nil {
			return false
		}
		info, err := fs.Stat(fsys, name)
		switch {
		case errors.Is(err, fs.ErrNotExist) && !known:
			continue // a file that came and went, as an editor's temporary file
		case err != nil || !known || !info.Mode().IsRegular():
			return false
		}
		f := inputFile{size: info.Size(), mod: info.ModTime()}
		if o.size == f.size && o.mod.Equal(f.mod) && !f.mod.IsZero() {
			continue
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return false
		}
		f.sum = sha256.Sum256(data)
		in[p] = f
	}
	*out = in
	return true
}

// inputFS returns the file system that holds the input file at path p
// from the site folder, and its name there; nil for a path that is not an
// input.
func (s *Session) inputFS(p string) (fs.FS, string) {
	if !fs.ValidPath(p) {
		return nil, ""
	}
	if rest, ok := strings.CutPrefix(p, addr.Content+"/"); ok {
		return s.opt.Content, rest
	}
	for _, dir := range []string{addr.Templates, addr.Static} {
		if strings.HasPrefix(p, dir+"/") && s.opt.Overlay != nil {
			return s.opt.Overlay, p
		}
	}
	if strings.HasPrefix(p, addr.Seeds+"/") && s.opt.Root != nil {
		return s.opt.Root, p
	}
	return nil, ""
}

// Late reports whether the file at path p (from the site root) may be one
// that Finish is still to make. It is safe to call while Finish runs.
func (s *Session) Late(p string) bool {
	r := s.late.Load()
	return r != nil && r.Late(p)
}

// full builds the whole site afresh.
func (s *Session) full(ctx context.Context) (*state, *Result, error) {
	opt := s.opt
	if opt.Workers <= 0 {
		opt.Workers = defaultWorkers()
	}
	site, dl := content.Load(opt.Content)
	res := &Result{Site: site}
	if site == nil {
		res.Diags = dl.Items()
		return nil, res, dl.Err()
	}
	warmCharts(opt, site)
	st := &state{site: site, m: load.New(site), memo: check.NewMemo(), loadDL: dl.Items()}
	r, err := render.New(s.renderOptions(opt), st.m, dl)
	if err != nil {
		return nil, res, err
	}
	st.r = r
	return st, res, s.check(ctx, st, dl, res, func(mem publish.Sink) error { return r.Render(ctx, mem) }, publish.NewMem())
}

// update builds on prev after the section texts and data tables named
// (paths in the content folder) changed.
func (s *Session) update(ctx context.Context, prev *state, files []string) (*state, *Result, error) {
	site, pdl, ok := prev.site.Patch(s.opt.Content, files)
	if !ok {
		s.did = "full"
		return s.full(ctx)
	}
	s.did = "update"
	dl := &diag.List{}
	for _, d := range prev.loadDL {
		if !slices.Contains(files, d.File) {
			dl.Add(d)
		}
	}
	dl.Merge(pdl)
	res := &Result{Site: site}
	if dl.Errors() > 0 {
		res.Diags = dl.Items()
		return nil, res, dl.Err()
	}
	st := &state{site: site, m: load.New(site), r: prev.r, memo: prev.memo, loadDL: dl.Items()}
	st.m.Carry(prev.m)
	var ch render.Change
	for _, sec := range site.Sections {
		if prev.m.Section(sec.ID) != sec {
			ch.Sections = append(ch.Sections, sec.ID)
		}
	}
	for _, t := range site.Tables {
		if o, _ := prev.site.Table(t.ID); o != t {
			ch.Tables = append(ch.Tables, t.ID)
		}
	}
	for _, d := range prev.r.UIDiags() {
		dl.Add(d)
	}
	// The files not made again are the last build's: the new ones go on a
	// copy of its output.
	mem := publish.NewMemOn(maps.Clone(prev.out))
	st.pending = true
	err := s.check(ctx, st, dl, res, func(sink publish.Sink) error {
		s.rendered = true
		return prev.r.Update(ctx, st.m, ch, sink)
	}, mem)
	if errors.Is(err, render.ErrRenderAll) {
		s.did = "full"
		return s.full(ctx)
	}
	return st, res, err
}

// check checks the content of st and, when it passes, renders it with
// render into mem, filling res.
func (s *Session) check(ctx context.Context, st *state, dl *diag.List, res *Result, render func(publish.Sink) error, mem *publish.Mem) error {
	opt := s.opt
	if opt.Workers <= 0 {
		opt.Workers = defaultWorkers()
	}
	checkContent(opt, st.m, st.r, dl, st.memo, s.sum, s.names())
	if dl.Errors() > 0 {
		res.Diags = dl.Items()
		return dl.Err()
	}
	if err := render(mem); err != nil {
		res.Diags = dl.Items()
		if dl.Errors() > 0 {
			return dl.Err()
		}
		return err
	}
	res.Diags = dl.Items()
	if dl.Errors() > 0 {
		return dl.Err()
	}
	st.out = mem.Output()
	res.Pages, res.Files = st.r.Pages(), len(st.out)
	return nil
}

// sum returns the digest of a file of the content folder as this build
// read it.
func (s *Session) sum(file string) ([sha256.Size]byte, bool) {
	// The checks ask for every file they read on every build: the key is
	// put together without an allocation.
	var buf [128]byte
	key := append(append(append(buf[:0], addr.Content...), '/'), file...)
	f, ok := s.now[string(key)]
	return f.sum, ok
}

// names returns a digest of the paths of the input files of the build
// under way, by which the checks tell that no file was added, removed or
// renamed.
func (s *Session) names() [sha256.Size]byte {
	h := sha256.New()
	for _, p := range slices.Sorted(maps.Keys(s.now)) {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}

func (s *Session) renderOptions(opt Options) render.Options {
	return render.Options{Templates: opt.Templates, Static: opt.Static, Overlay: opt.Overlay, Charts: opt.Charts,
		Serve: opt.Serve, Workers: opt.Workers, Root: opt.Root, NoSearch: opt.NoSearch}
}

// inputs lists every file a build reads from the site: the content folder,
// the site's templates/, static/ and seeds/. A file whose size and time of
// change are those prev saw keeps the digest prev made; any other is read.
func (s *Session) inputs(prev *state) (map[string]inputFile, error) {
	out := map[string]inputFile{}
	walk := func(fsys fs.FS, dir, prefix string) error {
		if fsys == nil {
			return nil
		}
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			key := path.Join(prefix, p)
			f := inputFile{size: info.Size(), mod: info.ModTime()}
			if prev != nil {
				if o, ok := prev.inputs[key]; ok && o.size == f.size && o.mod.Equal(f.mod) && !f.mod.IsZero() {
					out[key] = o
					return nil
				}
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			f.sum = sha256.Sum256(data)
			out[key] = f
			return nil
		})
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	if err := walk(s.opt.Content, ".", addr.Content); err != nil {
		return nil, err
	}
	for _, dir := range []string{addr.Templates, addr.Static} {
		if err := walk(s.opt.Overlay, dir, ""); err != nil {
			return nil, err
		}
	}
	if err := walk(s.opt.Root, addr.Seeds, ""); err != nil {
		return nil, err
	}
	return out, nil
}

// edits returns the content files (paths in the content folder) whose bytes
// differ between st and now; ok is false when a file was added or removed,
// when a file outside the content folder changed, or when st is nil.
func (st *state) edits(now map[string]inputFile) (files []string, ok bool) {
	if st == nil || len(now) != len(st.inputs) {
		return nil, false
	}
	for p, f := range now {
		o, found := st.inputs[p]
		if !found {
			return nil, false
		}
		if o.sum == f.sum {
			continue
		}
		rest, inContent := strings.CutPrefix(p, addr.Content+"/")
		if !inContent {
			return nil, false
		}
		files = append(files, rest)
	}
	slices.Sort(files)
	return files, true
}
