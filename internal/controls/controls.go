// Package controls finds characters that have no business in a report's text:
// C0 and C1 control characters, which can hide content, corrupt a download or
// a terminal, and bidirectional controls, which can make text read in another
// order than it is stored (the "Trojan Source" trick). It reads raw text and
// the escapes of TOML strings and of Markdown's numeric character references,
// so that an escaped \u001b is found as well as a raw one.
package controls

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Finding is one unwanted character at a 1-based line and column (in
// characters) of the text.
type Finding struct {
	Line, Col int
	Rune      rune
	Bidi      bool // a bidirectional control: a warning, not an error
}

// Name describes the character for a message: U+001B, or U+202E (RIGHT-TO-LEFT
// OVERRIDE) for the bidi controls.
func (f Finding) Name() string {
	s := fmt.Sprintf("U+%04X", f.Rune)
	if n := bidiNames[f.Rune]; n != "" {
		s += " (" + n + ")"
	}
	return s
}

var bidiNames = map[rune]string{
	0x061C: "ARABIC LETTER MARK", 0x200E: "LEFT-TO-RIGHT MARK", 0x200F: "RIGHT-TO-LEFT MARK",
	0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING", 0x202C: "POP DIRECTIONAL FORMATTING",
	0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x2066: "LEFT-TO-RIGHT ISOLATE",
	0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE",
}

// IsControl reports whether r is a C0 or C1 control character (DEL included)
// other than tab and newline.
func IsControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7F && r <= 0x9F
}

// IsBidi reports whether r is a bidirectional formatting character.
func IsBidi(r rune) bool { return bidiNames[r] != "" }

// tracker turns byte offsets into line and column as a text is walked.
type tracker struct {
	line, col int
	out       []Finding
}

func (t *tracker) check(r rune, line, col int) {
	switch {
	case IsControl(r):
		t.out = append(t.out, Finding{Line: line, Col: col, Rune: r})
	case IsBidi(r):
		t.out = append(t.out, Finding{Line: line, Col: col, Rune: r, Bidi: true})
	}
}

// Markdown finds control and bidi characters in a Markdown text, raw or
// written as numeric character references (&#27; &#x202E;).
func Markdown(src []byte) []Finding {
	t := tracker{line: 1, col: 1}
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		switch {
		case r == '\n':
			t.line, t.col = t.line+1, 1
			i += n
			continue
		case r == '\r' && i+1 < len(src) && src[i+1] == '\n':
		case r == '&':
			if v, ok := charRef(src[i:]); ok {
				t.check(v, t.line, t.col)
			}
		default:
			t.check(r, t.line, t.col)
		}
		t.col++
		i += n
	}
	return t.out
}

// charRef decodes a numeric character reference at the start of s.
func charRef(s []byte) (rune, bool) {
	if len(s) < 4 || s[1] != '#' {
		return 0, false
	}
	base, j := 10, 2
	if s[2] == 'x' || s[2] == 'X' {
		base, j = 16, 3
	}
	k := j
	for k < len(s) && k-j < 8 && isDigit(s[k], base) {
		k++
	}
	if k == j || k >= len(s) || s[k] != ';' {
		return 0, false
	}
	v, err := strconv.ParseUint(string(s[j:k]), base, 32)
	if err != nil {
		return 0, false
	}
	return rune(v), true
}

func isDigit(c byte, base int) bool {
	switch {
	case c >= '0' && c <= '9':
		return true
	case base == 16:
		return c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
	}
	return false
}

// TOML finds control and bidi characters in the strings and quoted keys of a
// TOML text, raw or escaped (\u001B, \U0000202E, \b, \f, \r, \e, \x1b).
// Newlines and tabs are allowed, as is the CR of a CRLF line end; the
// text is assumed to parse.
func TOML(src []byte) []Finding {
	t := tracker{line: 1, col: 1}
	var delim string // the open string's quote: " ' """ '''
	comment := false
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		line, col := t.line, t.col
		if r == '\n' {
			t.line, t.col = t.line+1, 1
			comment = false
			i += n
			continue
		}
		t.col++
		switch {
		case comment:
		case delim == "":
			switch {
			case r == '#':
				comment = true
			case r == '"' || r == '\'':
				delim = string(r)
				if i+2 < len(src) && src[i+1] == byte(r) && src[i+2] == byte(r) {
					delim = string([]byte{byte(r), byte(r), byte(r)})
					i += 2
					t.col += 2
				}
			}
		case hasAt(src, i, delim):
			i += len(delim) - 1
			t.col += len(delim) - 1
			delim = ""
		case r == '\\' && (delim == `"` || delim == `"""`) && i+1 < len(src):
			v, k := escape(src[i+1:])
			if v >= 0 {
				t.check(v, line, col)
			}
			i += k
			t.col += k
		case r == '\r' && i+1 < len(src) && src[i+1] == '\n':
		default:
			t.check(r, line, col)
		}
		i += n
	}
	return t.out
}

func hasAt(s []byte, i int, d string) bool {
	return len(s)-i >= len(d) && string(s[i:i+len(d)]) == d
}

// escape decodes the TOML escape after a backslash; it returns the rune
// (-1 for one that cannot hold a control) and how many bytes it spans after
// the backslash (0 for a line-ending backslash, whose newline still counts).
func escape(s []byte) (rune, int) {
	switch s[0] {
	case '\n', '\r', ' ', '\t':
		return -1, 0
	}
	hex := func(n int) (rune, int) {
		if len(s) < 1+n {
			return -1, 1
		}
		v, err := strconv.ParseUint(string(s[1:1+n]), 16, 32)
		if err != nil {
			return -1, 1
		}
		return rune(v), 1 + n
	}
	switch s[0] {
	case 'u':
		return hex(4)
	case 'U':
		return hex(8)
	case 'x':
		return hex(2)
	case 'b':
		return '\b', 1
	case 'f':
		return '\f', 1
	case 'r':
		return '\r', 1
	case 'e':
		return 0x1B, 1
	case 'n':
		return '\n', 1
	case 't':
		return '\t', 1
	}
	return -1, 1
}
