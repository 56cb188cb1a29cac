package site

import (
	"errors"
	"io/fs"
	"path"

	"reportsite/internal/sitefs"
)

// checkFiles checks the names of the site's files, and that every file the
// build will copy can be read: a link out of the site folder, a name Windows
// reserves (con, aux, nul …) or two names that differ only in case (which
// Windows and macOS take for one file) would break the build or the site
// where it is unpacked. Content files are named from the content folder,
// others from the site folder (static/…, templates/…).
func (b *builder) checkFiles() {
	if b.opt.Content != nil {
		b.checkNames(b.opt.Content, "", false)
	}
	if sfs := overlay(b.opt.Overlay, "static", b.opt.Static); sfs != nil {
		b.checkNames(sfs, "static/", true)
	}
	if tfs := overlay(b.opt.Overlay, "templates", b.opt.Templates); tfs != nil {
		b.checkNames(tfs, "templates/", false)
	}
	for _, sec := range b.site.Sections {
		if sitefs.Reserved(sec.Slug) {
			for _, t := range sec.Texts {
				b.dl.Errorf(t.File, 0, sitefs.ReservedHint, "section slug %q makes the page %s.html, a name reserved on Windows", sec.Slug, sec.Slug)
			}
		}
	}
}

// checkNames walks fsys, reporting each file under prefix+path. With read
// set, every file is opened, as the build will read it.
func (b *builder) checkNames(fsys fs.FS, prefix string, read bool) {
	folded := map[string]string{} // folded path → path
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		name := prefix + p
		if err != nil {
			b.dl.Errorf(name, 0, hintOf(err, "check the folder's permissions"), "cannot read: %v", unwrapPathErr(err))
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
			b.dl.Errorf(name, 0, sitefs.ReservedHint, "file name %q is reserved on Windows", d.Name())
		}
		k := sitefs.Fold(p)
		if o, ok := folded[k]; ok {
			b.dl.Errorf(name, 0, "rename one of them: Windows and macOS take names that differ only in case for the same file", "%s and %s differ only in case", prefix+o, name)
		} else {
			folded[k] = p
		}
		if read && !d.IsDir() && path.Ext(p) != ".go" {
			if f, err := fsys.Open(p); err != nil {
				b.dl.Errorf(name, 0, hintOf(err, "check the file's permissions"), "cannot read: %v", unwrapPathErr(err))
			} else {
				f.Close()
			}
		}
		return nil
	})
	if err != nil {
		b.dl.Errorf(prefix, 0, "check the folder's permissions", "cannot read: %v", err)
	}
}

// hintOf returns the hint an error carries, or def.
func hintOf(err error, def string) string {
	var h interface{ Hint() string }
	if errors.As(err, &h) {
		return h.Hint()
	}
	return def
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
