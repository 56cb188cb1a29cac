// Package figure renders a report's charts and data tables as HTML
// figures: caption, the chart's SVG with its text alternative, the data as
// an accessible table with downloads, and links from each figure to the
// sentence that states it (and back: Marked).
package figure

import (
	"sync"
	"sync/atomic"

	"reportsite/internal/addr"
	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/load"
)

// Page is the page a figure shows on. Its links to a section page are
// relative to Path; on the one-file report (Single) they are anchors on the
// page itself, and the figure has no script and no downloads.
type Page struct {
	Path   string
	Single bool
}

// Section returns the address, from pg, of section sec's page in l at
// fragment frag (none when ""): on the one-file report, the section's
// anchor, or the fragment's there.
func (pg Page) Section(sec *content.Section, l lang.Lang, frag string) string {
	if pg.Single {
		if frag == "" {
			return "#" + addr.Section(sec.Slug)
		}
		return "#" + addr.InSection(sec.Slug) + frag
	}
	h := addr.Rel(pg.Path, l.Prefix+"/"+sec.Slug+".html")
	if frag != "" {
		h += "#" + frag
	}
	return h
}

// Link is a link with its text.
type Link struct {
	Href, Text string
}

// Maker makes the figures of one site. It draws each chart once per
// language and each table once per language and folder, however many pages
// show them; it is safe for concurrent use.
type Maker struct {
	site   *content.Site
	m      *load.Model
	exec   func(kind string, data any) ([]byte, error)
	ui     func(key string, l lang.Lang) string
	title  func(sec *content.Section, l lang.Lang) string
	charts *chartCache
	mu     sync.Mutex
	tables map[tableKey]*tableEntry
	marked map[markKey]*markEntry // see Marked
	ids    map[markKey]*idsEntry  // see SectionIDs
	fills  map[fillKey]*fillEntry // see Filled; nil unless ShareFills
	// builtinTable: table figures are written by writeTable, not the
	// template (see BuiltinTable).
	builtinTable bool
	// perPlacement and perTable count the pages that show a table (see
	// Showings); nil when not told.
	perPlacement func(l lang.Lang) int
	perTable     int
	placed       map[[2]string]int // table ID and language tag → sections placing it

	stopDraw atomic.Bool // DrawAll draws no further chart (StopDrawing)
}

// New returns the Maker of the site in m. charts draws a chart (nil: a
// chart shows as its data table only); exec runs the template "figure" or
// "table" on its data; ui returns an interface string in a language; title
// names a section in a language.
func New(m *load.Model, charts ChartFunc, exec func(kind string, data any) ([]byte, error),
	ui func(key string, l lang.Lang) string, title func(sec *content.Section, l lang.Lang) string) *Maker {
	return &Maker{site: m.Site, m: m, exec: exec, ui: ui, title: title,
		charts: &chartCache{fn: charts, m: map[chartKey]*chartEntry{}}, tables: map[tableKey]*tableEntry{}, marked: map[markKey]*markEntry{}, ids: map[markKey]*idsEntry{}}
}
