package serve

import (
	"bufio"
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"reportsite/internal/publish"
)

func testServer() *server {
	return &server{host: "127.0.0.1", clients: map[chan event]struct{}{}, out: publish.Output{
		"index.html": []byte("root"), "en/index.html": []byte("en"), "404.html": []byte("missing"),
		"en/deep/index.html": []byte("deep"),
	}}
}

// serveRaw answers a request read from its wire form, so the request-target
// reaches the server exactly as an attacker would send it.
func serveRaw(t *testing.T, s *server, target, host string) *httptest.ResponseRecorder {
	t.Helper()
	r, err := http.ReadRequest(bufio.NewReader(strings.NewReader("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")))
	if err != nil {
		t.Fatalf("ReadRequest(%q): %v", target, err)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

// sameHost checks that a redirect's Location, resolved as a browser would
// against the page, stays on the server's host.
func sameHost(t *testing.T, target string, w *httptest.ResponseRecorder) {
	t.Helper()
	if w.Code < 300 || w.Code > 399 {
		return
	}
	loc := w.Header().Get("Location")
	base, _ := url.Parse("http://127.0.0.1:8080/")
	u, err := base.Parse(strings.ReplaceAll(loc, `\`, "/")) // browsers read \ as /
	if err != nil || u.Host != base.Host || !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, `/\`) {
		t.Errorf("GET %s: Location %q leaves the host", target, loc)
	}
}

// TestRedirectStaysOnHost checks that a folder is redirected to its
// index on this host, never to a host named in the request's path.
func TestRedirectStaysOnHost(t *testing.T) {
	s := testServer()
	for target, want := range map[string]string{
		"/en":                             "/en/",
		"/en/deep":                        "/en/deep/",
		"//evil.example/..%2fen":          "/en/",
		"//evil.example/../en":            "/en/",
		"///evil.example/%2e%2e/en":       "/en/",
		"/%2fevil.example/..%2fen":        "/en/",
		"/%5cevil.example/..%2fen":        "/en/",
		"//evil.example/..%2fen/deep":     "/en/deep/",
		"/en/deep/..%2f..%2f..%2f..%2fen": "/en/",
	} {
		w := serveRaw(t, s, target, "127.0.0.1:8080")
		if w.Code != http.StatusFound || w.Header().Get("Location") != want {
			t.Errorf("GET %s = %d, Location %q; want 302 to %q", target, w.Code, w.Header().Get("Location"), want)
		}
		sameHost(t, target, w)
	}
}

// FuzzRedirect checks that no request path makes the server redirect to
// another host.
func FuzzRedirect(f *testing.F) {
	for _, s := range []string{"//evil.example/..%2fen", "/en", `/\evil/../en`, "/./en", "//en"} {
		f.Add(s)
	}
	s := testServer()
	f.Fuzz(func(t *testing.T, p string) {
		r := httptest.NewRequest("GET", "http://127.0.0.1:8080/", nil)
		r.URL = &url.URL{Path: p}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		sameHost(t, p, w)
	})
}

// TestHostCheck checks that only requests for this server's own names are
// answered: another name is what a DNS-rebinding page sends.
func TestHostCheck(t *testing.T) {
	s := testServer()
	for host, ok := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:8080": true, "LOCALHOST": true, "[::1]:8080": true,
		"192.168.1.20:8080": true, // an address, not a name: no rebinding
		"evil.example":      false, "evil.example:8080": false, "localhost.evil.example": false,
		"127.0.0.1.nip.io:8080": false, "": false,
	} {
		w := serveRaw(t, s, "/en/", host)
		if got := w.Code != http.StatusForbidden; got != ok {
			t.Errorf("Host %q: status %d, allowed %v; want allowed %v", host, w.Code, got, ok)
		}
		if !ok && strings.Contains(w.Body.String(), "en") && !strings.Contains(w.Body.String(), "not allowed") {
			t.Errorf("Host %q: refused request got the page", host)
		}
	}
	s.host = "preview.lan"
	if w := serveRaw(t, s, "/en/", "preview.lan:8080"); w.Code != http.StatusOK {
		t.Errorf("Host preview.lan, the name given to -addr: status %d, want 200", w.Code)
	}
}

// TestWarnBeyondLoopback checks that listening on every interface says so.
func TestWarnBeyondLoopback(t *testing.T) {
	for addr, warn := range map[string]bool{"127.0.0.1:0": false, "localhost:0": false, ":0": true, "0.0.0.0:0": true} {
		var log syncBuffer
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			done <- Run(ctx, Config{Addr: addr, Log: &log, Ready: func(string) { cancel() },
				Build: func(context.Context) (publish.Output, string, error) {
					return publish.Output{"index.html": nil}, "", nil
				}})
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("Run(%s): %v", addr, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("Run(%s) did not stop", addr)
		}
		cancel()
		if got := strings.Contains(log.String(), "warning: listening on"); got != warn {
			t.Errorf("Run(%s) warned %v, want %v; log:\n%s", addr, got, warn, log.String())
		}
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
