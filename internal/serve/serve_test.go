package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"reportsite/internal/publish"
	"reportsite/internal/site"
	"reportsite/static"
	"reportsite/templates"
)

// copyTree copies the mini fixture site so the test can edit it.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestReloadAfterEdit(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "../site/testdata/mini", dir)
	// The preview's own build: a session that makes the files near an edit
	// first and the rest (such as the full report) in Finish.
	sess := site.NewSession(site.Options{
		Content: os.DirFS(filepath.Join(dir, "content")), Templates: templates.FS, Static: static.FS,
		Overlay: os.DirFS(dir), Serve: true, Workers: 2,
	})
	result := func(res *site.Result, err error) (publish.Output, string, error) {
		if res == nil && err == nil {
			return nil, "", nil
		}
		var sb strings.Builder
		for _, d := range res.Diags {
			sb.WriteString(d.String() + "\n")
		}
		if err != nil {
			return nil, sb.String(), err
		}
		return res.Out, sb.String(), nil
	}
	build := func(ctx context.Context) (publish.Output, string, error) { return result(sess.Start(ctx)) }
	finish := func(ctx context.Context) (publish.Output, string, error) {
		time.Sleep(200 * time.Millisecond) // so that a request below comes first
		return result(sess.Finish(ctx))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	// The session looks only at the files the watcher names (Session.Hint).
	var mu sync.Mutex
	var seen []string
	changed := func(names []string) {
		mu.Lock()
		seen = append(seen, names...)
		mu.Unlock()
		var paths []string
		for _, n := range names {
			if rel, err := filepath.Rel(dir, n); err == nil {
				paths = append(paths, filepath.ToSlash(rel))
			}
		}
		sess.Hint(paths)
	}
	go func() {
		done <- Run(ctx, Config{Addr: "127.0.0.1:0", Watch: []string{filepath.Join(dir, "content")}, Build: build,
			Finish: finish, Late: sess.Late, Changed: changed, Ready: func(a string) { ready <- a }, Debounce: 50 * time.Millisecond})
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("Run: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("server not ready after 20s")
	}
	base := "http://" + addr

	page := get(t, base+"/en/economy.html", http.StatusOK)
	if !strings.Contains(page, "static/reload.js") {
		t.Errorf("served page does not load reload.js")
	}
	get(t, base+"/static/reload.js", http.StatusOK)
	get(t, base+"/", http.StatusOK)
	get(t, base+"/no/such/page.html", http.StatusNotFound)

	resp, err := http.Get(base + ReloadPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- name
			}
		}
		close(events)
	}()
	await := func(want string) {
		t.Helper()
		timeout := time.After(10 * time.Second)
		for {
			select {
			case got, ok := <-events:
				if !ok {
					t.Fatalf("event stream closed; want %s", want)
				}
				if got == want {
					return
				}
			case <-timeout:
				t.Fatalf("no %s event within 10s", want)
			}
		}
	}
	time.Sleep(100 * time.Millisecond) // let the stream register

	md := filepath.Join(dir, "content", "en", "01-economy.md")
	orig, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(md, append(orig, []byte("\nA freshly added sentence.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	await("reload")
	if !strings.Contains(get(t, base+"/en/economy.html", http.StatusOK), "freshly added") {
		t.Errorf("rebuilt page lacks the edit")
	}
	mu.Lock()
	if !slices.Contains(seen, md) {
		t.Errorf("Changed was told %q, want %s among them", seen, md)
	}
	mu.Unlock()
	// The full report is made after the reload: its request waits for it.
	if !strings.Contains(get(t, base+"/en/report.html", http.StatusOK), "freshly added") {
		t.Errorf("the full report, asked for before it was made again, lacks the edit")
	}

	// A broken edit: the last good build stays served, the page is told.
	if err := os.WriteFile(md, []byte("+++\ntitle = \n+++\nbroken\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	await("error-page")
	if !strings.Contains(get(t, base+"/en/economy.html", http.StatusOK), "freshly added") {
		t.Errorf("after a broken edit the last good build is not served")
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return within 5s of cancel")
	}
}

func get(t *testing.T, url string, want int) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Errorf("GET %s = %d, want %d", url, resp.StatusCode, want)
	}
	return string(b)
}

// TestBurstWait holds the watcher's wait after each event of an editor's
// save to the short quiet period, except while a file that was there
// before the save is missing: then a build would see the site without it.
func TestBurstWait(t *testing.T) {
	const quiet, gone = 5 * time.Millisecond, 100 * time.Millisecond
	ev := func(op fsnotify.Op, name string) fsnotify.Event { return fsnotify.Event{Name: name, Op: op} }
	for _, tc := range []struct {
		name   string
		events []fsnotify.Event
		want   []time.Duration // the wait after each event
	}{
		{"in place (truncate, write)", []fsnotify.Event{ev(fsnotify.Write, "a.md"), ev(fsnotify.Write, "a.md")},
			[]time.Duration{quiet, quiet}},
		{"a temporary file renamed over the file", []fsnotify.Event{
			ev(fsnotify.Create, "a.md.tmp"), ev(fsnotify.Write, "a.md.tmp"), ev(fsnotify.Rename, "a.md.tmp"), ev(fsnotify.Create, "a.md")},
			[]time.Duration{quiet, quiet, quiet, quiet}},
		{"the file renamed to a backup, written anew, the backup removed (Vim)", []fsnotify.Event{
			ev(fsnotify.Rename, "a.md"), ev(fsnotify.Create, "a.md~"), ev(fsnotify.Create, "a.md"), ev(fsnotify.Write, "a.md"), ev(fsnotify.Remove, "a.md~")},
			[]time.Duration{gone, gone, quiet, quiet, quiet}},
		{"the file removed, then written anew", []fsnotify.Event{ev(fsnotify.Remove, "a.md"), ev(fsnotify.Create, "a.md"), ev(fsnotify.Write, "a.md")},
			[]time.Duration{gone, quiet, quiet}},
		{"a file removed for good", []fsnotify.Event{ev(fsnotify.Remove, "a.md"), ev(fsnotify.Write, "b.md")},
			[]time.Duration{gone, gone}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b burst
			for i, e := range tc.events {
				if got := b.add(e, quiet, gone); got != tc.want[i] {
					t.Errorf("after event %d (%v) wait %v, want %v", i+1, e, got, tc.want[i])
				}
			}
		})
	}
}
