package tomlfile

import (
	"strings"
	"testing"

	"reportsite/internal/diag"
	"reportsite/internal/lang"
)

type inner struct {
	Name  string    `toml:"name"`
	Label lang.Text `toml:"label"`
}

type doc struct {
	Title lang.Text        `toml:"title"`
	Items []inner          `toml:"items"`
	Rows  []map[string]any `toml:"rows"`
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // substrings of the diagnostics, in order
	}{
		{"ok", "title = { en = \"x\", zh-Hant = \"y\" }\n[[items]]\nname = \"a\"\nlabel = { en = \"b\" }\n[[rows]]\nv = { en = \"c\" }\n", nil},
		{"typo at top", "titel = \"x\"\n", []string{`f.toml:1: unknown key "titel"`, `did you mean "title"?`}},
		{"typo in array of tables", "[[items]]\nname = \"a\"\n[[items]]\nnmae = \"b\"\n", []string{`f.toml:4: unknown key "items.nmae"`, `did you mean "name"?`}},
		{"syntax error", "title = \n", []string{"f.toml:1:", "toml:"}},
		{"type error", "[[items]]\nname = 3\n", []string{"f.toml:2: toml: items.name is a whole number, want a string", "hint: write items.name as a string"}},
		{"list for a string", "[[items]]\nname = [\"a\"]\n", []string{"f.toml:2: toml: items.name is a list, want a string"}},
		{"number for a list", "title = \"x\"\nitems = 3\n", []string{"f.toml:2: toml: items is a whole number, want a list"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var dl diag.List
			var d doc
			Decode("f.toml", []byte(tt.src), 0, &d, &dl)
			var got strings.Builder
			for _, d := range dl.Items() {
				got.WriteString(d.String() + "\n")
			}
			if len(tt.want) == 0 && got.Len() > 0 {
				t.Fatalf("Decode(%q) = %q, want no problems", tt.src, got.String())
			}
			rest := got.String()
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("Decode(%q) = %q, want it to contain %q", tt.src, got.String(), w)
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

func TestKeyLine(t *testing.T) {
	src := "title = 1\n[[rows]]\nid = \"a\"\nvalue = 2\n[[rows]]\nid = \"b\"\n\nvalue = 3\n[report.source]\nurl = \"x\"\n"
	f := New("f.toml", []byte(src))
	tests := []struct {
		path []string
		want int
	}{
		{[]string{"title"}, 1},
		{[]string{"rows[0]", "value"}, 4},
		{[]string{"rows[1]", "value"}, 8},
		{[]string{"rows[1]", "id"}, 6},
		{[]string{"report", "source", "url"}, 10},
	}
	for _, tt := range tests {
		if got := f.KeyLine(tt.path...); got != tt.want {
			t.Errorf("KeyLine(%v) = %d, want %d", tt.path, got, tt.want)
		}
	}
	// Compact drops the index; KeyLine makes it again.
	f.Compact()
	if f.idx != nil {
		t.Error("Compact kept the index")
	}
	for _, tt := range tests {
		if got := f.KeyLine(tt.path...); got != tt.want {
			t.Errorf("after Compact, KeyLine(%v) = %d, want %d", tt.path, got, tt.want)
		}
	}
	// Release drops the text too: no line is known afterwards.
	f.Release()
	for _, tt := range tests {
		if got := f.KeyLine(tt.path...); got != 1 || f.Line(tt.want) != "" {
			t.Errorf("after Release, KeyLine(%v) = %d and its line %q, want 1 and none", tt.path, got, f.Line(tt.want))
		}
	}
}

func TestKeyLineShapes(t *testing.T) {
	src := `a.b.c = 1
inline = { x = 1 }
text = """
fake = 2
"""
[[charts]]
id = "one"
[charts.target]
value = 80
[[charts]]
id = "two"
[charts.target]

value = 90
[[charts]]
title = "no id"
[ "quoted" . key ]
v = 1
`
	f := New("f.toml", []byte(src))
	tests := []struct {
		path []string
		want int
	}{
		{[]string{"a", "b", "c"}, 1}, // dotted key
		{[]string{"inline", "x"}, 2}, // inside an inline table: its line
		{[]string{"fake"}, 1},        // inside a multi-line string: unknown
		{[]string{"charts[0]", "target", "value"}, 9},
		{[]string{"charts[1]", "target", "value"}, 14},
		{[]string{"charts", "target", "value"}, 9}, // no index: the first
		{[]string{"charts[1]", "id"}, 11},
		{[]string{"charts[2]", "id"}, 15}, // missing: the element's header
		{[]string{"charts[9]", "id"}, 1},
		{[]string{"quoted", "key", "v"}, 18},
	}
	for _, tt := range tests {
		if got := f.KeyLine(tt.path...); got != tt.want {
			t.Errorf("KeyLine(%v) = %d, want %d", tt.path, got, tt.want)
		}
	}
	if got := f.TableLine("charts[1]"); got != 10 {
		t.Errorf("TableLine(charts[1]) = %d, want 10", got)
	}
}

// TestKeyLineConcurrent: the checks ask for the lines of one table from
// several goroutines while others compact it (run with -race).
func TestKeyLineConcurrent(t *testing.T) {
	src := "title = 1\n[[rows]]\nid = \"a\"\nvalue = 2\n[[rows]]\nid = \"b\"\n\nvalue = 3.5\n"
	f := New("f.toml", []byte(src))
	done := make(chan bool)
	for g := range 4 {
		go func() {
			defer func() { done <- true }()
			for range 200 {
				if got := f.KeyLine("rows[1]", "value"); got != 8 {
					t.Errorf("KeyLine = %d, want 8", got)
					return
				}
				if got := f.Line(8); got != "value = 3.5" {
					t.Errorf("Line(8) = %q", got)
					return
				}
				if got := f.TableLine("rows[1]"); got != 5 {
					t.Errorf("TableLine = %d, want 5", got)
					return
				}
				if g%2 == 0 {
					f.Compact()
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
}
