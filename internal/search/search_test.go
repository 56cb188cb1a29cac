package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/dop251/goja"
)

func TestNormalize(t *testing.T) {
	r := func(lo, hi float64) Range { return Range{lo, hi} }
	tests := []struct {
		q    string
		want Query
	}{
		{"疫苗接種", Query{Grams: []string{"疫苗", "苗接", "接種"}}},
		{"苗", Query{Grams: []string{"苗"}}},
		{"經濟 發展 經濟", Query{Grams: []string{"經濟", "發展"}}},
		{"Vaccinated", Query{Words: []string{"vaccin"}}},
		{"VACCINATION vaccines", Query{Words: []string{"vaccin"}}},
		{"rates rate rating", Query{Words: []string{"rat"}}},
		{"businesses business", Query{Words: []string{"business"}}},
		{"industries industry", Query{Words: []string{"industr"}}},
		{"ＡＢＣ　１２３", Query{Words: []string{"abc"}, Nums: []Range{r(122.5, 123.5)}}},
		{"79515", Query{Nums: []Range{r(79514.5, 79515.5)}}},
		{"79,515", Query{Nums: []Range{r(79514.5, 79515.5)}}},
		{"7.95萬", Query{Nums: []Range{r(79450, 79550)}}},
		{"7.9515万", Query{Nums: []Range{r(79514.5, 79515.5)}}},
		{"79.5 thousand", Query{Nums: []Range{r(79450, 79550)}}},
		{"2.58億元", Query{Grams: []string{"元"}, Nums: []Range{r(257500000, 258500000)}}},
		{"257.64 million", Query{Nums: []Range{r(257635000, 257645000)}}},
		{"39.2%", Query{Nums: []Range{r(39.15, 39.25)}}},
		{"39.2 percent", Query{Nums: []Range{r(39.15, 39.25)}}},
		{"5G 4s 5th", Query{Words: []string{"5g", "4s", "5th"}}},
		{"COVID-19", Query{Words: []string{"covid"}}},
		{"1-11月份", Query{Grams: []string{"月份"}, Nums: []Range{r(0.5, 1.5), r(10.5, 11.5)}}},
		{"1,2", Query{Nums: []Range{r(0.5, 1.5), r(1.5, 2.5)}}},
		{"", Query{}},
		{"?!。，", Query{}},
	}
	for _, tt := range tests {
		got := Normalize(tt.q)
		if !sameQuery(got, tt.want) {
			t.Errorf("Normalize(%q) = %+v, want %+v", tt.q, got, tt.want)
		}
	}
}

// sameQuery compares queries, ranges to a relative 1e-12.
func sameQuery(a, b Query) bool {
	if !slices.Equal(a.Grams, b.Grams) || !slices.Equal(a.Words, b.Words) || len(a.Nums) != len(b.Nums) {
		return false
	}
	near := func(x, y float64) bool { return x == y || (x-y)*(x-y) <= 1e-24*(x*x+y*y) }
	for i := range a.Nums {
		if !near(a.Nums[i].Lo, b.Nums[i].Lo) || !near(a.Nums[i].Hi, b.Nums[i].Hi) {
			return false
		}
	}
	return true
}

// index is a built index read back, for searching it as search.js does.
type index struct{ r *Reader }

func readIndex(t testing.TB, files []File) index {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	return index{NewReader(fsys)}
}

// search returns the passages of language l that match q, by their Href.
func (ix index) search(t testing.TB, l, q string) []string {
	t.Helper()
	res, err := ix.r.Search(l, q)
	if err != nil {
		t.Fatalf("Search(%s, %q): %v", l, q, err)
	}
	if len(res) == 0 || res[0].Count != len(res[0].Hrefs) && len(res[0].Hrefs) < Shown {
		t.Fatalf("Search(%s, %q) = %+v", l, q, res)
	}
	return res[0].Hrefs
}

func testCorpus() Corpus {
	hant := Lang{Prefix: "zh-hant", Tag: "zh-Hant", Name: "繁體中文", Style: "cjk", Pair: "en", Sections: []string{"一、經濟", "二、民生"}, Docs: []Doc{
		{Href: "economy.html#h-1", Section: 0, Text: "（一）經濟發展"},
		{Href: "economy.html#p-1", Section: 0, Heading: "（一）經濟發展", Text: "一般公共預算總收入25764萬元，比增39.2%。"},
		{Href: "livelihood.html#p-1", Section: 1, Text: "新冠疫苗接種共接種79515人，完成率80.41%。2021年，"},
		{Href: "data.html#tbl-vac", Section: -1, Heading: "疫苗接種", Text: "第一劑次 · 42,587人", Values: []float64{42587}},
		{Href: "about.html#glossary", Section: -1, Text: "規模以上工業 — industrial enterprises above designated size"},
	}}
	hans := hant
	hans.Prefix, hans.Tag, hans.Name = "zh-hans", "zh-Hans", "简体中文"
	hans.Docs = slices.Clone(hant.Docs)
	for i, d := range []string{"（一）经济发展", "一般公共预算总收入25764万元，比增39.2%。", "新冠疫苗接种共接种79515人，完成率80.41%。2021年，", "第一剂次 · 42,587人", "规模以上工业 — industrial enterprises above designated size"} {
		hans.Docs[i].Text = d
	}
	return Corpus{Name: "zh-hant", Langs: []Lang{hant, hans}}
}

func TestBuild(t *testing.T) {
	files, err := Build(testCorpus(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	want := []string{"search/zh-hant-t0.js", "search/zh-hant-n0.js", "search/zh-hant-d0.js", "search/zh-hant.js", "search/zh-hans-d0.js", "search/zh-hans.js"}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("files %v, want %v", paths, want)
	}
	ix := readIndex(t, files)
	tests := []struct {
		lang, q string
		want    []string
	}{
		{"zh-hant", "疫苗接種", []string{"livelihood.html#p-1"}},
		{"zh-hant", "疫苗接种", []string{"livelihood.html#p-1"}},
		{"zh-hans", "疫苗接種", []string{"livelihood.html#p-1"}},
		{"zh-hant", "苗", []string{"livelihood.html#p-1"}},
		{"zh-hant", "劑次", []string{"data.html#tbl-vac"}},
		{"zh-hant", "年", []string{"livelihood.html#p-1"}},
		{"zh-hant", "种", []string{"livelihood.html#p-1"}},
		{"zh-hant", "一", []string{"economy.html#h-1", "economy.html#p-1", "data.html#tbl-vac"}},
		{"zh-hant", "算總收", []string{"economy.html#p-1"}},
		{"zh-hant", "經濟發展", []string{"economy.html#h-1"}},
		{"zh-hant", "7.95萬", []string{"livelihood.html#p-1"}},
		{"zh-hant", "79.5 thousand", []string{"livelihood.html#p-1"}},
		{"zh-hant", "79,515", []string{"livelihood.html#p-1"}},
		{"zh-hant", "8萬", []string{"livelihood.html#p-1"}},
		{"zh-hant", "80000", nil},
		{"zh-hant", "2.58億", []string{"economy.html#p-1"}},
		{"zh-hant", "257.64 million", []string{"economy.html#p-1"}},
		{"zh-hant", "39.2", []string{"economy.html#p-1"}},
		{"zh-hant", "39%", []string{"economy.html#p-1"}},
		{"zh-hant", "40%", nil},
		{"zh-hant", "80%", []string{"livelihood.html#p-1"}},
		{"zh-hant", "42587", []string{"data.html#tbl-vac"}},
		{"zh-hant", "Industrial Enterprises", []string{"about.html#glossary"}},
		{"zh-hans", "規模以上", []string{"about.html#glossary"}},
		{"zh-hant", "疫苗 79515", []string{"livelihood.html#p-1"}},
		{"zh-hant", "量子", nil},
		{"zh-hant", "", nil},
	}
	for _, tt := range tests {
		if got := ix.search(t, tt.lang, tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("search(%s, %q) = %v, want %v", tt.lang, tt.q, got, tt.want)
		}
	}
	var head map[string]any
	if err := json.Unmarshal(bytes.TrimSuffix(bytes.TrimPrefix(files[3].Data, []byte(`reportsiteSearch("zh-hant",`)), []byte(");\n")), &head); err != nil {
		t.Fatal(err)
	}
	if head["pair"] != "en" || head["tag"] != "zh-Hant" || len(head["sections"].([]any)) != 2 {
		t.Errorf("head = %v", head)
	}
	again, _ := Build(testCorpus(), Options{})
	if !reflect.DeepEqual(files, again) {
		t.Error("two builds of the same corpus differ")
	}
}

// TestBuildShards checks that a large corpus is split, and that every
// passage is still found through the shard its token names.
func TestBuildShards(t *testing.T) {
	var docs []Doc
	for i := range 400 {
		docs = append(docs, Doc{Href: fmt.Sprintf("s%d.html#p-1", i), Text: fmt.Sprintf("第%d段：甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥%c%c word%d 數值%d萬", i, rune(0x4E00+i*7), rune(0x4E01+i*7), i, i*3+1)})
	}
	c := Corpus{Name: "x", Langs: []Lang{{Prefix: "x", Style: "cjk", Docs: docs}}}
	files, err := Build(c, Options{ShardBytes: 4 << 10})
	if err != nil {
		t.Fatal(err)
	}
	ix := readIndex(t, files)
	h, err := ix.r.head("x")
	if err != nil {
		t.Fatal(err)
	}
	if h.shards < 4 {
		t.Errorf("%v token shards for %d passages of 4 KiB shards, want several", h.shards, len(docs))
	}
	if len(h.groups) < 4 {
		t.Errorf("%d passage groups, want several", len(h.groups))
	}
	// A one-token query loads the head, one token shard and the passage
	// group of its one result.
	ix.r.Loaded = map[string]int{}
	ix.search(t, "x", "word7")
	if n := ix.r.names(); len(n) != 2 || !strings.HasPrefix(n[0], "x-d") || !strings.HasPrefix(n[1], "x-t") {
		t.Errorf("a one-word query loaded %v, want a passage group and a token shard", n)
	}
	for _, i := range []int{0, 1, 199, 399} {
		want := []string{fmt.Sprintf("s%d.html#p-1", i)}
		q := string([]rune{rune(0x4E00 + i*7), rune(0x4E01 + i*7)})
		if got := ix.search(t, "x", q); !slices.Equal(got, want) {
			t.Errorf("search(%q) = %v, want %v", q, got, want)
		}
		if got := ix.search(t, "x", fmt.Sprintf("word%d", i)); !slices.Equal(got, want) {
			t.Errorf("search(word%d) = %v, want %v", i, got, want)
		}
		if got := ix.search(t, "x", fmt.Sprintf("%d萬", i*3+1)); !slices.Contains(got, want[0]) {
			t.Errorf("search(%d萬) = %v, want it to hold %v", i*3+1, got, want)
		}
	}
}

func TestBuildMismatch(t *testing.T) {
	c := testCorpus()
	c.Langs[1].Docs = c.Langs[1].Docs[:2]
	if _, err := Build(c, Options{}); err == nil {
		t.Error("Build of languages with different passages succeeded")
	}
}

// jsNormalize loads static/search.js into goja, without a document, and
// returns its normalize.
func jsNormalize(t testing.TB) func(string) Query {
	t.Helper()
	src, err := os.ReadFile("../../static/search.js")
	if err != nil {
		t.Fatal(err)
	}
	vm := goja.New()
	if _, err := vm.RunScript("search.js", string(src)); err != nil {
		t.Fatal(err)
	}
	norm, ok := goja.AssertFunction(vm.Get("reportsiteSearch").ToObject(vm).Get("normalize"))
	if !ok {
		t.Fatal("search.js defines no reportsiteSearch.normalize")
	}
	return func(q string) Query {
		v, err := norm(goja.Undefined(), vm.ToValue(q))
		if err != nil {
			t.Fatalf("normalize(%q): %v", q, err)
		}
		var raw struct {
			Grams, Words []string
			Nums         [][2]float64
		}
		b, err := json.Marshal(v.Export())
		if err != nil {
			t.Fatalf("normalize(%q): %v", q, err)
		}
		if err := json.Unmarshal(b, &raw); err != nil {
			t.Fatalf("normalize(%q): %v", q, err)
		}
		out := Query{Grams: raw.Grams, Words: raw.Words}
		for _, n := range raw.Nums {
			out.Nums = append(out.Nums, Range{n[0], n[1]})
		}
		return out
	}
}

// FuzzNormalize checks the query normaliser: it never panics, what it
// returns is well formed, and search.js reads every query the same way.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"疫苗接種", "7.95萬", "79,515", "79.5 thousand", "257.64 million", "39.2%", "COVID-19 5G",
		"Vaccinated rates", "vaccinations vaccination classes ratings rating stated states estate questions question policies applied walked goes quickly glass students née", "ＡＢＣ　１２３", "1-11月份", "1,2,345.6", "𠀀𠀁", "9999999999999999999999999", "1e5", "0.0000001%", "per cent", "5 percentage"} {
		f.Add(s)
	}
	f.Add(strings.Repeat("9", 400))
	f.Add(strings.Repeat("9", 300) + "億")
	js := jsNormalize(f)
	f.Fuzz(func(t *testing.T, q string) {
		if !utf8.ValidString(q) {
			t.Skip("the browser's strings are Unicode")
		}
		got := Normalize(q)
		for _, g := range got.Grams {
			if n := utf8.RuneCountInString(g); n < 1 || n > 2 {
				t.Errorf("Normalize(%q): gram %q of %d characters", q, g, n)
			}
		}
		for _, w := range got.Words {
			if w == "" {
				t.Errorf("Normalize(%q): empty word", q)
			}
		}
		for _, r := range got.Nums {
			if !(r.Lo <= r.Hi) {
				t.Errorf("Normalize(%q): range %v", q, r)
			}
		}
		if want := js(q); !sameQuery(got, want) {
			t.Errorf("Normalize(%q) = %+v, search.js reads %+v", q, got, want)
		}
	})
}

// tokens is the obvious reading of the index tokens of a passage, which
// the indexer must agree with (FuzzIndexer): every character and every
// pair of adjacent characters of each Chinese run, every word. Numbers are
// indexed from numbers.Extract, as the checks read them.
func tokens(text string, add func(string)) {
	var run []rune
	flushWord := func() {
		if len(run) > 0 && hasLetter(run) {
			add(word(run))
		}
		run = run[:0]
	}
	var prev rune // the previous Chinese character, or 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		r = fold(r)
		switch {
		case isHan(r):
			flushWord()
			add(string(r))
			if prev != 0 {
				add(string([]rune{prev, r}))
			}
			prev = r
			continue
		case isWordChar(r):
			run = append(run, r)
		default:
			flushWord()
		}
		prev = 0
	}
	flushWord()
}

// FuzzIndexer checks that the indexer gives a passage the tokens that
// tokens reads, and that a query made of a passage's text finds it.
func FuzzIndexer(f *testing.F) {
	for _, s := range []string{"一般公共預算總收入25764萬元", "Vaccinated rates COVID-19 5G", "經濟 發展，ＡＢＣ", "a\xffb中"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := map[string]bool{}
		tokens(text, func(s string) { want[s] = true })
		x := newIndexer()
		x.doc(text, 0)
		got := map[string]bool{}
		for k := range x.lists() {
			got[x.name(k)] = true
		}
		if !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("indexer(%q) = %v, tokens = %v", text, got, want)
		}
		if !utf8.ValidString(text) {
			return
		}
		nq := Normalize(text)
		for _, tok := range append(slices.Clone(nq.Grams), nq.Words...) {
			if !got[tok] {
				t.Errorf("query %q looks up %q, which its own text is not indexed under (%v)", text, tok, got)
			}
		}
	})
}

// FuzzIndexerAlt checks that a passage and its text in another script get
// the tokens of both, the shortcut for characters that differ included.
func FuzzIndexerAlt(f *testing.F) {
	f.Add("一般公共預算總收入25764萬元，疫苗接種", "一般公共预算总收入25764万元，疫苗接种")
	f.Add("經濟 ab", "经济 ab")
	f.Add("經濟", "经济发展")
	f.Fuzz(func(t *testing.T, a, b string) {
		want := map[string]bool{}
		tokens(a, func(s string) { want[s] = true })
		tokens(b, func(s string) { want[s] = true })
		x := newIndexer()
		x.doc(a, 0)
		x.alt(a, b, 0)
		got := map[string]bool{}
		for k := range x.lists() {
			got[x.name(k)] = true
		}
		if !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("indexer(%q, %q) = %v, tokens = %v", a, b, got, want)
		}
		// A character standing alone is known as such, or a query for it
		// would miss the passage in a small index (which has no list of
		// its own for a character that pairs hold).
		for _, text := range []string{a, b} {
			rs := []rune(text)
			for i, r := range rs {
				r = fold(r)
				han := func(k int) bool { return k >= 0 && k < len(rs) && isHan(fold(rs[k])) }
				if isHan(r) && !han(i-1) && !han(i+1) && !x.alone[uint64(r)<<21] {
					t.Errorf("indexer(%q, %q): %q stands alone in %q but is not marked so", a, b, r, text)
				}
			}
		}
	})
}

// TestEmit: Emit hands over the files Build returns, in the same order, one
// at a time, and stops at the first error of emit.
func TestEmit(t *testing.T) {
	var docs []Doc
	for i := range 200 {
		docs = append(docs, Doc{Href: fmt.Sprintf("s%d.html", i), Text: fmt.Sprintf("第%d段%c word%d %d萬", i, rune(0x4E00+i*5), i, i+1)})
	}
	c := Corpus{Name: "x", Langs: []Lang{{Prefix: "x", Style: "cjk", Docs: docs}}}
	opt := Options{ShardBytes: 2 << 10}
	want, err := Build(c, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 6 {
		t.Fatalf("%d files, want several of each kind", len(want))
	}
	var got []File
	if err := Emit(c, opt, func(f File) error { got = append(got, f); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Emit handed over %d files, Build returned %d: not the same files in the same order", len(got), len(want))
	}
	stop := fmt.Errorf("disk full")
	n := 0
	err = Emit(c, opt, func(File) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 {
		t.Errorf("Emit with a failing emit: %v after %d files, want %v after 3", err, n, stop)
	}
}
