// Package stream hands the pages of a render that hold every section (the
// full, one-file and parallel reports) their parts in order, made by the
// workers that make the section pages.
package stream

import (
	"errors"
	"html/template"
	"sync"
)

// A Stream hands the pages that hold every section (the whole pages: the
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
type Stream struct {
	mu      sync.Mutex
	cond    sync.Cond
	window  int
	pages   []*Page
	waiting int   // pages that have neither joined nor left
	ended   error // why no more parts will come; nil while they may
}

// A Page is one whole page's place in a Stream.
type Page struct {
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

func New(window int) *Stream {
	s := &Stream{window: max(window, 1)}
	s.cond.L = &s.mu
	return s
}

// Page adds a whole page to s. It is to Join s or Leave it before
// any section is made.
func (s *Stream) Page() *Page {
	s.mu.Lock()
	defer s.mu.Unlock()
	pg := &Page{parts: map[int]part{}}
	s.pages = append(s.pages, pg)
	s.waiting++
	return pg
}

// Join has the workers make pg's parts with make; it returns how pg takes
// part i, waiting for it.
func (s *Stream) Join(pg *Page, make func(i int) (template.HTML, error)) func(i int) (template.HTML, error) {
	s.mu.Lock()
	if !pg.joined && !pg.left {
		pg.make, pg.joined = make, true
		s.waiting--
		s.cond.Broadcast()
	}
	s.mu.Unlock()
	return func(i int) (template.HTML, error) { return s.take(pg, i) }
}

// Leave says pg is written (or failed): it takes no more parts.
func (s *Stream) Leave(pg *Page) {
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

var ErrPartTaken = errors.New("render/stream: a page that holds every section asked for a section's body twice or out of order; a template is to show each section's body once, in order")

// take returns pg's part i once a worker has made it.
func (s *Stream) take(pg *Page, i int) (template.HTML, error) {
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
			return "", ErrPartTaken
		case s.ended != nil:
			return "", s.ended
		}
		s.cond.Wait()
	}
}

// Wait returns once every page has joined or left s and none that is
// still to take parts is window sections or more behind section i.
func (s *Stream) Wait(i int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.waiting > 0 || s.behind(i) {
		s.cond.Wait()
	}
}

func (s *Stream) behind(i int) bool {
	for _, pg := range s.pages {
		if pg.joined && !pg.left && pg.next <= i-s.window {
			return true
		}
	}
	return false
}

// Make makes section i's part of every page that still takes parts and
// hands each to its page.
func (s *Stream) Make(i int) {
	s.mu.Lock()
	var pages []*Page
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

// End says no more parts will come: a page still waiting for one gets err.
func (s *Stream) End(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ended == nil {
		s.ended = err
	}
	s.cond.Broadcast()
}
