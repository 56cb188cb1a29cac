package site

import (
	"strings"
	"sync"

	"reportsite/internal/linkcheck"
)

// TEMPORARY until linkcheck.Checker lands.
type shimChecker struct {
	mu    sync.Mutex
	files map[string][]byte
}

func newShimChecker() *shimChecker { return &shimChecker{files: map[string][]byte{}} }

func (c *shimChecker) Add(p string, data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".css") {
		c.files[p] = data
	} else {
		c.files[p] = nil
	}
}

func (c *shimChecker) Problems() []linkcheck.Problem { return linkcheck.Check(c.files) }
