// Package dataset decodes and validates a report's data tables (TOML files
// under content/data) and exports them as CSV and JSON.
//
// Numbers are stored in base units (yuan, people, percent); formatting for a
// reader happens per language at render time.
package dataset

import (
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/tomlfile"
)

// Column types.
const (
	TypeText   = "text"   // bilingual text
	TypeNumber = "number" // a number in base units
	TypeCode   = "code"   // text that is the same in every language
)

// Table is one data table.
type Table struct {
	ID     string
	File   string // path relative to the site root, for diagnostics
	Title  lang.Text
	Note   lang.Text
	Source string // default source section ID
	// SourcePara is the paragraph of Source that states the figures, 1-based;
	// 0 means anywhere in the section.
	SourcePara int
	Columns    []Column
	Rows       []Row
	Charts     []Chart
	Lines      Lines
	// Units are the site's units, for formatting this table's numbers.
	Units map[string]lang.Unit
	// AllowTerms excuses glossary terms that an item of the table
	// legitimately does not render (see internal/check).
	AllowTerms []AllowTerm
}

// AllowTerm excuses one occurrence of a glossary term whose rendering a
// translation legitimately lacks: the term in the original, a phrase of the
// translated item it concerns, and why.
type AllowTerm struct {
	Term   string `toml:"term"`
	In     string `toml:"in"`
	Reason string `toml:"reason"`
	Line   int    `toml:"-"`
}

// CheckAllowTerms sets each entry's line (key path name[i], in the table or
// section front matter f) and reports incomplete entries.
func CheckAllowTerms(as []AllowTerm, f *tomlfile.File, prefix []string, dl *diag.List) {
	for i := range as {
		path := append(slices.Clip(prefix), fmt.Sprintf("allow_terms[%d]", i), "term")
		as[i].Line = f.KeyLine(path...)
		a := as[i]
		if strings.TrimSpace(a.Term) == "" || strings.TrimSpace(a.In) == "" || strings.TrimSpace(a.Reason) == "" {
			dl.Errorf(f.Name, a.Line, `write term = "鄉賢", in = "a phrase of the translation where it is not rendered" and reason = "why"`, "allow_terms entry %d needs a term, an in phrase and a reason", i+1)
		}
	}
}

// Lines locates a table's parts in its file, for diagnostics.
type Lines struct {
	file *tomlfile.File
}

// Key returns the line of a key path in the table's file ("rows[2]", "value").
func (l Lines) Key(path ...string) int { return l.file.KeyLine(path...) }

// Compact drops the index of the file's keys to their lines, which Key
// makes again when asked: the index takes as much memory as the table
// decoded, and a long report has thousands of tables.
func (l Lines) Compact() { l.file.Compact() }

// Release drops the file's text and index, once no line of the table will
// be asked for: Key returns 1 afterwards. A build's checks are the last to
// ask, and a long report's tables would otherwise keep their text for the
// whole build beside what was decoded from it.
func (l Lines) Release() { l.file.Release() }

// Column describes one column.
type Column struct {
	Key   string    `toml:"key"`
	Label lang.Text `toml:"label"`
	Type  string    `toml:"type"`
	Unit  string    `toml:"unit"`
	// Source names where the column's figures are stated, when not where
	// the row's are: a column of 2022 figures from one section beside one
	// of 2023 figures from another.
	Source Source `toml:"source"`
	// Hidden leaves the column out of the table shown on pages; it still
	// feeds charts and goes into the CSV and JSON downloads.
	Hidden bool `toml:"hidden"`
}

// Source names where a figure is stated: a section (its file name without
// .md) and optionally one of its paragraphs, counted from 1 as the page's
// anchors p-1, p-2, … count them. Written source = "02-economy" or
// source = { section = "02-economy", paragraph = 3 }.
type Source struct {
	Section   string
	Paragraph int
}

// UnmarshalTOML reads either form of a source and rejects any other type
// (a list, a number), so that a mistake is reported, not ignored.
func (s *Source) UnmarshalTOML(v any) error {
	src, err := sourceOf(v)
	if err != nil {
		return err
	}
	*s = src
	return nil
}

func sourceOf(v any) (Source, error) {
	switch v := v.(type) {
	case string:
		return Source{Section: v}, nil
	case map[string]any:
		var s Source
		for k, x := range v {
			switch k {
			case "section":
				str, ok := x.(string)
				if !ok {
					return s, fmt.Errorf("source section is a %s, want a string", tomlType(x))
				}
				s.Section = str
			case "paragraph":
				n, ok := x.(int64)
				if !ok || n < 1 || n > 1e6 {
					return s, fmt.Errorf("source paragraph is %v, want a whole number from 1", x)
				}
				s.Paragraph = int(n)
			default:
				return s, fmt.Errorf("unknown key %q in a source; want section and paragraph", k)
			}
		}
		if s.Section == "" {
			return s, fmt.Errorf("source has no section")
		}
		return s, nil
	}
	return Source{}, fmt.Errorf("source is a %s, want a section ID or { section = \"…\", paragraph = N }", tomlType(v))
}

// tomlType names the TOML type of a decoded value, for messages.
func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case int64:
		return "integer"
	case float64:
		return "float"
	case bool:
		return "boolean"
	case []any, []map[string]any:
		return "list"
	case map[string]any:
		return "table"
	}
	return fmt.Sprintf("%T", v)
}

// Row is one row: an ID, its cells, and its source section.
type Row struct {
	ID     string
	Source string // the row's source section, or the table's
	// SourcePara is the paragraph of Source, 1-based; 0 means anywhere.
	SourcePara int
	// Cells are the row's values, each once, in the table's column order
	// when decoded: a slice, not a map per row, since a long report holds
	// hundreds of thousands of them for the whole build. Read them with
	// Cell and Lookup.
	Cells []Cell
	Line  int
}

// Cell returns the cell of column key; the zero Cell when the row has none.
func (r *Row) Cell(key string) Cell {
	c, _ := r.Lookup(key)
	return c
}

// Lookup returns the cell of column key, and whether the row has one.
func (r *Row) Lookup(key string) (Cell, bool) {
	for i := range r.Cells {
		if r.Cells[i].Key == key {
			return r.Cells[i], true
		}
	}
	return Cell{}, false
}

// Set gives the row cell c in column key, in place of the one it had.
func (r *Row) Set(key string, c Cell) {
	c.Key = key
	for i := range r.Cells {
		if r.Cells[i].Key == key {
			r.Cells[i] = c
			return
		}
	}
	r.Cells = append(r.Cells, c)
}

// Delete takes the cell of column key out of the row.
func (r *Row) Delete(key string) {
	r.Cells = slices.DeleteFunc(r.Cells, func(c Cell) bool { return c.Key == key })
}

// Cell is one value: a number (Num valid when HasNum) or a text.
type Cell struct {
	Key    string // the column's key
	Num    float64
	HasNum bool
	// Literal is the number as the table writes it when it has decimals
	// ("9.0", "-6.0"), so that it is shown with the same precision; empty
	// for a whole number.
	Literal string
	Text    lang.Text
	// Source is where this one figure is stated, when the row says it
	// under sources = { column = "section" }; nil otherwise (most cells:
	// a pointer keeps a cell to 64 bytes).
	Source *Source
}

// Decimals returns how many decimals the number was written with: 1 for
// 9.0 and 39.2, 0 for 257640000.
func (c Cell) Decimals() int {
	if c.Literal != "" {
		_, frac, _ := strings.Cut(c.Literal, ".")
		return len(frac)
	}
	s := strconv.FormatFloat(c.Num, 'f', -1, 64)
	_, frac, _ := strings.Cut(s, ".")
	return len(frac)
}

// Display returns the number as written for export: the literal, or the
// shortest form of the value.
func (c Cell) Display() string {
	if c.Literal != "" {
		return c.Literal
	}
	return strconv.FormatFloat(c.Num, 'f', -1, 64)
}

// decimalRe is a number written with a decimal point, as TOML or a quoted
// string may hold it: -6.0, 1_234.50.
var (
	decimalRe = regexp.MustCompile(`^[+-]?[0-9][0-9_]*\.[0-9][0-9_]*$`)
	integerRe = regexp.MustCompile(`^[+-]?[0-9][0-9_]*$`)
)

// literalOf returns the decimal literal of key k on a TOML line
// ("growth = -6.0  # comment" gives "-6.0") when it states the value x, so
// that the precision TOML's float64 drops is kept; else "".
func literalOf(line, k string, x float64) string {
	key, val, ok := strings.Cut(line, "=")
	if !ok || strings.Trim(strings.TrimSpace(key), `"'`) != k {
		return ""
	}
	val, _, _ = strings.Cut(val, "#")
	return decimalLiteral(strings.TrimSpace(val), x)
}

// decimalLiteral returns lit without underscores or a plus sign when it is a
// decimal that parses to x, else "". The result is a string of its own, not
// a part of the file's text, which Lines.Release lets go.
func decimalLiteral(lit string, x float64) string {
	if !decimalRe.MatchString(lit) {
		return ""
	}
	lit = strings.TrimPrefix(strings.ReplaceAll(lit, "_", ""), "+")
	if y, err := strconv.ParseFloat(lit, 64); err != nil || y != x {
		return ""
	}
	return strings.Clone(lit)
}

// Chart is a chart specification, drawn from the table it is declared in.
type Chart struct {
	ID        string    `toml:"id"`
	Type      string    `toml:"type"`
	Category  string    `toml:"category"`
	Values    []string  `toml:"values"`
	Title     lang.Text `toml:"title"`
	Headline  lang.Text `toml:"headline"`
	Subtitle  lang.Text `toml:"subtitle"`
	XName     lang.Text `toml:"x_name"`
	YName     lang.Text `toml:"y_name"`
	Source    lang.Text `toml:"source"`
	Target    *Target   `toml:"target"`
	Highlight []string  `toml:"highlight"`
	Partial   *Partial  `toml:"partial"`
	RowIDs    []string  `toml:"rows"`
	Height    int       `toml:"height"`
	Line      int       `toml:"-"`
	Table     *Table    `toml:"-"`
}

// Target is a reference line, such as a coverage goal.
type Target struct {
	Value float64   `toml:"value"`
	Label lang.Text `toml:"label"`
}

// Partial marks rows whose figures cover a shorter period than the others
// (eleven months beside a year's target): they are drawn lighter, outlined
// with a dashed line, and their value labels carry Label.
type Partial struct {
	Rows  []string  `toml:"rows"`
	Label lang.Text `toml:"label"`
}

// ChartKinds is what validation asks of the chart types: their names, and
// the rules of one type. Package chart's registry answers, so that a chart
// type is declared in one place.
type ChartKinds interface {
	// Names lists the types a spec may name, sorted.
	Names() []string
	// Check returns what is wrong with c for its type, and false if the
	// type is unknown. It runs after the checks every chart shares.
	Check(c *Chart) (problems []ChartProblem, known bool)
}

// ChartProblem is a problem a chart type finds in a spec. Key is the spec
// key it is about ("values"), or "" for the chart as a whole.
type ChartProblem struct {
	Key, Msg, Hint string
}

// SourceOf returns where the figure in column key of row r is stated: the
// cell's own source, else the column's, else the row's (which defaults to
// the table's). The most specific wins.
func (t *Table) SourceOf(r *Row, key string) Source {
	if s := r.Cell(key).Source; s != nil && s.Section != "" {
		return *s
	}
	if c, ok := t.Column(key); ok && c.Source.Section != "" {
		return c.Source
	}
	return Source{Section: r.Source, Paragraph: r.SourcePara}
}

// RowLabel returns how language l names row r: its first text cell, what
// the table's row header shows.
func (t *Table) RowLabel(r *Row, l lang.Lang) string {
	for _, c := range t.Columns {
		if c.Type != TypeNumber {
			return r.Cell(c.Key).Text.In(l)
		}
	}
	return ""
}

// RowSources returns the sections the figures of row r come from, without
// repeats, in column order: the row's own first.
func (t *Table) RowSources(r *Row) []string {
	out := []string{r.Source}
	for _, c := range t.Columns {
		if c.Type != TypeNumber || !r.Cell(c.Key).HasNum {
			continue
		}
		if s := t.SourceOf(r, c.Key).Section; !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if len(out) > 1 && !t.rowUses(r, out[0]) {
		out = out[1:] // every figure names another section
	}
	return out
}

func (t *Table) rowUses(r *Row, section string) bool {
	for _, c := range t.Columns {
		if c.Type == TypeNumber && r.Cell(c.Key).HasNum && t.SourceOf(r, c.Key).Section == section {
			return true
		}
	}
	return false
}

// Column returns the column with key k.
func (t *Table) Column(k string) (Column, bool) {
	i := slices.IndexFunc(t.Columns, func(c Column) bool { return c.Key == k })
	if i < 0 {
		return Column{}, false
	}
	return t.Columns[i], true
}

// columnIndex returns the index of the column with key k; -1 for none.
func (t *Table) columnIndex(k string) int {
	return slices.IndexFunc(t.Columns, func(c Column) bool { return c.Key == k })
}

// Row returns the row with ID id.
func (t *Table) Row(id string) (*Row, bool) {
	for i := range t.Rows {
		if t.Rows[i].ID == id {
			return &t.Rows[i], true
		}
	}
	return nil, false
}

// ChartRows returns the rows a chart draws, in order.
func (c *Chart) ChartRows() []*Row {
	var out []*Row
	if len(c.RowIDs) == 0 {
		for i := range c.Table.Rows {
			out = append(out, &c.Table.Rows[i])
		}
		return out
	}
	for _, id := range c.RowIDs {
		if r, ok := c.Table.Row(id); ok {
			out = append(out, r)
		}
	}
	return out
}

type fileFormat struct {
	Title   lang.Text        `toml:"title"`
	Note    lang.Text        `toml:"note"`
	Source  Source           `toml:"source"`
	Columns []Column         `toml:"columns"`
	Rows    []map[string]any `toml:"rows"`
	Charts  []Chart          `toml:"charts"`
	Allow   []AllowTerm      `toml:"allow_terms"`
}

// Env is what validation needs to know about the site.
type Env struct {
	Langs    []lang.Lang
	Units    map[string]lang.Unit
	Sections []string // section IDs, for source references
	// SectionSet holds the same IDs for quick lookup; nil means Sections is
	// searched.
	SectionSet map[string]bool
	// Charts knows the chart types; nil knows none.
	Charts ChartKinds
}

// Decode decodes and validates one table file. id is the table ID (the file
// name without .toml); problems go to dl with positions.
func Decode(file, id string, src []byte, env Env, dl *diag.List) *Table {
	var ff fileFormat
	f := tomlfile.Decode(file, src, 0, &ff, dl)
	if f == nil {
		return nil
	}
	t := &Table{ID: id, File: file, Title: ff.Title, Note: ff.Note, Source: ff.Source.Section, SourcePara: ff.Source.Paragraph, Columns: ff.Columns, Lines: Lines{f}, Units: env.Units, AllowTerms: ff.Allow}
	CheckAllowTerms(t.AllowTerms, f, nil, dl)
	if !addr.ValidID(id) {
		dl.Errorf(file, 1, "rename the file to lower-case letters, digits and hyphens, e.g. fiscal-revenue.toml", "table ID %q is not a safe ID", id)
	}
	text := func(tx lang.Text, what string, line int, required bool) {
		if required && tx.IsZero() {
			dl.Errorf(file, line, fmt.Sprintf("add %s = { %s }", what, exampleText(env.Langs)), "%s is missing", what)
			return
		}
		if tx.IsZero() {
			return
		}
		for _, m := range tx.Missing(env.Langs) {
			dl.Errorf(file, line, fmt.Sprintf("add %s = \"…\" to %s", m, what), "%s has no %s text", what, m)
		}
		for _, u := range tx.Unknown(env.Langs) {
			dl.Errorf(file, line, "use the tags of the hand-written languages in site.toml; derived languages are converted, never written", "%s has text for unknown or derived language %q", what, u)
		}
	}
	text(t.Title, "title", f.KeyLine("title"), true)
	text(t.Note, "note", f.KeyLine("note"), false)
	checkSource := func(src string, line int) {
		if src == "" || env.SectionSet[src] || env.SectionSet == nil && slices.Contains(env.Sections, src) {
			return
		}
		hint := "name a section file without .md, one of: " + strings.Join(env.Sections, ", ")
		if s := tomlfile.Suggest(src, env.Sections); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		}
		dl.Errorf(file, line, hint, "source section %q not found", src)
	}
	checkSource(t.Source, f.KeyLine("source"))
	for i, c := range t.Columns {
		checkSource(c.Source.Section, f.KeyLine(fmt.Sprintf("columns[%d]", i), "source"))
	}

	if len(t.Columns) == 0 {
		dl.Errorf(file, 1, "add [[columns]] with key, label, type and unit", "table has no columns")
	}
	seen := map[string]bool{}
	for i, c := range t.Columns {
		at := fmt.Sprintf("columns[%d]", i)
		line := f.KeyLine(at, "key")
		switch {
		case !addr.ValidID(c.Key):
			dl.Errorf(file, line, "use lower-case letters, digits, - or _", "column key %q is not a safe ID", c.Key)
		case c.Key == "id" || c.Key == "source":
			dl.Errorf(file, line, "choose another key: id and source are row fields", "column key %q is reserved", c.Key)
		case seen[c.Key]:
			dl.Errorf(file, line, "give each column its own key", "duplicate column key %q", c.Key)
		}
		seen[c.Key] = true
		text(c.Label, "label", f.KeyLine(at, "label"), true)
		switch c.Type {
		case TypeText, TypeCode:
			if c.Unit != "" {
				dl.Errorf(file, f.KeyLine(at, "unit"), "remove the unit or make the column type = \"number\"", "text column %q has a unit", c.Key)
			}
		case TypeNumber:
			if _, ok := env.Units[c.Unit]; !ok {
				hint := "use one of: " + strings.Join(unitIDs(env.Units), ", ") + ", or define it under [units] in site.toml"
				if s := tomlfile.Suggest(c.Unit, sortedKeys(env.Units)); s != "" {
					hint = fmt.Sprintf("did you mean %q? Or define %q under [units] in site.toml", s, c.Unit)
				}
				dl.Errorf(file, f.KeyLine(at, "unit"), hint, "unknown unit %q in column %q", c.Unit, c.Key)
			}
		default:
			hint := `use type = "text", "number" or "code"`
			dl.Errorf(file, f.KeyLine(at, "type"), hint, "column %q has unknown type %q", c.Key, c.Type)
		}
	}

	rowIDs := map[string]bool{}
	cellSources := map[int]any{} // the sources table of each row, read once its cells are
	for i, raw := range ff.Rows {
		at := fmt.Sprintf("rows[%d]", i)
		n := len(raw) // the cells, without the row's own fields
		for _, k := range []string{"id", "source", "sources"} {
			if _, ok := raw[k]; ok {
				n--
			}
		}
		r := Row{Cells: make([]Cell, 0, n), Line: f.KeyLine(at, "id")}
		for k, v := range raw {
			line := f.KeyLine(at, k)
			switch k {
			case "id":
				s, ok := v.(string)
				if !ok || !addr.ValidID(s) {
					dl.Errorf(file, line, `write id = "short-name" with lower-case letters, digits and hyphens`, "row id %v is not a safe ID", v)
					continue
				}
				if rowIDs[s] {
					dl.Errorf(file, line, "give each row its own id", "duplicate row id %q", s)
				}
				rowIDs[s] = true
				r.ID = s
				continue
			case "source":
				src, err := sourceOf(v)
				if err != nil {
					dl.Errorf(file, line, `write source = "NN-section" or source = { section = "NN-section", paragraph = 2 }`, "row %d: %v", i+1, err)
					continue
				}
				checkSource(src.Section, line)
				r.Source, r.SourcePara = src.Section, src.Paragraph
				continue
			case "sources":
				cellSources[i] = v
				continue
			}
			c, ok := t.Column(k)
			if !ok {
				hint := "add a [[columns]] entry with this key, or remove it"
				if s := tomlfile.Suggest(k, columnKeys(t.Columns)); s != "" {
					hint = fmt.Sprintf("did you mean %q?", s)
				}
				dl.Errorf(file, line, hint, "row %d has a value for unknown column %q", i+1, k)
				continue
			}
			cell, err := decodeCell(c, v)
			if err != nil {
				dl.Errorf(file, line, cellHint(c), "row %d, column %q: %v", i+1, k, err)
				continue
			}
			if _, isFloat := v.(float64); isFloat {
				cell.Literal = literalOf(f.Line(line), k, cell.Num)
			}
			if c.Type == TypeText {
				text(cell.Text, fmt.Sprintf("row %d column %q", i+1, k), line, false)
			}
			cell.Key = c.Key
			r.Cells = append(r.Cells, cell)
		}
		// In column order, whatever order the decoder gave the keys in.
		slices.SortFunc(r.Cells, func(a, b Cell) int { return t.columnIndex(a.Key) - t.columnIndex(b.Key) })
		if r.ID == "" {
			if _, ok := raw["id"]; !ok {
				dl.Errorf(file, f.KeyLine(at, "id"), `add id = "short-name" to the row`, "row %d has no id", i+1)
			}
			r.ID = fmt.Sprintf("row-%d", i+1)
		}
		if v, ok := cellSources[i]; ok {
			readCellSources(t, &r, i, v, checkSource, dl)
		}
		if r.Source == "" {
			r.Source, r.SourcePara = t.Source, t.SourcePara
		}
		if r.Source == "" {
			dl.Errorf(file, r.Line, `add source = "NN-section" to the table or the row: which section states these figures`, "row %q has no source section", r.ID)
		}
		t.Rows = append(t.Rows, r)
	}
	if len(t.Rows) == 0 {
		dl.Errorf(file, 1, "add [[rows]]", "table has no rows")
	}
	for i := range ff.Charts {
		c := ff.Charts[i]
		c.Table = t
		c.Line = f.KeyLine(fmt.Sprintf("charts[%d]", i), "id")
		checkChart(&c, f, i, env, text, dl)
		t.Charts = append(t.Charts, c)
	}
	f.Compact() // Lines.Key makes it again, for the checks, a table at a time
	return t
}

// readCellSources reads a row's sources = { column = source, … }: where
// single figures of the row are stated.
func readCellSources(t *Table, r *Row, i int, v any, checkSource func(string, int), dl *diag.List) {
	at := fmt.Sprintf("rows[%d]", i)
	line := t.Lines.Key(at, "sources")
	m, ok := v.(map[string]any)
	if !ok {
		dl.Errorf(t.File, line, `write sources = { column = "NN-section", … }`, "row %d: sources is a %s, want a table of sources by column", i+1, tomlType(v))
		return
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		c, ok := t.Column(k)
		if !ok || c.Type != TypeNumber {
			hint := "name a numeric column of " + t.File
			if s := tomlfile.Suggest(k, columnKeys(t.Columns)); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			dl.Errorf(t.File, line, hint, "row %d: sources names %q, not a numeric column", i+1, k)
			continue
		}
		src, err := sourceOf(m[k])
		if err != nil {
			dl.Errorf(t.File, line, `write sources = { column = "NN-section" } or { column = { section = "NN-section", paragraph = 2 } }`, "row %d, column %q: %v", i+1, k, err)
			continue
		}
		checkSource(src.Section, line)
		cell, ok := r.Lookup(k)
		if !ok {
			dl.Errorf(t.File, line, "give the cell a value, or remove its source", "row %d: sources names %q, which has no value", i+1, k)
			continue
		}
		cell.Source = &src
		r.Set(k, cell)
	}
}

func checkChart(c *Chart, f *tomlfile.File, i int, env Env, text func(lang.Text, string, int, bool), dl *diag.List) {
	t, file := c.Table, c.Table.File
	at := fmt.Sprintf("charts[%d]", i)
	if !addr.ValidID(c.ID) {
		dl.Errorf(file, c.Line, `write id = "short-name" with lower-case letters, digits and hyphens`, "chart id %q is not a safe ID", c.ID)
	}
	var names []string
	if env.Charts != nil {
		names = env.Charts.Names()
	}
	if !slices.Contains(names, c.Type) {
		hint := "use one of: " + strings.Join(names, ", ")
		if s := tomlfile.Suggest(c.Type, names); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		}
		dl.Errorf(file, f.KeyLine(at, "type"), hint, "chart %q has unknown type %q", c.ID, c.Type)
	}
	text(c.Title, "chart title", f.KeyLine(at, "title"), true)
	text(c.Headline, "chart headline", f.KeyLine(at, "headline"), false)
	text(c.Subtitle, "chart subtitle", f.KeyLine(at, "subtitle"), false)
	text(c.XName, "x_name", f.KeyLine(at, "x_name"), false)
	text(c.YName, "y_name", f.KeyLine(at, "y_name"), false)
	text(c.Source, "chart source", f.KeyLine(at, "source"), false)
	if col, ok := t.Column(c.Category); !ok {
		dl.Errorf(file, f.KeyLine(at, "category"), "name a column of table "+t.ID+": "+strings.Join(columnKeys(t.Columns), ", "), "chart %q: category column %q not found", c.ID, c.Category)
	} else if col.Type == TypeNumber {
		dl.Errorf(file, f.KeyLine(at, "category"), "categories name the bars: use a text or code column", "chart %q: category column %q is numeric", c.ID, c.Category)
	}
	if len(c.Values) == 0 {
		dl.Errorf(file, c.Line, `add values = ["column"]`, "chart %q has no values", c.ID)
	}
	for _, v := range c.Values {
		col, ok := t.Column(v)
		switch {
		case !ok:
			dl.Errorf(file, f.KeyLine(at, "values"), "name a numeric column of table "+t.ID, "chart %q: value column %q not found", c.ID, v)
		case col.Type != TypeNumber:
			dl.Errorf(file, f.KeyLine(at, "values"), "charts draw numeric columns only", "chart %q: value column %q is not numeric", c.ID, v)
		}
	}
	if c.Target != nil {
		text(c.Target.Label, "target label", f.KeyLine(at, "target"), false)
	}
	for _, id := range append(slices.Clone(c.Highlight), c.RowIDs...) {
		if _, ok := t.Row(id); !ok {
			dl.Errorf(file, f.KeyLine(at, "highlight"), "name a row id of table "+t.ID, "chart %q: row %q not found", c.ID, id)
		}
	}
	if c.Partial != nil {
		text(c.Partial.Label, "partial label", f.KeyLine(at, "partial"), true)
		if len(c.Partial.Rows) == 0 {
			dl.Errorf(file, f.KeyLine(at, "partial"), `write partial = { rows = ["id"], label = { … } }`, "chart %q: partial names no rows", c.ID)
		}
		for _, id := range c.Partial.Rows {
			if _, ok := t.Row(id); !ok {
				dl.Errorf(file, f.KeyLine(at, "partial"), "name a row id of table "+t.ID, "chart %q: partial row %q not found", c.ID, id)
			}
		}
	}
	if c.Height != 0 && (c.Height < 120 || c.Height > 1200) {
		dl.Errorf(file, f.KeyLine(at, "height"), "use a height between 120 and 1200 px", "chart %q: height %d out of range", c.ID, c.Height)
	}
	if env.Charts != nil {
		problems, _ := env.Charts.Check(c)
		for _, p := range problems {
			line := c.Line
			if p.Key != "" {
				line = f.KeyLine(at, p.Key)
			}
			dl.Errorf(file, line, p.Hint, "%s", p.Msg)
		}
	}
}

func decodeCell(c Column, v any) (Cell, error) {
	switch c.Type {
	case TypeNumber:
		var x float64
		switch n := v.(type) {
		case int64:
			x = float64(n)
		case float64:
			x = n
		case string:
			// A quoted decimal keeps its digits exactly: "9.0".
			y, err := strconv.ParseFloat(strings.TrimPrefix(strings.ReplaceAll(n, "_", ""), "+"), 64)
			lit := decimalLiteral(n, y)
			if err != nil || lit == "" && !integerRe.MatchString(n) {
				return Cell{}, fmt.Errorf("%q is not a number", n)
			}
			return Cell{Num: y, HasNum: true, Literal: lit}, nil
		default:
			return Cell{}, fmt.Errorf("%v is not a number", quoteIfString(v))
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return Cell{}, fmt.Errorf("%v is not a finite number", x)
		}
		return Cell{Num: x, HasNum: true}, nil
	case TypeCode:
		s, ok := v.(string)
		if !ok {
			return Cell{}, fmt.Errorf("%v is not a string", v)
		}
		return Cell{Text: lang.Text{lang.Any: s}}, nil
	}
	var tx lang.Text
	if err := tx.UnmarshalTOML(v); err != nil {
		return Cell{}, err
	}
	return Cell{Text: tx}, nil
}

func quoteIfString(v any) any {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return v
}

func cellHint(c Column) string {
	switch c.Type {
	case TypeNumber:
		return "write the number in base units without quotes or unit words, e.g. 257640000 for 25764萬元"
	case TypeCode:
		return `write a string, e.g. "T3"`
	}
	return `write { zh-Hant = "…", en = "…" } or one string for every language`
}

func columnKeys(cs []Column) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Key)
	}
	return out
}

// unitIDs lists units for a hint: the currencies (upper-case ISO codes)
// folded into one entry, so that the list stays short.
func unitIDs(units map[string]lang.Unit) []string {
	var out, codes []string
	for _, id := range sortedKeys(units) {
		if units[id].Kind == lang.KindCurrency && strings.ToUpper(id) == id {
			codes = append(codes, id)
			continue
		}
		out = append(out, id)
	}
	if len(codes) > 0 {
		out = append(out, "a currency code ("+strings.Join(codes, ", ")+")")
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func exampleText(langs []lang.Lang) string {
	var parts []string
	for _, l := range langs {
		if !l.Derived() {
			parts = append(parts, l.Tag+` = "…"`)
		}
	}
	return strings.Join(parts, ", ")
}
