package structure

import (
	"io/fs"
	"path"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/sitefs"
)

// Folder is a folder of the site whose files a build reads: its files are
// named Prefix+path in diagnostics; with Read set every file is opened, as
// the build will copy it.
type Folder struct {
	FS     fs.FS
	Prefix string
	Read   bool
}

// Files checks the names of the site's files, and that every file the
// build will copy can be read: a link out of the site folder, a name Windows
// reserves (con, aux, nul …) or two names that differ only in case (which
// Windows and macOS take for one file) would break the build or the site
// where it is unpacked. Content files are named from the content folder,
// others from the site folder (static/…, templates/…). A nil FS is skipped.
func Files(s *content.Site, folders []Folder, dl *diag.List) {
	for _, f := range folders {
		if f.FS != nil {
			checkNames(f.FS, f.Prefix, f.Read, dl)
		}
	}
	for _, sec := range s.Sections {
		if sitefs.Reserved(sec.Slug) {
			for _, t := range sec.Texts {
				dl.Errorf(t.File, 0, sitefs.ReservedHint, "section slug %q makes the page %s.html, a name reserved on Windows", sec.Slug, sec.Slug)
			}
		}
		for _, l := range s.Languages {
			if p := addr.Single(s.Name, l.Prefix); sec.Slug+".html" == path.Base(p) {
				for _, t := range sec.Texts {
					dl.Errorf(t.File, 0, "rename the section file, or change name in site.toml", "section slug %q makes the page %s, the one-file report of %s", sec.Slug, p, l.Tag)
				}
			}
		}
	}
}

// checkNames walks fsys, reporting each file under prefix+path. With read
// set, every file is opened, as the build will read it.
func checkNames(fsys fs.FS, prefix string, read bool, dl *diag.List) {
	folded := map[string]string{} // folded path → path
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		name := prefix + p
		if err != nil {
			dl.Errorf(name, 0, sitefs.Hint(err, "check the folder's permissions"), "cannot read: %v", sitefs.Cause(err))
			return nil
		}
		if p == "." {
			return nil
		}
		if d.Name()[0] == '.' {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if sitefs.Reserved(d.Name()) {
			dl.Errorf(name, 0, sitefs.ReservedHint, "file name %q is reserved on Windows", d.Name())
		}
		k := sitefs.Fold(p)
		if o, ok := folded[k]; ok {
			dl.Errorf(name, 0, "rename one of them: Windows and macOS take names that differ only in case for the same file", "%s and %s differ only in case", prefix+o, name)
		} else {
			folded[k] = p
		}
		if read && !d.IsDir() && path.Ext(p) != ".go" {
			if f, err := fsys.Open(p); err != nil {
				dl.Errorf(name, 0, sitefs.Hint(err, "check the file's permissions"), "cannot read: %v", sitefs.Cause(err))
			} else {
				f.Close()
			}
		}
		return nil
	})
	if err != nil {
		dl.Errorf(prefix, 0, "check the folder's permissions", "cannot read: %v", err)
	}
}
