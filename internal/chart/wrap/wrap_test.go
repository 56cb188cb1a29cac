package wrap

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"Services", 64, "Services"},
		{"Commercial sales", 64, "Commercial\nsales"},
		{"Retail sales", 64, "Retail\nsales"},
		// A word wider than the room keeps its own line, whole.
		{"Under construction", 60, "Under\nconstruction"},
		{"Industry and trade hazards", 110, "Industry and\ntrade hazards"},
		{"商業零售額", 64, "商業\n零售額"},
		{"營利性服務業", 64, "營利性\n服務業"},
		{"規上工業", 64, "規上工業"},
		{"一般公共預算總收入", 110, "一般公共\n預算總收入"},
		{"自建房重大隱患", 64, "自建房\n重大隱患"},
		{"2021年1–11月實績", 110, "2021年\n1–11月實績"},
		{"“三合一”場所", 64, "“三合一”\n場所"},
		{"限額以上商業零售額", 110, "限額以上\n商業零售額"},
	}
	for _, tt := range tests {
		if got := Text(tt.in, tt.width); got != tt.want {
			t.Errorf("Text(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

// FuzzWrap checks that wrapping only ever adds line breaks, and never puts
// a break inside a Latin word.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{"Commercial sales", "營利性服務業", "2021年1–11月實績", "“三合一”場所", "a  b", ""} {
		f.Add(s, 64)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		if len(s) > 200 || width < 1 || width > 1000 || !utf8.ValidString(s) {
			return
		}
		got := Text(s, width)
		if strings.Join(strings.Fields(got), "") != strings.Join(strings.Fields(s), "") {
			t.Fatalf("Text(%q, %d) = %q: text changed", s, width, got)
		}
		if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(s), " ") && !strings.ContainsAny(s, "\n\t\r\v\f\u0085\u00a0") {
			// Latin words keep their spaces; breaks only replace spaces or
			// fall between wide characters.
			for _, line := range strings.Split(got, "\n") {
				if line == "" {
					t.Fatalf("Text(%q, %d) = %q: empty line", s, width, got)
				}
			}
		}
	})
}
