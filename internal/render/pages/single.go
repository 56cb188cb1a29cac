package pages

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html"
	"html/template"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
	"reportsite/internal/render/figure"
	"reportsite/internal/render/view"
)

// SingleBuilder is the render as the one-file report needs it.
type SingleBuilder interface {
	view.Builder
	// CSS returns the site's style sheet as its pages link it.
	CSS() ([]byte, error)
}

// singleData is what templates/single.html receives.
type singleData struct {
	*view.Page
	CSS template.CSS
	CSP string
}

// cspMarker stands for the policy until the page's style hashes are known.
const cspMarker = "reportsite-csp-placeholder"

// Single writes language l's one-file report: styles inlined, charts as
// inline SVG, no script, and no reference to any other file or host; links
// between sections become #anchors. It is the full report rendered in the
// one-file mode: the figures (figure.Page.Single) and the sections' links
// (oneFileLinks) are made for it, not rewritten after.
func Single(b SingleBuilder, l lang.Lang) error {
	site, m := b.Site(), b.Model()
	sp := view.SinglePath(site, l)
	p := view.NewPage(b, l, addr.KindSingle, path.Base(sp), b.UI().Get("full_report", l))
	p.Path = sp
	of := &oneFile{path: sp, anchors: map[string]sectionAnchors{}, image: m.ImageDataURI, source: site.Report.Source.URL}
	for _, sec := range site.Sections {
		of.anchors[l.Prefix+"/"+sec.Slug+".html"] = sectionAnchors{anchor: addr.Section(sec.Slug), ids: sectionIDs(b, sec, l)}
	}
	secs, err := view.Sections(b, l, true, figure.Page{Path: sp, Single: true})
	if err != nil {
		return err
	}
	for i := range secs {
		secs[i].SetLinks(func(a markdown.Anchors) markdown.Anchors { return oneFileLinks{a, of} })
	}
	p.Sections = secs
	css, err := b.CSS()
	if err != nil {
		return err
	}
	css = bytes.ReplaceAll(css, []byte("</"), []byte(`<\/`))
	out, err := b.Templates().Exec(string(addr.KindSingle), singleData{Page: p, CSS: template.CSS(css), CSP: cspMarker}, view.BodySize(secs)+len(css))
	if err != nil {
		return err
	}
	sum := sha256.Sum256(css)
	csp := "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	before, after, found := bytes.Cut(out, []byte(cspMarker))
	if !found { // a site's own template without the policy
		csp = ""
	}
	if len(out) <= view.StreamSize {
		b.Add(sp, slices.Concat(before, []byte(csp), after))
		return nil
	}
	// A long report: write the pieces rather than join them in a copy.
	return b.AddStream(sp, func(w io.Writer) error {
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
func sectionIDs(b view.Builder, sec *content.Section, l lang.Lang) map[string]bool {
	d := b.Model().Doc(sec, l)
	if d == nil || d.Prep == nil {
		return nil
	}
	fig := b.Figures()
	prep := fig.Marked(sec, l, d.Prep)
	chunks, err := prep.Fill(nil)
	if err != nil {
		return nil
	}
	ids := map[string]bool{}
	for _, id := range markdown.IDs(chunks) {
		ids[id] = true
	}
	return ids
}
