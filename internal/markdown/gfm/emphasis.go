package gfm

import (
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// cjkEmphasisParser parses * and _ emphasis by the CJK-friendly amendment of
// CommonMark (github.com/tats-u/markdown-cjk-friendly): a punctuation mark
// that is itself CJK (。，：「」) does not stop a delimiter run from opening or
// closing, and a CJK character counts like a space beside other punctuation.
// Plain CommonMark leaves **主要指標逆勢上揚。**1-11月份 unformatted.
// github.com/tats-u/goldmark-cjk-friendly/v2 is the goldmark extension for
// this amendment and would replace this file, but the Go module proxy the
// project builds from does not serve it (403 for every version, asked on
// 2026-11-28); until it does, this parser is the amendment's emphasis rule
// only, pinned by TestCJK in package markdown.
type cjkEmphasisParser struct{}

func (cjkEmphasisParser) Trigger() []byte { return []byte{'*', '_'} }

func (cjkEmphasisParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	d := scanDelimiter(line, before, emphasisProcessor{})
	if d == nil {
		return nil
	}
	d.Segment = segment.WithStop(segment.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

// emphasisProcessor matches * with * and _ with _, like goldmark's own.
type emphasisProcessor struct{}

func (emphasisProcessor) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisProcessor) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

// cjkStrikeParser parses ~~strikethrough~~ by the same rules, in place of
// goldmark's extension.Strikethrough parser.
type cjkStrikeParser struct{}

func (cjkStrikeParser) Trigger() []byte { return []byte{'~'} }

func (cjkStrikeParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	if before == '~' {
		return nil
	}
	line, segment := block.PeekLine()
	d := scanDelimiter(line, before, strikeProcessor{})
	if d == nil || d.OriginalLength > 2 {
		return nil
	}
	d.Segment = segment.WithStop(segment.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

type strikeProcessor struct{}

func (strikeProcessor) IsDelimiter(b byte) bool { return b == '~' }

func (strikeProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (strikeProcessor) OnMatch(int) ast.Node { return east.NewStrikethrough() }

// scanDelimiter scans a run of the delimiter at the start of line, as
// goldmark's parser.ScanDelimiter does, with CJK-friendly flanking rules.
func scanDelimiter(line []byte, before rune, proc parser.DelimiterProcessor) *parser.Delimiter {
	if len(line) == 0 || !proc.IsDelimiter(line[0]) {
		return nil
	}
	c := line[0]
	j := 1
	for j < len(line) && line[j] == c {
		j++
	}
	after := ' ' // the end of the line counts as white space
	if j < len(line) {
		after = util.ToRune(line, j)
	}
	beforeSpace, afterSpace := util.IsSpaceRune(before), util.IsSpaceRune(after)
	beforePunct, afterPunct := util.IsPunctRune(before), util.IsPunctRune(after)
	beforeCJK, afterCJK := IsCJK(before), IsCJK(after)
	beforeOtherPunct := beforePunct && !beforeCJK // non-CJK punctuation
	afterOtherPunct := afterPunct && !afterCJK

	left := !afterSpace && (!afterOtherPunct || beforeSpace || beforeOtherPunct || beforeCJK)
	right := !beforeSpace && (!beforeOtherPunct || afterSpace || afterOtherPunct || afterCJK)

	var canOpen, canClose bool
	if c == '_' {
		canOpen = left && (!right || beforePunct)
		canClose = right && (!left || afterPunct)
	} else {
		canOpen, canClose = left, right
	}
	return parser.NewDelimiter(canOpen, canClose, j, c, proc)
}

// cjkRanges are the East Asian wide, fullwidth and halfwidth blocks: Han,
// kana, Hangul, CJK punctuation and symbols, fullwidth forms. Emoji, also
// wide, are left out as the amendment asks.
var cjkRanges = &unicode.RangeTable{
	R16: []unicode.Range16{
		{0x1100, 0x115f, 1}, // Hangul Jamo (wide)
		{0x2e80, 0x303e, 1}, // radicals, ideographic description, CJK symbols and punctuation
		{0x3041, 0x33ff, 1}, // kana, bopomofo, Hangul compatibility, enclosed, compatibility
		{0x3400, 0x4dbf, 1}, // extension A
		{0x4e00, 0x9fff, 1}, // unified ideographs
		{0xa000, 0xa4cf, 1}, // Yi
		{0xa960, 0xa97f, 1}, // Hangul Jamo extended A
		{0xac00, 0xd7a3, 1}, // Hangul syllables
		{0xf900, 0xfaff, 1}, // compatibility ideographs
		{0xfe10, 0xfe19, 1}, // vertical forms
		{0xfe30, 0xfe6f, 1}, // compatibility and small forms
		{0xff01, 0xffdc, 1}, // fullwidth and halfwidth forms
		{0xffe0, 0xffee, 1},
	},
	R32: []unicode.Range32{
		{0x16fe0, 0x18d08, 1}, // ideographic symbols, Tangut
		{0x1b000, 0x1b2ff, 1}, // kana supplements
		{0x20000, 0x3fffd, 1}, // supplementary ideographs
	},
}

// IsCJK reports whether r is a CJK character in the sense of the amendment,
// which is also where a line break in a paragraph's plain text is dropped.
func IsCJK(r rune) bool {
	return r >= 0x1100 && unicode.Is(cjkRanges, r)
}
