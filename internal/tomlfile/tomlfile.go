// Package tomlfile decodes TOML content files strictly: syntax and type
// errors, unknown keys (with a "did you mean") and later validation errors all
// carry the file name and line.
package tomlfile

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"reportsite/internal/diag"
)

var (
	lineRe = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "([^"]*)"\))?`)
	typeRe = regexp.MustCompile(`^incompatible types: TOML value has type (\S+); destination has type (\S+)$`)
)

// typeNames names the decoder's types for a reader of a TOML file.
var typeNames = map[string]string{
	"string": "a string", "int64": "a whole number", "float64": "a number", "bool": "true or false",
	"[]any": "a list", "[]map[string]any": "a list of tables", "map[string]any": "a table",
	"slice": "a list", "int": "a whole number", "float": "a number", "struct": "a table", "map": "a table",
	"time.Time": "a date",
}

// File is a decoded TOML file that can locate its keys. It keeps the file's
// lines, not the decoder's metadata (which holds a second copy of every
// value): a report may have thousands of tables.
type File struct {
	Name  string
	lines []string
}

// Decode decodes src into v. Problems are added to dl with positions in name;
// lineOffset is added to every line (for TOML front matter inside another file).
// known lists the keys v accepts at each table path, for "did you mean" hints;
// it may be nil. Decode returns nil when the text could not be parsed.
func Decode(name string, src []byte, lineOffset int, v any, dl *diag.List) *File {
	md, err := toml.NewDecoder(strings.NewReader(string(src))).Decode(v)
	f := &File{Name: name, lines: strings.Split(string(src), "\n")}
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg := pe.Message
			if pe.Usage != "" {
				msg += "; " + strings.TrimSpace(firstLine(pe.Usage))
			}
			dl.Add(diag.Diag{File: name, Line: pe.Position.Line + lineOffset, Col: pe.Position.Col,
				Msg: "toml: " + lowerFirst(msg), Hint: "fix the TOML syntax or value type at this line"})
		} else {
			line, msg, key := 1, err.Error(), ""
			if m := lineRe.FindStringSubmatch(msg); m != nil {
				line, _ = strconv.Atoi(m[1])
				key = m[2]
				msg = strings.TrimSpace(strings.TrimPrefix(msg[len(m[0]):], ":"))
			}
			hint := "check the value's type against the documented format"
			if m := typeRe.FindStringSubmatch(msg); m != nil && key != "" {
				have, want := typeNames[m[1]], typeNames[m[2]]
				if have == "" {
					have = m[1]
				}
				if want == "" {
					want = m[2]
				}
				msg = fmt.Sprintf("%s is %s, want %s", key, have, want)
				hint = fmt.Sprintf("write %s as %s", key, want)
			}
			dl.Add(diag.Diag{File: name, Line: lineOffset + line, Msg: "toml: " + lowerFirst(msg), Hint: hint})
		}
		return nil
	}
	for _, k := range md.Undecoded() {
		if !structPath(v, k[:len(k)-1]) {
			continue // inside a map or a value that decodes itself, such as a lang.Text
		}
		line := f.KeyLine(k...)
		hint := "remove it or check its spelling"
		if s := suggest(k[len(k)-1], fieldNames(v, k[:len(k)-1])); s != "" {
			hint = fmt.Sprintf("did you mean %q?", s)
		}
		dl.Add(diag.Diag{File: name, Line: line + lineOffset, Msg: fmt.Sprintf("unknown key %q", k.String()), Hint: hint})
	}
	f.offset(lineOffset)
	return f
}

// Line returns the text of the 1-based line n, or "" when there is none.
func (f *File) Line(n int) string {
	if f == nil || n < 1 || n > len(f.lines) {
		return ""
	}
	return f.lines[n-1]
}

func (f *File) offset(n int) {
	if n > 0 {
		f.lines = append(make([]string, n), f.lines...)
	}
}

// KeyLine returns the 1-based line where the key path is set, looking inside
// the idx-th element of arrays of tables when the path element is written as
// "name[idx]" (for example "rows[3]", "value"); without an index, every
// element is searched. It returns 1 when unknown.
func (f *File) KeyLine(path ...string) int {
	if f == nil || len(path) == 0 {
		return 1
	}
	if line := f.keyLine(path, 0, 0, len(f.lines)); line > 0 {
		return line
	}
	// The path may name a table by its header: [units.firms].
	if s, _, ok := f.findTable(joinHeader(path[:len(path)-1], path[len(path)-1]), 0, -1, 0, len(f.lines)); ok {
		return s
	}
	return 1
}

func (f *File) keyLine(path []string, depth, start, end int) int {
	if depth == len(path)-1 {
		name, _ := splitIndex(path[depth])
		for i := start; i < end; i++ {
			if keyOf(strings.TrimSpace(f.lines[i])) == name {
				return i + 1
			}
		}
		return 0
	}
	name, idx := splitIndex(path[depth])
	header := joinHeader(path[:depth], name)
	found := false
	for n := 0; ; n++ {
		s, e, ok := f.findTable(header, n, idx, start, end)
		if !ok {
			break
		}
		found = true
		if line := f.keyLine(path, depth+1, s, e); line > 0 {
			return line
		}
		if idx >= 0 {
			// The key is missing from the element: point at its header.
			return s
		}
	}
	if !found {
		// Perhaps an inline table or a dotted key: look for the last key in range.
		last, _ := splitIndex(path[len(path)-1])
		for i := start; i < end; i++ {
			t := strings.TrimSpace(f.lines[i])
			if keyOf(t) == name || keyOf(t) == last {
				return i + 1
			}
		}
	}
	return 0
}

// findTable finds a table's body between start and end: the [header], or
// for an array of tables its idx-th [[header]] element (when idx >= 0) or
// its nth (when idx < 0).
func (f *File) findTable(header string, nth, idx, start, end int) (int, int, bool) {
	n := -1
	want := nth
	if idx >= 0 {
		if nth > 0 {
			return 0, 0, false
		}
		want = idx
	}
	for i := start; i < end; i++ {
		t := strings.TrimSpace(f.lines[i])
		h, arr := headerOf(t)
		if h != header {
			continue
		}
		if arr {
			n++
			if n != want {
				continue
			}
		} else if want > 0 {
			return 0, 0, false
		}
		// The body runs to the next header that is not a sub-table of this one.
		j := i + 1
		for ; j < len(f.lines); j++ {
			h2, _ := headerOf(strings.TrimSpace(f.lines[j]))
			if h2 != "" && !strings.HasPrefix(h2, header+".") {
				break
			}
		}
		return i + 1, min(j, end), true
	}
	return 0, 0, false
}

func splitIndex(p string) (string, int) {
	name, rest, ok := strings.Cut(p, "[")
	if !ok {
		return p, -1
	}
	n, err := strconv.Atoi(strings.TrimSuffix(rest, "]"))
	if err != nil {
		return name, -1
	}
	return name, n
}

func joinHeader(parents []string, name string) string {
	var parts []string
	for _, p := range parents {
		n, _ := splitIndex(p)
		parts = append(parts, n)
	}
	return strings.Join(append(parts, name), ".")
}

func headerOf(t string) (string, bool) {
	switch {
	case strings.HasPrefix(t, "[["):
		h, _, _ := strings.Cut(t[2:], "]]")
		return strings.TrimSpace(h), true
	case strings.HasPrefix(t, "["):
		h, _, _ := strings.Cut(t[1:], "]")
		return strings.TrimSpace(h), false
	}
	return "", false
}

func keyOf(t string) string {
	k, _, ok := strings.Cut(t, "=")
	if !ok || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "[") {
		return ""
	}
	k = strings.TrimSpace(k)
	k, _, _ = strings.Cut(k, ".")
	return strings.Trim(k, `"'`)
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return l
}

func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	if len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z' {
		return s // an initialism such as TOML
	}
	return strings.ToLower(s[:1]) + s[1:]
}
