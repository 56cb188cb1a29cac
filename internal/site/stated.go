package site

import (
	"cmp"
	"html"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportsite/internal/check"
	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
)

// cellKey names a number cell of a data table.
type cellKey struct{ table, row, col string }

// statement is where a figure is stated: the paragraph of its source
// section (its index in markdown.Doc.Paras, the same in every language) and
// the figure as each language writes it there, to highlight it.
type statement struct {
	sec  *content.Section
	para int
	mark int                  // the figure's number in its paragraph: its anchor is p-N-fK
	text map[string][2]string // by language tag: the words before the figure, and the figure
}

// markKey names a figure in a paragraph, the same in every language.
type markKey struct {
	sec  string
	para int
	x    float64
}

// findStatements finds, for every number cell of every table, the paragraph
// of its source section that states it in the original language, as the
// provenance check does, and how each language writes the figure there. It
// reads the paragraphs' plain text, so it runs before the build drops it.
func (b *builder) findStatements() {
	orig, ok := b.originalLang()
	if !ok {
		return
	}
	paras := func(sec *content.Section, l lang.Lang) []check.Para {
		d := b.doc(sec, l)
		if d == nil || d.doc == nil {
			return nil
		}
		out := make([]check.Para, len(d.doc.Paras))
		for i, p := range d.doc.Paras {
			out[i] = check.Para{Text: p.Text, Line: p.Line}
		}
		return out
	}
	b.stated = map[cellKey]statement{}
	b.statedIn = map[*content.Section][]statement{}
	marks := map[markKey]int{}
	perPara := map[[2]any]int{}
	for _, t := range b.site.Tables {
		for ri := range t.Rows {
			r := &t.Rows[ri]
			for _, c := range t.Columns {
				cell := r.Cells[c.Key]
				if !cell.HasNum {
					continue
				}
				from := t.SourceOf(r, c.Key)
				sec := b.sections[from.Section]
				if sec == nil {
					continue
				}
				op := paras(sec, orig)
				i := from.Paragraph - 1 // the paragraph named, or the first that states it
				if from.Paragraph == 0 {
					i = check.Stating(op, orig, cell.Num)
				}
				if i < 0 || i >= len(op) {
					continue
				}
				mk := markKey{sec.ID, i, abs(cell.Num)}
				if marks[mk] == 0 {
					pk := [2]any{sec.ID, i}
					perPara[pk]++
					marks[mk] = perPara[pk]
				}
				st := statement{sec: sec, para: i, mark: marks[mk], text: map[string][2]string{}}
				for _, l := range b.site.Languages {
					src := l
					if l.Derived() {
						src = b.langByTag(l.Derive)
					}
					if ps := paras(sec, src); i < len(ps) {
						before, s := check.StatedAs(ps[i].Text, src, cell.Num)
						if l.Derived() {
							before, s = b.site.Conv.Must(src.Tag, l.Tag, before), b.site.Conv.Must(src.Tag, l.Tag, s)
						}
						st.text[l.Tag] = [2]string{before, s}
					}
				}
				b.stated[cellKey{t.ID, r.ID, c.Key}] = st
				b.statedIn[sec] = append(b.statedIn[sec], st)
			}
		}
	}
}

func (b *builder) langByTag(tag string) lang.Lang {
	for _, l := range b.site.Languages {
		if l.Tag == tag {
			return l
		}
	}
	return lang.Lang{}
}

// statedHref returns the address, from pagePath, of the figure of a table
// in the paragraph that states it (in l), marked there by markFigures; ""
// when no paragraph states it.
func (b *builder) statedHref(k cellKey, l lang.Lang, pagePath string) string {
	st, ok := b.stated[k]
	if !ok {
		return ""
	}
	return rel(pagePath, l.Prefix+"/"+st.sec.Slug+".html") + "#" + figureID(st.para, st.mark)
}

// figureID is the anchor of figure k (1-based) of paragraph i.
func figureID(i, k int) string { return markdown.ParaID(i) + "-f" + strconv.Itoa(k) }

// markFigures marks, in a section's rendered chunks in l, each figure that
// a table or card links to: <span class="fig" id="p-N-fK"> around the figure
// as the paragraph writes it, or, when it cannot be found in the markup, an
// empty one at the paragraph's start, so that the link still leads there.
func (b *builder) markFigures(sec *content.Section, l lang.Lang, chunks []markdown.Chunk) {
	type mark struct {
		para, k        int
		before, figure string
	}
	var ms []mark
	seen := map[[2]int]bool{}
	for _, st := range b.statedIn[sec] {
		if seen[[2]int{st.para, st.mark}] {
			continue
		}
		seen[[2]int{st.para, st.mark}] = true
		t := st.text[l.Tag]
		ms = append(ms, mark{st.para, st.mark, t[0], t[1]})
	}
	slices.SortFunc(ms, func(a, b mark) int { return cmp.Or(a.para-b.para, a.k-b.k) })
	for _, m := range ms {
		open := `id="` + markdown.ParaID(m.para) + `"`
		for ci := range chunks {
			h := string(chunks[ci].HTML)
			i := strings.Index(h, open)
			if i < 0 {
				continue
			}
			start := i + strings.IndexByte(h[i:], '>') + 1
			end := len(h)
			if j := strings.Index(h[start:], `<li id="`); j >= 0 {
				end = start + j // the next list item
			}
			id := figureID(m.para, m.k)
			at, n := findFigure(h[start:end], html.EscapeString(m.figure), m.before)
			if at < 0 {
				h = h[:start] + `<span class="fig" id="` + id + `"></span>` + h[start:]
			} else {
				at += start
				h = h[:at] + `<span class="fig" id="` + id + `">` + h[at:at+n] + `</span>` + h[at+n:]
			}
			chunks[ci].HTML = []byte(h)
			break
		}
	}
}

// findFigure returns the offset and length of figure in the markup s at the
// occurrence whose preceding character (spaces and tags aside) ends before,
// else its first occurrence outside a tag; -1 when there is none.
func findFigure(s, figure, before string) (int, int) {
	if figure == "" {
		return -1, 0
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(before))
	first := -1
	for off := 0; ; {
		i := strings.Index(s[off:], figure)
		if i < 0 {
			break
		}
		i += off
		off = i + 1
		if strings.LastIndexByte(s[:i], '<') > strings.LastIndexByte(s[:i], '>') {
			continue // inside a tag
		}
		if first < 0 {
			first = i
		}
		prev := strings.TrimRight(stripTags(s[:i]), " \u00a0")
		if r, _ := utf8.DecodeLastRuneInString(prev); before == "" || r == last {
			return i, len(figure)
		}
	}
	return first, len(figure)
}

// stripTags drops the tags at the end of s, to read the text before a point.
func stripTags(s string) string {
	for strings.HasSuffix(s, ">") {
		i := strings.LastIndexByte(s, '<')
		if i < 0 {
			break
		}
		s = s[:i]
	}
	return s
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// statedName names the paragraph stating a figure for a text alternative:
// "I. Key tasks, paragraph 3".
func (b *builder) statedName(k cellKey, l lang.Lang) string {
	st, ok := b.stated[k]
	if !ok {
		return ""
	}
	return strings.ReplaceAll(strings.ReplaceAll(b.ui.get("stated_in_para", l), "{section}", b.sectionTitle(st.sec, l)), "{n}", strconv.Itoa(st.para+1))
}

// chartStatements returns links to the paragraphs that state a chart's
// figures, in order, each once.
func (b *builder) chartStatements(c *dataset.Chart, l lang.Lang, pagePath string) []link {
	var out []link
	seen := map[string]bool{}
	for _, r := range c.ChartRows() {
		for _, col := range c.Values {
			k := cellKey{c.Table.ID, r.ID, col}
			st, ok := b.stated[k]
			if !ok {
				continue
			}
			id := st.sec.ID + "#" + strconv.Itoa(st.para)
			if seen[id] {
				continue
			}
			seen[id] = true
			href := rel(pagePath, l.Prefix+"/"+st.sec.Slug+".html") + "#" + markdown.ParaID(st.para)
			out = append(out, link{Href: href, Text: b.statedName(k, l)})
		}
	}
	return out
}

// describe adds text to the end of an SVG's <desc>, the chart's text
// alternative (see internal/echarts); an SVG without one is returned as is.
func describe(svg []byte, text string) string {
	s := string(svg)
	i := strings.Index(s, "</desc>")
	if i < 0 {
		return s
	}
	return s[:i] + " " + html.EscapeString(text) + s[i:]
}
