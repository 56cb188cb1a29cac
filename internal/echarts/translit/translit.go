// Package translit finds and makes the replacement between two texts that
// differ only in the forms of their CJK characters, one for one (a text and
// its conversion from Traditional to Simplified Chinese, say), such that a
// layout that measures and breaks the one text lays out the other alike.
package translit

import (
	"strings"
	"unicode/utf8"
)

// Map returns the replacement that turns from into to, rune by rune, and
// whether there is one: the two have the same runes except where
// both are CJK characters of the same UTF-16 length (JavaScript counts a
// character outside the Basic Multilingual Plane twice), and each rune of
// from that is replaced, or kept, is so everywhere.
func Map(from, to []byte) (map[rune]rune, bool) {
	m := map[rune]rune{}
	for len(from) > 0 && len(to) > 0 {
		a, na := utf8.DecodeRune(from)
		b, nb := utf8.DecodeRune(to)
		from, to = from[na:], to[nb:]
		if a == utf8.RuneError || b == utf8.RuneError {
			return nil, false
		}
		if a == b && !isWide(a) {
			continue
		}
		if !isWide(a) || !isWide(b) || (a > 0xFFFF) != (b > 0xFFFF) {
			return nil, false
		}
		if prev, seen := m[a]; seen && prev != b {
			return nil, false
		}
		m[a] = b
	}
	return m, len(from) == 0 && len(to) == 0
}

// isWide reports whether ECharts measures and breaks r as a CJK character:
// one em wide, a line break allowed on either side. ECharts' table of
// widths holds ASCII only, and it keeps words of letters below U+2E80
// (Latin, Greek, Cyrillic, …) together; CJK starts there.
func isWide(r rune) bool { return r >= 0x2E80 }

// Replace returns s with m's replacements made.
func Replace(s string, m map[rune]rune) string {
	return strings.Map(func(r rune) rune {
		if to, ok := m[r]; ok {
			return to
		}
		return r
	}, s)
}
