// Package templates embeds the default page templates and interface strings.
// A site's own templates/ folder overrides them file by file.
package templates

import "embed"

// FS holds the default templates.
//
//go:embed *.html i18n.toml
var FS embed.FS
