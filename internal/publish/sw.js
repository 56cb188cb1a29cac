var PREFIX = 'reportsite:' + self.registration.scope + ':';
var CACHE = PREFIX + VERSION;
var SAVED = new URL('reportsite-saved-packs', self.location).href;
function url(f) { return new URL(f, self.location).href; }
// twin is the other address of a folder's index page: hosts serve …/ for
// …/index.html and may redirect one to the other.
function twin(u) {
  u = u.split(/[?#]/)[0];
  if (/\/$/.test(u)) return u + 'index.html';
  if (/\/index\.html$/.test(u)) return u.slice(0, -10);
  return null;
}
self.addEventListener('install', function () { self.skipWaiting(); });
// save fetches the files of the packs named by ids into the cache and
// records them, reporting progress to the page that asked.
function save(ids, client) {
  var tell = function (m) { if (client) client.postMessage(m); };
  return caches.open(CACHE).then(function (c) {
    return fetch(url('offline.json'), { cache: 'no-cache' }).then(function (r) {
      if (!r.ok) throw new Error('offline.json: HTTP ' + r.status);
      return r.json();
    }).then(function (list) {
      var files = [], seen = {}, bytes = 0;
      list.packs.forEach(function (p) {
        if (ids.indexOf(p.id) < 0) return;
        bytes += p.bytes;
        p.files.forEach(function (f) { if (!seen[f]) { seen[f] = true; files.push(url(f)); } });
      });
      var done = 0, next = 0;
      function one() {
        if (next >= files.length) return Promise.resolve();
        var f = files[next++];
        return c.add(f).then(function () {
          done++;
          tell({ type: 'progress', done: done, total: files.length });
          return one();
        });
      }
      return Promise.all([one(), one(), one(), one()]).then(function () {
        return c.match(SAVED).then(function (r) { return r ? r.json() : []; });
      }).then(function (had) {
        ids.forEach(function (id) { if (had.indexOf(id) < 0) had.push(id); });
        return c.put(SAVED, new Response(JSON.stringify(had)));
      }).then(function () { tell({ type: 'saved', ids: ids, bytes: bytes }); });
    });
  }).catch(function (err) { tell({ type: 'failed', error: String(err) }); });
}
self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    var old = keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; });
    return Promise.all(old.map(function (k) {
      return caches.open(k).then(function (c) { return c.match(SAVED); }).then(function (r) { return r ? r.json() : []; });
    })).then(function (lists) {
      return Promise.all(old.map(function (k) { return caches.delete(k); })).then(function () {
        var ids = [].concat.apply([], lists);
        // The reader asked to keep this report offline: keep the new version.
        if (ids.length) save(ids, null);
      });
    });
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener('message', function (e) {
  var m = e.data || {};
  if (m.type === 'save' && Array.isArray(m.ids)) {
    e.waitUntil(save(m.ids, e.source));
  } else if (m.type === 'status') {
    e.waitUntil(caches.open(CACHE).then(function (c) { return c.match(SAVED); }).then(function (r) { return r ? r.json() : []; })
      .then(function (ids) { e.source.postMessage({ type: 'status', ids: ids }); }));
  }
});
function plain(r) {
  return r.blob().then(function (body) {
    return new Response(body, { status: r.status, statusText: r.statusText, headers: r.headers });
  });
}
// Network first, so a reader online always sees the published version;
// what arrives is kept, and the copy answers when the network fails.
self.addEventListener('fetch', function (e) {
  var req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  e.respondWith(fetch(req).then(function (r) {
    if (r.ok && r.type === 'basic') {
      var copy = r.clone();
      e.waitUntil(caches.open(CACHE).then(function (c) { return c.put(req, copy); }));
    }
    return r;
  }).catch(function (err) {
    return caches.open(CACHE).then(function (c) {
      return c.match(req, { ignoreSearch: true }).then(function (hit) {
        return hit || (twin(req.url) && c.match(twin(req.url), { ignoreSearch: true }));
      }).then(function (hit) {
        // A stored redirect cannot answer a navigation: copy it into a
        // fresh response (hosts may redirect …/index.html to …/).
        if (hit) return hit.redirected ? plain(hit) : hit;
        if (req.mode !== 'navigate') throw err;
        return c.match(url('404.html')).then(function (nf) { return nf ? plain(nf) : Response.error(); });
      });
    });
  }));
});
