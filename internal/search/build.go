package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"

	"reportsite/internal/numbers"
)

// Doc is one passage a reader may find: a paragraph, a heading, a data
// table's row, a chart's title, a glossary entry.
type Doc struct {
	Href    string    // from the language's folder: "economy.html#p-3"
	Pair    string    // its counterpart from the paired language's folder; "" for none
	Section int       // index in Lang.Sections; -1 for none (data page, glossary)
	Heading string    // what the passage sits under: a heading, a table's title; may be ""
	Text    string    // what the reader sees, and what is indexed
	Values  []float64 // numbers the passage states exactly besides those of Text (table cells)
}

// Lang is the searchable text of one language.
type Lang struct {
	Prefix   string   // the language's folder, which names its files
	Tag      string   // BCP 47, for the lang attribute of its results
	Name     string   // as the language switch names it
	Style    string   // how its text writes numbers (lang.StyleCJK, lang.StyleWestern)
	Pair     string   // the folder of the language its results pair with; "" for none
	Sections []string // section titles
	Docs     []Doc
}

// Corpus is languages whose passages are the same, one for one: a
// hand-written language and the languages derived from it by script
// conversion. They share one token index, built from the text of all of
// them, so that a query in either script finds a passage in both.
type Corpus struct {
	Name  string // names the shared files; the first language's folder
	Langs []Lang // each with as many Docs, in the same order
}

// Options tune Build. The zero value means the defaults.
type Options struct {
	// ShardBytes is about the largest token or passage file, before
	// compression. Default 96 KiB: about 25 KiB compressed.
	ShardBytes int
}

// File is one file of the index, by its path from the site root.
type File struct {
	Path string
	Data []byte
}

// Dir is where the index files go, from the site root.
const Dir = "search/"

// posting lists, by token or by value, of document numbers.
type postings map[string][]int

func (p postings) add(tok string, doc int) {
	l := p[tok]
	if len(l) == 0 || l[len(l)-1] != doc {
		p[tok] = append(l, doc)
	}
}

// Build returns the index files of a corpus: the token and number shards it
// shares (search/<corpus>-t<k>.js, -n<m>.js) and, per language, a head file
// (search/<prefix>.js) and its passages in groups (-d<g>.js). Each file is
// a script that hands its JSON to the global function reportsiteSearch,
// so that a page opened from file:// can load it with a <script> element.
func Build(c Corpus, opt Options) ([]File, error) {
	if opt.ShardBytes <= 0 {
		opt.ShardBytes = 96 << 10
	}
	if len(c.Langs) == 0 {
		return nil, nil
	}
	n := len(c.Langs[0].Docs)
	for _, l := range c.Langs {
		if len(l.Docs) != n {
			return nil, fmt.Errorf("search: %s has %d passages, %s %d", l.Prefix, len(l.Docs), c.Langs[0].Prefix, n)
		}
	}
	toks := postings{}
	type valueDoc struct {
		v   float64
		doc int
	}
	var vals []valueDoc
	for i := range n {
		for _, l := range c.Langs {
			tokens(l.Docs[i].Text, func(t string) { toks.add(t, i) })
		}
		// The numbers of the first language: the others state the same.
		d := c.Langs[0].Docs[i]
		for _, v := range numbers.Extract(d.Text, c.Langs[0].Style) {
			if v.Kind != numbers.Word { // "first", "November": idiom as often as number
				vals = append(vals, valueDoc{v.V, i})
			}
		}
		for _, v := range d.Values {
			vals = append(vals, valueDoc{math.Abs(v), i})
		}
	}

	// Token shards: as many as keep each near ShardBytes, a power of two.
	size := 0
	for t, l := range toks {
		size += len(t)*3 + 4 + 3*len(l)
	}
	shards := 1
	for size/shards > opt.ShardBytes && shards < 1<<12 {
		shards *= 2
	}
	parts := make([]map[string][]int, shards)
	for i := range parts {
		parts[i] = map[string][]int{}
	}
	for t, l := range toks {
		parts[shardOf(t, shards)][t] = delta(l)
	}
	var files []File
	for k, p := range parts {
		data, err := script(fmt.Sprintf("%s-t%d", c.Name, k), p)
		if err != nil {
			return nil, err
		}
		files = append(files, File{fmt.Sprintf("%s%s-t%d.js", Dir, c.Name, k), data})
	}

	// Number shards by magnitude: values in order, each with its passages.
	sort.Slice(vals, func(i, j int) bool {
		if vals[i].v != vals[j].v {
			return vals[i].v < vals[j].v
		}
		return vals[i].doc < vals[j].doc
	})
	type numShard struct {
		V []float64 `json:"v"`
		D [][]int   `json:"d"`
	}
	byMag := map[int]*numShard{}
	var mags []int
	for _, x := range vals {
		m := magnitude(x.v)
		s := byMag[m]
		if s == nil {
			s = &numShard{}
			byMag[m] = s
			mags = append(mags, m)
		}
		if k := len(s.V) - 1; k >= 0 && s.V[k] == x.v {
			if l := s.D[k]; l[len(l)-1] != x.doc {
				s.D[k] = append(l, x.doc)
			}
			continue
		}
		s.V = append(s.V, x.v)
		s.D = append(s.D, []int{x.doc})
	}
	// Magnitudes share a file while it stays small: bands[k] is the
	// first and last magnitude of file k.
	slices.Sort(mags)
	var bands [][2]int
	bsize := 0
	for _, m := range mags {
		sz := 0
		for _, d := range byMag[m].D {
			sz += 12 + 3*len(d)
		}
		if len(bands) == 0 || bsize+sz > opt.ShardBytes {
			bands = append(bands, [2]int{m, m})
			bsize = 0
		}
		bands[len(bands)-1][1] = m
		bsize += sz
	}
	for k, band := range bands {
		var s numShard
		for _, m := range mags {
			if m >= band[0] && m <= band[1] {
				s.V = append(s.V, byMag[m].V...)
				for _, d := range byMag[m].D {
					s.D = append(s.D, delta(d))
				}
			}
		}
		name := fmt.Sprintf("%s-n%d", c.Name, k)
		data, err := script(name, s)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Dir + name + ".js", data})
	}

	// Passage groups and the head file, per language.
	for _, l := range c.Langs {
		starts := []int{}
		var group [][]any
		gsize := 0
		flush := func() error {
			if len(group) == 0 {
				return nil
			}
			name := fmt.Sprintf("%s-d%d", l.Prefix, len(starts)-1)
			data, err := script(name, group)
			if err != nil {
				return err
			}
			files = append(files, File{Dir + name + ".js", data})
			group, gsize = nil, 0
			return nil
		}
		for i, d := range l.Docs {
			if len(group) == 0 {
				starts = append(starts, i)
			}
			group = append(group, []any{d.Href, d.Section, d.Heading, d.Text, d.Pair})
			gsize += len(d.Href) + len(d.Heading) + len(d.Text) + len(d.Pair) + 16
			if gsize > opt.ShardBytes/2 {
				if err := flush(); err != nil {
					return nil, err
				}
			}
		}
		if err := flush(); err != nil {
			return nil, err
		}
		head := map[string]any{
			"corpus":   c.Name,
			"shards":   shards,
			"bands":    bands,
			"groups":   starts,
			"count":    n,
			"sections": l.Sections,
			"tag":      l.Tag,
			"name":     l.Name,
			"pair":     l.Pair,
		}
		if bands == nil {
			head["bands"] = [][2]int{}
		}
		data, err := script(l.Prefix, head)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Dir + l.Prefix + ".js", data})
	}
	return files, nil
}

// delta writes an increasing list as its first value and the differences,
// which compress better.
func delta(l []int) []int {
	out := make([]int, len(l))
	prev := 0
	for i, v := range l {
		out[i] = v - prev
		prev = v
	}
	return out
}

// script wraps v as the script file name: reportsiteSearch("name",{…});
func script(name string, v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("reportsiteSearch(")
	n, _ := json.Marshal(name)
	b.Write(n)
	b.WriteByte(',')
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("search: %s: %w", name, err)
	}
	b.Truncate(b.Len() - 1) // the encoder's newline
	b.WriteString(");\n")
	return b.Bytes(), nil
}
