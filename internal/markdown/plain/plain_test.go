package plain

import (
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"reportsite/internal/markdown/note"
)

func TestText(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.Footnote, note.Extension))
	tests := []struct {
		src  string
		skip []ast.NodeKind
		want string
	}{
		{"*a* [b](c) `d`\ne", nil, "a b d e"},
		{"中文\n句子", nil, "中文句子"},
		{"中文\nEnglish", nil, "中文 English"},
		{"a[^1] [[tn: gloss]] b\n\n[^1]: n", nil, "a  b n"},
		{"a\n\n```\ncode\n```\n\nb", nil, "a b"},
		{"a &amp; \\*b", nil, "a & *b"},
		{"- a\n- b", []ast.NodeKind{ast.KindListItem}, ""},
	}
	for _, tt := range tests {
		src := []byte(tt.src)
		root := md.Parser().Parse(text.NewReader(src))
		if got := Text(root, src, tt.skip...); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}
