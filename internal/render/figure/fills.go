package figure

import (
	"strings"
	"sync"

	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
)

// A section's body filled with its figures depends on the page only
// through how deep its folder is (links are relative: addr.Rel) and on
// whether the page is the one-file report. The section's own page, the full
// report and both columns of the parallel text are in a language folder:
// they can share one filling.

type fillKey struct {
	sec   *content.Section
	lang  string
	depth int
}

type fillEntry struct {
	once   sync.Once
	chunks []markdown.Chunk
	err    error
}

// ShareFills has Filled make each section's body once per language and
// folder depth and keep it until ReleaseMarked, for a build whose section
// pages and whole pages are made together, section by section (the stream
// of internal/render), and whose tables then are asked for once per
// placement and language (see Showings). Without it Filled fills every
// time.
func (b *Maker) ShareFills() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.fills = map[fillKey]*fillEntry{}
}

// Filled returns section sec's body in l with its figures filled as page pg
// shows them: fill makes it. Pages in folders of the same depth share one
// (see ShareFills); the one-file report has its own. The chunks are shared:
// callers must not modify them.
func (b *Maker) Filled(sec *content.Section, l lang.Lang, pg Page, fill func() ([]markdown.Chunk, error)) ([]markdown.Chunk, error) {
	b.mu.Lock()
	if b.fills == nil || pg.Single {
		b.mu.Unlock()
		return fill()
	}
	k := fillKey{sec, l.Tag, strings.Count(pg.Path, "/")}
	e := b.fills[k]
	if e == nil {
		e = &fillEntry{}
		b.fills[k] = e
	}
	b.mu.Unlock()
	e.once.Do(func() { e.chunks, e.err = fill() })
	return e.chunks, e.err
}
