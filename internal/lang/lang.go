// Package lang holds what depends on the reader's language: the languages of a
// site, text in several languages, number formats, and the derivation of one
// language from another (Simplified from Traditional Chinese).
//
// Code and templates never branch on a language tag: they ask a Text for its
// string in a Lang, or a Lang for its number style.
//
// Derivation uses OpenCC's dictionaries but not opencc.Convert, which
// allocates for every character: a Converter matches the library's own
// dictionaries by the library's rules into reused buffers (see opencc.go),
// and the differential fuzz test FuzzConvertMatchesOpenCC checks that it
// gives the library's bytes.
package lang

import (
	"fmt"
	"slices"
	"strings"
)

// Lang is one language of a site.
type Lang struct {
	Tag    string // BCP 47 tag, e.g. "zh-Hant"
	Name   string // the language's name in itself, for the switch
	Prefix string // output folder and URL prefix
	Derive string // tag of the language this one is converted from; empty if written by hand
	// Numbers is the number style: "cjk" (萬, 億) or "western" (thousand,
	// million, billion). Empty means the style of the tag's locale.
	Numbers string
}

// Derived reports whether the language is converted from another.
func (l Lang) Derived() bool { return l.Derive != "" }

// NumberStyle returns the number style of the language.
func (l Lang) NumberStyle() string {
	if l.Numbers != "" {
		return l.Numbers
	}
	if localeBase(l.Tag) == "zh" || localeBase(l.Tag) == "ja" {
		return StyleCJK
	}
	return StyleWestern
}

// ChartLocale returns the ECharts locale name for the language ("ZH" or "EN").
func (l Lang) ChartLocale() string {
	if l.NumberStyle() == StyleCJK {
		return "ZH"
	}
	return "EN"
}

func localeBase(tag string) string {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return base
}

// Number styles.
const (
	StyleCJK     = "cjk"
	StyleWestern = "western"
)

// Text is a string in several languages, keyed by language tag.
type Text map[string]string

// In returns the text in language l, or "" when there is none.
func (t Text) In(l Lang) string { return t[l.Tag] }

// Has reports whether the text has a non-empty string for tag.
func (t Text) Has(tag string) bool { return t[tag] != "" }

// IsZero reports whether the text is empty in every language.
func (t Text) IsZero() bool {
	for _, s := range t {
		if s != "" {
			return false
		}
	}
	return true
}

// UnmarshalTOML accepts a plain string (the same in every language, stored
// under the key "*") or a table of strings keyed by language tag.
func (t *Text) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*t = Text{Any: v}
		return nil
	case map[string]any:
		out := make(Text, len(v))
		for k, s := range v {
			str, ok := s.(string)
			if !ok {
				return fmt.Errorf("text for %q is a %T, want a string", k, s)
			}
			out[k] = str
		}
		*t = out
		return nil
	}
	return fmt.Errorf("text is a %T, want a string or a table of strings by language", v)
}

// Any is the key of a Text written as a plain string: the same in every language.
const Any = "*"

// Missing returns the tags of the hand-written languages that have no text,
// unless the text was written once for every language.
func (t Text) Missing(langs []Lang) []string {
	if t[Any] != "" {
		return nil
	}
	var out []string
	for _, l := range langs {
		if !l.Derived() && t[l.Tag] == "" {
			out = append(out, l.Tag)
		}
	}
	return out
}

// Unknown returns the keys that are not tags of hand-written languages, sorted.
func (t Text) Unknown(langs []Lang) []string {
	var out []string
	for k := range t {
		if k == Any {
			continue
		}
		i := slices.IndexFunc(langs, func(l Lang) bool { return l.Tag == k })
		if i < 0 || langs[i].Derived() {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// Fill completes t for every language: a plain string is copied to each, and
// a derived language gets its source's text converted by conv.
func (t Text) Fill(langs []Lang, conv func(from, to, s string) string) {
	if t == nil {
		return
	}
	if s, ok := t[Any]; ok {
		for _, l := range langs {
			if _, has := t[l.Tag]; !has {
				t[l.Tag] = s
			}
		}
	}
	for _, l := range langs {
		if l.Derived() && t[l.Tag] == "" && t[l.Derive] != "" {
			t[l.Tag] = conv(l.Derive, l.Tag, t[l.Derive])
		}
	}
}
