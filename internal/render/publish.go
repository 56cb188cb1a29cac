package render

import (
	"bytes"
	"html/template"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
	"reportsite/internal/publish"
	"reportsite/internal/render/single"
	"reportsite/internal/sitefs"
)

// SinglePath returns the path of language l's one-file report: the whole
// report with its styles and charts inlined, for handing out and archiving.
func SinglePath(s *content.Site, l lang.Lang) string {
	name := s.Name
	if name == "" {
		name = "report"
	}
	return l.Prefix + "/" + name + "-" + l.Prefix + ".html"
}

// SingleFile returns the one-file report's address from this page.
func (p *pageData) SingleFile() string { return p.URL(SinglePath(p.Site, p.Lang)) }

// Offline reports whether the page registers the offline service worker:
// never in the preview server, whose pages must always be fresh.
func (p *pageData) Offline() bool { return !p.Serve }

// Canonical returns the page's absolute address when the site has a base URL,
// and "" otherwise (a relative or guessed canonical would lie).
func (p *pageData) Canonical() string {
	if p.Site.BaseURL == "" || p.Kind == "404" {
		return ""
	}
	return publish.AbsURL(p.Site.BaseURL, p.Path)
}

// AltHref returns the address of a translation for <link rel="alternate">,
// absolute as search engines require of hreflang alternates: pages have
// them only when the site has a base URL.
func (p *pageData) AltHref(a alternate) string { return publish.AbsURL(p.Site.BaseURL, a.Path) }

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
	if err := b.aboutPages(); err != nil {
		return err
	}
	if b.site.BaseURL != "" {
		skip := map[string]bool{rootPath("404"): true}
		for _, l := range b.site.Languages {
			skip[SinglePath(b.site, l)] = true
		}
		b.add(publish.SitemapPath, publish.Sitemap(b.site.BaseURL, b.site.Languages, b.paths(), skip))
		b.add(publish.RobotsPath, publish.Robots(b.site.BaseURL))
	}
	if !b.opt.Serve {
		if err := b.offlineList(); err != nil {
			return err
		}
		b.add(publish.SWPath, publish.ServiceWorker(b.paths(), b.files))
	}
	return nil
}

// singleData is what templates/single.html receives.
type singleData struct {
	*pageData
	CSS template.CSS
	CSP string
}

// cspMarker stands for the policy until the page's style hashes are known.
const cspMarker = "reportsite-csp-placeholder"

// singlePage writes language l's one-file report: styles inlined, charts as
// inline SVG, no script, and no reference to any other file or host; links
// between sections become #anchors.
func (b *builder) singlePage(l lang.Lang) error {
	sp := SinglePath(b.site, l)
	p := b.newPage(l, "single", path.Base(sp), b.ui.Get("full_report", l))
	p.Path = sp
	secs, err := b.sectionViews(l, true, sp)
	if err != nil {
		return err
	}
	p.Sections = secs
	css, err := fs.ReadFile(sitefs.Overlay(b.opt.Overlay, "static", b.opt.Static), "site.css")
	if err != nil {
		return err
	}
	css = append(bytes.Clone(css), b.printTitleCSS()...)
	css = bytes.ReplaceAll(css, []byte("</"), []byte(`<\/`))
	out, err := b.tmpl.Exec("single", singleData{pageData: p, CSS: template.CSS(css), CSP: cspMarker}, bodySize(secs)+len(css))
	if err != nil {
		return err
	}
	anchors := map[string]single.Anchors{} // site path → its anchors on this page
	for _, sec := range b.site.Sections {
		anchors[l.Prefix+"/"+sec.Slug+".html"] = single.Anchors{Anchor: addr.Section(sec.Slug), IDs: b.sectionIDs(sec, l)}
	}
	out, hs, err := single.Rewrite(out, single.Page{Path: sp, Anchors: anchors, Image: b.m.ImageDataURI, Source: b.site.Report.Source.URL})
	if err != nil {
		return err
	}
	csp := "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'"
	if len(hs) > 0 {
		csp += "; style-src " + strings.Join(hs, " ")
	}
	before, after, found := bytes.Cut(out, []byte(cspMarker))
	if !found { // a site's own template without the policy
		csp = ""
	}
	if len(out) <= streamSize {
		b.add(sp, slices.Concat(before, []byte(csp), after))
		return nil
	}
	// A long report: write the pieces rather than join them in a copy.
	return b.addStream(sp, func(w io.Writer) error {
		for _, part := range [][]byte{before, []byte(csp), after} {
			if _, err := w.Write(part); err != nil {
				return err
			}
		}
		return nil
	})
}

// sectionIDs returns the IDs section sec's Markdown defines in l.
func (b *builder) sectionIDs(sec *content.Section, l lang.Lang) map[string]bool {
	d := b.m.Doc(sec, l)
	if d == nil || d.Prep == nil {
		return nil
	}
	prep := b.fig.Marked(sec, l, d.Prep)
	chunks, err := prep.Fill(nil)
	if err != nil {
		return nil
	}
	b.fig.MarkFilled(sec, l, chunks, prep) // the figures that tables and cards link to
	ids := map[string]bool{}
	for _, id := range markdown.IDs(chunks) {
		ids[id] = true
	}
	return ids
}
