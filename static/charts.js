// Turns server-rendered chart SVGs into live ECharts instances (tooltips)
// when they near the viewport. Without JavaScript, the SVG stays.
(function () {
  'use strict';
  var boxes = document.querySelectorAll('.chart-box[data-chart]');
  if (!boxes.length || !('IntersectionObserver' in window)) return;
  var me = document.currentScript;
  var src = me && me.src ? me.src.replace(/charts\.js(\?.*)?$/, 'vendor/echarts/echarts.min.js') : null;
  var loading = null;
  function loadECharts() {
    if (window.echarts) return Promise.resolve(window.echarts);
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.async = true;
      s.onload = function () { resolve(window.echarts); };
      s.onerror = reject;
      document.head.appendChild(s);
    });
    return loading;
  }
  function upgrade(box) {
    var island = box.querySelector('script.chart-option');
    var svg = box.querySelector('svg');
    if (!island || !svg) return;
    loadECharts().then(function (echarts) {
      var cs = getComputedStyle(box);
      var text = island.textContent
        .split('#010101').join(cs.color)
        .split('#020202').join(cs.color.replace('rgb(', 'rgba(').replace(')', ', 0.3)'));
      var option = JSON.parse(text);
      var rect = svg.getBoundingClientRect();
      box.style.height = rect.height + 'px';
      var lang = (document.documentElement.lang || '').toLowerCase();
      var chart = echarts.init(box, null, {
        renderer: 'svg',
        locale: lang.indexOf('zh') === 0 ? 'ZH' : 'EN',
        width: rect.width,
        height: rect.height
      });
      svg.setAttribute('aria-hidden', 'true');
      svg.style.display = 'none';
      chart.setOption(option);
      var live = box.lastElementChild;
      if (live && live !== svg && live !== island) {
        live.setAttribute('role', 'img');
        live.setAttribute('aria-label', (svg.querySelector('title') || {}).textContent || '');
      }
      box.classList.add('live');
      window.addEventListener('resize', function () {
        var w = box.getBoundingClientRect().width;
        chart.resize({ width: w, height: rect.height * w / rect.width });
        box.style.height = (rect.height * w / rect.width) + 'px';
      });
    }).catch(function () { /* keep the static SVG */ });
  }
  var io = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) {
        io.unobserve(e.target);
        upgrade(e.target);
      }
    });
  }, { rootMargin: '200px 0px' });
  Array.prototype.forEach.call(boxes, function (b) { io.observe(b); });
})();
