package seed

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"

	"github.com/BurntSushi/toml"

	"reportsite/internal/lang"
	"reportsite/internal/tomlfile"
)

// Correction is one manual repair of damage the general rule cannot undo,
// with its reason, which readers see among the errata.
type Correction struct {
	Original  string    `toml:"original"`  // text after the general rule
	Corrected string    `toml:"corrected"` // what it becomes
	Reason    lang.Text `toml:"reason"`    // why, per language

	File string `toml:"-"` // where the correction is written, for messages
	Line int    `toml:"-"`
}

func (c Correction) pos() string {
	switch {
	case c.File != "" && c.Line > 0:
		return c.File + ":" + strconv.Itoa(c.Line)
	case c.File != "":
		return c.File
	}
	return "correction"
}

// LoadCorrections reads the manual corrections from the TOML file name in
// fsys. Unknown keys, an empty original and a reason missing a language are
// errors, each reported with file:line. An empty name means no corrections.
func LoadCorrections(fsys fs.FS, name string) ([]Correction, error) {
	if name == "" {
		return nil, nil
	}
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return ParseCorrections(name, src)
}

// ParseCorrections decodes corrections from src; name is used in messages.
func ParseCorrections(name string, src []byte) ([]Correction, error) {
	var f struct {
		Corrections []Correction `toml:"corrections"`
	}
	md, err := toml.Decode(string(src), &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d: %s", name, pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	loc := tomlfile.New(name, src)
	var errs []error
	for _, k := range md.Undecoded() {
		pos := name + ":" + strconv.Itoa(loc.KeyLine(k...))
		errs = append(errs, fmt.Errorf("%s: unknown key %q; known keys: corrections.original, corrections.corrected, corrections.reason", pos, k.String()))
	}
	for i := range f.Corrections {
		c := &f.Corrections[i]
		c.File = name
		c.Line = loc.TableLine(fmt.Sprintf("corrections[%d]", i))
		if c.Original == "" {
			errs = append(errs, fmt.Errorf("%s: correction %d: original is empty", c.pos(), i+1))
		}
		if c.Original == c.Corrected {
			errs = append(errs, fmt.Errorf("%s: correction %d: corrected is the same as original", c.pos(), i+1))
		}
		if c.Reason.IsZero() {
			errs = append(errs, fmt.Errorf("%s: correction %d: reason is missing; write reason = { <tag> = \"…\" } in each language of the site", c.pos(), i+1))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return f.Corrections, nil
}
