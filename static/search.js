// Search over the index that `reportsite build` writes to search/: Chinese by
// characters and pairs of characters, other text by stemmed words, numbers by
// the range of values they may round. The text rules are those of
// internal/search/normalize.go (FuzzNormalize compares the two). The index is
// loaded as script files, never with fetch, so it works from file://.
(function (g) {
  'use strict';

  function isHan(c) {
    return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF ||
      c >= 0xF900 && c <= 0xFAFF || c >= 0x20000 && c <= 0x2FFFF || c === 0x3007;
  }
  function isDigit(c) { return c >= 48 && c <= 57; }
  function isWordChar(c) {
    return c >= 97 && c <= 122 || isDigit(c) || c >= 0xC0 && c <= 0x24F && c !== 0xD7 && c !== 0xF7;
  }
  function fold(c) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c === 0x3000) c = 32;
    if (c >= 65 && c <= 90) c += 32;
    return c;
  }
  var SUFFIXES = [['ations', ''], ['ation', ''], ['sses', 'ss'], ['ings', ''], ['ing', ''],
    ['ated', ''], ['ates', ''], ['ate', ''], ['ions', ''], ['ion', ''],
    ['ies', ''], ['ied', ''], ['ed', ''], ['es', ''], ['ly', ''],
    ['ss', 'ss'], ['s', ''], ['e', ''], ['y', '']];
  function stem(w) {
    if (w.length < 4) return w;
    for (var i = 0; i < SUFFIXES.length; i++) {
      var s = SUFFIXES[i][0];
      if (w.length - s.length >= 3 && w.slice(-s.length) === s) return w.slice(0, -s.length) + SUFFIXES[i][1];
    }
    return w;
  }
  function str(cs) {
    var s = '';
    for (var i = 0; i < cs.length; i++) s += String.fromCodePoint(cs[i]);
    return s;
  }
  function word(run) {
    for (var i = 0; i < run.length; i++) if (run[i] < 97 || run[i] > 122) return str(run);
    return stem(str(run));
  }
  function hasLetter(run) {
    for (var i = 0; i < run.length; i++) if (!isDigit(run[i])) return true;
    return false;
  }
  var SCALES = [['萬', 1e4], ['万', 1e4], ['億', 1e8], ['亿', 1e8], ['千', 1e3],
    ['thousand', 1e3], ['million', 1e6], ['billion', 1e9],
    ['%', 1], ['percent', 1], ['per cent', 1]];
  function scaleAt(rs, i) {
    for (var k = 0; k < SCALES.length; k++) {
      var w = Array.from(SCALES[k][0]).map(function (ch) { return ch.codePointAt(0); });
      if (i + w.length > rs.length || str(rs.slice(i, i + w.length)) !== SCALES[k][0]) continue;
      var end = i + w.length;
      if (isWordChar(w[w.length - 1]) && end < rs.length && isWordChar(rs[end])) continue;
      return [end, SCALES[k][1]];
    }
    return null;
  }
  function afterName(rs, i) {
    return i >= 2 && (rs[i - 1] === 45 || rs[i - 1] === 95) && isWordChar(rs[i - 2]) && !isDigit(rs[i - 2]);
  }
  // number returns [end, lo, hi] or null.
  function number(rs, i) {
    var j = i, digits = '';
    while (j < rs.length && isDigit(rs[j])) digits += String.fromCharCode(rs[j++]);
    if (digits.length <= 3) {
      while (j + 3 < rs.length && rs[j] === 44 && isDigit(rs[j + 1]) && isDigit(rs[j + 2]) && isDigit(rs[j + 3]) &&
        (j + 4 >= rs.length || !isDigit(rs[j + 4]))) {
        digits += str(rs.slice(j + 1, j + 4));
        j += 4;
      }
    }
    var decimals = 0;
    if (j + 1 < rs.length && rs[j] === 46 && isDigit(rs[j + 1])) {
      digits += '.';
      j++;
      while (j < rs.length && isDigit(rs[j])) { digits += String.fromCharCode(rs[j++]); decimals++; }
    }
    if (j < rs.length && isWordChar(rs[j]) && !scaleAt(rs, j)) return null;
    var v = parseFloat(digits), factor = 1, k = j;
    if (!isFinite(v)) return null;
    while (k < rs.length && rs[k] === 32) k++;
    var sc = scaleAt(rs, k);
    if (sc) { factor = sc[1]; j = sc[0]; }
    var unit = factor;
    for (var d = 0; d < decimals; d++) unit /= 10;
    v *= factor;
    if (!isFinite(v)) return null;
    return [j, v - unit / 2, v + unit / 2];
  }

  // normalize reads a query as the index stores text.
  function normalize(q) {
    var rs = Array.from(String(q)).map(function (ch) { return fold(ch.codePointAt(0)); });
    var out = { grams: [], words: [], nums: [] }, seen = {};
    function add(list, key, t) { if (!seen[key + t]) { seen[key + t] = true; list.push(t); } }
    for (var i = 0; i < rs.length;) {
      var c = rs[i], j;
      if (isHan(c)) {
        j = i;
        while (j < rs.length && isHan(rs[j])) j++;
        if (j - i === 1) add(out.grams, 'g', str([c]));
        for (var k = i; k + 1 < j; k++) add(out.grams, 'g', str(rs.slice(k, k + 2)));
        i = j;
        continue;
      }
      if (isDigit(c) && !(i > 0 && isWordChar(rs[i - 1])) && !afterName(rs, i)) {
        var n = number(rs, i);
        if (n) { out.nums.push([n[1], n[2]]); i = n[0]; continue; }
      }
      if (isWordChar(c)) {
        j = i;
        while (j < rs.length && isWordChar(rs[j])) j++;
        var run = rs.slice(i, j);
        if (hasLetter(run)) add(out.words, 'w', word(run));
        i = j;
        continue;
      }
      i++;
    }
    return out;
  }

  function shardOf(tok, n) {
    var h = 2166136261;
    Array.from(tok).forEach(function (ch) { h = Math.imul((h ^ ch.codePointAt(0)) >>> 0, 16777619) >>> 0; });
    return h & (n - 1);
  }
  function oneHan(t) {
    var cs = Array.from(t);
    return cs.length === 1 && isHan(cs[0].codePointAt(0));
  }


  var store = {};
  g.reportsiteSearch = function (name, data) { store[name] = data; };
  g.reportsiteSearch.normalize = normalize;
  if (typeof document === 'undefined') return;

  var box = document.querySelector('.site-search');
  if (!box || !box.querySelector) return;
  var input = box.querySelector('input'), status = box.querySelector('[role=status]');
  var results = box.querySelector('.search-results');
  var base = box.getAttribute('data-search'), me = box.getAttribute('data-lang');
  var LIMIT = 20, LIMIT_OTHER = 10, MAXTOK = 4, waiting = {}, seq = 0;
  box.hidden = false;

  // load runs cb once every named index file has run (or failed to load).
  function load(names, cb) {
    var left = 0;
    function one() { if (--left === 0) cb(); }
    names.forEach(function (name) {
      if (store[name] || waiting[name] === false) return;
      left++;
      if (waiting[name]) { waiting[name].push(one); return; }
      waiting[name] = [one];
      var s = document.createElement('script');
      s.src = base + name + '.js';
      s.onload = s.onerror = function () {
        var cbs = waiting[name];
        waiting[name] = false;
        cbs.forEach(function (f) { f(); });
      };
      document.head.appendChild(s);
    });
    if (left === 0) cb();
  }
  function langs() {
    var h = store[me], out = [me];
    if (h && h.pair && store[h.pair]) out.push(h.pair);
    return out;
  }
  function prime(cb) {
    load([me], function () {
      var h = store[me];
      load(h && h.pair ? [h.pair] : [], function () {
        var names = [];
        langs().forEach(function (l) {
          var h = store[l];
          if (!h) return;
          if (h.shards <= 2) for (var k = 0; k < h.shards; k++) names.push(h.corpus + '-t' + k);
          if (h.groups.length <= 2) h.groups.forEach(function (_, k) { names.push(l + '-d' + k); });
          if (h.bands.length <= 2) h.bands.forEach(function (_, k) { names.push(h.corpus + '-n' + k); });
        });
        load(names, cb || function () {});
      });
    });
  }

  // tokensOf picks the tokens to look up: all, or for a long query a few
  // spread over it (each costs a file at most).
  function tokensOf(nq) {
    var t = nq.grams.concat(nq.words);
    if (t.length <= MAXTOK) return t;
    var out = [];
    for (var i = 0; i < MAXTOK; i++) out.push(t[Math.round(i * (t.length - 1) / (MAXTOK - 1))]);
    return out;
  }
  function need(l, nq) {
    var h = store[l], names = [];
    if (!h) return names;
    tokensOf(nq).forEach(function (t) {
      if (!h.unigrams && oneHan(t)) for (var k = 0; k < h.shards; k++) names.push(h.corpus + '-t' + k);
      else names.push(h.corpus + '-t' + shardOf(t, h.shards));
    });
    nq.nums.forEach(function (r) {
      var eps = 1e-9 * Math.max(Math.abs(r[0]), Math.abs(r[1]));
      h.bands.forEach(function (b, k) { if (b[1] >= r[0] - eps && b[0] <= r[1] + eps) names.push(h.corpus + '-n' + k); });
    });
    return names;
  }
  function undelta(l) {
    var out = [], v = 0;
    for (var i = 0; i < l.length; i++) { v += l[i]; out.push(v); }
    return out;
  }
  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }
  function match(l, nq) {
    var h = store[l], sets = [];
    if (!h) return [];
    var toks = tokensOf(nq);
    for (var i = 0; i < toks.length; i++) {
      if (!h.unigrams && oneHan(toks[i])) {
        // The pairs that hold the character, and the character where it
        // stands alone: a small index has no list of its own for it.
        var docs = {};
        for (var k = 0; k < h.shards; k++) {
          var sh = store[h.corpus + '-t' + k];
          if (!sh) continue;
          for (var key in sh) {
            if (Object.prototype.hasOwnProperty.call(sh, key) && key.indexOf(toks[i]) >= 0 && isHan(key.codePointAt(0))) {
              undelta(sh[key]).forEach(function (d) { docs[d] = true; });
            }
          }
        }
        sets.push(Object.keys(docs).map(Number).sort(function (a, b) { return a - b; }));
        continue;
      }
      var shard = store[h.corpus + '-t' + shardOf(toks[i], h.shards)];
      var list = shard && Object.prototype.hasOwnProperty.call(shard, toks[i]) ? shard[toks[i]] : null;
      if (!list) return [];
      sets.push(undelta(list));
    }
    nq.nums.forEach(function (r) {
      var docs = {};
      h.bands.forEach(function (b, m) {
        var s = store[h.corpus + '-n' + m];
        var eps = 1e-9 * Math.max(Math.abs(r[0]), Math.abs(r[1]));
        if (!s || b[1] < r[0] - eps || b[0] > r[1] + eps) return;
        for (var k = 0; k < s.v.length; k++) {
          if (s.v[k] >= r[0] - eps && s.v[k] <= r[1] + eps) undelta(s.d[k]).forEach(function (d) { docs[d] = true; });
        }
      });
      sets.push(Object.keys(docs).map(Number).sort(function (a, b) { return a - b; }));
    });
    if (sets.length === 0) return [];
    return sets.reduce(intersect);
  }
  function groupOf(h, doc) {
    var k = 0;
    while (k + 1 < h.groups.length && h.groups[k + 1] <= doc) k++;
    return k;
  }
  function docOf(l, doc) {
    var h = store[l], k = groupOf(h, doc), grp = store[l + '-d' + k];
    return grp ? grp[doc - h.groups[k]] : null;
  }

  // marks returns the pieces of the query to highlight, folded.
  function marks(q) {
    var out = [];
    String(q).split(/[\s,，、。;；]+/).forEach(function (p) {
      p = Array.from(p).map(function (ch) { return String.fromCodePoint(fold(ch.codePointAt(0))); }).join('');
      if (!p) return;
      var w = p.replace(/[^a-z]+$/, '');
      if (/^[a-z]+$/.test(w)) p = stem(w);
      out.push(p);
    });
    // The query's pairs too: a query in the other script still lights up
    // the characters the two scripts share.
    return out.concat(normalize(q).grams.filter(function (g) { return Array.from(g).length === 2; }));
  }
  function foldText(t) {
    return t.replace(/[\uFF01-\uFF5E]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .replace(/\u3000/g, ' ').replace(/[A-Z]+/g, function (c) { return c.toLowerCase(); });
  }
  // snippet fills el with a window of text around the first mark, marks
  // highlighted. Text only: nothing from the index becomes markup.
  function snippet(el, text, ms) {
    // Folding keeps every character's length in UTF-16, so positions in
    // low are positions in text.
    var low = foldText(text), first = -1, spans = [];
    ms.forEach(function (m) {
      if (!m) return;
      var wordy = /^[a-z]/.test(m);
      for (var i = low.indexOf(m); i >= 0; i = low.indexOf(m, i + 1)) {
        var e = i + m.length;
        // A word's stem marks the whole word: vaccin|ation.
        while (wordy && e < low.length && isWordChar(low.charCodeAt(e))) e++;
        spans.push([i, e]);
        if (first < 0 || i < first) first = i;
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var start = first < 0 ? 0 : Math.max(0, first - 30);
    var end = Math.min(text.length, start + (first < 0 ? 90 : first - start + 90));
    // Never cut a character in two.
    if (start > 0 && /[\uDC00-\uDFFF]/.test(text.charAt(start))) start--;
    if (end < text.length && /[\uDC00-\uDFFF]/.test(text.charAt(end))) end++;
    if (start > 0) el.appendChild(document.createTextNode('…'));
    var i = start;
    spans.forEach(function (sp) {
      var a = Math.max(sp[0], i), b = Math.min(sp[1], end);
      if (b <= a) return;
      if (a > i) el.appendChild(document.createTextNode(text.slice(i, a)));
      var mk = document.createElement('mark');
      mk.textContent = text.slice(a, b);
      el.appendChild(mk);
      i = b;
    });
    if (i < end) el.appendChild(document.createTextNode(text.slice(i, end)));
    if (end < text.length) el.appendChild(document.createTextNode('…'));
    return spans.length > 0;
  }
  function say(key, n) {
    return (box.getAttribute('data-' + key) || '').replace('{n}', String(n));
  }
  function item(l, d, ms, other) {
    var h = store[l], li = document.createElement('li'), a = document.createElement('a');
    a.href = other ? '../' + l + '/' + d[0] : d[0];
    var where = document.createElement('span');
    where.className = 'search-where';
    where.textContent = [d[1] >= 0 ? h.sections[d[1]] : '', d[2]].filter(Boolean).join(' › ');
    var snip = document.createElement('span');
    snip.className = 'search-snippet';
    var exact = snippet(snip, d[3], ms);
    a.appendChild(where);
    a.appendChild(snip);
    li.appendChild(a);
    var pairHref = h.pair ? (other ? '' : '../' + h.pair + '/') + (d[4] || d[0]) : '';
    var pairLang = other ? store[me] : store[h.pair];
    if (pairHref && pairLang) {
      var p = document.createElement('a');
      p.className = 'search-pair';
      p.href = pairHref;
      p.hreflang = pairLang.tag;
      p.lang = pairLang.tag;
      p.textContent = pairLang.name;
      li.appendChild(document.createTextNode(' '));
      li.appendChild(p);
    }
    return { li: li, exact: exact };
  }
  function render(q, found) {
    results.textContent = '';
    var ms = marks(q), total = 0;
    found.forEach(function (f, k) {
      total += f.docs.length;
      if (!f.docs.length) return;
      var h = store[f.lang], list = document.createElement('ol');
      list.className = 'search-list';
      if (k > 0) {
        var hd = document.createElement('h2');
        hd.className = 'search-other';
        hd.lang = h.tag;
        hd.textContent = h.name;
        results.appendChild(hd);
        list.lang = h.tag;
      }
      var items = f.docs.slice(0, k > 0 ? LIMIT_OTHER : LIMIT).map(function (doc) {
        var d = docOf(f.lang, doc);
        return d ? item(f.lang, d, ms, k > 0) : null;
      }).filter(Boolean);
      items.sort(function (a, b) { return (b.exact ? 1 : 0) - (a.exact ? 1 : 0); });
      items.forEach(function (it) { list.appendChild(it.li); });
      results.appendChild(list);
    });
    status.textContent = total ? say('found', total) : say('none', 0);
    box.setAttribute('data-count', String(total));
  }
  function run() {
    var q = input.value, my = ++seq, nq = normalize(q);
    if (!nq.grams.length && !nq.words.length && !nq.nums.length) {
      results.textContent = '';
      status.textContent = '';
      box.removeAttribute('data-count');
      return;
    }
    prime(function () {
      var ls = langs(), names = [];
      ls.forEach(function (l) { names = names.concat(need(l, nq)); });
      load(names, function () {
        if (my !== seq) return;
        var found = ls.map(function (l) { return { lang: l, docs: match(l, nq) }; }), groups = [];
        found.forEach(function (f, k) {
          f.docs.slice(0, k > 0 ? LIMIT_OTHER : LIMIT).forEach(function (doc) {
            var n = f.lang + '-d' + groupOf(store[f.lang], doc);
            if (groups.indexOf(n) < 0) groups.push(n);
          });
        });
        load(groups, function () { if (my === seq) render(q, found); });
      });
    });
  }
  input.addEventListener('focus', function () { prime(); });
  input.addEventListener('input', run);
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { input.value = ''; run(); }
    if (e.key === 'ArrowDown') {
      var a = results.querySelector('a');
      if (a) { e.preventDefault(); a.focus(); }
    }
  });
  results.addEventListener('keydown', function (e) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    var links = Array.prototype.slice.call(results.querySelectorAll('li > a:first-child'));
    var i = links.indexOf(document.activeElement);
    if (i < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowUp' && i === 0) input.focus();
    else if (links[i + (e.key === 'ArrowDown' ? 1 : -1)]) links[i + (e.key === 'ArrowDown' ? 1 : -1)].focus();
  });
  if (input.value) run();
})(typeof window !== 'undefined' ? window : this);
