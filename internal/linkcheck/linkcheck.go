// Package linkcheck verifies a built site from its files alone: every
// internal link and anchor resolves to a file (never to a bare directory, so
// the site works from file://), and nothing is loaded from another host.
//
// The build checks the links a report's Markdown writes where they are
// written (package check); this package is the tests' safety net, run over
// the sites the tests build, for the links templates write. [Check] takes
// the whole site at once; a [Checker] takes it one file at a time. Both
// report the same problems in the same order.
package linkcheck

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Problem is one broken link or remote reference.
type Problem struct {
	Page string // the page's path in the site
	Msg  string
}

func (p Problem) String() string { return p.Page + ": " + p.Msg }

// Check reads every HTML file of files (path → bytes) and reports broken
// internal links, missing anchors and references to other hosts. Ordinary
// hyperlinks (<a href>) to other hosts are allowed; anything a browser would
// load (scripts, styles, images, fonts, frames) must be local.
//
// Problems come in a fixed order: first what each file says about itself
// (duplicate ids, remote or malformed references), file by file in path
// order and within a file in document order; then the links that do not
// resolve, in the same order.
//
// Check scans the files in parallel; it is [Checker.Add] for every file
// followed by [Checker.Problems].
func Check(files map[string][]byte) []Problem {
	// Largest first, so that the long pages do not start last and leave
	// the other workers idle while they finish.
	paths := slices.Collect(maps.Keys(files))
	slices.SortFunc(paths, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(files[b]), len(files[a])), strings.Compare(a, b))
	})
	c := &Checker{files: make(map[string]*fileInfo, len(files)), links: map[link]*link{}}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(paths) {
					return
				}
				c.Add(paths[i], files[paths[i]])
			}
		})
	}
	wg.Wait()
	return c.Problems()
}

// Checker checks a site one file at a time: [Checker.Add] each file, in any
// order and from any number of goroutines, then call [Checker.Problems].
//
// Add scans a file at once and keeps only what the final report needs: the
// ids of an HTML page, its links to other files and the problems found in
// it. A page's bytes can be dropped as soon as Add returns. Links are shared
// between pages: the navigation repeated on every page is kept once.
type Checker struct {
	mu    sync.Mutex
	files map[string]*fileInfo // every file added, by path
	links map[link]*link       // every link of files, once
}

// NewChecker returns an empty Checker.
func NewChecker() *Checker {
	return &Checker{files: map[string]*fileInfo{}, links: map[link]*link{}}
}

// Add scans the file at path p of the site (HTML pages and stylesheets are
// read; any other file only counts as present) and records what it says.
// Adding a path again replaces what was recorded for it. Add is safe for
// concurrent use and does not keep data.
func (c *Checker) Add(p string, data []byte) {
	buf := refsPool.Get().(*[]link)
	c.record(p, scanFile(p, data, (*buf)[:0]), buf)
}

// record keeps what the scan s of file p says (nothing when p is ""), and
// returns the scan's buffer to the pool.
func (c *Checker) record(p string, s scanned, buf *[]link) {
	defer func() {
		// Keep the buffer, not the strings it holds.
		if s.all != nil {
			clear(s.all)
			*buf = s.all[:0]
		}
		refsPool.Put(buf)
	}()
	if p == "" {
		return
	}
	f := plainFile
	if s.ids != nil || s.probs != nil || len(s.refs) > 0 {
		f = &fileInfo{ids: newIDSet(s.ids), probs: slices.Clone(s.probs), links: make([]*link, len(s.refs))}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, r := range s.refs {
		l := c.links[r]
		if l == nil {
			l = new(link)
			*l = r
			c.links[r] = l
		}
		f.links[i] = l
	}
	c.files[p] = f
}

// Problems reports the problems of every file added so far, resolving
// links against all of them, in the order documented for [Check]: the same
// problems whatever the order of the calls to Add. Call it once every Add
// has returned.
func (c *Checker) Problems() []Problem {
	c.mu.Lock()
	defer c.mu.Unlock()
	paths := slices.Sorted(maps.Keys(c.files))
	var probs []Problem
	for _, p := range paths {
		for _, msg := range c.files[p].probs {
			probs = append(probs, Problem{p, msg})
		}
	}
	// Consecutive links often share a target: remember the last one looked up.
	var last string
	var lastFile *fileInfo
	for _, p := range paths {
		for _, l := range c.files[p].links {
			if l.target == "" { // resolved by scanFile: an id missing from p itself
				probs = append(probs, Problem{p, fmt.Sprintf("link %q: no id %q in %s", l.raw, l.frag, p)})
				continue
			}
			if lastFile == nil || l.target != last {
				last, lastFile = l.target, c.files[l.target]
			}
			if lastFile == nil {
				probs = append(probs, Problem{p, fmt.Sprintf("link %q: %s does not exist", l.raw, l.target)})
				continue
			}
			if l.frag != "" && strings.HasSuffix(l.target, ".html") {
				if !lastFile.ids.has(l.frag) {
					probs = append(probs, Problem{p, fmt.Sprintf("link %q: no id %q in %s", l.raw, l.frag, l.target)})
				}
			}
		}
	}
	return probs
}

// fileInfo is what a Checker keeps of one file.
type fileInfo struct {
	ids   idSet    // the ids and <a name>s of an HTML page
	probs []string // problems found in the file alone, in document order
	links []*link  // links still to resolve, in document order
}

// idSet is the ids of a page as kept until every page is in: their 64-bit
// hashes, sorted. A map of the strings took most of a Checker's memory (a
// long report's pages have hundreds of thousands of ids); the hashes take
// 8 bytes an id, and a missing id passes only if its hash equals that of
// an id of the same page, about one link in 2^64 / ids.
type idSet []uint64

var idSeed = maphash.MakeSeed()

func newIDSet(ids map[string]struct{}) idSet {
	if len(ids) == 0 {
		return nil
	}
	out := make(idSet, 0, len(ids))
	for id := range ids {
		out = append(out, maphash.String(idSeed, id))
	}
	slices.Sort(out)
	return out
}

func (s idSet) has(id string) bool {
	_, ok := slices.BinarySearch(s, maphash.String(idSeed, id))
	return ok
}

// plainFile stands for every file with nothing to keep but its presence.
var plainFile = &fileInfo{}

// link is a link from a page to a file of the site. Its target and frag
// follow from raw and the page's folder.
type link struct {
	raw    string // the reference as written (without surrounding spaces), for messages
	target string // the file's path in the site; "" for the page's own missing id
	frag   string // the #fragment: an id the target must have, if not empty
}

// scanned is what scanFile finds in a file.
type scanned struct {
	ids   map[string]struct{}
	probs []string
	refs  []link // links that need other files, and ids missing from the page itself, in document order
	all   []link // the buffer holding refs, as long as it was filled
}

// refsPool holds buffers for scanner.refs: links are copied out of them by
// Checker.Add, so a buffer serves page after page.
var refsPool = sync.Pool{New: func() any { return new([]link) }}
