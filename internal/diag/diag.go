// Package diag collects content problems with their positions, so that one run
// can report every problem, sorted, each with a hint how to fix it.
//
// The root of every path a build reports is the site folder, the folder
// given to -src: content/en/01-x.md:14:1, static/site.css,
// templates/section.html. Inside a build, the stages that read the content
// folder (content, load, check) name its files from it, and the build
// (package site) puts content/ before them with Under.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity tells whether a problem stops the build.
type Severity int

const (
	// Error stops the build; nothing is written.
	Error Severity = iota
	// Warning is reported but does not stop the build.
	Warning
)

// Diag is one problem at one place in the content.
type Diag struct {
	// File is the file's path from the site folder (the folder given to
	// -src), slash-separated: content/en/01-x.md, static/site.css. The
	// packages that read the content folder name its files from there
	// (en/01-x.md); package site puts content/ before them (Under).
	File     string
	Line     int    // 1-based; 0 when the problem concerns the whole file
	Col      int    // 1-based; 0 when unknown
	Msg      string // what is wrong, lower case, no final period
	Hint     string // how to fix it; may be empty
	Severity Severity
}

// Pos returns the position as file:line:col, leaving out what is unknown.
func (d Diag) Pos() string {
	switch {
	case d.Line > 0 && d.Col > 0:
		return fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Col)
	case d.Line > 0:
		return fmt.Sprintf("%s:%d", d.File, d.Line)
	}
	return d.File
}

// String formats the problem as a compiler would, the hint on its own line.
func (d Diag) String() string {
	var b strings.Builder
	b.WriteString(d.Pos())
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Msg)
	if d.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// List collects problems. The zero value is ready to use.
type List struct {
	items []Diag
}

// Add records a problem.
func (l *List) Add(d Diag) { l.items = append(l.items, d) }

// Errorf records an error at file:line with a hint.
func (l *List) Errorf(file string, line int, hint, format string, args ...any) {
	l.Add(Diag{File: file, Line: line, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf records a warning at file:line with a hint.
func (l *List) Warnf(file string, line int, hint, format string, args ...any) {
	l.Add(Diag{File: file, Line: line, Msg: fmt.Sprintf(format, args...), Hint: hint, Severity: Warning})
}

// Merge appends the problems of another list.
func (l *List) Merge(o *List) {
	if o != nil {
		l.items = append(l.items, o.items...)
	}
}

// Items returns the problems sorted by file, line, column and message,
// without exact duplicates.
func (l *List) Items() []Diag { return sorted(slices.Clone(l.items)) }

// Under returns ds with dir/ put before each file named from a folder inside
// dir (the content folder inside the site folder), sorted again: every file
// that does not start with one of the prefixes in from (the folders already
// named from dir, such as "static/") and is not empty.
func Under(ds []Diag, dir string, from ...string) []Diag {
	out := make([]Diag, len(ds))
	for i, d := range ds {
		if d.File != "" && !slices.ContainsFunc(from, func(p string) bool { return strings.HasPrefix(d.File, p) }) {
			d.File = dir + "/" + d.File
		}
		out[i] = d
	}
	return sorted(out)
}

func sorted(out []Diag) []Diag {
	slices.SortStableFunc(out, func(a, b Diag) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.Compact(out)
}

// Errors counts the problems that stop the build.
func (l *List) Errors() int {
	n := 0
	for _, d := range l.items {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Err returns the list as an error when it holds at least one error, else nil.
func (l *List) Err() error {
	if l.Errors() == 0 {
		return nil
	}
	return &ListError{Diags: l.Items()}
}

// ListError is the error a build returns for content problems.
type ListError struct {
	Diags []Diag
}

// Errors counts the problems that stop the build.
func (e *ListError) Errors() int {
	n := 0
	for _, d := range e.Diags {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

func (e *ListError) Error() string {
	var b strings.Builder
	n := e.Errors()
	for _, d := range e.Diags {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "%d error(s)", n)
	return b.String()
}
