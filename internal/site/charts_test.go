package site

import (
	"context"
	"io/fs"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"reportsite/internal/bench"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
	"reportsite/internal/render/figure"
)

// TestChartsRenderInParallel holds every chart until as many are being drawn
// as there are workers: a build that draws charts one at a time, as the
// pages reach them, never gets there and fails at the deadline.
func TestChartsRenderInParallel(t *testing.T) {
	for _, tc := range []struct {
		name    string
		workers int
	}{
		{"2 workers", 2},
		{"4 workers", 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// 40 sections: four charts, each in two languages.
			opt := benchOptions(t, bench.Config{Sections: 40, Seed: 1, Charts: true})
			opt.Workers = tc.workers
			var mu sync.Mutex
			drawing, calls := 0, 0
			all := make(chan struct{})
			wait, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			late := false
			opt.Charts = func(c *dataset.Chart, l lang.Lang) (figure.Chart, error) {
				mu.Lock()
				calls++
				drawing++
				if drawing == tc.workers {
					close(all)
				}
				mu.Unlock()
				select {
				case <-all:
				case <-wait.Done():
					mu.Lock()
					late = true
					mu.Unlock()
				}
				return figure.Chart{SVG: []byte(`<svg viewBox="0 0 10 10"></svg>`), Option: []byte(`{}`), Desc: c.ID}, nil
			}
			res, err := Build(context.Background(), opt)
			if err != nil {
				t.Fatalf("Build: %v", err)
			}
			if late {
				t.Errorf("with %d workers, charts were never drawn %d at a time", tc.workers, tc.workers)
			}
			if calls != 8 {
				t.Errorf("%d charts drawn, want 8 (4 charts × 2 languages, each once)", calls)
			}
			if res.Pages == 0 {
				t.Error("no pages")
			}
		})
	}
}

// TestWarmCharts checks that a build tells WarmCharts how many charts it
// will draw before it checks the content, and not at all without charts.
func TestWarmCharts(t *testing.T) {
	for _, tc := range []struct {
		name   string
		charts bool
		want   int
	}{
		{"four charts in two languages", true, 8},
		{"no charts", false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := benchOptions(t, bench.Config{Sections: 40, Seed: 1, Charts: tc.charts})
			opt.Charts = func(c *dataset.Chart, l lang.Lang) (figure.Chart, error) { return figure.Chart{}, nil }
			// A build also warms before it loads, with the number of
			// workers (TestWarmChartsBeforeLoad): the count is the call
			// with another number, or the last.
			opt.Workers = 5
			var mu sync.Mutex
			var calls []int
			opt.WarmCharts = func(n int) bool {
				mu.Lock()
				defer mu.Unlock()
				calls = append(calls, n)
				return true
			}
			got := func() int {
				mu.Lock()
				defer mu.Unlock()
				for _, n := range calls {
					if n != opt.Workers {
						return n
					}
				}
				if len(calls) == 0 {
					return 0
				}
				return calls[len(calls)-1]
			}
			if _, err := Build(context.Background(), opt); err != nil {
				t.Fatal(err)
			}
			if got() != tc.want {
				t.Errorf("WarmCharts got %v, want a call with %d charts", calls, tc.want)
			}
			mu.Lock()
			calls = nil
			mu.Unlock()
			if _, err := NewSession(opt).Build(context.Background()); err != nil {
				t.Fatal(err)
			}
			if got() != tc.want {
				t.Errorf("a Session's WarmCharts got %v, want a call with %d charts", calls, tc.want)
			}
		})
	}
}

// slowSiteTOML is a content folder whose site.toml opens only once warm is
// closed, or after 10 seconds.
type slowSiteTOML struct {
	fs.FS
	warm chan struct{}
}

func (f slowSiteTOML) Open(name string) (fs.File, error) {
	if name == "site.toml" {
		select {
		case <-f.warm:
		case <-time.After(10 * time.Second):
		}
	}
	return f.FS.Open(name)
}

// TestWarmChartsBeforeLoad: a build whose table files declare charts
// warms ECharts before the content is loaded, not only after; here
// site.toml cannot be read before WarmCharts is called. Without charts it
// does not.
func TestWarmChartsBeforeLoad(t *testing.T) {
	for _, charts := range []bool{true, false} {
		opt := benchOptions(t, bench.Config{Sections: 10, Seed: 1, Charts: charts})
		opt.Charts = func(c *dataset.Chart, l lang.Lang) (figure.Chart, error) { return figure.Chart{}, nil }
		warm := make(chan struct{})
		var once sync.Once
		var early atomic.Bool
		opt.WarmCharts = func(n int) bool {
			once.Do(func() {
				early.Store(n == opt.Workers)
				close(warm)
			})
			return true
		}
		opt.Workers = 5 // not the number of charts
		if charts {
			opt.Content = slowSiteTOML{opt.Content, warm}
		}
		start := time.Now()
		if _, err := Build(context.Background(), opt); err != nil {
			t.Fatal(err)
		}
		if charts && (!early.Load() || time.Since(start) > 9*time.Second) {
			t.Errorf("with charts, ECharts was not warmed before the content loaded (first call early: %v, %v)", early.Load(), time.Since(start))
		}
		if !charts && early.Load() {
			t.Error("without charts, ECharts was warmed")
		}
	}
}
