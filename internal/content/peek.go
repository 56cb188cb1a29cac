package content

import (
	"bytes"
	"io/fs"
	"path"
	"strings"

	"reportsite/internal/addr"
)

// DeclaresCharts reports, without loading fsys, whether one of its table
// files declares a chart ([[charts]]): a look at the bytes, for a build
// that gets ECharts ready while the content loads. It can be wrong (a
// chart written as an inline array, the words in a comment); what Load
// finds is what counts.
func DeclaresCharts(fsys fs.FS) bool {
	entries, err := fs.ReadDir(fsys, addr.Data)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".toml") {
			continue
		}
		b, err := fs.ReadFile(fsys, path.Join(addr.Data, e.Name()))
		if err == nil && bytes.Contains(b, []byte("[[charts]]")) {
			return true
		}
	}
	return false
}
