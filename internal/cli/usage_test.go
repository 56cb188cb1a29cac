package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestUsageAligned: every command's summary starts in the same column, the
// longest name ("templates") included.
func TestUsageAligned(t *testing.T) {
	var b bytes.Buffer
	usage(&b)
	col := -1
	n := 0
	for _, line := range strings.Split(b.String(), "\n") {
		if !strings.HasPrefix(line, "  ") {
			continue
		}
		name := strings.Fields(line)[0]
		rest := strings.TrimLeft(line[2+len(name):], " ")
		at := len(line) - len(rest)
		if len(line)-len(rest)-2-len(name) < 2 {
			t.Errorf("%q: fewer than two spaces between the name and its summary", line)
		}
		if col >= 0 && at != col {
			t.Errorf("%q: summary at column %d, the others at %d", line, at, col)
		}
		col = at
		n++
	}
	if n != len(commands()) {
		t.Errorf("usage lists %d commands, want %d", n, len(commands()))
	}
}
