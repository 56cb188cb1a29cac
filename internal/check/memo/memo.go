// Package memo keeps, from one run of the checks to the next, what they
// found in each section and data table, with the digest of every file each
// finding read, so that after an edit the serve loop checks again only what
// the edit can change. Package check decides what the rules read and find;
// this package only remembers it and tells whether it is still true.
package memo

import (
	"crypto/sha256"
	"sync"

	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/par"
)

// SumFunc returns the digest of a file of the content folder, named as
// content.Text.File and dataset.Table.File name it; false when it does not
// know the file.
type SumFunc func(file string) ([sha256.Size]byte, bool)

// A Memo keeps, from one run of the checks (check.All) to the next, what
// the rules found in each section and each data table, with the digest of
// every file each finding read (a section's texts; a table and the texts of
// the sections its figures cite; for the structure of a section and its
// links, its texts and those of the sections its links lead to). A later
// run reuses a finding whose files are unchanged, checks the rest again, and makes afresh only what compares every file
// (one quotation style per language, the glossary). After an edit to one
// section of a long report that is a few milliseconds, not the whole
// report's check.
//
// A Memo holds for one version of everything else the rules read: the
// site's settings, languages and units (site.toml), the glossary, the
// interface strings, and the seed and its corrections. Start a new Memo when any of them changes. A Memo is
// safe for one run at a time.
//
// T is what a rule keeps of a section or table besides its diagnostics,
// for what compares every file (package check: the quotation marks).
type Memo[T any] struct {
	mu    sync.Mutex
	units map[string]*Finding[T]
	// names and named are the digest of the paths of the site's files
	// when their names were last checked, and what that found.
	names [32]byte
	named []diag.Diag
	// seedKey and seedDiags are the digest of the original's texts when
	// they were last compared with the seed, and what that found.
	seedKey   [32]byte
	seedDiags []diag.Diag
	seeded    bool
	// shapeKey and shapes are the digest of what every section's
	// structure check reads besides section texts (the paths of the
	// site's files and the tables' digests) and what the check found per
	// section, by ID.
	shapeKey [32]byte
	shapes   map[string]*Finding[T]
}

// Sections runs check, the rules of package structure that read one
// section (structure.Section, structure.Linker.Section), on every section
// of s, unless m holds what it found in a section for the same files: the
// section's texts, the texts of the sections whose anchors its links named
// (named), and the paths of the site's files and the tables' digests. A
// section whose links led anywhere else (wide) is checked every time. m
// and sum may be nil, and a zero names is never taken as known.
func (m *Memo[T]) Sections(s *content.Site, sum SumFunc, names [32]byte, dl *diag.List, check func(sec *content.Section, dl *diag.List) (named []*content.Section, wide bool)) {
	key, ok := shapeKey(s, sum, names)
	if m == nil || !ok {
		for _, sec := range s.Sections {
			check(sec, dl)
		}
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.shapeKey != key {
		m.shapeKey, m.shapes = key, nil
	}
	next := make(map[string]*Finding[T], len(s.Sections))
	for _, sec := range s.Sections {
		f := m.shapes[sec.ID]
		if f == nil || !f.fresh(sum) {
			var sdl diag.List
			named, wide := check(sec, &sdl)
			f = &Finding[T]{Diags: sdl.Items()}
			if !wide {
				read := SourceFiles(s, sec)
				for _, o := range named {
					read = append(read, SourceFiles(s, o)...)
				}
				f.read = sums(read, sum)
			}
		}
		if len(f.read) > 0 {
			next[sec.ID] = f
		}
		for _, d := range f.Diags {
			dl.Add(d)
		}
	}
	m.shapes = next
}

// shapeKey returns a digest of names and of every table's file: false
// when names is zero or sum does not know a table's file.
func shapeKey(s *content.Site, sum SumFunc, names [32]byte) ([32]byte, bool) {
	var key [32]byte
	if sum == nil || names == ([32]byte{}) {
		return key, false
	}
	h := sha256.New()
	h.Write(names[:])
	for _, t := range s.Tables {
		d, ok := sum(t.File)
		if !ok {
			return key, false
		}
		h.Write([]byte(t.File))
		h.Write([]byte{0})
		h.Write(d[:])
	}
	h.Sum(key[:0])
	return key, true
}

// SourceFiles returns the files of sec's hand-written texts.
func SourceFiles(s *content.Site, sec *content.Section) []string {
	var read []string
	for _, l := range s.SourceLangs() {
		if t := sec.Texts[l.Tag]; t != nil && !t.Derived {
			read = append(read, t.File)
		}
	}
	return read
}

// sums returns files with their digests; nil when sum does not know one
// (a finding that read it is not to be kept).
func sums(files []string, sum SumFunc) []fileSum {
	var out []fileSum
	for _, file := range files {
		r := fileSum{file: file}
		if sum != nil {
			var ok bool
			if r.sum, ok = sum(file); !ok {
				return nil
			}
		}
		out = append(out, r)
	}
	return out
}

// Seed runs check, the comparison of the original's texts with the seed,
// unless m holds what it found for texts with the same digests (sum); m
// and sum may be nil.
func (m *Memo[T]) Seed(s *content.Site, sum SumFunc, dl *diag.List, check func(*diag.List)) {
	if m == nil || sum == nil || len(s.SourceLangs()) == 0 {
		check(dl)
		return
	}
	h := sha256.New()
	orig := s.Original()
	for _, sec := range s.Sections {
		t := sec.Texts[orig.Tag]
		if t == nil || t.Derived {
			continue
		}
		d, ok := sum(t.File)
		if !ok {
			check(dl)
			return
		}
		h.Write([]byte(t.File))
		h.Write(d[:])
	}
	var key [32]byte
	h.Sum(key[:0])
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.seeded || m.seedKey != key {
		var sdl diag.List
		check(&sdl)
		m.seedKey, m.seedDiags, m.seeded = key, sdl.Items(), true
	}
	for _, d := range m.seedDiags {
		dl.Add(d)
	}
}

// Files runs check, the rules on the site's file names, unless m holds
// what they found when the paths' digest was names; m may be nil, and a
// zero names is never taken as known.
func (m *Memo[T]) Files(names [32]byte, dl *diag.List, check func(*diag.List)) {
	if m == nil || names == ([32]byte{}) {
		check(dl)
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.names != names {
		var fdl diag.List
		check(&fdl)
		m.names, m.named = names, fdl.Items()
	}
	for _, d := range m.named {
		dl.Add(d)
	}
}

// New returns an empty Memo.
func New[T any]() *Memo[T] { return &Memo[T]{units: map[string]*Finding[T]{}} }

// A Finding is what the rules found in one section or table.
type Finding[T any] struct {
	read  []fileSum // the files it read, with their digests
	Diags []diag.Diag
	Kept  T // what else the rules keep of it
}

type fileSum struct {
	file string
	sum  [sha256.Size]byte
}

// fresh reports whether every file f read still has the digest it had.
func (f *Finding[T]) fresh(sum SumFunc) bool {
	for _, r := range f.read {
		if s, ok := sum(r.file); !ok || s != r.sum {
			return false
		}
	}
	return true
}

// Units returns what the rules found in each of the site's sections and
// tables (units, keys[i] naming the i-th): m's finding where every file it
// read has the digest it had, else what check finds in it, checked in
// parallel. check returns the files it read and what to keep besides its
// diagnostics. m keeps the findings of the units of keys only; m and sum
// may be nil, and then every unit is checked.
func (m *Memo[T]) Units(keys []string, sum SumFunc, check func(i int, dl *diag.List) (read []string, kept T)) []*Finding[T] {
	found := make([]*Finding[T], len(keys))
	var todo []int
	known := 0 // units memo holds a finding of
	for i, key := range keys {
		if m != nil && sum != nil {
			m.mu.Lock()
			f := m.units[key]
			m.mu.Unlock()
			if f != nil {
				known++
			}
			if f != nil && f.fresh(sum) {
				found[i] = f
				continue
			}
		}
		todo = append(todo, i)
	}
	par.Do(0, len(todo), func(k int) {
		i := todo[k]
		var udl diag.List
		read, kept := check(i, &udl)
		found[i] = &Finding[T]{Diags: udl.Items(), Kept: kept, read: sums(read, sum)}
	})
	if m != nil && sum != nil {
		m.mu.Lock()
		if known < len(m.units) {
			// m holds findings of units gone: keep only the site's.
			m.units = make(map[string]*Finding[T], len(keys))
			todo = todo[:0]
			for i := range keys {
				todo = append(todo, i)
			}
		}
		for _, i := range todo {
			if f := found[i]; len(f.read) > 0 {
				m.units[keys[i]] = f
			} else {
				delete(m.units, keys[i])
			}
		}
		m.mu.Unlock()
	}
	return found
}
