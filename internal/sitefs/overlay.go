package sitefs

import (
	"io/fs"
	"slices"
	"strings"
)

// Overlay returns an FS that serves dir/ from the site's own folder when a
// file is there, and the embedded default otherwise.
func Overlay(site fs.FS, dir string, def fs.FS) fs.FS {
	if site == nil {
		return def
	}
	sub, err := fs.Sub(site, dir)
	if err != nil {
		return def
	}
	if _, err := fs.Stat(sub, "."); err != nil {
		if IsEscape(err) {
			return errFS{err} // refused, not silently replaced by the defaults
		}
		return def
	}
	return layered{top: sub, bottom: def}
}

// errFS fails every read with err.
type errFS struct{ err error }

func (e errFS) Open(string) (fs.File, error) { return nil, e.err }

// layered is a read-only union of two file systems, top first.
type layered struct{ top, bottom fs.FS }

func (l layered) Open(name string) (fs.File, error) {
	f, err := l.top.Open(name)
	if err == nil {
		st, serr := f.Stat()
		if serr == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	} else if IsEscape(err) {
		return nil, err // the site's file is refused, not replaced by the default
	}
	return l.bottom.Open(name)
}

func (l layered) ReadDir(name string) ([]fs.DirEntry, error) {
	a, errA := fs.ReadDir(l.top, name)
	if IsEscape(errA) {
		return nil, errA
	}
	b, errB := fs.ReadDir(l.bottom, name)
	if errA != nil && errB != nil {
		return nil, errB
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range append(a, b...) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(x, y fs.DirEntry) int { return strings.Compare(x.Name(), y.Name()) })
	return out, nil
}
