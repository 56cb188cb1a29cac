package linkcheck

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// benchLangs are the languages of the synthetic site: one folder each.
var benchLangs = []struct{ dir, other, word string }{
	{"en", "zh-hant", "progress "},
	{"zh-hant", "en", "經濟發展穩中提質"},
}

// genSite returns a synthetic built site shaped like the output of
// internal/site: per language, a page of 7–11 KB per section (head, header,
// navigation, a table of contents, headings with ids, tables, a figure and
// links to other sections with fragments), an index linking every section,
// and two long pages (the whole report and a side-by-side version, 6–10 MB
// with 1,000 sections) that repeat every section with prefixed ids. A few
// static files complete the site. Exactly two links are broken, so Check
// reports two problems.
func genSite(sections int) map[string][]byte {
	r := rand.New(rand.NewPCG(1, 2))
	files := map[string][]byte{
		"index.html":           []byte(`<!doctype html><title>x</title><a href="en/index.html">en</a><a href="zh-hant/index.html">zh</a>`),
		"static/site.css":      []byte(`body{font:16px/1.5 system-ui}.hero{background:url("img/hero.png")}@import "print.css";`),
		"static/print.css":     []byte(`@media print{nav{display:none}}`),
		"static/offline.js":    []byte(`"use strict";`),
		"static/img/hero.png":  []byte("PNG"),
		"manifest.webmanifest": []byte(`{}`),
	}
	for i := 1; i <= sections; i++ {
		files[fmt.Sprintf("static/img/c%04d.svg", i)] = []byte("<svg/>")
	}
	text := func(b *strings.Builder, word string, n int) {
		for range n {
			b.WriteString(word)
		}
	}
	// body writes the article of section i; prefix distinguishes the ids of
	// the long pages, where every section appears once.
	body := func(b *strings.Builder, lang, word string, i int, prefix string) {
		fmt.Fprintf(b, "<section id=\"%ss%04d\" aria-labelledby=\"%ss%04d-t\">\n<h1 id=\"%ss%04d-t\">%d. Section</h1>\n", prefix, i, prefix, i, prefix, i, i)
		fmt.Fprintf(b, "<details class=\"page-toc\" open>\n<summary>On this page</summary>\n<nav aria-label=\"On this page\">\n<ol class=\"toc\">\n")
		for h := 1; h <= 3; h++ {
			fmt.Fprintf(b, "<li class=\"toc-2\"><a href=\"#%sh-%d\">(%d) Heading</a></li>\n", prefix, h, h)
		}
		b.WriteString("</ol>\n</nav>\n</details>\n")
		for h := 1; h <= 3; h++ {
			fmt.Fprintf(b, "<h2 id=\"%sh-%d\">(%d) Heading</h2>\n", prefix, h, h)
			for range 3 {
				b.WriteString("<p><strong>First, coordination at the source.</strong> ")
				text(b, word, 20+r.IntN(20))
				other := 1 + r.IntN(sections)
				fmt.Fprintf(b, " See <a href=\"s%04d.html#h-%d\">section %d</a>.</p>\n\n", other, 1+r.IntN(3), other)
			}
			fmt.Fprintf(b, "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Table %d\">\n<table>\n<thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">2022</th><th scope=\"col\">2023</th></tr></thead>\n<tbody>\n", h)
			for range 6 {
				fmt.Fprintf(b, "<tr><th scope=\"row\">New jobs</th><td class=\"num\">%d</td><td class=\"num\">%d.%d%%</td></tr>\n", r.IntN(10000), r.IntN(100), r.IntN(10))
			}
			b.WriteString("</tbody>\n</table>\n</div>\n")
		}
		fmt.Fprintf(b, "<figure class=\"chart\"><img src=\"../static/img/c%04d.svg\" alt=\"\" width=\"640\" height=\"360\" loading=\"lazy\"><figcaption>Figure %d</figcaption></figure>\n", i, i)
		fmt.Fprintf(b, "<p class=\"data-links\"><a href=\"../%s/s%04d.html#h-1\" hreflang=\"%s\">Other language</a></p>\n</section>\n", otherLang(lang), i, otherLang(lang))
	}
	page := func(b *strings.Builder, lang, name, class string) {
		fmt.Fprintf(b, `<!doctype html>
<html lang="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s · Synthetic report</title>
<link rel="stylesheet" href="../static/site.css">
<link rel="alternate" hreflang="%s" href="../%s/%s">
<link rel="manifest" href="../manifest.webmanifest">
<link rel="icon" href="data:,">
<script src="../static/offline.js" defer></script>
</head>
<body class="%s">
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
<div class="bar"><a class="brand" href="../%s/index.html">Synthetic report</a></div>
<nav class="site-nav" aria-label="Site">
<ul>
<li><a href="../%s/index.html">Overview</a></li>
<li><a href="../%s/report.html">Full report</a></li>
<li><a href="../%s/parallel.html">Side by side</a></li>
</ul>
</nav>
</header>
<main id="main">
<article class="prose">
`, lang, name, otherLang(lang), otherLang(lang), name, class, lang, lang, lang, lang)
	}
	end := func(b *strings.Builder) {
		b.WriteString("</article>\n</main>\n<footer class=\"site-footer\"><p>Synthetic content for performance tests.</p></footer>\n</body>\n</html>\n")
	}
	for _, l := range benchLangs {
		var idx strings.Builder
		page(&idx, l.dir, "index.html", "page-index")
		idx.WriteString("<ol class=\"sections\">\n")
		for i := 1; i <= sections; i++ {
			var b strings.Builder
			name := fmt.Sprintf("s%04d.html", i)
			page(&b, l.dir, name, "page-section")
			body(&b, l.dir, l.word, i, "")
			if i == 7 && l.dir == "en" {
				b.WriteString(`<p><a href="s0001.html#nope">broken anchor</a> <a href="missing.html">missing page</a></p>`)
			}
			end(&b)
			files[l.dir+"/"+name] = []byte(b.String())
			fmt.Fprintf(&idx, "<li><a href=\"%s\">Section %d</a></li>\n", name, i)
		}
		idx.WriteString("</ol>\n")
		end(&idx)
		files[l.dir+"/index.html"] = []byte(idx.String())
		for _, long := range []string{"report.html", "parallel.html"} {
			var b strings.Builder
			page(&b, l.dir, long, "page-long")
			for i := 1; i <= sections; i++ {
				body(&b, l.dir, l.word, i, fmt.Sprintf("s%04d-", i))
			}
			end(&b)
			files[l.dir+"/"+long] = []byte(b.String())
		}
	}
	return files
}

func otherLang(lang string) string {
	if lang == "en" {
		return "zh-hant"
	}
	return "en"
}

var benchSite = sync.OnceValue(func() map[string][]byte { return genSite(1000) })

// BenchmarkCheck checks a synthetic site of 3,012 files (52 MB): 2,000
// section pages of about 7–11 KB and four long pages of 6–10 MB. The
// reference sub-benchmark runs the first implementation, for comparison:
//
//	go test ./internal/linkcheck -run '^$' -bench . -benchmem
func BenchmarkCheck(b *testing.B) {
	files := benchSite()
	var size int64
	for _, d := range files {
		size += int64(len(d))
	}
	for _, impl := range []struct {
		name  string
		check func(map[string][]byte) []Problem
	}{{"Check", Check}, {"reference", referenceCheck}} {
		b.Run(impl.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				if probs := impl.check(files); len(probs) != 2 {
					b.Fatalf("%d problems, want 2: %v", len(probs), probs)
				}
			}
		})
	}
}

// BenchmarkChecker adds the files of BenchmarkCheck's site one by one, as a
// streaming build would, and reports how much memory the Checker keeps once
// they are all added (kept-MB).
func BenchmarkChecker(b *testing.B) {
	files := benchSite()
	paths := slices.Sorted(maps.Keys(files))
	var size int64
	for _, d := range files {
		size += int64(len(d))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var kept uint64
	for b.Loop() {
		var m0, m1 runtime.MemStats
		if kept == 0 {
			runtime.GC()
			runtime.ReadMemStats(&m0)
		}
		c := NewChecker()
		for _, p := range paths {
			c.Add(p, files[p])
		}
		if kept == 0 {
			runtime.GC()
			runtime.ReadMemStats(&m1)
			kept = m1.HeapAlloc - m0.HeapAlloc
		}
		if probs := c.Problems(); len(probs) != 2 {
			b.Fatalf("%d problems, want 2: %v", len(probs), probs)
		}
	}
	b.ReportMetric(float64(kept)/(1<<20), "kept-MB")
}

// BenchmarkScanLongPage scans one page of 10 MB, without resolving links.
func BenchmarkScanLongPage(b *testing.B) {
	const p = "zh-hant/report.html"
	data := benchSite()[p]
	b.Run("Check", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			scanFile(p, data, nil)
		}
	})
	b.Run("reference", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			refScan(p, data)
		}
	})
}
