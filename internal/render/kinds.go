package render

import (
	"fmt"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/lang"
)

// kind is one kind of page a build makes: the name of the template that
// makes it (templates/<name>.html), its file in a language's folder ("" for
// a kind with a file per section or a path of its own), and whether a build
// makes it for language l (nil: for every language).
type kind struct {
	name string
	file string
	path string // the path from the site root of a kind with one page for the site
	made func(b *builder, l lang.Lang) bool
}

// kinds is the table of page kinds. Templates ask it for addresses
// (pageData.Page, PageURL), so no page links one that is not made.
var kinds = []kind{
	{name: "root", path: "index.html"}, // choose a language
	{name: "404", path: "404.html"},
	{name: "overview", file: "index.html"},
	{name: "section"}, // <slug>.html, one per top-level section
	{name: "report", file: "report.html"},
	{name: "parallel", file: "parallel.html", made: func(b *builder, l lang.Lang) bool {
		_, ok := b.parallelPartner(l)
		return ok
	}},
	{name: "data", file: "data.html"},
	{name: "about", file: "about.html"},
	{name: "single"}, // SinglePath: the one-file report
}

// kindNames lists the page kinds' template names.
func kindNames() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.name
	}
	return out
}

// kindOf returns the page kind named name; it panics on a name the table
// does not hold, a mistake in the code, not in content.
func kindOf(name string) kind {
	for _, k := range kinds {
		if k.name == name {
			return k
		}
	}
	panic("render: unknown page kind " + name)
}

// fileOf returns the file, in a language's folder, of the page kind name.
func fileOf(name string) string { return kindOf(name).file }

// rootPath returns the path of the page kind name that the site has one of.
func rootPath(name string) string { return kindOf(name).path }

// kindAt names the page kind of the page at path p (from the site root).
func (b *builder) kindAt(p string) string {
	for _, k := range kinds {
		if k.path != "" && p == k.path {
			return k.name
		}
	}
	for _, l := range b.site.Languages {
		dir, file, _ := strings.Cut(p, "/")
		if dir != l.Prefix {
			continue
		}
		if p == SinglePath(b.site, l) {
			return "single"
		}
		for _, k := range kinds {
			if k.file != "" && file == k.file {
				return k.name
			}
		}
		return "section"
	}
	return "page"
}

// pagePath returns the path from the site root of page kind name in l, or
// "" when the build does not make it for l.
func (b *builder) pagePath(name string, l lang.Lang) string {
	k := kindOf(name)
	if k.file == "" || k.made != nil && !k.made(b, l) {
		return ""
	}
	return l.Prefix + "/" + k.file
}

// Page returns the file of the page kind name in this page's language
// folder, for a link from a page in that folder; "" when the build does not
// make it for the language, so a template writes no link to it.
func (p *pageData) Page(name string) (string, error) {
	if err := knownKind(name); err != nil {
		return "", err
	}
	if p.b.pagePath(name, p.Lang) == "" {
		return "", nil
	}
	return fileOf(name), nil
}

// PageURL returns the address from this page of the page kind name in the
// page's language; "" when the build does not make it.
func (p *pageData) PageURL(name string) (string, error) {
	if err := knownKind(name); err != nil {
		return "", err
	}
	if t := p.b.pagePath(name, p.Lang); t != "" {
		return addr.Rel(p.Path, t), nil
	}
	return "", nil
}

// knownKind returns an error, for a template, when no page kind with a file
// of its own is called name.
func knownKind(name string) error {
	for _, k := range kinds {
		if k.name == name && k.file != "" {
			return nil
		}
	}
	return fmt.Errorf("no page kind %q with a file in a language folder", name)
}
