package figure

import (
	"encoding/json"
	"math"

	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// chartTips is the data island static/charts.js reads to explain a mark on
// tap, hover or keyboard focus: every value already formatted for the page's
// language, with its unit, so the script needs no number formatting. A mark
// in the SVG names its point with data-s (series, an index into Series and
// Values) and data-i (the row, an index into Rows).
type chartTips struct {
	// Context says what the values are and when: the chart's subtitle,
	// which states the period.
	Context string `json:"context,omitempty"`
	// Series are the value columns' labels.
	Series []string `json:"series"`
	// Rows are the rows' category labels, with the row's full name when
	// the chart draws a short one.
	Rows []tipRow `json:"rows"`
	// Values holds, per series, each row's value in full ("" for none).
	Values [][]string `json:"values"`
	// Colon follows a series name before its value (": ", "："), and Locale
	// is ECharts' locale for the live chart: the script knows no language.
	Colon  string `json:"colon"`
	Locale string `json:"locale"`
}

type tipRow struct {
	Label string `json:"label"`
	Name  string `json:"name,omitempty"`
}

// tips builds chart c's data island for language l.
func (b *Maker) tips(c *dataset.Chart, l lang.Lang) ([]byte, error) {
	t := c.Table
	ct := chartTips{Context: c.Subtitle.In(l), Series: []string{}, Rows: []tipRow{}, Values: [][]string{},
		Colon: lang.WordsFor(l).Colon, Locale: l.ChartLocale()}
	name := ""
	for _, col := range t.Columns {
		if col.Type != dataset.TypeNumber {
			name = col.Key
			break
		}
	}
	rows := c.ChartRows()
	for _, r := range rows {
		tr := tipRow{Label: cellText(r.Cell(c.Category), l)}
		if name != "" && name != c.Category {
			if n := cellText(r.Cell(name), l); n != tr.Label {
				tr.Name = n
			}
		}
		if tr.Label == "" {
			tr.Label = r.ID
		}
		ct.Rows = append(ct.Rows, tr)
	}
	for _, key := range c.Values {
		col, ok := t.Column(key)
		if !ok {
			continue
		}
		label := col.Label.In(l)
		if label == "" {
			label = col.Key
		}
		ct.Series = append(ct.Series, label)
		unit, ok := b.site.Units[col.Unit]
		if !ok {
			unit = lang.BuiltinUnits()[col.Unit]
		}
		vals := make([]string, len(rows))
		for i, r := range rows {
			if cell := r.Cell(key); cell.HasNum && !math.IsNaN(cell.Num) && !math.IsInf(cell.Num, 0) {
				vals[i] = lang.FormatDec(cell.Num, cell.Decimals(), unit, l)
			}
		}
		ct.Values = append(ct.Values, vals)
	}
	return json.Marshal(ct)
}

// cellText returns a text cell in l, or the text written once for all.
func cellText(c dataset.Cell, l lang.Lang) string {
	if s := c.Text.In(l); s != "" {
		return s
	}
	return c.Text[lang.Any]
}
