// Package report reads the report's metadata, site.toml's [report] table:
// publisher, period, date, the original source and further sources, notes
// for readers, the licence and the errata; and checks each key where it is
// written.
package report

import (
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"reportsite/internal/addr"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/tomlfile"
)

// Report is the report's metadata.
type Report struct {
	Publisher      lang.Text `toml:"publisher"`
	Period         lang.Text `toml:"period"`
	Date           string    `toml:"-"`
	RawDate        any       `toml:"date"`
	EditorialTitle bool      `toml:"editorial_title"`
	// ErrataIntro introduces the corrections on the About page; without it
	// the page says only that they are corrections, each with its reason.
	ErrataIntro lang.Text `toml:"errata_intro"`
	Unofficial  []string  `toml:"unofficial"`
	Source      Source    `toml:"source"`
	// Sources are further publications the figures come from, shown on
	// the About page and recorded in the archive's MANIFEST.json.
	Sources []Source    `toml:"sources"`
	Notes   []lang.Text `toml:"notes"`   // notes for readers, one paragraph each
	Licence lang.Text   `toml:"licence"` // the terms the text and figures may be reused on
	Contact string      `toml:"contact"` // whom to tell about a mistake: an e-mail or web address
	Errata  []Erratum   `toml:"errata"`
}

// Date is a calendar date, written as a TOML local date (2023-11-17) or a
// string of that form.
type Date string

// UnmarshalTOML reads a TOML date or a YYYY-MM-DD string.
func (d *Date) UnmarshalTOML(v any) error {
	var s string
	switch v := v.(type) {
	case time.Time:
		s = v.Format("2006-01-02")
	case string:
		s = v
	default:
		return fmt.Errorf("date is a %T, want a date such as 2023-11-17", v)
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return fmt.Errorf("date %q is not a date such as 2023-11-17", s)
	}
	*d = Date(s)
	return nil
}

// Source is where the report was published.
type Source struct {
	Title      lang.Text `toml:"title"`
	URL        string    `toml:"url"`
	Breadcrumb lang.Text `toml:"breadcrumb"`
	Seed       string    `toml:"seed"`
	Publisher  lang.Text `toml:"publisher"`
	Published  Date      `toml:"published"` // when the source was published
	// Corrections is the seed's manual correction recipe (internal/seed).
	Corrections string `toml:"corrections"`
	// Kind says what URL is: the publisher's site, the page where the
	// report was found, or the report itself (SourceKinds).
	Kind string `toml:"kind"`
	// Captured is the date the seed was captured, when known.
	Captured    string `toml:"-"`
	RawCaptured any    `toml:"captured"`
	// Editorial lists the conventions applied in deriving the sections
	// from the cleaned seed (EditorialConventions), shown among the errata.
	Editorial []string `toml:"editorial"`
}

// SourceKinds are the kinds of source address, [report.source] kind.
var SourceKinds = []string{"site", "listing", "report"}

// EditorialConventions are the conventions [report.source] editorial may
// name: the final 。 of a heading dropped, run-in headings split into bold
// leads of their paragraphs.
var EditorialConventions = []string{"heading-stops", "run-in-headings"}

// Erratum is one correction made to the source text.
type Erratum struct {
	Original  string    `toml:"original"`
	Corrected string    `toml:"corrected"`
	Reason    lang.Text `toml:"reason"`
}

// TextCheck reports the missing and unknown languages of a text of
// site.toml, written at line; what names its key.
type TextCheck func(t lang.Text, what string, line int, required bool)

// Check reports every problem of the [report] table, f holding site.toml's
// positions and langs the site's languages; it also sets Date and
// Source.Captured from what was written.
func (r *Report) Check(f *tomlfile.File, langs []lang.Lang, text TextCheck, dl *diag.List) {
	text(r.Publisher, "report.publisher", f.KeyLine("report", "publisher"), false)
	text(r.Period, "report.period", f.KeyLine("report", "period"), false)
	text(r.ErrataIntro, "report.errata_intro", f.KeyLine("report", "errata_intro"), false)
	text(r.Licence, "report.licence", f.KeyLine("report", "licence"), false)
	for i, n := range r.Notes {
		text(n, fmt.Sprintf("report.notes[%d]", i), f.KeyLine("report", "notes"), true)
	}
	for i, src := range r.Sources {
		at := fmt.Sprintf("report.sources[%d]", i)
		text(src.Title, at+".title", f.KeyLine("report", fmt.Sprintf("sources[%d]", i), "title"), true)
		text(src.Publisher, at+".publisher", f.KeyLine("report", fmt.Sprintf("sources[%d]", i), "publisher"), false)
		if src.URL != "" && !regexp.MustCompile(`^https?://[^\s"'<>]+$`).MatchString(src.URL) {
			dl.Errorf(addr.SiteTOML, f.KeyLine("report", fmt.Sprintf("sources[%d]", i), "url"), "write the full http(s) address of the page", "source url %q is not an http(s) URL", src.URL)
		}
	}
	text(r.Source.Title, "report.source.title", f.KeyLine("report", "source", "title"), false)
	text(r.Source.Breadcrumb, "report.source.breadcrumb", f.KeyLine("report", "source", "breadcrumb"), false)
	if u := r.Source.URL; u != "" && !HTTPURL(u) {
		dl.Errorf(addr.SiteTOML, f.KeyLine("report", "source", "url"), "write the full http(s) address of the original page", "source url %q is not an http(s) URL", u)
	}
	for key, p := range map[string]string{"seed": r.Source.Seed, "corrections": r.Source.Corrections} {
		if p != "" && !InsidePath(p) {
			dl.Errorf(addr.SiteTOML, f.KeyLine("report", "source", key), `name a file inside the site folder, relative to it, e.g. `+key+` = "seeds/report.txt"`, "%s %q is not a path inside the site", key, p)
		}
	}
	switch d := r.RawDate.(type) {
	case nil:
	case string:
		r.Date = d
	default:
		r.Date = fmt.Sprint(d)
	}
	if r.Date != "" && !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`).MatchString(r.Date) {
		dl.Errorf(addr.SiteTOML, f.KeyLine("report", "date"), "write date = 2021-12-10 (a TOML date)", "report date %q is not a date", r.Date)
	}
	if len(r.Date) > 10 {
		r.Date = r.Date[:10]
	}
	src := &r.Source
	if src.Kind != "" && !slices.Contains(SourceKinds, src.Kind) {
		dl.Errorf(addr.SiteTOML, f.KeyLine("report", "source", "kind"), "use one of: "+strings.Join(SourceKinds, ", "), "source kind %q is unknown", src.Kind)
	}
	switch d := src.RawCaptured.(type) {
	case nil:
	case string:
		src.Captured = d
	default:
		src.Captured = fmt.Sprint(d)
	}
	if src.Captured != "" && !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`).MatchString(src.Captured) {
		dl.Errorf(addr.SiteTOML, f.KeyLine("report", "source", "captured"), "write captured = 2021-12-10 (a TOML date)", "source capture date %q is not a date", src.Captured)
	}
	if len(src.Captured) > 10 {
		src.Captured = src.Captured[:10]
	}
	for _, c := range src.Editorial {
		if !slices.Contains(EditorialConventions, c) {
			dl.Errorf(addr.SiteTOML, f.KeyLine("report", "source", "editorial"), "use: "+strings.Join(EditorialConventions, ", "), "editorial convention %q is unknown", c)
		}
	}
	for _, tag := range r.Unofficial {
		if !slices.ContainsFunc(langs, func(l lang.Lang) bool { return l.Tag == tag }) {
			dl.Errorf(addr.SiteTOML, f.KeyLine("report", "unofficial"), "name language tags from [[languages]]", "unofficial names unknown language %q", tag)
		}
	}
	for i, e := range r.Errata {
		at := fmt.Sprintf("errata[%d]", i)
		if e.Original == "" || e.Corrected == "" {
			dl.Errorf(addr.SiteTOML, f.KeyLine("report", at, "original"), "give original and corrected text", "erratum %d is incomplete", i+1)
		}
		text(e.Reason, "reason", f.KeyLine("report", at, "reason"), true)
	}
}

// HTTPURL reports whether u is an absolute http or https URL with a host and
// nothing a browser or an XML file would read differently: printable
// characters only (no control, space or other white space such as U+0085 and
// U+2028, no format character, no noncharacter such as U+FFFE), no quote or
// angle bracket, and no user name or password.
func HTTPURL(u string) bool {
	for _, r := range u {
		if r == ' ' || !unicode.IsPrint(r) || strings.ContainsRune("\"'<>\\`", r) {
			return false
		}
	}
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != "" && p.User == nil && p.Opaque == ""
}

// InsidePath reports whether p names a file inside the site folder: a
// relative, slash-separated path without . or .. parts, backslashes, drive
// letters or control characters.
func InsidePath(p string) bool {
	if !fs.ValidPath(p) || p == "." || strings.ContainsAny(p, "\\:") {
		return false
	}
	for _, r := range p {
		if r < ' ' || r == 0x7F || unicode.IsControl(r) {
			return false
		}
	}
	return true
}
