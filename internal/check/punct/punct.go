// Package punct holds the punctuation rules of one text: marks that do not
// belong in its language, and one quotation style per language. The check
// package runs them over a site; render/tmpl over the interface strings.
package punct

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsite/internal/lang"
)

// Problem is a punctuation mark that does not belong in its text.
type Problem struct {
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

// Marks returns the marks of text that do not belong in a text of
// language l: CJK punctuation in a text with Western number style (unless it
// stands beside a Chinese character, quoting Chinese), and an ASCII mark
// , ; : ! ? ( ) beside a Chinese character in a text with CJK number style.
// Quotation marks are left to [QuoteStyle].
func Marks(text string, l lang.Lang) []Problem {
	var out []Problem
	cjk := l.NumberStyle() == lang.StyleCJK
	for i, r := range text {
		size := utf8.RuneLen(r)
		switch {
		case !cjk && isCJKPunct(r):
			if b, a := neighbours(text, i, size); isHan(b) || isHan(a) || isCJKPunct(b) && isHan(a) || isOpenQuote(b) && isCloseQuote(a) {
				continue // Chinese, or the mark itself, quoted in the translation
			}
			out = append(out, Problem{Off: i, Mark: string(r),
				Msg:  fmt.Sprintf("full-width %q in %s text", string(r), l.Tag),
				Hint: "write the ASCII mark and a space, as the language does (: not ：)"})
		case cjk && asciiMarks[r] != 0:
			b, a := neighbours(text, i, size)
			if !isHan(b) && !isHan(a) {
				continue // 5+2, 1-11, 80.41%, (LED): not between Chinese
			}
			out = append(out, Problem{Off: i, Mark: string(r),
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

// QuoteOf returns the quotation style a mark belongs to, or "".
func QuoteOf(r rune) string {
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
func (q *QuoteStyle) Check(text string, l lang.Lang, where string) []Problem {
	if q.first == nil {
		q.first = map[string]quotePlace{}
	}
	var out []Problem
	for i, r := range text {
		st := QuoteOf(r)
		if st == "" {
			continue
		}
		f, ok := q.first[l.Tag]
		if !ok {
			q.first[l.Tag] = quotePlace{st, where}
			continue
		}
		if f.style != st {
			out = append(out, Problem{Off: i, Mark: string(r),
				Msg:  fmt.Sprintf("%s in %s text, which uses %s (first at %s)", st, l.Tag, f.style, f.where),
				Hint: "use one quotation style per language"})
		}
	}
	return out
}
