package check

import (
	"crypto/sha256"
	"sync"

	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/par"
)

// SumFunc returns the digest of a file of the content folder, named as
// content.Text.File and dataset.Table.File name it; false when it does not
// know the file.
type SumFunc func(file string) ([sha256.Size]byte, bool)

// A Memo keeps, from one Run to the next, what the rules found in each
// section and each data table, with the digest of every file each finding
// read (a section's texts; a table and the texts of the sections its
// figures cite; for the structure of a section and its links, its texts
// and those of the sections its links lead to). A later Run reuses a finding whose files are unchanged,
// checks the rest again, and makes afresh only what compares every file
// (one quotation style per language, the glossary). After an edit to one
// section of a long report that is a few milliseconds, not the whole
// report's check.
//
// A Memo holds for one version of everything else the rules read: the
// site's settings, languages and units (site.toml), the glossary, the
// interface strings, and the seed and its corrections. Start a new Memo when any of them changes. A Memo is
// safe for one Run at a time.
type Memo struct {
	mu    sync.Mutex
	units map[string]*finding
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
	shapes   map[string]*finding
}

// sections runs check, the rules of package structure that read one
// section (structure.Section, structure.Linker.Section), on every section
// of s, unless m holds what it found in a section for the same files: the
// section's texts, the texts of the sections whose anchors its links named
// (named), and the paths of the site's files and the tables' digests. A
// section whose links led anywhere else (wide) is checked every time. m
// and sum may be nil, and a zero names is never taken as known.
func (m *Memo) sections(s *content.Site, sum SumFunc, names [32]byte, dl *diag.List, check func(sec *content.Section, dl *diag.List) (named []*content.Section, wide bool)) {
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
	next := make(map[string]*finding, len(s.Sections))
	for _, sec := range s.Sections {
		f := m.shapes[sec.ID]
		if f == nil || !f.fresh(sum) {
			var sdl diag.List
			named, wide := check(sec, &sdl)
			f = &finding{diags: sdl.Items()}
			if !wide {
				read := sourceFiles(s, sec)
				for _, o := range named {
					read = append(read, sourceFiles(s, o)...)
				}
				f.read = sums(read, sum)
			}
		}
		if len(f.read) > 0 {
			next[sec.ID] = f
		}
		for _, d := range f.diags {
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

// sourceFiles returns the files of sec's hand-written texts.
func sourceFiles(s *content.Site, sec *content.Section) []string {
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

// seed runs check, the comparison of the original's texts with the seed,
// unless m holds what it found for texts with the same digests (sum); m
// and sum may be nil.
func (m *Memo) seed(s *content.Site, sum SumFunc, dl *diag.List, check func(*diag.List)) {
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

// files runs check, the rules on the site's file names, unless m holds
// what they found when the paths' digest was names; m may be nil, and a
// zero names is never taken as known.
func (m *Memo) files(names [32]byte, dl *diag.List, check func(*diag.List)) {
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

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return &Memo{units: map[string]*finding{}} }

// finding is what the rules found in one section or table.
type finding struct {
	read   []fileSum // the files it read, with their digests
	diags  []diag.Diag
	quotes []quoteMark  // the quotation marks of its texts, in order
	styles []quoteStyle // what quotes holds per language
}

type fileSum struct {
	file string
	sum  [sha256.Size]byte
}

// fresh reports whether every file f read still has the digest it had.
func (f *finding) fresh(sum SumFunc) bool {
	for _, r := range f.read {
		if s, ok := sum(r.file); !ok || s != r.sum {
			return false
		}
	}
	return true
}

// unit is a section or a table, checked on its own.
type unit struct {
	key   string // in the Memo
	check func(dl *diag.List) (read []string, quotes []quoteMark)
}

// run applies every rule of the package to s, reusing what memo found of
// an unchanged section or table when memo and sum are set.
func run(s *content.Site, paras ParasFunc, memo *Memo, sum SumFunc, dl *diag.List) {
	src, ok := original(s)
	if !ok {
		return
	}
	tf := lazyTexts(s, paras)
	gs := glossaries(s, dl)
	psrc, ptr, punct := translation(s)
	sections := make(map[string]*content.Section, len(s.Sections))
	for _, sec := range s.Sections {
		sections[sec.ID] = sec
	}

	var units []unit
	for _, sec := range s.Sections {
		units = append(units, unit{"section " + sec.ID, func(dl *diag.List) ([]string, []quoteMark) {
			read := sourceFiles(s, sec)
			parity(s, sec, tf, dl)
			terms(s, gs, func(l lang.Lang, excuse excuseFunc) []item { return sectionItems(sec, src, l, tf, excuse) }, dl)
			if !punct {
				return read, nil
			}
			none := func(string, []dataset.AllowTerm) []*termExcuse { return nil }
			return read, punctuation(s, psrc, ptr, sectionItems(sec, psrc, ptr, tf, none), dl)
		}})
	}
	for _, t := range s.Tables {
		units = append(units, unit{"table " + t.File, func(dl *diag.List) ([]string, []quoteMark) {
			terms(s, gs, func(l lang.Lang, excuse excuseFunc) []item { return tableItems(t, src, l, excuse) }, dl)
			if !punct {
				return []string{t.File}, nil
			}
			none := func(string, []dataset.AllowTerm) []*termExcuse { return nil }
			return []string{t.File}, punctuation(s, psrc, ptr, tableItems(t, psrc, ptr, none), dl)
		}})
	}
	for _, t := range s.Tables {
		units = append(units, unit{"sources of " + t.File, func(dl *diag.List) ([]string, []quoteMark) {
			return provenance(s, t, sections, tf, dl), nil
		}})
	}

	found := make([]*finding, len(units))
	var todo []int
	known := 0 // units memo holds a finding of
	for i, u := range units {
		if memo != nil && sum != nil {
			memo.mu.Lock()
			f := memo.units[u.key]
			memo.mu.Unlock()
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
		read, quotes := units[i].check(&udl)
		found[i] = &finding{diags: udl.Items(), quotes: quotes, styles: styles(quotes), read: sums(read, sum)}
	})
	if memo != nil && sum != nil {
		memo.mu.Lock()
		if known < len(memo.units) {
			// memo holds findings of units gone: keep only the site's.
			memo.units = make(map[string]*finding, len(units))
			todo = todo[:0]
			for i := range units {
				todo = append(todo, i)
			}
		}
		for _, i := range todo {
			if f := found[i]; len(f.read) > 0 {
				memo.units[units[i].key] = f
			} else {
				delete(memo.units, units[i].key)
			}
		}
		memo.mu.Unlock()
	}

	// What compares every file: the site's own texts, then each unit's
	// findings, then the quotation style across them all, in the order of
	// the items a reader sees (the site's, the sections', the tables').
	var quotes [][]quoteMark
	var qstyles [][]quoteStyle
	terms(s, gs, func(l lang.Lang, excuse excuseFunc) []item { return siteItems(s, src, l, excuse) }, dl)
	if punct {
		none := func(string, []dataset.AllowTerm) []*termExcuse { return nil }
		qs := punctuation(s, psrc, ptr, siteItems(s, psrc, ptr, none), dl)
		quotes, qstyles = append(quotes, qs), append(qstyles, styles(qs))
	}
	for _, f := range found {
		for _, d := range f.diags {
			dl.Add(d)
		}
		quotes, qstyles = append(quotes, f.quotes), append(qstyles, f.styles)
	}
	quoteStyles(s, quotes, qstyles, dl)
}
