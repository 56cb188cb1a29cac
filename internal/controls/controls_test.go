package controls

import (
	"fmt"
	"testing"
)

func str(fs []Finding) string {
	s := ""
	for _, f := range fs {
		s += fmt.Sprintf("%d:%d:%s:%v ", f.Line, f.Col, f.Name(), f.Bidi)
	}
	return s
}

func TestTOML(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a = \"plain\\ttab\\nnewline\"\n", ""},
		{"a = \"x\\u0000\"\n", "1:7:U+0000:false "},
		{"a = \"x\\u001b[31m\"\n", "1:7:U+001B:false "},
		{"a = \"\\U0000202E\"\n", "1:6:U+202E (RIGHT-TO-LEFT OVERRIDE):true "},
		{"a = \"\\e\\b\\f\\r\"\n", "1:6:U+001B:false 1:8:U+0008:false 1:10:U+000C:false 1:12:U+000D:false "},
		{"a = \"\\x7f\"\n", "1:6:U+007F:false "},
		{"a = \"\u0085\"\n", "1:6:U+0085:false "},
		{"a = \"\u2067x\u2069\"\n", "1:6:U+2067 (RIGHT-TO-LEFT ISOLATE):true 1:8:U+2069 (POP DIRECTIONAL ISOLATE):true "},
		{"a = '\\u0000'\n", ""},     // a literal string: no escapes
		{"a = \"\\\\u0000\"\n", ""}, // an escaped backslash
		{"a = \"\\\"\\u0001\"\n", "1:8:U+0001:false "},
		{"# \\u0000 in a comment\na = 1\n", ""},
		{"a = \"\"\"\nline\\\n  \\u0007\"\"\"\n", "3:3:U+0007:false "},
		{"a = \"é\\u0001\"\n", "1:7:U+0001:false "},
		{"\"k\\u0001\" = 1\n", "1:3:U+0001:false "},
		{"a = \"x\"\r\nb = \"\\u200f\"\r\n", "2:6:U+200F (RIGHT-TO-LEFT MARK):true "},
		{"a = [\"\u061c\"]\n", "1:7:U+061C (ARABIC LETTER MARK):true "},
	}
	for _, tt := range tests {
		if got := str(TOML([]byte(tt.src))); got != tt.want {
			t.Errorf("TOML(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ src, want string }{
		{"# Title\n\ttabbed\r\ntext & more &amp; &#26368;\n", ""},
		{"a\x00b\n", "1:2:U+0000:false "},
		{"x\n\x1b[31m\n", "2:1:U+001B:false "},
		{"甲\u202e乙\n", "1:2:U+202E (RIGHT-TO-LEFT OVERRIDE):true "},
		{"a &#27; b &#x1B; c &#X202e;\n", "1:3:U+001B:false 1:11:U+001B:false 1:20:U+202E (RIGHT-TO-LEFT OVERRIDE):true "},
		{"lone\rcr\n", "1:5:U+000D:false "},
		{"\u0085\n", "1:1:U+0085:false "},
		{"&#;&#x;&#12\n", ""},
	}
	for _, tt := range tests {
		if got := str(Markdown([]byte(tt.src))); got != tt.want {
			t.Errorf("Markdown(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

func FuzzTOML(f *testing.F) {
	f.Add([]byte("a = \"x\\u001b\"\nb = '''\n\\u0000'''\n"))
	f.Add([]byte("a = \"\"\"\n\\\n\"\"\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, fd := range TOML(src) {
			if fd.Line < 1 || fd.Col < 1 || !IsControl(fd.Rune) && !IsBidi(fd.Rune) {
				t.Fatalf("TOML(%q): bad finding %+v", src, fd)
			}
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	f.Add([]byte("a &#27; b\x00\n\u202e"))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, fd := range Markdown(src) {
			if fd.Line < 1 || fd.Col < 1 || !IsControl(fd.Rune) && !IsBidi(fd.Rune) {
				t.Fatalf("Markdown(%q): bad finding %+v", src, fd)
			}
		}
	})
}
