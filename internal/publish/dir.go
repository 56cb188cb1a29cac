package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// Dir writes files into a temporary folder beside dir and swaps it in on
// Commit, so a failed build leaves dir as it was. It holds a lock file
// beside dir from creation to Commit or Abort, so concurrent builds into the
// same folder take turns. The swap itself is in swap.go.
//
// A file whose bytes equal the same file of the previous build in dir is
// hard-linked from there instead of written: on many file systems creating a
// file costs far more than linking one, and a rebuild after a small edit
// changes few files. Neither copy is ever written to again (the old folder
// is only removed), so sharing an inode is safe.
type Dir struct {
	dir, tmp string
	unlock   func()
	// step, when set, is called before each step of the write (see
	// swap.go); an error stops the write there. Tests use it to fail or
	// kill the build at every step.
	step func(name string) error
	mu   sync.Mutex
	made map[string]bool // folders created under tmp
	// fresh is set when dir did not exist: no file of an earlier build
	// can be linked, so none is looked for.
	fresh bool
}

// NewDir locks dir, removes what killed builds left beside it, checks that
// dir may be replaced (see CheckOutput; src is the site folder, "" when
// unknown) and creates the temporary folder.
func NewDir(dir, src string) (*Dir, error) { return newDir(dir, src, nil) }

func newDir(dir, src string, step func(string) error) (*Dir, error) {
	dir = filepath.Clean(dir)
	if err := CheckOutput(dir, src); err != nil {
		return nil, err // before creating anything; checked again once locked
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	d := &Dir{dir: dir, step: step, made: map[string]bool{".": true}}
	if err := d.at("lock"); err != nil {
		return nil, err
	}
	unlock, err := lock(filepath.Join(parent, "."+filepath.Base(dir)+".lock"))
	if err != nil {
		return nil, err
	}
	d.unlock = unlock
	err = d.at("clean")
	if err == nil {
		err = removeLeftovers(dir)
	}
	if err == nil {
		err = CheckOutput(dir, src)
	}
	if err == nil {
		_, lerr := os.Lstat(dir)
		d.fresh = errors.Is(lerr, fs.ErrNotExist)
		err = d.at("mkdir")
	}
	if err == nil {
		d.tmp, err = os.MkdirTemp(parent, tempPrefix(dir))
		if err == nil {
			err = os.Chmod(d.tmp, 0o755)
		}
	}
	if err != nil {
		d.Abort()
		return nil, err
	}
	return d, nil
}

// at runs the step hook, if any, before step name.
func (d *Dir) at(name string) error {
	if d.step == nil {
		return nil
	}
	return d.step(name)
}

func (d *Dir) Put(p string, data []byte) error {
	if !SafePath(p) {
		return fmt.Errorf("refusing to write unsafe path %q", p)
	}
	if err := d.at("put " + p); err != nil {
		return err
	}
	if err := d.mkdir(path.Dir(p)); err != nil {
		return err
	}
	name := filepath.Join(d.tmp, filepath.FromSlash(p))
	if old := filepath.Join(d.dir, filepath.FromSlash(p)); !d.fresh && sameFile(old, data) && os.Link(old, name) == nil {
		return nil
	}
	f, err := create(name)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return closeSynced(f, err)
}

// closeSynced flushes f to disk (unless the whole tree is flushed at once
// on commit, see syncTree) and closes it; err is the write's error. A file
// must be on disk before the folder holding it is swapped in, or a crash
// could leave a new tree of empty files.
func closeSynced(f *os.File, err error) error {
	if err == nil && !treeSync {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// sameFile reports whether name is a regular file holding exactly data. It
// reads the file in pieces, so a large page is not held twice.
func sameFile(name string, data []byte) bool {
	// Lstat, not Stat: a link to a symbolic link would copy the link.
	st, err := os.Lstat(name)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(data)) || st.Mode().Perm() != 0o644 {
		return false
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	if fst, err := f.Stat(); err != nil || !os.SameFile(st, fst) {
		return false
	}
	bp := comparePool.Get().(*[]byte)
	defer comparePool.Put(bp)
	buf := *bp
	for len(data) > 0 {
		n, err := io.ReadFull(f, buf[:min(len(buf), len(data))])
		if err != nil || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
	}
	return true
}

var comparePool = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

func (d *Dir) Create(p string) (io.WriteCloser, error) {
	if !SafePath(p) {
		return nil, fmt.Errorf("refusing to write unsafe path %q", p)
	}
	if err := d.at("put " + p); err != nil {
		return nil, err
	}
	if err := d.mkdir(path.Dir(p)); err != nil {
		return nil, err
	}
	f, err := create(filepath.Join(d.tmp, filepath.FromSlash(p)))
	if err != nil {
		return nil, err
	}
	return syncedFile{f}, nil
}

// syncedFile is a file flushed to disk when closed.
type syncedFile struct{ *os.File }

func (f syncedFile) Close() error { return closeSynced(f.File, nil) }

// mkdir creates folder p (slash-separated, relative) under tmp once.
func (d *Dir) mkdir(p string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.made[p] {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(d.tmp, filepath.FromSlash(p)), 0o755); err != nil {
		return err
	}
	for ; p != "."; p = path.Dir(p) {
		d.made[p] = true
	}
	return nil
}

// Abort drops everything written and leaves dir as it was.
func (d *Dir) Abort() {
	if d.tmp != "" {
		os.RemoveAll(d.tmp)
	}
	if d.unlock != nil {
		d.unlock()
	}
}
