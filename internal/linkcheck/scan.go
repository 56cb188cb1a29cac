package linkcheck

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// scanFile reads the file at path p: an HTML page for its ids, links and
// loads, a stylesheet for remote loads. buf is an empty buffer for the
// page's links.
func scanFile(p string, data []byte, buf []link) scanned {
	if strings.HasSuffix(p, ".html") {
		return scanPage(p, bytes.NewReader(data), buf)
	}
	{
		var probs []string
		if strings.HasSuffix(p, ".css") && (bytes.Contains(data, []byte("url(")) || bytes.Contains(data, []byte("@import"))) {
			for _, u := range cssURLs(string(data)) {
				if remote(u) {
					probs = append(probs, fmt.Sprintf("stylesheet loads %q from another host", u))
				}
			}
		}
		return scanned{probs: probs}
	}
}

// scanPage scans the HTML page at path p, read from r to its end.
func scanPage(p string, r io.Reader, buf []link) scanned {
	s := scanner{page: p, dir: path.Dir(p), refs: buf}
	s.scan(r)
	return s.result()
}

// remote reports whether a reference leaves the site: another scheme's host
// or a protocol-relative URL.
func remote(v string) bool { return remotePrefix(strings.TrimSpace(v)) }

// remoteBytes is remote for a byte slice.
func remoteBytes(v []byte) bool { return remotePrefix(bytes.TrimSpace(v)) }

// remotePrefix reports whether v starts with "//" or with the scheme of a
// remote URL, in any case. It compares ASCII letters only: no other
// character lower-cases to one of "https:", "ftp:" or "wss:" (only U+0130 İ
// and U+212A K lower-case to ASCII at all), so it equals testing the prefix
// of strings.ToLower(v).
func remotePrefix[S ~string | ~[]byte](v S) bool {
	return hasPrefixFold(v, "//") || hasPrefixFold(v, "http:") || hasPrefixFold(v, "https:") ||
		hasPrefixFold(v, "ftp:") || hasPrefixFold(v, "ws:") || hasPrefixFold(v, "wss:")
}

// hasPrefixFold reports whether v starts with prefix, a lower-case ASCII
// string, ignoring ASCII case.
func hasPrefixFold[S ~string | ~[]byte](v S, prefix string) bool {
	if len(v) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		c := v[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// cssURLs returns the url(…) and then the @import references of a
// stylesheet, each in order.
func cssURLs(css string) []string {
	var out []string
	for s := css; ; {
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
	for rest := css; ; {
		i := strings.Index(rest, "@import")
		if i < 0 {
			break
		}
		rest = rest[i+7:]
		// The first of strings.Fields(rest), without splitting the rest of
		// the stylesheet at every @import.
		f := strings.TrimLeftFunc(rest, unicode.IsSpace)
		if j := strings.IndexFunc(f, unicode.IsSpace); j >= 0 {
			f = f[:j]
		}
		if f != "" && !strings.HasPrefix(f, "url(") {
			out = append(out, strings.Trim(strings.TrimSuffix(f, ";"), `"'`))
		}
	}
	return out
}

// scanner reads one HTML page.
type scanner struct {
	page  string              // the page's path in the site
	dir   string              // path.Dir(page)
	ids   map[string]struct{} // ids and <a name>s so far
	probs []string            // problems, in document order
	refs  []link              // links, in document order
}

// attribute bits: which attributes of interest a tag has.
const (
	aID = 1 << iota
	aName
	aStyle
	aRel
	aHref
	aSrc
	aSrcset
	aAction
	aData
	aPoster
	aXlinkHref

	// aNeedTag are the attributes whose meaning depends on the element.
	aNeedTag = aName | aHref | aSrc | aSrcset | aAction | aData | aPoster | aXlinkHref
)

// attrs holds the values of the attributes of interest of one tag. (The
// tokenizer reports only the first of repeated attributes.)
type attrs struct {
	has                                     int
	id, name, style, rel, href, src, srcset []byte
	action, data, poster, xlinkHref         []byte
}

// scan tokenizes the page. Tags are read without building html.Token values,
// and tags whose raw text cannot hold an attribute of interest are skipped
// without reading their attributes at all.
func (s *scanner) scan(r io.Reader) {
	z := html.NewTokenizer(r)
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			if mayCarry(z.Raw()) {
				s.tag(z)
			}
		}
	}
}

// mayCarry reports whether the raw text of a start tag may hold an attribute
// the scanner reads. The tokenizer lower-cases attribute names (ASCII only)
// and ends each name at white space, '/', '>' or '=', so an attribute named
// id, say, shows in the raw text as "id" in any case followed by one of those
// or by the end of the text. mayCarry looks for such an occurrence of any
// name of interest; it can be fooled into a true by attribute values, never
// into a false.
func mayCarry(raw []byte) bool {
	for j := 1; j <= len(raw); j++ {
		if j < len(raw) && !endsName[raw[j]] {
			continue
		}
		b := raw[:j]
		switch raw[j-1] | 0x20 {
		case 'd':
			if hasSuffixFold(b, "id") {
				return true
			}
		case 'e':
			if hasSuffixFold(b, "name") || hasSuffixFold(b, "style") {
				return true
			}
		case 'f':
			if hasSuffixFold(b, "href") { // and xlink:href
				return true
			}
		case 'c':
			if hasSuffixFold(b, "src") {
				return true
			}
		case 't':
			if hasSuffixFold(b, "srcset") {
				return true
			}
		case 'n':
			if hasSuffixFold(b, "action") {
				return true
			}
		case 'a':
			if hasSuffixFold(b, "data") {
				return true
			}
		case 'r':
			if hasSuffixFold(b, "poster") {
				return true
			}
		}
	}
	return false
}

// endsName marks the bytes that end an attribute name in the tokenizer.
var endsName = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '/': true, '>': true, '=': true}

// hasSuffixFold reports whether b ends with suffix, a lower-case ASCII
// string, ignoring ASCII case.
func hasSuffixFold(b []byte, suffix string) bool {
	if len(b) < len(suffix) {
		return false
	}
	b = b[len(b)-len(suffix):]
	for i := range len(suffix) {
		if b[i]|0x20 != suffix[i] { // suffix has only letters
			return false
		}
	}
	return true
}

// tag checks the current start tag of z.
func (s *scanner) tag(z *html.Tokenizer) {
	var a attrs
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch string(k) {
		case "id":
			a.has, a.id = a.has|aID, v
		case "name":
			a.has, a.name = a.has|aName, v
		case "style":
			a.has, a.style = a.has|aStyle, v
		case "rel":
			a.has, a.rel = a.has|aRel, v
		case "href":
			a.has, a.href = a.has|aHref, v
		case "src":
			a.has, a.src = a.has|aSrc, v
		case "srcset":
			a.has, a.srcset = a.has|aSrcset, v
		case "action":
			a.has, a.action = a.has|aAction, v
		case "data":
			a.has, a.data = a.has|aData, v
		case "poster":
			a.has, a.poster = a.has|aPoster, v
		case "xlink:href":
			// Only the parser splits namespaced attributes: the tokenizer
			// gives the whole name, as html.Token's Attr (whose Namespace
			// is always "") did in the first version.
			a.has, a.xlinkHref = a.has|aXlinkHref, v
		}
	}
	if a.has == 0 {
		return
	}
	if a.has&aID != 0 {
		if _, dup := s.ids[string(a.id)]; dup {
			s.problem("duplicate id %q", string(a.id))
		} else {
			s.addID(a.id)
		}
	}
	var elem []byte
	if a.has&aNeedTag != 0 {
		elem, _ = z.TagName()
	}
	if a.has&aName != 0 && string(elem) == "a" {
		if _, ok := s.ids[string(a.name)]; !ok {
			s.addID(a.name)
		}
	}
	if a.has&aStyle != 0 && bytes.Contains(a.style, []byte("url(")) {
		for _, u := range cssURLs(string(a.style)) {
			if remote(u) {
				s.problem("style loads %q from another host", u)
			}
		}
	}
	if a.has&aNeedTag == 0 {
		return
	}
	switch string(elem) {
	case "a", "area":
		if a.has&aHref != 0 {
			s.check(elem, "href", a.href, false)
		}
	case "link":
		rel := strings.ToLower(string(a.rel)) // Unicode lower case, not only ASCII: "canon\u0130cal" is canonical
		load := rel != "alternate" && rel != "canonical"
		if a.has&aHref != 0 && (load || !remoteBytes(a.href)) {
			s.check(elem, "href", a.href, load)
		}
	case "form":
		if a.has&aAction != 0 {
			s.check(elem, "action", a.action, true)
		}
	}
	// The element/attribute pairs that make a browser fetch something, each
	// element's attributes in a fixed order.
	switch string(elem) {
	case "script", "iframe", "frame", "audio", "track", "embed", "input":
		s.load(elem, &a, aSrc)
	case "img", "source":
		s.load(elem, &a, aSrc)
		s.load(elem, &a, aSrcset)
	case "video":
		s.load(elem, &a, aSrc)
		s.load(elem, &a, aPoster)
	case "object":
		s.load(elem, &a, aData)
	case "image", "use", "feimage":
		s.load(elem, &a, aHref)
		s.load(elem, &a, aXlinkHref)
	}
}

// load checks the attribute bit of elem, if present, as something the
// browser fetches.
func (s *scanner) load(elem []byte, a *attrs, bit int) {
	if a.has&bit == 0 {
		return
	}
	switch bit {
	case aSrc:
		s.check(elem, "src", a.src, true)
	case aSrcset:
		// Each candidate is a URL and an optional descriptor: check the
		// first field of every comma-separated part.
		for v := a.srcset; ; {
			part, rest, more := bytes.Cut(v, []byte(","))
			f := bytes.TrimLeftFunc(part, unicode.IsSpace)
			if j := bytes.IndexFunc(f, unicode.IsSpace); j >= 0 {
				f = f[:j]
			}
			if len(f) > 0 {
				s.check(elem, "srcset", f, true)
			}
			if !more {
				break
			}
			v = rest
		}
	case aPoster:
		s.check(elem, "poster", a.poster, true)
	case aData:
		s.check(elem, "data", a.data, true)
	case aHref:
		s.check(elem, "href", a.href, true)
	case aXlinkHref:
		s.check(elem, "xlink:href", a.xlinkHref, true)
	}
}

// addID records an id of the page.
func (s *scanner) addID(id []byte) {
	if s.ids == nil {
		s.ids = make(map[string]struct{}, 8)
	}
	s.ids[string(id)] = struct{}{}
}

// problem records a problem of the page.
func (s *scanner) problem(format string, args ...any) {
	s.probs = append(s.probs, fmt.Sprintf(format, args...))
}

// check checks the value v of attribute attr of element elem: a link when
// load is false, something the browser fetches when it is true.
func (s *scanner) check(elem []byte, attr string, v []byte, load bool) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		if load {
			s.problem("<%s %s> is empty", elem, attr)
		}
		return
	}
	if remoteBytes(v) {
		if load {
			s.problem("<%s %s=%q> loads from another host", elem, attr, v)
		}
		return
	}
	raw := string(v)
	scheme, p, frag, ok := parseRef(raw)
	if !ok {
		u, err := url.Parse(raw)
		if err != nil {
			s.problem("<%s %s=%q>: %v", elem, attr, raw, err)
			return
		}
		scheme, p, frag = u.Scheme, u.Path, u.Fragment
	}
	if scheme != "" { // mailto:, data:, tel:
		if load && scheme != "data" {
			s.problem("<%s %s=%q> uses scheme %s", elem, attr, raw, scheme)
		}
		return
	}
	if strings.HasPrefix(p, "/") {
		s.problem("<%s %s=%q> is root-relative: it breaks under a sub-path and from file://", elem, attr, raw)
		return
	}
	if p == "" && frag == "" {
		return // the page itself, which exists
	}
	target := s.page
	if p != "" {
		if strings.HasSuffix(p, "/") || p == "." || p == ".." {
			s.problem("<%s %s=%q> points at a directory: link to its index.html so it works from file://", elem, attr, raw)
			return
		}
		target = join(s.dir, p)
	}
	s.refs = append(s.refs, link{raw: raw, target: target, frag: frag})
}

// parseRef returns the scheme (lower-cased), path and fragment that
// url.Parse gives for v, when it can tell them without url.Parse: for a
// relative reference whose path has no '%' or ':', and for an opaque one
// such as mailto:x or data:,; in both cases without '%' in the fragment. ok
// is false for anything else, which url.Parse must decide (and may reject).
func parseRef(v string) (scheme, p, frag string, ok bool) {
	u, frag, _ := strings.Cut(v, "#")
	if strings.IndexByte(frag, '%') >= 0 {
		return "", "", "", false
	}
	// The scheme, as url.getScheme finds it.
	rest := u
	for i := 0; i < len(u); i++ {
		c := u[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' ||
			i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.') {
			continue
		}
		if c == ':' {
			if i == 0 {
				return "", "", "", false // missing protocol scheme
			}
			scheme, rest = u[:i], u[i+1:]
		}
		break
	}
	// The path ends at the query; url.Parse rejects control characters
	// anywhere before the fragment.
	end := len(rest)
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if c < 0x20 || c == 0x7f {
			return "", "", "", false
		}
		if end == len(rest) {
			switch c {
			case '?':
				end = i
			case '%', ':':
				if scheme == "" {
					return "", "", "", false
				}
			}
		}
	}
	if scheme != "" {
		if strings.HasPrefix(rest[:end], "/") {
			return "", "", "", false // not opaque: an authority or a path
		}
		for i := 0; i < len(scheme); i++ {
			if c := scheme[i]; 'A' <= c && c <= 'Z' {
				scheme = strings.ToLower(scheme)
				break
			}
		}
		return scheme, "", frag, true
	}
	return "", rest[:end], frag, true // here rest is all of u
}

// join returns path.Join(dir, rel) for dir, the result of path.Dir, and rel,
// a relative path, without allocating when the result is part of rel (as
// for "../en/x.html" from a page of en/) and with one allocation for other
// clean cases.
func join(dir, rel string) string {
	if dir == "." {
		return path.Clean(rel) // no allocation when rel is clean
	}
	if strings.HasPrefix(dir, "/") || dir == ".." || strings.HasPrefix(dir, "../") {
		return path.Join(dir, rel)
	}
	up := 0
	for strings.HasPrefix(rel[3*up:], "../") {
		up++
	}
	rest := rel[3*up:]
	if rest == "" || rest == "." || rest == ".." || rest[0] == '/' || path.Clean(rest) != rest {
		return path.Join(dir, rel)
	}
	d := dir
	for range up {
		if d == "." {
			return path.Join(dir, rel) // above the root
		}
		if i := strings.LastIndexByte(d, '/'); i >= 0 {
			d = d[:i]
		} else {
			d = "."
		}
	}
	if d == "." {
		return rest
	}
	return d + "/" + rest
}

// result resolves the page's links to itself, which need no other file, and
// returns the rest with the page's ids and problems.
func (s *scanner) result() scanned {
	refs := s.refs[:0]
	for _, r := range s.refs {
		if r.target == s.page {
			if r.frag == "" {
				continue
			}
			if _, ok := s.ids[r.frag]; ok {
				continue
			}
			r.target = ""
		}
		refs = append(refs, r)
	}
	return scanned{ids: s.ids, probs: s.probs, refs: refs, all: s.refs}
}
