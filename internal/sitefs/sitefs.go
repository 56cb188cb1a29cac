// Package sitefs opens a site folder so that a build reads nothing outside
// it. The folder is opened as an os.Root: a symbolic link that stays inside
// it is followed, one that leads out (absolute, or with enough ..) is
// refused with an *EscapeError naming the link and its target. This keeps a
// link in static/ to /proc/self/environ, or a data file linked to a secret,
// out of the published site and out of every error message.
package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
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
// fs.ReadFileFS, fs.ReadDirFS and fs.StatFS.
type FS struct {
	root *os.Root
	fsys fs.FS
}

// Open opens the folder dir.
func Open(dir string) (*FS, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &FS{root: r, fsys: r.FS()}, nil
}

// Close releases the folder.
func (f *FS) Close() error { return f.root.Close() }

func (f *FS) Open(name string) (fs.File, error) {
	file, err := f.fsys.Open(name)
	return file, f.explain("open", name, err)
}

func (f *FS) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(f.fsys, name)
	return b, f.explain("read", name, err)
}

func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(f.fsys, name)
	return es, f.explain("readdir", name, err)
}

func (f *FS) Stat(name string) (fs.FileInfo, error) {
	st, err := fs.Stat(f.fsys, name)
	return st, f.explain("stat", name, err)
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
