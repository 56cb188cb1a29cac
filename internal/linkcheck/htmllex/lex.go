// Package htmllex finds the start tags of an HTML page, for the link
// checker: a reduced copy of the tokenizer of golang.org/x/net/html
// (token.go, v0.62.0), which finds the start tags of a page and the spans of
// their names and attributes and skips everything else — text, comments,
// doctypes, end tags and the text of raw-text elements — by the same rules,
// byte for byte, without allocating a token. Package linkcheck's scan.go
// says why it exists; its tests hold it to the tokenizer.
package htmllex

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// Span is a range of the lexer's input.
type Span struct{ Start, End int }

// Attr is an attribute of a tag: its key and value as written, before
// lower-casing, NUL replacement, newline conversion and unescaping.
type Attr struct{ Key, Val Span }

// Lexer finds the start tags (self-closing or not) of a page. Its input may
// come in pieces: see Next.
type Lexer struct {
	Pos    int    // the next byte of the input to lex
	raw    string // the raw-text element whose text comes next ("script", "title", …), or ""
	script int    // the state of the script-data lexer, when raw is "script"

	// The last start tag: its name and attributes as written, every
	// attribute with a non-empty key in order, repeated keys included (the
	// tokenizer keeps only the first of each lower-cased key).
	Name  Span
	Attrs []Attr
}

// Next lexes b from l.Pos up to the next start tag, which it leaves in
// l.Name and l.Attrs with l.Pos after it, and reports true. It reports false
// when b ends first: if eof is set, the page ends there; if not, l.Pos is
// where the bytes still needed start, and Next must be called again with
// those bytes (at the same offset in b, or at the offset l.Pos is moved to)
// followed by more. A start tag that the end of the page cuts short is not
// one, as for the tokenizer.
func (l *Lexer) Next(b []byte, eof bool) bool {
	for {
		if l.raw != "" && !l.rawText(b) {
			return false
		}
		i := l.Pos
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			l.Pos = len(b)
			return false
		}
		i += j
		l.Pos = i // in case b ends within what follows
		if i+1 >= len(b) {
			return false
		}
		switch c := b[i+1]; {
		case isLetter(c):
			end, ok := l.tag(b, i+1, true)
			if !ok {
				return false
			}
			l.Pos = end
			l.raw = rawElement(b[l.Name.Start:l.Name.End])
			l.script = sData
			return true
		case c == '/':
			if i+2 >= len(b) {
				return false
			}
			switch c := b[i+2]; {
			case c == '>': // "</>" is an empty comment
				l.Pos = i + 3
			case isLetter(c): // an end tag, read as a start tag is
				end, ok := l.tag(b, i+2, false)
				if !ok {
					return false
				}
				l.Pos = end
			default: // a bogus comment up to the next '>'
				k := bytes.IndexByte(b[i+2:], '>')
				if k < 0 {
					return false
				}
				l.Pos = i + 2 + k + 1
			}
		case c == '!':
			if i+3 >= len(b) {
				return false // a comment to the end of the page, if it ends here
			}
			if b[i+2] == '-' && b[i+3] == '-' {
				end := commentEnd(b, i+4)
				if end < 0 {
					return false
				}
				l.Pos = end
				continue
			}
			// A doctype or a bogus comment, up to the next '>'.
			k := bytes.IndexByte(b[i+2:], '>')
			if k < 0 {
				return false
			}
			l.Pos = i + 2 + k + 1
		case c == '?': // a bogus comment
			k := bytes.IndexByte(b[i+2:], '>')
			if k < 0 {
				return false
			}
			l.Pos = i + 2 + k + 1
		default: // text: read on from c, which may be another '<'
			l.Pos = i + 1
		}
	}
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

// skipSpace returns the position of the first byte of b from i on that is
// not white space, or len(b).
func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// tag reads a tag whose name starts at b[p], a letter, as Tokenizer.readTag
// does, and returns the position after its '>'; ok is false if b ends
// first. save records the tag's name and attributes in l.
func (l *Lexer) tag(b []byte, p int, save bool) (end int, ok bool) {
	n := len(b)
	q := p + 1
	for q < n && !isSpace(b[q]) && b[q] != '/' && b[q] != '>' {
		q++
	}
	if save {
		l.Name = Span{p, q}
		l.Attrs = l.Attrs[:0]
	}
	for q = skipSpace(b, q); q < n; q = skipSpace(b, q) {
		if b[q] == '>' {
			return q + 1, true
		}
		// The key: up to white space, '/', '>' or a '=' that is not its
		// first byte.
		k0 := q
		if b[q] != '/' { // the key is empty before a '/'
			for q++; q < n; q++ {
				if c := b[q]; isSpace(c) || c == '/' || c == '>' || c == '=' {
					break
				}
			}
		}
		if q >= n {
			return 0, false
		}
		k1 := q
		// The value, if any.
		var v Span
		if q = skipSpace(b, q); q >= n {
			return 0, false
		}
		switch b[q] {
		case '/':
			q++
		case '=':
			if q = skipSpace(b, q+1); q >= n {
				return 0, false
			}
			switch quote := b[q]; quote {
			case '>': // an empty value, and the end of the tag
			case '\'', '"':
				k := bytes.IndexByte(b[q+1:], quote)
				if k < 0 {
					return 0, false
				}
				v = Span{q + 1, q + 1 + k}
				q += k + 2
			default:
				v.Start = q
				for q++; q < n && !isSpace(b[q]) && b[q] != '>'; q++ {
				}
				if q >= n {
					return 0, false
				}
				v.End = q
				if b[q] != '>' {
					q++
				}
			}
		}
		if save && k1 > k0 {
			l.Attrs = append(l.Attrs, Attr{Span{k0, k1}, v})
		}
	}
	return 0, false
}

// rawElement returns the lower-cased name of a raw-text or RCDATA element,
// whose text the tokenizer reads up to its end tag without finding tags in
// it, and "" for any other tag name.
func rawElement(name []byte) string {
	for _, s := range [...]string{"iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "textarea", "title", "xmp"} {
		if EqualFold(name, s) {
			return s
		}
	}
	return ""
}

// EqualFold reports whether b equals s, a lower-case ASCII string, but for
// the case of ASCII letters.
func EqualFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range len(s) {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

// commentEnd returns the position after the comment whose text starts at
// b[p], after "<!--", as Tokenizer.readComment ends it, or -1 if b ends
// first.
func commentEnd(b []byte, p int) int {
	dashes, beginning := 0, true
	for ; p < len(b); p++ {
		switch b[p] {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return p + 1
			}
		case '!':
			if dashes >= 2 {
				p++
				if p >= len(b) {
					return -1
				}
				switch b[p] {
				case '>':
					return p + 1
				case '-':
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return -1
}

// rawText reads the text of the raw-text element l.raw from l.pos, as
// Tokenizer.readRawOrRCDATA does, and reports whether it found its end; then
// l.pos is at the end tag. Otherwise l.pos is where the bytes still needed
// start (the text up to there holds no end tag).
func (l *Lexer) rawText(b []byte) bool {
	switch l.raw {
	case "plaintext": // to the end of the page
		l.Pos = len(b)
		return false
	case "script":
		return l.scriptText(b)
	}
	for i := l.Pos; ; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			l.Pos = len(b)
			return false
		}
		i += j
		if i+1 >= len(b) {
			l.Pos = i
			return false
		}
		if b[i+1] != '/' {
			i++
			continue
		}
		next, r := rawEndTag(b, i+2, l.raw)
		switch r {
		case rawMore:
			l.Pos = i
			return false
		case rawEnd:
			l.raw, l.Pos = "", i
			return true
		}
		i = next
	}
}

// The results of rawEndTag.
const (
	rawNot  = iota // not the end tag
	rawEnd         // the end tag
	rawMore        // b ends first
)

// rawEndTag reports whether b[p:] starts with the end of an end tag of the
// element name, after "</", as Tokenizer.readRawEndTag does: the name in any
// ASCII case followed by white space, '/' or '>'. next is where to read on:
// after that byte for rawEnd, at the byte that does not match for rawNot.
func rawEndTag(b []byte, p int, name string) (next, r int) {
	for k := 0; k < len(name); k++ {
		if p+k >= len(b) {
			return 0, rawMore
		}
		if c := b[p+k]; c != name[k] && c != name[k]-('a'-'A') {
			return p + k, rawNot
		}
	}
	p += len(name)
	if p >= len(b) {
		return 0, rawMore
	}
	switch b[p] {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		return p + 1, rawEnd
	}
	return p, rawNot
}

// The states of Tokenizer.readScript, named as its labels.
const (
	sData = iota
	sLessThanSign
	sEndTagOpen
	sEscapeStart
	sEscapeStartDash
	sEscaped
	sEscapedDash
	sEscapedDashDash
	sEscapedLessThanSign
	sEscapedEndTagOpen
	sDoubleEscapeStart
	sDoubleEscaped
	sDoubleEscapedDash
	sDoubleEscapedDashDash
	sDoubleEscapedLessThanSign
	sDoubleEscapeEnd
)

// scriptText is rawText for a script element, as Tokenizer.readScript reads
// it. Each state reads from its position on only, so that lexing resumes in
// the state (l.script) and at the position (l.pos) where b ended.
func (l *Lexer) scriptText(b []byte) bool {
	p, st := l.Pos, l.script
	for {
		if p >= len(b) {
			l.suspend(p, st)
			return false
		}
		switch st {
		case sData:
			j := bytes.IndexByte(b[p:], '<')
			if j < 0 {
				p = len(b)
				continue
			}
			p, st = p+j+1, sLessThanSign
		case sLessThanSign:
			switch b[p] {
			case '/':
				p, st = p+1, sEndTagOpen
			case '!':
				p, st = p+1, sEscapeStart
			default:
				st = sData
			}
		case sEndTagOpen, sEscapedEndTagOpen:
			next, r := rawEndTag(b, p, "script")
			switch r {
			case rawMore:
				l.suspend(p, st)
				return false
			case rawEnd:
				l.raw, l.script, l.Pos = "", sData, p-2
				return true
			}
			p = next
			if st == sEndTagOpen {
				st = sData
			} else {
				st = sEscaped
			}
		case sEscapeStart:
			if b[p] == '-' {
				p, st = p+1, sEscapeStartDash
			} else {
				st = sData
			}
		case sEscapeStartDash:
			if b[p] == '-' {
				p, st = p+1, sEscapedDashDash
			} else {
				st = sData
			}
		case sEscaped, sEscapedDash, sEscapedDashDash:
			c := b[p]
			p++
			switch {
			case c == '-' && st == sEscaped:
				st = sEscapedDash
			case c == '-':
				st = sEscapedDashDash
			case c == '<':
				st = sEscapedLessThanSign
			case c == '>' && st == sEscapedDashDash:
				st = sData
			default:
				st = sEscaped
			}
		case sEscapedLessThanSign:
			switch c := b[p]; {
			case c == '/':
				p, st = p+1, sEscapedEndTagOpen
			case isLetter(c):
				st = sDoubleEscapeStart
			default:
				st = sData
			}
		case sDoubleEscapeStart:
			const s = "script"
			k := 0
			for k < len(s) && p+k < len(b) && (b[p+k] == s[k] || b[p+k] == s[k]-('a'-'A')) {
				k++
			}
			switch {
			case p+k >= len(b):
				l.Pos, l.script = p, st
				return false
			case k < len(s):
				p, st = p+k, sEscaped
			case isSpace(b[p+k]) || b[p+k] == '/' || b[p+k] == '>':
				p, st = p+k+1, sDoubleEscaped
			default:
				p, st = p+k, sEscaped
			}
		case sDoubleEscaped, sDoubleEscapedDash, sDoubleEscapedDashDash:
			c := b[p]
			p++
			switch {
			case c == '-' && st == sDoubleEscaped:
				st = sDoubleEscapedDash
			case c == '-':
				st = sDoubleEscapedDashDash
			case c == '<':
				st = sDoubleEscapedLessThanSign
			case c == '>' && st == sDoubleEscapedDashDash:
				st = sData
			default:
				st = sDoubleEscaped
			}
		case sDoubleEscapedLessThanSign:
			if b[p] == '/' {
				p, st = p+1, sDoubleEscapeEnd
			} else {
				st = sDoubleEscaped
			}
		case sDoubleEscapeEnd:
			next, r := rawEndTag(b, p, "script")
			switch r {
			case rawMore:
				l.Pos, l.script = p, st
				return false
			case rawEnd:
				st = sEscaped
			default:
				st = sDoubleEscaped
			}
			p = next
		}
	}
}

// suspend saves the state st of scriptText at p, where b ended, or rather
// at the '<' that led to st, if any, in the state that read it: the end of
// the script's text is at a '<', which must remain in the input.
func (l *Lexer) suspend(p, st int) {
	switch st {
	case sLessThanSign:
		p, st = p-1, sData
	case sEndTagOpen:
		p, st = p-2, sData
	case sEscapedLessThanSign:
		p, st = p-1, sEscaped
	case sEscapedEndTagOpen:
		p, st = p-2, sEscaped
	}
	l.Pos, l.script = p, st
}

// AttrValue returns the value of an attribute as Tokenizer.TagAttr does
// from v as written: NULs replaced with U+FFFD, "\r\n" and "\r" with "\n",
// and character references decoded as in an attribute. v itself is returned
// when it has nothing to change, and not modified.
func AttrValue(v []byte) []byte {
	if bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, '\r') < 0 && bytes.IndexByte(v, 0) < 0 {
		return v
	}
	w := bytes.ReplaceAll(v, []byte{0}, []byte("\ufffd")) // a copy
	w = convertNewlines(w)
	if bytes.IndexByte(w, '&') < 0 {
		return w
	}
	// The tokenizer decodes references with its own unescape(…, true), which
	// differs from UnescapeString's (such as for "&amp=" or "&ampx"): have
	// it decode w as the value of a tag. A '"' cannot be part of a reference
	// and reads as the end of the value would for the one before it, so w
	// is decoded piece by piece between its '"'.
	var out []byte
	for i, piece := range bytes.Split(w, []byte{'"'}) {
		if i > 0 {
			out = append(out, '"')
		}
		if bytes.IndexByte(piece, '&') < 0 {
			out = append(out, piece...)
			continue
		}
		z := html.NewTokenizer(strings.NewReader(`<a v="` + string(piece) + `">`))
		z.Next()
		_, val, _ := z.TagAttr()
		out = append(out, val...)
	}
	return out
}

// convertNewlines is the tokenizer's: it replaces "\r\n" and "\r" with "\n"
// in s, in place.
func convertNewlines(s []byte) []byte {
	for i, c := range s {
		if c != '\r' {
			continue
		}
		src := i + 1
		if src >= len(s) || s[src] != '\n' {
			s[i] = '\n'
			continue
		}
		dst := i
		for src < len(s) {
			if s[src] == '\r' {
				if src+1 < len(s) && s[src+1] == '\n' {
					src++
				}
				s[dst] = '\n'
			} else {
				s[dst] = s[src]
			}
			src++
			dst++
		}
		return s[:dst]
	}
	return s
}
