//go:build !unix && !windows

package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// lock takes the lock file name, created with O_EXCL, waiting while another
// build holds it. A lock older than ten minutes is taken to be left by a
// killed build and removed.
func lock(name string) (func(), error) {
	for {
		f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(name) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("lock %s: %w", name, err)
		}
		if st, err := os.Stat(name); err == nil && time.Since(st.ModTime()) > 10*time.Minute {
			os.Remove(name)
			continue
		}
		time.Sleep(50 * time.Millisecond)
	}
}
