package site

import (
	"context"
	"sync"
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
			got := 0
			opt.WarmCharts = func(n int) bool { got += n; return true }
			if _, err := Build(context.Background(), opt); err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("WarmCharts got %d charts, want %d", got, tc.want)
			}
			got = 0
			if _, err := NewSession(opt).Build(context.Background()); err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("a Session's WarmCharts got %d charts, want %d", got, tc.want)
			}
		})
	}
}
