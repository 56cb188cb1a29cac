package browser

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestLegendToggle presses every legend entry of every chart that has a
// legend, on every page of every full site that loads the chart script: the
// entry's series disappears (its marks, its value labels and its tooltip
// stops), the others stay, the legend shows the entry as off, and a second
// press brings it all back. Entries are real buttons, so a keyboard reaches
// them; a tap on the legend in the SVG does the same.
func TestLegendToggle(t *testing.T) {
	needBrowser(t)
	tb := newTab(t)
	type result struct {
		Charts, Presses int
		Problems        []string
	}
	const script = `(async () => {
  const out = [];
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const shown = e => getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).display !== 'none';
  let charts = 0, presses = 0;
  for (const box of document.querySelectorAll('.chart-box[data-chart]')) {
    const id = box.dataset.chart;
    const svg = box.querySelector('svg');
    const items = svg ? Array.from(svg.querySelectorAll('[data-t="legend"]')) : [];
    if (!items.length) continue;
    charts++;
    const d = JSON.parse(box.querySelector('script.chart-tips').textContent);
    const byRow = d.series.length === 1;
    const keyOf = m => m.getAttribute(byRow ? 'data-i' : 'data-s');
    const names = byRow ? d.rows.map(r => r.label) : d.series;
    const bar = box.nextElementSibling;
    if (!bar || !bar.classList.contains('chart-legend')) { out.push(id + ': a legend in the SVG but no legend buttons after the chart'); continue; }
    const buttons = Array.from(bar.querySelectorAll('button.chart-toggle'));
    if (buttons.length !== names.length) out.push(id + ': ' + buttons.length + ' legend buttons for ' + names.length + ' entries');
    const marks = Array.from(svg.querySelectorAll('[data-t="chart"]')).filter(m => m.getAttribute('fill') !== 'none' && d.values[+m.dataset.s] && d.values[+m.dataset.s][+m.dataset.i]);
    // The value labels a series prints: texts equal to one of its values.
    const texts = Array.from(svg.querySelectorAll('text'));
    const labelsOf = k => texts.filter(t => {
      if (byRow) return d.values.some(v => v[+k] === t.textContent);
      return (d.values[+k] || []).includes(t.textContent) && !d.values.some((v, s) => s !== +k && v.includes(t.textContent));
    });
    for (let b = 0; b < buttons.length; b++) {
      const btn = buttons[b], k = String(b);
      if (btn.textContent.trim() !== names[b]) out.push(id + ': button ' + b + ' reads "' + btn.textContent + '", the entry is "' + names[b] + '"');
      if (btn.getAttribute('aria-pressed') !== 'true') { out.push(id + ': button ' + b + ' starts aria-pressed=' + btn.getAttribute('aria-pressed')); continue; }
      btn.focus();
      if (document.activeElement !== btn) out.push(id + ': button ' + b + ' cannot take keyboard focus');
      const mine = marks.filter(m => keyOf(m) === k), others = marks.filter(m => keyOf(m) !== k);
      if (!mine.length) { out.push(id + ': entry ' + names[b] + ' has no marks'); continue; }
      const labels = labelsOf(k).filter(shown);
      const othersShown = others.filter(shown);
      btn.click();
      presses++;
      await frame();
      if (btn.getAttribute('aria-pressed') !== 'false') out.push(id + ': pressing ' + names[b] + ' leaves aria-pressed=' + btn.getAttribute('aria-pressed'));
      const still = mine.filter(shown);
      if (still.length) out.push(id + ': ' + still.length + ' of ' + mine.length + ' marks of ' + names[b] + ' still shown after pressing it');
      const gone = othersShown.filter(m => !shown(m));
      if (gone.length) out.push(id + ': pressing ' + names[b] + ' hid ' + gone.length + ' marks of other entries');
      const lit = labels.filter(shown);
      if (lit.length) out.push(id + ': value labels of ' + names[b] + ' still shown: ' + lit.map(t => t.textContent).join(', '));
      // The entry in the SVG legend: its name and every shape drawn at the
      // same place (its icon), all faded.
      const faded = texts.filter(t => t.textContent === names[b] && +getComputedStyle(t).opacity < 1);
      if (faded.length !== 1) { out.push(id + ': the SVG legend shows ' + names[b] + ' as off ' + faded.length + ' times, not once'); continue; }
      const entry = Array.from(svg.querySelectorAll('[transform="' + faded[0].getAttribute('transform') + '"]'));
      if (entry.length < 2 || !entry.every(e => +getComputedStyle(e).opacity < 1)) out.push(id + ': the icon of ' + names[b] + ' in the SVG legend is not faded with its name');
      // The keyboard's walk through the marks skips the hidden series.
      box.focus();
      for (let n = 0; n < marks.length; n++) {
        const on = svg.querySelector('.on');
        if (on && keyOf(on) === k) { out.push(id + ': arrow keys reach a hidden mark of ' + names[b]); break; }
        box.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}));
      }
      box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
      box.blur();
      // Press again, this time on the legend in the SVG: all comes back.
      faded[0].dispatchEvent(new MouseEvent('click', {bubbles: true}));
      await frame();
      if (btn.getAttribute('aria-pressed') !== 'true') out.push(id + ': a tap on the SVG legend entry ' + names[b] + ' does not turn it back on');
      const back = mine.filter(m => !shown(m)).length + labels.filter(t => !shown(t)).length;
      if (entry.some(e => +getComputedStyle(e).opacity < 1)) out.push(id + ': the SVG legend entry ' + names[b] + ' stays faded after turning it back on');
      if (back) out.push(id + ': ' + back + ' marks or labels of ' + names[b] + ' stay hidden after turning it back on');
    }
  }
  return {charts, presses, problems: out};
})()`
	total := 0
	for _, s := range sites {
		if !s.full {
			continue
		}
		for _, p := range legendPages(t, s.dir) {
			for _, vp := range []viewport{phone, desktop} {
				t.Run(s.name+"/"+vp.name+"/"+p, func(t *testing.T) {
					if err := tb.setup(vp, true, "light"); err != nil {
						t.Fatal(err)
					}
					if err := tb.open(s.origins()[0].base, p); err != nil {
						t.Fatal(err)
					}
					r, err := eval[result](tb, script, true)
					if err != nil {
						t.Fatal(err)
					}
					for _, pr := range r.Problems {
						t.Error(pr)
					}
					if r.Charts == 0 || r.Presses == 0 {
						t.Errorf("%d charts with a legend, %d presses: the page's SVG has a legend", r.Charts, r.Presses)
					}
					total += r.Presses
					for _, e := range tb.take() {
						t.Error(e)
					}
				})
			}
		}
	}
	if total == 0 {
		t.Error("no legend pressed on any site: the starter report has charts with legends")
	}
}

// legendPages lists the pages of the site in dir that load the chart
// script and hold a chart with a legend.
func legendPages(t *testing.T, dir string) []string {
	t.Helper()
	var list []string
	for _, p := range chartPages(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(`data-t="legend"`)) && bytes.Contains(b, []byte(`charts.js`)) {
			list = append(list, p)
		}
	}
	return list
}
