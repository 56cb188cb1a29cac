package render

import (
	"regexp"
	"strconv"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/linkcheck"
	"reportsite/internal/markdown"
	"reportsite/internal/render/view"
)

// quotedRe finds the link or ID a link-check message is about.
var quotedRe = regexp.MustCompile(`^(?:link|duplicate id) ("(?:[^"\\]|\\.)*")`)

// placeProblem names the source of a problem found in a built page: the
// section file and line whose Markdown wrote the link or ID, or else the
// template of the page.
func (b *builder) placeProblem(p linkcheck.Problem) diag.Diag {
	d := diag.Diag{File: "templates/" + b.kindAt(p.Page) + ".html", Msg: "in the built page " + p.Page + ": " + p.Msg,
		Hint: "fix the template, or the content it shows, that produces it"}
	m := quotedRe.FindStringSubmatch(p.Msg)
	if m == nil {
		return d
	}
	val, err := strconv.Unquote(m[1])
	if err != nil {
		return d
	}
	attr := ` href="`
	if strings.HasPrefix(p.Msg, "duplicate id") {
		attr = ` id="`
	}
	for _, c := range b.pageSections(p.Page) {
		forms := []string{val}
		anchor, alt := addr.InSection(c.sec.Slug), addr.InSectionAlt(c.sec.Slug)
		for _, pre := range []string{"#" + alt, "#" + anchor, alt, anchor} {
			if rest, ok := strings.CutPrefix(val, pre); ok {
				forms = append(forms, strings.TrimSuffix(pre, strings.TrimPrefix(pre, "#"))+rest)
				break
			}
		}
		sd := b.m.Doc(c.sec, c.lang)
		if sd == nil || sd.Prep == nil {
			continue
		}
		chunks, err := sd.Prep.Fill(nil)
		if err != nil {
			continue
		}
		for _, ch := range chunks {
			var html strings.Builder
			markdown.Write(&html, ch.HTML, nil)
			for _, f := range forms {
				if strings.Contains(html.String(), attr+f+`"`) {
					return diag.Diag{File: sd.Text.File, Line: ch.Line, Msg: d.Msg,
						Hint: "fix the link or ID in the Markdown at this line"}
				}
			}
		}
	}
	return d
}

type pageSection struct {
	sec  *content.Section
	lang lang.Lang
}

// pageSections returns the sections whose Markdown the page at p shows.
func (b *builder) pageSections(p string) []pageSection {
	var out []pageSection
	for _, l := range b.site.Languages {
		dir, file, _ := strings.Cut(p, "/")
		if dir != l.Prefix {
			continue
		}
		langs := []lang.Lang{l}
		switch {
		case file == fileOf("parallel"):
			if o, ok := view.Partner(b.site, l); ok {
				langs = append(langs, o)
			}
		case file == fileOf("report") || p == SinglePath(b.site, l):
		default:
			for _, sec := range b.site.Sections {
				if sec.Slug+".html" == file {
					return []pageSection{{sec, l}}
				}
			}
			return nil
		}
		for _, sec := range b.site.Sections {
			for _, x := range langs {
				out = append(out, pageSection{sec, x})
			}
		}
	}
	return out
}
