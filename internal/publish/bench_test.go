package publish

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// benchOutput is an output of about the size of a 500-section report in
// two languages: 2,500 files of 2 to 40 KB in a few folders.
func benchOutput() Output {
	out := Output{}
	for i := range 2500 {
		dir := []string{"en", "zh-hant", "en/data", "zh-hant/data", "data"}[i%5]
		out[fmt.Sprintf("%s/f%04d.html", dir, i)] = []byte(strings.Repeat(fmt.Sprintf("<p>%d</p>\n", i), 200+i%3800))
	}
	return out
}

// BenchmarkWrite writes an output of 2,500 files through Dir, as BuildTo
// does, and swaps it in: "fresh" into an empty folder, "same" over the
// identical previous output, whose files it links instead of writing.
func BenchmarkWrite(b *testing.B) {
	out := benchOutput()
	var size int64
	for _, data := range out {
		size += int64(len(data))
	}
	b.Run("fresh", func(b *testing.B) {
		b.SetBytes(size)
		n := 0
		for b.Loop() {
			n++
			if err := write(out, filepath.Join(b.TempDir(), fmt.Sprint("public", n)), "", nil); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(out)), "files/op")
	})
	b.Run("same", func(b *testing.B) {
		dir := filepath.Join(b.TempDir(), "public")
		if err := write(out, dir, "", nil); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(size)
		for b.Loop() {
			if err := write(out, dir, "", nil); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(out)), "files/op")
	})
}
