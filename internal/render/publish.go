package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html"
	"html/template"
	"io"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
	"reportsite/internal/publish"
	"reportsite/internal/render/figure"
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
// between sections become #anchors. It is the full report rendered in the
// one-file mode: the figures (figure.Page.Single) and the sections' links
// (oneFileLinks) are made for it, not rewritten after.
func (b *builder) singlePage(l lang.Lang) error {
	sp := SinglePath(b.site, l)
	p := b.newPage(l, "single", path.Base(sp), b.ui.Get("full_report", l))
	p.Path = sp
	of := &oneFile{path: sp, anchors: map[string]sectionAnchors{}, image: b.m.ImageDataURI, source: b.site.Report.Source.URL}
	for _, sec := range b.site.Sections {
		of.anchors[l.Prefix+"/"+sec.Slug+".html"] = sectionAnchors{anchor: addr.Section(sec.Slug), ids: b.sectionIDs(sec, l)}
	}
	secs, err := b.sectionViews(l, true, figure.Page{Path: sp, Single: true})
	if err != nil {
		return err
	}
	for i := range secs {
		secs[i].oneFile = of
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
	sum := sha256.Sum256(css)
	csp := "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
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

// oneFile is what links on the one-file report need: the anchor there of
// each section page of its language, the images as data: URIs, and the
// original's address, which stays a link.
type oneFile struct {
	path    string
	anchors map[string]sectionAnchors // by the section page's site path
	image   func(sitePath string) string
	source  string
}

// sectionAnchors are a section's anchor on the one-file report and the IDs
// its Markdown defines, which get the anchor as their prefix there.
type sectionAnchors struct {
	anchor string
	ids    map[string]bool
}

// oneFileLinks are the markdown.Links of a section on the one-file report:
// its IDs as on the full report; a link to a section page becomes the
// anchor there, an image a data: URI, and any other address goes (its text
// stays), but for the original's.
type oneFileLinks struct {
	markdown.Anchors
	f *oneFile
}

func (o oneFileLinks) Link(u []byte, img bool) string {
	v := strings.TrimSpace(html.UnescapeString(string(u)))
	switch {
	case strings.HasPrefix(v, "#"), img && strings.HasPrefix(v, "data:"), !img && v == o.f.source && v != "":
		return string(u)
	case img:
		if d := o.f.local(v, func(target, _ string) string { return o.f.image(target) }); d != "" {
			return d
		}
	}
	return o.f.local(v, func(target, frag string) string {
		a, ok := o.f.anchors[target]
		switch {
		case !ok:
			return ""
		case a.ids[frag]:
			return "#" + a.anchor + "-" + frag
		}
		return "#" + a.anchor
	})
}

// local returns what fn makes of a relative address v, as the site path
// it leads to from the one-file report and its fragment; "" for any other.
func (f *oneFile) local(v string, fn func(target, frag string) string) string {
	u, err := url.Parse(v)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
		return ""
	}
	return fn(path.Join(path.Dir(f.path), u.Path), u.Fragment)
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
