package tmpl

import "strings"

// Text escapes text exactly as html/template does in element content and in
// quoted attribute values other than URLs, so that markup built in Go (rows
// of tables and of the parallel text, the language switch) matches the
// templates' byte for byte.
var Text = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// PlainURL reports whether html/template writes s, a URL in a quoted
// attribute, as it is: a relative path of ASCII letters, digits and . _ - /
// only, which its URL filter, normaliser and escaper all leave alone.
func PlainURL(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-' || c == '/') {
			return false
		}
	}
	return true
}
