package render

import (
	"context"
	"io/fs"
	"os"
	"testing"

	"reportsite/internal/content"
	"reportsite/internal/lang"
	"reportsite/internal/linkcheck"
	"reportsite/internal/load"
	"reportsite/internal/publish"
	"reportsite/internal/sitefs"
	"reportsite/static"
	"reportsite/templates"
)

// miniContent is the small test site internal/site's golden tests build.
func miniContent() fs.FS { return os.DirFS("../site/testdata/mini/content") }

func miniOptions() Options {
	return Options{Templates: templates.FS, Static: static.FS, Workers: 2}
}

// loaded loads and checks the site in contentFS as a build does and
// returns its renderer, failing the test on any content problem.
func loaded(t testing.TB, contentFS fs.FS, opt Options) (*Renderer, *load.Model) {
	t.Helper()
	return loadedAs(t, contentFS, opt, false)
}

// loadedAs is loaded for a build session's model when carried: it keeps
// what a later model Carries (load.Model.KeepParas).
func loadedAs(t testing.TB, contentFS fs.FS, opt Options, carried bool) (*Renderer, *load.Model) {
	t.Helper()
	s, dl := content.Load(contentFS)
	if s == nil {
		t.Fatalf("load: %v", dl.Err())
	}
	m := load.New(s)
	r, err := New(opt, m, dl)
	if err != nil {
		t.Fatal(err)
	}
	m.Parse(opt.Workers, true, r.NoteLabel, dl)
	m.FindImages(contentFS, sitefs.Overlay(opt.Overlay, "static", opt.Static), dl)
	if dl.Errors() > 0 {
		t.Fatalf("content problems: %v", dl.Err())
	}
	m.FindStatements()
	if carried {
		m.KeepParas()
		return r, m
	}
	m.DropParas(!opt.NoSearch)
	return r, m
}

// renderSite renders the site in contentFS into memory, failing the test
// on any problem, links included.
func renderSite(t testing.TB, contentFS fs.FS, opt Options) publish.Output {
	t.Helper()
	r, _ := loaded(t, contentFS, opt)
	mem := publish.NewMem()
	if err := r.Render(context.Background(), mem); err != nil {
		t.Fatal(err)
	}
	out := mem.Output()
	if ps := linkcheck.Check(out); len(ps) > 0 {
		t.Fatalf("link problems: %v", ps)
	}
	return out
}

// siteOf returns the mini site, loaded.
func siteOf(t testing.TB) *content.Site {
	t.Helper()
	s, dl := content.Load(miniContent())
	if s == nil {
		t.Fatal(dl.Err())
	}
	return s
}

// loadedLangs returns the mini site's languages.
func loadedLangs(t testing.TB) []lang.Lang { return siteOf(t).Languages }
