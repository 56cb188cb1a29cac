package echarts

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
)

// TextColor is the colour an option gives text and labels; the SVG paints it
// with currentColor so that the page's text colour applies in light and dark
// mode.
const TextColor = "#010101"

// LineColor is the colour an option gives axis and grid lines; the SVG
// strokes it with currentColor at 30 % opacity.
const LineColor = "#020202"

// formatVersion changes whenever post-processing changes the output or the
// cache's keys change, so that cached trees from an older version of this
// package are never reused.
const formatVersion = "reportsite-echarts-svg-3"

// maxSize bounds a chart's width and height in pixels.
const maxSize = 10000

// maxDepth bounds the nesting of option JSON; ECharts walks options
// recursively and real options are a few levels deep.
const maxDepth = 64

// Options configures a Renderer. The zero value means defaults.
type Options struct {
	// Workers is the number of JavaScript runtimes, and so of charts rendered
	// at once. Zero means runtime.NumCPU().
	Workers int
	// CacheDir holds rendered SVGs keyed by their input. Zero means no disk
	// cache. Entries are safe to delete at any time.
	CacheDir string
	// Timeout bounds one chart's rendering, to stop options that make
	// ECharts loop (a huge splitNumber, say); a chart takes tens of
	// milliseconds. Zero means 30 seconds.
	Timeout time.Duration
	// Lazy defers compiling and starting ECharts until the first chart that
	// is not in the cache, so a rebuild whose charts are all cached never
	// pays for it. False means New fails at once on a script that is not
	// ECharts.
	Lazy bool
}

// Chart is one chart to render.
type Chart struct {
	// ID prefixes every id in the SVG so that several charts can share a page.
	// Required; lower-case letters, digits and hyphens.
	ID string
	// Option is the ECharts option as a JSON object.
	Option []byte
	// Width and Height are the chart's size in pixels; the SVG scales to its
	// container but keeps this aspect ratio and these proportions of text.
	Width, Height int
	// Title is the chart's accessible name; required.
	Title string
	// Desc is an optional longer text alternative.
	Desc string
}

// Renderer turns charts into SVG. It is safe for concurrent use; at most
// Options.Workers charts are rendered at once.
type Renderer struct {
	boot, script, render *goja.Program
	source               []byte
	compile              sync.Once
	compileErr           error
	scriptHash           [32]byte
	cacheDir             string
	timeout              time.Duration
	pool                 chan *worker
	hits, misses         atomic.Int64
	started              atomic.Int64 // runtimes started, for tests
	warm                 sync.Once
	derived              atomic.Int64 // charts made by Derive, for tests
	mu                   sync.Mutex
	flights              map[string]*flight // cache key → drawing under way
}

// New compiles script, an ECharts build with the SVG renderer
// (static/vendor/echarts/echarts.min.js), once and
// prepares a pool of runtimes that each run it once and are then reused.
func New(script []byte, opt Options) (*Renderer, error) {
	n := opt.Workers
	if n <= 0 {
		n = runtime.NumCPU()
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	r := &Renderer{
		boot:       bootProgram,
		source:     script,
		render:     renderProgram,
		scriptHash: sha256.Sum256(script),
		cacheDir:   opt.CacheDir,
		timeout:    timeout,
		pool:       make(chan *worker, n),
	}
	for range n {
		r.pool <- nil // started on first use
	}
	if opt.Lazy {
		return r, nil
	}
	// Start one runtime now so that a script that does not run, or is not
	// ECharts, fails here rather than on the first chart.
	<-r.pool
	w, err := r.newWorker()
	if err != nil {
		return nil, err
	}
	r.pool <- w
	return r, nil
}

// Warm starts, in the background, compiling ECharts and up to n runtimes
// (at most Options.Workers) when the cache holds no chart: a first build,
// or the cache cleared, where every chart is to be drawn. A caller that
// knows how many charts it will draw calls Warm as early as it can, so that
// the runtimes get ready while it loads and checks the rest. With charts in
// the cache it does nothing: most of them will need no runtime. Only the
// first call counts. It reports whether it started them: whether the n
// charts are to be drawn rather than read from the cache.
func (r *Renderer) Warm(n int) bool {
	if n <= 0 || r.cacheDir != "" && !emptyDir(r.cacheDir) {
		return false
	}
	r.warm.Do(func() {
		for range min(n, cap(r.pool)) {
			go func() {
				w := <-r.pool
				if w == nil {
					w, _ = r.newWorker() // on failure nil: the first chart tries again and reports why
				}
				r.pool <- w
			}()
		}
	})
	return true
}

// emptyDir reports whether dir is missing or holds no entry.
func emptyDir(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return true
	}
	defer f.Close()
	names, _ := f.Readdirnames(1)
	return len(names) == 0
}

// program compiles the script once, on first use.
func (r *Renderer) program() (*goja.Program, error) {
	r.compile.Do(func() {
		r.script, r.compileErr = goja.Compile("echarts.min.js", string(r.source), false)
		if r.compileErr != nil {
			r.compileErr = fmt.Errorf("compile echarts: %w", r.compileErr)
		}
	})
	return r.script, r.compileErr
}

// Render returns the chart as an <svg> element to inline in a page. Every
// SVG, rendered now or read from the cache, is made by the same allow-list
// sanitiser from ECharts' element tree: the cache holds that tree, not the
// SVG, and is read as untrusted input (anyone who can write the cache
// folder could otherwise put scripts into every page).
func (r *Renderer) Render(c Chart) ([]byte, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	tree, cached, err := r.tree(c, false)
	if err == nil && cached {
		if svg, err := buildSVG(tree, c); err == nil {
			return svg, nil
		}
		tree, _, err = r.tree(c, true) // the cached tree does not make an SVG
	}
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", c.ID, err)
	}
	svg, err := buildSVG(tree, c)
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", c.ID, err)
	}
	return svg, nil
}

// A flight is a drawing under way, which a second request for the same
// tree waits for instead of drawing it again.
type flight struct {
	done chan struct{}
	tree *node
	err  error
}

// tree returns ECharts' element tree for c's option and size, which is all
// it depends on: from the cache unless fresh is set (cached reports it),
// from a drawing of it under way, or drawn now and cached.
func (r *Renderer) tree(c Chart, fresh bool) (tree *node, cached bool, err error) {
	key := r.key(c)
	if r.cacheDir != "" && !fresh {
		if tree, ok := r.readCache(key); ok {
			r.hits.Add(1)
			return tree, true, nil
		}
	}
	r.mu.Lock()
	if f, ok := r.flights[key]; ok {
		r.mu.Unlock()
		<-f.done
		r.hits.Add(1)
		return f.tree, false, f.err
	}
	f := &flight{done: make(chan struct{})}
	if r.flights == nil {
		r.flights = map[string]*flight{}
	}
	r.flights[key] = f
	r.mu.Unlock()
	defer func() {
		f.tree, f.err = tree, err
		close(f.done)
		r.mu.Lock()
		delete(r.flights, key)
		r.mu.Unlock()
	}()
	r.misses.Add(1)
	if tree, err = r.run(c); err != nil {
		return nil, false, err
	}
	if r.cacheDir != "" {
		if err := r.writeCache(key, tree); err != nil {
			return nil, false, fmt.Errorf("cache: %w", err)
		}
	}
	return tree, false, nil
}

func (c Chart) validate() error {
	if c.ID == "" {
		return errors.New("chart without ID")
	}
	for _, b := range []byte(c.ID) {
		if !('a' <= b && b <= 'z' || '0' <= b && b <= '9' || b == '-') {
			return fmt.Errorf("chart ID %q: use only a-z, 0-9 and -", c.ID)
		}
	}
	if c.Width <= 0 || c.Height <= 0 || c.Width > maxSize || c.Height > maxSize {
		return fmt.Errorf("chart %s: size %dx%d out of range 1..%d", c.ID, c.Width, c.Height, maxSize)
	}
	if c.Title == "" {
		return fmt.Errorf("chart %s: empty title; the SVG needs an accessible name", c.ID)
	}
	if err := checkOption(c.Option); err != nil {
		return fmt.Errorf("chart %s: option: %w", c.ID, err)
	}
	return nil
}

// checkOption accepts a JSON object nested at most maxDepth deep.
func checkOption(b []byte) error {
	if !json.Valid(b) {
		return errors.New("not valid JSON")
	}
	if t := bytes.TrimLeft(b, " \t\r\n"); t[0] != '{' {
		return errors.New("not a JSON object")
	}
	depth, inString, escaped := 0, false, false
	for _, ch := range b {
		switch {
		case inString && escaped:
			escaped = false
		case inString && ch == '\\':
			escaped = true
		case inString && ch == '"':
			inString = false
		case inString:
		case ch == '"':
			inString = true
		case ch == '{' || ch == '[':
			depth++
			if depth > maxDepth {
				return fmt.Errorf("nested deeper than %d", maxDepth)
			}
		case ch == '}' || ch == ']':
			depth--
		}
	}
	return nil
}

// key identifies a chart's element tree: the scripts, the option and the
// size. The ID, title and description go into the SVG as it is built, so
// charts that differ only in them share a tree.
func (r *Renderer) key(c Chart) string {
	h := sha256.New()
	field := func(b []byte) {
		h.Write(binary.BigEndian.AppendUint64(nil, uint64(len(b))))
		h.Write(b)
	}
	field([]byte(formatVersion))
	field(r.scriptHash[:])
	field(hostHash[:])
	field(c.Option)
	field(binary.BigEndian.AppendUint64(nil, uint64(c.Width)))
	field(binary.BigEndian.AppendUint64(nil, uint64(c.Height)))
	return hex.EncodeToString(h.Sum(nil))
}

// A cache file holds ECharts' element tree as JSON, followed by a comment
// with its SHA-256, so that a damaged entry is noticed and rendered again.
// The checksum guards against damage only: anyone can recompute it, so what
// is read goes through buildSVG like a fresh render.
const sumPrefix = "\n<!-- sha256 "

// maxCacheEntry bounds what is read from a cache file.
const maxCacheEntry = 64 << 20

func (r *Renderer) readCache(key string) (*node, bool) {
	name := filepath.Join(r.cacheDir, key+".json")
	st, err := os.Lstat(name)
	if err != nil || !st.Mode().IsRegular() || st.Size() > maxCacheEntry {
		return nil, false
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	i := bytes.LastIndex(b, []byte(sumPrefix))
	if i < 0 {
		return nil, false
	}
	data, trailer := b[:i], b[i+len(sumPrefix):]
	sum := sha256.Sum256(data)
	if !bytes.Equal(trailer, []byte(hex.EncodeToString(sum[:])+" -->\n")) {
		return nil, false
	}
	var tree node
	if err := json.Unmarshal(data, &tree); err != nil {
		return nil, false
	}
	return &tree, true
}

func (r *Renderer) writeCache(key string, tree *node) error {
	data, err := json.Marshal(tree)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(r.cacheDir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(r.cacheDir, ".tmp-*.json")
	if err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	b := make([]byte, 0, len(data)+100)
	b = append(b, data...)
	b = append(b, sumPrefix...)
	b = append(b, hex.EncodeToString(sum[:])...)
	b = append(b, " -->\n"...)
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), filepath.Join(r.cacheDir, key+".json")); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}
