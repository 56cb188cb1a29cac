package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
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
		b.add("static/"+p, data)
		return nil
	})
}

// Write puts out into dir atomically: it writes a sibling temporary folder
// and swaps it in only when every file is written. A failure leaves dir as it
// was. Concurrent writers to the same dir are serialised by a lock file.
func Write(out Output, dir string) (err error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	unlock, err := lock(filepath.Join(parent, "."+filepath.Base(dir)+".lock"))
	if err != nil {
		return err
	}
	defer unlock()
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+"-new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	for _, p := range out.Paths() {
		if !safePath(p) {
			return fmt.Errorf("refusing to write unsafe path %q", p)
		}
		full := filepath.Join(tmp, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, out[p], 0o644); err != nil {
			return err
		}
	}
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
		return err
	}
	if old != "" {
		_ = os.RemoveAll(old)
	}
	return nil
}

// safePath reports whether p stays inside the output folder.
func safePath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || strings.ContainsRune(p, 0) {
		return false
	}
	return path.Clean(p) == p && p != ".." && !strings.HasPrefix(p, "../") && fs.ValidPath(p)
}

func lock(name string) (func(), error) {
	f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", name, err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
