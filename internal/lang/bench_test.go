package lang

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"reportsite/internal/bench"
)

func benchTexts(n int) []string {
	files := bench.Files(bench.Config{Sections: n, Seed: 1})
	var out []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if strings.HasPrefix(name, "content/zh-Hant/") {
			// The body, after the front matter's closing +++ line.
			_, body, _ := strings.Cut(strings.TrimPrefix(string(files[name]), "+++\n"), "\n+++\n")
			out = append(out, body)
		}
	}
	return out
}

// BenchmarkConvertSection converts one ~2,000-character zh-Hant section to
// zh-Hans. Each iteration converts a text not seen before (a numbered
// suffix defeats the memo), as a build does once per section.
func BenchmarkConvertSection(b *testing.B) {
	texts := benchTexts(100)
	c := NewConverter()
	c.Must("zh-Hant", "zh-Hans", "預熱") // load the dictionaries outside the timer
	b.SetBytes(int64(len(texts[0])))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.Must("zh-Hant", "zh-Hans", texts[i%len(texts)]+strconv.Itoa(i))
		i++
	}
}

// BenchmarkConvertSectionParallel is BenchmarkConvertSection from every CPU
// at once: the Converter's one mutex makes it no faster than one.
func BenchmarkConvertSectionParallel(b *testing.B) {
	texts := benchTexts(100)
	c := NewConverter()
	c.Must("zh-Hant", "zh-Hans", "預熱")
	b.SetBytes(int64(len(texts[0])))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			c.Must("zh-Hant", "zh-Hans", texts[i%len(texts)]+strconv.Itoa(i)+"p")
			i++
		}
	})
}

// BenchmarkConvertMemo converts a section already converted: the memo hit.
func BenchmarkConvertMemo(b *testing.B) {
	s := benchTexts(1)[0]
	c := NewConverter()
	c.Must("zh-Hant", "zh-Hans", s)
	b.ReportAllocs()
	for b.Loop() {
		c.Must("zh-Hant", "zh-Hans", s)
	}
}

// BenchmarkConverterFirstUse is the first conversion of a fresh Converter:
// loading OpenCC's t2s dictionaries, paid once per build.
func BenchmarkConverterFirstUse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		NewConverter().Must("zh-Hant", "zh-Hans", "經濟發展")
	}
}
