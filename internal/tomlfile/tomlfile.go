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
	"sync"

	"github.com/BurntSushi/toml"

	"reportsite/internal/controls"
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
// text, not the decoder's metadata (which holds a second copy of every
// value): a report may have thousands of tables. The key index is built in
// one pass on the first lookup, so locating every key of a file is linear.
// A File may be used from several goroutines.
type File struct {
	Name   string
	src    string
	offset int
	mu     sync.Mutex // guards idx and starts, made on first use
	idx    *index
	starts []int // where each line begins, for Line
}

// New returns a locator for the TOML text src, for callers that decode it
// themselves; lines are 1-based within src.
func New(name string, src []byte) *File {
	return &File{Name: name, src: string(src)}
}

// Decode decodes src into v. Problems are added to dl with positions in name;
// lineOffset is added to every line (for TOML front matter inside another file).
// known lists the keys v accepts at each table path, for "did you mean" hints;
// it may be nil. Decode returns nil when the text could not be parsed.
func Decode(name string, src []byte, lineOffset int, v any, dl *diag.List) *File {
	md, err := toml.NewDecoder(strings.NewReader(string(src))).Decode(v)
	f := New(name, src)
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
	f.offset = lineOffset
	checkControls(name, src, lineOffset, dl)
	return f
}

// Line returns the text of the 1-based line n (the line offset included), or
// "" when there is none.
func (f *File) Line(n int) string {
	if f == nil {
		return ""
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.starts == nil {
		f.starts = []int{0}
		for i := 0; i < len(f.src); i++ {
			if f.src[i] == '\n' {
				f.starts = append(f.starts, i+1)
			}
		}
	}
	n -= f.offset
	if n < 1 || n > len(f.starts) {
		return ""
	}
	end := len(f.src)
	if n < len(f.starts) {
		end = f.starts[n] - 1
	}
	return f.src[f.starts[n-1]:end]
}

// checkControls reports the control characters in the file's strings as
// errors and the bidirectional controls as warnings.
func checkControls(name string, src []byte, lineOffset int, dl *diag.List) {
	for _, c := range controls.TOML(src) {
		d := diag.Diag{File: name, Line: c.Line + lineOffset, Col: c.Col}
		if c.Bidi {
			d.Severity = diag.Warning
			d.Msg = "bidirectional control " + c.Name() + " in a string"
			d.Hint = "remove it unless the text needs it: it can make text display in another order than it is stored"
		} else {
			d.Msg = "control character " + c.Name() + " in a string"
			d.Hint = `remove it: control characters are invisible and break pages and downloads (write \t or \n only where meant)`
		}
		dl.Add(d)
	}
}

// Compact drops the index of keys and lines that KeyLine and Line made,
// to save memory while they are not needed; they make it again when asked.
func (f *File) Compact() {
	if f != nil {
		f.mu.Lock()
		f.idx, f.starts = nil, nil
		f.mu.Unlock()
	}
}

// Release drops the text and the index: KeyLine returns 1 and Line ""
// afterwards. For callers that will ask for no line again.
func (f *File) Release() {
	if f != nil {
		f.mu.Lock()
		f.src, f.idx, f.starts = "", nil, nil
		f.mu.Unlock()
	}
}

// KeyLine returns the 1-based line where the key path is set, looking inside
// the idx-th element of arrays of tables when the path element is written as
// "name[idx]" (for example "rows[3]", "value"); without an index, the first
// element that sets the key is found. A key missing from an element points at
// the element's header; a key inside an inline table or a dotted key points at
// the line of the nearest key that encloses it. It returns 1 when unknown.
func (f *File) KeyLine(path ...string) int {
	if f == nil || len(path) == 0 {
		return 1
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.idx == nil {
		f.idx = buildIndex(f.src)
	}
	if line := f.idx.find(path); line > 0 {
		return line + f.offset
	}
	return 1
}

// TableLine returns the 1-based line of a table's header, such as
// TableLine("rows[2]") for the third [[rows]]; 0 when there is none.
func (f *File) TableLine(path ...string) int {
	if f == nil {
		return 0
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.idx == nil {
		f.idx = buildIndex(f.src)
	}
	if line := f.idx.tables[strings.Join(path, ".")]; line > 0 {
		return line + f.offset
	}
	return 0
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
