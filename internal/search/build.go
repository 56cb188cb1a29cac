package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportsite/internal/addr"
	"reportsite/internal/numbers"
)

// Doc is one passage a reader may find: a paragraph, a heading, a data
// table's row, a chart's title, a glossary entry.
type Doc struct {
	Href    string    // from the language's folder: "economy.html#p-3"
	Pair    string    // its counterpart from the paired language's folder (written "" when it is Href)
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

// indexer collects the passages of each token. A Chinese token is a key
// of its characters (first<<21 | second, or first<<21 alone), a word the
// wordBit and its number: far fewer allocations than a string per token.
type indexer struct {
	posts map[uint64][]int32
	words map[string]uint64 // as written → key
	stems map[string]uint64 // stemmed → key
	alone map[uint64]bool   // characters found as a run of one
	uni   [][]int32         // lists of characters uniLo to uniHi, by character
	names []string          // stemmed, by number
	buf   []byte
}

const wordBit = 1 << 63

// uniLo and uniHi bound the characters whose lists x.uni holds.
const uniLo, uniHi = 0x3400, 0x9FFF

// lists returns every token's list, the map's and the array's.
func (x *indexer) lists() map[uint64][]int32 {
	for i, l := range x.uni {
		if len(l) > 0 {
			x.posts[uint64(i+uniLo)<<21] = l
		}
	}
	x.uni = nil
	return x.posts
}

func newIndexer() *indexer {
	return &indexer{posts: make(map[uint64][]int32, 1<<12), words: map[string]uint64{}, stems: map[string]uint64{}, alone: map[uint64]bool{}, uni: make([][]int32, uniHi-uniLo+1)}
}

func (x *indexer) add(k uint64, doc int32) {
	if r := k >> 21; k&(1<<21-1) == 0 && r >= uniLo && r <= uniHi && k&wordBit == 0 {
		// The common characters' own lists, without a map.
		l := &x.uni[r-uniLo]
		if len(*l) == 0 || (*l)[len(*l)-1] != doc {
			*l = append(*l, doc)
		}
		return
	}
	l := x.posts[k]
	if len(l) == 0 || l[len(l)-1] != doc {
		x.posts[k] = append(l, doc)
	}
}

// doc adds the tokens of text (as tokens reads them) to passage doc.
func (x *indexer) doc(text string, doc int32) {
	x.buf = x.buf[:0]
	letter := false
	flush := func() {
		if len(x.buf) > 0 && letter {
			k, ok := x.words[string(x.buf)]
			if !ok {
				w := word([]rune(string(x.buf)))
				if k, ok = x.stems[w]; !ok { // else the same stem from another spelling
					k = wordBit | uint64(len(x.names))
					x.names = append(x.names, w)
					x.stems[w] = k
				}
				x.words[string(x.buf)] = k
			}
			x.add(k, doc)
		}
		x.buf, letter = x.buf[:0], false
	}
	var prev rune
	run := 0 // length of the current run of Chinese characters
	for _, r := range text {
		r = fold(r)
		switch {
		case isHan(r):
			flush()
			x.add(uint64(r)<<21, doc)
			if prev != 0 {
				x.add(uint64(prev)<<21|uint64(r), doc)
			}
			prev = r
			run++
			continue
		case isWordChar(r):
			x.buf = utf8.AppendRune(x.buf, r)
			letter = letter || !isDigit(r)
		default:
			flush()
		}
		if run == 1 {
			x.alone[uint64(prev)<<21] = true
		}
		prev, run = 0, 0
	}
	if run == 1 {
		x.alone[uint64(prev)<<21] = true
	}
	flush()
}

// alt adds the tokens of alt, the passage of text in another script. When
// the two differ only in Chinese characters, position for position (as
// OpenCC's conversions mostly do), only the tokens around a character that
// differs are new; otherwise alt is read whole.
func (x *indexer) alt(text, alt string, doc int32) {
	if text == alt {
		return
	}
	// Same characters but for Chinese ones, position for position?
	i, j := 0, 0
	for i < len(text) && j < len(alt) {
		a, n := utf8.DecodeRuneInString(text[i:])
		b, m := utf8.DecodeRuneInString(alt[j:])
		if a != b && (!isHan(fold(a)) || !isHan(fold(b))) {
			break
		}
		i, j = i+n, j+m
	}
	if i < len(text) || j < len(alt) {
		x.doc(alt, doc)
		return
	}
	// The tokens around each character that differs. prevA/prevB are the
	// previous characters, cur the current pair; a token is added once
	// the next character is known, to tell a character standing alone.
	var pa, pb rune // previous characters of text and alt (folded)
	i, j = 0, 0
	for j < len(alt) {
		a, n := utf8.DecodeRuneInString(text[i:])
		b, m := utf8.DecodeRuneInString(alt[j:])
		i, j = i+n, j+m
		a, b = fold(a), fold(b)
		if isHan(b) {
			if a != b {
				x.add(uint64(b)<<21, doc)
				if !isHan(pb) {
					next, _ := utf8.DecodeRuneInString(alt[j:])
					if j >= len(alt) || !isHan(fold(next)) {
						x.alone[uint64(b)<<21] = true
					}
				}
			}
			if isHan(pb) && (a != b || pa != pb) {
				x.add(uint64(pb)<<21|uint64(b), doc)
			}
		}
		pa, pb = a, b
	}
}

// name returns the token a key stands for.
func (x *indexer) name(k uint64) string {
	if k&wordBit != 0 {
		return x.names[k&^wordBit]
	}
	a, b := rune(k>>21), rune(k&(1<<21-1))
	if b == 0 {
		return string(a)
	}
	return string([]rune{a, b})
}

type tokenPosts struct {
	tok  string
	docs []int32
}

// tokenScript writes a token shard, tokens in order, each with its
// passages as differences: {"經濟":[3,1,4],…}. Tokens are Chinese
// characters and word characters, which JSON needs no escape for.
func tokenScript(name string, p []tokenPosts) []byte {
	slices.SortFunc(p, func(a, b tokenPosts) int { return strings.Compare(a.tok, b.tok) })
	n := 32
	for _, t := range p {
		n += len(t.tok) + 6 + 4*len(t.docs)
	}
	b := make([]byte, 0, n)
	b = append(b, "reportsiteSearch("...)
	b = strconv.AppendQuote(b, name)
	b = append(b, ",{"...)
	for i, t := range p {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, t.tok...)
		b = append(b, `":[`...)
		prev := int32(0)
		for j, d := range t.docs {
			if j > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(d-prev), 10)
			prev = d
		}
		b = append(b, ']')
	}
	return append(b, "});\n"...)
}

// Build returns the index files of a corpus: the token and number shards it
// shares (search/<corpus>-t<k>.js, -n<m>.js) and, per language, a head file
// (search/<prefix>.js) and its passages in groups (-d<g>.js). Each file is
// a script that hands its JSON to the global function reportsiteSearch,
// so that a page opened from file:// can load it with a <script> element.
func Build(c Corpus, opt Options) ([]File, error) {
	var files []File
	if err := Emit(c, opt, func(f File) error {
		files = append(files, f)
		return nil
	}); err != nil {
		return nil, err
	}
	return files, nil
}

// Emit makes the files Build returns, in the same order, and hands each to
// emit as soon as it is made, so that a build writing them out does not hold
// them all at once: at 5,000 sections in three languages the token shards
// alone were 68 MB, made beside the passages they index.
func Emit(c Corpus, opt Options, emit func(File) error) error {
	if opt.ShardBytes <= 0 {
		opt.ShardBytes = 96 << 10
	}
	if len(c.Langs) == 0 {
		return nil
	}
	n := len(c.Langs[0].Docs)
	for _, l := range c.Langs {
		if len(l.Docs) != n {
			return fmt.Errorf("search: %s has %d passages, %s %d", l.Prefix, len(l.Docs), c.Langs[0].Prefix, n)
		}
	}
	ix := newIndexer()
	type valueDoc struct {
		v   float64
		doc int
	}
	var vals []valueDoc
	for i := range n {
		first := c.Langs[0].Docs[i].Text
		ix.doc(first, int32(i))
		for _, l := range c.Langs[1:] {
			ix.alt(first, l.Docs[i].Text, int32(i))
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
	// An index that fits in primeMax shards is loaded whole when the
	// reader focuses the box, and search.js then finds a character in the
	// pairs that hold it: the character's own list is left out, unless it
	// also stands alone somewhere (年 in 2021年，).
	isUni := func(k uint64) bool { return k&wordBit == 0 && k&(1<<21-1) == 0 }
	size, lean := 0, 0
	posts := ix.lists()
	for k, l := range posts {
		n := 12 + 3*len(l)
		size += n
		if !isUni(k) || ix.alone[k] {
			lean += n
		}
	}
	unigrams := lean > primeMax*opt.ShardBytes
	if !unigrams {
		size = lean
	}
	shards := 1
	for size/shards > opt.ShardBytes && shards < 1<<12 {
		shards *= 2
	}
	parts := make([][]tokenPosts, shards)
	for k, l := range posts {
		if !unigrams && isUni(k) && !ix.alone[k] {
			continue
		}
		tok := ix.name(k)
		p := &parts[shardOf(tok, shards)]
		*p = append(*p, tokenPosts{tok, l})
	}
	for k, p := range parts {
		name := fmt.Sprintf("%s-t%d", c.Name, k)
		parts[k] = nil
		if err := emit(File{addr.SearchDir + name + ".js", tokenScript(name, p)}); err != nil {
			return err
		}
	}

	// Number files: the values in order, each with its passages, cut into
	// files of about a quarter of ShardBytes (numbers compress less than
	// text); bands[k] is the first and last value of file k.
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
	var all numShard
	for _, x := range vals {
		if k := len(all.V) - 1; k >= 0 && all.V[k] == x.v {
			if l := all.D[k]; l[len(l)-1] != x.doc {
				all.D[k] = append(l, x.doc)
			}
			continue
		}
		all.V = append(all.V, x.v)
		all.D = append(all.D, []int{x.doc})
	}
	var bands [][2]float64
	for i := 0; i < len(all.V); {
		var s numShard
		size := 0
		for ; i < len(all.V) && (size == 0 || size+12+3*len(all.D[i]) <= opt.ShardBytes/4); i++ {
			s.V = append(s.V, all.V[i])
			s.D = append(s.D, delta(all.D[i]))
			size += 12 + 3*len(all.D[i])
		}
		name := fmt.Sprintf("%s-n%d", c.Name, len(bands))
		bands = append(bands, [2]float64{s.V[0], s.V[len(s.V)-1]})
		data, err := script(name, s)
		if err != nil {
			return err
		}
		if err := emit(File{addr.SearchDir + name + ".js", data}); err != nil {
			return err
		}
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
			if err := emit(File{addr.SearchDir + name + ".js", data}); err != nil {
				return err
			}
			group, gsize = nil, 0
			return nil
		}
		for i, d := range l.Docs {
			if len(group) == 0 {
				starts = append(starts, i)
			}
			pair := d.Pair
			if pair == d.Href {
				pair = "" // the usual case: the same page and anchor
			}
			group = append(group, []any{d.Href, d.Section, d.Heading, d.Text, pair})
			gsize += len(d.Href) + len(d.Heading) + len(d.Text) + len(d.Pair) + 16
			if gsize > opt.ShardBytes/2 {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if err := flush(); err != nil {
			return err
		}
		head := map[string]any{
			"corpus":   c.Name,
			"shards":   shards,
			"unigrams": unigrams,
			"bands":    bands,
			"groups":   starts,
			"count":    n,
			"sections": l.Sections,
			"tag":      l.Tag,
			"name":     l.Name,
			"pair":     l.Pair,
		}
		if bands == nil {
			head["bands"] = [][2]float64{}
		}
		data, err := script(l.Prefix, head)
		if err != nil {
			return err
		}
		if err := emit(File{addr.SearchDir + l.Prefix + ".js", data}); err != nil {
			return err
		}
	}
	return nil
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
