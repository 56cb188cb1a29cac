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

	nethtml "golang.org/x/net/html"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/publish"
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

// AltHref returns the address of a translation for <link rel="alternate">:
// absolute when the site has a base URL, as search engines require of
// hreflang alternates, and relative otherwise.
func (p *pageData) AltHref(a alternate) string {
	if p.Site.BaseURL == "" {
		return a.Href
	}
	return publish.AbsURL(p.Site.BaseURL, a.Path)
}

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
		singles := map[string]bool{}
		for _, l := range b.site.Languages {
			singles[SinglePath(b.site, l)] = true
		}
		b.add(publish.SitemapPath, publish.Sitemap(b.site.BaseURL, b.site.Languages, b.paths(), singles))
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
	p := b.newPage(l, "single", path.Base(sp), b.ui.get("full_report", l))
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
	out, err := b.tmpl.exec("single", singleData{pageData: p, CSS: template.CSS(css), CSP: cspMarker}, bodySize(secs)+len(css))
	if err != nil {
		return err
	}
	out, hs, err := b.selfContained(out, l, sp)
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

// addStyleHash adds the CSP source ('sha256-…') of a <style> element's text
// to hs, once.
func addStyleHash(hs []string, text []byte) []string {
	sum := sha256.Sum256(text)
	h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	if slices.Contains(hs, h) {
		return hs
	}
	return append(hs, h)
}

// urlAttrs are the attributes that make a browser fetch or navigate.
var urlAttrs = map[string]bool{"href": true, "src": true, "srcset": true, "action": true, "poster": true, "data": true, "xlink:href": true, "formaction": true}

// selfContained rewrites a rendered page so it needs nothing else: scripts
// and download links go, links to the language's section pages become
// anchors, and any other reference is dropped (its text stays). It also
// returns the CSP sources of the <style> elements it wrote.
func (b *builder) selfContained(doc []byte, l lang.Lang, pagePath string) (page []byte, styleHashes []string, err error) {
	anchors := map[string]sectionAnchors{} // site path → its anchors on this page
	for _, sec := range b.site.Sections {
		anchors[l.Prefix+"/"+sec.Slug+".html"] = sectionAnchors{addr.Section(sec.Slug), b.sectionIDs(sec, l)}
	}
	var out bytes.Buffer
	out.Grow(len(doc))
	z := nethtml.NewTokenizer(bytes.NewReader(doc))
	skip := 0 // depth inside a dropped element
	skipTag := ""
	var rawCopy []byte
	var hashes []string // of the <style> elements written
	inStyle := false
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			break
		}
		raw := z.Raw()
		if skip > 0 {
			name, _ := z.TagName()
			switch {
			case tt == nethtml.StartTagToken && string(name) == skipTag:
				skip++
			case tt == nethtml.EndTagToken && string(name) == skipTag:
				skip--
			}
			continue
		}
		if tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken {
			switch {
			case tt == nethtml.TextToken && inStyle:
				hashes = addStyleHash(hashes, raw)
			case tt == nethtml.EndTagToken:
				inStyle = false
			}
			out.Write(raw)
			continue
		}
		// TagName and TagAttr lower-case the token in place, so keep the
		// raw tag first: most tags are written out as they came. (Token
		// would allocate every attribute of every tag.)
		rawCopy = append(rawCopy[:0], raw...)
		name, more := z.TagName()
		t := nethtml.Token{Data: string(name)}
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			t.Attr = append(t.Attr, nethtml.Attribute{Key: string(k), Val: string(v)})
		}
		cls := ""
		for _, a := range t.Attr {
			if a.Key == "class" {
				cls = a.Val
			}
		}
		if t.Data == "script" || (t.Data == "p" && slices.Contains(strings.Fields(cls), "downloads")) || t.Data == "link" || t.Data == "iframe" || t.Data == "object" || t.Data == "embed" {
			if tt == nethtml.StartTagToken && t.Data != "link" && t.Data != "embed" {
				skip, skipTag = 1, t.Data
			}
			continue
		}
		if tt == nethtml.StartTagToken {
			inStyle = t.Data == "style"
		}
		changed := false
		var attrs []nethtml.Attribute
		for _, a := range t.Attr {
			if !urlAttrs[a.Key] {
				attrs = append(attrs, a)
				continue
			}
			v := strings.TrimSpace(a.Val)
			inline := ""
			if t.Data == "img" && a.Key == "src" {
				inline = b.localImage(v, pagePath)
			}
			switch {
			case strings.HasPrefix(v, "#"):
			case strings.HasPrefix(v, "data:") && t.Data == "img":
			case inline != "":
				a.Val, changed = inline, true
			case t.Data == "a" && a.Key == "href" && v == b.site.Report.Source.URL && v != "":
			default:
				nv := b.localAnchor(v, pagePath, anchors)
				changed = true
				if nv == "" {
					continue
				}
				a.Val = nv
			}
			attrs = append(attrs, a)
		}
		if t.Data == "a" && changed {
			// The download attribute makes no sense on an anchor.
			attrs = slices.DeleteFunc(attrs, func(a nethtml.Attribute) bool { return a.Key == "download" || a.Key == "rel" })
		}
		if !changed {
			out.Write(rawCopy)
			continue
		}
		out.WriteString("<" + t.Data)
		for _, a := range attrs {
			out.WriteString(" " + a.Key + `="` + html.EscapeString(a.Val) + `"`)
		}
		if tt == nethtml.SelfClosingTagToken {
			out.WriteString("/")
		}
		out.WriteString(">")
	}
	if err := z.Err(); err != nil && err.Error() != "EOF" {
		return nil, nil, err
	}
	return out.Bytes(), hashes, nil
}

// sectionAnchors are a section's anchor on the one-file report and the IDs
// its Markdown defines, which get the anchor as their prefix there.
type sectionAnchors struct {
	anchor string
	ids    map[string]bool
}

// sectionIDs returns the IDs section sec's Markdown defines in l.
func (b *builder) sectionIDs(sec *content.Section, l lang.Lang) map[string]bool {
	d := b.m.Doc(sec, l)
	if d == nil || d.Prep == nil {
		return nil
	}
	chunks, err := d.Prep.Fill(nil)
	if err != nil {
		return nil
	}
	b.fig.Mark(sec, l, chunks) // the figures that tables and cards link to
	ids := map[string]bool{}
	for _, id := range markdownIDs(chunks) {
		ids[id] = true
	}
	return ids
}

// localImage returns the image a page at pagePath shows at address v as a
// data: URI; "" when it is not one of the sections' images.
func (b *builder) localImage(v, pagePath string) string {
	u, err := url.Parse(v)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
		return ""
	}
	return b.m.ImageDataURI(path.Join(path.Dir(pagePath), u.Path))
}

// localAnchor maps a relative link to a section page onto its anchor in the
// one-file report; it returns "" for anything else.
func (b *builder) localAnchor(v, pagePath string, anchors map[string]sectionAnchors) string {
	u, err := url.Parse(v)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
		return ""
	}
	target := path.Join(path.Dir(pagePath), u.Path)
	a, ok := anchors[target]
	if !ok {
		return ""
	}
	if a.ids[u.Fragment] {
		return "#" + a.anchor + "-" + u.Fragment
	}
	return "#" + a.anchor
}
