package render

import (
	"bytes"
	"io"
	"io/fs"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/load"
	"reportsite/internal/render/figure"
	"reportsite/internal/render/tmpl"
	"reportsite/internal/render/view"
	"reportsite/internal/sitefs"
)

// The builder is the view.Builder the pages, data and offline packages make
// their files with.

func (b *builder) Site() *content.Site    { return b.site }
func (b *builder) Model() *load.Model     { return b.m }
func (b *builder) UI() tmpl.UI            { return b.ui }
func (b *builder) Figures() *figure.Maker { return b.fig }
func (b *builder) Templates() *tmpl.Set   { return b.tmpl }
func (b *builder) NoSearch() bool         { return b.opt.NoSearch }
func (b *builder) Serve() bool            { return b.opt.Serve }
func (b *builder) DrawsCharts() bool      { return b.opt.Charts != nil }
func (b *builder) Root() fs.FS            { return b.opt.Root }

func (b *builder) PagePath(kind addr.Kind, l lang.Lang) string { return b.pagePath(kind, l) }
func (b *builder) Emit(kind addr.Kind, p *view.Page) error     { return b.emit(kind, p) }
func (b *builder) Add(path string, data []byte)                { b.add(path, data) }
func (b *builder) AddStream(path string, write func(w io.Writer) error) error {
	return b.addStream(path, write)
}

// AddPage is Add for a page made outside emit (the About pages).
func (b *builder) AddPage(path string, data []byte) {
	b.add(path, data)
	b.mu.Lock()
	b.pages++
	b.mu.Unlock()
}

// Sizes returns the size of every file put so far, by path.
func (b *builder) Sizes() map[string]int {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make(map[string]int, len(b.files))
	for p, f := range b.files {
		out[p] = f.Size
	}
	return out
}

// CSS returns the site's style sheet as the build writes it (static/site.css
// with the print title rules), for the one-file report to inline.
func (b *builder) CSS() ([]byte, error) {
	css, err := fs.ReadFile(sitefs.Overlay(b.opt.Overlay, addr.Static, b.opt.Static), "site.css")
	if err != nil {
		return nil, err
	}
	return append(bytes.Clone(css), b.printTitleCSS()...), nil
}
