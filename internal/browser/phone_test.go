package browser

import (
	"context"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// phoneScript measures what a phone reader meets on a page: tables whose
// caption is clipped or sits inside their scroll box, tables of up to four
// columns that scroll, tables that scroll without a sticky first column,
// "Show the data" controls under 44 px or without their triangle.
const phoneScript = `(() => {
  const out = [];
  for (const box of document.querySelectorAll('.table-scroll')) {
    const table = box.querySelector('table');
    if (!table) continue;
    const name = box.getAttribute('aria-label') || box.getAttribute('aria-labelledby') || '?';
    const cap = table.querySelector('caption');
    if (cap) {
      const r = cap.getBoundingClientRect();
      if (r.width > 1 && r.height > 1) out.push(name + ': the caption is inside the scroll box');
    }
    if (table.classList.contains('stack')) {
      if (box.scrollWidth > box.clientWidth + 1) out.push(name + ': a stacked table scrolls');
      continue;
    }
    const cols = table.querySelectorAll('thead tr:first-child > *').length;
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && cols <= 4) out.push(name + ': ' + cols + ' columns, yet it scrolls (' + box.scrollWidth + ' > ' + box.clientWidth + ' px)');
    if (scrolls) {
      const th = table.querySelector('tbody th[scope=row]');
      if (th && getComputedStyle(th).position !== 'sticky') out.push(name + ': scrolls, but its row headers do not stay');
    }
    // In a table that scrolls, a row header that wraps (its own lines, not
    // its cell, which is as high as its row) must have been given room:
    // not squeezed under 40 % of what the reader sees of the table.
    for (const th of table.querySelectorAll('tbody th[scope=row]')) {
      const range = document.createRange();
      range.selectNodeContents(th);
      const lh = parseFloat(getComputedStyle(th).lineHeight) || 24;
      const lines = Math.round(range.getBoundingClientRect().height / lh);
      const w = th.getBoundingClientRect().width;
      if (scrolls && lines > 2 && w < 0.4 * box.clientWidth) { out.push(name + ': a row header squeezed to ' + Math.round(w) + ' px wraps to ' + lines + ' lines'); break; }
    }
  }
  for (const s of document.querySelectorAll('details.fig-data > summary')) {
    const r = s.getBoundingClientRect();
    if (r.height < 44) out.push('"' + s.textContent + '" is ' + Math.round(r.height) + ' px high, under 44');
    const before = getComputedStyle(s, '::before');
    if (before.content === 'none' || before.content === 'normal') out.push('"' + s.textContent + '" has no disclosure triangle');
  }
  return out;
})()`

// TestPhoneTables opens every page at 390 px and applies phoneScript.
func TestPhoneTables(t *testing.T) {
	needBrowser(t)
	tb := newTab(t)
	base := origins()[1].base
	for _, p := range pages(t) {
		t.Run(p, func(t *testing.T) {
			if err := tb.setup(phone, false, "light"); err != nil {
				t.Fatal(err)
			}
			if err := tb.open(base, p); err != nil {
				t.Fatal(err)
			}
			probs, err := eval[[]string](tb, phoneScript, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, pr := range dedupe(probs) {
				t.Errorf("%s", pr)
			}
			tb.take()
		})
	}
}

// TestFirstScreen checks that a 390×844 phone shows the report's title and
// its first key figure without scrolling, and that the header does not
// repeat the title.
func TestFirstScreen(t *testing.T) {
	needBrowser(t)
	tb := newTab(t)
	base := origins()[1].base
	for _, p := range pages(t) {
		if !strings.HasSuffix(p, "/index.html") {
			continue
		}
		t.Run(p, func(t *testing.T) {
			if err := tb.setup(phone, false, "light"); err != nil {
				t.Fatal(err)
			}
			if err := tb.open(base, p); err != nil {
				t.Fatal(err)
			}
			type result struct {
				H1, Card     float64
				BrandRepeats bool
			}
			r, err := eval[result](tb, `(() => {
  const h1 = document.querySelector('h1'), card = document.querySelector('.card');
  const brand = document.querySelector('.brand');
  return {h1: h1 ? h1.getBoundingClientRect().bottom : 1e9, card: card ? card.getBoundingClientRect().bottom : 1e9,
    brandRepeats: !!(brand && brand.getBoundingClientRect().height > 0 && h1 && brand.textContent.trim() === h1.textContent.trim())};
})()`, false)
			if err != nil {
				t.Fatal(err)
			}
			if r.H1 > float64(phone.height) || r.Card > float64(phone.height) {
				t.Errorf("first screen (%d px) ends before the title (%.0f px) or the first key figure (%.0f px)", phone.height, r.H1, r.Card)
			}
			if r.BrandRepeats {
				t.Errorf("the header repeats the h1 word for word")
			}
			tb.take()
		})
	}
}

// TestPrint prints the full report of each language to PDF as Chromium
// does: A4 pages, and each chart's data table shown on paper though its
// <details> is closed on screen.
func TestPrint(t *testing.T) {
	needBrowser(t)
	tb := newTab(t)
	base := origins()[1].base
	for _, p := range pages(t) {
		if !strings.HasSuffix(p, "/report.html") {
			continue
		}
		t.Run(p, func(t *testing.T) {
			// The page area of A4 within the margins of @page in site.css
			// (210 × 297 mm less 15 + 15 and 16 + 18 mm), in CSS px.
			const pageW, pageH = 180 * 96 / 25.4, 263 * 96 / 25.4
			if err := tb.setup(viewport{"a4", int64(math.Round(pageW)), int64(math.Round(pageH)), false}, false, "light"); err != nil {
				t.Fatal(err)
			}
			if err := tb.print(); err != nil {
				t.Fatal(err)
			}
			defer tb.setup(desktop, false, "light")
			if err := tb.open(base, p); err != nil {
				t.Fatal(err)
			}
			hidden, err := eval[int](tb, `Array.from(document.querySelectorAll('details.fig-data table')).filter(t => t.getBoundingClientRect().height < 10).length`, false)
			if err != nil {
				t.Fatal(err)
			}
			if hidden > 0 {
				t.Errorf("%d chart data tables do not print", hidden)
			}
			ctx, cancel := context.WithTimeout(tb.ctx, time.Minute)
			defer cancel()
			var pdf []byte
			err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				css := true
				res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &css})
				pdf = res.Data
				return err
			}))
			if err != nil {
				t.Fatal(err)
			}
			// A4 is 595 × 842 pt.
			boxes := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]`).FindAllSubmatch(pdf, -1)
			if len(boxes) == 0 {
				t.Fatal("no page in the PDF")
			}
			for _, m := range boxes {
				w, _ := strconv.ParseFloat(string(m[1]), 64)
				h, _ := strconv.ParseFloat(string(m[2]), 64)
				if w < 593 || w > 598 || h < 840 || h > 845 {
					t.Errorf("page of %.1f × %.1f pt, want A4 (595 × 842)", w, h)
					break
				}
			}
			// No large blank areas: laid out at the page's width, the
			// content would fill this many pages end to end; the PDF may
			// use more (a figure kept whole moves to the next page, each
			// section starts a page) but not a fifth more, besides the
			// last page, which is as often half empty as not: 20 pages for
			// 16.0 pages of content pass, 21 would not.
			height, err := eval[float64](tb, `document.documentElement.scrollHeight`, false)
			if err != nil {
				t.Fatal(err)
			}
			content := height / pageH
			t.Logf("%d A4 pages for %.2f pages of content, %.0f%% filled", len(boxes), content, 100*content/float64(len(boxes)))
			if float64(len(boxes)) > 1.2*content+1 {
				t.Errorf("%d pages for %.1f pages of content, want at most %d (blank areas around figures?)", len(boxes), content, int(1.2*content+1))
			}
			tb.take()
		})
	}
}
