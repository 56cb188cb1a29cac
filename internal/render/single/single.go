// Package single makes the one-file report: it rewrites a rendered page so
// that it needs no other file and no other host.
package single

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html"
	"net/url"
	"path"
	"slices"
	"strings"

	nethtml "golang.org/x/net/html"
)

// addStyleHash adds the CSP source ('sha256-…') of a <style> element's text
// to hs, once.
func addStyleHash(hs []string, text []byte) []string {
	sum := sha256.Sum256(text)
	h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	if slices.Contains(hs, h) {
		return hs
	}
	return append(hs, h)
}

// urlAttrs are the attributes that make a browser fetch or navigate.
var urlAttrs = map[string]bool{"href": true, "src": true, "srcset": true, "action": true, "poster": true, "data": true, "xlink:href": true, "formaction": true}

// Page says what a page's one-file form may keep: Anchors maps the site
// path of each section page to its anchor on the page and the IDs its
// Markdown defines; Image returns the image at a site path as a data: URI
// ("" when it is not one to inline); Source is the original's address,
// which stays a link.
type Page struct {
	Path    string
	Anchors map[string]Anchors
	Image   func(sitePath string) string
	Source  string
}

// Rewrite rewrites the rendered page doc so it needs nothing else: scripts
// and download links go, links to the language's section pages become
// anchors, and any other reference is dropped (its text stays). It also
// returns the CSP sources of the <style> elements it wrote.
func Rewrite(doc []byte, pg Page) (page []byte, styleHashes []string, err error) {
	pagePath, anchors := pg.Path, pg.Anchors
	var out bytes.Buffer
	out.Grow(len(doc))
	z := nethtml.NewTokenizer(bytes.NewReader(doc))
	skip := 0 // depth inside a dropped element
	skipTag := ""
	var rawCopy []byte
	var hashes []string // of the <style> elements written
	inStyle := false
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			break
		}
		raw := z.Raw()
		if skip > 0 {
			name, _ := z.TagName()
			switch {
			case tt == nethtml.StartTagToken && string(name) == skipTag:
				skip++
			case tt == nethtml.EndTagToken && string(name) == skipTag:
				skip--
			}
			continue
		}
		if tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken {
			switch {
			case tt == nethtml.TextToken && inStyle:
				hashes = addStyleHash(hashes, raw)
			case tt == nethtml.EndTagToken:
				inStyle = false
			}
			out.Write(raw)
			continue
		}
		// TagName and TagAttr lower-case the token in place, so keep the
		// raw tag first: most tags are written out as they came. (Token
		// would allocate every attribute of every tag.)
		rawCopy = append(rawCopy[:0], raw...)
		name, more := z.TagName()
		t := nethtml.Token{Data: string(name)}
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			t.Attr = append(t.Attr, nethtml.Attribute{Key: string(k), Val: string(v)})
		}
		cls := ""
		for _, a := range t.Attr {
			if a.Key == "class" {
				cls = a.Val
			}
		}
		if t.Data == "script" || (t.Data == "p" && slices.Contains(strings.Fields(cls), "downloads")) || t.Data == "link" || t.Data == "iframe" || t.Data == "object" || t.Data == "embed" {
			if tt == nethtml.StartTagToken && t.Data != "link" && t.Data != "embed" {
				skip, skipTag = 1, t.Data
			}
			continue
		}
		if tt == nethtml.StartTagToken {
			inStyle = t.Data == "style"
		}
		changed := false
		var attrs []nethtml.Attribute
		for _, a := range t.Attr {
			if !urlAttrs[a.Key] {
				attrs = append(attrs, a)
				continue
			}
			v := strings.TrimSpace(a.Val)
			inline := ""
			if t.Data == "img" && a.Key == "src" {
				inline = localImage(pg.Image, v, pagePath)
			}
			switch {
			case strings.HasPrefix(v, "#"):
			case strings.HasPrefix(v, "data:") && t.Data == "img":
			case inline != "":
				a.Val, changed = inline, true
			case t.Data == "a" && a.Key == "href" && v == pg.Source && v != "":
			default:
				nv := localAnchor(v, pagePath, anchors)
				changed = true
				if nv == "" {
					continue
				}
				a.Val = nv
			}
			attrs = append(attrs, a)
		}
		if t.Data == "a" && changed {
			// The download attribute makes no sense on an anchor.
			attrs = slices.DeleteFunc(attrs, func(a nethtml.Attribute) bool { return a.Key == "download" || a.Key == "rel" })
		}
		if !changed {
			out.Write(rawCopy)
			continue
		}
		out.WriteString("<" + t.Data)
		for _, a := range attrs {
			out.WriteString(" " + a.Key + `="` + html.EscapeString(a.Val) + `"`)
		}
		if tt == nethtml.SelfClosingTagToken {
			out.WriteString("/")
		}
		out.WriteString(">")
	}
	if err := z.Err(); err != nil && err.Error() != "EOF" {
		return nil, nil, err
	}
	return out.Bytes(), hashes, nil
}

// Anchors are a section's anchor on the one-file report and the IDs its
// Markdown defines, which get the anchor as their prefix there.
type Anchors struct {
	Anchor string
	IDs    map[string]bool
}

// localImage returns the image a page at pagePath shows at address v as a
// data: URI; "" when it is not one of the sections' images.
func localImage(image func(string) string, v, pagePath string) string {
	u, err := url.Parse(v)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
		return ""
	}
	return image(path.Join(path.Dir(pagePath), u.Path))
}

// localAnchor maps a relative link to a section page onto its anchor in the
// one-file report; it returns "" for anything else.
func localAnchor(v, pagePath string, anchors map[string]Anchors) string {
	u, err := url.Parse(v)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
		return ""
	}
	target := path.Join(path.Dir(pagePath), u.Path)
	a, ok := anchors[target]
	if !ok {
		return ""
	}
	if a.IDs[u.Fragment] {
		return "#" + a.Anchor + "-" + u.Fragment
	}
	return "#" + a.Anchor
}
