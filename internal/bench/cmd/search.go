package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"reportsite/internal/search"
)

// searchStats is what the search index of a built site weighs.
type searchStats struct {
	files     int
	total     int // compressed bytes, all files
	largest   int // compressed bytes, the largest file
	heaviest  int // compressed bytes one query loads, the most of the sample
	heaviestQ string
	heaviestL string
	queries   int
}

// gzSize is the size of data compressed as a web server would (gzip -6).
func gzSize(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, 6)
	w.Write(data)
	w.Close()
	return b.Len()
}

// measureSearch weighs the index in the built site out and the files that
// sample queries load, each query from a fresh page: up to 20 queries per
// language, taken from its passages (1, 2, 4 and 8 Chinese characters,
// one and three words, a number).
func measureSearch(out string) (searchStats, error) {
	var st searchStats
	dir := filepath.Join(out, "search")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return st, err
	}
	gz := map[string]int{}
	var langs []string
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return st, err
		}
		name := strings.TrimSuffix(e.Name(), ".js")
		gz[name] = gzSize(data)
		st.files++
		st.total += gz[name]
		st.largest = max(st.largest, gz[name])
		if !strings.Contains(strings.TrimPrefix(name, "zh-"), "-") {
			langs = append(langs, name)
		}
	}
	slices.Sort(langs)
	fsys := os.DirFS(out)
	for _, l := range langs {
		for _, q := range sampleQueries(filepath.Join(dir, l+"-d0.js")) {
			r := search.NewReader(fsys)
			if _, err := r.Search(l, q); err != nil {
				return st, err
			}
			n := 0
			for name := range r.Loaded {
				n += gz[name]
			}
			st.queries++
			if n > st.heaviest {
				st.heaviest, st.heaviestQ, st.heaviestL = n, q, l
			}
		}
	}
	return st, nil
}

// sampleQueries takes queries from the passages of a group file.
func sampleQueries(file string) []string {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	i, j := bytes.IndexByte(data, ','), bytes.LastIndexByte(data, ')')
	if i < 0 || j <= i {
		return nil
	}
	var docs [][]any
	if json.Unmarshal(data[i+1:j], &docs) != nil {
		return nil
	}
	var out []string
	for k, d := range docs {
		if len(out) >= 20 || k > 40 {
			break
		}
		text, _ := d[3].(string)
		rs := []rune(text)
		// The first run of Chinese characters, cut at 1, 2, 4 and 8.
		start := slices.IndexFunc(rs, func(r rune) bool { return unicode.Is(unicode.Han, r) })
		if start >= 0 {
			end := start
			for end < len(rs) && unicode.Is(unicode.Han, rs[end]) {
				end++
			}
			for _, n := range []int{1, 2, 4, 8} {
				if start+n <= end {
					out = append(out, string(rs[start:start+n]))
				}
			}
		}
		var words []string
		for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
			if len(f) > 3 {
				words = append(words, f)
			}
		}
		if len(words) >= 3 {
			out = append(out, words[0], strings.Join(words[:3], " "))
		}
		if f := strings.FieldsFunc(text, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.') }); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

func kb(n int) string { return fmt.Sprintf("%.0f KB", float64(n)/1024) }

// searchRow is the search index of one size of synthetic site and the
// builds with and without it.
type searchRow struct {
	n             int
	st            searchStats
	with, without measure
}

func printSearch(w io.Writer, rows []searchRow) {
	if len(rows) == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Search index of the synthetic sites (zh-Hant + zh-Hans + en; sizes compressed with gzip -6; the heaviest query is the most one query of the sample loads from a fresh page: head files, shards, the passages it shows, both languages):")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| sections/lang | files | index | largest file | heaviest query (of n) | build | -no-search | cost |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---|---:|---:|---:|")
	for _, r := range rows {
		cost := "-"
		if r.without.wall > 0 {
			cost = fmt.Sprintf("%+.0f%% wall, %+.0f%% CPU", 100*(r.with.wall.Seconds()/r.without.wall.Seconds()-1), 100*(r.with.cpu.Seconds()/r.without.cpu.Seconds()-1))
		}
		fmt.Fprintf(w, "| %d | %d | %s | %s | %s (%q, %s page; %d) | %s | %s | %s |\n", r.n, r.st.files, kb(r.st.total), kb(r.st.largest),
			kb(r.st.heaviest), r.st.heaviestQ, r.st.heaviestL, r.st.queries, secs(r.with.wall), secs(r.without.wall), cost)
	}
}
