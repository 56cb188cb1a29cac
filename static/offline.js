// Registers the service worker, which keeps the pages a reader opens
// readable offline and downloads nothing else by itself. On the About page
// it offers to save this report, or the whole site, for offline reading,
// with its size shown first. Only over http(s): from file:// it does nothing.
(function () {
  'use strict';
  var s = document.currentScript;
  if (!s || !('serviceWorker' in navigator)) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  var sw = new URL('../sw.js', s.src);
  var box = document.getElementById('offline-save');
  var status = box && box.querySelector('.offline-status');
  var say = function (key, extra) { if (status) status.textContent = box.getAttribute('data-' + key) + (extra || ''); };
  navigator.serviceWorker.addEventListener('message', function (e) {
    var m = e.data || {};
    if (!box) return;
    if (m.type === 'progress') say('saving', ' ' + m.done + ' / ' + m.total);
    else if (m.type === 'saved') say('saved');
    else if (m.type === 'failed') say('failed');
    else if (m.type === 'status' && m.ids.length) say('saved');
    if (m.type !== 'progress') Array.prototype.forEach.call(box.querySelectorAll('button'), function (b) { b.disabled = false; });
  });
  function save(ids) {
    Array.prototype.forEach.call(box.querySelectorAll('button'), function (b) { b.disabled = true; });
    say('saving');
    navigator.serviceWorker.ready.then(function (reg) { reg.active.postMessage({ type: 'save', ids: ids }); });
  }
  if (box) {
    box.hidden = false;
    Array.prototype.forEach.call(box.querySelectorAll('button[data-pack]'), function (b) {
      b.addEventListener('click', function () { save([b.getAttribute('data-pack')]); });
    });
    var lang = box.querySelector('button[data-pack]').getAttribute('data-pack');
    // The browser's own install prompt, where it offers one, saves this
    // report once the reader accepts.
    var install = box.querySelector('button[data-install]');
    window.addEventListener('beforeinstallprompt', function (e) {
      e.preventDefault();
      install.hidden = false;
      install.onclick = function () {
        e.prompt();
        e.userChoice.then(function (c) { if (c.outcome === 'accepted') save([lang]); });
      };
    });
  }
  window.addEventListener('load', function () {
    navigator.serviceWorker.register(sw.href).then(function () {
      if (box) return navigator.serviceWorker.ready.then(function (reg) { reg.active.postMessage({ type: 'status' }); });
    }).catch(function () {});
  });
})();
