// Package sitefs opens a site folder so that a build reads nothing outside
// it. The folder is opened as an os.Root: a symbolic link that stays inside
// it is followed, one that leads out (absolute, or with enough ..) is
// refused with an *EscapeError naming the link and its target. This keeps a
// link in static/ to /proc/self/environ, or a data file linked to a secret,
// out of the published site and out of every error message.
package sitefs

import (
	"cmp"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// EscapeError is the error of reading through a symbolic link that leads
// out of the site folder.
type EscapeError struct {
	// Link is the link's path from the site folder, slash-separated.
	Link string
	// Target is what the link points at, as it is written in the link.
	Target string
}

func (e *EscapeError) Error() string {
	return e.Link + " is a symbolic link to " + e.Target + ", outside the site folder"
}

// Hint says what to do about it.
func (e *EscapeError) Hint() string {
	return "a site reads only files inside its folder: copy the file into the site, or make " + e.Link + " a relative link to a file inside it"
}

// IsEscape reports whether err comes from a link that leaves the site folder.
func IsEscape(err error) bool {
	var e *EscapeError
	return errors.As(err, &e)
}

// FS is a site folder, read-only, confined to the folder. It implements
// fs.ReadFileFS, fs.ReadDirFS, fs.StatFS and fs.SubFS.
//
// A read opens each folder of the site once, as an os.Root of its own, and
// then a file in it with one system call: through the site's root alone,
// every read would walk the whole path, one openat per folder. A folder's
// root confines a read to that folder; a read it refuses (a link that
// leaves the folder but may stay in the site) is tried again from the
// site's root, which alone decides what escapes. Forget drops the folders
// kept open, for a long-lived FS whose folders may be replaced.
type FS struct {
	root   *os.Root
	fsys   fs.FS
	prefix string // the folder of a Sub, "" or ending in /
	dirs   *dirs
}

// dirs are the site's folders opened so far, by path from the site folder.
type dirs struct {
	mu    sync.Mutex
	roots map[string]*os.Root
}

// Open opens the folder dir.
func Open(dir string) (*FS, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{root: r, fsys: r.FS(), dirs: &dirs{roots: map[string]*os.Root{}}}, nil
}

// Close releases the folder.
func (f *FS) Close() error {
	f.Forget()
	return f.root.Close()
}

// Forget closes the folders kept open, so that the next read sees a folder
// replaced since (a preview server calls it before each build).
func (f *FS) Forget() {
	f.dirs.mu.Lock()
	defer f.dirs.mu.Unlock()
	for _, r := range f.dirs.roots {
		r.Close()
	}
	clear(f.dirs.roots)
}

// Sub returns the FS of folder dir, which shares f's open folders.
func (f *FS) Sub(dir string) (fs.FS, error) {
	if !fs.ValidPath(dir) {
		return nil, &fs.PathError{Op: "sub", Path: dir, Err: fs.ErrInvalid}
	}
	if dir == "." {
		return f, nil
	}
	g := *f
	g.prefix = f.prefix + dir + "/"
	return &g, nil
}

// full returns name's path from the site folder.
func (f *FS) full(name string) string {
	if name == "." {
		return cmp.Or(strings.TrimSuffix(f.prefix, "/"), ".")
	}
	return f.prefix + name
}

// folder returns the folder dir (from the site folder) opened as a root.
func (f *FS) folder(dir string) (*os.Root, error) {
	f.dirs.mu.Lock()
	defer f.dirs.mu.Unlock()
	if r, ok := f.dirs.roots[dir]; ok {
		return r, nil
	}
	r, err := f.root.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	f.dirs.roots[dir] = r
	return r, nil
}

// inFolder opens name (from the site folder) through its folder's root;
// any error means "try from the site's root".
func (f *FS) inFolder(name string) (*os.File, error) {
	dir, base := path.Split(name)
	if dir == "" || base == "" {
		return nil, fs.ErrInvalid
	}
	r, err := f.folder(strings.TrimSuffix(dir, "/"))
	if err != nil {
		return nil, err
	}
	return r.Open(base)
}

// fixErr names the file of a *fs.PathError from f's folder, as fs.Sub
// does; the escape it may carry keeps its path from the site folder.
func (f *FS) fixErr(err error) error {
	var pe *fs.PathError
	if f.prefix != "" && errors.As(err, &pe) {
		if short, ok := strings.CutPrefix(pe.Path, f.prefix); ok {
			pe.Path = short
		}
	}
	return err
}

func (f *FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	full := f.full(name)
	if file, err := f.inFolder(full); err == nil {
		return file, nil
	}
	file, err := f.fsys.Open(full)
	return file, f.fixErr(f.explain("open", full, err))
}

func (f *FS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	full := f.full(name)
	if file, err := f.inFolder(full); err == nil {
		defer file.Close()
		if st, err := file.Stat(); err == nil && st.Mode().IsRegular() {
			b := make([]byte, 0, st.Size()+1) // +1: io.ReadAll's EOF needs room
			for {
				n, err := file.Read(b[len(b):cap(b)])
				b = b[:len(b)+n]
				if err == io.EOF {
					return b, nil
				}
				if err != nil {
					return nil, f.fixErr(&fs.PathError{Op: "read", Path: full, Err: err})
				}
				if len(b) == cap(b) {
					b = append(b, 0)[:len(b)]
				}
			}
		}
	}
	b, err := fs.ReadFile(f.fsys, full)
	return b, f.fixErr(f.explain("read", full, err))
}

func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	full := f.full(name)
	es, err := fs.ReadDir(f.fsys, full)
	return es, f.fixErr(f.explain("readdir", full, err))
}

func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	full := f.full(name)
	if dir, base := path.Split(full); dir != "" && base != "" {
		if r, err := f.folder(strings.TrimSuffix(dir, "/")); err == nil {
			if st, err := r.Stat(base); err == nil {
				return st, nil
			}
		}
	}
	st, err := fs.Stat(f.fsys, full)
	return st, f.fixErr(f.explain("stat", full, err))
}

// explain replaces err by an *EscapeError (in an *fs.PathError) when a
// link on the way to name leads out of the folder.
func (f *FS) explain(op, name string, err error) error {
	if err == nil || errors.Is(err, fs.ErrNotExist) || !fs.ValidPath(name) {
		return err
	}
	if e := f.escape(name); e != nil {
		return &fs.PathError{Op: op, Path: name, Err: e}
	}
	return err
}

// maxLinks bounds the links followed while looking for the one that
// escapes, as the system bounds them (ELOOP).
const maxLinks = 40

// escape follows name inside the folder, link by link, and returns the
// first link whose target is absolute or climbs out of the folder.
func (f *FS) escape(name string) *EscapeError {
	var cur []string // the folders resolved so far, from the site folder
	todo := strings.Split(name, "/")
	for links := 0; len(todo) > 0; {
		c := todo[0]
		todo = todo[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(cur) == 0 {
				return nil // only a link's target climbs, and it was checked
			}
			cur = cur[:len(cur)-1]
			continue
		}
		p := path.Join(append(cur, c)...)
		st, err := f.root.Lstat(p)
		if err != nil {
			return nil
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			cur = append(cur, c)
			continue
		}
		if links++; links > maxLinks {
			return nil
		}
		target, err := f.root.Readlink(p)
		if err != nil {
			return nil
		}
		slashed := filepath.ToSlash(target)
		if filepath.IsAbs(target) || path.IsAbs(slashed) || filepath.VolumeName(target) != "" {
			return &EscapeError{Link: p, Target: target}
		}
		depth := len(cur)
		for _, t := range strings.Split(slashed, "/") {
			switch t {
			case "", ".":
			case "..":
				if depth--; depth < 0 {
					return &EscapeError{Link: p, Target: target}
				}
			default:
				depth++
			}
		}
		todo = append(strings.Split(slashed, "/"), todo...)
	}
	return nil
}
