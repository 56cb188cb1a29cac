package linkcheck

// This file holds the scanner to golang.org/x/net/html: FuzzScan
// (fuzz_test.go) and TestScanPages compare it with xnetScan, the scanner as
// it was before the lexer (package htmllex), on the tokenizer.

import (
	"bytes"
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

// TestScanPages checks the scanner against xnetScan on the pages of the
// benchmark site and the real site's pages, if built in realSite.
func TestScanPages(t *testing.T) {
	site := genSite(3)
	pages := [][]byte{site["en/s0001.html"], site["zh-hant/report.html"], site["en/index.html"]}
	pages = append(pages, realPages(realSite, 1000)...)
	for i, data := range pages {
		checkScan(t, "en/a.html", data, uint64(i))
	}
}
