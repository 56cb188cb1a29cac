package addr

import (
	"fmt"
	"slices"
	"strings"
)

// Kind is a kind of file a build makes: a page kind, which internal/render
// makes with the template templates/<kind>.html, or one of the two kinds of
// file that are not pages (KindSearch, KindDataFile). The zero Kind is any
// other file: a static file, an image.
type Kind string

// The kinds of file a build makes. The page kinds' files are in kinds.
const (
	KindRoot     Kind = "root"      // the page at the site root that lets a reader choose a language
	KindNotFound Kind = "404"       // the page a static host shows for a missing file
	KindOverview Kind = "overview"  // a language's front page
	KindSection  Kind = "section"   // <slug>.html, one per top-level section
	KindReport   Kind = "report"    // every section on one page
	KindParallel Kind = "parallel"  // the text beside its partner language's (content.Site.Partner)
	KindData     Kind = "data"      // every data table
	KindAbout    Kind = "about"     // sources, translator's notes, glossary, offline reading
	KindSingle   Kind = "single"    // the one-file report (Single)
	KindSearch   Kind = "search"    // the search index's files
	KindDataFile Kind = "datafiles" // a table's downloads (JSON, CSV)
)

// kinds is the table of page kinds: where each one's page is. A kind with
// a file has one page in every language folder (file, in the folder); a
// kind with a path one page for the site (path, from the site root); the
// others a page per section (KindSection) or a path of their own
// (KindSingle).
var kinds = []struct {
	kind       Kind
	file, path string
}{
	{kind: KindRoot, path: RootPage},
	{kind: KindNotFound, path: NotFound},
	{kind: KindOverview, file: "index.html"},
	{kind: KindSection},
	{kind: KindReport, file: "report.html"},
	{kind: KindParallel, file: "parallel.html"},
	{kind: KindData, file: "data.html"},
	{kind: KindAbout, file: "about.html"},
	{kind: KindSingle},
}

// PageKinds lists the page kinds, in the order of their table.
func PageKinds() []Kind {
	out := make([]Kind, len(kinds))
	for i, k := range kinds {
		out[i] = k.kind
	}
	return out
}

// File returns the file, in a language's folder, of page kind k: "" for a
// kind without one file per language.
func (k Kind) File() string {
	for _, e := range kinds {
		if e.kind == k {
			return e.file
		}
	}
	return ""
}

// Path returns the path from the site root of page kind k when the site has
// one page of it, "" otherwise.
func (k Kind) Path() string {
	for _, e := range kinds {
		if e.kind == k {
			return e.path
		}
	}
	return ""
}

// In returns the path from the site root of page kind k in the language
// folder prefix; "" when k has no file of its own in a language folder.
func (k Kind) In(prefix string) string {
	if f := k.File(); f != "" {
		return prefix + "/" + f
	}
	return ""
}

// PageKind returns the page kind called name, for a template that asks for
// one by name; an error when no page kind is called so, so that a misspelt
// name fails the build instead of making an empty link.
func PageKind(name string) (Kind, error) {
	for _, e := range kinds {
		if string(e.kind) == name {
			return e.kind, nil
		}
	}
	names := make([]string, len(kinds))
	for i, e := range kinds {
		names[i] = string(e.kind)
	}
	return "", fmt.Errorf("no page kind %q (the kinds are %s)", name, strings.Join(names, ", "))
}

// PageAt returns the kind of the page at path p from the site root, given
// the prefixes of the site's language folders and the path of each one's
// one-file report; "" when p is not a page.
func PageAt(p string, prefixes []string, single func(prefix string) string) Kind {
	for _, e := range kinds {
		if e.path != "" && p == e.path {
			return e.kind
		}
	}
	dir, file, _ := strings.Cut(p, "/")
	if !slices.Contains(prefixes, dir) {
		return ""
	}
	if p == single(dir) {
		return KindSingle
	}
	for _, e := range kinds {
		if e.file != "" && file == e.file {
			return e.kind
		}
	}
	return KindSection
}

// PageNames returns the names, without ".html", of the pages a build makes
// in a language folder or at the site root, which no section's slug may
// take.
func PageNames() []string {
	var out []string
	for _, e := range kinds {
		for _, p := range []string{e.file, e.path} {
			if n := strings.TrimSuffix(p, ".html"); n != "" && !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}
