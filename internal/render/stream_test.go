package render

import (
	"bytes"
	"context"
	"testing"

	"reportsite/internal/publish"
	"reportsite/internal/render/view"
)

// TestRenderReleases: a full render lets go of each section's prepared
// text once its pages are made, and makes the same files whether the whole
// pages are written as they go or made in memory first; a model that a
// session will Carry keeps its prepared text.
func TestRenderReleases(t *testing.T) {
	render := func(keep bool, streamSize int) publish.Output {
		t.Helper()
		old := view.StreamSize
		view.StreamSize = streamSize
		defer func() { view.StreamSize = old }()
		r, m := loadedAs(t, miniContent(), miniOptions(), keep)
		mem := publish.NewMem()
		if err := r.Render(context.Background(), mem); err != nil {
			t.Fatal(err)
		}
		for _, sec := range m.Site.Sections {
			for _, l := range m.Site.Languages {
				if d := m.Doc(sec, l); (d.Prep != nil) != keep {
					t.Errorf("keep %v: section %s (%s) prepared text kept: %v", keep, sec.ID, l.Tag, d.Prep != nil)
				}
			}
		}
		return mem.Output()
	}
	want := render(false, 1<<20)
	for _, tc := range []struct {
		name       string
		keep       bool
		streamSize int
	}{
		{"kept for a session", true, 1 << 20},
		{"every page written as it goes", false, 1},
	} {
		got := render(tc.keep, tc.streamSize)
		if len(got) != len(want) {
			t.Errorf("%s: %d files, want %d", tc.name, len(got), len(want))
		}
		for p, data := range want {
			if !bytes.Equal(got[p], data) {
				t.Errorf("%s: %s differs", tc.name, p)
			}
		}
	}
}
