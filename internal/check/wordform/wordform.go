// Package wordform compares English renderings of a glossary term as a
// reader would: any case, a leading article left out, the last word in the
// singular or the plural, standing as whole words.
package wordform

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Overlap reports whether two renderings share a word of four letters
// or more, ignoring plurals.
func Overlap(a, b string) bool {
	for _, w := range strings.Fields(strings.ToLower(a)) {
		w = singular(strings.Trim(w, ",.;:'\"()"))
		if len(w) < 4 {
			continue
		}
		for _, v := range strings.Fields(strings.ToLower(b)) {
			if singular(strings.Trim(v, ",.;:'\"()")) == w {
				return true
			}
		}
	}
	return false
}

// Rendered reports whether text (lower case, normalized) contains the
// rendering to in one of its allowed forms: any case, a leading article
// left out, the last word in the singular or the plural; the form must
// stand as whole words.
func Rendered(text, to string) bool {
	base := stripArticle(strings.ToLower(to))
	for _, form := range []string{base, plural(base), singular(base)} {
		if containsWords(text, form) {
			return true
		}
	}
	return false
}

func stripArticle(s string) string {
	for _, a := range []string{"the ", "a ", "an "} {
		if r, ok := strings.CutPrefix(s, a); ok {
			return r
		}
	}
	return s
}

// Canonical is the form under which two renderings count as the same.
func Canonical(s string) string { return singular(stripArticle(strings.ToLower(s))) }

// plural returns s with its last word in the plural.
func plural(s string) string {
	switch {
	case strings.HasSuffix(s, "y") && len(s) > 1 && !strings.ContainsRune("aeiou", rune(s[len(s)-2])):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(s, "s"), strings.HasSuffix(s, "x"), strings.HasSuffix(s, "ch"), strings.HasSuffix(s, "sh"):
		return s + "es"
	}
	return s + "s"
}

// singular returns s with a regular plural last word in the singular.
func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies"):
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "xes"), strings.HasSuffix(s, "ches"), strings.HasSuffix(s, "shes"):
		return s[:len(s)-2]
	case strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss") && !strings.HasSuffix(s, "us"):
		return s[:len(s)-1]
	}
	return s
}

// containsWords reports whether form occurs in text with no letter or digit
// directly before or after it.
func containsWords(text, form string) bool {
	if form == "" {
		return false
	}
	for off := 0; ; {
		i := strings.Index(text[off:], form)
		if i < 0 {
			return false
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(form):])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		off = i + 1
	}
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) && r < 0x2E80
}
