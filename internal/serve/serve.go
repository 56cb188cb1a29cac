// Package serve is the preview server: it serves the last good build from
// memory on a local address, rebuilds when the site's files change and tells
// open pages to reload over server-sent events. A broken edit keeps the last
// good build on screen and shows the problems in the terminal and the page.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"reportsite/internal/addr"
	"reportsite/internal/publish"
)

// ReloadPath is where pages listen for reload events (see static/reload.js).
const ReloadPath = "/__reload"

// BuildFunc builds the site in memory. On failure it returns the problems,
// one per line, ready to show to the editor.
type BuildFunc func(ctx context.Context) (publish.Output, string, error)

// Config configures Run. The zero value of each field means its default.
type Config struct {
	// Addr is the address to listen on; default 127.0.0.1:8080.
	Addr string
	// Watch lists the folders whose changes trigger a rebuild (recursively);
	// missing folders are skipped.
	Watch []string
	// Build builds the site (required).
	Build BuildFunc
	// Log receives progress and problems; default io.Discard.
	Log io.Writer
	// Ready, if set, is called with the listening address once the first
	// build is done and the server accepts connections.
	Ready func(addr string)
	// Debounce is how long to wait for more changes before rebuilding;
	// default 5 ms. A save in place (truncate, then write) is two events
	// microseconds apart; a build that reads a file half written is
	// followed by another, as the write that completes it is an event too.
	Debounce time.Duration
	// Gone is how long to wait instead while a file the changes removed or
	// renamed away has not come back: an editor that saves by renaming the
	// old file away and writing a new one (Vim's backup copy, "safe write")
	// leaves the file missing for a moment, and a build then would report
	// it missing or build the whole site afresh. Default 100 ms, as
	// chokidar's "atomic" option (Vite's watcher) waits for a file removed
	// to be added again.
	Gone time.Duration
	// Finish, if set, is called after each good build, once the open pages
	// have been told to reload: it completes a build that made first the
	// files near an edit, and returns the whole output (nil when there was
	// nothing left to make). Until it returns, a request for a file Late
	// reports waits for it. When it fails, the output before the build is
	// served again and the problems shown, as for a failed build.
	Finish BuildFunc
	// Late reports whether Finish may still make the file at path p.
	Late func(p string) bool
	// Changed, if set, is told before each rebuild the files the watcher
	// saw change since the last (as the watcher names them: under the
	// folders of Watch), so that Build can look at those first.
	Changed func(names []string)
}

type event struct{ name, data string }

type server struct {
	cfg     Config
	host    string // the host part of the address listened on
	mu      sync.RWMutex
	out     publish.Output
	problem string // non-empty while the latest build failed
	clients map[chan event]struct{}
	// finishing is closed when Finish returns; nil when it is not running.
	finishing chan struct{}
}

// Run serves until ctx is cancelled, then shuts down and returns nil; it
// returns an error only when it cannot start.
func Run(ctx context.Context, cfg Config) error {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:8080"
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Debounce <= 0 {
		cfg.Debounce = 5 * time.Millisecond
	}
	if cfg.Gone <= 0 {
		cfg.Gone = 100 * time.Millisecond
	}
	s := &server{cfg: cfg, clients: map[chan event]struct{}{}}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, dir := range cfg.Watch {
		if err := watchTree(w, dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	s.rebuild(ctx)
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           s,
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ReadHeaderTimeout: 10 * time.Second,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	addr := ln.Addr().String()
	s.host, _, _ = net.SplitHostPort(cfg.Addr)
	fmt.Fprintf(cfg.Log, "serving http://%s/ (Ctrl-C to stop)\n", addr)
	if ip := ln.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() {
		fmt.Fprintf(cfg.Log, "warning: listening on %s, beyond this computer: anyone who can reach it on the network can read the preview; pass -addr 127.0.0.1:8080 to keep it local\n", addr)
	}
	if cfg.Ready != nil {
		cfg.Ready(addr)
	}
	s.watch(ctx, w)
	shutCtx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	err = srv.Shutdown(shutCtx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		return serr
	}
	if err != nil {
		srv.Close()
	}
	fmt.Fprintln(cfg.Log, "stopped")
	return nil
}

// watchTree watches dir and every folder below it.
func watchTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != dir {
				return filepath.SkipDir
			}
			return w.Add(p)
		}
		return nil
	})
}

// watch rebuilds after changes settle, until ctx is cancelled.
func (s *server) watch(ctx context.Context, w *fsnotify.Watcher) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var changed []string
	var b burst
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			if ev.Has(fsnotify.Create) {
				_ = watchTree(w, ev.Name) // a new folder; a file is ignored
			}
			if !slices.Contains(changed, ev.Name) {
				changed = append(changed, ev.Name)
			}
			timer.Reset(b.add(ev, s.cfg.Debounce, s.cfg.Gone))
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(s.cfg.Log, "watch: %v\n", err)
		case <-timer.C:
			if s.cfg.Changed != nil {
				s.cfg.Changed(changed)
			}
			changed, b = nil, burst{}
			s.rebuild(ctx)
		}
	}
}

// burst is what the events since the last rebuild did to the files they
// name: which came into being (created, or renamed to that name) and which
// went away (removed, or renamed away) without coming back.
type burst struct {
	created map[string]bool
	missing map[string]bool
}

// add records ev and returns how long to wait for more events before
// building: quiet, or gone while a file that was there before the burst is
// missing. A file created and removed within the burst (an editor's
// temporary or backup file) is not missing.
func (b *burst) add(ev fsnotify.Event, quiet, gone time.Duration) time.Duration {
	if b.created == nil {
		b.created, b.missing = map[string]bool{}, map[string]bool{}
	}
	switch {
	case ev.Has(fsnotify.Create):
		b.created[ev.Name] = true
		delete(b.missing, ev.Name)
	case ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename):
		if !b.created[ev.Name] {
			b.missing[ev.Name] = true
		}
		delete(b.created, ev.Name)
	}
	if len(b.missing) > 0 {
		return gone
	}
	return quiet
}

func (s *server) rebuild(ctx context.Context) {
	start := time.Now()
	out, problems, err := s.cfg.Build(ctx)
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		if problems == "" {
			problems = err.Error()
		} else if !strings.Contains(problems, err.Error()) {
			problems = strings.TrimRight(problems, "\n") + "\n" + err.Error()
		}
		fmt.Fprintf(s.cfg.Log, "%s\nbuild failed; still serving the last good build\n", strings.TrimRight(problems, "\n"))
		s.mu.Lock()
		s.problem = problems
		s.mu.Unlock()
		s.broadcast(event{"error-page", problems})
		return
	}
	if problems != "" {
		fmt.Fprintln(s.cfg.Log, strings.TrimRight(problems, "\n"))
	}
	s.mu.Lock()
	first, before := s.out == nil, s.out
	s.out, s.problem = out, ""
	if s.cfg.Finish != nil {
		s.finishing = make(chan struct{})
	}
	s.mu.Unlock()
	fmt.Fprintf(s.cfg.Log, "built %d files in %s\n", len(out), time.Since(start).Round(time.Millisecond))
	if !first {
		s.broadcast(event{"reload", "ok"})
	}
	if s.cfg.Finish != nil {
		s.finish(ctx, start, before)
	}
}

// finish runs Config.Finish after a good build; before is the output the
// build replaced, served again if Finish fails.
func (s *server) finish(ctx context.Context, start time.Time, before publish.Output) {
	out, problems, err := s.cfg.Finish(ctx)
	s.mu.Lock()
	defer func() {
		close(s.finishing)
		s.finishing = nil
		s.mu.Unlock()
	}()
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		if problems == "" {
			problems = err.Error()
		}
		fmt.Fprintf(s.cfg.Log, "%s\nbuild failed; still serving the last good build\n", strings.TrimRight(problems, "\n"))
		s.out, s.problem = before, problems
		go s.broadcast(event{"error-page", problems})
		return
	}
	if out != nil {
		s.out = out
	}
	fmt.Fprintf(s.cfg.Log, "finished %d files in %s\n", len(s.out), time.Since(start).Round(time.Millisecond))
}

func (s *server) broadcast(e event) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for ch := range s.clients {
		select {
		case ch <- e:
		default: // a slow client misses an event, not the server
		}
	}
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.allowedHost(r.Host) {
		// A page of another site can make its own host name resolve to this
		// address (DNS rebinding) and then read the preview as same-origin.
		http.Error(w, "reportsite serve: host "+strconv.Quote(r.Host)+" not allowed; open the address the server printed", http.StatusForbidden)
		return
	}
	if r.URL.Path == ReloadPath {
		s.events(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.mu.RLock()
	out, problem, finishing := s.out, s.problem, s.finishing
	s.mu.RUnlock()
	if finishing != nil && s.cfg.Late != nil && s.cfg.Late(strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")) {
		select { // a file the build is still making
		case <-finishing:
		case <-r.Context().Done():
			return
		}
		s.mu.RLock()
		out, problem = s.out, s.problem
		s.mu.RUnlock()
	}
	w.Header().Set("Cache-Control", "no-store")
	if out == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "<!doctype html><meta charset=utf-8><meta http-equiv=refresh content=2><title>build failed</title><pre>%s</pre>\n", htmlEscape(problem))
		return
	}
	p := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if p == "" {
		p = addr.RootPage
	} else if out[p] == nil && out[p+"/"+addr.RootPage] != nil {
		if !strings.HasSuffix(r.URL.Path, "/") {
			// To the cleaned path, never to the path as sent: "//host/.."
			// would be a redirect to another host.
			http.Redirect(w, r, "/"+p+"/", http.StatusFound)
			return
		}
		p += "/index.html"
	}
	data, status := out[p], http.StatusOK
	if data == nil {
		p, data, status = addr.NotFound, out[addr.NotFound], http.StatusNotFound
	}
	ct := mime.TypeByExtension(path.Ext(p))
	if ct == "" {
		ct = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ct)
	if status == http.StatusOK {
		// The standard library answers HEAD, ranges and conditional requests.
		http.ServeContent(w, r, p, time.Time{}, bytes.NewReader(data))
		return
	}
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// events streams reload and error-page events to one page.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan event, 8)
	s.mu.Lock()
	s.clients[ch] = struct{}{}
	problem := s.problem
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, ch)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	io.WriteString(w, ": reportsite\n\n")
	if problem != "" {
		writeEvent(w, event{"error-page", problem})
	}
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case e := <-ch:
			writeEvent(w, e)
			fl.Flush()
		}
	}
}

func writeEvent(w io.Writer, e event) {
	var b strings.Builder
	b.WriteString("event: " + e.name + "\n")
	for _, line := range strings.Split(strings.TrimRight(e.data, "\n"), "\n") {
		b.WriteString("data: " + strings.TrimRight(line, "\r") + "\n")
	}
	b.WriteString("\n")
	io.WriteString(w, b.String())
}

// allowedHost reports whether a request for host (the Host header) may be
// answered: an IP address, localhost, or the host name the server was told
// to listen on. Other names are what a DNS-rebinding page would send.
func (s *server) allowedHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "" {
		return false
	}
	if net.ParseIP(host) != nil || strings.EqualFold(host, "localhost") || strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return true
	}
	return s.host != "" && strings.EqualFold(host, s.host)
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
