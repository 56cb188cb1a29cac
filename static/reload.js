// Live reload for `reportsite serve` only: never part of a published build.
(function () {
  'use strict';
  if (!window.EventSource) return;
  var es = new EventSource('/__reload');
  es.addEventListener('reload', function () { location.reload(); });
  es.addEventListener('error-page', function (e) {
    var pre = document.getElementById('reportsite-error') || document.createElement('pre');
    pre.id = 'reportsite-error';
    pre.textContent = e.data;
    pre.setAttribute('role', 'alert');
    document.body.insertBefore(pre, document.body.firstChild);
  });
})();
