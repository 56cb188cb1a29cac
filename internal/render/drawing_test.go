package render

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"reportsite/internal/addr"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
	"reportsite/internal/publish"
	"reportsite/internal/render/figure"
)

// watchSink is a sink that tells when every file named in want is made.
type watchSink struct {
	*publish.Mem
	mu   sync.Mutex
	want map[string]bool
	done chan struct{}
}

func (w *watchSink) made(p string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.want[p] {
		delete(w.want, p)
		if len(w.want) == 0 {
			close(w.done)
		}
	}
}

func (w *watchSink) Put(p string, data []byte) error {
	err := w.Mem.Put(p, data)
	w.made(p)
	return err
}

func (w *watchSink) Create(p string) (io.WriteCloser, error) {
	f, err := w.Mem.Create(p)
	return f, errors.Join(err, func() error { w.made(p); return nil }())
}

// TestDrawingFirstWhatNeedsNoChart: while the charts are drawn (Options.
// Drawing) the render makes what shows no chart first (the static files,
// the data files and pages, the search index) instead of waiting for
// ECharts. Here no chart is drawn until all of those are made: rendered in
// the order of a render whose charts are cached, which makes them after
// the pages that show charts, the drawing times out. The output is that
// of such a render.
func TestDrawingFirstWhatNeedsNoChart(t *testing.T) {
	chart := func(c *dataset.Chart, l lang.Lang) (figure.Chart, error) {
		return figure.Chart{SVG: []byte(`<svg viewBox="0 0 10 10"><title>` + c.ID + `</title></svg>`), Option: []byte(`{}`), Desc: c.ID}, nil
	}
	cached := miniOptions()
	cached.Charts = chart
	want := renderSite(t, miniContent(), cached)

	drawing := miniOptions()
	drawing.Drawing = true
	r, m := loaded(t, miniContent(), drawing)
	sink := &watchSink{Mem: publish.NewMem(), want: map[string]bool{"static/site.css": true}, done: make(chan struct{})}
	for _, tb := range m.Site.Tables {
		sink.want[addr.JSON(tb.ID)] = true
	}
	for _, l := range m.Site.Languages {
		sink.want[r.b.pagePath(addr.KindData, l)] = true
	}
	for p := range want {
		if strings.HasPrefix(p, addr.SearchDir) {
			sink.want[p] = true
		}
	}
	if len(sink.want) < 5 {
		t.Fatalf("the mini site should have static, data and search files; want %v", sink.want)
	}
	r.b.opt.Charts = func(c *dataset.Chart, l lang.Lang) (figure.Chart, error) {
		select {
		case <-sink.done:
			return chart(c, l)
		case <-time.After(10 * time.Second):
			sink.mu.Lock()
			defer sink.mu.Unlock()
			return figure.Chart{}, errors.New("still not made while the charts were drawn: " + strings.Join(keys(sink.want), ", "))
		}
	}
	r.b.newFigures()
	if err := r.Render(context.Background(), sink); err != nil {
		t.Fatal(err)
	}
	got := sink.Output()
	if len(got) != len(want) {
		t.Errorf("%d files, want %d", len(got), len(want))
	}
	for p, w := range want {
		if !bytes.Equal(got[p], w) {
			t.Errorf("%s differs from the render with the charts cached", p)
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestDrawAhead: DrawAhead draws every chart the pages place before Render
// is called, and Render then draws none again; after StopDrawing no chart
// is started beyond those being drawn.
func TestDrawAhead(t *testing.T) {
	var mu sync.Mutex
	calls := 0
	var gate chan struct{} // when set, each drawing waits for it
	opt := miniOptions()
	opt.Charts = func(c *dataset.Chart, l lang.Lang) (figure.Chart, error) {
		mu.Lock()
		calls++
		g := gate
		mu.Unlock()
		if g != nil {
			<-g
		}
		return figure.Chart{SVG: []byte(`<svg viewBox="0 0 10 10"></svg>`), Option: []byte(`{}`), Desc: c.ID}, nil
	}
	count := func() int {
		mu.Lock()
		defer mu.Unlock()
		return calls
	}

	r, _ := loaded(t, miniContent(), opt)
	r.DrawAhead()
	<-r.b.drawn // DrawAll has ended, before Render
	all := count()
	if all <= opt.Workers {
		t.Fatalf("the mini site places %d charts in all its languages; the test needs more than %d", all, opt.Workers)
	}
	if err := r.Render(context.Background(), publish.NewMem()); err != nil {
		t.Fatal(err)
	}
	if got := count(); got != all {
		t.Errorf("Render drew %d charts again", got-all)
	}

	calls, gate = 0, make(chan struct{})
	r, _ = loaded(t, miniContent(), opt)
	r.DrawAhead()
	deadline := time.Now().Add(10 * time.Second)
	for count() < opt.Workers && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	r.StopDrawing()
	close(gate)
	<-r.b.drawn
	if got := count(); got != opt.Workers {
		t.Errorf("after StopDrawing %d charts were drawn, want the %d being drawn", got, opt.Workers)
	}
}
