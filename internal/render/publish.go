package render

import (
	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/publish"
	"reportsite/internal/render/offline"
	"reportsite/internal/render/view"
)

// SinglePath returns the path of language l's one-file report: the whole
// report with its styles and charts inlined, for handing out and archiving.
func SinglePath(s *content.Site, l lang.Lang) string { return view.SinglePath(s, l) }

// publish adds the files that depend on the whole output: the web app
// manifest, sitemap and robots.txt (with a base URL only), and last the
// service worker, whose version hashes everything else.
func (b *builder) publish() error {
	l := b.site.Languages[0]
	m, err := publish.WebManifest(b.site.Title.In(l), b.site.Name, l.Tag, b.site.Subtitle.In(l))
	if err != nil {
		return err
	}
	b.add(publish.WebManifestPath, m)
	about := b.about
	if about == nil {
		about = offline.NewDraft(b, nil, nil)
	}
	if err := about.Finish(b); err != nil {
		return err
	}
	if b.site.BaseURL != "" {
		skip := map[string]bool{addr.KindNotFound.Path(): true}
		for _, l := range b.site.Languages {
			skip[SinglePath(b.site, l)] = true
		}
		b.add(publish.SitemapPath, publish.Sitemap(b.site.BaseURL, b.site.Languages, b.paths(), skip))
		b.add(publish.RobotsPath, publish.Robots(b.site.BaseURL))
	}
	if !b.opt.Serve {
		if err := offline.List(b); err != nil {
			return err
		}
		b.add(publish.SWPath, publish.ServiceWorker(b.paths(), b.files))
	}
	return nil
}
