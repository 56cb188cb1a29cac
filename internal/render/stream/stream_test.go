package stream

import (
	"errors"
	"fmt"
	"html/template"
	"math/rand/v2"
	"sync"
	"testing"
	"time"
)

// TestStream: workers that finish sections out of order hand every page
// that joined its parts in order; none starts a section window or more
// ahead of the page furthest behind; a page that leaves early, or never
// joins, holds nobody up.
func TestStream(t *testing.T) {
	for _, tc := range []struct {
		name                     string
		pages, sections, workers int
		window                   int
		stopAt                   map[int]int // page → the section at which it stops taking parts and leaves
		neverJoins               map[int]bool
	}{
		{name: "one page", pages: 1, sections: 30, workers: 1, window: 1},
		{name: "many pages, many workers", pages: 4, sections: 200, workers: 6, window: 3},
		{name: "a page stops", pages: 3, sections: 100, workers: 4, window: 2, stopAt: map[int]int{1: 10}},
		{name: "a page never joins", pages: 3, sections: 60, workers: 3, window: 2, neverJoins: map[int]bool{0: true}},
		{name: "no page", pages: 0, sections: 10, workers: 2, window: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := New(tc.window)
			var pages sync.WaitGroup
			for p := range tc.pages {
				pg := s.Page()
				pages.Add(1)
				go func() {
					defer pages.Done()
					defer s.Leave(pg)
					if tc.neverJoins[p] {
						return
					}
					get := s.Join(pg, func(i int) (template.HTML, error) {
						time.Sleep(time.Duration(rand.IntN(50)) * time.Microsecond)
						return template.HTML(fmt.Sprintf("p%d-s%d", p, i)), nil
					})
					for i := range tc.sections {
						if stop, ok := tc.stopAt[p]; ok && i == stop {
							return
						}
						h, err := get(i)
						if want := template.HTML(fmt.Sprintf("p%d-s%d", p, i)); h != want || err != nil {
							t.Errorf("page %d part %d = %q, %v; want %q", p, i, h, err, want)
							return
						}
					}
				}()
			}
			jobs := make(chan int)
			var workers sync.WaitGroup
			for range tc.workers {
				workers.Add(1)
				go func() {
					defer workers.Done()
					for i := range jobs {
						s.Wait(i)
						s.mu.Lock()
						for p, pg := range s.pages {
							if pg.joined && !pg.left && i-pg.next >= tc.window {
								t.Errorf("section %d started while page %d waits for part %d (window %d)", i, p, pg.next, tc.window)
							}
						}
						s.mu.Unlock()
						time.Sleep(time.Duration(rand.IntN(100)) * time.Microsecond)
						s.Make(i)
					}
				}()
			}
			for i := range tc.sections {
				jobs <- i
			}
			close(jobs)
			workers.Wait()
			s.End(errEnded)
			pages.Wait()
			for p, pg := range s.pages {
				if len(pg.parts) > 0 {
					t.Errorf("page %d still holds %d parts", p, len(pg.parts))
				}
			}
		})
	}
}

// TestStreamEnds: a page waiting for a part that will not come gets the
// reason; a part asked for twice is an error, not a wait.
func TestStreamEnds(t *testing.T) {
	s := New(4)
	pg := s.Page()
	get := s.Join(pg, func(i int) (template.HTML, error) { return "x", nil })
	s.Wait(0)
	s.Make(0)
	if h, err := get(0); h != "x" || err != nil {
		t.Fatalf("part 0 = %q, %v", h, err)
	}
	if _, err := get(0); !errors.Is(err, ErrPartTaken) {
		t.Errorf("part 0 again: %v, want %v", err, ErrPartTaken)
	}
	stop := errors.New("stopped")
	done := make(chan error)
	go func() {
		_, err := get(1)
		done <- err
	}()
	s.End(stop)
	if err := <-done; !errors.Is(err, stop) {
		t.Errorf("part 1 after the end: %v, want %v", err, stop)
	}
}

var errEnded = errors.New("the sections stopped")
