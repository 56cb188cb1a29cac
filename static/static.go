// Package static embeds the default stylesheet, scripts and vendored assets.
// A site's own static/ folder overrides them file by file.
package static

import "embed"

// FS holds the default static assets.
//
//go:embed *.css *.js vendor
var FS embed.FS
