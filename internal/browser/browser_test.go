package browser

import (
	"archive/zip"
	"bytes"
	"context"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"reportsite/internal/cli"
	"reportsite/internal/scaffold"
)

// subPath is where the HTTP server mounts the first site, so that every
// absolute or root-relative link shows up as a request outside it.
const subPath = "/reports/changtai-2021/"

// siteSpec is a site the suite builds and checks. Add a report here (its
// folder under testdata/, say) and the page-by-page checks cover it too.
type siteSpec struct {
	name string // for subtest names and the sub-path /reports/<name>/
	src  string // the site's folder, relative to this package
	// baseURL, when set, is prepended to a copy of the site's site.toml,
	// so that the build writes canonical links and absolute alternates.
	baseURL string
	// full: every page-by-page test runs on the site (TestPages, the
	// budgets); otherwise only the checks of its markup (TestValidator,
	// TestAlternates), for a variant whose pages differ only in <head>.
	full bool
	// scaffold: the site is the starter report `reportsite new` writes,
	// which has a chart of every type (src is unused).
	scaffold bool
}

var siteSpecs = []siteSpec{
	{name: "changtai-2021", src: "../..", full: true},
	{name: "changtai-2021-base-url", src: "../..", baseURL: "https://example.org/reports/changtai-2021/"},
	// The second real report: zh-Hans first, patacas, quarters, falls.
	{name: "macao-gdp-2023q3", src: "../../testdata/macao-gdp-2023q3", full: true},
	// The starter report: one chart of each type, a footnote, a note.
	{name: "starter", scaffold: true, full: true},
}

// builtSite is a site as built and unzipped, and where the server has it.
type builtSite struct {
	siteSpec
	dir string // the unzipped site
	sub string // its sub-path on the HTTP server
}

// origins returns the ways of opening the site: over HTTP and from file://.
func (s *builtSite) origins() []origin {
	return []origin{
		{"http", server.URL + s.sub},
		{"file", (&url.URL{Scheme: "file", Path: filepath.ToSlash(s.dir) + "/"}).String()},
	}
}

//go:embed testdata/axe/axe.min.js
var axeSource string

var (
	// site is the folder the site was built into; empty when the browser
	// tests cannot run (see skipReason).
	site       string
	sites      []*builtSite // every site of siteSpecs; sites[0].dir is site
	skipReason string
	server     *httptest.Server
	browserCtx context.Context
	// serverDown makes the HTTP server drop every request, as a network
	// that has gone away does.
	serverDown atomic.Bool
)

// origin is one way of opening the site: its name and its base URL.
type origin struct {
	name, base string
}

// origins returns the ways of opening the first site.
func origins() []origin { return sites[0].origins() }

func findChromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(run(m))
}

func run(m *testing.M) int {
	if testing.Short() {
		skipReason = "browser tests skipped in -short mode"
		return m.Run()
	}
	if *screenshotDir == "" && isScreenshotsOnly() {
		skipReason = "no -screenshots folder given"
		return m.Run()
	}
	exe := findChromium()
	if exe == "" {
		skipReason = "Chromium not found: install it with `sudo apt-get install chromium fonts-noto-cjk` (Debian/Ubuntu) or set CHROMIUM=/path/to/chrome"
		return m.Run()
	}
	tmp, err := os.MkdirTemp("", "reportsite-browser-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)

	// Build each report in-process, exactly as `reportsite archive` does,
	// and unpack the zip: every test then runs over what a reader unzips,
	// from file:// and over HTTP.
	mux := http.NewServeMux()
	for i, spec := range siteSpecs {
		bs, err := buildSite(spec, filepath.Join(tmp, strconv.Itoa(i)))
		if err != nil {
			fmt.Fprintf(os.Stderr, "site %s: %v\n", spec.name, err)
			return 1
		}
		bs.sub = "/reports/" + spec.name + "/"
		if i == 0 {
			bs.sub = subPath
			site = bs.dir
		}
		sites = append(sites, bs)
		files := http.StripPrefix(strings.TrimSuffix(bs.sub, "/"), http.FileServer(http.Dir(bs.dir)))
		mux.Handle(bs.sub, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if serverDown.Load() {
				panic(http.ErrAbortHandler) // the reader's connection is gone
			}
			files.ServeHTTP(w, r)
		}))
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	server = &httptest.Server{Listener: ln, Config: &http.Server{Handler: mux}}
	server.Start()
	defer server.Close()

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		// Lets pages opened from file:// load their neighbours, as a
		// reader's browser does for a saved site.
		chromedp.Flag("allow-file-access-from-files", true),
		chromedp.UserDataDir(filepath.Join(tmp, "profile")),
	)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "starting %s: %v\n", exe, err)
		return 1
	}
	browserCtx = ctx
	code := m.Run()
	// go test prints a plain "ok" whether or not Chromium ran anything;
	// say how many tests it drove.
	fmt.Printf("browser suite: %d test(s) drove %s\n", ran.Load(), exe)
	if code == 0 && ran.Load() == 0 && !isScreenshotsOnly() {
		fmt.Fprintln(os.Stderr, "browser suite: Chromium started but no test used it")
		return 1
	}
	return code
}

// ran counts the tests that got a browser from needBrowser.
var ran atomic.Int64

// buildSite archives spec's site into dir and unpacks it there.
func buildSite(spec siteSpec, dir string) (*builtSite, error) {
	src := spec.src
	if spec.scaffold {
		src = filepath.Join(dir, "starter")
		if _, err := scaffold.Write(src, "starter", time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC)); err != nil {
			return nil, fmt.Errorf("writing the starter report: %w", err)
		}
	}
	if spec.baseURL != "" {
		src = filepath.Join(dir, "src")
		for _, sub := range []string{"content", "seeds", "templates", "static"} {
			from := filepath.Join(spec.src, sub)
			if _, err := os.Stat(from); err != nil {
				continue
			}
			if err := os.CopyFS(filepath.Join(src, sub), os.DirFS(from)); err != nil {
				return nil, fmt.Errorf("copying the site: %w", err)
			}
		}
		toml := filepath.Join(src, "content", "site.toml")
		data, err := os.ReadFile(toml)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(toml, append([]byte("base_url = \""+spec.baseURL+"\"\n"), data...), 0o644); err != nil {
			return nil, err
		}
	}
	dist := filepath.Join(dir, "dist")
	var stdout, stderr bytes.Buffer
	if code := cli.Run(context.Background(), []string{"archive", "-src", src, "-out", dist, "-cache", "off"}, &stdout, &stderr); code != 0 {
		return nil, fmt.Errorf("building the archive: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	out, err := unpack(dist, filepath.Join(dir, "unzipped"))
	if err != nil {
		return nil, fmt.Errorf("unpacking the archive: %w", err)
	}
	return &builtSite{siteSpec: spec, dir: out}, nil
}

// isScreenshotsOnly reports whether -run selects only TestScreenshots, so
// that `make screenshots` without a folder does not build for nothing.
func isScreenshotsOnly() bool {
	f := flag.Lookup("test.run")
	return f != nil && f.Value.String() == "TestScreenshots"
}

// needBrowser skips the test when no browser is available, and fails it
// instead in CI, where a missing browser is a broken setup.
func needBrowser(t *testing.T) {
	t.Helper()
	if site != "" {
		ran.Add(1)
		return
	}
	if os.Getenv("CI") == "true" && !testing.Short() {
		t.Fatalf("CI=true but the browser tests cannot run: %s", skipReason)
	}
	t.Skip(skipReason)
}

// pages lists the first site's HTML pages, relative to its root,
// slash-separated.
func pages(t *testing.T) []string { return pagesOf(t, site) }

// pagesOf lists the HTML pages of the site in dir.
func pagesOf(t *testing.T, dir string) []string {
	t.Helper()
	var list []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".html") {
			rel, _ := filepath.Rel(dir, path)
			list = append(list, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(list)
	if len(list) < 10 {
		t.Fatalf("only %d pages built: %v", len(list), list)
	}
	return list
}

// viewport is one emulated screen.
type viewport struct {
	name          string
	width, height int64
	mobile        bool
}

var (
	phone   = viewport{"phone", 390, 844, true}
	desktop = viewport{"desktop", 1280, 800, false}
)

// tab is one browser tab with a recorder of the problems its pages cause.
type tab struct {
	ctx   context.Context
	mu    sync.Mutex
	base  string            // the origin's base URL, to tell foreign requests
	bases map[string]string // the last base opened per URL scheme: a late request (a manifest, a prefetch) of the previous page is judged against its own origin
	errs  []string
	urls  map[network.RequestID]string
	reqs  []request // every request since the last takeRequests
}

// request is one request a page made.
type request struct {
	URL  string
	Type network.ResourceType
}

// newTab opens a tab. Its requests bypass the site's service worker, so
// that each page is checked as the network serves it; TestServiceWorker
// covers the worker.
func newTab(t *testing.T) *tab {
	t.Helper()
	tb := newTabSW(t)
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: true})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// newTabSW opens a tab that lets the service worker answer.
func newTabSW(t *testing.T) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	t.Cleanup(cancel)
	tb := &tab{ctx: ctx, urls: map[network.RequestID]string{}}
	if err := chromedp.Listen(ctx, tb.event); err != nil {
		t.Fatal(err)
	}
	return tb
}

func (tb *tab) record(format string, args ...any) {
	tb.mu.Lock()
	tb.errs = append(tb.errs, fmt.Sprintf(format, args...))
	tb.mu.Unlock()
}

// event runs on the tab's reader goroutine: it must only record.
func (tb *tab) event(ev any) {
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range e.Args {
				if a.Description != "" {
					parts = append(parts, a.Description)
				} else {
					parts = append(parts, strings.Trim(string(a.Value), `"`))
				}
			}
			tb.record("console.%s: %s", e.Type, strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		tb.record("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg)
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			tb.record("browser log (%s): %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		tb.mu.Lock()
		tb.urls[e.RequestID] = e.Request.URL
		tb.reqs = append(tb.reqs, request{e.Request.URL, e.Type})
		tb.mu.Unlock()
		if msg := tb.foreign(e.Request.URL); msg != "" {
			tb.record("%s", msg)
		}
	case *network.EventResponseReceived:
		if e.Response.Status >= 400 {
			tb.record("HTTP %d for %s", e.Response.Status, e.Response.URL)
		}
	case *network.EventLoadingFailed:
		if !e.Canceled {
			tb.mu.Lock()
			u := tb.urls[e.RequestID]
			tb.mu.Unlock()
			tb.record("loading failed (%s %s): %s", e.ErrorText, e.BlockedReason, u)
		}
	}
}

// foreign says what is wrong with a request that leaves the site: another
// host, or a path outside the sub-path the site is served under.
func (tb *tab) foreign(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "unparsable request URL " + raw
	}
	switch u.Scheme {
	case "data", "blob", "about":
		return ""
	case "file":
		if !strings.HasPrefix(raw, "file://") || !strings.HasPrefix(u.Path, tb.rootFor("file")) {
			return "request outside the site folder: " + raw
		}
		return ""
	case "http", "https":
		host := u.Hostname()
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			return "request to another host: " + raw
		}
		if root := tb.rootFor(u.Scheme); !strings.HasPrefix(u.Path, root) {
			return "request outside the sub-path " + root + ": " + raw
		}
		return ""
	}
	return "request with scheme " + u.Scheme + ": " + raw
}

// takeRequests returns the requests made since the last call.
func (tb *tab) takeRequests() []request {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	r := tb.reqs
	tb.reqs = nil
	return r
}

// root returns the path every request of the open site must start with:
// its folder, or its sub-path on the server.
func (tb *tab) root() string {
	tb.mu.Lock()
	base := tb.base
	tb.mu.Unlock()
	u, err := url.Parse(base)
	if err != nil || base == "" {
		return subPath
	}
	return u.Path
}

// rootFor is root for the last site opened with the given URL scheme, so
// that a request still in flight from a page of the other origin is judged
// by where it came from.
func (tb *tab) rootFor(scheme string) string {
	tb.mu.Lock()
	base, ok := tb.bases[scheme]
	tb.mu.Unlock()
	if !ok {
		return tb.root()
	}
	u, err := url.Parse(base)
	if err != nil {
		return subPath
	}
	return u.Path
}

// take returns the problems recorded since the last call and clears them.
func (tb *tab) take() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	errs := tb.errs
	tb.errs = nil
	clear(tb.urls)
	return errs
}

// setup sets the screen, scripting and colour scheme for the next page.
func (tb *tab) setup(vp viewport, scripts bool, scheme string) error {
	return chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		orient := &emulation.ScreenOrientation{Type: emulation.ScreenOrientationTypeLandscapePrimary, Angle: 90}
		if vp.mobile {
			orient = &emulation.ScreenOrientation{Type: emulation.ScreenOrientationTypePortraitPrimary, Angle: 0}
		}
		if _, err := cdp.Call(ctx, t, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: vp.width, Height: vp.height, DeviceScaleFactor: 1, Mobile: vp.mobile, ScreenOrientation: orient,
		}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, t, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: vp.mobile}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !scripts}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	}))
}

// clearCache empties the browser's HTTP cache, shared by every tab.
func (tb *tab) clearCache() error {
	return chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.ClearBrowserCache, cdp.Empty{})
		return err
	}))
}

// print makes the next pages render as on paper (CSS media print).
func (tb *tab) print() error {
	return chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
}

// open loads the page and waits for it, with a time limit.
func (tb *tab) open(base, page string) error {
	if base != "" {
		tb.mu.Lock()
		tb.base = base
		if u, err := url.Parse(base); err == nil {
			if tb.bases == nil {
				tb.bases = map[string]string{}
			}
			tb.bases[u.Scheme] = base
		}
		tb.mu.Unlock()
	}
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	return chromedp.Do(ctx, chromedp.Navigate(base+page))
}

// eval runs a script in the page and decodes its JSON result into T.
func eval[T any](tb *tab, script string, await bool) (T, error) {
	ctx, cancel := context.WithTimeout(tb.ctx, 60*time.Second)
	defer cancel()
	var opts []chromedp.EvaluateOption
	if await {
		opts = append(opts, chromedp.EvalAwaitPromise)
	}
	return chromedp.Run(ctx, chromedp.Evaluate[T](script, opts...))
}

// pool hands out a few tabs to parallel subtests.
type pool chan *tab

func newPool(t *testing.T, n int) pool {
	p := make(pool, n)
	for range n {
		p <- newTab(t)
	}
	return p
}

func (p pool) get() *tab   { return <-p }
func (p pool) put(tb *tab) { tb.take(); p <- tb }

// unpack extracts the one zip in dist into dir and returns the folder that
// holds its index.html.
func unpack(dist, dir string) (string, error) {
	zips, _ := filepath.Glob(filepath.Join(dist, "*.zip"))
	if len(zips) != 1 {
		return "", fmt.Errorf("want one zip in %s, found %d", dist, len(zips))
	}
	zr, err := zip.OpenReader(zips[0])
	if err != nil {
		return "", err
	}
	defer zr.Close()
	root := ""
	for _, f := range zr.File {
		if !fs.ValidPath(f.Name) {
			return "", fmt.Errorf("unsafe path %q in the zip", f.Name)
		}
		dst := filepath.Join(dir, filepath.FromSlash(f.Name))
		if f.FileInfo().IsDir() {
			continue
		}
		if filepath.Base(f.Name) == "index.html" && (root == "" || len(dst) < len(filepath.Join(root, "index.html"))) {
			root = filepath.Dir(dst)
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return "", err
		}
		rc, err := f.Open()
		if err != nil {
			return "", err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return "", err
		}
	}
	if root == "" {
		return "", fmt.Errorf("no index.html in %s", zips[0])
	}
	return root, nil
}
