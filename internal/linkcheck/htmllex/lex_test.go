package htmllex

// The lexer is held to the tokenizer of golang.org/x/net/html: FuzzLexer
// and TestLexerPages compare the start tags it finds with the tokenizer's.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// lexTag is a start tag as the tokenizer gives it.
type lexTag struct {
	name  string
	attrs []html.Attribute // Key and Val only
}

func (t lexTag) String() string { return fmt.Sprintf("%q %q", t.name, t.attrs) }

// xnetTags returns the start tags of data as the tokenizer gives them.
func xnetTags(r io.Reader) []lexTag {
	var tags []lexTag
	z := html.NewTokenizer(r)
	for {
		switch z.Next() {
		case html.ErrorToken:
			return tags
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			t := lexTag{name: string(name)}
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				if k != nil {
					t.attrs = append(t.attrs, html.Attribute{Key: string(k), Val: string(v)})
				}
			}
			tags = append(tags, t)
		}
	}
}

// lexTagOf is the tag l found in b as the tokenizer gives it: the name and
// keys lower-cased with NUL replaced, the first of repeated keys, and the
// values as attrValue decodes them.
func lexTagOf(b []byte, l *Lexer) lexTag {
	name := bytes.ReplaceAll(b[l.Name.Start:l.Name.End], []byte{0}, []byte("\ufffd"))
	t := lexTag{name: string(asciiLower(name))}
	seen := map[string]bool{}
	for _, a := range l.Attrs {
		raw := string(asciiLower(slices.Clone(b[a.Key.Start:a.Key.End])))
		if seen[raw] {
			continue
		}
		seen[raw] = true
		key := strings.ReplaceAll(raw, "\x00", "\ufffd")
		t.attrs = append(t.attrs, html.Attribute{Key: key, Val: string(AttrValue(b[a.Val.Start:a.Val.End]))})
	}
	return t
}

func asciiLower(b []byte) []byte {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return b
}

// lexTags returns the start tags the lexer finds in data, whole.
func lexTags(data []byte) []lexTag {
	var tags []lexTag
	var l Lexer
	for l.Next(data, true) {
		tags = append(tags, lexTagOf(data, &l))
	}
	return tags
}

// lexTagsChunked returns the start tags the lexer finds in data given in
// chunks of the sizes of sizes (cycled), keeping the unfinished tail as
// scanner.scan does but in a window no larger than needed.
func lexTagsChunked(data []byte, sizes []int) []lexTag {
	var tags []lexTag
	var l Lexer
	var b []byte
	for k := 0; ; k++ {
		n := min(sizes[k%len(sizes)], len(data))
		b = append(b, data[:n]...)
		data = data[n:]
		eof := len(data) == 0
		for l.Next(b, eof) {
			tags = append(tags, lexTagOf(b, &l))
		}
		if eof {
			return tags
		}
		b = slices.Clone(b[l.Pos:])
		l.Pos = 0
	}
}

// seeds returns tricky pages for the lexer, from testdata/seeds.json, which
// the scanner's tests in package linkcheck read too.
func seeds(t testing.TB, file string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// realPages returns a few pages of the real site in dir, if it has been built there.
func realPages(dir string, n int) [][]byte {
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.html"))
	more, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	paths = append(more, paths...)
	var pages [][]byte
	for _, p := range paths {
		if len(pages) == n {
			break
		}
		if data, err := os.ReadFile(p); err == nil {
			pages = append(pages, data)
		}
	}
	return pages
}

// realSite is where `make site` builds the real report; when it is there,
// its pages join the handmade cases (the tests pass without them).
const realSite = "../../../public"

// FuzzLexer checks that the lexer finds exactly the start tags, names and
// attributes that the tokenizer of x/net/html finds, whether it gets its
// input at once or in chunks.
func FuzzLexer(f *testing.F) {
	for _, s := range seeds(f, "testdata/seeds.json") {
		f.Add([]byte(s), uint64(1))
	}
	for _, p := range realPages(realSite, 4) {
		f.Add(p[:min(len(p), 4000)], uint64(len(p)))
	}
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		want := xnetTags(bytes.NewReader(data))
		if got := lexTags(data); !slices.EqualFunc(got, want, lexTagEqual) {
			t.Fatalf("lexer:\n%v\ntokenizer:\n%v", got, want)
		}
		r := rand.New(rand.NewPCG(seed, seed>>32))
		sizes := []int{1 + r.IntN(8), 1 + r.IntN(64), 1 + r.IntN(3)}
		if got := lexTagsChunked(data, sizes); !slices.EqualFunc(got, want, lexTagEqual) {
			t.Fatalf("lexer in chunks of %v:\n%v\ntokenizer:\n%v", sizes, got, want)
		}
	})
}

func lexTagEqual(a, b lexTag) bool {
	return a.name == b.name && slices.Equal(a.attrs, b.attrs)
}

// TestLexerPages runs the checks of FuzzLexer on the seeds and the real
// site's pages, if built in realSite.
func TestLexerPages(t *testing.T) {
	var pages [][]byte
	for _, s := range seeds(t, "testdata/seeds.json") {
		pages = append(pages, []byte(s))
	}
	real := realPages(realSite, 1000)
	t.Logf("%d pages of %s", len(real), realSite)
	pages = append(pages, real...)
	for i, data := range pages {
		want := xnetTags(bytes.NewReader(data))
		if got := lexTags(data); !slices.EqualFunc(got, want, lexTagEqual) {
			t.Fatalf("page %d: lexer:\n%v\ntokenizer:\n%v", i, got, want)
		}
		if got := lexTagsChunked(data, []int{1, 7, 100}); !slices.EqualFunc(got, want, lexTagEqual) {
			t.Fatalf("page %d: lexer in chunks:\n%v\ntokenizer:\n%v", i, got, want)
		}
	}
}
