package sitefs

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"unicode/utf8"

	"reportsite/internal/diag"
)

// MaxFileSize is the largest content file read; larger files are errors.
const MaxFileSize = 4 << 20

// ReadText reads a content file (site.toml, a section, a data table) and
// reports, under name, what makes it unfit to read as text: not a regular
// file, larger than MaxFileSize, a byte-order mark, invalid UTF-8, a NUL
// byte.
func ReadText(fsys fs.FS, name string, dl *diag.List) ([]byte, bool) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		dl.Errorf(name, 0, Hint(err, "create the file, or check the content folder given to the command"), "cannot read: %v", Cause(err))
		return nil, false
	}
	if !st.Mode().IsRegular() {
		dl.Errorf(name, 0, "make it a file of its own", "cannot read: not a regular file (%s)", st.Mode().Type())
		return nil, false
	}
	if st.Size() > MaxFileSize {
		dl.Errorf(name, 0, fmt.Sprintf("split the file: content files are limited to %d MiB", MaxFileSize>>20), "file is too large (%d bytes)", st.Size())
		return nil, false
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		dl.Errorf(name, 0, Hint(err, "check the file's permissions"), "cannot read: %v", Cause(err))
		return nil, false
	}
	if bytes.HasPrefix(b, []byte("\uFEFF")) {
		dl.Errorf(name, 1, "save the file as UTF-8 without a byte-order mark", "file starts with a byte-order mark")
		b = b[3:]
	}
	if !utf8.Valid(b) {
		line := 1 + bytes.Count(b[:firstInvalid(b)], []byte("\n"))
		dl.Errorf(name, line, "save the file as UTF-8", "invalid UTF-8")
		return nil, false
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		dl.Errorf(name, 1+bytes.Count(b[:i], []byte("\n")), "remove the NUL byte", "file contains a NUL byte")
		return nil, false
	}
	return b, true
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// Hint returns the hint carried by err (a link leading out of the site
// folder says what to do about it), or def.
func Hint(err error, def string) string {
	var h interface{ Hint() string }
	if errors.As(err, &h) {
		return h.Hint()
	}
	return def
}

// Cause returns the error under a *fs.PathError, whose path the
// diagnostic names already.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
