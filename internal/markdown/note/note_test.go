package note

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

func render(t testing.TB, src, label string) string {
	md := goldmark.New(goldmark.WithExtensions(Extension))
	pc := parser.NewContext()
	if label != "" {
		pc.Set(LabelKey, label)
	}
	var b bytes.Buffer
	root := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	if err := md.Renderer().Render(&b, []byte(src), root); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestNote(t *testing.T) {
	tests := []struct {
		name, src, label, want string
	}{
		{"labelled", "A [[tn: gloss]] b\n", "Note: ", `<p>A <span class="tn">[<span class="visually-hidden">Note: </span>gloss]</span> b</p>` + "\n"},
		{"plain inside", "[[tn: *x* <b>]]\n", "", `<p><span class="tn">[*x* &lt;b&gt;]</span></p>` + "\n"},
		{"unclosed", "[[tn: x\n", "", "<p>[[tn: x</p>\n"},
		{"empty", "[[tn:  ]]\n", "", "<p>[[tn:  ]]</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, tt.src, tt.label); got != tt.want {
				t.Errorf("render(%q) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func FuzzNote(f *testing.F) {
	for _, s := range []string{"[[tn: a]]", "[[tn:]]", "x [[tn: [[tn: a]] ]]", "[[tn: a\n]]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_ = render(t, src, "<label>")
	})
}
