package scaffold

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"reportsite/internal/linkcheck"
	"reportsite/internal/site"
	"reportsite/static"
	"reportsite/templates"
)

func TestNewSiteBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "My Report 2030")
	if _, err := Write(dir, Name(dir), time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatalf("Write: %v", err)
	}
	opt := site.Options{Content: os.DirFS(filepath.Join(dir, "content")), Templates: templates.FS, Static: static.FS,
		Overlay: os.DirFS(dir), Root: os.DirFS(dir), Workers: 2}
	res, err := site.Check(opt)
	for _, d := range res.Diags {
		t.Errorf("check: %s", d)
	}
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	res, err = site.Build(context.Background(), opt)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	for _, p := range []string{"index.html", "en/overview.html", "zh-hans/overview.html", "zh-hant/my-report-2030-zh-hant.html"} {
		if res.Out[p] == nil {
			t.Errorf("Build: no %s", p)
		}
	}
	for _, p := range linkcheck.Check(res.Out) {
		t.Errorf("link check: %s", p)
	}
	if _, err := Write(dir, "x", time.Now()); err == nil {
		t.Errorf("Write into a non-empty folder succeeded")
	}
}
