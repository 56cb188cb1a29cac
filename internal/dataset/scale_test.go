package dataset

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"reportsite/internal/diag"
)

// bigTable returns goodTable with n rows.
func bigTable(n int) []byte {
	head, _, _ := strings.Cut(goodTable, "[[rows]]")
	var b strings.Builder
	b.WriteString(head)
	for i := range n {
		fmt.Fprintf(&b, "[[rows]]\nid = \"r%d\"\nitem = { zh-Hant = \"甲%d\", en = \"A%d\" }\nvalue = %d\n", i, i, i, i)
	}
	return []byte(b.String())
}

// TestDecodeScale decodes a 10,000-row table with a generous bound that a
// quadratic key locator (seconds per thousand rows) cannot meet.
func TestDecodeScale(t *testing.T) {
	if testing.Short() {
		t.Skip("scale test")
	}
	const n = 10_000
	src := bigTable(n)
	done := make(chan *Table, 1)
	var dl diag.List
	go func() { done <- Decode("data/t.toml", "t", src, testEnv, &dl) }()
	select {
	case tb := <-done:
		if tb == nil || len(tb.Rows) != n || len(dl.Items()) > 0 {
			t.Fatalf("Decode: %v", dl.Items())
		}
		if got, want := tb.Rows[n-1].Line, 4*n+9; got != want {
			t.Errorf("last row at line %d, want %d", got, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("decoding 10,000 rows took more than 10 s: key positions are no longer found in linear time")
	}
}

func BenchmarkDecode10kRows(b *testing.B) {
	src := bigTable(10_000)
	for b.Loop() {
		var dl diag.List
		Decode("data/t.toml", "t", src, testEnv, &dl)
	}
}
