// Package addr is the one place that names things in a built site: the
// grammar of the IDs content gives (tables, charts, rows, columns, the
// blocks that show them), the paths of the files a build makes, relative
// links between them, and the anchors on a page.
//
// Anchors on a section's own page:
//
//	h-1, h-1-2   a heading, by its position (level 2 counts first)
//	p-1          paragraph 1 of the section (list items and tables count too)
//	p-1-f2       figure 2 of paragraph 1, which a table or card links to
//	fn:1         a footnote, and fnref:1 its reference (goldmark's)
//	fig-<id>     a chart's figure
//	tbl-<id>     a data table standing on its own
//
// On a page that shows every section (the full report, the parallel text,
// the one-file report) each section's anchor is s-<slug>, and every anchor
// its Markdown defines gets s-<slug>- before it.
package addr

import (
	"regexp"
	"strconv"
	"strings"
)

// IDPattern is the form of table, chart, row, column and unit IDs, and of
// the ID a ```chart or ```table block names: safe in file names, URLs and
// HTML IDs.
var IDPattern = regexp.MustCompile(`^` + idGrammar + `$`)

const idGrammar = `[a-z0-9][a-z0-9_-]{0,63}`

// IDHint says what a valid ID looks like.
const IDHint = "use lower-case letters, digits, hyphens and underscores, starting with a letter or digit"

// ValidID reports whether id matches IDPattern.
func ValidID(id string) bool { return IDPattern.MatchString(id) }

// Rel returns the relative URL from the page at from to the file at to,
// both slash-separated paths from the site root.
func Rel(from, to string) string {
	depth := strings.Count(from, "/")
	var b strings.Builder
	for range depth {
		b.WriteString("../")
	}
	b.WriteString(to)
	return b.String()
}

// CSV is the path of table id's CSV download in the language folder prefix;
// JSON the path of its JSON download (one for all languages).
func CSV(id, prefix string) string { return prefix + "/" + DataDir + id + ".csv" }
func JSON(id string) string        { return DataDir + id + ".json" }

// Heading is the anchor of a heading from the counts of the levels from 2
// down: h-1, h-1-2, …
func Heading(counts []int) string {
	b := make([]byte, 0, 2+4*len(counts))
	b = append(b, 'h')
	for _, c := range counts {
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(c), 10)
	}
	return string(b)
}

// IsHeading reports whether id is a heading's position anchor.
func IsHeading(id string) bool {
	rest, ok := strings.CutPrefix(id, "h-")
	if !ok {
		return false
	}
	for _, part := range strings.Split(rest, "-") {
		if part == "" || strings.Trim(part, "0123456789") != "" {
			return false
		}
	}
	return true
}

// Para returns the anchor of a section's paragraph i (0-based, the index in
// markdown.Doc.Paras): "p-1" for the first. Paragraphs count in the same
// order in every language, so paragraph i of a translation, which the
// checks and the parallel page pair with paragraph i of the original, has
// the same anchor.
func Para(i int) string { return "p-" + strconv.Itoa(i+1) }

// IsPara reports whether id is a paragraph's anchor (see Para).
func IsPara(id string) bool {
	rest, ok := strings.CutPrefix(id, "p-")
	return ok && rest != "" && strings.Trim(rest, "0123456789") == ""
}

// InPara reports whether id is a paragraph's anchor or a figure's in it.
func InPara(id string) bool { return strings.HasPrefix(id, "p-") }

// Figure is the anchor of figure k (1-based) of paragraph i (0-based).
func Figure(i, k int) string { return Para(i) + "-f" + strconv.Itoa(k) }

// FigurePara returns the anchor of the paragraph of the figure anchor id,
// which a table cell links to once the figure is found stated there: p-2
// of p-2-f1, and s-x-p-2 of s-x-p-2-f1 on a page that shows several
// sections; "" when id is not a figure's anchor.
func FigurePara(id string) string {
	i := strings.LastIndex(id, "-f")
	if i < 0 || i+2 == len(id) || strings.Trim(id[i+2:], "0123456789") != "" {
		return ""
	}
	j := strings.LastIndex(id[:i], "p-")
	if j < 0 || !IsPara(id[j:i]) {
		return ""
	}
	return id[:i]
}

// Chart and Table are the anchors of a chart's figure and of a data table
// standing on its own (the data page's tables among them).
func Chart(id string) string { return "fig-" + id }
func Table(id string) string { return "tbl-" + id }

// ChartID is the ID of chart id's ECharts instance, which its option is
// built with; ChartSVG the ID of its SVG drawing in the language folder
// prefix, which prefixes the IDs inside the drawing.
func ChartID(id string) string          { return "chart-" + id }
func ChartSVG(id, prefix string) string { return ChartID(id) + "-" + prefix }

// NotFound is the path from the site root of the page a static host shows
// for a missing file, by the hosts' convention; RootPage the path of the
// page that lets a reader choose a language.
const (
	NotFound = "404.html"
	RootPage = "index.html"
)

// Single returns the path of the one-file report, in the language folder
// prefix, of the site named name ("report" when ""): the whole report with
// its styles and charts inlined, for handing out and archiving.
func Single(name, prefix string) string {
	if name == "" {
		name = "report"
	}
	return prefix + "/" + name + "-" + prefix + ".html"
}

// Section is the anchor of section slug on a page that shows every
// section; InSection is what comes before each anchor of its Markdown there.
// Footnote and FootnoteRef are the IDs goldmark gives a page's nth
// footnote (counted from 1) and the reference to it.
func Footnote(n int) string    { return "fn:" + strconv.Itoa(n) }
func FootnoteRef(n int) string { return "fnref:" + strconv.Itoa(n) }

func Section(slug string) string   { return "s-" + slug }
func InSection(slug string) string { return "s-" + slug + "-" }

// InSectionAlt is what comes before each anchor of the translation beside
// section slug on the parallel page, other than its headings' and
// paragraphs' (which lead to the row's own).
func InSectionAlt(slug string) string { return InSection(slug) + "alt-" }
