package render

import (
	"context"
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"reportsite/internal/addr"
	"reportsite/internal/lang"
	"reportsite/internal/render/data"
	"reportsite/internal/render/pages"
	"reportsite/internal/render/searchindex"
	"reportsite/internal/render/view"
)

// Asset paths, relative to the site root.
const (
	cssPath    = "static/site.css"
	jsPath     = "static/charts.js"
	echartsJS  = "static/vendor/echarts/echarts.min.js"
	reloadPath = "static/reload.js"
)

func (b *builder) render(ctx context.Context) error {
	if b.change == nil {
		b.fig.DrawAll(b.opt.Workers)
	}
	// The pages that hold every section (whole, large) go to one lane that
	// starts with them, so that only one is in memory at a time and none
	// starts last; that lane then joins the others on the rest.
	var whole, rest []job
	for _, l := range b.site.Languages {
		if o, ok := b.site.Partner(l); ok {
			whole = append(whole, job{b.pagePath(addr.KindParallel, l), func() error { return pages.Parallel(b, l, o) }})
		}
		whole = append(whole,
			job{SinglePath(b.site, l), func() error { return pages.Single(b, l) }},
			job{b.pagePath(addr.KindReport, l), func() error { return pages.Report(b, l) }},
			job{b.pagePath(addr.KindData, l), func() error { return data.Page(b, l) }},
		)
	}
	if !b.opt.NoSearch {
		srcs := b.site.SourceLangs()
		var left atomic.Int32
		left.Store(int32(len(srcs)))
		for _, src := range srcs {
			rest = append(rest, job{"search/" + src.Prefix, func() error {
				err := b.searchIndex(src)
				if left.Add(-1) == 0 && b.change == nil {
					b.m.ReleaseSearchParas() // the indexes were their last readers
				}
				return err
			}})
		}
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
		for _, l := range b.site.Languages {
			if i < len(b.site.Sections) {
				rest = append(rest, job{l.Prefix + "/" + b.site.Sections[i].Slug + ".html", func() error { return pages.Section(b, l, i) }})
			}
		}
		if i < len(b.site.Tables) {
			t := b.site.Tables[i]
			rest = append(rest, job{addr.JSON(t.ID), func() error { return data.Files(b, t) }})
		}
	}
	whole, rest = b.wantedJobs(whole), b.wantedJobs(rest)
	if b.change == nil { // an update changes neither
		if err := b.staticFiles(); err != nil {
			return err
		}
		if err := b.copyImages(); err != nil {
			return err
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	work := func(queues ...<-chan job) {
		defer wg.Done()
		for _, q := range queues {
			for j := range q {
				if err := j.fn(); err != nil {
					mu.Lock()
					if first == nil {
						first = fmt.Errorf("%s: %w", j.name, err)
					}
					mu.Unlock()
				}
			}
		}
	}
	wholeQ, restQ := feed(ctx, whole), feed(ctx, rest)
	wg.Add(b.opt.Workers)
	go work(wholeQ, restQ)
	for range b.opt.Workers - 1 {
		go work(restQ)
	}
	wg.Wait()
	if first == nil && ctx.Err() == nil && (b.change == nil || b.late) {
		first = b.publish() // needs every file: About pages (offline sizes), sitemap, service worker
	}
	if first != nil {
		return first
	}
	return ctx.Err()
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
