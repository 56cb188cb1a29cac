package content

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"reportsite/internal/addr"
	"reportsite/internal/chart"
	_ "reportsite/internal/chart/kinds" // registers every chart type
	"reportsite/internal/content/glossary"
	"reportsite/internal/content/report"
	"reportsite/internal/content/section"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/par"
	"reportsite/internal/sitefs"
	"reportsite/internal/tomlfile"
)

// MaxFileSize is the largest content file read; larger files are errors.
const MaxFileSize = sitefs.MaxFileSize

// Site is a whole report in memory.
type Site struct {
	Title     lang.Text
	Subtitle  lang.Text
	BaseURL   string
	Name      string
	Version   string
	Languages []lang.Lang
	Report    report.Report
	Overview  Overview
	Units     map[string]lang.Unit
	Glossary  []Term
	Sections  []*Section
	Tables    []*dataset.Table
	Charts    map[string]*dataset.Chart
	Conv      *lang.Converter
	// AllowTerms excuses glossary terms in site.toml's texts and cards.
	AllowTerms []AllowTerm

	tables   map[string]*dataset.Table // Tables by ID, filled by Load
	original string                    // tag of the language marked original, if any
	fsys     fs.FS
	siteTOML *tomlfile.File // site.toml's positions, for Patch
}

// Original returns the language the report was published in, against which
// the parity and provenance checks read every figure: the language marked
// original = true, else the first hand-written one.
func (s *Site) Original() lang.Lang {
	src := s.SourceLangs()
	for _, l := range src {
		if l.Tag == s.original {
			return l
		}
	}
	if len(src) > 0 {
		return src[0]
	}
	return lang.Lang{}
}

// AllowTerm excuses one occurrence of a glossary term (see internal/check).
type AllowTerm = dataset.AllowTerm

// Overview says what the overview page shows.
type Overview struct {
	// ChartsTitle heads the overview's charts; empty means the interface's
	// generic heading.
	ChartsTitle lang.Text `toml:"charts_title"`
	Charts      []string  `toml:"charts"`
	Cards       []Card    `toml:"cards"`
}

// Card is a key figure on the overview.
type Card struct {
	Table  string    `toml:"table"`
	Row    string    `toml:"row"`
	Column string    `toml:"column"`
	Detail string    `toml:"detail"`
	Label  lang.Text `toml:"label"`
	Line   int       `toml:"-"`
}

// Term is a glossary entry.
type Term = glossary.Term

// Section is one top-level section of the report in every language.
type Section = section.Section

// Text is a section in one language.
type Text = section.Text

// Allow excuses a number that legitimately differs between languages.
type Allow = section.Allow

type siteFile struct {
	Title     lang.Text           `toml:"title"`
	Subtitle  lang.Text           `toml:"subtitle"`
	BaseURL   string              `toml:"base_url"`
	Name      string              `toml:"name"`
	Version   string              `toml:"version"`
	Languages []langFile          `toml:"languages"`
	Report    report.Report       `toml:"report"`
	Overview  Overview            `toml:"overview"`
	Units     map[string]unitFile `toml:"units"`
	Allow     []AllowTerm         `toml:"allow_terms"`
}

type langFile struct {
	Tag        string `toml:"tag"`
	Name       string `toml:"name"`
	Prefix     string `toml:"prefix"`
	Derive     string `toml:"derive"`
	Conversion string `toml:"conversion"`
	Numbers    string `toml:"numbers"`
	Original   bool   `toml:"original"`
}

var (
	prefixRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,31}$`)
)

// Load reads a site from fsys, whose root holds site.toml. Every problem found
// is returned in the diag list; the Site is nil only when nothing sensible
// could be read.
func Load(fsys fs.FS) (*Site, *diag.List) {
	dl := &diag.List{}
	s := &Site{Conv: lang.NewConverter(), Units: lang.BuiltinUnits(), Charts: map[string]*dataset.Chart{}, fsys: fsys}
	src, ok := sitefs.ReadText(fsys, addr.SiteTOML, dl)
	if !ok {
		return nil, dl
	}
	var sf siteFile
	f := tomlfile.Decode(addr.SiteTOML, src, 0, &sf, dl)
	if f == nil {
		return nil, dl
	}
	s.siteTOML = f
	s.Title, s.Subtitle, s.BaseURL, s.Name, s.Version = sf.Title, sf.Subtitle, sf.BaseURL, sf.Name, sf.Version
	s.Report, s.Overview = sf.Report, sf.Overview
	s.AllowTerms = sf.Allow
	dataset.CheckAllowTerms(s.AllowTerms, f, nil, dl)
	s.loadLanguages(sf, f, dl)
	if len(s.Languages) == 0 {
		return nil, dl
	}
	// The derived languages' dictionaries take milliseconds to load, on
	// first use by fill: they load beside the sections and tables.
	for _, l := range s.Languages {
		if l.Derived() {
			go s.Conv.Prepare(l.Derive, l.Tag)
		}
	}
	s.checkSite(f, dl)
	s.loadUnits(sf, f, dl)
	s.Sections = section.Load(fsys, s.SourceLangs(), dl)
	s.loadTables(fsys, dl)
	s.Glossary = glossary.Load(fsys, s.Languages, s.SourceLangs(), dl)
	s.checkOverview(f, dl)
	s.fill()
	return s, dl
}

func (s *Site) loadUnits(sf siteFile, f *tomlfile.File, dl *diag.List) {
	for _, id := range slices.Sorted(maps.Keys(sf.Units)) {
		uf := sf.Units[id]
		line := f.KeyLine("units", id)
		if _, ok := s.Units[id]; ok {
			dl.Errorf(addr.SiteTOML, line, "choose another id; built-in units: "+strings.Join(slices.Sorted(maps.Keys(lang.BuiltinUnits())), ", "), "unit %q is built in", id)
			continue
		}
		if !addr.ValidID(strings.ToLower(id)) {
			dl.Errorf(addr.SiteTOML, line, `use letters, digits, hyphens and underscores, e.g. [units.visitors]`, "unit ID %q is not a safe ID", id)
			continue
		}
		u := lang.Unit{ID: id, Kind: uf.Kind, Scale: uf.Scale, Words: uf.Words}
		if u.Kind == "" {
			u.Kind = lang.KindPlain
		}
		if !slices.Contains(lang.UnitKinds, u.Kind) {
			dl.Errorf(addr.SiteTOML, f.KeyLine("units."+id, "kind"), "use kind = "+quoteAll(lang.UnitKinds), "unit %q has unknown kind %q", id, u.Kind)
		}
		if u.Scale == "none" {
			u.Scale = lang.ScaleNone
		}
		if u.Scale != lang.ScaleNone && !slices.Contains(lang.UnitScales, u.Scale) {
			dl.Errorf(addr.SiteTOML, f.KeyLine("units."+id, "scale"), "use scale = "+quoteAll(lang.UnitScales), "unit %q has unknown scale %q", id, u.Scale)
		}
		if u.Kind == lang.KindCurrency && u.Words.IsZero() {
			u.Words = lang.Text{lang.Any: id} // an ISO code names itself: NZD 3.2 million
		}
		s.checkText(u.Words, "units."+id+".words", addr.SiteTOML, line, false, dl)
		s.Units[id] = u
	}
}

// unitFile is a unit declared in site.toml: either its words alone, keyed by
// language ([units.firms] zh-Hant = "家"), or words, kind and scale.
type unitFile struct {
	Words lang.Text
	Kind  string
	Scale string
}

// UnmarshalTOML reads either form of a unit, rejecting keys and types it
// does not know so that a typo is not silently ignored.
func (u *unitFile) UnmarshalTOML(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("unit is a %T, want a table: [units.<id>] with words, kind and scale", v)
	}
	_, hasWords := m["words"]
	_, hasKind := m["kind"]
	_, hasScale := m["scale"]
	if !hasWords && !hasKind && !hasScale {
		return u.Words.UnmarshalTOML(m)
	}
	for k, x := range m {
		switch k {
		case "words":
			if err := u.Words.UnmarshalTOML(x); err != nil {
				return fmt.Errorf("words: %w", err)
			}
		case "kind", "scale":
			str, ok := x.(string)
			if !ok {
				return fmt.Errorf("%s is a %T, want a string", k, x)
			}
			if k == "kind" {
				u.Kind = str
			} else {
				u.Scale = str
			}
		default:
			return fmt.Errorf("unknown key %q in a unit; want words, kind or scale", k)
		}
	}
	return nil
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, " | ")
}

func (s *Site) loadLanguages(sf siteFile, f *tomlfile.File, dl *diag.List) {
	if len(sf.Languages) == 0 {
		dl.Errorf(addr.SiteTOML, 1, `add [[languages]] with tag, name and prefix, e.g. tag = "zh-Hant"`, "no languages")
		return
	}
	seen := map[string]bool{}
	for i, lf := range sf.Languages {
		at := fmt.Sprintf("languages[%d]", i)
		l := lang.Lang{Tag: lf.Tag, Name: lf.Name, Prefix: lf.Prefix, Derive: lf.Derive, Numbers: lf.Numbers}
		if l.Tag == "" || strings.ContainsAny(l.Tag, " /\\\"'<>&") {
			dl.Errorf(addr.SiteTOML, f.KeyLine(at, "tag"), `write a BCP 47 tag such as "zh-Hant" or "en"`, "language %d has no valid tag", i+1)
			continue
		}
		if seen[l.Tag] {
			dl.Errorf(addr.SiteTOML, f.KeyLine(at, "tag"), "list each language once", "duplicate language %q", l.Tag)
			continue
		}
		seen[l.Tag] = true
		if l.Name == "" {
			dl.Errorf(addr.SiteTOML, f.KeyLine(at, "tag"), `add name = "…": the language's name in itself`, "language %q has no name", l.Tag)
		}
		switch {
		case slices.Contains(addr.OutputDirs(), l.Prefix):
			dl.Errorf(addr.SiteTOML, f.KeyLine(at, "prefix"), "choose another prefix: the build makes a folder "+l.Prefix+"/ for every language", "language %q has the prefix %q, the name of a folder the build makes", l.Tag, l.Prefix)
		case !prefixRe.MatchString(l.Prefix) || slices.Contains(section.Reserved(), l.Prefix):
			dl.Errorf(addr.SiteTOML, f.KeyLine(at, "prefix"), `use lower-case letters, digits and hyphens, e.g. prefix = "zh-hant"; not `+strings.Join(section.Reserved(), ", "), "language %q has an unsafe prefix %q", l.Tag, l.Prefix)
		}
		if l.Numbers != "" && l.Numbers != lang.StyleCJK && l.Numbers != lang.StyleWestern {
			dl.Errorf(addr.SiteTOML, f.KeyLine(at, "numbers"), `use numbers = "cjk" or "western"`, "language %q has unknown number style %q", l.Tag, l.Numbers)
		}
		s.Languages = append(s.Languages, l)
	}
	for i, l := range s.Languages {
		if !l.Derived() {
			continue
		}
		src := slices.IndexFunc(s.Languages, func(o lang.Lang) bool { return o.Tag == l.Derive })
		line := f.KeyLine(fmt.Sprintf("languages[%d]", i), "derive")
		switch {
		case src < 0:
			dl.Errorf(addr.SiteTOML, line, "name a language listed in site.toml", "language %q derives from unknown language %q", l.Tag, l.Derive)
		case s.Languages[src].Derived():
			dl.Errorf(addr.SiteTOML, line, "derive from a hand-written language", "language %q derives from derived language %q", l.Tag, l.Derive)
		case !lang.CanConvert(l.Derive, l.Tag):
			dl.Errorf(addr.SiteTOML, line, "supported: zh-Hant → zh-Hans, zh-Hans → zh-Hant (s2twp, s2tw, s2hk, s2t), zh-Hans → zh-TW or zh-HK, zh-TW → zh-CN", "no conversion from %s to %s", l.Derive, l.Tag)
		case sf.Languages[i].Conversion != "":
			if err := s.Conv.Choose(l.Derive, l.Tag, sf.Languages[i].Conversion); err != nil {
				dl.Errorf(addr.SiteTOML, f.KeyLine(fmt.Sprintf("languages[%d]", i), "conversion"), "use one of: "+strings.Join(lang.Conversions(l.Derive, l.Tag), ", "), "language %q: %v", l.Tag, err)
			}
		}
	}
	originals := 0
	for i, lf := range sf.Languages {
		if !lf.Original {
			continue
		}
		originals++
		line := f.KeyLine(fmt.Sprintf("languages[%d]", i), "original")
		switch {
		case lf.Derive != "":
			dl.Errorf(addr.SiteTOML, line, "mark the hand-written language the report was published in", "derived language %q cannot be the original", lf.Tag)
		case originals > 1:
			dl.Errorf(addr.SiteTOML, line, "mark one language original = true", "more than one original language")
		default:
			s.original = lf.Tag
		}
	}
	prefixes := map[string]string{}
	for _, l := range s.Languages {
		if o, ok := prefixes[l.Prefix]; ok {
			dl.Errorf(addr.SiteTOML, f.KeyLine("languages"), "give each language its own prefix", "languages %q and %q share prefix %q", o, l.Tag, l.Prefix)
		}
		prefixes[l.Prefix] = l.Tag
	}
}

func (s *Site) checkSite(f *tomlfile.File, dl *diag.List) {
	s.checkText(s.Title, "title", addr.SiteTOML, f.KeyLine("title"), true, dl)
	s.checkText(s.Subtitle, "subtitle", addr.SiteTOML, f.KeyLine("subtitle"), false, dl)
	s.Report.Check(f, s.Languages, func(t lang.Text, what string, line int, required bool) {
		s.checkText(t, what, addr.SiteTOML, line, required, dl)
	}, dl)
	if s.Name != "" && !prefixRe.MatchString(s.Name) {
		dl.Errorf(addr.SiteTOML, f.KeyLine("name"), `use lower-case letters, digits and hyphens, e.g. name = "district-report-2021"`, "name %q is not safe in a file name", s.Name)
	}
	if s.Version != "" && !regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$`).MatchString(s.Version) {
		dl.Errorf(addr.SiteTOML, f.KeyLine("version"), "use letters, digits, dots and hyphens", "version %q is not safe in a file name", s.Version)
	}
	if s.BaseURL != "" && (!report.HTTPURL(s.BaseURL) || !strings.HasSuffix(s.BaseURL, "/")) {
		dl.Errorf(addr.SiteTOML, f.KeyLine("base_url"), `write the full address ending in a slash, e.g. "https://example.org/reports/x/"`, "base_url %q is not an http(s) URL ending in /", s.BaseURL)
	}
}

// checkText reports missing and unknown languages of a text.
func (s *Site) checkText(t lang.Text, what, file string, line int, required bool, dl *diag.List) {
	if t.IsZero() {
		if required {
			dl.Errorf(file, line, fmt.Sprintf("add %s = { %s }", what, s.exampleText()), "%s is missing", what)
		}
		return
	}
	for _, m := range t.Missing(s.Languages) {
		dl.Errorf(file, line, fmt.Sprintf("add %s = \"…\" to %s", m, what), "%s has no %s text", what, m)
	}
	for _, u := range t.Unknown(s.Languages) {
		dl.Errorf(file, line, "use the tags of the hand-written languages; derived languages are converted, never written", "%s has text for unknown or derived language %q", what, u)
	}
}

func (s *Site) exampleText() string {
	var parts []string
	for _, l := range s.Languages {
		if !l.Derived() {
			parts = append(parts, l.Tag+` = "…"`)
		}
	}
	return strings.Join(parts, ", ")
}

// SourceLangs returns the hand-written languages.
func (s *Site) SourceLangs() []lang.Lang {
	var out []lang.Lang
	for _, l := range s.Languages {
		if !l.Derived() {
			out = append(out, l)
		}
	}
	return out
}

// Partner returns the language set beside l on its parallel page: the
// first hand-written language that is neither l nor l's source. A build
// makes l's parallel page only when there is one.
func (s *Site) Partner(l lang.Lang) (lang.Lang, bool) {
	for _, o := range s.SourceLangs() {
		if o.Tag != l.Tag && o.Tag != l.Derive {
			return o, true
		}
	}
	return lang.Lang{}, false
}

func (s *Site) loadTables(fsys fs.FS, dl *diag.List) {
	entries, err := fs.ReadDir(fsys, addr.Data)
	if errors.Is(err, fs.ErrNotExist) {
		return // a report without data tables is fine
	}
	if err != nil {
		dl.Errorf(addr.Data, 0, sitefs.Hint(err, "check the folder's permissions"), "cannot read the data folder: %v", sitefs.Cause(err))
		return
	}
	env := s.tableEnv()
	s.tables = map[string]*dataset.Table{}
	// Decode the files in parallel, each into its own list, then take them
	// in name order.
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".toml") {
			names = append(names, e.Name())
		}
	}
	tables := make([]*dataset.Table, len(names))
	lists := make([]diag.List, len(names))
	par.Do(0, len(names), func(i int) {
		name := path.Join(addr.Data, names[i])
		if src, ok := sitefs.ReadText(fsys, name, &lists[i]); ok {
			tables[i] = dataset.Decode(name, strings.TrimSuffix(names[i], ".toml"), src, env, &lists[i])
		}
	})
	for i, t := range tables {
		dl.Merge(&lists[i])
		if t == nil {
			continue
		}
		name := path.Join(addr.Data, names[i])
		s.Tables = append(s.Tables, t)
		if _, dup := s.tables[t.ID]; !dup {
			s.tables[t.ID] = t
		}
		for i := range t.Charts {
			c := &t.Charts[i]
			if o, ok := s.Charts[c.ID]; ok {
				dl.Errorf(name, c.Line, "give each chart its own id", "chart %q is also defined in %s:%d", c.ID, o.Table.File, o.Line)
				continue
			}
			s.Charts[c.ID] = c
		}
	}
}

// tableEnv is what a data table is decoded against.
func (s *Site) tableEnv() dataset.Env {
	env := dataset.Env{Langs: s.Languages, Units: s.Units, SectionSet: map[string]bool{}, Charts: chart.Types}
	for _, sec := range s.Sections {
		env.Sections = append(env.Sections, sec.ID)
		env.SectionSet[sec.ID] = true
	}
	return env
}

// Table returns the table with ID id.
func (s *Site) Table(id string) (*dataset.Table, bool) {
	if s.tables != nil {
		t, ok := s.tables[id]
		return t, ok
	}
	for _, t := range s.Tables {
		if t.ID == id {
			return t, true
		}
	}
	return nil, false
}

// ReleaseTexts lets go of the sections' Markdown, once it is parsed and
// nothing will parse it again (a build's, not a serve session's): at 5,000
// sections in three languages it was 73 MB alive through the checks, the
// largest live heap of the build.
func (s *Site) ReleaseTexts() {
	for _, sec := range s.Sections {
		for _, t := range sec.Texts {
			t.ReleaseBody()
		}
	}
}

// ReleaseBodies drops the Markdown of every section text, and the text of
// each data table and the index of its keys to their lines (a line asked
// for afterwards is 1). A build calls it once it has parsed and checked the
// sections and tables: a long report's text would otherwise stay in memory
// beside its rendered form, and the index is as large as the table
// decoded.
func (s *Site) ReleaseBodies() {
	s.ReleaseTexts()
	for _, t := range s.Tables {
		t.Lines.Release()
	}
}

// TableIDs returns the IDs of all tables.
func (s *Site) TableIDs() []string {
	var out []string
	for _, t := range s.Tables {
		out = append(out, t.ID)
	}
	return out
}

// ChartIDs returns the IDs of all charts, sorted.
func (s *Site) ChartIDs() []string { return slices.Sorted(maps.Keys(s.Charts)) }

func (s *Site) checkOverview(f *tomlfile.File, dl *diag.List) {
	s.checkText(s.Overview.ChartsTitle, "charts_title", addr.SiteTOML, f.KeyLine("overview", "charts_title"), false, dl)
	for i := range s.Overview.Cards {
		c := &s.Overview.Cards[i]
		at := fmt.Sprintf("cards[%d]", i)
		c.Line = f.KeyLine("overview", at, "table")
		s.checkText(c.Label, "card label", addr.SiteTOML, f.KeyLine("overview", at, "label"), true, dl)
	}
	s.checkOverviewData(f, dl)
}

// checkOverviewData checks that the overview's charts and cards name what
// the tables hold.
func (s *Site) checkOverviewData(f *tomlfile.File, dl *diag.List) {
	for _, id := range s.Overview.Charts {
		if _, ok := s.Charts[id]; !ok {
			hint := "defined: " + strings.Join(s.ChartIDs(), ", ")
			if sg := tomlfile.Suggest(id, s.ChartIDs()); sg != "" {
				hint = fmt.Sprintf("did you mean %q?", sg)
			}
			dl.Errorf(addr.SiteTOML, f.KeyLine("overview", "charts"), hint, "overview chart %q not found", id)
		}
	}
	for i := range s.Overview.Cards {
		c := &s.Overview.Cards[i]
		at := fmt.Sprintf("cards[%d]", i)
		t, ok := s.Table(c.Table)
		if !ok {
			dl.Errorf(addr.SiteTOML, c.Line, "tables: "+strings.Join(s.TableIDs(), ", "), "card %d: table %q not found", i+1, c.Table)
			continue
		}
		r, ok := t.Row(c.Row)
		if !ok {
			dl.Errorf(addr.SiteTOML, f.KeyLine("overview", at, "row"), "name a row id of "+t.File, "card %d: row %q not found in table %s", i+1, c.Row, t.ID)
			continue
		}
		for _, col := range []string{c.Column, c.Detail} {
			if col == "" && col == c.Detail {
				continue
			}
			cc, ok := t.Column(col)
			if !ok || cc.Type != dataset.TypeNumber {
				dl.Errorf(addr.SiteTOML, f.KeyLine("overview", at, "column"), "name a numeric column of "+t.File, "card %d: %q is not a numeric column of table %s", i+1, col, t.ID)
				continue
			}
			if !r.Cell(col).HasNum {
				dl.Errorf(addr.SiteTOML, f.KeyLine("overview", at, "column"), "fill the cell in "+t.File+" or pick another column", "card %d: row %q has no value in column %q", i+1, c.Row, col)
			}
		}
	}
}

// fill derives the texts of derived languages.
func (s *Site) fill() {
	conv := s.Conv.Must
	for _, tx := range []lang.Text{s.Title, s.Subtitle, s.Report.Publisher, s.Report.Period, s.Report.Source.Title, s.Report.Source.Breadcrumb} {
		tx.Fill(s.Languages, conv)
	}
	for _, e := range s.Report.Errata {
		e.Reason.Fill(s.Languages, conv)
	}
	s.Report.ErrataIntro.Fill(s.Languages, conv)
	s.Report.Licence.Fill(s.Languages, conv)
	for _, n := range s.Report.Notes {
		n.Fill(s.Languages, conv)
	}
	for _, src := range s.Report.Sources {
		for _, tx := range []lang.Text{src.Title, src.Breadcrumb, src.Publisher} {
			tx.Fill(s.Languages, conv)
		}
	}
	for _, tx := range []lang.Text{s.Report.Source.Publisher} {
		tx.Fill(s.Languages, conv)
	}
	for _, c := range s.Overview.Cards {
		c.Label.Fill(s.Languages, conv)
	}
	s.Overview.ChartsTitle.Fill(s.Languages, conv)
	for _, u := range s.Units {
		u.Words.Fill(s.Languages, conv)
	}
	for _, t := range s.Glossary {
		t.Text.Fill(s.Languages, conv)
		t.Note.Fill(s.Languages, conv)
	}
	for _, t := range s.Tables {
		t.Fill(s.Languages, conv)
	}
	for _, l := range s.Languages {
		if !l.Derived() {
			continue
		}
		// Sections convert in parallel; each call writes only its own
		// section's map.
		par.Do(0, len(s.Sections), func(i int) {
			s.derive(s.Sections[i], l)
		})
	}
}

// derive sets section sec's text in the derived language l, converted from
// its source language's.
func (s *Site) derive(sec *Section, l lang.Lang) {
	src := sec.Texts[l.Derive]
	if src == nil {
		return
	}
	conv := s.Conv.Must
	sec.Texts[l.Tag] = &Text{
		File: src.File, Derived: true, BodyLine: src.BodyLine, Allow: src.Allow,
		Title:   conv(l.Derive, l.Tag, src.Title),
		Number:  conv(l.Derive, l.Tag, src.Number),
		Summary: conv(l.Derive, l.Tag, src.Summary),
		Body:    []byte(keepDests(string(src.Body), func(t string) string { return conv(l.Derive, l.Tag, t) })),
	}
}

// dests matches the destinations of inline links and images (](dest) and
// of link reference definitions ([label]: dest, not a footnote's [^1]: text):
// the addresses of files.
var dests = regexp.MustCompile(`\]\(\s*(<[^>\n]*>|[^)\s]+)|(?m)^ {0,3}\[[^\]\n^][^\]\n]*\]:[ \t]*(\S+)`)

// keepDests converts the text of Markdown body by conv but leaves link and
// image destinations as written: an image beside a section is one file for
// every language its text is converted to, so 圖表.png must not become 图表.png.
func keepDests(body string, conv func(string) string) string {
	var b strings.Builder
	at := 0
	for _, m := range dests.FindAllStringSubmatchIndex(body, -1) {
		i, j := m[2], m[3]
		if i < 0 {
			i, j = m[4], m[5]
		}
		b.WriteString(conv(body[at:i]))
		b.WriteString(body[i:j])
		at = j
	}
	b.WriteString(conv(body[at:]))
	return b.String()
}

// Locate returns the line and column (1-based, in characters) of the first
// occurrence of needle in file at or after line, for diagnostics about a
// phrase inside a text; when the phrase is not found it returns line and 0.
func (s *Site) Locate(file string, line int, needle string) (int, int) {
	if s.fsys == nil || needle == "" {
		return line, 0
	}
	b, err := fs.ReadFile(s.fsys, file)
	if err != nil {
		return line, 0
	}
	for i, l := range strings.Split(string(b), "\n") {
		if i+1 < line {
			continue
		}
		if j := strings.Index(l, needle); j >= 0 {
			return i + 1, utf8.RuneCountInString(l[:j]) + 1
		}
	}
	return line, 0
}
