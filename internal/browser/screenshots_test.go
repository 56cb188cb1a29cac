package browser

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var screenshotDir = flag.String("screenshots", "", "write phone and desktop screenshots, light and dark, into this `folder`")

// TestScreenshots writes full-page screenshots of the overview, a section
// and the data page, for people to look at.
func TestScreenshots(t *testing.T) {
	if *screenshotDir == "" {
		t.Skip("no -screenshots folder given")
	}
	needBrowser(t)
	if err := os.MkdirAll(*screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	tb := newTab(t)
	base := origins()[0].base
	// The full report as printed, at roughly an A4 text width.
	for _, lang := range []string{"en", "zh-hant"} {
		if err := tb.setup(viewport{"print", 720, 1000, false}, false, "light"); err != nil {
			t.Fatal(err)
		}
		if err := tb.print(); err != nil {
			t.Fatal(err)
		}
		if err := tb.open(base, lang+"/report.html"); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(tb.ctx, time.Minute)
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*screenshotDir, lang+"-report-print.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
		tb.take()
	}
	for _, lang := range []string{"en", "zh-hant"} {
		for _, p := range []string{"index.html", "achievements.html", "data.html", "parallel.html"} {
			for _, vp := range []viewport{phone, desktop} {
				for _, scheme := range []string{"light", "dark"} {
					name := strings.Join([]string{lang, strings.TrimSuffix(p, ".html"), vp.name, scheme}, "-") + ".png"
					if err := tb.setup(vp, true, scheme); err != nil {
						t.Fatal(err)
					}
					if err := tb.open(base, lang+"/"+p); err != nil {
						t.Fatal(err)
					}
					// Scroll through so that charts upgrade as a reader sees them.
					if _, err := eval[bool](tb, `(async () => {
  for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) { scrollTo(0, y); await new Promise(r => setTimeout(r, 60)); }
  scrollTo(0, 0); await new Promise(r => setTimeout(r, 300)); return true; })()`, true); err != nil {
						t.Fatal(err)
					}
					ctx, cancel := context.WithTimeout(tb.ctx, time.Minute)
					png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
					cancel()
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(filepath.Join(*screenshotDir, name), png, 0o644); err != nil {
						t.Fatal(err)
					}
					for _, e := range tb.take() {
						t.Errorf("%s: %s", name, e)
					}
				}
			}
		}
	}
	// The search box in use.
	for lang, q := range map[string]string{"en": "vaccinated", "zh-hant": "疫苗接種"} {
		for _, vp := range []viewport{phone, desktop} {
			name := lang + "-search-" + vp.name + ".png"
			if err := tb.setup(vp, true, "light"); err != nil {
				t.Fatal(err)
			}
			if err := tb.open(base, lang+"/index.html"); err != nil {
				t.Fatal(err)
			}
			if r, err := runSearch(tb, q); err != nil || r.Err != "" {
				t.Fatalf("%s: %v %s", name, err, r.Err)
			}
			ctx, cancel := context.WithTimeout(tb.ctx, time.Minute)
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			cancel()
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(*screenshotDir, name), png, 0o644); err != nil {
				t.Fatal(err)
			}
			for _, e := range tb.take() {
				t.Errorf("%s: %s", name, e)
			}
		}
	}
}
