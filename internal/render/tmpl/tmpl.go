// Package tmpl holds the page templates (templates/*.html, the site's own
// over the embedded ones) and the interface strings they show
// (templates/i18n.toml).
package tmpl

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"reportsite/internal/sitefs"
)

// Set holds one parsed template set per page kind; each includes the
// shared layout and partials.
type Set struct {
	pages map[string]*template.Template
	sizes map[string]*atomic.Int64 // the largest output of each kind so far

	mu     sync.Mutex
	cached map[cacheKey]*cacheEntry // the output of "cached" partials
}

type cacheKey struct{ kind, name, key string }

type cacheEntry struct {
	once sync.Once
	html template.HTML
	err  error
}

// Parse parses the templates in tfs: one set per page kind in kinds
// (templates/<kind>.html with the shared _*.html), and figure.html and
// table.html.
func Parse(tfs fs.FS, kinds []string) (*Set, error) {
	shared, err := fs.Glob(tfs, "_*.html")
	if err != nil {
		return nil, err
	}
	t := &Set{pages: map[string]*template.Template{}, sizes: map[string]*atomic.Int64{}, cached: map[cacheKey]*cacheEntry{}}
	for _, kind := range kinds {
		name := kind + ".html"
		if _, err := fs.Stat(tfs, name); sitefs.IsEscape(err) {
			return nil, err
		} else if err != nil {
			return nil, fmt.Errorf("missing template %s", name)
		}
		tt, err := template.New(name).Funcs(funcs).ParseFS(tfs, append([]string{name}, shared...)...)
		if err != nil {
			return nil, err
		}
		tt.Funcs(template.FuncMap{"cached": t.cachedFunc(kind, tt)})
		t.pages[kind] = tt
	}
	for _, name := range []string{"figure.html", "table.html"} {
		tt, err := template.New(name).Funcs(funcs).ParseFS(tfs, name)
		if err != nil {
			return nil, err
		}
		t.pages[strings.TrimSuffix(name, ".html")] = tt
	}
	for kind := range t.pages {
		t.sizes[kind] = new(atomic.Int64)
	}
	return t, nil
}

// Exec runs the template of kind on data. size is a guess at the output's
// length (0 for none).
func (t *Set) Exec(kind string, data any, size int) ([]byte, error) {
	tt, ok := t.pages[kind]
	if !ok {
		return nil, errors.New("no template for " + kind)
	}
	// Start with room for the largest page of the kind so far: pages of a
	// kind are much alike, and growing a buffer copies it.
	largest := t.sizes[kind]
	b := bytes.NewBuffer(make([]byte, 0, max(int64(size), largest.Load())+512))
	if err := tt.Execute(b, data); err != nil {
		return nil, err
	}
	for n := int64(b.Len()); ; {
		if old := largest.Load(); n <= old || largest.CompareAndSwap(old, n) {
			break
		}
	}
	return b.Bytes(), nil
}

// ExecTo runs the template of kind on data, writing to w as it goes.
func (t *Set) ExecTo(w io.Writer, kind string, data any) error {
	tt, ok := t.pages[kind]
	if !ok {
		return errors.New("no template for " + kind)
	}
	return tt.Execute(w, data)
}

// cachedFunc returns the template function "cached" of the set tt of page
// kind: {{cached "name" . key}} is {{template "name" .}} made once per key
// and then reused, as Hugo's partialCached. The first page with a key makes
// the output; the key must name everything the partial shows.
func (t *Set) cachedFunc(kind string, tt *template.Template) func(name string, data any, key string) (template.HTML, error) {
	return func(name string, data any, key string) (template.HTML, error) {
		k := cacheKey{kind, name, key}
		t.mu.Lock()
		e := t.cached[k]
		if e == nil {
			e = &cacheEntry{}
			t.cached[k] = e
		}
		t.mu.Unlock()
		e.once.Do(func() {
			var b strings.Builder
			e.err = tt.ExecuteTemplate(&b, name, data)
			e.html = template.HTML(b.String()) // made by html/template, escaped as in text context
		})
		return e.html, e.err
	}
}

// funcs are the template functions beyond html/template's own; pages use
// methods of their data instead.
var funcs = template.FuncMap{
	// cached is replaced per page kind by cachedFunc (see Parse).
	"cached": func(string, any, string) (template.HTML, error) { return "", errors.New("cached: no template set") },
	// cspContent writes the content attribute of every page's
	// Content-Security-Policy <meta>, from the one definition, CSP.
	"cspContent": func() template.HTMLAttr { return template.HTMLAttr(`content="` + CSP + `"`) },
	"headTitle":  HeadTitle,
}

// maxTitle is the longest <title> in characters: browsers' tabs and search
// results cut longer ones, and html-validate's long-title rule holds it.
const maxTitle = 70

// HeadTitle joins the non-empty, distinct parts with " · " as far as they
// fit in maxTitle characters; the first part always shows, shortened with
// an ellipsis if it alone is too long.
func HeadTitle(parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" || strings.Contains(out, p) {
			continue
		}
		switch {
		case out == "":
			out = p
		case utf8.RuneCountInString(out+" · "+p) <= maxTitle:
			out += " · " + p
		}
	}
	if r := []rune(out); len(r) > maxTitle {
		out = strings.TrimSpace(string(r[:maxTitle-1])) + "…"
	}
	return out
}

// CSP is the Content-Security-Policy of every page but the one-file reports
// (which inline their styles and carry hashes instead): nothing but the site's
// own files. Hosts that send headers can send it as a header too; the README
// quotes it, and a test holds the two equal.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'"
