package dataset

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"unicode"

	"reportsite/internal/lang"
)

// Fill completes every text of the table and its charts for derived languages.
func (t *Table) Fill(langs []lang.Lang, conv func(from, to, s string) string) {
	t.Title.Fill(langs, conv)
	t.Note.Fill(langs, conv)
	for i := range t.Columns {
		t.Columns[i].Label.Fill(langs, conv)
	}
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			c.Text.Fill(langs, conv)
		}
	}
	for i := range t.Charts {
		c := &t.Charts[i]
		for _, tx := range []lang.Text{c.Title, c.Headline, c.Subtitle, c.XName, c.YName, c.Source} {
			tx.Fill(langs, conv)
		}
		if c.Target != nil {
			c.Target.Label.Fill(langs, conv)
		}
		if c.Partial != nil {
			c.Partial.Label.Fill(langs, conv)
		}
	}
}

// CSV returns the table for spreadsheet programs: UTF-8 with a byte-order
// mark, headers in language l with their units, numbers in base units, and
// any cell that a spreadsheet would read as a formula neutralised.
func (t *Table) CSV(l lang.Lang, units map[string]lang.Unit) []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	head := []string{"id"}
	for _, c := range t.Columns {
		h := c.Label.In(l)
		if u := unitLabel(c, units, l); u != "" {
			h += " (" + u + ")"
		}
		head = append(head, safeCell(h))
	}
	head = append(head, "source")
	_ = w.Write(head)
	for _, r := range t.Rows {
		rec := []string{r.ID}
		for _, c := range t.Columns {
			cell := r.Cell(c.Key)
			switch {
			case cell.HasNum:
				rec = append(rec, cell.Display())
			default:
				s := cell.Text.In(l)
				if s == "" {
					s = cell.Text[lang.Any]
				}
				rec = append(rec, safeCell(s))
			}
		}
		rec = append(rec, strings.Join(t.RowSources(&r), " "))
		_ = w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// unitLabel names a column's base unit for a header: 元, %, people.
func unitLabel(c Column, units map[string]lang.Unit, l lang.Lang) string {
	if c.Type != TypeNumber {
		return ""
	}
	u := units[c.Unit]
	switch u.Kind {
	case lang.KindPercent:
		return "%"
	case lang.KindRank:
		return ""
	}
	if w := u.Words.In(l); w != "" {
		return w
	}
	return u.Words[lang.Any]
}

// safeCell keeps spreadsheet programs from running a text cell as a formula,
// by OWASP's rule: a cell whose first character is =, +, -, @, tab or CR,
// once any leading space is skipped (Unicode spaces such as NBSP and the
// invisible format characters such as U+200B and U+FEFF included), gets a
// leading single quote. Number cells are never passed here: they are
// written as the number's decimal literal (a sign, digits, a point), which
// no spreadsheet runs, so a negative number stays a number.
func safeCell(s string) string {
	for _, r := range s {
		switch r {
		case '=', '+', '-', '@', '\t', '\r':
			return "'" + s
		}
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			return s
		}
	}
	return s
}

type jsonColumn struct {
	Key   string    `json:"key"`
	Label lang.Text `json:"label"`
	Type  string    `json:"type"`
	Unit  string    `json:"unit,omitempty"`
}

type jsonTable struct {
	ID      string           `json:"id"`
	Title   lang.Text        `json:"title"`
	Note    lang.Text        `json:"note,omitempty"`
	Columns []jsonColumn     `json:"columns"`
	Rows    []map[string]any `json:"rows"`
}

// JSON returns the table with its texts in every language and numbers in
// base units. Keys are sorted, so the bytes are stable.
func (t *Table) JSON() []byte {
	jt := jsonTable{ID: t.ID, Title: t.Title, Note: t.Note}
	if jt.Note.IsZero() {
		jt.Note = nil
	}
	for _, c := range t.Columns {
		jt.Columns = append(jt.Columns, jsonColumn{Key: c.Key, Label: c.Label, Type: c.Type, Unit: c.Unit})
	}
	for _, r := range t.Rows {
		row := map[string]any{"id": r.ID, "source": r.Source}
		var sources map[string]string // figures stated elsewhere than the row's source
		for _, c := range t.Columns {
			if s := t.SourceOf(&r, c.Key); r.Cell(c.Key).HasNum && s.Section != r.Source {
				if sources == nil {
					sources = map[string]string{}
				}
				sources[c.Key] = s.Section
			}
		}
		if sources != nil {
			row["sources"] = sources
		}
		for _, c := range r.Cells {
			k := c.Key
			if c.HasNum {
				row[k] = json.Number(c.Display())
			} else if s, ok := c.Text[lang.Any]; ok {
				row[k] = s
			} else {
				row[k] = c.Text
			}
		}
		jt.Rows = append(jt.Rows, row)
	}
	out, _ := json.MarshalIndent(jt, "", "  ")
	return append(out, '\n')
}
