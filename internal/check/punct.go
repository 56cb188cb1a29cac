package check

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"reportsite/internal/check/punct"
	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
)

// translation returns the hand-written language the punctuation rules
// pair with the original: the first other than it.
func translation(s *content.Site) (src, tr lang.Lang, ok bool) {
	src, ok = original(s)
	if !ok {
		return src, tr, false
	}
	for _, l := range s.SourceLangs() {
		if l.Tag != src.Tag {
			return src, l, true
		}
	}
	return src, tr, false
}

// quoteMark is a quotation mark of a text a reader sees, for the rule
// that a language keeps one quotation style (punct.QuoteStyle), which compares
// texts of every file.
type quoteMark struct {
	p     place
	lang  lang.Lang
	off   int
	mark  string
	style string
}

// punctuation reports the punctuation problems of items (of one file, or
// of one section, in the original src and the translation tr) but those of
// the quotation style, and returns their quotation marks, in order.
func punctuation(s *content.Site, src, tr lang.Lang, items []item, dl *diag.List) []quoteMark {
	var quotes []quoteMark
	seen := map[place]bool{}
	for _, it := range items {
		for _, pl := range []struct {
			p place
			l lang.Lang
		}{{it.orig, src}, {it.tr, tr}} {
			if pl.p.line == 0 || seen[pl.p] {
				continue // a translation read whole, already read paragraph by paragraph
			}
			seen[pl.p] = true
			for _, pr := range punct.Marks(pl.p.text, pl.l) {
				addPunct(s, pl.p, pr, dl)
			}
			for i, r := range pl.p.text {
				if st := punct.QuoteOf(r); st != "" {
					quotes = append(quotes, quoteMark{p: pl.p, lang: pl.l, off: i, mark: string(r), style: st})
				}
			}
		}
	}
	return quotes
}

// quoteStyle is the style of the quotation marks of one language in a
// list of marks: the first's, where it is, and whether all are of it.
type quoteStyle struct {
	tag, style, where string
	mixed             bool
}

// styles sums up the quotation marks qs per language.
func styles(qs []quoteMark) []quoteStyle {
	var out []quoteStyle
	for _, q := range qs {
		i := slices.IndexFunc(out, func(st quoteStyle) bool { return st.tag == q.lang.Tag })
		if i < 0 {
			out = append(out, quoteStyle{tag: q.lang.Tag, style: q.style, where: pos(q.p.file, q.p.line, 0)})
			continue
		}
		out[i].mixed = out[i].mixed || out[i].style != q.style
	}
	return out
}

// quoteStyles reports the quotation marks, in the order of the site's
// items, whose style is not the first their language uses (punct.QuoteStyle).
// sums holds what styles says of each list of marks: a list of one style
// per language, each the first of its language, is not read mark by mark.
func quoteStyles(s *content.Site, quotes [][]quoteMark, sums [][]quoteStyle, dl *diag.List) {
	type quotePlace struct{ style, where string }
	first := map[string]quotePlace{}
	for k, qs := range quotes {
		if k < len(sums) && !slices.ContainsFunc(sums[k], func(st quoteStyle) bool {
			f, ok := first[st.tag]
			return st.mixed || ok && f.style != st.style
		}) {
			for _, st := range sums[k] {
				if _, ok := first[st.tag]; !ok {
					first[st.tag] = quotePlace{st.style, st.where}
				}
			}
			continue
		}
		for _, q := range qs {
			f, ok := first[q.lang.Tag]
			if !ok {
				first[q.lang.Tag] = quotePlace{q.style, pos(q.p.file, q.p.line, 0)}
				continue
			}
			if f.style != q.style {
				addPunct(s, q.p, punct.Problem{Off: q.off, Mark: q.mark,
					Msg:  fmt.Sprintf("%s in %s text, which uses %s (first at %s)", q.style, q.lang.Tag, f.style, f.where),
					Hint: "use one quotation style per language"}, dl)
			}
		}
	}
}

// addPunct reports problem pr of the text at p, at its line and column in
// the file.
func addPunct(s *content.Site, p place, pr punct.Problem, dl *diag.List) {
	line, col := s.Locate(p.file, p.line, around(p.text, pr.Off, len(pr.Mark)))
	if col > 0 {
		col += utf8.RuneCountInString(aroundBefore(p.text, pr.Off))
	}
	dl.Add(diag.Diag{File: p.file, Line: line, Col: max(col, 1), Msg: pr.Msg, Hint: pr.Hint})
}

// around returns the mark at off in s with up to two characters on each
// side, to find it in the file.
func around(s string, off, size int) string {
	rest := s[off+size:]
	end := 0
	for n := 0; n < 2 && end < len(rest); n++ {
		_, sz := utf8.DecodeRuneInString(rest[end:])
		end += sz
	}
	return aroundBefore(s, off) + s[off:off+size] + rest[:end]
}

func aroundBefore(s string, off int) string {
	b := s[:off]
	for n := 0; n < 2 && b != ""; n++ {
		_, size := utf8.DecodeLastRuneInString(b)
		b = b[:len(b)-size]
	}
	return s[len(b):off]
}
