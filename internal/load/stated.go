package load

import (
	"math"
	"slices"

	"reportsite/internal/check"
	"reportsite/internal/check/stating"
	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
	"reportsite/internal/markdown/figmark"
	"reportsite/internal/numbers"
)

// CellKey names a number cell of a data table.
type CellKey struct{ Table, Row, Col string }

// Statement is where a figure is stated: the paragraph of its source
// section (its index in markdown.Doc.Paras, the same in every language) and
// the figure's number in that paragraph. How each language writes it is
// the section's Figures'.
type Statement struct {
	Sec  *content.Section
	Para int
	Mark int // the figure's number in its paragraph: its anchor is p-N-fK
}

// stated is where a statement is kept: a table's are in one slice, a cell
// for each column of each row, not in a map entry per cell.
type stated struct {
	sec        *content.Section // nil: the cell is not stated
	para, mark int32
}

// Statement returns where the figure of cell k is stated, and false when
// no paragraph states it.
func (m *Model) Statement(k CellKey) (Statement, bool) {
	t, ok := m.Site.Table(k.Table)
	if !ok {
		return Statement{}, false
	}
	sts := m.stated[t]
	r := slices.IndexFunc(t.Rows, func(r dataset.Row) bool { return r.ID == k.Row })
	c := slices.IndexFunc(t.Columns, func(c dataset.Column) bool { return c.Key == k.Col })
	if r < 0 || c < 0 || r*len(t.Columns)+c >= len(sts) {
		return Statement{}, false
	}
	st := sts[r*len(t.Columns)+c]
	if st.sec == nil {
		return Statement{}, false
	}
	return Statement{Sec: st.sec, Para: int(st.para), Mark: int(st.mark)}, true
}

// StatedAs is how language Tag writes a stated figure: the words before it,
// and the figure.
type StatedAs struct {
	Tag, Before, Figure string
	Nth                 int // which occurrence of Figure in the paragraph's text it is (figmark.Nth)
}

// StatedMark is a figure a section states, at paragraph Para (0-based) as
// its Mark-th figure, and how each language writes it there.
type StatedMark struct {
	Para, Mark int
	Text       []StatedAs
}

// Figures are the figures one section states, each (paragraph, mark) once,
// and how each language writes each: one string holds every text, cut by
// offsets, so that a report's tens of thousands of stated figures cost a
// few allocations per section, not a slice and strings per figure, and no
// figure keeps its paragraph's plain text alive.
type Figures struct {
	tags  []string // the languages, in the site's order
	text  string
	marks []figMark
	ends  []uint32 // per mark and language: where the words before end, where the figure ends
	nth   []uint16 // per mark and language: StatedAs.Nth
}

type figMark struct{ para, mark int32 }

// NewFigures returns the figures marks, in languages tags (the site's
// order); a mark's texts in other languages are left out.
func NewFigures(tags []string, marks []StatedMark) *Figures {
	f := &Figures{tags: tags, marks: make([]figMark, len(marks)), ends: make([]uint32, 0, 2*len(tags)*len(marks)), nth: make([]uint16, 0, len(tags)*len(marks))}
	n := 0
	for _, mk := range marks {
		for _, t := range mk.Text {
			n += len(t.Before) + len(t.Figure)
		}
	}
	b := make([]byte, 0, n)
	for i, mk := range marks {
		f.marks[i] = figMark{int32(mk.Para), int32(mk.Mark)}
		for _, tag := range tags {
			var t StatedAs
			if j := slices.IndexFunc(mk.Text, func(t StatedAs) bool { return t.Tag == tag }); j >= 0 {
				t = mk.Text[j]
			}
			b = append(append(b, t.Before...), t.Figure...)
			f.ends = append(f.ends, uint32(len(b)-len(t.Figure)), uint32(len(b)))
			f.nth = append(f.nth, uint16(min(t.Nth, math.MaxUint16)))
		}
	}
	f.text = string(b)
	return f
}

// Len returns how many figures f holds.
func (f *Figures) Len() int {
	if f == nil {
		return 0
	}
	return len(f.marks)
}

// At returns the paragraph and mark number of the i-th figure.
func (f *Figures) At(i int) (para, mark int) {
	return int(f.marks[i].para), int(f.marks[i].mark)
}

// In returns the words before the i-th figure and the figure as language
// tag writes them; "", "" when it does not.
func (f *Figures) In(i int, tag string) (before, figure string) {
	j := slices.Index(f.tags, tag)
	if j < 0 {
		return "", ""
	}
	k := 2 * (i*len(f.tags) + j)
	start := uint32(0)
	if k > 0 {
		start = f.ends[k-1]
	}
	return f.text[start:f.ends[k]], f.text[f.ends[k]:f.ends[k+1]]
}

// Nth returns which occurrence of its figure in its paragraph the i-th
// figure is in language tag (StatedAs.Nth); 0 when tag does not write it.
func (f *Figures) Nth(i int, tag string) int {
	j := slices.Index(f.tags, tag)
	if j < 0 {
		return 0
	}
	return int(f.nth[i*len(f.tags)+j])
}

// markKey names a figure in a paragraph, the same in every language: the
// paragraph and where the original's text states it.
type markKey struct {
	sec      string
	para, at int
}

// FindStatements finds, for every number cell of every table, the paragraph
// of its source section that states it in the original language, as the
// provenance check does, and how each language writes the figure there. It
// reads the paragraphs' plain text, so it runs before the build drops it.
//
// It works section by section: a section that Carry took over, whose
// figures come from the same tables as before, states them where it did,
// and only the other sections are read again.
func (m *Model) FindStatements() {
	orig := m.Site.Original()
	if orig.Tag == "" {
		return
	}
	defer func() { m.prev = nil }() // not a chain of every earlier model
	o := m.prev
	if o != nil && o.StatedIn == nil {
		o = nil
	}
	m.cites = make(map[*dataset.Table][]string, len(m.Site.Tables))
	for _, t := range m.Site.Tables {
		if ids, ok := o.citesOf(t); ok {
			m.cites[t] = ids
		} else {
			m.cites[t] = cites(t)
		}
	}
	m.citing = make(map[string][]*dataset.Table, len(m.Site.Sections))
	for _, t := range m.Site.Tables {
		for _, id := range m.cites[t] {
			m.citing[id] = append(m.citing[id], t)
		}
	}
	m.StatedIn = make(map[*content.Section]*Figures, len(m.Site.Sections))
	tags := make([]string, len(m.Site.Languages))
	for i, l := range m.Site.Languages {
		tags[i] = l.Tag
	}
	// A section is read again unless it is the same as before and the same
	// tables cite it.
	again := make(map[string]bool, len(m.Site.Sections))
	for _, sec := range m.Site.Sections {
		again[sec.ID] = o == nil || o.sections[sec.ID] != sec || !slices.Equal(o.citing[sec.ID], m.citing[sec.ID])
	}
	m.stated = make(map[*dataset.Table][]stated, len(m.Site.Tables))
	readAgain := func(id string) bool { return again[id] }
	for _, t := range m.Site.Tables {
		sts, ok := o.statedOf(t)
		if !ok {
			m.stated[t] = make([]stated, len(t.Rows)*len(t.Columns))
			continue
		}
		// Keep what the sections not read again state. findIn writes
		// only the lists of the tables that cite a section read again:
		// any other table's list is the last model's, unless a figure of
		// it was stated in a section read again.
		shared := !slices.ContainsFunc(m.cites[t], readAgain)
		if !shared {
			sts = slices.Clone(sts)
		}
		for i, st := range sts {
			if st.sec != nil {
				if again, ok := again[st.sec.ID]; again || !ok {
					if shared {
						sts, shared = slices.Clone(sts), false
					}
					sts[i] = stated{}
				}
			}
		}
		m.stated[t] = sts
	}
	for _, sec := range m.Site.Sections {
		if !again[sec.ID] {
			if f := o.StatedIn[sec]; f != nil {
				m.StatedIn[sec] = f
			}
			continue
		}
		m.findIn(sec, orig, tags)
	}
}

// statedOf returns where the figures of table t are stated, when m (which
// may be nil) has found them.
func (m *Model) statedOf(t *dataset.Table) ([]stated, bool) {
	if m == nil {
		return nil, false
	}
	sts, ok := m.stated[t]
	return sts, ok
}

// citesOf returns the sections that table t cites, when m (which may be
// nil) has found them.
func (m *Model) citesOf(t *dataset.Table) ([]string, bool) {
	if m == nil {
		return nil, false
	}
	ids, ok := m.cites[t]
	return ids, ok
}

// findIn finds where section sec states the figures of the tables that
// cite it, in table order.
func (m *Model) findIn(sec *content.Section, orig lang.Lang, tags []string) {
	paras := func(l lang.Lang) []check.Para {
		d := m.Doc(sec, l)
		if d == nil || d.Doc == nil {
			return nil
		}
		out := make([]check.Para, len(d.Doc.Paras))
		for i, p := range d.Doc.Paras {
			out[i] = check.Para{Text: p.Text, Line: p.Line}
		}
		return out
	}
	// figs holds each paragraph's figures, found once: a section's table
	// has many cells, each looked for in the same paragraphs.
	figs := map[string][][]numbers.Value{}
	figures := func(l lang.Lang, ps []check.Para) [][]numbers.Value {
		if f, ok := figs[l.Tag]; ok {
			return f
		}
		f := make([][]numbers.Value, len(ps))
		for i, p := range ps {
			f[i] = stating.Figures(p.Text, l)
		}
		figs[l.Tag] = f
		return f
	}
	marks := map[markKey]int{}
	perPara := map[int]int{}
	var found []StatedMark
	var op []check.Para
	var otexts []string
	read := false
	for _, t := range m.citing[sec.ID] {
		for ri := range t.Rows {
			r := &t.Rows[ri]
			for ci, c := range t.Columns {
				cell := r.Cell(c.Key)
				if !cell.HasNum {
					continue
				}
				from := t.SourceOf(r, c.Key)
				if from.Section != sec.ID {
					continue
				}
				if !read {
					op, read = paras(orig), true
					otexts = make([]string, len(op))
					for k, p := range op {
						otexts[k] = p.Text
					}
				}
				labels := func(l lang.Lang) stating.Labels {
					return stating.LabelsOf(l, t.RowLabel(r, l), c.Label.In(l))
				}
				// The paragraph named, or the one that states the figure in
				// the words closest to its row's and column's labels (the
				// first on a tie), and where in it.
				i, at := from.Paragraph-1, -1
				texts, figs := otexts, figures(orig, op)
				if from.Paragraph != 0 {
					if i >= 0 && i < len(op) {
						texts, figs = texts[i:i+1], figs[i:i+1]
					} else {
						texts, figs = nil, nil
					}
				}
				ord := 0 // which of the figures equal to it in its paragraph the original's is
				if w, _, ok := stating.Locate(texts, figs, orig, cell.Num, func() stating.Labels { return labels(orig) }); ok {
					if from.Paragraph == 0 {
						i = w.Para
					}
					at, ord = w.Index, ordinal(figures(orig, op)[i], w.Index)
				}
				if i < 0 || i >= len(op) {
					continue // not stated: check.Stating says so
				}
				mk := markKey{sec.ID, i, -1} // a paragraph named that does not state it: the mark leads to the paragraph
				if at >= 0 {
					mk.at = figures(orig, op)[i][at].Offset
				}
				k := ri*len(t.Columns) + ci
				if marks[mk] != 0 {
					m.stated[t][k] = stated{sec, int32(i), int32(marks[mk])}
					continue // stated where an earlier cell is, in the same words
				}
				perPara[i]++
				marks[mk] = perPara[i]
				st := StatedMark{Para: i, Mark: marks[mk], Text: make([]StatedAs, 0, len(m.Site.Languages))}
				for _, l := range m.Site.Languages {
					src := l
					if l.Derived() {
						src = m.LangByTag(l.Derive)
					}
					if ps := paras(src); i < len(ps) {
						f := figures(src, ps)[i]
						j := at
						if src.Tag != orig.Tag && at >= 0 {
							j = pickIn(ps[i].Text, f, src, cell.Num, ord, func() stating.Labels { return labels(src) })
						}
						if j < 0 {
							st.Text = append(st.Text, StatedAs{Tag: l.Tag})
							continue
						}
						v := f[j]
						before, s := stating.StatedAt(ps[i].Text, v, src)
						if l.Derived() {
							before, s = m.Site.Conv.Must(src.Tag, l.Tag, before), m.Site.Conv.Must(src.Tag, l.Tag, s)
						}
						st.Text = append(st.Text, StatedAs{l.Tag, before, s, figmark.Nth(ps[i].Text, v.Text, v.Offset)})
					}
				}
				m.stated[t][k] = stated{sec, int32(i), int32(st.Mark)}
				found = append(found, st)
			}
		}
	}
	if len(found) > 0 {
		m.StatedIn[sec] = NewFigures(tags, found)
	}
}

// cites lists the sections that table t names as the source of a figure,
// each once, in the order of its cells.
func cites(t *dataset.Table) []string {
	var out []string
	for ri := range t.Rows {
		r := &t.Rows[ri]
		for _, c := range t.Columns {
			if !r.Cell(c.Key).HasNum {
				continue
			}
			if id := t.SourceOf(r, c.Key).Section; !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// ordinal returns which of the numbers of vs equal to vs[j] it is, from 0.
func ordinal(vs []numbers.Value, j int) int {
	n := 0
	for _, v := range vs[:j] {
		if numbers.Equal(v.V, vs[j].V) {
			n++
		}
	}
	return n
}

// pickIn returns which of a translation's numbers vs states x: the one
// whose words are closest to the labels (stating.Locate), or of those as
// close the ord-th equal to x, as the original states it; -1 when none is x.
func pickIn(text string, vs []numbers.Value, l lang.Lang, x float64, ord int, labels func() stating.Labels) int {
	w, ties, ok := stating.Locate([]string{text}, [][]numbers.Value{vs}, l, x, labels)
	if !ok {
		return -1
	}
	for _, c := range append([]stating.Where{w}, ties...) {
		if ordinal(vs, c.Index) == ord {
			return c.Index
		}
	}
	return w.Index
}
