package figure

import (
	"bytes"
	"cmp"
	"html"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

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
	st, ok := b.m.Stated[k]
	if !ok {
		return ""
	}
	return pg.Section(st.Sec, l, addr.Figure(st.Para, st.Mark))
}

// Mark marks, in a section's rendered chunks in l, each figure that
// a table or card links to: <span class="fig" id="p-N-fK"> around the figure
// as the paragraph writes it, or, when it cannot be found in the markup, an
// empty one at the paragraph's start, so that the link still leads there.
func (b *Maker) Mark(sec *content.Section, l lang.Lang, chunks []markdown.Chunk) {
	markChunks(chunks, b.marks(sec, l), nil)
}

type markKey struct {
	sec  *content.Section
	lang string
}

type markEntry struct {
	once    sync.Once
	p       *markdown.Prepared
	pending []mark // the marks whose paragraph is in a chunk with a hole
}

// Marked returns section sec's prepared document p in l with Mark applied
// to its chunks that have no hole, made once per section and language for
// the build: every page that shows the section (its own, the full,
// parallel and one-file reports) starts from it. MarkFilled marks the rest
// once a page has filled the holes; together they mark as Mark does.
func (b *Maker) Marked(sec *content.Section, l lang.Lang, p *markdown.Prepared) *markdown.Prepared {
	e := b.markEntry(sec, l)
	e.once.Do(func() {
		chunks := p.Chunks()
		skip := make([]bool, len(chunks))
		for i := range chunks {
			skip[i] = p.HasHole(i)
		}
		e.pending = markChunks(chunks, b.marks(sec, l), skip)
		e.p = p.WithChunks(chunks)
	})
	return e.p
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

// MarkFilled marks in filled, the chunks of p (as Marked returned it)
// filled, the figures that Marked left: those of paragraphs in a chunk
// with a hole.
func (b *Maker) MarkFilled(sec *content.Section, l lang.Lang, filled []markdown.Chunk, p *markdown.Prepared) {
	e := b.markEntry(sec, l) // made by Marked, which returned p
	if len(e.pending) == 0 {
		return
	}
	skip := make([]bool, len(filled))
	for i := range filled {
		skip[i] = !p.HasHole(i)
	}
	markChunks(filled, e.pending, skip)
}

// mark is a figure to mark: the anchor p-<para>-f<k>, and the figure with
// the words before it as the paragraph writes them.
type mark struct {
	para, k        int
	before, figure string
}

// marks returns the figures to mark in section sec in l, in paragraph order.
func (b *Maker) marks(sec *content.Section, l lang.Lang) []mark {
	var ms []mark
	seen := map[[2]int]bool{}
	for _, st := range b.m.StatedIn[sec] {
		if seen[[2]int{st.Para, st.Mark}] {
			continue
		}
		seen[[2]int{st.Para, st.Mark}] = true
		before, fig := st.In(l.Tag)
		ms = append(ms, mark{st.Para, st.Mark, before, fig})
	}
	slices.SortFunc(ms, func(a, b mark) int { return cmp.Or(a.para-b.para, a.k-b.k) })
	return ms
}

// markChunks marks ms in chunks, leaving out the chunks skip says (nil:
// none), and returns the marks whose paragraph it did not find. A
// paragraph's id is in one chunk only, so marking some chunks and then the
// others with the marks left marks as marking all at once.
func markChunks(chunks []markdown.Chunk, ms []mark, skip []bool) (left []mark) {
	// edited holds the chunks marked so far, as strings, written back at
	// the end: a section states many figures, and copying a chunk for each
	// of them cost more than all the rest of rendering the section.
	// Marks come in paragraph order, so the search for a paragraph starts
	// at the chunk of the previous one and wraps around (a paragraph's id is
	// in one chunk only).
	edited := map[int]string{}
	from := 0
	for _, m := range ms {
		open := `id="` + markdown.MarkID(addr.Para(m.para)) + `"`
		found := false
		for k := range chunks {
			ci := (from + k) % len(chunks)
			if skip != nil && skip[ci] {
				continue
			}
			h, ok := edited[ci]
			if !ok {
				if !bytes.Contains(chunks[ci].HTML, []byte(open)) {
					continue
				}
				h = string(chunks[ci].HTML)
			}
			i := strings.Index(h, open)
			if i < 0 {
				continue
			}
			start := i + strings.IndexByte(h[i:], '>') + 1
			end := len(h)
			if j := strings.Index(h[start:], `<li id="`+markdown.MarkID("")); j >= 0 {
				end = start + j // the next list item
			}
			id := markdown.MarkID(addr.Figure(m.para, m.k))
			at, n := findFigure(h[start:end], html.EscapeString(m.figure), m.before)
			if at < 0 {
				h = h[:start] + `<span class="fig" id="` + id + `"></span>` + h[start:]
			} else {
				at += start
				h = h[:at] + `<span class="fig" id="` + id + `">` + h[at:at+n] + `</span>` + h[at+n:]
			}
			edited[ci], from, found = h, ci, true
			break
		}
		if !found {
			left = append(left, m)
		}
	}
	for ci, h := range edited {
		chunks[ci].HTML = []byte(h)
	}
	return left
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

// statedName names the paragraph stating a figure for a text alternative:
// "I. Key tasks, paragraph 3".
func (b *Maker) statedName(k load.CellKey, l lang.Lang) string {
	st, ok := b.m.Stated[k]
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
			st, ok := b.m.Stated[k]
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
