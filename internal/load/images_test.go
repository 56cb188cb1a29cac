package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/lang"
)

// png is the start of a PNG file: enough for the type sniffer.
var png = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"

func TestResolveImage(t *testing.T) {
	contentFS := fstest.MapFS{
		"en/pic.png":      {Data: []byte(png)},
		"en/fake.png":     {Data: []byte("<html>")},
		"en/sub/deep.png": {Data: []byte(png)},
	}
	static := fstest.MapFS{"logo.png": {Data: []byte(png)}}
	en := lang.Lang{Tag: "en", Prefix: "en"}
	for _, tc := range []struct {
		dest, out, name, msg string
	}{
		{"pic.png", "en/pic.png", "en/pic.png", ""},
		{"sub/deep.png", "en/sub/deep.png", "en/sub/deep.png", ""},
		{"../static/logo.png", "static/logo.png", "logo.png", ""},
		{"https://example.org/x.png", "", "", ""}, // another host's: the link checker's to refuse
		{"data:image/png;base64,AA==", "", "", ""},
		{"/abs.png", "", "", "is an absolute path"},
		{"pic.svg", "", "", "is not a PNG, JPEG, GIF or WebP file"},
		{"../zh-Hant/pic.png", "", "", "leads outside the section's folder and static/"},
		{"missing.png", "", "en/missing.png", "does not exist"},
		{"fake.png", "", "en/fake.png", "is not the image its name says"},
	} {
		out, src, msg := resolveImage(contentFS, static, "en/01-a.md", en, tc.dest)
		if out != tc.out || src.Name != tc.name || !strings.HasPrefix(msg, tc.msg) || (tc.msg == "") != (msg == "") {
			t.Errorf("resolveImage(%q) = %q, %q, %q; want %q, %q, %q", tc.dest, out, src.Name, msg, tc.out, tc.name, tc.msg)
		}
	}
}
