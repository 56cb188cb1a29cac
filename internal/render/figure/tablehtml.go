package figure

import (
	"bytes"
	"io/fs"
)

// The table figure is our own markup, written here in Go rather than by
// html/template (whose escapers it calls through reflection took a sixth of
// a large build's rendering): writeTable writes exactly what the default
// templates/table.html writes, which TestWriteTableMatchesTemplate and
// FuzzWriteTable hold it to. A site with a table.html of its own gets its
// template (BuiltinTable).

// BuiltinTable has b write its table figures in Go when the table.html of
// tfs, the templates a build uses, is the default one in defaults (the
// embedded templates); otherwise they are made by the template. It is to
// be called before b makes any figure.
func (b *Maker) BuiltinTable(tfs, defaults fs.FS) {
	own, err := fs.ReadFile(tfs, "table.html")
	if err != nil {
		return
	}
	def, err := fs.ReadFile(defaults, "table.html")
	if err != nil {
		return
	}
	b.builtinTable = bytes.Equal(own, def)
}

// writeTable writes td as templates/table.html does. Its links must be
// plain (tmpl.PlainURL).
func writeTable(td *tableData) []byte {
	n := len(td.Head) + len(td.Body) + 3*len(td.Title) + 2*len(td.Note) + len(td.Label) + len(td.CSV) + len(td.JSON) + 512
	b := bytes.NewBuffer(make([]byte, 0, n))
	text := func(s string) { htmlText.WriteString(b, s) }
	if td.Standalone {
		b.WriteString(`<figure class="data-table" id="`)
		text(td.Anchor)
		b.WriteString("\">\n<figcaption><span class=\"fig-title\">")
		text(td.Title)
		b.WriteString(`</span>`)
		if td.Note != "" {
			b.WriteString(`<span class="fig-sub">`)
			text(td.Note)
			b.WriteString(`</span>`)
		}
		b.WriteString("</figcaption>\n")
	} else {
		b.WriteString(`<p class="table-title" aria-hidden="true">`)
		text(td.Title)
		if td.Note != "" {
			b.WriteString(` <span class="fig-sub">`)
			text(td.Note)
			b.WriteString(`</span>`)
		}
		b.WriteString("</p>\n")
	}
	b.WriteString(`<section class="table-scroll" aria-label="`)
	text(td.Label)
	b.WriteString("\" tabindex=\"0\">\n<table>\n<caption class=\"visually-hidden\">")
	text(td.Title)
	if td.Note != "" {
		text(td.T("paren_open"))
		text(td.Note)
		text(td.T("paren_close"))
	}
	b.WriteString("</caption>\n<thead>\n")
	b.WriteString(string(td.Head))
	b.WriteString("\n</thead>\n<tbody>")
	b.WriteString(string(td.Body))
	b.WriteString("\n</tbody>\n</table>\n</section>\n")
	if !td.Single {
		b.WriteString(`<p class="downloads">`)
		text(td.T("download"))
		text(td.T("colon"))
		b.WriteString(`<a href="` + td.CSV + `" download>CSV</a> · <a href="` + td.JSON + `" download>JSON</a></p>`)
	}
	b.WriteString("\n")
	if td.Standalone {
		b.WriteString(`</figure>`)
	}
	b.WriteString("\n")
	return b.Bytes()
}
