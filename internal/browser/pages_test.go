package browser

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"testing"
	"time"
)

// layoutScript returns a list of layout problems on the loaded page: the
// page scrolling sideways, body text under 16 px, header links smaller than
// 44 px, links that a browser cannot follow from file://.
const layoutScript = `(() => {
  const out = [];
  // A phone zooms out to fit wide content, which widens innerWidth: compare
  // with the emulated width too.
  const W = Math.min(window.innerWidth, document.documentElement.clientWidth, __VW__);
  const se = document.scrollingElement;
  if (se.scrollWidth > W) {
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      const p = el.parentElement && el.parentElement.getBoundingClientRect();
      if (r.width > 0 && r.right > W + 0.5 && (!p || p.right <= W + 0.5)) {
        wide.push(el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ? '.' + String(el.className).trim().split(/\s+/).join('.') : '') + ' right=' + Math.round(r.right));
        if (wide.length >= 5) break;
      }
    }
    out.push('horizontal overflow: scrollWidth ' + se.scrollWidth + ' > viewport width ' + W + ' (' + wide.join('; ') + ')');
  }
  const px = el => parseFloat(getComputedStyle(el).fontSize);
  if (px(document.body) < 16) out.push('body font-size ' + px(document.body) + 'px < 16px');
  for (const p of document.querySelectorAll('main p:not([class]), main li:not([class]):not(.toc li):not(.contents li)')) {
    if (p.closest('figure, .card, .toc, .contents, .downloads, nav, .unofficial')) continue;
    if (!p.textContent.trim()) continue;
    const s = px(p);
    if (s < 15.99) { out.push('body text ' + s + 'px < 16px: ' + p.textContent.trim().slice(0, 40)); break; }
  }
  for (const a of document.querySelectorAll('.site-header a, .lang-switch a, .site-nav a')) {
    const r = a.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.height < 44 || r.width < 44) out.push('tap target ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' < 44x44: ' + a.textContent.trim());
  }
  if (location.protocol === 'file:') {
    for (const a of document.querySelectorAll('a[href]')) {
      const u = new URL(a.href);
      if (u.protocol === 'file:' && u.pathname.endsWith('/')) out.push('link to a folder, which file:// shows as a listing: ' + a.getAttribute('href'));
    }
  }
  for (const pair of Array.from(document.querySelectorAll('.pair')).slice(0, 20)) {
    const zh = pair.querySelector(':scope > .col:lang(zh)'), other = pair.querySelector(':scope > .col:not(:lang(zh))');
    if (!zh || !other || !zh.textContent.trim() || !other.textContent.trim()) continue;
    const a = zh.getBoundingClientRect(), b = other.getBoundingClientRect();
    if (W < 768 ? a.top >= b.top : a.left >= b.left) { out.push('parallel text: Chinese is not ' + (W < 768 ? 'above' : 'left of') + ' its counterpart'); break; }
  }
  const h1 = document.querySelectorAll('h1').length;
  if (h1 !== 1) out.push(h1 + ' h1 elements, want 1');
  if (!document.documentElement.lang) out.push('no lang on <html>');
  return out;
})()`

// chartsScript checks that every chart shows a non-empty SVG.
const chartsScript = `(() => {
  const out = [];
  const figs = document.querySelectorAll('figure.chart');
  for (const f of figs) {
    const svg = f.querySelector('.chart-box svg');
    if (!svg) { out.push(f.id + ': no SVG'); continue; }
    const r = svg.getBoundingClientRect();
    const cs = getComputedStyle(svg);
    if (r.width < 100 || r.height < 50) out.push(f.id + ': SVG is ' + Math.round(r.width) + 'x' + Math.round(r.height));
    if (cs.display === 'none' || cs.visibility !== 'visible') out.push(f.id + ': SVG hidden');
    if (svg.querySelectorAll('path, rect, text').length < 3) out.push(f.id + ': SVG has no drawing');
    if (!svg.getAttribute('aria-label') && !svg.querySelector('title') && !svg.getAttribute('aria-labelledby')) out.push(f.id + ': SVG has no text alternative');
    if (r.right > window.innerWidth + 0.5) out.push(f.id + ': SVG wider than the screen');
  }
  return {count: figs.length, problems: out};
})()`

const axeRun = `axe.run(document, {runOnly: %s, resultTypes: ['violations']}).then(r => r.violations.map(v =>
  v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ') + (n.any[0] ? ' [' + n.any[0].message + ']' : '')).join(' | ')))`

// axe injects axe-core into the page and returns its violations.
func axe(tb *tab, rules string) ([]string, error) {
	if ok, _ := eval[bool](tb, `typeof axe === 'object'`, false); !ok {
		if _, err := eval[bool](tb, axeSource+";true", false); err != nil {
			return nil, fmt.Errorf("injecting axe-core: %w", err)
		}
	}
	return eval[[]string](tb, fmt.Sprintf(axeRun, rules), true)
}

const wcagAA = `['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']`

// allRules runs every axe-core rule that is not experimental: WCAG 2.x A
// and AA and axe's best practices (landmarks, regions, headings), at any
// impact, minor and moderate included.
const allRules = `{type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}`

// TestPages opens every page of every language of every site at phone and
// desktop size, over HTTP under a sub-path and from file://.
func TestPages(t *testing.T) {
	needBrowser(t)
	tabs := newPool(t, 2)
	start := time.Now()
	n := 0
	for _, s := range sites {
		if !s.full {
			continue
		}
		list := pagesOf(t, s.dir)
		n += len(list)
		for _, o := range s.origins() {
			for _, p := range list {
				for _, vp := range []viewport{phone, desktop} {
					t.Run(s.name+"/"+o.name+"/"+vp.name+"/"+p, func(t *testing.T) {
						t.Parallel()
						tb := tabs.get()
						defer tabs.put(tb)
						checkPage(t, tb, o, p, vp)
					})
				}
			}
		}
	}
	t.Cleanup(func() {
		t.Logf("%d pages × 2 origins × 2 sizes in %v", n, time.Since(start).Round(time.Millisecond))
	})
}

func checkPage(t *testing.T, tb *tab, o origin, p string, vp viewport) {
	// Scripts on, light: layout, accessibility, console, network.
	if err := tb.setup(vp, true, "light"); err != nil {
		t.Fatal(err)
	}
	if err := tb.open(o.base, p); err != nil {
		t.Fatalf("open: %v", err)
	}
	probs, err := eval[[]string](tb, strings.Replace(layoutScript, "__VW__", strconv.FormatInt(vp.width, 10), 1), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range probs {
		t.Errorf("%s", pr)
	}
	// axe once per page and size over HTTP; file:// shows the same markup.
	if o.name == "http" {
		v, err := axe(tb, allRules)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range v {
			t.Errorf("axe: %s", x)
		}
	}
	// Let a chart near the top upgrade, so its errors show up here.
	time.Sleep(150 * time.Millisecond)
	for _, e := range tb.take() {
		t.Errorf("%s", e)
	}

	// Dark: contrast again, once per page.
	if o.name == "http" && vp == desktop {
		if err := tb.setup(vp, true, "dark"); err != nil {
			t.Fatal(err)
		}
		if err := tb.open(o.base, p); err != nil {
			t.Fatalf("open dark: %v", err)
		}
		v, err := axe(tb, `['color-contrast']`)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range v {
			t.Errorf("dark: axe: %s", x)
		}
		for _, e := range tb.take() {
			t.Errorf("dark: %s", e)
		}
	}

	// Scripts off: the server-rendered charts are the charts.
	if vp == phone {
		if err := tb.setup(vp, false, "light"); err != nil {
			t.Fatal(err)
		}
		if err := tb.open(o.base, p); err != nil {
			t.Fatalf("open without JavaScript: %v", err)
		}
		type result struct {
			Count    int
			Problems []string
		}
		r, err := eval[result](tb, chartsScript, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range r.Problems {
			t.Errorf("without JavaScript: %s", pr)
		}
		if path.Base(p) == "index.html" && strings.Contains(p, "/") && r.Count < 2 {
			t.Errorf("without JavaScript: overview shows %d charts, want at least 2", r.Count)
		}
		for _, e := range tb.take() {
			t.Errorf("without JavaScript: %s", e)
		}
	}
}

// TestLanguageSwitch follows each language link of every page of each
// language and expects the same page in the other language.
func TestLanguageSwitch(t *testing.T) {
	needBrowser(t)
	tb := newTab(t)
	if err := tb.setup(phone, true, "light"); err != nil {
		t.Fatal(err)
	}
	type link struct {
		Href, Hreflang, Lang string
		Current              bool
	}
	const linksScript = `Array.from(document.querySelectorAll('.lang-switch a')).map(a => ({
	  href: a.href, hreflang: a.getAttribute('hreflang') || '', lang: a.getAttribute('lang') || '',
	  current: a.getAttribute('aria-current') === 'page'}))`
	const hereScript = `({lang: document.documentElement.lang, body: document.body.className, h1: (document.querySelector('h1') || {}).textContent || ''})`
	type here struct{ Lang, Body, H1 string }
	for _, o := range origins() {
		for _, p := range pages(t) {
			if !strings.Contains(p, "/") {
				continue // the root chooser and the 404 page have no switch
			}
			t.Run(o.name+"/"+p, func(t *testing.T) {
				if err := tb.open(o.base, p); err != nil {
					t.Fatal(err)
				}
				from, err := eval[here](tb, hereScript, false)
				if err != nil {
					t.Fatal(err)
				}
				if strings.Contains(from.Body, "page-single") {
					t.Skip("the one-file report stands alone: it has no language switch by design")
				}
				links, err := eval[[]link](tb, linksScript, false)
				if err != nil {
					t.Fatal(err)
				}
				if len(links) < 2 {
					t.Fatalf("%d language links, want one per language", len(links))
				}
				current := 0
				for _, l := range links {
					if l.Hreflang == "" || !strings.EqualFold(l.Hreflang, l.Lang) {
						t.Errorf("link %s: hreflang %q, lang %q: want both, equal", l.Href, l.Hreflang, l.Lang)
					}
					if l.Current {
						current++
						if !strings.EqualFold(l.Hreflang, from.Lang) {
							t.Errorf("current link is %s, page is %s", l.Hreflang, from.Lang)
						}
					}
				}
				if current != 1 {
					t.Errorf("%d links marked aria-current, want 1", current)
				}
				for _, l := range links {
					if l.Current {
						continue
					}
					if err := tb.open("", l.Href); err != nil {
						t.Errorf("%s: %v", l.Href, err)
						continue
					}
					to, err := eval[here](tb, hereScript, false)
					if err != nil {
						t.Fatal(err)
					}
					if !strings.EqualFold(to.Lang, l.Hreflang) {
						t.Errorf("%s link landed on a page in %q", l.Hreflang, to.Lang)
					}
					if path.Base(l.Href) != path.Base(p) || to.Body != from.Body {
						t.Errorf("%s link landed on %s (%s), want the same page as %s (%s)", l.Hreflang, l.Href, to.Body, p, from.Body)
					}
					if strings.TrimSpace(to.H1) == "" {
						t.Errorf("%s: no heading", l.Href)
					}
					for _, e := range tb.take() {
						t.Errorf("%s: %s", l.Href, e)
					}
				}
			})
		}
	}
}

// TestChartTips taps, hovers and tabs to every mark of every chart on pages
// with charts, at phone and desktop size, light and dark: each must show a
// tooltip with the mark's exact value that stays inside the viewport and
// takes the page's colours, without loading ECharts. Escape closes it. Then
// the explore button loads the full ECharts bundle, on request only.
func TestChartTips(t *testing.T) {
	needBrowser(t)
	tb := newTab(t)
	type mark struct {
		Chart, Value, Tip, Why string
	}
	type result struct {
		Marks    int
		Problems []string
		ECharts  bool
	}
	const script = `(async () => {
  const out = [], vw = document.documentElement.clientWidth, vh = window.innerHeight;
  const frame = () => new Promise(r => requestAnimationFrame(() => r()));
  let n = 0;
  const rgb = s => s.replace(/\s/g, '');
  const bodyBg = getComputedStyle(document.body).backgroundColor;
  for (const box of document.querySelectorAll('.chart-box[data-chart]')) {
    const id = box.dataset.chart;
    const d = JSON.parse(box.querySelector('script.chart-tips').textContent);
    // Series past the data's (a progress bar's track) are decoration.
    const marks = Array.from(box.querySelectorAll('svg [data-t="chart"]')).filter(m => m.getAttribute('fill') !== 'none' && +m.dataset.s < d.values.length);
    if (!marks.length) { out.push(id + ': no marks tagged with their data point'); continue; }
    const tip = box.querySelector('.chart-tip');
    if (!tip) { out.push(id + ': no tooltip element'); continue; }
    const check = (how, m) => {
      const s = +m.dataset.s, i = +m.dataset.i, want = d.values[s][i];
      if (tip.hidden) { out.push(id + ' ' + how + ' mark ' + s + '/' + i + ': no tooltip'); return; }
      if (!tip.textContent.includes(want)) out.push(id + ' ' + how + ': tooltip "' + tip.textContent + '" lacks ' + want);
      if (!tip.textContent.includes(d.rows[i].label)) out.push(id + ' ' + how + ': tooltip lacks the row ' + d.rows[i].label);
      if (d.context && !tip.textContent.includes(d.context)) out.push(id + ' ' + how + ': tooltip lacks the period ' + d.context);
      const r = tip.getBoundingClientRect();
      if (r.left < 0 || r.right > vw + 0.5 || r.top < 0 || r.bottom > vh + 0.5) out.push(id + ' ' + how + ': tooltip off screen at ' + [r.left, r.top, r.right, r.bottom].map(Math.round).join(','));
      const cs = getComputedStyle(tip);
      if (rgb(cs.backgroundColor) !== rgb(bodyBg) && rgb(cs.backgroundColor) !== rgb(getComputedStyle(document.documentElement).backgroundColor)) out.push(id + ': tooltip background ' + cs.backgroundColor + ' is not the page background ' + bodyBg);
      n++;
    };
    for (const m of marks) {
      box.scrollIntoView({block: 'center'});
      await frame();
      // A point of the mark a finger can hit: the first of a grid over its
      // box where the mark is the topmost element (a donut's sector is not
      // at its box's centre).
      const r = m.getBoundingClientRect();
      let hit = null;
      for (const fy of [0.5, 0.3, 0.7, 0.15, 0.85]) for (const fx of [0.5, 0.3, 0.7, 0.15, 0.85]) {
        const x = r.left + r.width * fx, y = r.top + r.height * fy;
        if (!hit && document.elementFromPoint(x, y) === m) hit = [x, y];
      }
      if (!hit) { out.push(id + ': mark ' + m.dataset.s + '/' + m.dataset.i + ' cannot be tapped: covered everywhere'); continue; }
      document.elementFromPoint(hit[0], hit[1]).dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: hit[0], clientY: hit[1]}));
      check('tap', m);
      // A thin mark (a small value) answers a tap beside it too.
      if (r.width * r.height < 200) {
        box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
        const x = r.left + r.width / 2, y = r.top - 12;
        document.elementFromPoint(x, y).dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: x, clientY: y}));
        check('tap beside a thin mark', m);
      }
    }
    // Keyboard: focus, arrows through every mark, Escape.
    box.focus();
    await frame();
    const seen = new Set();
    for (let k = 0; k < marks.length; k++) {
      const on = box.querySelector('svg .on');
      if (!on) { out.push(id + ': keyboard focus shows no mark'); break; }
      check('key', on);
      seen.add(on);
      box.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}));
    }
    if (seen.size !== marks.length) out.push(id + ': arrow keys reached ' + seen.size + ' of ' + marks.length + ' marks');
    box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
    if (!tip.hidden) out.push(id + ': Escape does not close the tooltip');
    box.blur();
  }
  return {marks: n, problems: out, echarts: !!window.echarts};
})()`
	for _, scheme := range []string{"light", "dark"} {
		for _, vp := range []viewport{phone, desktop} {
			for _, p := range []string{"en/index.html", "zh-hant/achievements.html", "zh-hans/plans.html"} {
				t.Run(scheme+"/"+vp.name+"/"+p, func(t *testing.T) {
					if err := tb.setup(vp, true, scheme); err != nil {
						t.Fatal(err)
					}
					if err := tb.open(origins()[0].base, p); err != nil {
						t.Fatal(err)
					}
					r, err := eval[result](tb, script, true)
					if err != nil {
						t.Fatal(err)
					}
					for _, pr := range r.Problems {
						t.Error(pr)
					}
					if r.Marks == 0 {
						t.Error("no tooltip checked")
					}
					if r.ECharts {
						t.Error("the full ECharts bundle loaded without the reader asking")
					}
					for _, e := range tb.take() {
						t.Error(e)
					}
				})
			}
		}
	}
}

// TestChartExplore presses a chart's explore button: only then does the full
// ECharts bundle load, replacing the SVG in a box of the same height.
func TestChartExplore(t *testing.T) {
	needBrowser(t)
	tb := newTab(t)
	for _, o := range origins() {
		t.Run(o.name, func(t *testing.T) {
			if err := tb.setup(phone, true, "light"); err != nil {
				t.Fatal(err)
			}
			if err := tb.open(o.base, "en/index.html"); err != nil {
				t.Fatal(err)
			}
			type box struct {
				Before, After float64
				Live, Early   bool
				Label         string
			}
			b, err := eval[box](tb, `(async () => {
  const early = !!window.echarts;
  const box = document.querySelector('.chart-box[data-chart]');
  const btn = box.parentNode.querySelector('.chart-explore');
  if (!btn) return {before: 0, after: 0, live: false, early, label: 'no explore button'};
  const before = box.getBoundingClientRect().height;
  btn.click();
  for (let i = 0; i < 100 && !(window.echarts && echarts.getInstanceByDom(box)); i++) await new Promise(r => setTimeout(r, 100));
  const img = Array.from(box.querySelectorAll('[role=img]')).find(s => getComputedStyle(s).display !== 'none' && s.getAttribute('aria-hidden') !== 'true');
  return {before, after: box.getBoundingClientRect().height, live: !!(window.echarts && echarts.getInstanceByDom(box)), early,
    label: img ? (img.getAttribute('aria-label') || '') : ''};
})()`, true)
			if err != nil {
				t.Fatal(err)
			}
			if b.Early {
				t.Error("ECharts loaded before the reader asked")
			}
			if !b.Live {
				t.Fatalf("chart did not become a live ECharts instance within 10s (%s)", b.Label)
			}
			if d := b.After - b.Before; d > 1 || d < -1 {
				t.Errorf("chart box height changed from %.1f to %.1f px (layout shift)", b.Before, b.After)
			}
			if b.Label == "" {
				t.Errorf("live chart has no aria-label")
			}
			for _, e := range tb.take() {
				t.Error(e)
			}
		})
	}
}

// TestServiceWorker checks offline reading on request: a first visit
// downloads nothing in the background, pages already opened keep working
// when the network goes, the About page saves this report for offline
// reading (with its size shown first) and only then do unvisited pages open
// offline. Hosts such as Go's file server redirect …/index.html to …/, so
// the worker must not answer a navigation with a redirected response.
func TestServiceWorker(t *testing.T) {
	needBrowser(t)
	tb := newTabSW(t)
	if err := tb.setup(phone, true, "light"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { serverDown.Store(false) })
	base := origins()[0].base
	// Start as a first-time reader: no worker, no cache.
	if err := tb.open(base, "en/index.html"); err != nil {
		t.Fatal(err)
	}
	if _, err := eval[bool](tb, `(async () => {
  for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
  for (const k of await caches.keys()) await caches.delete(k);
  return true;
})()`, true); err != nil {
		t.Fatal(err)
	}
	// Nor an HTTP cache: earlier tests in this browser opened every page,
	// and a page still fresh there would show offline as if the worker
	// had downloaded it.
	if err := tb.clearCache(); err != nil {
		t.Fatal(err)
	}
	tb.take()
	if err := tb.open(base, "en/index.html"); err != nil {
		t.Fatal(err)
	}
	ok, err := eval[bool](tb, `(async () => {
  if (!('serviceWorker' in navigator)) return false;
  await navigator.serviceWorker.ready;
  for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i++) await new Promise(r => setTimeout(r, 100));
  return !!navigator.serviceWorker.controller;
})()`, true)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		t.Fatal("no service worker took control of the page")
	}
	const cached = `(async () => {
  const out = [];
  for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) out.push(new URL(r.url).pathname);
  return out.sort();
})()`
	if err := tb.open(base, "en/achievements.html"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond) // anything in the background would start now
	have, err := eval[[]string](tb, cached, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range have {
		p := strings.TrimPrefix(u, subPath)
		switch p {
		case "en/achievements.html", "static/site.css", "static/charts.js", "static/offline.js", "static/search.js", "manifest.webmanifest":
		default:
			t.Errorf("after visiting two pages the cache holds %s, which the reader did not open", p)
		}
	}
	if len(have) == 0 {
		t.Error("the worker kept nothing of the page the reader opened")
	}

	visit := func(p string) (string, error) {
		if err := tb.open(base, p); err != nil {
			return "", err
		}
		return eval[string](tb, `document.body.className`, false)
	}
	serverDown.Store(true)
	if body, err := visit("en/achievements.html"); err != nil || !strings.Contains(body, "page-section") {
		t.Errorf("offline, a page the reader opened before: %q, %v", body, err)
	}
	if body, _ := visit("en/plans.html"); strings.Contains(body, "page-section") {
		t.Errorf("offline, a page never opened nor saved shows (%q): something downloaded it", body)
	}
	serverDown.Store(false)
	tb.take()

	// Save this report from the About page.
	if _, err := visit("en/about.html"); err != nil {
		t.Fatal(err)
	}
	type saved struct {
		Size, Status string
		Visible      bool
	}
	r, err := eval[saved](tb, `(async () => {
  const box = document.getElementById('offline-save');
  if (!box) return {size: '', status: 'no offline box', visible: false};
  const btn = box.querySelector('button[data-pack="en"]');
  const size = btn.querySelector('.size').textContent;
  btn.click();
  const status = box.querySelector('.offline-status');
  for (let i = 0; i < 100 && status.textContent !== box.dataset.saved; i++) await new Promise(r => setTimeout(r, 100));
  return {size, status: status.textContent, visible: !box.hidden && box.getBoundingClientRect().height > 0};
})()`, true)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Visible || !(strings.HasSuffix(r.Size, " KB") || strings.HasSuffix(r.Size, " MB")) {
		t.Errorf("About page: save button visible %v, size %q: want a visible button that states the size", r.Visible, r.Size)
	}
	if !strings.HasPrefix(r.Status, "Saved") {
		t.Fatalf("saving for offline reading: status %q", r.Status)
	}
	serverDown.Store(true)
	for p, want := range map[string]string{"en/plans.html": "page-section", "en/practices.html": "page-section", "en/data.html": "page-data", "en/index.html": "page-overview", "en/parallel.html": "page-parallel"} {
		if body, err := visit(p); err != nil || body != want {
			t.Errorf("offline after saving: %s: body class %q, want %q (%v)", p, body, want, err)
		}
	}
	if body, _ := visit("zh-hant/plans.html"); strings.Contains(body, "page-section") {
		t.Errorf("offline after saving English only, the Chinese page shows: the whole site was saved")
	}
	serverDown.Store(false)
	tb.take()

	for _, p := range []string{"en/index.html", "en/achievements.html", "zh-hant/index.html", "zh-hant/data.html", "index.html"} {
		if err := tb.open(base, p); err != nil {
			t.Errorf("%s through the service worker: %v", p, err)
		}
		for _, e := range tb.take() {
			t.Errorf("%s through the service worker: %s", p, e)
		}
	}
}

// TestStatedLinks follows figures of data tables and key-figure cards to the
// sentence that states them, with JavaScript off, over http and file://, on
// every kind of page that shows them: the paragraph is the :target and is
// highlighted.
func TestStatedLinks(t *testing.T) {
	needBrowser(t)
	tb := newTab(t)
	if err := tb.setup(phone, false, "light"); err != nil {
		t.Fatal(err)
	}
	const linksScript = `Array.from(document.querySelectorAll('a.stated, .card-link')).map(a => a.href).filter(h => h.includes('#')).slice(0, 4)`
	const targetScript = `(() => { const t = document.querySelector(':target');
	  return {id: t ? t.id : '', bg: t ? getComputedStyle(t).backgroundColor : ''}; })()`
	type target struct{ ID, Bg string }
	var checked int
	for _, o := range origins() {
		for _, p := range pages(t) {
			base := path.Base(p)
			if !strings.Contains(p, "/") || !(base == "index.html" || base == "data.html" || base == "report.html" || base == "achievements.html" || strings.HasPrefix(base, "changtai-")) {
				continue
			}
			t.Run(o.name+"/"+p, func(t *testing.T) {
				if err := tb.open(o.base, p); err != nil {
					t.Fatal(err)
				}
				links, err := eval[[]string](tb, linksScript, false)
				if err != nil {
					t.Fatal(err)
				}
				if len(links) == 0 {
					t.Fatalf("no figure links to the sentences that state them")
				}
				for _, h := range links {
					if err := tb.open("", h); err != nil {
						t.Fatalf("%s: %v", h, err)
					}
					got, err := eval[target](tb, targetScript, false)
					if err != nil {
						t.Fatal(err)
					}
					_, frag, _ := strings.Cut(h, "#")
					want, _, _ := strings.Cut(frag, ":~:")
					if got.ID != want {
						t.Errorf("%s: :target is %q, want %q", h, got.ID, want)
					}
					if got.Bg == "" || got.Bg == "rgba(0, 0, 0, 0)" || got.Bg == "transparent" {
						t.Errorf("%s: the stating paragraph is not highlighted (background %q)", h, got.Bg)
					}
					checked++
					for _, e := range tb.take() {
						t.Errorf("%s: %s", h, e)
					}
				}
			})
		}
	}
	if checked == 0 {
		t.Error("followed no figure link")
	}
}
