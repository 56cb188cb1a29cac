package site

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// staticFiles copies the static assets (the site's own first) under static/.
// The live-reload script goes out only in serve mode.
func (b *builder) staticFiles() error {
	sfs := overlay(b.opt.Overlay, "static", b.opt.Static)
	if sfs == nil {
		return nil
	}
	return fs.WalkDir(sfs, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasSuffix(p, ".go") || strings.HasPrefix(path.Base(p), ".") {
			return nil
		}
		if "static/"+p == reloadPath && !b.opt.Serve {
			return nil
		}
		data, err := fs.ReadFile(sfs, p)
		if err != nil {
			return err
		}
		if "static/"+p == cssPath {
			data = append(bytes.Clone(data), b.printTitleCSS()...)
		}
		b.add("static/"+p, data)
		return nil
	})
}

// A sink receives the built files one at a time, from several goroutines at
// once. The builder keeps only each file's size and digest, so a sink that
// writes files lets the build forget a page as soon as it is made.
type sink interface {
	put(p string, data []byte) error
	// create opens file p to be written in pieces; it is complete once
	// closed without error.
	create(p string) (io.WriteCloser, error)
}

// nullSink drops every file: check renders every page for the link check
// and writes nothing.
type nullSink struct{}

func (nullSink) put(string, []byte) error { return nil }

func (nullSink) create(string) (io.WriteCloser, error) { return nopCloser{io.Discard}, nil }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// memSink keeps the files in memory: Build's Result.Out.
type memSink struct {
	mu  sync.Mutex
	out Output
}

func (m *memSink) put(p string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.out[p] = data
	return nil
}

func (m *memSink) create(p string) (io.WriteCloser, error) {
	return &memFile{m: m, p: p}, nil
}

// memFile is a file of a memSink being written.
type memFile struct {
	bytes.Buffer
	m *memSink
	p string
}

func (f *memFile) Close() error { return f.m.put(f.p, f.Bytes()) }

// dirSink writes files into a temporary folder beside dir and swaps it in
// on commit, so a failed build leaves dir as it was. It holds a lock file
// beside dir from creation to commit or abort, so concurrent builds into the
// same folder take turns. The swap itself is in swap.go.
//
// A file whose bytes equal the same file of the previous build in dir is
// hard-linked from there instead of written: on many file systems creating a
// file costs far more than linking one, and a rebuild after a small edit
// changes few files. Neither copy is ever written to again (the old folder
// is only removed), so sharing an inode is safe.
type dirSink struct {
	dir, tmp string
	unlock   func()
	// step, when set, is called before each step of the write (see
	// swap.go); an error stops the write there. Tests use it to fail or
	// kill the build at every step.
	step func(name string) error
	mu   sync.Mutex
	made map[string]bool // folders created under tmp
}

// newDirSink locks dir, removes what killed builds left beside it, checks
// that dir may be replaced (see checkOutput; src is the site folder, "" when
// unknown) and creates the temporary folder.
func newDirSink(dir, src string, step func(string) error) (*dirSink, error) {
	dir = filepath.Clean(dir)
	if err := checkOutput(dir, src); err != nil {
		return nil, err // before creating anything; checked again once locked
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	d := &dirSink{dir: dir, step: step, made: map[string]bool{".": true}}
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
		err = checkOutput(dir, src)
	}
	if err == nil {
		err = d.at("mkdir")
	}
	if err == nil {
		d.tmp, err = os.MkdirTemp(parent, tempPrefix(dir))
		if err == nil {
			err = os.Chmod(d.tmp, 0o755)
		}
	}
	if err != nil {
		d.abort()
		return nil, err
	}
	return d, nil
}

// at runs the step hook, if any, before step name.
func (d *dirSink) at(name string) error {
	if d.step == nil {
		return nil
	}
	return d.step(name)
}

func (d *dirSink) put(p string, data []byte) error {
	if !safePath(p) {
		return fmt.Errorf("refusing to write unsafe path %q", p)
	}
	if err := d.at("put " + p); err != nil {
		return err
	}
	if err := d.mkdir(path.Dir(p)); err != nil {
		return err
	}
	name := filepath.Join(d.tmp, filepath.FromSlash(p))
	if old := filepath.Join(d.dir, filepath.FromSlash(p)); sameFile(old, data) && os.Link(old, name) == nil {
		return nil
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
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

func (d *dirSink) create(p string) (io.WriteCloser, error) {
	if !safePath(p) {
		return nil, fmt.Errorf("refusing to write unsafe path %q", p)
	}
	if err := d.at("put " + p); err != nil {
		return nil, err
	}
	if err := d.mkdir(path.Dir(p)); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(d.tmp, filepath.FromSlash(p)), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	return syncedFile{f}, nil
}

// syncedFile is a file flushed to disk when closed.
type syncedFile struct{ *os.File }

func (f syncedFile) Close() error { return closeSynced(f.File, nil) }

// mkdir creates folder p (slash-separated, relative) under tmp once.
func (d *dirSink) mkdir(p string) error {
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

// abort drops everything written and leaves dir as it was.
func (d *dirSink) abort() {
	if d.tmp != "" {
		os.RemoveAll(d.tmp)
	}
	if d.unlock != nil {
		d.unlock()
	}
}

// Write puts out into dir atomically: it writes a sibling temporary folder
// and swaps it in only when every file is written. A failure leaves dir as it
// was. Concurrent writers to the same dir are serialised by a lock file. dir
// must be missing, empty or an earlier output (see BuildTo).
func Write(out Output, dir string) error {
	return write(out, dir, "", nil)
}

func write(out Output, dir, src string, step func(string) error) error {
	d, err := newDirSink(dir, src, step)
	if err != nil {
		return err
	}
	for _, p := range out.Paths() {
		if err := d.put(p, out[p]); err != nil {
			d.abort()
			return err
		}
	}
	return d.commit()
}

// fileSum is what the build remembers of a file it has handed to its sink.
type fileSum struct {
	size int
	sum  [sha256.Size]byte
}

// safePath reports whether p stays inside the output folder.
func safePath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || strings.ContainsRune(p, 0) {
		return false
	}
	return path.Clean(p) == p && p != ".." && !strings.HasPrefix(p, "../") && fs.ValidPath(p)
}

// printTitleCSS returns the rules that put the report's title in the top
// margin of each printed page, in the page's language: a named page per
// language (html:lang(…) body { page: … }), since a margin box takes its
// text from the style sheet only; Chromium draws @page margin boxes, other
// browsers skip them.
func (b *builder) printTitleCSS() []byte {
	var out strings.Builder
	out.WriteString("\n/* Generated by reportsite: the report's title in each language's printed margins. */\n")
	for i, l := range b.site.Languages {
		title := b.site.Title.In(l)
		if title == "" || !cssIdent.MatchString(l.Tag) {
			continue
		}
		fmt.Fprintf(&out, "@media print { html:lang(%s) body { page: report-%d; } }\n", l.Tag, i)
		fmt.Fprintf(&out, "@page report-%d { @top-left { content: %s; font-size: 8.5pt; color: #555; } }\n", i, cssString(title))
	}
	return []byte(out.String())
}

// cssIdent matches a language tag that is safe inside :lang() unquoted.
var cssIdent = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*$`)

// cssString quotes s as a CSS string that cannot end the string, the rule or
// a <style> element it is inlined into.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\' || r == '<' || r == '>' || r == '&' || r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\%x ", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
