package figure

import (
	"cmp"
	"html"
	"slices"
	"strconv"
	"strings"
	"sync"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
	"reportsite/internal/load"
	"reportsite/internal/markdown"
)

// StatedHref returns the address, from pg, of the figure of a table
// in the paragraph that states it (in l), marked there by Mark; ""
// when no paragraph states it.
func (b *Maker) StatedHref(k load.CellKey, l lang.Lang, pg Page) string {
	st, ok := b.m.Statement(k)
	if !ok {
		return ""
	}
	return pg.Section(st.Sec, l, addr.Figure(st.Para, st.Mark))
}

type markKey struct {
	sec  *content.Section
	lang string
}

type markEntry struct {
	once sync.Once
	p    *markdown.Prepared
}

// Marked returns section sec's prepared document p in l with each figure
// that a table or card links to marked where the text states it
// (markdown.Prepared.Mark: <span class="fig" id="p-N-fK">), made once per
// section and language for the build: every page that shows the section
// (its own, the full, parallel and one-file reports) starts from it. Unless
// a later build may take the document over (load.Model.Kept), what p knew
// for marking is let go once it is marked.
func (b *Maker) Marked(sec *content.Section, l lang.Lang, p *markdown.Prepared) *markdown.Prepared {
	e := b.markEntry(sec, l)
	e.once.Do(func() {
		e.p, _ = p.Mark(b.marks(sec, l))
		if !b.m.Kept() {
			p.ReleaseMarks()
		}
	})
	return e.p
}

// SectionIDs returns the IDs that section sec's text defines in l, its
// figures marked (Marked; p returns its prepared document), each between NULs
// in one string: the one-file report's links to a section lead to the
// section's own ID when it has it. Made once per section and language and
// kept for the build: a link may lead to a section whose pages are made and
// whose prepared text is released (ReleaseMarked, load.ReleaseSection),
// which then is to have been asked for first.
func (b *Maker) SectionIDs(sec *content.Section, l lang.Lang, p func() *markdown.Prepared) string {
	k := markKey{sec, l.Tag}
	b.mu.Lock()
	e := b.ids[k]
	if e == nil {
		e = &idsEntry{}
		b.ids[k] = e
	}
	b.mu.Unlock()
	e.once.Do(func() {
		prep := p()
		if prep == nil {
			return
		}
		var sb strings.Builder
		sb.WriteByte(0)
		for _, id := range markdown.IDs(b.Marked(sec, l, prep).Chunks()) {
			sb.WriteString(id)
			sb.WriteByte(0)
		}
		e.ids = sb.String()
	})
	return e.ids
}

type idsEntry struct {
	once sync.Once
	ids  string
}

// ReleaseMarked drops what Marked and Filled made of section sec, in every language,
// once every page that shows the section is made.
func (b *Maker) ReleaseMarked(sec *content.Section) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, l := range b.site.Languages {
		delete(b.marked, markKey{sec, l.Tag})
	}
	for k := range b.fills {
		if k.sec == sec {
			delete(b.fills, k)
		}
	}
}

func (b *Maker) markEntry(sec *content.Section, l lang.Lang) *markEntry {
	k := markKey{sec, l.Tag}
	b.mu.Lock()
	defer b.mu.Unlock()
	e := b.marked[k]
	if e == nil {
		e = &markEntry{}
		b.marked[k] = e
	}
	return e
}

// marks returns the figures to mark in section sec in l, in paragraph order.
func (b *Maker) marks(sec *content.Section, l lang.Lang) []markdown.FigureMark {
	type mark struct {
		para, k, nth   int
		before, figure string
	}
	fs := b.m.StatedIn[sec]
	ms := make([]mark, fs.Len())
	for i := range ms {
		para, k := fs.At(i)
		before, fig := fs.In(i, l.Tag)
		ms[i] = mark{para, k, fs.Nth(i, l.Tag), before, fig}
	}
	slices.SortFunc(ms, func(a, b mark) int { return cmp.Or(a.para-b.para, a.k-b.k) })
	out := make([]markdown.FigureMark, len(ms))
	for i, m := range ms {
		out[i] = markdown.FigureMark{Para: addr.Para(m.para), ID: addr.Figure(m.para, m.k), Before: m.before, Figure: m.figure, Nth: m.nth}
	}
	return out
}

// statedName names the paragraph stating a figure for a text alternative:
// "I. Key tasks, paragraph 3".
func (b *Maker) statedName(k load.CellKey, l lang.Lang) string {
	st, ok := b.m.Statement(k)
	if !ok {
		return ""
	}
	return strings.ReplaceAll(strings.ReplaceAll(b.ui("stated_in_para", l), "{section}", b.title(st.Sec, l)), "{n}", strconv.Itoa(st.Para+1))
}

// chartStatements returns links to the paragraphs that state a chart's
// figures, in order, each once.
func (b *Maker) chartStatements(c *dataset.Chart, l lang.Lang, pg Page) []Link {
	var out []Link
	seen := map[string]bool{}
	for _, r := range c.ChartRows() {
		for _, col := range c.Values {
			k := load.CellKey{Table: c.Table.ID, Row: r.ID, Col: col}
			st, ok := b.m.Statement(k)
			if !ok {
				continue
			}
			id := st.Sec.ID + "#" + strconv.Itoa(st.Para)
			if seen[id] {
				continue
			}
			seen[id] = true
			href := pg.Section(st.Sec, l, addr.Para(st.Para))
			out = append(out, Link{Href: href, Text: b.statedName(k, l)})
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
