package site

import (
	"context"
	"io/fs"
	"sync"
	"testing"
	"testing/fstest"

	"reportsite/internal/bench"
)

// readCounter is a file system that counts the reads of each file.
type readCounter struct {
	fsys  fstest.MapFS
	mu    sync.Mutex
	reads map[string]int
}

func (c *readCounter) count(name string) {
	c.mu.Lock()
	c.reads[name]++
	c.mu.Unlock()
}

func (c *readCounter) Open(name string) (fs.File, error) {
	if st, err := c.fsys.Stat(name); err == nil && !st.IsDir() {
		c.count(name)
	}
	return c.fsys.Open(name)
}

func (c *readCounter) ReadFile(name string) ([]byte, error) {
	c.count(name)
	return c.fsys.ReadFile(name)
}

func (c *readCounter) ReadDir(name string) ([]fs.DirEntry, error) { return c.fsys.ReadDir(name) }
func (c *readCounter) Stat(name string) (fs.FileInfo, error)      { return c.fsys.Stat(name) }

// TestSessionReadsOnce checks that a Session's build reads each content
// file once: the digests that tell what changed and the build share the
// read.
func TestSessionReadsOnce(t *testing.T) {
	s := newSessionSite(t, bench.Config{Sections: 4, Seed: 1})
	c := &readCounter{fsys: s.content, reads: map[string]int{}}
	opt := s.options()
	opt.Content = c
	if _, err := NewSession(opt).Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	for name := range s.content {
		if n := c.reads[name]; n != 1 {
			t.Errorf("%s read %d times, want 1", name, n)
		}
	}
}
