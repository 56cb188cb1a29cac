package site

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"reportsite/internal/check/punct"
	"reportsite/internal/content"
	"reportsite/internal/lang"
)

// pageTexts calls fn with each text a reader sees on an HTML page (text
// nodes, and alt, title and aria-label attributes) and the language tag of
// the element it belongs to. Scripts, styles and verbatim quotations (code,
// samp, kbd, pre) are left out: they are not written in the page's language.
func pageTexts(page []byte, fn func(text, tag string)) error {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return err
	}
	var walk func(n *html.Node, tag string)
	walk = func(n *html.Node, tag string) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "code", "samp", "kbd", "pre", "template":
				return
			}
			for _, a := range n.Attr {
				if a.Key == "lang" {
					tag = a.Val
				}
			}
			for _, a := range n.Attr {
				if a.Key == "alt" || a.Key == "title" || a.Key == "aria-label" {
					fn(a.Val, tag)
				}
			}
		}
		if n.Type == html.TextNode {
			fn(n.Data, tag)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, tag)
		}
	}
	walk(doc, "")
	return nil
}

// TestRealSitePunctuation reads every built page of the real report: no
// full-width punctuation in English text, no ASCII punctuation beside
// Chinese in Chinese text, one quotation style per language, in the content
// and in the templates' own words alike.
func TestRealSitePunctuation(t *testing.T) {
	s, _ := content.Load(os.DirFS("../../content"))
	if s == nil {
		t.Fatal("content.Load failed")
	}
	langOf := func(tag string) (lang.Lang, bool) {
		for _, l := range s.Languages {
			if strings.EqualFold(l.Tag, tag) {
				return l, true
			}
		}
		return lang.Lang{}, false
	}
	var q punct.QuoteStyle
	out := realBuild(t)
	pages := 0
	for _, p := range out.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		err := pageTexts(out[p], func(text, tag string) {
			l, ok := langOf(tag)
			if !ok {
				return
			}
			for _, pr := range append(punct.Marks(text, l), q.Check(text, l, p)...) {
				t.Errorf("%s: %s: …%s…", p, pr.Msg, snippet(text, pr.Off))
			}
		})
		if err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if pages < 20 {
		t.Errorf("read %d pages, want the whole site", pages)
	}
}

func snippet(s string, off int) string {
	a, b := max(0, off-12), min(len(s), off+12)
	for a > 0 && !isBoundary(s, a) {
		a--
	}
	for b < len(s) && !isBoundary(s, b) {
		b++
	}
	return s[a:b]
}

func isBoundary(s string, i int) bool { return i == 0 || i == len(s) || s[i]&0xC0 != 0x80 }

// TestPageTextsFindsProblems shows that the page reader sees what the rule
// must catch: hidden link text, captions and UI words, and skips quotations.
func TestPageTextsFindsProblems(t *testing.T) {
	page := `<!doctype html><html lang="en"><body><p>Publisher：X</p><a>Read<span class="visually-hidden">：Y</span></a>` +
		`<div lang="zh-Hant"><p>下載: CSV</p><p>主要經濟指標 (2021年)</p><samp>品質名城?現代都市</samp></div>` +
		`<p>"a" and “b”</p></body></html>`
	zh := lang.Lang{Tag: "zh-Hant", Numbers: lang.StyleCJK}
	en := lang.Lang{Tag: "en", Numbers: lang.StyleWestern}
	var q punct.QuoteStyle
	var got []string
	err := pageTexts([]byte(page), func(text, tag string) {
		l := en
		if tag == "zh-Hant" {
			l = zh
		}
		for _, pr := range append(punct.Marks(text, l), q.Check(text, l, "page")...) {
			got = append(got, pr.Mark)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "：,：,:,(,),“,”"
	if strings.Join(got, ",") != want {
		t.Errorf("problems found = %s, want %s", strings.Join(got, ","), want)
	}
}
