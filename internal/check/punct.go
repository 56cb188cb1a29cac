package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
)

// PunctProblem is a punctuation mark that does not belong in its text.
type PunctProblem struct {
	Off  int    // byte offset of the mark in the text
	Mark string // the mark as written
	Msg  string
	Hint string
}

// asciiMarks are the ASCII marks that Chinese text writes full width.
var asciiMarks = map[rune]rune{',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）'}

// isCJKPunct reports whether r is punctuation of the CJK blocks: 、。「」
// 《》 and the full-width forms ，：；！？（）.
func isCJKPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303F && r != 0x3000 && !unicode.Is(unicode.Han, r) ||
		r >= 0xFF01 && r <= 0xFF0F || r >= 0xFF1A && r <= 0xFF20 || r >= 0xFF3B && r <= 0xFF40 || r >= 0xFF5B && r <= 0xFF65
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isOpenQuote(r rune) bool  { return r == '“' || r == '‘' || r == '"' }
func isCloseQuote(r rune) bool { return r == '”' || r == '’' || r == '"' }

// neighbours returns the runes before and after s[i:i+size], skipping
// spaces, or 0.
func neighbours(s string, i, size int) (before, after rune) {
	t := strings.TrimRight(s[:i], " \t\u00a0")
	before, _ = utf8.DecodeLastRuneInString(t)
	u := strings.TrimLeft(s[i+size:], " \t\u00a0")
	after, _ = utf8.DecodeRuneInString(u)
	if before == utf8.RuneError {
		before = 0
	}
	if after == utf8.RuneError {
		after = 0
	}
	return before, after
}

// Punctuation returns the marks of text that do not belong in a text of
// language l: CJK punctuation in a text with Western number style (unless it
// stands beside a Chinese character, quoting Chinese), and an ASCII mark
// , ; : ! ? ( ) beside a Chinese character in a text with CJK number style.
// Quotation marks are left to [QuoteStyle].
func Punctuation(text string, l lang.Lang) []PunctProblem {
	var out []PunctProblem
	cjk := l.NumberStyle() == lang.StyleCJK
	for i, r := range text {
		size := utf8.RuneLen(r)
		switch {
		case !cjk && isCJKPunct(r):
			if b, a := neighbours(text, i, size); isHan(b) || isHan(a) || isCJKPunct(b) && isHan(a) || isOpenQuote(b) && isCloseQuote(a) {
				continue // Chinese, or the mark itself, quoted in the translation
			}
			out = append(out, PunctProblem{Off: i, Mark: string(r),
				Msg:  fmt.Sprintf("full-width %q in %s text", string(r), l.Tag),
				Hint: "write the ASCII mark and a space, as the language does (: not ：)"})
		case cjk && asciiMarks[r] != 0:
			b, a := neighbours(text, i, size)
			if !isHan(b) && !isHan(a) {
				continue // 5+2, 1-11, 80.41%, (LED): not between Chinese
			}
			out = append(out, PunctProblem{Off: i, Mark: string(r),
				Msg:  fmt.Sprintf("ASCII %q beside Chinese in %s text", string(r), l.Tag),
				Hint: fmt.Sprintf("write %q without spaces", string(asciiMarks[r]))})
		}
	}
	return out
}

// Quote styles.
const (
	quoteStraight = "straight quotes \"…\""
	quoteCurly    = "curly quotes “…”"
	quoteCorner   = "corner brackets 「…」"
)

// quoteOf returns the quotation style a mark belongs to, or "".
func quoteOf(r rune) string {
	switch r {
	case '"':
		return quoteStraight
	case '“', '”':
		return quoteCurly
	case '「', '」':
		return quoteCorner
	}
	return ""
}

// QuoteStyle remembers the quotation style each language uses first and
// reports a text that uses another. The zero value is ready to use.
type QuoteStyle struct {
	first map[string]quotePlace
}

type quotePlace struct {
	style, where string
}

// Check returns a problem for each quotation mark of text whose style is
// not the first style seen in language l; where says where text is, for
// later messages.
func (q *QuoteStyle) Check(text string, l lang.Lang, where string) []PunctProblem {
	if q.first == nil {
		q.first = map[string]quotePlace{}
	}
	var out []PunctProblem
	for i, r := range text {
		st := quoteOf(r)
		if st == "" {
			continue
		}
		f, ok := q.first[l.Tag]
		if !ok {
			q.first[l.Tag] = quotePlace{st, where}
			continue
		}
		if f.style != st {
			out = append(out, PunctProblem{Off: i, Mark: string(r),
				Msg:  fmt.Sprintf("%s in %s text, which uses %s (first at %s)", st, l.Tag, f.style, f.where),
				Hint: "use one quotation style per language"})
		}
	}
	return out
}

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
// that a language keeps one quotation style (QuoteStyle), which compares
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
			for _, pr := range Punctuation(pl.p.text, pl.l) {
				addPunct(s, pl.p, pr, dl)
			}
			for i, r := range pl.p.text {
				if st := quoteOf(r); st != "" {
					quotes = append(quotes, quoteMark{p: pl.p, lang: pl.l, off: i, mark: string(r), style: st})
				}
			}
		}
	}
	return quotes
}

// quoteStyles reports the quotation marks, in the order of the site's
// items, whose style is not the first their language uses (QuoteStyle).
func quoteStyles(s *content.Site, quotes [][]quoteMark, dl *diag.List) {
	first := map[string]quotePlace{}
	for _, qs := range quotes {
		for _, q := range qs {
			f, ok := first[q.lang.Tag]
			if !ok {
				first[q.lang.Tag] = quotePlace{q.style, pos(q.p.file, q.p.line, 0)}
				continue
			}
			if f.style != q.style {
				addPunct(s, q.p, PunctProblem{Off: q.off, Mark: q.mark,
					Msg:  fmt.Sprintf("%s in %s text, which uses %s (first at %s)", q.style, q.lang.Tag, f.style, f.where),
					Hint: "use one quotation style per language"}, dl)
			}
		}
	}
}

// addPunct reports problem pr of the text at p, at its line and column in
// the file.
func addPunct(s *content.Site, p place, pr PunctProblem, dl *diag.List) {
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
