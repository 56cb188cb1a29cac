// Registers the service worker that keeps a hosted copy readable offline.
// Only over http(s): from file:// (an unzipped archive) it does nothing.
(function () {
  'use strict';
  var s = document.currentScript;
  if (!s || !('serviceWorker' in navigator)) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  var sw = new URL('../sw.js', s.src);
  window.addEventListener('load', function () {
    navigator.serviceWorker.register(sw.href).catch(function () {});
  });
})();
