package rawhtml

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

func TestRenderer(t *testing.T) {
	md := goldmark.New(goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(Renderer{}, 100))))
	tests := []struct{ src, want string }{
		{"a <b>c</b>", "<p>a &lt;b&gt;c&lt;/b&gt;</p>\n"},
		{"<div onclick=\"x\">\nd\n</div>", "<p>&lt;div onclick=&quot;x&quot;&gt;\nd\n&lt;/div&gt;</p>\n"},
		{"<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := md.Convert([]byte(tt.src), &b); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("Convert(%q) = %q, want %q", tt.src, b.String(), tt.want)
		}
	}
}
