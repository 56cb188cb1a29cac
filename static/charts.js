// Makes the server-rendered chart SVGs answer a reader: tap, hover or
// keyboard focus on a mark shows its exact value, unit and period, from the
// chart's JSON data island; a legend's entries toggle their series. The full
// ECharts bundle loads only when the reader asks to explore a chart. Without
// JavaScript the SVG and its data table stay as they are.
(function () {
  'use strict';
  var me = document.currentScript;
  var src = me && me.src ? me.src.replace(/charts\.js(\?.*)?$/, 'vendor/echarts/echarts.min.js') : null;
  var boxes = document.querySelectorAll('.chart-box[data-chart]');
  var open = null; // the chart whose tip is shown

  function json(box, cls) {
    var el = box.querySelector('script.' + cls);
    try { return el ? JSON.parse(el.textContent) : null; } catch (e) { return null; }
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function setup(box) {
    var svg = box.querySelector('svg');
    var d = json(box, 'chart-tips');
    if (!svg || !d || !d.rows) return;
    // Marks: shapes ECharts tagged with a data point that paint an area
    // (reference lines and polylines carry fill="none").
    var marks = Array.prototype.filter.call(svg.querySelectorAll('[data-t="chart"]'), function (m) {
      var s = +m.getAttribute('data-s'), i = +m.getAttribute('data-i');
      return m.getAttribute('fill') !== 'none' && d.values[s] && d.values[s][i];
    });
    if (!marks.length) return;
    // In the table's order, row by row, then series by series: the order
    // the chart draws its categories. Reading the data attributes needs no
    // layout, so setting up costs the page nothing while it loads.
    var key = function (m) { return [+m.getAttribute('data-i'), +m.getAttribute('data-s')]; };
    marks.sort(function (a, b) { var x = key(a), y = key(b); return (x[0] - y[0]) || (x[1] - y[1]); });
    var tip = el('div', 'chart-tip');
    tip.setAttribute('role', 'status');
    tip.hidden = true;
    box.appendChild(tip);
    var cur = -1;
    var title = svg.querySelector('title');
    box.tabIndex = 0;
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', (title ? title.textContent + ' — ' : '') + (box.getAttribute('data-keys') || ''));

    function visible(m) { return !m.classList.contains('off'); }
    function show(k) {
      if (k < 0 || k >= marks.length) return;
      if (open && open !== api) open.hide();
      open = api;
      if (cur >= 0) marks[cur].classList.remove('on');
      cur = k;
      var m = marks[k], s = +m.getAttribute('data-s'), i = +m.getAttribute('data-i');
      var row = d.rows[i];
      m.classList.add('on');
      tip.textContent = '';
      tip.appendChild(el('strong', '', row.label));
      if (row.name) tip.appendChild(el('span', 'tip-name', row.name));
      var v = el('span', 'tip-value');
      if (d.series.length > 1 || d.series[s] !== row.label) v.appendChild(el('span', '', d.series[s] + (d.colon || ': ')));
      v.appendChild(el('b', '', d.values[s][i]));
      tip.appendChild(v);
      if (d.context) tip.appendChild(el('span', 'tip-context', d.context));
      tip.hidden = false;
      place(m);
    }
    // place puts the tip above the mark, or below when there is no room,
    // and keeps it inside the viewport.
    function place(m) {
      var r = m.getBoundingClientRect(), b = box.getBoundingClientRect();
      var vw = document.documentElement.clientWidth;
      tip.style.left = '0px';
      tip.style.top = '0px';
      var w = tip.offsetWidth, h = tip.offsetHeight, gap = 8;
      var x = r.left + r.width / 2 - w / 2;
      x = Math.max(gap, Math.min(x, vw - gap - w));
      var y = r.top - h - gap;
      if (y < gap) y = Math.min(r.bottom + gap, window.innerHeight - gap - h);
      tip.style.left = Math.round(x - b.left) + 'px';
      tip.style.top = Math.round(y - b.top) + 'px';
    }
    function hide() {
      if (cur >= 0) marks[cur].classList.remove('on');
      tip.hidden = true;
      if (open === api) open = null;
    }
    function step(k, dir) {
      for (var n = 0; n < marks.length; n++) {
        k = (k + dir + marks.length) % marks.length;
        if (visible(marks[k])) return k;
      }
      return -1;
    }
    var api = { hide: hide, box: box };

    // nearest returns the visible mark within a finger's width of a tap,
    // so that a thin bar (a small value) can be tapped too.
    function nearest(x, y) {
      var best = -1, dist = 24;
      marks.forEach(function (m, k) {
        if (!visible(m)) return;
        var r = m.getBoundingClientRect();
        var dx = Math.max(r.left - x, 0, x - r.right), dy = Math.max(r.top - y, 0, y - r.bottom);
        var dd = Math.sqrt(dx * dx + dy * dy);
        if (dd < dist) { dist = dd; best = k; }
      });
      return best;
    }
    svg.addEventListener('click', function (e) {
      var k = marks.indexOf(e.target.closest('[data-t="chart"]'));
      if (k < 0 || !visible(marks[k])) k = nearest(e.clientX, e.clientY);
      if (k >= 0) { show(k); e.stopPropagation(); }
    });
    svg.addEventListener('pointerover', function (e) {
      if (e.pointerType !== 'mouse') return;
      var k = marks.indexOf(e.target.closest('[data-t="chart"]'));
      if (k >= 0 && visible(marks[k])) show(k);
    });
    box.addEventListener('pointerleave', function (e) {
      if (e.pointerType === 'mouse' && document.activeElement !== box) hide();
    });
    box.addEventListener('focus', function () { show(cur >= 0 && visible(marks[cur]) ? cur : step(-1, 1)); });
    box.addEventListener('blur', hide);
    box.addEventListener('keydown', function (e) {
      var k = -1;
      switch (e.key) {
        case 'ArrowRight': case 'ArrowDown': k = step(cur, 1); break;
        case 'ArrowLeft': case 'ArrowUp': k = step(cur < 0 ? 0 : cur, -1); break;
        case 'Home': k = step(-1, 1); break;
        case 'End': k = step(0, -1); break;
        case 'Escape': if (!tip.hidden) { hide(); e.preventDefault(); } return;
        default: return;
      }
      e.preventDefault();
      show(k);
    });

    legend(box, svg, d, marks, hide);
    explore(box);
  }

  // legend turns the chart's legend into toggles: real buttons under the
  // chart for keyboards and screen readers, and the legend in the SVG.
  function legend(box, svg, d, marks, hide) {
    var items = svg.querySelectorAll('[data-t="legend"]');
    if (!items.length) return;
    var byRow = d.series.length === 1; // a pie's legend names its rows
    var key = function (m) { return m.getAttribute(byRow ? 'data-i' : 'data-s'); };
    var names = byRow ? d.rows.map(function (r) { return r.label; }) : d.series;
    var opt = json(box, 'chart-option') || {};
    var series = [].concat(opt.series || []);
    var texts = svg.querySelectorAll('text');
    // An entry is every shape drawn at its place: ECharts tags a plain
    // icon with its series but not the icon of a line (a group) nor the
    // name, which share the icon's transform. An entry with no tagged icon
    // is found by its name, on the row of a tagged one when there is one.
    var entries = {};
    var at = function (tr) { return tr ? svg.querySelectorAll('[transform="' + tr + '"]') : []; };
    var row = function (tr) { var m = /\s([-\d.]+)\)$/.exec(tr || ''); return m ? m[1] : null; };
    var rows = {};
    Array.prototype.forEach.call(items, function (it) {
      var tr = it.getAttribute('transform');
      if (!entries[key(it)]) entries[key(it)] = at(tr);
      rows[row(tr)] = true;
    });
    names.forEach(function (n, k) {
      if (entries[k]) return;
      var t = Array.prototype.filter.call(texts, function (t) { return t.textContent === n && t.getAttribute('transform'); });
      var same = t.filter(function (t) { return rows[row(t.getAttribute('transform'))]; });
      t = same.length ? same : t;
      if (t.length === 1) entries[k] = at(t[0].getAttribute('transform'));
    });
    var bar = el('div', 'chart-legend');
    var buttons = {};
    function labelsOf(k) {
      var want = {};
      series.forEach(function (s, si) {
        (s.data || []).forEach(function (p, i) {
          var f = p && p.label && p.label.formatter;
          if (f && (byRow ? String(i) : String(si)) === k) want[f] = true;
        });
      });
      return Array.prototype.filter.call(texts, function (t) { return want[t.textContent]; });
    }
    function toggle(k) {
      var b = buttons[k];
      var on = b.getAttribute('aria-pressed') !== 'true';
      b.setAttribute('aria-pressed', String(on));
      hide();
      marks.concat(labelsOf(k)).forEach(function (m) {
        if (m.tagName === 'text' || key(m) === k) m.classList.toggle('off', !on);
      });
      Array.prototype.forEach.call(entries[k] || [], function (it) { it.classList.toggle('faded', !on); });
    }
    names.forEach(function (n, k) {
      var b = el('button', 'chart-toggle', n);
      b.type = 'button';
      b.setAttribute('aria-pressed', 'true');
      b.addEventListener('click', function () { toggle(String(k)); });
      buttons[String(k)] = b;
      bar.appendChild(b);
    });
    Object.keys(entries).forEach(function (k) {
      Array.prototype.forEach.call(entries[k], function (it) {
        it.classList.add('entry');
        it.addEventListener('click', function (e) { e.stopPropagation(); if (buttons[k]) toggle(k); });
      });
    });
    box.parentNode.insertBefore(bar, box.nextSibling);
  }

  var loading = null;
  function loadECharts() {
    if (window.echarts) return Promise.resolve(window.echarts);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = src;
        s.onload = function () { resolve(window.echarts); };
        s.onerror = reject;
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  // explore offers the full ECharts bundle, on request only: zoom and pan.
  function explore(box) {
    var label = box.getAttribute('data-explore');
    var island = box.querySelector('script.chart-option');
    if (!label || !island || !src) return;
    var b = el('button', 'chart-explore', label);
    b.type = 'button';
    b.addEventListener('click', function () {
      b.disabled = true;
      loadECharts().then(function (echarts) { live(box, island, echarts); b.remove(); }, function () { b.disabled = false; });
    });
    var legendBar = box.nextSibling && box.nextSibling.className === 'chart-legend' ? box.nextSibling : box;
    legendBar.parentNode.insertBefore(b, legendBar.nextSibling);
  }

  function live(box, island, echarts) {
    var svg = box.querySelector('svg');
    var cs = getComputedStyle(box);
    var option = JSON.parse(island.textContent
      .split('#010101').join(cs.color)
      .split('#020202').join(cs.color.replace('rgb(', 'rgba(').replace(')', ', 0.3)')));
    if (option.xAxis || option.yAxis) option.dataZoom = [{ type: 'inside', filterMode: 'none' }];
    var rect = svg.getBoundingClientRect();
    box.style.height = rect.height + 'px';
    var tips = json(box, 'chart-tips');
    var chart = echarts.init(box, null, {
      renderer: 'svg', locale: (tips && tips.locale) || 'EN', width: rect.width, height: rect.height
    });
    svg.setAttribute('aria-hidden', 'true');
    svg.style.display = 'none';
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
    box.removeAttribute('aria-label');
    var t = box.querySelector('.chart-tip');
    if (t) t.remove();
    chart.setOption(option);
    var shown = box.lastElementChild;
    if (shown && shown !== svg) {
      shown.setAttribute('role', 'img');
      shown.setAttribute('aria-label', (svg.querySelector('title') || {}).textContent || '');
    }
    box.classList.add('live');
    window.addEventListener('resize', function () {
      var w = box.getBoundingClientRect().width;
      chart.resize({ width: w, height: rect.height * w / rect.width });
      box.style.height = (rect.height * w / rect.width) + 'px';
    });
  }

  Array.prototype.forEach.call(boxes, setup);
  document.addEventListener('click', function (e) {
    if (open && !open.box.contains(e.target)) open.hide();
  });
})();
