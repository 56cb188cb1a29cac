package linkcheck

// This file holds the lexer to golang.org/x/net/html: FuzzLexer compares the
// start tags it finds with the tokenizer's, and FuzzScan (fuzz_test.go) and
// TestLexerPages compare the scanner with xnetScan, the scanner as it was
// before the lexer, on the tokenizer.

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/net/html"
)

// xnetScan scans an HTML page with the tokenizer of x/net/html, as the
// scanner did before the lexer: an oracle for the lexer and its window.
func xnetScan(p string, data []byte) scanned {
	s := scanner{page: p, dir: path.Dir(p)}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return s.result()
		case html.StartTagToken, html.SelfClosingTagToken:
			var a attrs
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				if bit := attrBit(k); bit != 0 {
					a.has |= bit
					*a.value(bit) = v
				}
			}
			if a.has != 0 {
				name, _ := z.TagName()
				s.element(element(name), &a)
			}
		}
	}
}

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
func lexTagOf(b []byte, l *lexer) lexTag {
	name := bytes.ReplaceAll(b[l.name.start:l.name.end], []byte{0}, []byte("\ufffd"))
	t := lexTag{name: string(asciiLower(name))}
	seen := map[string]bool{}
	for _, a := range l.attrs {
		raw := string(asciiLower(slices.Clone(b[a.key.start:a.key.end])))
		if seen[raw] {
			continue
		}
		seen[raw] = true
		key := strings.ReplaceAll(raw, "\x00", "\ufffd")
		t.attrs = append(t.attrs, html.Attribute{Key: key, Val: string(attrValue(b[a.val.start:a.val.end]))})
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
	var l lexer
	for l.next(data, true) {
		tags = append(tags, lexTagOf(data, &l))
	}
	return tags
}

// lexTagsChunked returns the start tags the lexer finds in data given in
// chunks of the sizes of sizes (cycled), keeping the unfinished tail as
// scanner.scan does but in a window no larger than needed.
func lexTagsChunked(data []byte, sizes []int) []lexTag {
	var tags []lexTag
	var l lexer
	var b []byte
	for k := 0; ; k++ {
		n := min(sizes[k%len(sizes)], len(data))
		b = append(b, data[:n]...)
		data = data[n:]
		eof := len(data) == 0
		for l.next(b, eof) {
			tags = append(tags, lexTagOf(b, &l))
		}
		if eof {
			return tags
		}
		b = slices.Clone(b[l.pos:])
		l.pos = 0
	}
}

// lexSeeds are tricky pages for the lexer.
var lexSeeds = []string{
	``, `<`, `<a`, `<a>`, `<a `, `<a/`, `<a x`, `<a x=`, `<a x='`, `<a x=y`, `<a x=y `, `<A HREF=X>`,
	`<a href="x" HREF='y' hReF=z>`, `<a x=y/><b/ c><c / d><d x= / ><e x =y><f x= >`, `<g =x><h ==x><i x==y>`,
	`<a x="a>b" y='c"d' z=e"f'g>`, "<a\tx\ny\rz\fw>", "<a\x00b c\x00d=\"e\x00f\" id=\"a\x00\r\nb\rc\">",
	`<a href="&amp;&lt;&gt;&quot;&#39;&#x27;&#X3c;&#0;&#128;&#xD800;&#1114112;">`,
	`<a href="&amp=&ampx &amp &amp;x &notin; &notit; &noti &#; &#x; &# &#x &">`, `<a href='&amp"&lt'>`,
	`<a href=&amp;&quot"'&amp>`, `<a id="&fjlig;&NotEqualTilde;&nbsp;&nbsp&nbspx&nbsp=">`,
	`<!-- <a href=x> --><b id=1>`, `<!--><a id=2>`, `<!---><a id=3>`, `<!----><a id=4>`, `<!--x--!><a id=5>`,
	`<!--x--!-><a id=6>-->`, `<!--x--!x><a id=7>-->`, `<!-- -- ><a id=8> -->`, `<!--`, `<!-`, `<!`, `<!>`, `<!>x<a>`,
	`<!doctype html><a>`, `<!DOCTYPE`, `<!DOCTYPE a>b<c>`, `<!x<a id=9>>`, `<?xml <a>?><b>`, `</>`, `</><a>`,
	`</ a><b>`, `</a x="<b>"><c>`, `</a`, `</1<a>>`, `<1<a>`, `<<a>`, `< a><b>`, `<a<b>`, `<a/b>`,
	`<script><a></script><b>`, `<script><a></script x="</script>"><b>`, `<SCRIPT><a></ScRiPt><b>`, `<script><a></scripty><c></script><b>`,
	`<script><!--<a></script><b>`, `<script><!--<script><a></script><c>--></script><b>`, `<script><!--<script>--><a></script><b>`,
	`<script><!--<script><a></script>--><c></script><b>`, `<script><!--<scripT><a></script`, `<script><!-->--><a></script><b>`,
	`<script><!---<a></script><b>`, `<script></script`, `<script></script/><b>`, `<script/><a></script><b>`,
	`<style><a></style ><b>`, `<title><a></title><b>`, `<textarea><a></textarea\n><b>`, `<xmp><a></xmp><b>`, `<iframe><a></iframe><b>`,
	`<noembed><a></noembed><b>`, `<noframes><a></noframes><b>`, `<noscript><a></noscript><b>`, `<plaintext><a></plaintext><b>`,
	`<title><a></titl><b></title><c>`, `<title></</title><b>`, `<title><</title><b>`, `<style></sty`,
	`<a id=x` + "\u00c0" + `><` + "\u00c0" + `>`, `<a b c d e f g h i j id=1 id=2>`,
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
const realSite = "../../public"

// FuzzLexer checks that the lexer finds exactly the start tags, names and
// attributes that the tokenizer of x/net/html finds, whether it gets its
// input at once or in chunks, and that the scanner on the lexer finds what
// it found on the tokenizer.
func FuzzLexer(f *testing.F) {
	for _, s := range lexSeeds {
		f.Add([]byte(s), uint64(1))
	}
	page := genSite(2)["en/s0001.html"]
	f.Add(page[:min(len(page), 3000)], uint64(7))
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
		checkScan(t, "en/a.html", data, seed)
	})
}

func lexTagEqual(a, b lexTag) bool {
	return a.name == b.name && slices.Equal(a.attrs, b.attrs)
}

// checkScan checks that scanning data as the page p gives what xnetScan
// gives, from the bytes and from a reader of chunks of random sizes.
func checkScan(t *testing.T, p string, data []byte, seed uint64) {
	t.Helper()
	want := xnetScan(p, data)
	got := scanFile(p, data, nil)
	if !sameScan(got, want) {
		t.Fatalf("scanFile(%q) = %+v\nxnetScan = %+v", data, got, want)
	}
	r := rand.New(rand.NewPCG(seed, 3))
	for _, rd := range []io.Reader{
		iotest.OneByteReader(bytes.NewReader(data)),
		&chunkReader{data: data, r: r},
		iotest.DataErrReader(&chunkReader{data: data, r: r}),
	} {
		got := scanPage(p, rd, nil)
		if !sameScan(got, want) {
			t.Fatalf("scanPage(%q) = %+v\nxnetScan = %+v", data, got, want)
		}
	}
}

func sameScan(a, b scanned) bool {
	if len(a.ids) != len(b.ids) || !slices.Equal(a.probs, b.probs) || !slices.Equal(a.refs, b.refs) {
		return false
	}
	for id := range a.ids {
		if _, ok := b.ids[id]; !ok {
			return false
		}
	}
	return true
}

// chunkReader reads data in chunks of random sizes, some empty.
type chunkReader struct {
	data []byte
	r    *rand.Rand
}

func (c *chunkReader) Read(b []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := copy(b, c.data[:min(len(c.data), c.r.IntN(5000))])
	c.data = c.data[n:]
	return n, nil
}

// TestLexerPages runs the checks of FuzzLexer on the seeds, the pages of the
// benchmark site and the real site's pages, if built in realSite.
func TestLexerPages(t *testing.T) {
	var pages [][]byte
	for _, s := range lexSeeds {
		pages = append(pages, []byte(s))
	}
	site := genSite(3)
	for _, p := range []string{"en/s0001.html", "zh-hant/report.html", "en/index.html"} {
		pages = append(pages, site[p])
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
		checkScan(t, "en/a.html", data, uint64(i))
	}
}

// TestScanLongTokens streams pages whose comment, script or text spans many
// windows of scanner.scan.
func TestScanLongTokens(t *testing.T) {
	long := strings.Repeat("x<y-->-- <!-- </scrip", 20000)
	for _, s := range []string{
		`<a id=1><!--` + long + `--><a id=2>`,
		`<a id=1><script>` + long + `</script><a id=2>`,
		`<a id=1><script><!--<script>` + long + `</script>--></script><a id=2>`,
		`<a id=1><textarea>` + long + `</textarea><a id=2>`,
		`<a id=1><a title="` + long + `" id=3><a id=2>`,
		`<a id=1>` + strings.Repeat("x < y -- &amp; <", 30000) + `<a id=2>`,
	} {
		checkScan(t, "a.html", []byte(s), 1)
		if got := scanFile("a.html", []byte(s), nil); len(got.ids) < 2 {
			t.Errorf("%.40q…: ids %v", s, got.ids)
		}
	}
}
