package render

import (
	"fmt"
	"strings"

	"reportsite/internal/lang"
	"reportsite/internal/publish"
	"reportsite/internal/render/about"
	"reportsite/internal/search"
)

// inPack reports whether the file at p belongs to the pack of language l:
// the language's pages and CSV files,
// the shared styles and scripts, the root chooser and the 404 page. The
// one-file report and the full ECharts bundle are downloads of their own
// and only the whole site includes them (publish.Packs).
func (b *builder) inPack(p string, l lang.Lang) bool {
	switch {
	case strings.HasPrefix(p, "static/vendor/"):
		return false
	case p == SinglePath(b.site, l):
		return false
	case strings.HasPrefix(p, l.Prefix+"/"):
		return true
	case strings.HasPrefix(p, search.Dir):
		return b.searchInPack(strings.TrimPrefix(p, search.Dir), l)
	}
	return !strings.Contains(p, "/") || strings.HasPrefix(p, "static/")
}

// searchInPack reports whether search file name belongs to the pack of l:
// those of l, of the language l is derived from (whose shards it shares)
// and of the paired language, whose results its search box lists too.
func (b *builder) searchInPack(name string, l lang.Lang) bool {
	prefixes := []string{l.Prefix}
	for _, o := range b.site.Languages {
		if o.Tag == l.Derive {
			prefixes = append(prefixes, o.Prefix)
		}
	}
	if o, ok := b.parallelPartner(l); ok {
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
func (b *builder) packs(extra map[string]int) []publish.Pack {
	paths := b.paths()
	sizes := map[string]int{}
	b.mu.Lock()
	for p, f := range b.files {
		sizes[p] = f.Size
	}
	b.mu.Unlock()
	for p, n := range extra {
		if _, ok := sizes[p]; !ok {
			paths = append(paths, p)
		}
		sizes[p] = n
	}
	return publish.Packs(paths, sizes, b.site.Languages, b.inPack)
}

// aboutData is what templates/about.html receives: the page, and the sizes
// of what a reader can save for offline reading.
type aboutData struct {
	*pageData
	SaveSize, SaveAllSize string
}

// aboutPages writes every language's About page once all other files exist,
// so that the page can say how much saving for offline reading costs, and
// then the list of packs the service worker saves from.
func (b *builder) aboutPages() error {
	guess := map[string]int{}
	for _, l := range b.site.Languages {
		guess[b.pagePath("about", l)] = 0
	}
	// Render twice: first to learn each About page's length, then with
	// sizes that include it.
	var pages map[string][]byte
	for range 2 {
		packs := b.packs(guess)
		all := packs[len(packs)-1]
		pages = map[string][]byte{}
		for i, l := range b.site.Languages {
			p := b.newPage(l, "about", fileOf("about"), b.ui.Get("about", l))
			p.Crumbs = append(p.Crumbs, link{Text: p.Title})
			p.Notes = b.aboutNotes(l)
			p.Errata = about.Errata(b.site, b.opt.Root, l, b.ui.Get)
			p.GlossHead, p.Gloss = about.Glossary(b.site, l)
			out, err := b.tmpl.Exec("about", aboutData{pageData: p, SaveSize: byteSize(packs[i].Bytes), SaveAllSize: byteSize(all.Bytes)}, 0)
			if err != nil {
				return fmt.Errorf("%s: %w", p.Path, err)
			}
			pages[p.Path] = out
			guess[p.Path] = len(out)
		}
	}
	for _, l := range b.site.Languages {
		p := b.pagePath("about", l)
		b.add(p, pages[p])
		b.mu.Lock()
		b.pages++
		b.mu.Unlock()
	}
	return nil
}

// offlineList writes offline.json: every pack with its files and size.
func (b *builder) offlineList() error {
	data, err := publish.OfflineList(b.packs(nil))
	if err != nil {
		return err
	}
	b.add(publish.OfflinePacksPath, data)
	return nil
}

// byteSize writes n bytes for a reader: 840 KB, 2.7 MB.
func byteSize(n int) string {
	if n < 1000*1000 {
		return fmt.Sprintf("%d KB", (n+999)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}
