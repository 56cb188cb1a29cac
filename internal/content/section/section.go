// Package section reads a report's section files: one Markdown file per
// top-level section and hand-written language, <lang>/NN-slug.md, which
// starts with TOML front matter between +++ lines. Translations pair by
// file name; the rest of the content format is in package content.
//
//	+++
//	title = "重點工作及亮點成效"     # page title, without the report's numbering
//	number = "一、"                  # the report's own numbering, shown before the title
//	summary = "…"                    # optional, for the overview's contents and meta description
//	[[allow_numbers]]                # numbers that legitimately differ between languages
//	value = "19"
//	reason = "十九屆 is 'the 19th Central Committee'"
//	+++
//	Lead-in paragraph.
//
//	## (一)抓實體強根基,經濟發展穩中提質
//
//	**主要指標逆勢上揚。**1-11月份,……
//
//	```chart growth-rates
//	```
//
//	```table fiscal
//	```
//
// Headings take the report's own numbering. Heading IDs come from their position
// (h-1, h-1-2, …), so a sub-section has the same anchor in every language; an
// explicit {#id} attribute overrides it, but may not look like a position
// ID or a paragraph anchor. Paragraphs, list items and tables are numbered
// likewise (p-1, p-2, …), so a search result or a figure's source links to
// the same paragraph in every language. Raw HTML is escaped.
//
// Links are checked where they are written: [see](#h-1) must name an anchor
// of the section (a heading, p-N, fn:N, fig-<chart>, tbl-<table>),
// [plans](plans.html#h-2) a section by its slug and one of its anchors,
// [CSV](data/<table>.csv) and [JSON](../data/<table>.json) a table, and a
// link out of the site an http, https, mailto or tel address; links to the
// other pages (index.html, report.html, data.html#tbl-<table>, about.html)
// are checked in the built pages, at the same line.
//
// A translator's gloss, which is not the report's words, is written
// [[tn: text]] on one line. It is shown in square brackets in a lighter style,
// announced to screen readers as a translator's note, listed on the About
// page, and never read by the number and terminology checks.
//
//	Working "5+2" [[tn: five weekdays plus the weekend]] for 10 months
package section

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/controls"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/par"
	"reportsite/internal/sitefs"
	"reportsite/internal/tomlfile"
)

// Section is one top-level section of the report in every language.
type Section struct {
	ID    string // file name without .md, e.g. 01-achievements
	Slug  string // ID without its order prefix, e.g. achievements
	Texts map[string]*Text
}

// Text is a section in one language.
type Text struct {
	File    string // path from the content folder, slash-separated
	Title   string
	Number  string
	Summary string
	Allow   []Allow
	// AllowTerms excuses glossary terms this section does not render.
	AllowTerms []dataset.AllowTerm
	Body       []byte // Markdown after the front matter; nil once released (ReleaseBody)
	BodyLine   int    // lines before the body in the file
	Derived    bool
	bodyLines  int // the body's line breaks, counted when it is released
}

// ReleaseBody lets the body go once it is parsed; EndLine still knows
// where it ended.
func (t *Text) ReleaseBody() {
	if t.Body != nil {
		t.bodyLines = bytes.Count(t.Body, []byte("\n"))
		t.Body = nil
	}
}

// EndLine is the file's line where the body ends (its last line break's).
func (t *Text) EndLine() int {
	if t.Body == nil {
		return t.BodyLine + t.bodyLines
	}
	return t.BodyLine + bytes.Count(t.Body, []byte("\n"))
}

// Allow excuses a number that legitimately differs between languages.
type Allow struct {
	Value  string `toml:"value"`
	Reason string `toml:"reason"`
	Line   int    `toml:"-"`
}

type frontMatter struct {
	Title   string              `toml:"title"`
	Number  string              `toml:"number"`
	Summary string              `toml:"summary"`
	Allow   []Allow             `toml:"allow_numbers"`
	Terms   []dataset.AllowTerm `toml:"allow_terms"`
}

var sectionName = regexp.MustCompile(`^(\d{1,4})-([a-z0-9][a-z0-9-]{0,63})\.md$`)

// Reserved returns the names a section's slug and a language's prefix may
// not take: folders and pages of the built site.
func Reserved() []string {
	return []string{addr.Data, addr.Static, "vendor", "index", "assets", addr.Seeds}
}

// Load reads the section files of every language in langs (hand-written
// ones) from fsys, each <lang>/NN-slug.md, and pairs them by file name into
// sections, in file-name order. A file named otherwise, a section missing
// in a language and two sections with one slug are errors.
func Load(fsys fs.FS, langs []lang.Lang, dl *diag.List) []*Section {
	// List the files first, then read and decode them in parallel, each
	// into its own list of problems, and take them in order.
	type file struct {
		lang     lang.Lang
		name, id string
		slug     string
		text     *Text
		problems diag.List
	}
	var files []*file
	for _, l := range langs {
		entries, err := fs.ReadDir(fsys, l.Tag)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			dl.Errorf(l.Tag, 0, sitefs.Hint(err, "check the folder's permissions"), "cannot read the section folder for language %s: %v", l.Tag, sitefs.Cause(err))
			continue
		}
		if err != nil {
			dl.Errorf(l.Tag, 0, "create the folder "+l.Tag+"/ with one NN-slug.md file per section", "no section folder for language %s", l.Tag)
			continue
		}
		for _, e := range entries {
			name := path.Join(l.Tag, e.Name())
			if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			if !strings.HasSuffix(e.Name(), ".md") {
				continue
			}
			m := sectionName.FindStringSubmatch(e.Name())
			if m == nil || slices.Contains(Reserved(), m[2]) || slices.Contains(addr.PageNames(), m[2]) {
				dl.Errorf(name, 0, "name section files NN-slug.md with a number, a hyphen and a slug of lower-case letters, digits and hyphens (not a page name such as data, about, report), e.g. 02-economy.md", "bad section file name %q", e.Name())
				continue
			}
			files = append(files, &file{lang: l, name: name, id: strings.TrimSuffix(e.Name(), ".md"), slug: m[2]})
		}
	}
	par.Do(0, len(files), func(i int) {
		f := files[i]
		f.text = Read(fsys, f.name, &f.problems)
	})
	byID := map[string]*Section{}
	for _, f := range files {
		dl.Merge(&f.problems)
		if f.text == nil {
			continue
		}
		sec := byID[f.id]
		if sec == nil {
			sec = &Section{ID: f.id, Slug: f.slug, Texts: map[string]*Text{}}
			byID[f.id] = sec
		}
		sec.Texts[f.lang.Tag] = f.text
	}
	var out []*Section
	ids := slices.Sorted(maps.Keys(byID))
	slugs := map[string]string{}
	for _, id := range ids {
		sec := byID[id]
		if o, ok := slugs[sec.Slug]; ok {
			dl.Errorf(anyFile(sec, langs), 0, "give each section its own slug", "sections %s and %s share slug %q", o, id, sec.Slug)
		}
		slugs[sec.Slug] = id
		for _, l := range langs {
			if sec.Texts[l.Tag] == nil {
				dl.Errorf(path.Join(l.Tag, id+".md"), 0, fmt.Sprintf("translate %s into %s: translations pair by file name", anyFile(sec, langs), l.Tag), "section %s has no %s text", id, l.Tag)
			}
		}
		out = append(out, sec)
	}
	if len(out) == 0 {
		dl.Errorf(addr.SiteTOML, 0, "add sections as <lang>/01-slug.md", "the report has no sections")
	}
	return out
}

func anyFile(sec *Section, langs []lang.Lang) string {
	for _, l := range langs {
		if t := sec.Texts[l.Tag]; t != nil {
			return t.File
		}
	}
	return sec.ID
}

// Read reads the section file name from fsys: its front matter and its
// Markdown body, whose control characters are reported here.
func Read(fsys fs.FS, name string, dl *diag.List) *Text {
	src, ok := sitefs.ReadText(fsys, name, dl)
	if !ok {
		return nil
	}
	fm, body, bodyLine, err := SplitFrontMatter(src)
	if err != nil {
		dl.Errorf(name, 1, "start the file with a line +++, the TOML front matter, and another +++ line", "%v", err)
		return nil
	}
	var m frontMatter
	f := tomlfile.Decode(name, fm, 1, &m, dl)
	if f == nil {
		return nil
	}
	if strings.TrimSpace(m.Title) == "" {
		dl.Errorf(name, 2, `add title = "…" to the front matter`, "section has no title")
	}
	for i := range m.Allow {
		m.Allow[i].Line = f.KeyLine(fmt.Sprintf("allow_numbers[%d]", i), "value")
		if m.Allow[i].Value == "" || strings.TrimSpace(m.Allow[i].Reason) == "" {
			dl.Errorf(name, m.Allow[i].Line, `write value = "19" and reason = "why it differs"`, "allow_numbers entry %d needs a value and a reason", i+1)
		}
	}
	for _, c := range controls.Markdown(body) {
		if c.Bidi {
			dl.Add(diag.Diag{File: name, Line: bodyLine + c.Line, Col: c.Col, Severity: diag.Warning,
				Msg:  "bidirectional control " + c.Name() + " in the text",
				Hint: "remove it unless the text needs it: it can make text display in another order than it is stored"})
			continue
		}
		dl.Add(diag.Diag{File: name, Line: bodyLine + c.Line, Col: c.Col,
			Msg:  "control character " + c.Name() + " in the text",
			Hint: "remove it: control characters are invisible and break pages and downloads"})
	}
	dataset.CheckAllowTerms(m.Terms, f, nil, dl)
	return &Text{File: name, Title: m.Title, Number: m.Number, Summary: m.Summary, Allow: m.Allow, AllowTerms: m.Terms, Body: body, BodyLine: bodyLine}
}

// SplitFrontMatter splits a section file into its TOML front matter and its
// Markdown body; bodyLine counts the lines before the body.
func SplitFrontMatter(src []byte) (fm, body []byte, bodyLine int, err error) {
	const delim = "+++"
	rest, ok := bytes.CutPrefix(src, []byte(delim))
	if !ok {
		return nil, nil, 0, fmt.Errorf("no front matter: the first line must be +++")
	}
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 || len(bytes.TrimSpace(rest[:nl])) != 0 {
		return nil, nil, 0, fmt.Errorf("the first line must be +++ alone")
	}
	rest = rest[nl+1:]
	off := 0
	for {
		end := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if end >= 0 {
			line = rest[off : off+end]
		}
		if string(bytes.TrimRight(line, " \t\r")) == delim {
			fm = rest[:off]
			if end < 0 {
				body = nil
			} else {
				body = rest[off+end+1:]
			}
			return fm, body, bytes.Count(src[:len(src)-len(body)], []byte("\n")), nil
		}
		if end < 0 {
			return nil, nil, 0, fmt.Errorf("front matter is not closed by a +++ line")
		}
		off += end + 1
	}
}
