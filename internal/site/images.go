package site

import (
	"encoding/base64"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"

	"reportsite/internal/content"
	"reportsite/internal/lang"
)

// imageTypes are the image files a section may show, by extension, with the
// type their bytes must sniff as.
var imageTypes = map[string]string{".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp"}

// imageSource is where a published image comes from: a file beside a
// section in the content folder, or one of the static files.
type imageSource struct {
	fsys fs.FS
	name string
}

// checkImages checks every image a section shows and records, for each
// language, where the build copies it from. An image is a relative address
// that leads, from the section's page, either into the language's folder
// (the file lies beside the section: content/en/pic.png is en/pic.png) or
// into static/ (../static/pic.png); it must exist, be a PNG, JPEG, GIF or
// WebP image and be no larger than a content file may be. Other hosts'
// images are the link checker's to refuse.
func (b *builder) checkImages() {
	b.images = map[string]imageSource{}
	for _, sec := range b.site.Sections {
		for _, l := range b.site.Languages {
			d := b.doc(sec, l)
			if d == nil || d.doc == nil {
				continue
			}
			for _, im := range d.doc.Images {
				out, src, msg := b.resolveImage(d.text.File, l, im.Dest)
				if msg != "" {
					if !d.text.Derived {
						b.dl.Errorf(d.text.File, im.Line, "put the image (PNG, JPEG, GIF or WebP) beside the section file, or under static/, and link it relatively, e.g. ![…](chart.png)", "image %q %s", im.Dest, msg)
					}
					continue
				}
				if out != "" {
					b.images[out] = src
				}
			}
		}
	}
}

// resolveImage returns the output path of image dest shown by the section
// in file for language l, and its source; "" when dest is not a local file
// (another host, data:), or a message why it cannot be published.
func (b *builder) resolveImage(file string, l lang.Lang, dest string) (out string, src imageSource, msg string) {
	u, err := url.Parse(dest)
	switch {
	case err != nil:
		return "", src, "is not a valid address"
	case u.Scheme != "" || u.Host != "" || u.Opaque != "":
		return "", src, ""
	case u.Path == "":
		return "", src, ""
	case strings.HasPrefix(u.Path, "/"):
		return "", src, "is an absolute path, which breaks under a sub-path and from file://"
	}
	out = path.Join(l.Prefix, u.Path)
	mime, ok := imageTypes[strings.ToLower(path.Ext(out))]
	if !ok {
		return "", src, "is not a PNG, JPEG, GIF or WebP file"
	}
	switch {
	case strings.HasPrefix(out, "static/"):
		src = imageSource{overlay(b.opt.Overlay, "static", b.opt.Static), strings.TrimPrefix(out, "static/")}
	case strings.HasPrefix(out, l.Prefix+"/"):
		src = imageSource{b.opt.Content, path.Join(path.Dir(file), strings.TrimPrefix(out, l.Prefix+"/"))}
	default:
		return "", src, "leads outside the section's folder and static/"
	}
	if src.fsys == nil {
		return "", src, "does not exist"
	}
	st, err := fs.Stat(src.fsys, src.name)
	switch {
	case err != nil || !st.Mode().IsRegular():
		return "", src, "does not exist (looked for " + src.name + ")"
	case st.Size() > content.MaxFileSize:
		return "", src, "is larger than 4 MB"
	}
	data, err := fs.ReadFile(src.fsys, src.name)
	if err != nil {
		return "", src, "cannot be read"
	}
	if got := http.DetectContentType(data); got != mime {
		return "", src, "is not the image its name says (its bytes read as " + got + ")"
	}
	return out, src, ""
}

// copyImages adds every image the sections show to the output.
func (b *builder) copyImages() error {
	for _, out := range slices.Sorted(maps.Keys(b.images)) {
		if strings.HasPrefix(out, "static/") {
			continue // copied with the static files
		}
		src := b.images[out]
		data, err := fs.ReadFile(src.fsys, src.name)
		if err != nil {
			return err
		}
		b.add(out, data)
	}
	return nil
}

// imageDataURI returns the image at site path p as a data: URI, for the
// one-file report; "" when p is not an image the sections show.
func (b *builder) imageDataURI(p string) string {
	src, ok := b.images[p]
	if !ok {
		return ""
	}
	data, err := fs.ReadFile(src.fsys, src.name)
	if err != nil {
		return ""
	}
	return "data:" + imageTypes[strings.ToLower(path.Ext(p))] + ";base64," + base64.StdEncoding.EncodeToString(data)
}
