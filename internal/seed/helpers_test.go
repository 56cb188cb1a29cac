package seed

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What only the tests use: sentences and errata as text, and a look for
// damage the recipe left in the cleaned text.

func (s Sentence) String() string { return fmt.Sprintf("%s:%d: %s", s.File, s.Line, s.Text) }

// Damage returns what in line looks like unrepaired damage of the kind the
// recipe repairs: a pinyin annotation, a question mark standing for a lost
// character between Chinese characters, or U+FFFD. It returns "" for a
// clean line.
func Damage(line string) string {
	if _, n := StripAnnotations(line); n > 0 {
		return "pinyin annotation"
	}
	if strings.ContainsRune(line, utf8.RuneError) {
		return "replacement character U+FFFD"
	}
	rs := []rune(line)
	for i, r := range rs {
		if r == '?' && i > 0 && unicode.Is(unicode.Han, rs[i-1]) {
			return "question mark after a Chinese character"
		}
	}
	return ""
}

// String formats the erratum for messages and tests.
func (e Erratum) String() string {
	return fmt.Sprintf("%s ×%d: %q → %q", e.Rule, e.Count, e.Original, e.Corrected)
}
