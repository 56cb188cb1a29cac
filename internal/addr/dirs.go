package addr

// The folders of a built site that every language shares, from the site
// root, each with its "/". A language's folder is named by its prefix,
// which may not take one of these names (OutputDirs).
const (
	StaticDir = Static + "/"          // the static files: styles, scripts, fonts, shared images
	VendorDir = StaticDir + "vendor/" // front-end libraries, each a download of its own
	SearchDir = "search/"             // the search index (internal/search)
	DataDir   = "data/"               // each table's JSON download; in a language folder, its CSV
)

// OutputDirs returns the names, without "/", of the folders of a built site
// that every language shares.
func OutputDirs() []string {
	return []string{StaticDir[:len(StaticDir)-1], SearchDir[:len(SearchDir)-1], DataDir[:len(DataDir)-1]}
}

// The folders of a site folder that a build reads. The files of Static are
// copied to the built site's StaticDir (and a section's image may name one
// as static/…); a site's Templates and Static files replace the built-in
// ones of the same name.
const (
	Content   = "content"
	Static    = "static"
	Templates = "templates"
	Seeds     = "seeds"
	Data      = "data" // in Content: the tables
)

// SiteTOML is the site's settings, in Content.
const SiteTOML = "site.toml"

// SourceDirs lists the folders of a site folder that a build reads.
func SourceDirs() []string { return []string{Content, Static, Templates, Seeds} }
