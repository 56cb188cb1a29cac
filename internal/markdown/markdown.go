package markdown

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"reportsite/internal/diag"
	"reportsite/internal/markdown/anchors"
	"reportsite/internal/markdown/figmark"
	"reportsite/internal/markdown/gfm"
	"reportsite/internal/markdown/note"
	"reportsite/internal/markdown/rawhtml"
)

// Options tune Parse. The zero value means the defaults.
type Options struct {
	// LineOffset is the number of lines before the body in its file (front
	// matter and its delimiters); it is added to every reported line.
	// Default 0.
	LineOffset int

	// NoteLabel is announced to screen readers before each translator's
	// note ([[tn: …]]), e.g. "Translator's note: ". Default "": no label.
	NoteLabel string
}

// Error is a problem in the Markdown, at a line of the section's file.
type Error struct {
	Line int    // 1-based, LineOffset included
	Col  int    // 1-based, in characters; 0 when unknown
	Msg  string // lower case, no final period
	Hint string // how to fix it; may be empty
}

// Error formats the problem as line:col: message.
func (e Error) Error() string {
	if e.Col > 0 {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%d: %s", e.Line, e.Msg)
}

// Diag places the problem in file, for reporting beside the other content
// problems.
func (e Error) Diag(file string) diag.Diag {
	return diag.Diag{File: file, Line: e.Line, Col: e.Col, Msg: e.Msg, Hint: e.Hint}
}

// Heading is a sub-section heading, for the on-page table of contents.
type Heading struct {
	Level int    // 2 to 6
	ID    string // the anchor
	Text  string // plain text, without markup
	Line  int
}

// Ref is a ```chart or ```table block: what the document refers to.
type Ref struct {
	Kind string // BlockChart or BlockTable
	ID   string
	Line int
}

// Image is an image the document shows: its address as written and the
// line of the block that holds it.
type Image struct {
	Dest string
	Line int
}

// Link is a link the document writes, [text](dest): its address as written
// and the position of its text, so that a broken link is reported where it
// is written. Autolinks and images are not links here.
type Link struct {
	Dest      string
	Line, Col int
}

// ParaFootnote is the Para.Kind of a footnote.
const ParaFootnote = "footnote"

// Para is the plain text of a paragraph, list item, table or footnote, so
// that translations can be compared (numbers, terms) block by block.
type Para struct {
	Kind string // "paragraph", "item", "table", "html" or ParaFootnote
	Text string
	Line int
	ID   string // the anchor of its element: ParaID of its index; "" for a footnote
}

// Doc is a parsed section body. Render it once per page; rendering does not
// change it, so it may be rendered again.
type Doc struct {
	Headings []Heading // in document order
	Blocks   []Ref     // chart and table references in document order
	Paras    []Para    // in document order
	Images   []Image   // in document order
	Links    []Link    // in document order
	Notes    []Note    // translator's notes, in document order

	src      []byte
	root     ast.Node
	lines    *lineIndex
	failed   bool // parsing panicked; nothing to render
	released bool // Prepare dropped the tree
}

// md is built once and never changed: goldmark parsers and renderers keep no
// state between documents, so one serves every section of every build.
var md = newMarkdown()

func newMarkdown() goldmark.Markdown {
	p := parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(gfm.InlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
	return goldmark.New(
		goldmark.WithParser(p),
		goldmark.WithParserOptions(parser.WithAttribute()),
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Linkify,
			extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(footnotePrefix)),
			extension.NewCJK(
				extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft),
				extension.WithEscapedSpace(),
			),
			gfm.Extension,
			sectionExt{},
			note.Extension,
		),
	)
}

// stateKey keys a document's parse state in its parser.Context, where the
// transformers find the options and leave what they found.
var stateKey = parser.NewContextKey()

type state struct {
	opt      Options
	lines    *lineIndex
	errs     []Error
	headings []Heading
	blocks   []Ref
}

func (s *state) errorf(off int, hint, format string, args ...any) {
	line, col := s.lines.pos(off)
	s.errs = append(s.errs, Error{Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Parse parses a section body (the file without its front matter). It returns
// a document even when there are errors, so that all of them can be reported
// at once; it never panics.
func Parse(src []byte, opt Options) (d *Doc, errs []Error) {
	src = append([]byte(nil), src...) // the caller may reuse its buffer
	// goldmark assumes valid UTF-8 (a stray continuation byte before a line
	// break makes it panic), so invalid bytes become U+FFFD first.
	var bad int
	src, bad = validUTF8(src)
	li := newLineIndex(src, opt.LineOffset)
	st := &state{opt: opt, lines: li}
	if bad >= 0 {
		st.errorf(bad, "save the file as UTF-8", "invalid UTF-8")
	}
	defer func() {
		if r := recover(); r != nil {
			d = &Doc{src: src, lines: li, failed: true}
			errs = append(st.errs, Error{
				Line: 1 + opt.LineOffset,
				Msg:  fmt.Sprintf("internal error: markdown parser: %v", r),
				Hint: "simplify the Markdown around the last change and report the problem",
			})
		}
	}()
	pc := parser.NewContext()
	pc.Set(stateKey, st)
	pc.Set(note.LabelKey, opt.NoteLabel)
	root := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	d = &Doc{src: src, root: root, lines: li, Headings: st.headings, Blocks: st.blocks}
	d.Paras = collectParas(root, src, st)
	d.Images = collectImages(root, li)
	d.Links = collectLinks(root, li)
	d.Notes = collectNotes(root, src, st)
	sortErrors(st.errs)
	return d, st.errs
}

// collectImages lists the images of a document with their blocks' lines.
func collectImages(root ast.Node, li *lineIndex) []Image {
	var out []Image
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		off := -1
		for p := n.Parent(); p != nil && off < 0; p = p.Parent() {
			if p.Type() == ast.TypeBlock {
				off = nodePos(p)
			}
		}
		out = append(out, Image{Dest: string(img.Destination), Line: li.line(off)})
		return ast.WalkContinue, nil
	})
	return out
}

// collectLinks lists the links of a document with their positions.
func collectLinks(root ast.Node, li *lineIndex) []Link {
	var out []Link
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			line, col := li.pos(nodePos(l))
			out = append(out, Link{Dest: string(l.Destination), Line: line, Col: col})
		}
		return ast.WalkContinue, nil
	})
	return out
}

// validUTF8 returns src with every invalid byte sequence replaced by U+FFFD,
// and the offset of the first replacement in the result, or -1.
func validUTF8(src []byte) ([]byte, int) {
	if utf8.Valid(src) {
		return src, -1
	}
	first := -1
	out := make([]byte, 0, len(src)+8)
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			if first < 0 {
				first = len(out)
			}
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, src[:size]...)
		}
		src = src[size:]
	}
	return out, first
}

func sortErrors(errs []Error) {
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].Line != errs[j].Line {
			return errs[i].Line < errs[j].Line
		}
		return errs[i].Col < errs[j].Col
	})
}

// lineIndex maps byte offsets in a body to lines and columns of its file.
type lineIndex struct {
	src    []byte
	starts []int // offsets at which lines begin
	offset int
}

func newLineIndex(src []byte, offset int) *lineIndex {
	li := &lineIndex{src: src, starts: []int{0}, offset: offset}
	for i, c := range src {
		if c == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

// pos returns the 1-based line (LineOffset included) and column in
// characters of byte offset off; a negative offset gives line 1+offset, col 0.
func (li *lineIndex) pos(off int) (line, col int) {
	if off < 0 {
		return 1 + li.offset, 0
	}
	if off > len(li.src) {
		off = len(li.src)
	}
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	return i + 1 + li.offset, utf8.RuneCount(li.src[li.starts[i]:off]) + 1
}

func (li *lineIndex) line(off int) int {
	l, _ := li.pos(off)
	return l
}

// nodePos returns the byte offset at which a block begins.
func nodePos(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	if c := n.FirstChild(); c != nil {
		return nodePos(c)
	}
	return -1
}

// metaPrefix keys, in a document's metadata, what the footnote renderer
// puts before the footnotes' IDs: anchors.IDMark in a prepared document
// (markFootnotes).
const metaPrefix = "reportsite/markdown.IDPrefix"

func footnotePrefix(n ast.Node) []byte {
	if d := n.OwnerDocument(); d != nil {
		if p, ok := d.Meta()[metaPrefix].([]byte); ok {
			return p
		}
	}
	return nil
}

// sectionExt registers the block and heading transformers and the renderers
// that keep raw HTML out and put the caller's chart and table HTML in.
type sectionExt struct{}

func (sectionExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(blockTransformer{}, 100),
		util.Prioritized(headingTransformer{}, 110),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(blockRenderer{}, 100),
		util.Prioritized(rawhtml.Renderer{}, 100),
		util.Prioritized(figmark.NewRenderer(textRecorder, anchors.NewRenderer(marking,
			extension.NewTableHTMLRenderer(), // its options concern cells only
			rawhtml.Renderer{})), 90),
	))
}

// marking reports whether w asks for marks: when Prepare renders.
func marking(w util.BufWriter) bool {
	bw, ok := w.(*blockWriter)
	return ok && bw.marks
}
