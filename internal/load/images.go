package load

import (
	"encoding/base64"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
)

// imageTypes are the image files a section may show, by extension, with the
// type their bytes must sniff as.
var imageTypes = map[string]string{".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp"}

// ImageSource is where a published image comes from: a file beside a
// section in the content folder, or one of the static files.
type ImageSource struct {
	FS   fs.FS
	Name string
}

// Read returns the image's bytes.
func (s ImageSource) Read() ([]byte, error) { return fs.ReadFile(s.FS, s.Name) }

// FindImages checks every image a section shows and records, for each
// language, where the build copies it from (Images). An image is a relative
// address that leads, from the section's page, either into the language's
// folder (the file lies beside the section: content/en/pic.png is
// en/pic.png) or into static/ (../static/pic.png); it must exist, be a PNG,
// JPEG, GIF or WebP image and be no larger than a content file may be.
// Other hosts' images are the link checker's to refuse. contentFS is the
// content folder, static the static files (the site's over the defaults).
func (m *Model) FindImages(contentFS, static fs.FS, dl *diag.List) {
	m.Images = map[string]ImageSource{}
	for _, sec := range m.Site.Sections {
		for _, l := range m.Site.Languages {
			d := m.Doc(sec, l)
			if d == nil || d.Doc == nil {
				continue
			}
			for _, im := range d.Doc.Images {
				out, src, msg := resolveImage(contentFS, static, d.Text.File, l, im.Dest)
				if msg != "" {
					if !d.Text.Derived {
						dl.Errorf(d.Text.File, im.Line, "put the image (PNG, JPEG, GIF or WebP) beside the section file, or under static/, and link it relatively, e.g. ![…](chart.png)", "image %q %s", im.Dest, msg)
					}
					continue
				}
				if out != "" {
					m.Images[out] = src
				}
			}
		}
	}
}

// resolveImage returns the output path of image dest shown by the section
// in file for language l, and its source; "" when dest is not a local file
// (another host, data:), or a message why it cannot be published.
func resolveImage(contentFS, static fs.FS, file string, l lang.Lang, dest string) (out string, src ImageSource, msg string) {
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
	case strings.HasPrefix(out, addr.StaticDir):
		src = ImageSource{static, strings.TrimPrefix(out, addr.StaticDir)}
	case strings.HasPrefix(out, l.Prefix+"/"):
		src = ImageSource{contentFS, path.Join(path.Dir(file), strings.TrimPrefix(out, l.Prefix+"/"))}
	default:
		return "", src, "leads outside the section's folder and static/"
	}
	if src.FS == nil {
		return "", src, "does not exist"
	}
	st, err := fs.Stat(src.FS, src.Name)
	switch {
	case err != nil || !st.Mode().IsRegular():
		return "", src, "does not exist (looked for " + src.Name + ")"
	case st.Size() > content.MaxFileSize:
		return "", src, "is larger than 4 MB"
	}
	data, err := fs.ReadFile(src.FS, src.Name)
	if err != nil {
		return "", src, "cannot be read"
	}
	if got := http.DetectContentType(data); got != mime {
		return "", src, "is not the image its name says (its bytes read as " + got + ")"
	}
	return out, src, ""
}

// ImageDataURI returns the image at site path p as a data: URI, for the
// one-file report; "" when p is not an image the sections show.
func (m *Model) ImageDataURI(p string) string {
	src, ok := m.Images[p]
	if !ok {
		return ""
	}
	data, err := src.Read()
	if err != nil {
		return ""
	}
	return "data:" + imageTypes[strings.ToLower(path.Ext(p))] + ";base64," + base64.StdEncoding.EncodeToString(data)
}
