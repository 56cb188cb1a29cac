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
		s := scanner{page: p, dir: path.Dir(p), refs: buf}
		s.scan(bytes.NewReader(data))
		return s.result()
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

// The scanner reads pages with the tokenizer of golang.org/x/net/html. It
// had a lexer of its own (package htmllex), which scanned about 4 times as
// fast, while every build checked its pages; links are now checked where
// they are written, before a build renders (package check), and only tests
// check built pages, where the tokenizer's speed does not matter.

// scan tokenizes the page read from r and checks every start tag.
func (s *scanner) scan(r io.Reader) {
	z := html.NewTokenizer(r)
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
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

// attrBit returns the bit of an attribute name, as the tokenizer gives it
// (lower-cased), or 0 for an attribute the scanner does not read.
func attrBit(key []byte) int {
	switch len(key) {
	case 2:
		if string(key) == "id" {
			return aID
		}
	case 3:
		switch {
		case string(key) == "rel":
			return aRel
		case string(key) == "src":
			return aSrc
		}
	case 4:
		switch {
		case string(key) == "name":
			return aName
		case string(key) == "href":
			return aHref
		case string(key) == "data":
			return aData
		}
	case 5:
		if string(key) == "style" {
			return aStyle
		}
	case 6:
		switch {
		case string(key) == "srcset":
			return aSrcset
		case string(key) == "action":
			return aAction
		case string(key) == "poster":
			return aPoster
		}
	case 10:
		// Only the parser splits namespaced attributes: the tokenizer
		// gives the whole name, as html.Token's Attr (whose Namespace is
		// always "") did in the first version.
		if string(key) == "xlink:href" {
			return aXlinkHref
		}
	}
	return 0
}

// value returns the field of a that holds the attribute bit.
func (a *attrs) value(bit int) *[]byte {
	switch bit {
	case aID:
		return &a.id
	case aName:
		return &a.name
	case aStyle:
		return &a.style
	case aRel:
		return &a.rel
	case aHref:
		return &a.href
	case aSrc:
		return &a.src
	case aSrcset:
		return &a.srcset
	case aAction:
		return &a.action
	case aData:
		return &a.data
	case aPoster:
		return &a.poster
	}
	return &a.xlinkHref
}

// elements are the element names the scanner reads attributes of, besides
// id and style.
var elements = [...]string{"a", "area", "link", "form", "script", "iframe", "frame", "audio", "track",
	"embed", "input", "img", "source", "video", "object", "image", "use", "feimage"}

// element returns the tag name, lower-cased by the tokenizer, if it is one
// of elements, and "" otherwise.
func element(name []byte) string {
	for _, e := range elements {
		if string(name) == e {
			return e
		}
	}
	return ""
}

// element checks the attributes a of a start tag of the element elem, ""
// for any element but those of elements.
func (s *scanner) element(elem string, a *attrs) {
	if a.has&aID != 0 {
		if _, dup := s.ids[string(a.id)]; dup {
			s.problem("duplicate id %q", string(a.id))
		} else {
			s.addID(a.id)
		}
	}
	if a.has&aName != 0 && elem == "a" {
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
	switch elem {
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
	switch elem {
	case "script", "iframe", "frame", "audio", "track", "embed", "input":
		s.load(elem, a, aSrc)
	case "img", "source":
		s.load(elem, a, aSrc)
		s.load(elem, a, aSrcset)
	case "video":
		s.load(elem, a, aSrc)
		s.load(elem, a, aPoster)
	case "object":
		s.load(elem, a, aData)
	case "image", "use", "feimage":
		s.load(elem, a, aHref)
		s.load(elem, a, aXlinkHref)
	}
}

// load checks the attribute bit of elem, if present, as something the
// browser fetches.
func (s *scanner) load(elem string, a *attrs, bit int) {
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
func (s *scanner) check(elem string, attr string, v []byte, load bool) {
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
	// A fragment directive (#p-3:~:text=…, a text fragment) is for the
	// browser; the id before it is what must exist.
	frag, _, _ = strings.Cut(frag, ":~:")
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
