package render

import (
	"errors"
	"html/template"
	"sync"
)

// A stream hands the pages that hold every section (the whole pages: the
// full, one-file and parallel reports) their parts, section by section and
// in order, made by the workers that make the section pages. Each whole
// page's template runs in a goroutine of its own, writing the page as it
// goes and waiting at each section for its part; a worker makes section i's
// page in every language and then its part of every whole page, after
// which nothing needs the section's prepared text any more. Workers finish
// sections out of order: a page holds the parts that came early, and no
// worker starts a section more than window sections ahead of the page
// furthest behind, so that what is held stays small however long the
// report.
type stream struct {
	mu      sync.Mutex
	cond    sync.Cond
	window  int
	pages   []*wholePage
	waiting int   // pages that have neither joined nor left
	ended   error // why no more parts will come; nil while they may
}

// A wholePage is one whole page's place in a stream.
type wholePage struct {
	make   func(i int) (template.HTML, error) // nil until it joins
	parts  map[int]part                       // made, not yet taken
	next   int                                // the part it takes next
	joined bool
	left   bool
}

type part struct {
	html template.HTML
	err  error
}

func newStream(window int) *stream {
	s := &stream{window: max(window, 1)}
	s.cond.L = &s.mu
	return s
}

// page adds a whole page to s. It is to join s (Parts) or leave it before
// any section is made.
func (s *stream) page() *wholePage {
	s.mu.Lock()
	defer s.mu.Unlock()
	pg := &wholePage{parts: map[int]part{}}
	s.pages = append(s.pages, pg)
	s.waiting++
	return pg
}

// join has the workers make pg's parts with make; it returns how pg takes
// part i, waiting for it.
func (s *stream) join(pg *wholePage, make func(i int) (template.HTML, error)) func(i int) (template.HTML, error) {
	s.mu.Lock()
	if !pg.joined && !pg.left {
		pg.make, pg.joined = make, true
		s.waiting--
		s.cond.Broadcast()
	}
	s.mu.Unlock()
	return func(i int) (template.HTML, error) { return s.take(pg, i) }
}

// leave says pg is written (or failed): it takes no more parts.
func (s *stream) leave(pg *wholePage) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if pg.left {
		return
	}
	if !pg.joined {
		s.waiting--
	}
	pg.left, pg.parts = true, nil
	s.cond.Broadcast()
}

var errPartTaken = errors.New("render: a page that holds every section asked for a section's body twice or out of order; a template is to show each section's body once, in order")

// take returns pg's part i once a worker has made it.
func (s *stream) take(pg *wholePage, i int) (template.HTML, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		if p, ok := pg.parts[i]; ok {
			for k := range pg.parts {
				if k <= i {
					delete(pg.parts, k)
				}
			}
			pg.next = i + 1
			s.cond.Broadcast()
			return p.html, p.err
		}
		switch {
		case i < pg.next || pg.left:
			return "", errPartTaken
		case s.ended != nil:
			return "", s.ended
		}
		s.cond.Wait()
	}
}

// wait returns once every page has joined or left s and none that is
// still to take parts is window sections or more behind section i.
func (s *stream) wait(i int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.waiting > 0 || s.behind(i) {
		s.cond.Wait()
	}
}

func (s *stream) behind(i int) bool {
	for _, pg := range s.pages {
		if pg.joined && !pg.left && pg.next <= i-s.window {
			return true
		}
	}
	return false
}

// make makes section i's part of every page that still takes parts and
// hands each to its page.
func (s *stream) make(i int) {
	s.mu.Lock()
	var pages []*wholePage
	for _, pg := range s.pages {
		if pg.joined && !pg.left {
			pages = append(pages, pg)
		}
	}
	s.mu.Unlock()
	for _, pg := range pages {
		h, err := pg.make(i)
		s.mu.Lock()
		if !pg.left {
			pg.parts[i] = part{h, err}
			s.cond.Broadcast()
		}
		s.mu.Unlock()
	}
}

// end says no more parts will come: a page still waiting for one gets err.
func (s *stream) end(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended == nil {
		s.ended = err
	}
	s.cond.Broadcast()
}

// wholeBuilder is the builder as a whole page sees it: its Parts come from
// the stream when the build streams (st is not nil).
type wholeBuilder struct {
	*builder
	st *stream
	pg *wholePage
}

func (w wholeBuilder) Parts(make func(i int) (template.HTML, error)) func(i int) (template.HTML, error) {
	if w.st == nil {
		return make
	}
	return w.st.join(w.pg, make)
}

// Parts is the view.Builder's for a page that is not streamed: make itself.
func (b *builder) Parts(make func(i int) (template.HTML, error)) func(i int) (template.HTML, error) {
	return make
}
