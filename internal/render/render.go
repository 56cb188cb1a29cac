package render

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
	"sync/atomic"

	"reportsite/internal/addr"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
	"reportsite/internal/render/data"
	"reportsite/internal/render/figure"
	"reportsite/internal/render/offline"
	"reportsite/internal/render/pages"
	"reportsite/internal/render/searchindex"
	"reportsite/internal/render/stream"
	"reportsite/internal/render/view"
	"reportsite/internal/sitefs"
	"reportsite/templates"
)

// Asset paths, relative to the site root.
const (
	cssPath    = addr.StaticDir + "site.css"
	jsPath     = addr.StaticDir + "charts.js"
	echartsJS  = addr.StaticDir + figure.EChartsScript
	reloadPath = addr.StaticDir + "reload.js"
)

func (b *builder) render(ctx context.Context) error {
	// A full render draws every chart beside the pages, which wait only for
	// the charts they show (if the build has not started drawing already,
	// DrawAhead); with the charts to draw, not cached, what needs none comes
	// first (early), while ECharts compiles and draws.
	drawing := b.change == nil && b.opt.Drawing
	if b.change == nil {
		b.drawAhead()
	}
	var early []job
	if b.change == nil { // the static files and images: an update changes neither
		early = append(early, job{"", b.assets})
	}
	// The pages that hold every section (whole, large). A full render
	// streams them (package stream): each is written as its template runs, in a
	// goroutine of its own, fed section by section by the workers that make
	// the section pages, and each section's prepared text goes once they
	// all have it. An update makes them in one lane that starts with them,
	// so that only one is in memory at a time and none starts last; that
	// lane then joins the others on the rest.
	var st *stream.Stream
	if b.change == nil {
		st = stream.New(streamWindow * b.opt.Workers)
		// Each section's pages are made together (streamSection), so its
		// body is filled once for all of them and let go with it.
		b.fig.ShareFills()
	}
	var whole []wholeJob
	var rest []job
	for _, l := range b.site.Languages {
		if o, ok := b.site.Partner(l); ok {
			whole = append(whole, wholeJob{b.pagePath(addr.KindParallel, l), func(w wholeBuilder) error { return pages.Parallel(w, l, o) }})
		}
		whole = append(whole,
			wholeJob{SinglePath(b.site, l), func(w wholeBuilder) error { return pages.Single(w, l) }},
			wholeJob{b.pagePath(addr.KindReport, l), func(w wholeBuilder) error { return pages.Report(w, l) }},
		)
		rest = append(rest, job{b.pagePath(addr.KindData, l), func() error { return data.Page(b, l) }})
	}
	if drawing {
		early, rest = append(early, rest...), nil
	}
	// The search index comes last: by then the sections' prepared text is
	// gone (stream), so the indexes are not built beside it. Built first,
	// at 1,000 sections in three languages, they made the live heap peak at
	// 118 MB, against 99 MB last (GOGC=25 GODEBUG=gctrace=1). While charts
	// are drawn it comes first: drawing costs more, in time and memory.
	var search []job
	if !b.opt.NoSearch {
		srcs := b.site.SourceLangs()
		var left atomic.Int32
		left.Store(int32(len(srcs)))
		for _, src := range srcs {
			search = append(search, job{addr.SearchDir + src.Prefix, func() error {
				err := b.searchIndex(src)
				if left.Add(-1) == 0 && b.change == nil {
					b.m.ReleaseSearchParas() // the indexes were their last readers
				}
				return err
			}})
		}
	}
	// The About pages come last, once every file's size is known; a full
	// render drafts them first, beside the other pages (offline.Draft).
	b.about = nil
	if b.change == nil {
		rest = append(rest, job{"", func() error {
			b.about = offline.NewDraft(b, sitefs.Overlay(b.opt.Overlay, addr.Templates, b.opt.Templates), templates.FS)
			return nil
		}})
	}
	rest = append(rest, job{addr.KindRoot.Path(), func() error { return pages.Root(b, addr.KindRoot.Path()) }}, job{addr.KindNotFound.Path(), func() error { return pages.NotFound(b, addr.KindNotFound.Path()) }})
	for _, l := range b.site.Languages {
		rest = append(rest,
			job{b.pagePath(addr.KindOverview, l), func() error { return pages.Overview(b, l) }},
		)
	}
	// Section pages and data files, interleaved: creating a file is costly
	// on some file systems, and creations in one folder take turns, so the
	// workers had better write to different folders at once.
	for i := range max(len(b.site.Sections), len(b.site.Tables)) {
		if i < len(b.site.Sections) && st != nil {
			rest = append(rest, job{"", func() error { return b.streamSection(st, i) }})
		}
		for _, l := range b.site.Languages {
			if i < len(b.site.Sections) && st == nil {
				rest = append(rest, job{l.Prefix + "/" + b.site.Sections[i].Slug + ".html", func() error { return pages.Section(b, l, i) }})
			}
		}
		if i < len(b.site.Tables) {
			t := b.site.Tables[i]
			j := job{addr.JSON(t.ID), func() error { return data.Files(b, t) }}
			if drawing {
				early = append(early, j)
			} else {
				rest = append(rest, j)
			}
		}
	}
	if drawing {
		rest = slices.Concat(search, early, rest)
	} else {
		rest = slices.Concat(early, rest, search)
	}
	whole, rest = slices.DeleteFunc(whole, func(j wholeJob) bool { return !b.wanted(j.name) }), b.wantedJobs(rest)
	var wg, streamed sync.WaitGroup
	var mu sync.Mutex
	var first error
	fail := func(name string, err error) {
		if err == nil {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if first == nil {
			if name != "" {
				err = fmt.Errorf("%s: %w", name, err)
			}
			first = err
		}
	}
	work := func(queues ...<-chan job) {
		defer wg.Done()
		for _, q := range queues {
			for j := range q {
				fail(j.name, j.fn())
			}
		}
	}
	var lane []job
	for _, j := range whole {
		if st == nil {
			lane = append(lane, job{j.name, func() error { return j.fn(wholeBuilder{builder: b}) }})
			continue
		}
		pg := st.Page()
		streamed.Add(1)
		go func() {
			defer streamed.Done()
			err := j.fn(wholeBuilder{b, st, pg})
			st.Leave(pg)
			fail(j.name, err)
		}()
	}
	laneQ, restQ := feed(ctx, lane), feed(ctx, rest)
	wg.Add(b.opt.Workers)
	go work(laneQ, restQ)
	for range b.opt.Workers - 1 {
		go work(restQ)
	}
	wg.Wait()
	if st != nil {
		// Every section made has been handed on; a page still waiting for
		// one was cancelled, or failed before it.
		st.End(errors.Join(ctx.Err(), errStreamEnded))
		streamed.Wait()
	}
	if b.drawn != nil {
		<-b.drawn
		b.drawn = nil
	}
	if first == nil && ctx.Err() == nil && (b.change == nil || b.late) {
		first = b.publish() // needs every file: About pages (offline sizes), sitemap, service worker
	}
	if first != nil {
		return first
	}
	return ctx.Err()
}

// streamWindow is how many sections per worker the workers may make ahead
// of the whole page furthest behind (see stream).
const streamWindow = 8

var errStreamEnded = errors.New("render: the sections stopped before the page had them all")

// streamSection makes section i's page in every language and its part of
// every whole page st feeds, then lets go of what only they needed: its
// prepared text and its figures marked.
func (b *builder) streamSection(st *stream.Stream, i int) error {
	sec := b.site.Sections[i]
	st.Wait(i)
	var first error
	for _, l := range b.site.Languages {
		if err := pages.Section(b, l, i); err != nil && first == nil {
			first = fmt.Errorf("%s/%s.html: %w", l.Prefix, sec.Slug, err)
		}
	}
	st.Make(i)
	for _, l := range b.site.Languages {
		// What the one-file report's links to the section ask, kept.
		b.fig.SectionIDs(sec, l, func() *markdown.Prepared { return b.m.Doc(sec, l).Prep })
	}
	b.m.ReleaseSection(sec)
	b.fig.ReleaseMarked(sec)
	return first
}

// wholeJob is a render job that makes a whole page.
type wholeJob struct {
	name string
	fn   func(w wholeBuilder) error
}

// feed returns a channel that yields jobs in order until they run out or
// ctx is cancelled.
func feed(ctx context.Context, jobs []job) <-chan job {
	ch := make(chan job)
	go func() {
		defer close(ch)
		for _, j := range jobs {
			select {
			case ch <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch
}

type job struct {
	name string
	fn   func() error
}

func (b *builder) emit(kind addr.Kind, p *view.Page) error {
	if p.Size > view.StreamSize {
		err := b.addStream(p.Path, func(w io.Writer) error { return b.tmpl.ExecTo(w, string(kind), p) })
		if err != nil {
			return err
		}
	} else {
		out, err := b.tmpl.Exec(string(kind), p, p.Size)
		if err != nil {
			return err
		}
		b.add(p.Path, out)
	}
	b.mu.Lock()
	b.pages++
	b.mu.Unlock()
	return nil
}

// searchIndex writes the search index of the hand-written language src and
// those derived from it (internal/render/searchindex).
func (b *builder) searchIndex(src lang.Lang) error { return searchindex.Write(b, src) }

// assets writes the static files and the content's images.
func (b *builder) assets() error {
	if err := b.staticFiles(); err != nil {
		return err
	}
	return b.copyImages()
}
