// Package offline makes what reading offline needs: the language packs a
// reader can save (offline.json, which the service worker saves from) and
// the About pages, which say what saving costs.
package offline

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/lang"
	"reportsite/internal/par"
	"reportsite/internal/publish"
	"reportsite/internal/render/about"
	"reportsite/internal/render/view"
)

// Builder is the render as the offline files need it: they come last and
// count what the others made.
type Builder interface {
	view.Builder
	// Sizes returns the size of every file made so far, by path.
	Sizes() map[string]int
	// Root is the site folder, which holds the seed named in site.toml,
	// for the errata; nil means none.
	Root() fs.FS
	// AddPage is Add for a page, which the render counts.
	AddPage(path string, data []byte)
}

// inPack reports whether the file at p belongs to the pack of language l:
// the language's pages and CSV files,
// the shared styles and scripts, the root chooser and the 404 page. The
// one-file report and the full ECharts bundle are downloads of their own
// and only the whole site includes them (publish.Packs).
func inPack(b Builder, p string, l lang.Lang) bool {
	switch {
	case strings.HasPrefix(p, addr.VendorDir):
		return false
	case p == view.SinglePath(b.Site(), l):
		return false
	case strings.HasPrefix(p, l.Prefix+"/"):
		return true
	case strings.HasPrefix(p, addr.SearchDir):
		return searchInPack(b, strings.TrimPrefix(p, addr.SearchDir), l)
	}
	return !strings.Contains(p, "/") || strings.HasPrefix(p, addr.StaticDir)
}

// searchInPack reports whether search file name belongs to the pack of l:
// those of l, of the language l is derived from (whose shards it shares)
// and of the paired language, whose results its search box lists too.
func searchInPack(b Builder, name string, l lang.Lang) bool {
	prefixes := []string{l.Prefix}
	for _, o := range b.Site().Languages {
		if o.Tag == l.Derive {
			prefixes = append(prefixes, o.Prefix)
		}
	}
	if o, ok := b.Site().Partner(l); ok {
		prefixes = append(prefixes, o.Prefix)
	}
	for _, p := range prefixes {
		if strings.HasPrefix(name, p+".") || strings.HasPrefix(name, p+"-") {
			return true
		}
	}
	return false
}

// packs lists the language packs, in the site's language order, then the
// whole site. extra adds files not yet made (the About pages) with their
// expected sizes.
func packs(b Builder, extra map[string]int) []publish.Pack {
	sizes := b.Sizes()
	paths := slices.Sorted(maps.Keys(sizes))
	for p, n := range extra {
		if _, ok := sizes[p]; !ok {
			paths = append(paths, p)
		}
		sizes[p] = n
	}
	return publish.Packs(paths, sizes, b.Site().Languages, func(p string, l lang.Lang) bool { return inPack(b, p, l) })
}

// aboutData is what templates/about.html receives: the page, and the sizes
// of what a reader can save for offline reading.
type aboutData struct {
	*view.Page
	SaveSize, SaveAllSize string
}

// About writes every language's About page once all other files exist,
// so that the page can say how much saving for offline reading costs.
func About(b Builder) error { return NewDraft(b, nil, nil).Finish(b) }

// Draft is the About pages made before the other files exist: their
// content (the errata compare the seed) and, where the template allows,
// the pages themselves with marks where the sizes go, so that Finish, which
// runs after every other file with nothing beside it, only fills them in.
type Draft struct {
	views []*view.Page
	pre   [][]byte // each page rendered with sizeMark and allMark; nil: Finish renders
}

// sizeMark and allMark stand for SaveSize and SaveAllSize in a draft: like
// every ByteSize, they are text no escaper changes.
const (
	sizeMark = "reportsite-offline-size-5e0c7a"
	allMark  = "reportsite-offline-all-5e0c7a"
)

// NewDraft makes the About pages' content and, when the site's templates
// tfs use the sizes only as the default about.html of defaults does (see
// marksSafe), renders the pages with marks for them. Nil folders mean no
// pre-rendering.
func NewDraft(b Builder, tfs, defaults fs.FS) *Draft {
	site, ui := b.Site(), b.UI()
	// The pages' content is made once (the errata compare the seed once).
	errata := about.Errata(site, b.Root(), ui.Get)
	d := &Draft{views: make([]*view.Page, len(site.Languages))}
	for i, l := range site.Languages {
		p := view.NewPage(b, l, addr.KindAbout, addr.KindAbout.File(), ui.Get("about", l))
		p.Crumbs = append(p.Crumbs, view.Link{Text: p.Title})
		p.Notes = notes(b, l)
		p.Errata = errata(l)
		p.GlossHead, p.Gloss = about.Glossary(site, l)
		d.views[i] = p
	}
	if tfs == nil || !marksSafe(tfs, defaults) {
		return d
	}
	pre := make([][]byte, len(d.views))
	for i, p := range d.views {
		out, err := b.Templates().Exec(string(addr.KindAbout), aboutData{Page: p, SaveSize: sizeMark, SaveAllSize: allMark}, 0)
		if err != nil || bytes.Count(out, []byte(sizeMark)) != 1 || bytes.Count(out, []byte(allMark)) != 1 {
			return d // Finish renders, and reports the error
		}
		pre[i] = out
	}
	d.pre = pre
	return d
}

// marksSafe reports whether a page rendered with marks for the sizes, the
// marks then replaced, is the page rendered with the sizes: when about.html
// is the default one, which writes each size once as text, and no template
// of the site's own names them.
func marksSafe(tfs, defaults fs.FS) bool {
	own, err := fs.ReadFile(tfs, "about.html")
	if err != nil {
		return false
	}
	def, err := fs.ReadFile(defaults, "about.html")
	if err != nil || !bytes.Equal(own, def) {
		return false
	}
	names, err := fs.Glob(tfs, "*.html")
	if err != nil {
		return false
	}
	for _, name := range names {
		own, err := fs.ReadFile(tfs, name)
		if err != nil {
			return false
		}
		if def, err := fs.ReadFile(defaults, name); err == nil && bytes.Equal(own, def) {
			continue
		}
		if bytes.Contains(own, []byte("SaveSize")) || bytes.Contains(own, []byte("SaveAllSize")) {
			return false
		}
	}
	return true
}

// Finish writes the About pages of d once all other files exist. They are
// made twice: first to learn each About page's length, then with sizes
// that include it.
func (d *Draft) Finish(b Builder) error {
	guess := map[string]int{}
	for _, l := range b.Site().Languages {
		guess[b.PagePath(addr.KindAbout, l)] = 0
	}
	var pages map[string][]byte
	outs, errs := make([][]byte, len(d.views)), make([]error, len(d.views))
	for range 2 {
		packs := packs(b, guess)
		all := packs[len(packs)-1]
		if d.pre != nil {
			for i := range d.views {
				outs[i] = fill(d.pre[i], ByteSize(packs[i].Bytes), ByteSize(all.Bytes))
			}
		} else {
			// The languages render at once: the About pages come after
			// every other file, so nothing else is left to run beside them.
			par.Do(0, len(d.views), func(i int) {
				outs[i], errs[i] = b.Templates().Exec(string(addr.KindAbout), aboutData{Page: d.views[i], SaveSize: ByteSize(packs[i].Bytes), SaveAllSize: ByteSize(all.Bytes)}, 0)
			})
		}
		pages = map[string][]byte{}
		for i, p := range d.views {
			if errs[i] != nil {
				return fmt.Errorf("%s: %w", p.Path, errs[i])
			}
			pages[p.Path] = outs[i]
			guess[p.Path] = len(outs[i])
		}
	}
	for _, l := range b.Site().Languages {
		p := b.PagePath(addr.KindAbout, l)
		b.AddPage(p, pages[p])
	}
	return nil
}

// fill returns pre with its marks replaced by size and all.
func fill(pre []byte, size, all string) []byte {
	i, j := bytes.Index(pre, []byte(sizeMark)), bytes.Index(pre, []byte(allMark))
	out := make([]byte, 0, len(pre)+len(size)+len(all))
	if i < j {
		out = append(append(append(out, pre[:i]...), size...), pre[i+len(sizeMark):j]...)
		out = append(append(out, all...), pre[j+len(allMark):]...)
	} else {
		out = append(append(append(out, pre[:j]...), all...), pre[j+len(allMark):i]...)
		out = append(append(out, size...), pre[i+len(sizeMark):]...)
	}
	return out
}

// notes lists the translator's notes of the sections in l, for the About
// page.
func notes(b Builder, l lang.Lang) []view.Note {
	var out []view.Note
	for _, sec := range b.Site().Sections {
		d := b.Model().Doc(sec, l)
		if d == nil || d.Doc == nil {
			continue
		}
		for _, n := range d.Doc.Notes {
			href := sec.Slug + ".html"
			if n.Heading != "" {
				href += "#" + n.Heading
			}
			out = append(out, view.Note{Section: view.SectionTitle(sec, l), Href: href, Text: n.Text})
		}
	}
	return out
}

// List writes offline.json, the list of packs the service worker saves
// from: every pack with its files and size.
func List(b Builder) error {
	data, err := publish.OfflineList(packs(b, nil))
	if err != nil {
		return err
	}
	b.Add(publish.OfflinePacksPath, data)
	return nil
}

// ByteSize writes n bytes for a reader: 840 KB, 2.7 MB.
func ByteSize(n int) string {
	if n < 1000*1000 {
		return fmt.Sprintf("%d KB", (n+999)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}
