package dataset

import (
	"slices"
	"strings"
	"testing"

	"reportsite/internal/diag"
	"reportsite/internal/lang"
)

var testEnv = Env{
	Langs:    []lang.Lang{{Tag: "zh-Hant"}, {Tag: "zh-Hans", Derive: "zh-Hant"}, {Tag: "en"}},
	Units:    lang.BuiltinUnits(),
	Sections: []string{"01-economy"},
	Charts:   testKinds{"bar", "line"},
}

// testKinds knows chart types by name and has no rules of its own: package
// chart's registry, which dataset cannot import, has them and tests them.
type testKinds []string

func (k testKinds) Names() []string { return k }

func (k testKinds) Check(c *Chart) ([]ChartProblem, bool) { return nil, slices.Contains(k, c.Type) }

const goodTable = `title = { zh-Hant = "表", en = "Table" }
source = "01-economy"
[[columns]]
key = "item"
label = { zh-Hant = "項", en = "Item" }
type = "text"
[[columns]]
key = "value"
label = { zh-Hant = "值", en = "Value" }
type = "number"
unit = "yuan"
[[rows]]
id = "a"
item = { zh-Hant = "甲", en = "A" }
value = 257640000
[[charts]]
id = "c"
type = "bar"
category = "item"
values = ["value"]
title = { zh-Hant = "圖", en = "Chart" }
`

func TestDecode(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           string // substring of the first diagnostic; "" for none
	}{
		{"ok", "", "", ""},
		{"unknown source", `source = "01-economy"`, `source = "01-econmy"`, `data/t.toml:2: source section "01-econmy" not found`},
		{"string number", "value = 257640000", `value = "25764萬元"`, `data/t.toml:15: row 1, column "value": "25764萬元" is not a number`},
		{"unknown column", "value = 257640000", "valeu = 257640000", `row 1 has a value for unknown column "valeu"`},
		{"unsafe row id", `id = "a"`, `id = "../a"`, `row id ../a is not a safe ID`},
		{"chart type", `type = "bar"`, `type = "bra"`, `chart "c" has unknown type "bra"`},
		{"chart field", `values = ["value"]`, `values = ["item"]`, `value column "item" is not numeric`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(goodTable, tt.old, tt.new, 1)
			var dl diag.List
			tb := Decode("data/t.toml", "t", []byte(src), testEnv, &dl)
			items := dl.Items()
			if tt.want == "" {
				if len(items) > 0 || tb == nil {
					t.Fatalf("Decode: %v, want no problems", items)
				}
				if got := tb.Rows[0].Cell("value").Num; got != 257640000 {
					t.Errorf("value = %v, want 257640000", got)
				}
				return
			}
			if len(items) == 0 || !strings.Contains(items[0].String(), tt.want) {
				t.Fatalf("Decode: %v, want %q", items, tt.want)
			}
		})
	}
}

func TestCSV(t *testing.T) {
	var dl diag.List
	src := strings.Replace(goodTable, `item = { zh-Hant = "甲", en = "A" }`, `item = { zh-Hant = "甲", en = "=HYPERLINK(1)" }`, 1)
	tb := Decode("data/t.toml", "t", []byte(src), testEnv, &dl)
	got := string(tb.CSV(testEnv.Langs[2], testEnv.Units))
	want := "\uFEFFid,Item,Value (CNY),source\r\na,'=HYPERLINK(1),257640000,01-economy\r\n"
	if got != want {
		t.Errorf("CSV = %q, want %q", got, want)
	}
}

// TestSafeCell covers OWASP's CSV-injection rule: a formula character first,
// after any leading space, is neutralised with a single quote.
func TestSafeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"甲乙", "甲乙"},
		{"a=b", "a=b"},
		{"1-2", "1-2"},
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-1", "'-1"}, // text that looks like a negative number: still text
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\tplain", "'\tplain"},
		{"\r=1", "'\r=1"},
		{"\rplain", "'\rplain"},
		{" =1", "' =1"},
		{"   +1", "'   +1"},
		{" -1", "' -1"},
		{" @x", "' @x"},
		{"\u00a0=1", "'\u00a0=1"},       // NBSP
		{"\u3000=1", "'\u3000=1"},       // ideographic space
		{"\u2003@x", "'\u2003@x"},       // em space
		{"\u2028=1", "'\u2028=1"},       // line separator
		{"\n=1", "'\n=1"},               // newline
		{"\v-1", "'\v-1"},               // vertical tab
		{"\u0085+1", "'\u0085+1"},       // next line
		{"\u200b=1", "'\u200b=1"},       // zero-width space
		{"\ufeff=1", "'\ufeff=1"},       // byte-order mark
		{" \u00a0\t=1", "' \u00a0\t=1"}, // mixed
		{" plain", " plain"},
		{"\u00a0甲", "\u00a0甲"},
		{"'=1", "'=1"}, // already quoted
	}
	for _, tt := range tests {
		if got := safeCell(tt.in); got != tt.want {
			t.Errorf("safeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCSVNegativeNumber keeps a negative number in a number column a number.
func TestCSVNegativeNumber(t *testing.T) {
	var dl diag.List
	src := strings.Replace(goodTable, "value = 257640000", "value = -2.5", 1)
	src = strings.Replace(src, `en = "A" }`, `en = " -A" }`, 1)
	tb := Decode("data/t.toml", "t", []byte(src), testEnv, &dl)
	got := string(tb.CSV(testEnv.Langs[2], testEnv.Units))
	want := "\uFEFFid,Item,Value (CNY),source\r\na,' -A,-2.5,01-economy\r\n"
	if got != want {
		t.Errorf("CSV = %q, want %q", got, want)
	}
}

// FuzzDecode feeds arbitrary TOML to the table decoder: it never panics.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(goodTable))
	f.Add([]byte("[[rows]]\nid = 1\n[[charts]]\nid = \"x\"\ntarget = { value = 1 }\n"))
	f.Add([]byte("title = \"x\"\n[[columns]]\nkey = \"id\"\ntype = \"number\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var dl diag.List
		tb := Decode("data/t.toml", "t", src, testEnv, &dl)
		if tb != nil {
			tb.Fill(testEnv.Langs, func(_, _, s string) string { return s })
			_ = tb.CSV(testEnv.Langs[0], testEnv.Units)
			_ = tb.JSON()
		}
	})
}

// TestPrecision keeps the decimals a table writes, in every form TOML takes
// a decimal and in both exports; a whole number keeps its shortest form.
func TestPrecision(t *testing.T) {
	tests := []struct {
		name, value string
		num         float64
		display     string
		decimals    int
	}{
		{"float", "9.0", 9, "9.0", 1},
		{"negative", "-6.0", -6, "-6.0", 1},
		{"comment", "139.0   # 139.0% in the text", 139, "139.0", 1},
		{"underscores", "1_234.50", 1234.5, "1234.50", 2},
		{"quoted", `"9.0"`, 9, "9.0", 1},
		{"quoted negative", `"-23.60"`, -23.6, "-23.60", 2},
		{"quoted integer", `"257640000"`, 257640000, "257640000", 0},
		{"integer", "257640000", 257640000, "257640000", 0},
		{"short float", "39.2", 39.2, "39.2", 1},
		{"exponent", "2.5e3", 2500, "2500", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var dl diag.List
			src := strings.Replace(goodTable, "value = 257640000", "value = "+tt.value, 1)
			tb := Decode("data/t.toml", "t", []byte(src), testEnv, &dl)
			if dl.Errors() > 0 || tb == nil {
				t.Fatalf("Decode(value = %s): %v", tt.value, dl.Items())
			}
			c := tb.Rows[0].Cell("value")
			if c.Num != tt.num || c.Display() != tt.display || c.Decimals() != tt.decimals {
				t.Errorf("value = %s: Num %v, Display %q, Decimals %d; want %v, %q, %d", tt.value, c.Num, c.Display(), c.Decimals(), tt.num, tt.display, tt.decimals)
			}
			csv := string(tb.CSV(testEnv.Langs[2], testEnv.Units))
			if !strings.Contains(csv, ","+tt.display+",") {
				t.Errorf("value = %s: CSV %q does not hold %s", tt.value, csv, tt.display)
			}
			if js := string(tb.JSON()); !strings.Contains(js, `"value": `+tt.display+"\n") {
				t.Errorf("value = %s: JSON does not hold %s:\n%s", tt.value, tt.display, js)
			}
		})
	}
	for _, bad := range []string{`"9.0%"`, `"9,0"`, `"1e3"`, `"."`, `""`} {
		var dl diag.List
		Decode("data/t.toml", "t", []byte(strings.Replace(goodTable, "value = 257640000", "value = "+bad, 1)), testEnv, &dl)
		if dl.Errors() == 0 || !strings.Contains(dl.Items()[0].String(), "data/t.toml:15:") {
			t.Errorf("Decode(value = %s) = %v, want an error at line 15", bad, dl.Items())
		}
	}
}

// TestSources reads a source per table, column, row and cell, in both forms,
// resolves the most specific, and reports every wrong type at its line.
func TestSources(t *testing.T) {
	env := testEnv
	env.Sections = []string{"01-economy", "02-trade", "03-visitors"}
	const src = `title = { zh-Hant = "表", en = "Table" }
source = "01-economy"
[[columns]]
key = "item"
label = { zh-Hant = "項", en = "Item" }
type = "text"
[[columns]]
key = "y2022"
label = { zh-Hant = "2022年", en = "2022" }
type = "number"
unit = "percent"
source = "02-trade"
[[columns]]
key = "y2023"
label = { zh-Hant = "2023年", en = "2023" }
type = "number"
unit = "percent"
[[rows]]
id = "a"
item = "A"
y2022 = 1.5
y2023 = 2.5
[[rows]]
id = "b"
item = "B"
y2022 = 3.5
y2023 = 4.5
source = { section = "03-visitors", paragraph = 2 }
sources = { y2022 = { section = "01-economy", paragraph = 1 } }
`
	var dl diag.List
	tb := Decode("data/t.toml", "t", []byte(src), env, &dl)
	if dl.Errors() > 0 || tb == nil {
		t.Fatalf("Decode: %v", dl.Items())
	}
	tests := []struct {
		row, col string
		want     Source
	}{
		{"a", "y2022", Source{Section: "02-trade"}},                  // column
		{"a", "y2023", Source{Section: "01-economy"}},                // table
		{"b", "y2023", Source{Section: "03-visitors", Paragraph: 2}}, // row
		{"b", "y2022", Source{Section: "01-economy", Paragraph: 1}},  // cell beats column
	}
	for _, tt := range tests {
		r, _ := tb.Row(tt.row)
		if got := tb.SourceOf(r, tt.col); got != tt.want {
			t.Errorf("SourceOf(%s, %s) = %+v, want %+v", tt.row, tt.col, got, tt.want)
		}
	}
	ra, _ := tb.Row("a")
	if got := strings.Join(tb.RowSources(ra), " "); got != "01-economy 02-trade" {
		t.Errorf("RowSources(a) = %q, want %q", got, "01-economy 02-trade")
	}
	rb, _ := tb.Row("b")
	if got := strings.Join(tb.RowSources(rb), " "); got != "03-visitors 01-economy" {
		t.Errorf("RowSources(b) = %q, want %q", got, "03-visitors 01-economy")
	}
	if js := string(tb.JSON()); !strings.Contains(js, `"sources": {`) || !strings.Contains(js, `"y2022": "02-trade"`) {
		t.Errorf("JSON does not name the cells' own sources:\n%s", js)
	}

	bad := []struct{ old, new, want string }{
		{`source = "01-economy"`, `source = ["01-economy"]`, `data/t.toml:2:`},
		{`source = "02-trade"`, `source = 2`, `data/t.toml:12:`},
		{`source = { section = "03-visitors", paragraph = 2 }`, `source = ["03-visitors"]`, "data/t.toml:28: row 2: source is a list, want a section ID or { section = \"…\", paragraph = N }\n\thint: write source"},
		{`source = { section = "03-visitors", paragraph = 2 }`, `source = { section = "03-visitors", paragraph = 0 }`, "data/t.toml:28: row 2: source paragraph is 0, want a whole number from 1"},
		{`source = { section = "03-visitors", paragraph = 2 }`, `source = { sektion = "03-visitors" }`, `data/t.toml:28: row 2: unknown key "sektion" in a source`},
		{`source = { section = "03-visitors", paragraph = 2 }`, `source = "03-visitor"`, `data/t.toml:28: source section "03-visitor" not found` + "\n\thint: did you mean \"03-visitors\"?"},
		{`sources = { y2022`, `sources = { y2020`, "data/t.toml:29: row 2: sources names \"y2020\", not a numeric column\n\thint: did you mean \"y2022\"?"},
		{`sources = { y2022 = { section = "01-economy", paragraph = 1 } }`, `sources = "01-economy"`, `data/t.toml:29: row 2: sources is a string, want a table of sources by column`},
		{`sources = { y2022 = { section = "01-economy", paragraph = 1 } }`, `sources = { y2022 = ["01-economy"] }`, `data/t.toml:29: row 2, column "y2022": source is a list`},
	}
	for _, b := range bad {
		var dl diag.List
		Decode("data/t.toml", "t", []byte(strings.Replace(src, b.old, b.new, 1)), env, &dl)
		var all []string
		for _, d := range dl.Items() {
			all = append(all, d.String())
		}
		if !strings.Contains(strings.Join(all, "\n"), b.want) {
			t.Errorf("Decode with %s: %q, want %q", b.new, all, b.want)
		}
	}
}

// TestRowCells: a decoded row holds its cells in column order whatever
// order the file writes them in, and Cell, Lookup, Set and Delete find,
// replace and remove them by column key.
func TestRowCells(t *testing.T) {
	src := strings.Replace(goodTable, "item = { zh-Hant = \"甲\", en = \"A\" }\nvalue = 257640000", "value = 257640000\nitem = { zh-Hant = \"甲\", en = \"A\" }", 1)
	var dl diag.List
	tb := Decode("data/t.toml", "t", []byte(src), testEnv, &dl)
	if len(dl.Items()) > 0 || tb == nil {
		t.Fatalf("Decode: %v", dl.Items())
	}
	r := &tb.Rows[0]
	keys := func() []string {
		var out []string
		for _, c := range r.Cells {
			out = append(out, c.Key)
		}
		return out
	}
	if got := keys(); !slices.Equal(got, []string{"item", "value"}) {
		t.Errorf("cells %v, want item, value", got)
	}
	tests := []struct {
		name string
		do   func()
		keys []string
		key  string
		want float64
		has  bool
	}{
		{"cell", func() {}, []string{"item", "value"}, "value", 257640000, true},
		{"missing", func() {}, []string{"item", "value"}, "plan", 0, false},
		{"replace", func() { r.Set("value", Cell{Num: 7, HasNum: true}) }, []string{"item", "value"}, "value", 7, true},
		{"add", func() { r.Set("plan", Cell{Num: 9, HasNum: true}) }, []string{"item", "value", "plan"}, "plan", 9, true},
		{"delete", func() { r.Delete("value") }, []string{"item", "plan"}, "value", 0, false},
	}
	for _, tt := range tests {
		tt.do()
		c, ok := r.Lookup(tt.key)
		if got := keys(); !slices.Equal(got, tt.keys) || ok != tt.has || c.Num != tt.want || r.Cell(tt.key).Num != tt.want {
			t.Errorf("%s: cells %v, %s = %v (%v); want %v, %v (%v)", tt.name, got, tt.key, c.Num, ok, tt.keys, tt.want, tt.has)
		}
	}
}
