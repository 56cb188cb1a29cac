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
	"reportsite/internal/markdown/anchors"
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
		of.anchors[l.Prefix+"/"+sec.Slug+".html"] = sectionAnchors{anchor: addr.Section(sec.Slug), ids: func() string { return sectionIDs(b, sec, l) }}
	}
	secs, err := view.Sections(b, l, true, figure.Page{Path: sp, Single: true})
	if err != nil {
		return err
	}
	for i := range secs {
		secs[i].SetLinks(func(a anchors.Anchors) anchors.Anchors { return oneFileLinks{a, of} })
	}
	view.Stream(b, secs)
	p.Sections = secs
	css, err := b.CSS()
	if err != nil {
		return err
	}
	css = bytes.ReplaceAll(css, []byte("</"), []byte(`<\/`))
	sum := sha256.Sum256(css)
	csp := "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	data := singleData{Page: p, CSS: template.CSS(css), CSP: cspMarker}
	size := view.BodySize(secs) + len(css)
	if size <= view.StreamSize {
		out, err := b.Templates().Exec(string(addr.KindSingle), data, size)
		if err != nil {
			return err
		}
		// A site's own template may leave the policy out.
		before, after, found := bytes.Cut(out, []byte(cspMarker))
		if !found {
			b.Add(sp, out)
			return nil
		}
		b.Add(sp, slices.Concat(before, []byte(csp), after))
		return nil
	}
	// A long report: write it as the template makes it.
	return b.AddStream(sp, func(w io.Writer) error {
		cw := &replaceOnce{w: w, old: []byte(cspMarker), new: []byte(csp)}
		if err := b.Templates().ExecTo(cw, string(addr.KindSingle), data); err != nil {
			return err
		}
		return cw.Close()
	})
}

// replaceOnce writes to w what is written to it, with the first old
// replaced by new. It holds back what it is given until it has seen old (the
// policy, in the page's head), or until Close.
type replaceOnce struct {
	w        io.Writer
	old, new []byte
	held     []byte
	done     bool
}

func (r *replaceOnce) Write(p []byte) (int, error) {
	if r.done {
		return r.w.Write(p)
	}
	r.held = append(r.held, p...)
	before, after, found := bytes.Cut(r.held, r.old)
	if !found {
		return len(p), nil
	}
	r.done = true
	for _, part := range [][]byte{before, r.new, after} {
		if _, err := r.w.Write(part); err != nil {
			return 0, err
		}
	}
	r.held = nil
	return len(p), nil
}

// Close writes what r still holds, unchanged: old never came.
func (r *replaceOnce) Close() error {
	if r.done || len(r.held) == 0 {
		return nil
	}
	_, err := r.w.Write(r.held)
	r.held = nil
	return err
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
// its Markdown defines (figure.Maker.SectionIDs), which get the anchor as
// their prefix there.
type sectionAnchors struct {
	anchor string
	ids    func() string
}

// oneFileLinks are the anchors.Links of a section on the one-file report:
// its IDs as on the full report; a link to a section page becomes the
// anchor there, an image a data: URI, and any other address goes (its text
// stays), but for the original's.
type oneFileLinks struct {
	anchors.Anchors
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
		case frag != "" && strings.Contains(a.ids(), "\x00"+frag+"\x00"):
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

// sectionIDs returns the IDs section sec's Markdown defines in l, each
// between NULs (figure.Maker.SectionIDs).
func sectionIDs(b view.Builder, sec *content.Section, l lang.Lang) string {
	return b.Figures().SectionIDs(sec, l, func() *markdown.Prepared {
		if d := b.Model().Doc(sec, l); d != nil {
			return d.Prep
		}
		return nil
	})
}
