package load

import (
	"math"
	"slices"

	"reportsite/internal/check"
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
func (m *Model) FindStatements() {
	orig := m.Site.Original()
	if orig.Tag == "" {
		return
	}
	paras := func(sec *content.Section, l lang.Lang) []check.Para {
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
	type figKey struct {
		sec  *content.Section
		lang string
	}
	figs := map[figKey][][]numbers.Value{}
	figures := func(sec *content.Section, l lang.Lang, ps []check.Para) [][]numbers.Value {
		k := figKey{sec, l.Tag}
		if f, ok := figs[k]; ok {
			return f
		}
		f := make([][]numbers.Value, len(ps))
		for i, p := range ps {
			f[i] = check.Figures(p.Text, l)
		}
		figs[k] = f
		return f
	}
	m.Stated = map[CellKey]Statement{}
	m.StatedIn = map[*content.Section][]Statement{}
	m.citing = citing(m.Site)
	defer func() { m.prev = nil }() // not a chain of every earlier model
	// A section Carry took over, whose figures come from the same tables
	// as before, states them where it did.
	carried := func(sec *content.Section) bool {
		o := m.prev
		return o != nil && o.sections[sec.ID] == sec && o.citing != nil && slices.Equal(o.citing[sec.ID], m.citing[sec.ID])
	}
	marks := map[markKey]int{}
	perPara := map[[2]any]int{}
	for _, t := range m.Site.Tables {
		for ri := range t.Rows {
			r := &t.Rows[ri]
			for _, c := range t.Columns {
				cell := r.Cells[c.Key]
				if !cell.HasNum {
					continue
				}
				from := t.SourceOf(r, c.Key)
				sec := m.sections[from.Section]
				if sec == nil {
					continue
				}
				if carried(sec) {
					if st, ok := m.prev.Stated[CellKey{t.ID, r.ID, c.Key}]; ok {
						m.Stated[CellKey{t.ID, r.ID, c.Key}] = st
						m.StatedIn[sec] = append(m.StatedIn[sec], st)
					}
					continue
				}
				op := paras(sec, orig)
				i := from.Paragraph - 1 // the paragraph named, or the first that states it
				if from.Paragraph == 0 {
					i = -1 // as check.Stating
					for k, f := range figures(sec, orig, op) {
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
					pk := [2]any{sec.ID, i}
					perPara[pk]++
					marks[mk] = perPara[pk]
				}
				st := Statement{Sec: sec, Para: i, Mark: marks[mk], Text: make([]StatedAs, 0, len(m.Site.Languages))}
				for _, l := range m.Site.Languages {
					src := l
					if l.Derived() {
						src = m.LangByTag(l.Derive)
					}
					if ps := paras(sec, src); i < len(ps) {
						before, s := check.StatedAmong(ps[i].Text, figures(sec, src, ps)[i], src, cell.Num)
						if l.Derived() {
							before, s = m.Site.Conv.Must(src.Tag, l.Tag, before), m.Site.Conv.Must(src.Tag, l.Tag, s)
						}
						st.Text = append(st.Text, StatedAs{l.Tag, before, s})
					}
				}
				m.Stated[CellKey{t.ID, r.ID, c.Key}] = st
				m.StatedIn[sec] = append(m.StatedIn[sec], st)
			}
		}
	}
}

// citing lists, by section ID, the tables with a figure that names the
// section as its source, in table order.
func citing(s *content.Site) map[string][]*dataset.Table {
	out := map[string][]*dataset.Table{}
	for _, t := range s.Tables {
		for ri := range t.Rows {
			r := &t.Rows[ri]
			for _, c := range t.Columns {
				if !r.Cells[c.Key].HasNum {
					continue
				}
				id := t.SourceOf(r, c.Key).Section
				if ts := out[id]; len(ts) == 0 || ts[len(ts)-1] != t {
					out[id] = append(ts, t)
				}
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
