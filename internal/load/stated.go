package load

import (
	"maps"
	"math"
	"slices"

	"reportsite/internal/check"
	"reportsite/internal/check/stating"
	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
	"reportsite/internal/numbers"
)

// CellKey names a number cell of a data table.
type CellKey struct{ Table, Row, Col string }

// Statement is where a figure is stated: the paragraph of its source
// section (its index in markdown.Doc.Paras, the same in every language) and
// the figure as each language writes it there, to highlight it.
type Statement struct {
	Sec  *content.Section
	Para int
	Mark int        // the figure's number in its paragraph: its anchor is p-N-fK
	Text []StatedAs // how each language writes it, in the site's order (a slice, not a map: a report states tens of thousands of figures)
}

// StatedAs is how language Tag writes a stated figure: the words before it,
// and the figure.
type StatedAs struct{ Tag, Before, Figure string }

// In returns the words before the figure and the figure as language tag
// writes them; "", "" when it does not.
func (s Statement) In(tag string) (before, figure string) {
	for _, t := range s.Text {
		if t.Tag == tag {
			return t.Before, t.Figure
		}
	}
	return "", ""
}

// markKey names a figure in a paragraph, the same in every language.
type markKey struct {
	sec  string
	para int
	x    float64
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
	if o != nil && o.cells == nil {
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
	m.citing = map[string][]*dataset.Table{}
	for _, t := range m.Site.Tables {
		for _, id := range m.cites[t] {
			m.citing[id] = append(m.citing[id], t)
		}
	}
	m.cells = map[string][]CellKey{}
	m.StatedIn = map[*content.Section][]Statement{}
	if o != nil {
		m.Stated = maps.Clone(o.Stated)
	} else {
		m.Stated = map[CellKey]Statement{}
	}
	for _, sec := range m.Site.Sections {
		if o != nil && o.sections[sec.ID] == sec && slices.Equal(o.citing[sec.ID], m.citing[sec.ID]) {
			if st := o.StatedIn[sec]; st != nil {
				m.StatedIn[sec] = st
			}
			if ks := o.cells[sec.ID]; ks != nil {
				m.cells[sec.ID] = ks
			}
			continue
		}
		if o != nil {
			for _, k := range o.cells[sec.ID] {
				delete(m.Stated, k)
			}
		}
		m.findIn(sec, orig)
	}
	if o != nil {
		// The figures of a section the site no longer has.
		for id, ks := range o.cells {
			if m.sections[id] == nil {
				for _, k := range ks {
					delete(m.Stated, k)
				}
			}
		}
	}
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
func (m *Model) findIn(sec *content.Section, orig lang.Lang) {
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
	var op []check.Para
	read := false
	for _, t := range m.citing[sec.ID] {
		for ri := range t.Rows {
			r := &t.Rows[ri]
			for _, c := range t.Columns {
				cell := r.Cells[c.Key]
				if !cell.HasNum {
					continue
				}
				from := t.SourceOf(r, c.Key)
				if from.Section != sec.ID {
					continue
				}
				if !read {
					op, read = paras(orig), true
				}
				i := from.Paragraph - 1 // the paragraph named, or the first that states it
				if from.Paragraph == 0 {
					i = -1 // as check.Stating
					for k, f := range figures(orig, op) {
						if numbers.Contains(f, math.Abs(cell.Num)) {
							i = k
							break
						}
					}
				}
				if i < 0 || i >= len(op) {
					continue
				}
				mk := markKey{sec.ID, i, abs(cell.Num)}
				if marks[mk] == 0 {
					perPara[i]++
					marks[mk] = perPara[i]
				}
				st := Statement{Sec: sec, Para: i, Mark: marks[mk], Text: make([]StatedAs, 0, len(m.Site.Languages))}
				for _, l := range m.Site.Languages {
					src := l
					if l.Derived() {
						src = m.LangByTag(l.Derive)
					}
					if ps := paras(src); i < len(ps) {
						before, s := stating.StatedAmong(ps[i].Text, figures(src, ps)[i], src, cell.Num)
						if l.Derived() {
							before, s = m.Site.Conv.Must(src.Tag, l.Tag, before), m.Site.Conv.Must(src.Tag, l.Tag, s)
						}
						st.Text = append(st.Text, StatedAs{l.Tag, before, s})
					}
				}
				k := CellKey{t.ID, r.ID, c.Key}
				m.Stated[k] = st
				m.StatedIn[sec] = append(m.StatedIn[sec], st)
				m.cells[sec.ID] = append(m.cells[sec.ID], k)
			}
		}
	}
}

// cites lists the sections that table t names as the source of a figure,
// each once, in the order of its cells.
func cites(t *dataset.Table) []string {
	var out []string
	for ri := range t.Rows {
		r := &t.Rows[ri]
		for _, c := range t.Columns {
			if !r.Cells[c.Key].HasNum {
				continue
			}
			if id := t.SourceOf(r, c.Key).Section; !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
