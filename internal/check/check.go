package check

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"reportsite/internal/check/stating"
	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/numbers"
)

// Para is the plain text of one paragraph of a section (no markup, no code
// blocks, no translator's notes) and its 1-based line in the section's file.
// A heading is a Para too: the terminology rule reads it, the number rules
// do not.
type Para struct {
	Text    string
	Line    int
	Heading bool
}

// ParasFunc returns the paragraphs of a section in a language, in order.
type ParasFunc func(sec *content.Section, l lang.Lang) []Para

// textFunc returns a section's text in a language, with its numbers read, or
// nil when the section has no hand-written text in that language.
type textFunc func(sec *content.Section, l lang.Lang) *text

// lazyTexts reads the text of a section in a hand-written language when a
// rule first asks for it, once. It is safe for concurrent use when paras is.
func lazyTexts(s *content.Site, paras ParasFunc) textFunc { return newTexts(s, paras).get }

// texts is lazyTexts that can let a section's texts go: each section holds
// as many references as units are to read it (hold), and once each has
// released it the texts go; a rule that asks again reads them again. A
// long report's texts, with the numbers of every paragraph, were a quarter
// of a build's live heap while all of them were kept to the end of the
// checks.
type texts struct {
	langs []lang.Lang
	paras ParasFunc
	index map[*content.Section]int
	secs  []textsOf
}

// textsOf is one section's texts, by language, and its references.
type textsOf struct {
	mu   sync.Mutex
	read []bool
	t    []*text
	refs int
}

func newTexts(s *content.Site, paras ParasFunc) *texts {
	tx := &texts{langs: s.SourceLangs(), paras: paras, index: make(map[*content.Section]int, len(s.Sections)), secs: make([]textsOf, len(s.Sections))}
	for i, sec := range s.Sections {
		tx.index[sec] = i
	}
	return tx
}

func (tx *texts) get(sec *content.Section, l lang.Lang) *text {
	i, ok := tx.index[sec]
	j := slices.IndexFunc(tx.langs, func(o lang.Lang) bool { return o.Tag == l.Tag })
	if !ok || j < 0 {
		return nil
	}
	e := &tx.secs[i]
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.t == nil {
		e.read, e.t = make([]bool, len(tx.langs)), make([]*text, len(tx.langs))
	}
	if !e.read[j] {
		e.t[j], e.read[j] = newText(sec, l, tx.paras), true
	}
	return e.t[j]
}

// hold adds a reference to sec's texts: one more unit is to read them.
func (tx *texts) hold(sec *content.Section) {
	if i, ok := tx.index[sec]; ok {
		tx.secs[i].mu.Lock()
		tx.secs[i].refs++
		tx.secs[i].mu.Unlock()
	}
}

// release drops a reference to sec's texts; the last lets them go.
func (tx *texts) release(sec *content.Section) {
	i, ok := tx.index[sec]
	if !ok {
		return
	}
	e := &tx.secs[i]
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.refs--; e.refs <= 0 {
		e.read, e.t, e.refs = nil, nil, 0
	}
}

// sourceSections returns the sections provenance reads for table t: those
// its figures name as their source, without repeats.
func sourceSections(t *dataset.Table, sections map[string]*content.Section) []*content.Section {
	var out []*content.Section
	for i := range t.Rows {
		row := &t.Rows[i]
		for _, c := range t.Columns {
			if !row.Cell(c.Key).HasNum {
				continue
			}
			if sec := sections[t.SourceOf(row, c.Key).Section]; sec != nil && !slices.Contains(out, sec) {
				out = append(out, sec)
			}
		}
	}
	return out
}

// original returns the language the others are checked against.
func original(s *content.Site) (lang.Lang, bool) {
	if len(s.SourceLangs()) == 0 {
		return lang.Lang{}, false
	}
	return s.Original(), true
}

// text is one language's text of a section, with the numbers of each
// paragraph.
type text struct {
	lang  lang.Lang
	file  string
	paras []Para            // without headings
	all   []Para            // with headings
	vals  [][]numbers.Value // numbers written with digits or words
	evid  [][]numbers.Value // vals and, in CJK style, numerals
}

func newText(sec *content.Section, l lang.Lang, paras ParasFunc) *text {
	tx := sec.Texts[l.Tag]
	if tx == nil || tx.Derived {
		return nil
	}
	t := &text{lang: l, file: tx.File, all: paras(sec, l)}
	for _, p := range t.all {
		if !p.Heading {
			t.paras = append(t.paras, p)
		}
	}
	style := l.NumberStyle()
	for _, p := range t.paras {
		v := numbers.Extract(p.Text, style)
		t.vals = append(t.vals, v)
		if style == lang.StyleCJK {
			v = append(slices.Clip(v), numbers.Numerals(p.Text)...)
		}
		t.evid = append(t.evid, v)
	}
	return t
}

// all returns the values of every paragraph.
func all(vs [][]numbers.Value) []numbers.Value {
	var out []numbers.Value
	for _, v := range vs {
		out = append(out, v...)
	}
	return out
}

// allowance is one allow_numbers entry with the values it states.
type allowance struct {
	file string
	a    content.Allow
	vals []float64
	used bool
}

func allowances(tx *content.Text, dl *diag.List) []*allowance {
	var out []*allowance
	for _, a := range tx.Allow {
		if a.Value == "" {
			continue // reported by content.Load
		}
		al := &allowance{file: tx.File, a: a}
		for _, style := range []string{lang.StyleCJK, lang.StyleWestern} {
			for _, v := range numbers.Extract(a.Value, style) {
				if !slices.ContainsFunc(al.vals, func(x float64) bool { return numbers.Equal(x, v.V) }) {
					al.vals = append(al.vals, v.V)
				}
			}
		}
		if len(al.vals) == 0 {
			dl.Errorf(tx.File, a.Line, `write the number with digits, e.g. value = "19" or value = "257.64 million"`, "allow_numbers value %q states no number", a.Value)
			continue
		}
		out = append(out, al)
	}
	return out
}

// excuse reports whether an entry excuses x, and marks it used.
func excuse(as []*allowance, x float64) bool {
	for _, a := range as {
		if slices.ContainsFunc(a.vals, func(v float64) bool { return numbers.Equal(v, x) }) {
			a.used = true
			return true
		}
	}
	return false
}

// parity compares the numbers of section sec's translations with those of
// its original.
func parity(s *content.Site, sec *content.Section, newText textFunc, dl *diag.List) {
	src, ok := original(s)
	if !ok {
		return
	}
	orig := newText(sec, src)
	if orig == nil {
		return
	}
	var allowed []*allowance
	allowed = append(allowed, allowances(sec.Texts[src.Tag], dl)...)
	var trans []*text
	for _, l := range s.SourceLangs() {
		if l.Tag == src.Tag || l.NumberStyle() == src.NumberStyle() {
			continue
		}
		if t := newText(sec, l); t != nil {
			trans = append(trans, t)
			allowed = append(allowed, allowances(sec.Texts[l.Tag], dl)...)
		}
	}
	for _, t := range trans {
		parityOf(s, orig, t, allowed, dl)
	}
	for _, a := range allowed {
		if !a.used {
			dl.Warnf(a.file, a.a.Line, "remove the entry: the languages agree on this number, or no text states it", "allow_numbers value %q excuses nothing", a.a.Value)
		}
	}
}

func parityOf(s *content.Site, orig, t *text, allowed []*allowance, dl *diag.List) {
	aligned := len(orig.paras) == len(t.paras)
	transAll, origAll := all(t.evid), all(orig.evid)
	for i, vs := range orig.vals {
		want := transAll
		if aligned {
			want = t.evid[i]
		}
		seen := map[float64]bool{}
		for _, v := range vs {
			if seen[v.V] || numbers.Contains(want, v.V) || excuse(allowed, v.V) {
				continue
			}
			seen[v.V] = true
			line := 0
			if len(t.paras) > 0 {
				j := i
				if !aligned {
					j = counterpart(orig.vals, i, t.vals)
				}
				line = t.paras[j].Line
			}
			phrase, unit := stating.Phrase(s.Units, orig.paras[i].Text, v, orig.lang)
			dl.Errorf(t.file, line,
				fmt.Sprintf("write %s, or add it to allow_numbers with a reason", stating.Expected(v, unit, t.lang)),
				"number %s (%s in %s:%d) is missing", num(v.V), phrase, orig.file, orig.paras[i].Line)
		}
	}
	for j, vs := range t.vals {
		have, where := origAll, orig.file
		if aligned {
			have, where = orig.evid[j], fmt.Sprintf("%s:%d", orig.file, orig.paras[j].Line)
		}
		seen := map[float64]bool{}
		for _, v := range vs {
			// Words such as "first" and "one" are as often idiom ("putting
			// ecology first", "with one heart") as number; a wrong number
			// in words leaves the original's number missing above.
			if v.Kind == numbers.Word || seen[v.V] || numbers.Contains(have, v.V) || excuse(allowed, v.V) {
				continue
			}
			seen[v.V] = true
			dl.Errorf(t.file, t.paras[j].Line,
				fmt.Sprintf("correct it to the number in %s, or add it to allow_numbers with a reason", where),
				"number %s (%s) is not in %s", num(v.V), v.Text, where)
		}
	}
}

// counterpart returns the paragraph of to that most likely translates
// paragraph i of from: the one sharing most numbers with it, else the one at
// the same relative position.
func counterpart(from [][]numbers.Value, i int, to [][]numbers.Value) int {
	guess := min(i*len(to)/max(len(from), 1), len(to)-1)
	best, score := guess, 0
	for j, vs := range to {
		n := 0
		for _, v := range from[i] {
			if numbers.Contains(vs, v.V) {
				n++
			}
		}
		d := func(k int) int { return int(math.Abs(float64(k - guess))) }
		if n > score || n == score && n > 0 && d(j) < d(best) {
			best, score = j, n
		}
	}
	return best
}

// num writes a value without exponent or binary noise: 257640000, 81.76.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 > 6 {
		s = strings.TrimRight(strings.TrimRight(strconv.FormatFloat(v, 'f', 6, 64), "0"), ".")
	}
	return s
}

// provenance checks that the section each number cell of table t names
// as its source states the number, and returns the files it read: the
// table's and each source section's text in the original language.
func provenance(s *content.Site, t *dataset.Table, sections map[string]*content.Section, newText textFunc, dl *diag.List) []string {
	src, ok := original(s)
	if !ok {
		return nil
	}
	read := []string{t.File}
	stated := map[string]*text{}
	// The figures of a whole section, gathered once per section rather
	// than once for each of its table's cells.
	whole := map[*text][]numbers.Value{}
	anywhere := func(tx *text) []numbers.Value {
		vs, ok := whole[tx]
		if !ok {
			vs = stating.Candidates(all(tx.vals))
			whole[tx] = vs
		}
		return vs
	}
	// Each paragraph's text and figures, for telling the places that
	// write a figure apart (stating.Locate).
	type located struct {
		texts []string
		figs  [][]numbers.Value
	}
	placed := map[*text]located{}
	places := func(tx *text) located {
		lc, ok := placed[tx]
		if !ok {
			lc = located{make([]string, len(tx.paras)), make([][]numbers.Value, len(tx.paras))}
			for k, p := range tx.paras {
				lc.texts[k], lc.figs[k] = p.Text, stating.Candidates(tx.vals[k])
			}
			placed[tx] = lc
		}
		return lc
	}
	textOf := func(id string) (*text, bool) {
		if tx, ok := stated[id]; ok {
			return tx, tx != nil
		}
		var tx *text
		if sec := sections[id]; sec != nil {
			if tx = newText(sec, src); tx != nil {
				read = append(read, tx.file)
			}
		}
		stated[id] = tx
		return tx, tx != nil
	}
	for i := range t.Rows {
		row := &t.Rows[i]
		for _, c := range t.Columns {
			cell := row.Cell(c.Key)
			if !cell.HasNum {
				continue
			}
			from := t.SourceOf(row, c.Key)
			tx, ok := textOf(from.Section)
			if !ok {
				continue // an unknown or missing source is reported by content.Load
			}
			x := math.Abs(cell.Num)
			line := t.Lines.Key(fmt.Sprintf("rows[%d]", i), c.Key)
			if line == 0 {
				line = row.Line
			}
			where := "section " + from.Section
			var vals []numbers.Value
			switch p := from.Paragraph; {
			case p == 0:
				vals = anywhere(tx)
			case p > len(tx.vals):
				dl.Errorf(t.File, line, fmt.Sprintf("count the paragraphs of %s from 1 (its anchors p-1, p-2, …): it has %d", tx.file, len(tx.vals)),
					"value %s: section %s has no paragraph %d", num(x), from.Section, p)
				continue
			default:
				vals = stating.Candidates(tx.vals[p-1])
				where = fmt.Sprintf("section %s, paragraph %d (%s:%d)", from.Section, p, tx.file, tx.paras[p-1].Line)
			}
			if numbers.Contains(vals, x) {
				if from.Paragraph == 0 {
					lc := places(tx)
					labels := stating.LabelsOf(src, t.RowLabel(row, src), c.Label.In(src))
					w, ties, _ := stating.Locate(lc.texts, lc.figs, src, x, func() stating.Labels { return labels })
					named := stating.Names(lc.texts[w.Para], lc.figs[w.Para], w.Index, src, labels)
					if other := otherRow(t, i, c, x, src, func(ls stating.Labels) bool {
						return stating.Names(lc.texts[w.Para], lc.figs[w.Para], w.Index, src, ls)
					}); !named && len(ties) == 0 && other != "" {
						dl.Warnf(t.File, line,
							fmt.Sprintf(`check the figure against the text; if the section states it in other words, name the paragraph: source = { section = "%s", paragraph = N }`, from.Section),
							"value %s (%s) is stated in section %s only where the text names %s, another row of the table with the same value (paragraph %d)",
							num(x), t.RowLabel(row, src), from.Section, other, w.Para+1)
					}
					if len(ties) > 0 && !named {
						paras := []string{strconv.Itoa(w.Para + 1)}
						for _, o := range ties {
							if p := strconv.Itoa(o.Para + 1); !slices.Contains(paras, p) {
								paras = append(paras, p)
							}
						}
						at := "paragraph " + paras[0]
						if len(paras) > 1 {
							at = "paragraphs " + strings.Join(paras, ", ")
						}
						dl.Warnf(t.File, line,
							fmt.Sprintf(`give the row the words the text states it with, or name the paragraph: source = { section = "%s", paragraph = N } in the row (or sources = { %s = { section = "%s", paragraph = N } })`, from.Section, c.Key, from.Section),
							"value %s (%s) is written %d times in section %s (%s) and none of them in its row's words; the data page links to the first, in paragraph %d",
							num(x), t.RowLabel(row, src), len(ties)+1, from.Section, at, w.Para+1)
					}
				}
				if w, ok := stating.OtherPrecision(vals, x, cell.Decimals()); ok {
					dl.Errorf(t.File, line,
						fmt.Sprintf(`write %s as the section does: a decimal keeps its digits in TOML, or quote it ("%s")`, unsign(w), unsign(w)),
						"value %s is written %s in %s: the table shows it with another precision", cell.Display(), w, where)
				}
				continue
			}
			dl.Errorf(t.File, line,
				`write the number the section states, in base units, or name where it is stated with source = "…" in the row or column, or sources = { column = "…" } in the row`,
				"value %s%s not found in %s (%s)", num(x), stating.Notations(x, src), where, src.Tag)
		}
	}
	return read
}

// otherRow returns the label of a row of t other than row i whose figure in
// column c is x too, and whose words names says the place holds; "" for none.
func otherRow(t *dataset.Table, i int, c dataset.Column, x float64, l lang.Lang, names func(stating.Labels) bool) string {
	for j := range t.Rows {
		r := &t.Rows[j]
		if j == i {
			continue
		}
		if cell := r.Cell(c.Key); !cell.HasNum || !numbers.Equal(math.Abs(cell.Num), x) {
			continue
		}
		if label := t.RowLabel(r, l); label != "" && names(stating.LabelsOf(l, label)) {
			return label
		}
	}
	return ""
}

func unsign(s string) string { return strings.TrimRight(s, "%％ ") }

// normalize collapses white space and makes typographic quotes plain, so
// that a line break or a curly apostrophe does not hide a term.
func normalize(s string) string {
	return strings.Join(strings.Fields(plainQuotes.Replace(s)), " ")
}

var plainQuotes = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u00a0", " ")
