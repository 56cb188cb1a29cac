package linkcheck

// This file keeps the first implementation of Check, unchanged but for its
// names, as the oracle of TestMatchesReference and FuzzScan: the optimised
// scanner must report exactly the same problems in exactly the same order.

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// refLoaders are the element/attribute pairs that make a browser fetch something.
var refLoaders = map[string][]string{
	"script": {"src"}, "img": {"src", "srcset"}, "iframe": {"src"}, "frame": {"src"},
	"source": {"src", "srcset"}, "video": {"src", "poster"}, "audio": {"src"}, "track": {"src"},
	"embed": {"src"}, "object": {"data"}, "input": {"src"}, "image": {"href", "xlink:href"},
	"use": {"href", "xlink:href"}, "feimage": {"href", "xlink:href"},
}

// referenceCheck is Check as it was before the scanner was optimised: it
// reads every HTML file of files (path → bytes) and reports broken internal
// links, missing anchors and references to other hosts.
func referenceCheck(files map[string][]byte) []Problem {
	ids := map[string]map[string]bool{}
	var refs []oldRef
	var probs []Problem
	pages := make([]string, 0, len(files))
	for p := range files {
		pages = append(pages, p)
	}
	slices.Sort(pages)
	scans := make([]refPageScan, len(pages))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				scans[i] = refScan(pages[i], files[pages[i]])
			}
		}()
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, p := range pages {
		ids[p] = scans[i].ids
		refs = append(refs, scans[i].refs...)
		probs = append(probs, scans[i].probs...)
	}
	for _, r := range refs {
		if _, ok := files[r.target]; !ok {
			probs = append(probs, Problem{r.page, fmt.Sprintf("link %q: %s does not exist", r.raw, r.target)})
			continue
		}
		if r.frag != "" && strings.HasSuffix(r.target, ".html") && !ids[r.target][r.frag] {
			probs = append(probs, Problem{r.page, fmt.Sprintf("link %q: no id %q in %s", r.raw, r.frag, r.target)})
		}
	}
	return probs
}

// refRemote reports whether a reference leaves the site: another scheme's host
// or a protocol-relative URL.
func refRemote(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	return strings.HasPrefix(v, "//") || strings.HasPrefix(v, "http:") || strings.HasPrefix(v, "https:") ||
		strings.HasPrefix(v, "ftp:") || strings.HasPrefix(v, "ws:") || strings.HasPrefix(v, "wss:")
}

// refCSSURLs returns the url(…) and @import references of a stylesheet.
func refCSSURLs(css []byte) []string {
	var out []string
	s := string(css)
	for {
		i := strings.Index(s, "url(")
		if i < 0 {
			break
		}
		s = s[i+4:]
		j := strings.IndexByte(s, ')')
		if j < 0 {
			break
		}
		out = append(out, strings.Trim(strings.TrimSpace(s[:j]), `"'`))
		s = s[j+1:]
	}
	rest := string(css)
	for {
		i := strings.Index(rest, "@import")
		if i < 0 {
			break
		}
		rest = rest[i+7:]
		f := strings.Fields(rest)
		if len(f) > 0 && !strings.HasPrefix(f[0], "url(") {
			out = append(out, strings.Trim(strings.TrimSuffix(f[0], ";"), `"'`))
		}
	}
	return out
}

// refPageScan is what one file says: its ids, its links, its own problems.
type refPageScan struct {
	ids   map[string]bool
	refs  []oldRef
	probs []Problem
}

type oldRef struct {
	page, target, frag, raw string
}

// refScan reads one file of the site at path p.
func refScan(p string, data []byte) refPageScan {
	sc := refPageScan{ids: map[string]bool{}}
	if !strings.HasSuffix(p, ".html") {
		if strings.HasSuffix(p, ".css") {
			for _, u := range refCSSURLs(data) {
				if refRemote(u) {
					sc.probs = append(sc.probs, Problem{p, fmt.Sprintf("stylesheet loads %q from another host", u)})
				}
			}
		}
		return sc
	}

	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		t := z.Token()
		attrs := map[string]string{}
		for _, a := range t.Attr {
			key := a.Key
			if a.Namespace != "" {
				key = a.Namespace + ":" + a.Key
			}
			attrs[key] = a.Val
		}
		if id, ok := attrs["id"]; ok {
			if sc.ids[id] {
				sc.probs = append(sc.probs, Problem{p, fmt.Sprintf("duplicate id %q", id)})
			}
			sc.ids[id] = true
		}
		if name, ok := attrs["name"]; ok && t.Data == "a" {
			sc.ids[name] = true
		}
		if s, ok := attrs["style"]; ok && strings.Contains(s, "url(") {
			for _, u := range refCSSURLs([]byte(s)) {
				if refRemote(u) {
					sc.probs = append(sc.probs, Problem{p, fmt.Sprintf("style loads %q from another host", u)})
				}
			}
		}
		check := func(attr, v string, load bool) {
			v = strings.TrimSpace(v)
			if v == "" {
				if load {
					sc.probs = append(sc.probs, Problem{p, fmt.Sprintf("<%s %s> is empty", t.Data, attr)})
				}
				return
			}
			if refRemote(v) {
				if load {
					sc.probs = append(sc.probs, Problem{p, fmt.Sprintf("<%s %s=%q> loads from another host", t.Data, attr, v)})
				}
				return
			}
			u, err := url.Parse(v)
			if err != nil {
				sc.probs = append(sc.probs, Problem{p, fmt.Sprintf("<%s %s=%q>: %v", t.Data, attr, v, err)})
				return
			}
			if u.Scheme != "" { // mailto:, data:, tel:
				if load && u.Scheme != "data" {
					sc.probs = append(sc.probs, Problem{p, fmt.Sprintf("<%s %s=%q> uses scheme %s", t.Data, attr, v, u.Scheme)})
				}
				return
			}
			if strings.HasPrefix(u.Path, "/") {
				sc.probs = append(sc.probs, Problem{p, fmt.Sprintf("<%s %s=%q> is root-relative: it breaks under a sub-path and from file://", t.Data, attr, v)})
				return
			}
			target := p
			if u.Path != "" {
				target = path.Join(path.Dir(p), u.Path)
				if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." {
					sc.probs = append(sc.probs, Problem{p, fmt.Sprintf("<%s %s=%q> points at a directory: link to its index.html so it works from file://", t.Data, attr, v)})
					return
				}
			}
			frag, _, _ := strings.Cut(u.Fragment, ":~:") // a text fragment's directive is the browser's
			sc.refs = append(sc.refs, oldRef{page: p, target: target, frag: frag, raw: v})
		}
		switch t.Data {
		case "a", "area":
			if h, ok := attrs["href"]; ok {
				check("href", h, false)
			}
		case "link":
			rel := strings.ToLower(attrs["rel"])
			load := rel != "alternate" && rel != "canonical"
			if h, ok := attrs["href"]; ok {
				if !load && refRemote(h) {
					continue
				}
				check("href", h, load)
			}
		case "form":
			if a, ok := attrs["action"]; ok {
				check("action", a, true)
			}
		}
		for _, attr := range refLoaders[t.Data] {
			if v, ok := attrs[attr]; ok {
				if attr == "srcset" {
					for _, part := range strings.Split(v, ",") {
						f := strings.Fields(part)
						if len(f) > 0 {
							check(attr, f[0], true)
						}
					}
					continue
				}
				check(attr, v, true)
			}
		}
	}

	return sc
}
