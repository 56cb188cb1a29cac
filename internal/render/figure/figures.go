package figure

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"reportsite/internal/addr"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
	"reportsite/internal/load"
	"reportsite/internal/markdown"
	"reportsite/internal/render/tmpl"
)

type chartKey struct{ id, lang string }

type chartEntry struct {
	once sync.Once
	c    Chart
	err  error
}

// chartCache renders each chart once per language, however many pages show it.
type chartCache struct {
	fn ChartFunc
	mu sync.Mutex
	m  map[chartKey]*chartEntry
}

func (cc *chartCache) get(c *dataset.Chart, l lang.Lang) (Chart, error) {
	if cc.fn == nil {
		return Chart{}, nil
	}
	cc.mu.Lock()
	e := cc.m[chartKey{c.ID, l.Tag}]
	if e == nil {
		e = &chartEntry{}
		cc.m[chartKey{c.ID, l.Tag}] = e
	}
	cc.mu.Unlock()
	e.once.Do(func() { e.c, e.err = cc.fn(c, l) })
	return e.c, e.err
}

type figureData struct {
	ID, Anchor, Title, Subtitle, Source string
	// Headline states the finding; Title then becomes the caption's
	// second line.
	Headline     string
	SVG          template.HTML
	Option, Tips template.JS
	HasOption    bool
	Desc         string
	Table        template.HTML
	CSV, JSON    string
	Stated       []Link // the paragraphs stating the chart's figures
	Single       bool   // on the one-file report: no script, no downloads
	T            func(string) string
}

// Chart renders a chart as a <figure>: caption, SVG, source note, the data
// as a table in <details>, and download links.
func (b *Maker) Chart(c *dataset.Chart, l lang.Lang, pg Page) ([]byte, error) {
	if c == nil {
		return nil, fmt.Errorf("chart not found")
	}
	r, err := b.charts.get(c, l)
	if err != nil {
		return nil, fmt.Errorf("chart %s (%s): %w", c.ID, l.Tag, err)
	}
	tbl, err := b.tableHTML(c.Table, l, pg, c.RowIDs, c.Values, c.Title.In(l))
	if err != nil {
		return nil, err
	}
	fd := figureData{
		ID:       c.ID,
		Anchor:   addr.Chart(c.ID),
		Title:    c.Title.In(l),
		Headline: c.Headline.In(l),
		Subtitle: c.Subtitle.In(l),
		Source:   b.sourceNote(c, l),
		SVG:      template.HTML(r.SVG), // trusted: rendered and sanitised by internal/echarts
		Desc:     r.Desc,
		Table:    template.HTML(tbl),
		CSV:      addr.Rel(pg.Path, addr.CSV(c.Table.ID, l.Prefix)),
		JSON:     addr.Rel(pg.Path, addr.JSON(c.Table.ID)),
		Single:   pg.Single,
		T:        func(k string) string { return b.ui(k, l) },
	}
	fd.Stated = b.chartStatements(c, l, pg)
	if len(fd.Stated) > 0 && len(r.SVG) > 0 {
		var names []string
		for _, s := range fd.Stated {
			names = append(names, s.Text)
		}
		fd.SVG = template.HTML(describe(r.SVG, b.ui("stated_in", l)+strings.Join(names, b.ui("list_sep", l)))) // trusted: our SVG with escaped text added
	}
	if len(r.Option) > 0 {
		// The option sits in a <script type="application/json"> island;
		// json.Compact keeps encoding/json's escaping of <, > and &.
		var buf bytes.Buffer
		if err := json.Compact(&buf, r.Option); err != nil {
			return nil, fmt.Errorf("chart %s: option: %w", c.ID, err)
		}
		fd.Option = template.JS(escapeJSONForScript(buf.Bytes()))
		fd.HasOption = true
	}
	if len(r.SVG) > 0 {
		tips, err := b.tips(c, l)
		if err != nil {
			return nil, fmt.Errorf("chart %s: tips: %w", c.ID, err)
		}
		fd.Tips = template.JS(escapeJSONForScript(tips))
	}
	return b.exec("figure", fd)
}

// escapeJSONForScript makes sure nothing in JSON can close the script element.
func escapeJSONForScript(b []byte) string {
	b = bytes.ReplaceAll(b, []byte("<"), []byte(`\u003c`))
	b = bytes.ReplaceAll(b, []byte(">"), []byte(`\u003e`))
	b = bytes.ReplaceAll(b, []byte("&"), []byte(`\u0026`))
	b = bytes.ReplaceAll(b, []byte("\u2028"), []byte(`\u2028`))
	b = bytes.ReplaceAll(b, []byte("\u2029"), []byte(`\u2029`))
	return string(b)
}

func (b *Maker) sourceNote(c *dataset.Chart, l lang.Lang) string {
	if s := c.Source.In(l); s != "" {
		return s
	}
	var names []string
	seen := map[string]bool{}
	for _, r := range c.ChartRows() {
		for _, v := range c.Values {
			id := c.Table.SourceOf(r, v).Section
			if seen[id] {
				continue
			}
			seen[id] = true
			if sec := b.m.Section(id); sec != nil {
				names = append(names, b.title(sec, l))
			}
		}
	}
	out := ""
	for i, n := range names {
		if i > 0 {
			out += b.ui("list_sep", l)
		}
		out += n
	}
	return out
}

type tableData struct {
	ID, Anchor, Title, Note string
	Columns                 []colView
	// Head and Body are the table's header row and rows, <tr> elements
	// built in Go: a report may have thousands of tables with many cells,
	// and html/template calls its escapers through reflection for each one.
	Head, Body template.HTML
	CSV, JSON  string
	Standalone bool
	Single     bool   // on the one-file report: no downloads
	Label      string // the scroll box's accessible name, unique on the page
	T          func(string) string
}

type colView struct {
	Label string
	Num   bool
}

// htmlText escapes text exactly as html/template does in element content
// and quoted attributes, so rows built in Go match templated markup.
var htmlText = tmpl.Text

// writeRow writes one table row: the row's header cell, links and numbers
// each marked up as the table template did before it moved here.
func writeRow(b *strings.Builder, cells []cellView) {
	text := func(s string) { htmlText.WriteString(b, s) }
	b.WriteString("\n<tr>")
	for _, c := range cells {
		switch {
		case c.Header:
			b.WriteString(`<th scope="row">`)
			text(c.Text)
			b.WriteString(`</th>`)
		case len(c.More) > 0:
			// Figures of one row stated in several sections: a link to each.
			b.WriteString(`<td><a href="`)
			text(c.Href)
			b.WriteString(`">`)
			text(c.Text)
			b.WriteString(`</a>`)
			for _, m := range c.More {
				b.WriteString(` <a href="`)
				text(m.Href)
				b.WriteString(`">`)
				text(m.Text)
				b.WriteString(`</a>`)
			}
			b.WriteString(`</td>`)
		case c.Num && c.Href != "":
			// The figure leads to the sentence that states it.
			b.WriteString(`<td class="num"><a class="stated" href="`)
			text(c.Href)
			b.WriteString(`">`)
			text(c.Text)
			b.WriteString(`</a></td>`)
		case c.Href != "":
			b.WriteString(`<td><a href="`)
			text(c.Href)
			b.WriteString(`">`)
			text(c.Text)
			b.WriteString(`</a></td>`)
		case c.Num:
			b.WriteString(`<td class="num">`)
			text(c.Text)
			b.WriteString(`</td>`)
		default:
			b.WriteString(`<td>`)
			text(c.Text)
			b.WriteString(`</td>`)
		}
	}
	b.WriteString("</tr>")
}

type cellView struct {
	Text   string
	Num    bool
	Header bool
	Href   string
	More   []cellView // further source links after Text and Href
}

// Table renders a data table as its own figure with downloads.
func (b *Maker) Table(t *dataset.Table, l lang.Lang, pg Page) ([]byte, error) {
	if t == nil {
		return nil, fmt.Errorf("table not found")
	}
	// A table looks the same from every page of a folder: render it once
	// for its section pages, the full report and the data page. Seen from
	// another language's folder (the other column of a parallel page, once)
	// it is made each time and not kept: half the tables of a build in two
	// languages, each kept for the whole build, were never used again.
	dir := path.Dir(pg.Path)
	if dir != path.Dir(path.Join(l.Prefix, "page.html")) {
		return b.tableHTML(t, l, pg, nil, nil, "")
	}
	// The one-file report shows each placement once: nothing to share.
	if pg.Single {
		return b.tableHTML(t, l, pg, nil, nil, "")
	}
	key := tableKey{t.ID, l.Tag, dir}
	b.mu.Lock()
	e := b.tables[key]
	if e == nil {
		e = &tableEntry{left: b.tableUses(t, l)}
		b.tables[key] = e
	}
	// The last page to show the table drops it (the pages that have it
	// still hold e).
	if e.left--; e.left == 0 {
		delete(b.tables, key)
	}
	b.mu.Unlock()
	e.once.Do(func() {
		e.html, e.err = b.tableHTML(t, l, pg, nil, nil, "")
		e.html = bytes.Clone(e.html) // without the spare room of its buffer, as it is kept
	})
	return e.html, e.err
}

// TableFresh renders table t for page pg without keeping it or taking the
// one kept: for the data page, made after the sections, when the tables
// they showed are gone. Kept for it from the start, every table of a
// build was alive at once (49 MB at 5,000 sections in three languages).
func (b *Maker) TableFresh(t *dataset.Table, l lang.Lang, pg Page) ([]byte, error) {
	if t == nil {
		return nil, fmt.Errorf("table not found")
	}
	return b.tableHTML(t, l, pg, nil, nil, "")
}

// Showings tells b how many pages of a build show a table in l from l's
// folder: perPlacement(l) for each section in l that places it, and
// perTable more (the data page). With it, a table is dropped once its last
// page has it, instead of being kept for the whole build: at 5,000
// sections in three languages the kept tables were 100 MB. An update,
// which makes only some pages, leaves its tables kept: harmless, as each
// update has a Maker of its own.
func (b *Maker) Showings(perPlacement func(l lang.Lang) int, perTable int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.perPlacement, b.perTable = perPlacement, perTable
}

// tableUses returns how many times the pages ask for t in l, or -1 when b
// was not told (see Showings). b.mu is held.
func (b *Maker) tableUses(t *dataset.Table, l lang.Lang) int {
	if b.perPlacement == nil {
		return -1
	}
	if b.placed == nil {
		b.placed = map[[2]string]int{}
		for _, sec := range b.site.Sections {
			for _, x := range b.site.Languages {
				if d := b.m.Doc(sec, x); d != nil && d.Doc != nil {
					for _, r := range d.Doc.Blocks {
						if r.Kind == markdown.BlockTable {
							b.placed[[2]string{r.ID, x.Tag}]++
						}
					}
				}
			}
		}
	}
	per := b.perPlacement(l)
	if b.fills != nil {
		per = 1 // each placement is filled once for every page of the folder (ShareFills)
	}
	return b.placed[[2]string{t.ID, l.Tag}]*per + b.perTable
}

type tableKey struct {
	table, lang, dir string
}

type tableEntry struct {
	once sync.Once
	html []byte
	err  error
	left int // the pages still to show it; below zero when not counted
}

// tableHTML renders rows of t (all when rowIDs is empty) as an accessible
// table: caption, header scopes, numbers formatted for l, source links.
// A hidden column is left out unless keep names it (a chart's values, in
// the chart's own data table). chart is the title of the chart whose data
// the table shows, or "" for a table standing on its own.
func (b *Maker) tableHTML(t *dataset.Table, l lang.Lang, pg Page, rowIDs, keep []string, chart string) ([]byte, error) {
	td := tableData{ID: t.ID, Anchor: addr.Table(t.ID), Title: t.Title.In(l), Note: t.Note.In(l), Standalone: chart == "",
		CSV: addr.Rel(pg.Path, addr.CSV(t.ID, l.Prefix)), JSON: addr.Rel(pg.Path, addr.JSON(t.ID)), Single: pg.Single,
		T: func(k string) string { return b.ui(k, l) }}
	// The scroll box is a landmark, whose name must be unique on the page:
	// a chart's data table is named after the chart, since the same table
	// may also stand on its own beside it.
	td.Label = td.Title
	if chart != "" {
		td.Label = chart + b.ui("paren_open", l) + b.ui("data_table", l) + b.ui("paren_close", l)
	}
	firstText := -1
	var shown []dataset.Column // the columns not hidden from display
	for _, c := range t.Columns {
		if c.Hidden && !slices.Contains(keep, c.Key) {
			continue
		}
		cv := colView{Label: c.Label.In(l), Num: c.Type == dataset.TypeNumber}
		td.Columns = append(td.Columns, cv)
		if firstText < 0 && c.Type != dataset.TypeNumber {
			firstText = len(shown)
		}
		shown = append(shown, c)
	}
	rows := t.Rows
	if len(rowIDs) > 0 {
		rows = nil
		for _, id := range rowIDs {
			if r, ok := t.Row(id); ok {
				rows = append(rows, *r)
			}
		}
	}
	grid := make([][]cellView, 0, len(rows))
	for _, r := range rows {
		cells := make([]cellView, 0, len(shown)+1)
		for i, c := range shown {
			cell := r.Cell(c.Key)
			cv := cellView{Header: i == firstText}
			switch {
			case cell.HasNum:
				cv.Text = lang.FormatDec(cell.Num, cell.Decimals(), b.site.Units[c.Unit], l)
				cv.Num = true
				cv.Href = b.StatedHref(load.CellKey{Table: t.ID, Row: r.ID, Col: c.Key}, l, pg)
			case c.Type == dataset.TypeNumber:
				cv.Text = "–"
				cv.Num = true
			default:
				cv.Text = cell.Text.In(l)
				if cv.Text == "" {
					cv.Text = cell.Text[lang.Any]
				}
			}
			cells = append(cells, cv)
		}
		src := cellView{}
		for _, id := range t.RowSources(&r) {
			sec := b.m.Section(id)
			if sec == nil {
				continue
			}
			v := cellView{Text: sec.Texts[l.Tag].Number, Href: pg.Section(sec, l, "")}
			if v.Text == "" {
				v.Text = sec.Texts[l.Tag].Title
			}
			if src.Href == "" {
				src = v
			} else {
				src.More = append(src.More, v)
			}
		}
		cells = append(cells, src)
		grid = append(grid, cells)
	}
	// A unit every figure of a column repeats moves to the column's head:
	// "Amount (CNY)" over 257.64 million, not CNY on every line, so narrow
	// tables fit a phone.
	for i := range td.Columns {
		if !td.Columns[i].Num {
			continue
		}
		var texts []string
		for _, cells := range grid {
			if s := cells[i].Text; s != "–" {
				texts = append(texts, s)
			}
		}
		pre, suf := commonUnit(texts)
		if pre == "" && suf == "" {
			continue
		}
		for _, cells := range grid {
			if s := cells[i].Text; s != "–" {
				cells[i].Text = strings.TrimSuffix(strings.TrimPrefix(s, pre), suf)
			}
		}
		unit := strings.Join(strings.Fields(pre+suf), " ")
		if !strings.Contains(strings.ToLower(td.Columns[i].Label), strings.ToLower(unit)) {
			td.Columns[i].Label += strings.Replace(td.T("unit_in_header"), "{}", unit, 1)
		}
	}
	var body strings.Builder
	body.Grow(len(grid) * (len(td.Columns) + 1) * 48)
	for _, cells := range grid {
		writeRow(&body, cells)
	}
	td.Body = template.HTML(body.String())
	var head strings.Builder
	head.WriteString("<tr>")
	for _, c := range td.Columns {
		head.WriteString(`<th scope="col"`)
		if c.Num {
			head.WriteString(` class="num"`)
		}
		head.WriteString(">" + htmlText.Replace(c.Label) + "</th>")
	}
	head.WriteString(`<th scope="col">` + htmlText.Replace(td.T("source")) + "</th></tr>")
	td.Head = template.HTML(head.String())
	if b.builtinTable && (td.Single || tmpl.PlainURL(td.CSV) && tmpl.PlainURL(td.JSON)) {
		return writeTable(&td), nil
	}
	return b.exec("table", td)
}

// commonUnit returns the unit words that every one of texts, figures
// formatted with their unit, starts or ends with: a prefix up to a space
// ("CNY "), or a suffix from a space (" people") or after the last digit
// ("元" of 95.82億元 and 25,764萬元). Signs, percent and scale words that
// differ stay with the figures; a unit holds no digit.
func commonUnit(texts []string) (prefix, suffix string) {
	if len(texts) == 0 {
		return "", ""
	}
	pre, suf := texts[0], texts[0]
	for _, s := range texts[1:] {
		for !strings.HasPrefix(s, pre) {
			_, size := utf8.DecodeLastRuneInString(pre)
			pre = pre[:len(pre)-size]
		}
		for !strings.HasSuffix(s, suf) {
			_, size := utf8.DecodeRuneInString(suf)
			suf = suf[size:]
		}
	}
	if i := strings.IndexByte(pre, ' '); i > 0 && !strings.ContainsAny(pre[:i], "0123456789.,-–+") {
		prefix = pre[:i+1]
	}
	// The suffix must not reach into a figure: start it after its last
	// digit, and at a space if it has one.
	if i := strings.LastIndexAny(suf, "0123456789"); i >= 0 {
		suf = suf[i+1:]
	}
	if i := strings.IndexByte(suf, ' '); i >= 0 {
		suf = suf[i:]
	} else if strings.ContainsAny(suf, "%.,-–") || !unicode.Is(unicode.Han, firstRune(suf)) {
		suf = "" // a percent sign or a word glued to the figure in Latin text stays
	}
	for _, s := range texts {
		if len(prefix)+len(suf) >= len(s) {
			return "", "" // nothing would be left of a figure
		}
	}
	return prefix, suf
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
