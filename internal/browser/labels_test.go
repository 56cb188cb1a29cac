package browser

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// labelsScript measures every chart on the page as the browser draws it and
// returns what a reader could not read:
//
//   - a label (the <text> lines ECharts draws for one label share their
//     transform, so they are measured as one box) that overlaps another, or
//     comes closer to it side by side than minGap px;
//   - a label that overlaps a filled mark (bar, slice) it is not wholly
//     inside, or a dashed reference line;
//   - a label cut off by the edge of the SVG;
//   - text under minPx CSS px as drawn, once the SVG is scaled to its box.
//
// Marks are tested point by point with isPointInFill and isPointInStroke, so
// a donut's hole or a bar's exact edge count as drawn, not as bounding boxes.
// Solid thin lines (axes, grid lines, a pie's label lines) are not marks:
// labels sit on grid lines by design.
const labelsScript = `((minPx, minGap) => {
  const out = [];
  let charts = 0;
  const num = v => { const x = parseFloat(v); return isNaN(x) ? 1 : x; };
  for (const fig of document.querySelectorAll('figure.chart')) {
    const svg = fig.querySelector('.chart-box svg');
    if (!svg) continue;
    charts++;
    const id = fig.id;
    const sr = svg.getBoundingClientRect();
    const vb = svg.viewBox && svg.viewBox.baseVal;
    const scale = vb && vb.width ? sr.width / vb.width : 1;
    const labels = new Map();
    for (const t of svg.querySelectorAll('text')) {
      const s = t.textContent.trim();
      if (!s) continue;
      const cs = getComputedStyle(t);
      if (cs.display === 'none' || cs.visibility === 'hidden' || num(cs.opacity) === 0) continue;
      const px = parseFloat(t.getAttribute('font-size') || cs.fontSize) * scale;
      if (px < minPx - 0.01) out.push(id + ': "' + s + '" is ' + px.toFixed(1) + ' px, under ' + minPx + ' px');
      const r = t.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const key = (t.getAttribute('transform') || '') + '@' + (t.getAttribute('x') || '');
      const l = labels.get(key);
      if (l) {
        l.text += ' ' + s;
        l.l = Math.min(l.l, r.left); l.t = Math.min(l.t, r.top); l.r = Math.max(l.r, r.right); l.b = Math.max(l.b, r.bottom);
      } else {
        labels.set(key, {text: s, l: r.left, t: r.top, r: r.right, b: r.bottom});
      }
    }
    const list = Array.from(labels.values());
    for (const a of list) {
      if (a.l < sr.left - 0.5 || a.r > sr.right + 0.5 || a.t < sr.top - 0.5 || a.b > sr.bottom + 0.5) {
        out.push(id + ': "' + a.text + '" is cut off by the edge of the chart');
      }
    }
    // Glyph boxes include the font's leading: lines one above the other may
    // touch by a pixel. Side by side, labels need a gap.
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i], b = list[j];
        if (a.l < b.r + minGap && b.l < a.r + minGap && a.t < b.b - 1 && b.t < a.b - 1) {
          out.push(id + ': "' + a.text + '" and "' + b.text + '" overlap or touch');
        }
      }
    }
    const marks = [];
    for (const el of svg.querySelectorAll('path, rect, circle, ellipse, polygon, polyline, line')) {
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden') continue;
      const fill = cs.fill, stroke = cs.stroke;
      const fillAlpha = /rgba\([^)]*,\s*([\d.]+)\)/.test(fill) ? parseFloat(RegExp.$1) : 1;
      const filled = fill && fill !== 'none' && fillAlpha * num(cs.fillOpacity) * num(cs.opacity) >= 0.5;
      const dashed = stroke && stroke !== 'none' && cs.strokeDasharray && cs.strokeDasharray !== 'none';
      if (!filled && !dashed) continue;
      const r = el.getBoundingClientRect();
      marks.push({el, filled, dashed, r, inv: el.getScreenCTM().inverse()});
    }
    for (const a of list) {
      for (const m of marks) {
        if (m.r.right < a.l || m.r.left > a.r || m.r.bottom < a.t || m.r.top > a.b) continue;
        let hit = 0, miss = 0;
        // Sample the label's box, 1 px in from its edges, every 1.5 px.
        for (let y = a.t + 1; y <= a.b - 1; y += 1.5) {
          for (let x = a.l + 1; x <= a.r - 1; x += 1.5) {
            const p = new DOMPoint(x, y).matrixTransform(m.inv);
            if (m.filled && m.el.isPointInFill(p) || m.dashed && m.el.isPointInStroke(p)) hit++; else miss++;
          }
        }
        if (hit === 0) continue;
        if (m.filled && !m.dashed && miss === 0) continue; // wholly inside its bar: an inside label
        out.push(id + ': "' + a.text + '" overlaps ' + (m.dashed ? 'a reference line' : 'a ' + m.el.tagName + ' filled ' + getComputedStyle(m.el).fill));
      }
    }
  }
  return {charts, problems: out};
})(__MINPX__, __GAP__)`

// TestChartLabels opens every page with a chart of every report at phone
// and desktop size, with scripts off so that the server-rendered SVG is what
// is measured, and fails on any label that overlaps another label, a bar or
// a reference line, is cut off, or is drawn under 12 CSS px on a phone.
func TestChartLabels(t *testing.T) {
	needBrowser(t)
	tb := newTab(t)
	total := 0
	for _, s := range sites {
		if !s.full {
			continue // a variant of a full site: the same charts
		}
		dir := s.dir
		list := chartPages(t, dir)
		if len(list) == 0 {
			t.Errorf("%s: no page with a chart", s.name)
		}
		base := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
		for _, vp := range []viewport{phone, desktop} {
			minPx := "12"
			if vp != phone {
				minPx = "0" // the phone is the floor; a desktop shows the same SVG larger
			}
			script := strings.NewReplacer("__MINPX__", minPx, "__GAP__", "3").Replace(labelsScript)
			for _, p := range list {
				t.Run(fmt.Sprintf("%s/%s/%s", filepath.Base(dir), vp.name, p), func(t *testing.T) {
					if err := tb.setup(vp, false, "light"); err != nil {
						t.Fatal(err)
					}
					if err := tb.open(base, p); err != nil {
						t.Fatal(err)
					}
					type result struct {
						Charts   int
						Problems []string
					}
					r, err := eval[result](tb, script, false)
					if err != nil {
						t.Fatal(err)
					}
					if r.Charts == 0 {
						t.Errorf("no chart measured")
					}
					total += r.Charts
					for _, pr := range dedupe(r.Problems) {
						t.Errorf("%s", pr)
					}
					for _, e := range tb.take() {
						t.Errorf("%s", e)
					}
				})
			}
		}
	}
	t.Logf("%d charts measured", total)
}

// chartPages lists the pages of the site in dir that hold a chart.
func chartPages(t *testing.T, dir string) []string {
	t.Helper()
	var list []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte(`<figure class="chart"`)) {
			rel, _ := filepath.Rel(dir, path)
			list = append(list, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(list)
	return list
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
