package sitefs

import (
	"bytes"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"sync"
	"time"
)

// Memo is an fs.FS over another that keeps each file it reads whole
// (ReadFile, or Open of a file read before) until Release, so that the
// readers of one build share one read of each file: the preview server
// hashes every input to see what changed, and the build then reads the
// same files. Directories and Stat of a file not yet read pass through.
type Memo struct {
	fsys  fs.FS
	mu    sync.Mutex
	files map[string]memoFile // nil once released
}

type memoFile struct {
	data []byte
	info fs.FileInfo
}

// NewMemo returns a Memo over fsys.
func NewMemo(fsys fs.FS) *Memo { return &Memo{fsys: fsys, files: map[string]memoFile{}} }

// ReadOnce puts a Memo in place of each file system given (the same memo
// for the same file system), after making an FS forget its open folders,
// as one may have been replaced since the last build. It returns the
// function that releases the memos; the caller puts its own values back.
func ReadOnce(fss ...*fs.FS) (release func()) {
	var memos []*Memo
	for _, fsys := range fss {
		if *fsys == nil {
			continue
		}
		if f, ok := (*fsys).(interface{ Forget() }); ok {
			f.Forget()
		}
		i := slices.IndexFunc(memos, func(m *Memo) bool { return same(m.fsys, *fsys) })
		if i < 0 {
			memos = append(memos, NewMemo(*fsys))
			i = len(memos) - 1
		}
		*fsys = memos[i]
	}
	return func() {
		for _, m := range memos {
			m.Release()
		}
	}
}

// same reports whether a and b are the same file system (false when they
// cannot be compared, as a map cannot).
func same(a, b fs.FS) bool {
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	return ta == tb && ta.Comparable() && a == b
}

// Release drops the files kept; later reads pass through.
func (m *Memo) Release() {
	m.mu.Lock()
	m.files = nil
	m.mu.Unlock()
}

func (m *Memo) get(name string) (memoFile, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	f, ok := m.files[name]
	return f, ok
}

func (m *Memo) Open(name string) (fs.File, error) {
	if f, ok := m.get(name); ok {
		return &memoReader{Reader: bytes.NewReader(f.data), info: f.info}, nil
	}
	return m.fsys.Open(name)
}

// ReadFile returns a copy of the bytes kept, or reads the file and keeps it.
func (m *Memo) ReadFile(name string) ([]byte, error) {
	if f, ok := m.get(name); ok {
		return bytes.Clone(f.data), nil
	}
	st, err := fs.Stat(m.fsys, name)
	if err != nil {
		return nil, err
	}
	b, err := fs.ReadFile(m.fsys, name)
	if err != nil || !st.Mode().IsRegular() {
		return b, err
	}
	m.mu.Lock()
	if m.files != nil {
		m.files[name] = memoFile{data: b, info: memoInfo{name: path.Base(name), size: int64(len(b)), mode: st.Mode(), mod: st.ModTime()}}
		b = bytes.Clone(b)
	}
	m.mu.Unlock()
	return b, nil
}

func (m *Memo) Stat(name string) (fs.FileInfo, error) {
	if f, ok := m.get(name); ok {
		return f.info, nil
	}
	return fs.Stat(m.fsys, name)
}

func (m *Memo) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(m.fsys, name) }

// memoReader is a kept file, opened.
type memoReader struct {
	*bytes.Reader
	info fs.FileInfo
}

func (r *memoReader) Stat() (fs.FileInfo, error) { return r.info, nil }
func (r *memoReader) Close() error               { return nil }

// memoInfo describes a kept file: its size is that of the bytes read.
type memoInfo struct {
	name string
	size int64
	mode fs.FileMode
	mod  time.Time
}

func (i memoInfo) Name() string       { return i.name }
func (i memoInfo) Size() int64        { return i.size }
func (i memoInfo) Mode() fs.FileMode  { return i.mode }
func (i memoInfo) ModTime() time.Time { return i.mod }
func (i memoInfo) IsDir() bool        { return false }
func (i memoInfo) Sys() any           { return nil }
