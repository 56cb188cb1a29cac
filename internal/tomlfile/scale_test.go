package tomlfile

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"reportsite/internal/diag"
)

// unknownKeys returns n keys that doc does not know, each on its own line.
func unknownKeys(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d = %d\n", i, i)
	}
	return []byte(b.String())
}

// rowsTable returns a table of n [[rows]] with three keys each.
func rowsTable(n int) []byte {
	var b strings.Builder
	b.WriteString("title = { en = \"t\" }\n")
	for i := range n {
		fmt.Fprintf(&b, "[[rows]]\nid = \"r%d\"\nvalue = %d\nnote = \"n\"\n", i, i)
	}
	return []byte(b.String())
}

// decodeUnknown decodes src and locates every unknown key, as a section's
// front matter does.
func decodeUnknown(src []byte) int {
	var dl diag.List
	var d doc
	Decode("f.md", src, 1, &d, &dl)
	return len(dl.Items())
}

// locateRows decodes a table and asks for the line of every row's keys, as
// dataset.Decode does.
func locateRows(src []byte, n int) int {
	var dl diag.List
	var d doc
	f := Decode("t.toml", src, 0, &d, &dl)
	sum := 0
	for i := range n {
		at := fmt.Sprintf("rows[%d]", i)
		sum += f.KeyLine(at, "id") + f.KeyLine(at, "value") + f.KeyLine(at, "note")
	}
	return sum
}

// within fails the test when fn takes longer than d; a quadratic locator
// takes minutes at these sizes, a linear one about a second.
func within(t *testing.T, d time.Duration, what string, fn func()) {
	t.Helper()
	done := make(chan time.Duration, 1)
	go func() {
		start := time.Now()
		fn()
		done <- time.Since(start)
	}()
	select {
	case took := <-done:
		t.Logf("%s: %v", what, took)
	case <-time.After(d):
		t.Fatalf("%s took more than %v: key positions are no longer found in linear time", what, d)
	}
}

func TestScale(t *testing.T) {
	if testing.Short() {
		t.Skip("scale test")
	}
	keys := unknownKeys(100_000)
	within(t, 10*time.Second, "100,000 unknown front-matter keys", func() {
		if got := decodeUnknown(keys); got != 100_000 {
			t.Errorf("got %d problems, want 100000", got)
		}
	})
	rows := rowsTable(10_000)
	within(t, 10*time.Second, "10,000 rows located", func() {
		// Row i's keys are on lines 4i+3, 4i+4 and 4i+5.
		want := 0
		for i := range 10_000 {
			want += 3*(4*i+3) + 3
		}
		if got := locateRows(rows, 10_000); got != want {
			t.Errorf("sum of lines = %d, want %d", got, want)
		}
	})
}

func BenchmarkUnknownKeys100k(b *testing.B) {
	src := unknownKeys(100_000)
	for b.Loop() {
		decodeUnknown(src)
	}
}

func BenchmarkRows10k(b *testing.B) {
	src := rowsTable(10_000)
	for b.Loop() {
		locateRows(src, 10_000)
	}
}
