package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"

	"reportsite/internal/addr"
)

// What static/search.js loads and shows; Reader follows the same rules.
const (
	// MaxTokens is how many of a query's tokens are looked up: for a
	// longer query, that many spread over it, each a shard file at most.
	MaxTokens = 4
	// Shown is how many results of the page's language are shown (and
	// their passage groups loaded); ShownOther, of the paired language.
	Shown      = 20
	ShownOther = 10
	// primeMax: a language whose index has at most this many token
	// shards, number files or passage groups loads them all on focus.
	primeMax = 2
)

// Reader searches a built index as static/search.js does, and records
// the files it loads: for tests, and for `make bench` to weigh a query.
type Reader struct {
	fsys   fs.FS
	files  map[string]any
	Loaded map[string]int // file name (without search/ and .js) → bytes
}

// NewReader reads the index from fsys, the site's root.
func NewReader(fsys fs.FS) *Reader {
	return &Reader{fsys: fsys, files: map[string]any{}, Loaded: map[string]int{}}
}

// Result is one language's results of a query.
type Result struct {
	Prefix string   // the language's folder
	Count  int      // passages found
	Hrefs  []string // of those shown, from the language's folder
}

func (r *Reader) load(name string) (any, error) {
	if v, ok := r.files[name]; ok {
		return v, nil
	}
	data, err := fs.ReadFile(r.fsys, addr.SearchDir+name+".js")
	if err != nil {
		r.files[name] = nil
		return nil, nil // search.js carries on without a file that fails to load
	}
	r.Loaded[name] = len(data)
	prefix := "reportsiteSearch(" + jsonString(name) + ","
	if !bytes.HasPrefix(data, []byte(prefix)) || !bytes.HasSuffix(data, []byte(");\n")) {
		return nil, fmt.Errorf("%s%s.js: not a reportsiteSearch call", addr.SearchDir, name)
	}
	var v any
	if err := json.Unmarshal(data[len(prefix):len(data)-3], &v); err != nil {
		return nil, fmt.Errorf("%s%s.js: %w", addr.SearchDir, name, err)
	}
	r.files[name] = v
	return v, nil
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

type head struct {
	corpus   string
	shards   int
	unigrams bool // false: a character's passages are those of the pairs that hold it
	bands    [][2]float64
	groups   []int
	pair     string
}

func (r *Reader) head(prefix string) (*head, error) {
	v, err := r.load(prefix)
	if err != nil || v == nil {
		return nil, err
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s%s.js: not an object", addr.SearchDir, prefix)
	}
	h := &head{}
	h.corpus, _ = m["corpus"].(string)
	h.pair, _ = m["pair"].(string)
	h.unigrams, _ = m["unigrams"].(bool)
	if f, ok := m["shards"].(float64); ok {
		h.shards = int(f)
	}
	bands, _ := m["bands"].([]any)
	for _, b := range bands {
		if p, ok := b.([]any); ok && len(p) == 2 {
			lo, _ := p[0].(float64)
			hi, _ := p[1].(float64)
			h.bands = append(h.bands, [2]float64{lo, hi})
		}
	}
	groups, _ := m["groups"].([]any)
	for _, g := range groups {
		f, _ := g.(float64)
		h.groups = append(h.groups, int(f))
	}
	if h.shards < 1 || len(h.groups) == 0 {
		return nil, fmt.Errorf("%s%s.js: no shards or groups", addr.SearchDir, prefix)
	}
	return h, nil
}

// Search runs query q on the page of language prefix: its own results and
// then those of its paired language, as the search box shows them.
func (r *Reader) Search(prefix, q string) ([]Result, error) {
	h, err := r.head(prefix)
	if err != nil || h == nil {
		return nil, err
	}
	langs := []string{prefix}
	heads := []*head{h}
	if h.pair != "" {
		if ph, err := r.head(h.pair); err != nil {
			return nil, err
		} else if ph != nil {
			langs, heads = append(langs, h.pair), append(heads, ph)
		}
	}
	// On focus: the whole index of a small site.
	for i, h := range heads {
		if h.shards <= primeMax {
			for k := range h.shards {
				r.load(fmt.Sprintf("%s-t%d", h.corpus, k))
			}
		}
		if len(h.groups) <= primeMax {
			for k := range h.groups {
				r.load(fmt.Sprintf("%s-d%d", langs[i], k))
			}
		}
		if len(h.bands) <= primeMax {
			for k := range h.bands {
				r.load(fmt.Sprintf("%s-n%d", h.corpus, k))
			}
		}
	}
	nq := Normalize(q)
	var out []Result
	for i, h := range heads {
		docs, err := r.match(h, nq)
		if err != nil {
			return nil, err
		}
		res := Result{Prefix: langs[i], Count: len(docs)}
		shown := Shown
		if i > 0 {
			shown = ShownOther
		}
		for _, d := range docs[:min(len(docs), shown)] {
			g := 0
			for g+1 < len(h.groups) && h.groups[g+1] <= d {
				g++
			}
			v, err := r.load(fmt.Sprintf("%s-d%d", langs[i], g))
			if err != nil {
				return nil, err
			}
			grp, _ := v.([]any)
			if k := d - h.groups[g]; k < len(grp) {
				if p, ok := grp[k].([]any); ok && len(p) > 0 {
					href, _ := p[0].(string)
					res.Hrefs = append(res.Hrefs, href)
				}
			}
		}
		out = append(out, res)
	}
	return out, nil
}

// Corpus returns the corpus whose shards the language of prefix searches,
// or "" when its head file is missing or broken.
func (r *Reader) Corpus(prefix string) string {
	if h, err := r.head(prefix); err == nil && h != nil {
		return h.corpus
	}
	return ""
}

// Tokens returns the tokens of nq that search.js looks up.
func (nq Query) Tokens() []string {
	t := append(slices.Clone(nq.Grams), nq.Words...)
	if len(t) <= MaxTokens {
		return t
	}
	out := make([]string, MaxTokens)
	for i := range out {
		// Math.round of a non-negative number: half up.
		out[i] = t[(2*i*(len(t)-1)+(MaxTokens-1))/(2*(MaxTokens-1))]
	}
	return out
}

func (r *Reader) match(h *head, nq Query) ([]int, error) {
	var sets [][]int
	for _, tok := range nq.Tokens() {
		if !h.unigrams && isOneHan(tok) {
			// The pairs that hold the character, and the character
			// where it stands alone, from every shard.
			var docs []int
			for k := range h.shards {
				v, err := r.load(fmt.Sprintf("%s-t%d", h.corpus, k))
				if err != nil {
					return nil, err
				}
				shard, _ := v.(map[string]any)
				for key, l := range shard {
					if strings.Contains(key, tok) && isHan([]rune(key)[0]) {
						l, _ := l.([]any)
						docs = append(docs, undelta(l)...)
					}
				}
			}
			slices.Sort(docs)
			sets = append(sets, slices.Compact(docs))
			continue
		}
		v, err := r.load(fmt.Sprintf("%s-t%d", h.corpus, shardOf(tok, h.shards)))
		if err != nil {
			return nil, err
		}
		shard, _ := v.(map[string]any)
		l, ok := shard[tok].([]any)
		if !ok {
			return nil, nil
		}
		sets = append(sets, undelta(l))
	}
	for _, rg := range nq.Nums {
		var docs []int
		for k, b := range h.bands {
			eps := 1e-9 * max(abs(rg.Lo), abs(rg.Hi))
			if b[1] < rg.Lo-eps || b[0] > rg.Hi+eps {
				continue
			}
			v, err := r.load(fmt.Sprintf("%s-n%d", h.corpus, k))
			if err != nil {
				return nil, err
			}
			s, _ := v.(map[string]any)
			vals, _ := s["v"].([]any)
			ds, _ := s["d"].([]any)
			for i, x := range vals {
				if f, _ := x.(float64); f >= rg.Lo-eps && f <= rg.Hi+eps && i < len(ds) {
					l, _ := ds[i].([]any)
					docs = append(docs, undelta(l)...)
				}
			}
		}
		slices.Sort(docs)
		sets = append(sets, slices.Compact(docs))
	}
	if len(sets) == 0 {
		return nil, nil
	}
	found := sets[0]
	for _, s := range sets[1:] {
		found = slices.DeleteFunc(found, func(d int) bool { _, ok := slices.BinarySearch(s, d); return !ok })
	}
	return found, nil
}

// isOneHan reports whether tok is a single Chinese character.
func isOneHan(tok string) bool {
	r, n := utf8.DecodeRuneInString(tok)
	return n == len(tok) && isHan(r)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func undelta(l []any) []int {
	out := make([]int, 0, len(l))
	v := 0
	for _, d := range l {
		f, _ := d.(float64)
		v += int(f)
		out = append(out, v)
	}
	return out
}
