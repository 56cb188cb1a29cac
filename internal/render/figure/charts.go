package figure

import (
	"reportsite/internal/addr"
	"reportsite/internal/chart"
	"reportsite/internal/dataset"
	"reportsite/internal/echarts"
	"reportsite/internal/lang"
	"reportsite/internal/markdown"
	"reportsite/internal/par"
)

// ChartFunc renders chart c for language l: the SVG (trusted markup), the
// ECharts option as JSON for the interactive upgrade, and a text description.
type ChartFunc func(c *dataset.Chart, l lang.Lang) (Chart, error)

// Chart is a rendered chart.
type Chart struct {
	SVG    []byte
	Option []byte
	Desc   string
}

// EChartsScript is the vendored ECharts build the pages load, relative to
// the static FS.
const EChartsScript = "vendor/echarts/echarts.min.js"

// ECharts draws charts with ECharts' build-time subset (echarts.BuildScript).
type ECharts struct{ r *echarts.Renderer }

// NewECharts returns an ECharts whose Func builds each chart's option with
// internal/chart and renders it to SVG. cacheDir, when not empty, keeps
// rendered SVGs between builds.
func NewECharts(cacheDir string, workers int) (*ECharts, error) {
	r, err := echarts.New(echarts.BuildScript, echarts.Options{CacheDir: cacheDir, Workers: workers, Lazy: true})
	if err != nil {
		return nil, err
	}
	return &ECharts{r}, nil
}

// Warm gets ECharts ready in the background for a build that draws n
// charts, when none is cached (echarts.Renderer.Warm), and reports whether
// it did.
func (e *ECharts) Warm(n int) bool { return e.r.Warm(n) }

// Func returns the ChartFunc that draws with e. A chart of a language
// converted from another is made from the other's drawing where only its
// characters' forms differ (echarts.Renderer.Derive), and drawn otherwise.
func (e *ECharts) Func() ChartFunc {
	return func(c *dataset.Chart, l lang.Lang) (Chart, error) {
		ch, _, err := e.draw(c, l, true)
		return ch, err
	}
}

// draw makes chart c in language l; derived reports whether it was made
// from the drawing of the language l is converted from.
func (e *ECharts) draw(c *dataset.Chart, l lang.Lang, derive bool) (ch Chart, derived bool, err error) {
	units := c.Table.Units
	opt, err := chart.Option(c, l, units)
	if err != nil {
		return Chart{}, false, err
	}
	w, h := chart.Size(c)
	desc := chart.Describe(c, l, units)
	ec := echarts.Chart{ID: addr.ChartSVG(c.ID, l.Prefix), Option: opt, Width: w, Height: h, Title: c.Title.In(l), Desc: desc}
	if derive && l.Derived() {
		// The source language as the option sees it: its tag, and the
		// number style, which a derived language shares.
		src := lang.Lang{Tag: l.Derive, Numbers: l.Numbers}
		if from, err := chart.Option(c, src, units); err == nil {
			svg, ok, err := e.r.Derive(echarts.Chart{ID: ec.ID, Option: from, Width: w, Height: h, Title: ec.Title}, ec)
			if err != nil {
				return Chart{}, false, err
			}
			if ok {
				return Chart{SVG: svg, Option: opt, Desc: desc}, true, nil
			}
		}
	}
	svg, err := e.r.Render(ec)
	if err != nil {
		return Chart{}, false, err
	}
	return Chart{SVG: svg, Option: opt, Desc: desc}, false, nil
}

// DrawAll draws every chart a page places (the sections' chart blocks
// and the overview's charts) in every language, spread over the workers,
// before any page is rendered; the pages then find them in the cache. Drawn
// as pages need them, charts came one at a time: the lane that starts with
// the whole report reaches each chart first, and the other workers, on the
// section pages in the same order, wait for it. Errors stay in the cache
// and are reported by the page that places the chart, as before. After
// StopDrawing it draws no further chart.
func (b *Maker) DrawAll(workers int) {
	if b.charts.fn == nil {
		return
	}
	type job struct {
		c *dataset.Chart
		l lang.Lang
	}
	var jobs []job
	seen := map[chartKey]bool{}
	add := func(id string, l lang.Lang) {
		c, k := b.site.Charts[id], chartKey{id, l.Tag}
		if c == nil || seen[k] {
			return
		}
		seen[k] = true
		jobs = append(jobs, job{c, l})
	}
	for _, id := range b.site.Overview.Charts {
		for _, l := range b.site.Languages {
			add(id, l)
		}
	}
	for _, sec := range b.site.Sections {
		for _, l := range b.site.Languages {
			if d := b.m.Doc(sec, l); d != nil && d.Doc != nil {
				for _, r := range d.Doc.Blocks {
					if r.Kind == markdown.BlockChart {
						add(r.ID, l)
					}
				}
			}
		}
	}
	par.Do(workers, len(jobs), func(i int) {
		if !b.stopDraw.Load() {
			b.charts.get(jobs[i].c, jobs[i].l)
		}
	})
}

// StopDrawing has DrawAll start no further chart: the build renders
// nothing.
func (b *Maker) StopDrawing() { b.stopDraw.Store(true) }
