package anchors

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// prefix is Anchors that put the prefix before every ID and every link to
// one.
type prefix string

func (p prefix) ID(id []byte) string  { return string(p) + string(id) }
func (p prefix) Ref(id []byte) string { return string(p) + string(id) }

// links is Links that puts "x-" before IDs and refs and turns addresses
// upper case, dropping those of images named drop.png.
type links struct{}

func (links) ID(id []byte) string  { return "x-" + string(id) }
func (links) Ref(id []byte) string { return "x-" + string(id) }
func (links) Link(u []byte, img bool) string {
	if img && string(u) == "drop.png" {
		return ""
	}
	return strings.ToUpper(string(u))
}

func TestWrite(t *testing.T) {
	const html = `<h2 id="` + IDMark + `h-1">A</h2><a href="#` + IDMark + `h-1">b</a><a href="` + URLMark + `c.html">c</a><img src="` + URLMark + `drop.png" alt="">`
	tests := []struct {
		name string
		a    Anchors
		want string
	}{
		{"nil keeps", nil, `<h2 id="h-1">A</h2><a href="#h-1">b</a><a href="c.html">c</a><img src="drop.png" alt="">`},
		{"prefix", prefix("s-"), `<h2 id="s-h-1">A</h2><a href="#s-h-1">b</a><a href="c.html">c</a><img src="drop.png" alt="">`},
		{"links", links{}, `<h2 id="x-h-1">A</h2><a href="#x-h-1">b</a><a href="C.HTML">c</a><img alt="">`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			Write(&b, []byte(html), tt.a)
			if b.String() != tt.want {
				t.Errorf("Write = %s, want %s", b.String(), tt.want)
			}
		})
	}
	if got := IDs(nil, []byte(html+`<p id="`+MarkID("p-1")+`">`)); !slices.Equal(got, []string{"h-1", "p-1"}) {
		t.Errorf("IDs = %q, want [h-1 p-1]", got)
	}
}

// FuzzWrite checks that Write never panics and, with nil Anchors, only
// takes the marks out.
func FuzzWrite(f *testing.F) {
	f.Add([]byte(`<h2 id="` + IDMark + `h-1">A</h2><a href="` + URLMark + `x">`))
	f.Add([]byte("\x00"))
	f.Add([]byte("a\x00~"))
	f.Fuzz(func(t *testing.T, html []byte) {
		var b strings.Builder
		Write(&b, html, links{})
		b.Reset()
		Write(&b, html, nil)
		if !bytes.Contains(html, []byte{0}) && b.String() != string(html) {
			t.Errorf("Write(%q, nil) = %q, want it unchanged", html, b.String())
		}
		_ = IDs(nil, html)
	})
}
