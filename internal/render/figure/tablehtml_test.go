package figure

import (
	"bytes"
	"html/template"
	"testing"
	"testing/fstest"

	"reportsite/internal/render/tmpl"

	"reportsite/templates"
)

// tableTemplate is the default templates/table.html, which writeTable
// writes in Go.
func tableTemplate(t testing.TB) *template.Template {
	t.Helper()
	tt, err := template.New("table.html").ParseFS(templates.FS, "table.html")
	if err != nil {
		t.Fatal(err)
	}
	return tt
}

func viaTemplate(t testing.TB, tt *template.Template, td tableData) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := tt.Execute(&b, td); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWriteTableMatchesTemplate: writeTable writes byte for byte what the
// default table template writes, for tables standing alone and under a
// chart, with and without a note and downloads, and with text that needs
// escaping; a link that is not a plain path goes to the template.
func TestWriteTableMatchesTemplate(t *testing.T) {
	tt := tableTemplate(t)
	ui := func(k string) string {
		return map[string]string{"paren_open": "（", "paren_close": "）", "download": "下載 <&>", "colon": "：", "source": "Source"}[k]
	}
	tests := []struct {
		name string
		td   tableData
	}{
		{"standalone", tableData{ID: "t", Anchor: "table-t", Title: "Revenue", Note: "CNY 10,000", Label: "Revenue",
			CSV: "../en/data/t.csv", JSON: "../data/t.json", Standalone: true}},
		{"under a chart", tableData{ID: "t", Anchor: "table-t", Title: "Revenue", Label: "Growth (data table)",
			CSV: "data/t.csv", JSON: "../data/t.json"}},
		{"chart, note", tableData{Anchor: "table-t", Title: "Rates", Note: "percent", Label: "L", CSV: "a.csv", JSON: "a.json"}},
		{"one-file, standalone", tableData{Anchor: "table-x", Title: "X", Note: "n", Label: "X", Standalone: true, Single: true}},
		{"one-file, chart", tableData{Anchor: "table-x", Title: "X", Label: "X", Single: true}},
		{"escaping", tableData{Anchor: `a"b'c<d>&e+f`, Title: "<b>R&D</b> 'q' \"d\" 1+1\x00", Note: "<i>&amp;</i>", Label: `"&'<>+`,
			CSV: "x.csv", JSON: "x.json", Standalone: true}},
		{"Chinese", tableData{Anchor: "table-預算", Title: "一般公共預算收入", Note: "萬元", Label: "一般公共預算收入（數據表）", CSV: "data/budget.csv", JSON: "../data/budget.json"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			td := tc.td
			td.T = ui
			td.Head = template.HTML(`<tr><th scope="col">Item</th><th scope="col" class="num">Value</th></tr>`)
			td.Body = template.HTML("\n<tr><th scope=\"row\">a &amp; b</th><td class=\"num\">1</td></tr>")
			want := viaTemplate(t, tt, td)
			if got := writeTable(&td); !bytes.Equal(got, want) {
				t.Errorf("writeTable =\n%s\nwant (template)\n%s", got, want)
			}
		})
	}
	for _, u := range []string{"", "a b.csv", "javascript:x", "é.csv", "a?b=c", "a#b", "a&b"} {
		if tmpl.PlainURL(u) {
			t.Errorf("PlainURL(%q) = true, want false", u)
		}
	}
	for _, u := range []string{"data/t.csv", "../en/data/t-1_2.csv"} {
		if !tmpl.PlainURL(u) {
			t.Errorf("PlainURL(%q) = false, want true", u)
		}
	}
}

// TestBuiltinTable: the Go writer is used only when the build's table.html
// is the default one.
func TestBuiltinTable(t *testing.T) {
	data, err := templates.FS.ReadFile("table.html")
	if err != nil {
		t.Fatal(err)
	}
	same := fstest.MapFS{"table.html": &fstest.MapFile{Data: data}}
	own := fstest.MapFS{"table.html": &fstest.MapFile{Data: append([]byte("<!-- ours -->"), data...)}}
	for _, tc := range []struct {
		name string
		tfs  fstest.MapFS
		want bool
	}{{"default", same, true}, {"the site's own", own, false}, {"none", fstest.MapFS{}, false}} {
		m := &Maker{}
		m.BuiltinTable(tc.tfs, templates.FS)
		if m.builtinTable != tc.want {
			t.Errorf("%s: builtinTable = %v, want %v", tc.name, m.builtinTable, tc.want)
		}
	}
}

// FuzzWriteTable: for any texts, writeTable writes what the template does.
func FuzzWriteTable(f *testing.F) {
	f.Add("table-t", "Revenue", "note", "Label", "下載", true, false)
	f.Add(`"<&>'+`, "\x00", "", "", "", false, true)
	tt := tableTemplate(f)
	f.Fuzz(func(t *testing.T, anchor, title, note, label, ui string, standalone, single bool) {
		td := tableData{Anchor: anchor, Title: title, Note: note, Label: label, CSV: "data/t.csv", JSON: "../data/t.json",
			Standalone: standalone, Single: single, T: func(string) string { return ui },
			Head: "<tr></tr>", Body: "\n<tr></tr>"}
		want := viaTemplate(t, tt, td)
		if got := writeTable(&td); !bytes.Equal(got, want) {
			t.Errorf("writeTable =\n%q\nwant (template)\n%q", got, want)
		}
	})
}
