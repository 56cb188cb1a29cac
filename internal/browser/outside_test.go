package browser

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
)

// validatorDir holds html-validate, pinned by package-lock.json and
// installed with `npm ci` (.ci/run does it); node_modules is not committed.
const validatorDir = "testdata/htmlvalidate"

// runValidator runs html-validate on files and returns its JSON report. The
// report goes to a file, not a pipe: Node may exit before a pipe has taken
// all of a large report, which once left the test with no output at all.
func runValidator(t *testing.T, cmd []string, files ...string) ([]byte, error) {
	t.Helper()
	report := filepath.Join(t.TempDir(), "report.json")
	args := append(append(cmd[1:len(cmd):len(cmd)], "--formatter", "json="+report), files...)
	var stderr bytes.Buffer
	c := exec.Command(cmd[0], args...)
	c.Stderr = &stderr
	err := c.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("html-validate: %v\n%s", err, stderr.String())
	}
	out, rerr := os.ReadFile(report)
	if rerr != nil {
		t.Fatalf("html-validate wrote no report (%v): %v\n%s", err, rerr, stderr.String())
	}
	return out, err
}

// validator returns the command line that runs html-validate, or skips the
// test with a hint (fails it in CI) when Node.js or the package is missing.
func validator(t *testing.T) []string {
	t.Helper()
	var node string
	for _, name := range []string{"node", "nodejs"} {
		if p, err := exec.LookPath(name); err == nil {
			node = p
			break
		}
	}
	script := filepath.Join(validatorDir, "node_modules", "html-validate", "bin", "html-validate.mjs")
	_, err := os.Stat(script)
	if node != "" && err == nil {
		return []string{node, script, "--config", filepath.Join(validatorDir, ".htmlvalidate.json")}
	}
	why := "html-validate is not installed: run `npm ci --prefix internal/browser/testdata/htmlvalidate`"
	if node == "" {
		why = "Node.js not found: install it with `sudo apt-get install nodejs npm`, then run `npm ci --prefix internal/browser/testdata/htmlvalidate`"
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true but the HTML validator cannot run: %s", why)
	}
	t.Skip(why)
	return nil
}

// TestValidator runs html-validate's recommended rules over every page of
// every site and fails on any error.
func TestValidator(t *testing.T) {
	needBrowser(t)
	cmd := validator(t)
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) {
			var files []string
			for _, p := range pagesOf(t, s.dir) {
				files = append(files, filepath.Join(s.dir, filepath.FromSlash(p)))
			}
			out, err := runValidator(t, cmd, files...)
			var reports []struct {
				FilePath string `json:"filePath"`
				Messages []struct {
					RuleID   string `json:"ruleId"`
					Severity int    `json:"severity"`
					Message  string `json:"message"`
					Line     int    `json:"line"`
					Column   int    `json:"column"`
				} `json:"messages"`
			}
			if err := json.Unmarshal(out, &reports); err != nil {
				t.Fatalf("html-validate output: %v\n%s", err, out)
			}
			n := 0
			for _, r := range reports {
				rel, _ := filepath.Rel(s.dir, r.FilePath)
				for _, m := range r.Messages {
					if m.Severity >= 2 {
						n++
						t.Errorf("%s:%d:%d: %s (%s)", filepath.ToSlash(rel), m.Line, m.Column, m.Message, m.RuleID)
					}
				}
			}
			if err != nil && n == 0 {
				t.Errorf("html-validate exited with %v but reported no error:\n%s", err, out)
			}
			// html-validate lists only files with messages: that it
			// reports what it should is TestValidatorCatches' job.
			t.Logf("%d pages, %d errors", len(files), n)
		})
	}
}

// TestValidatorCatches proves the validator runs and fails a page that
// breaks the recommended rules (a role="region" div, a lower-case doctype).
func TestValidatorCatches(t *testing.T) {
	cmd := validator(t)
	bad := filepath.Join(t.TempDir(), "bad.html")
	page := `<!doctype html><html lang="en"><head><title>x</title></head><body><main><div role="region" aria-label="x">x</div></main></body></html>`
	if err := os.WriteFile(bad, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := runValidator(t, cmd, bad)
	for _, rule := range []string{"prefer-native-element", "doctype-style"} {
		if !bytes.Contains(out, []byte(`"`+rule+`"`)) {
			t.Errorf("html-validate did not report %s on %s:\n%s", rule, page, out)
		}
	}
}

var (
	canonicalRe = regexp.MustCompile(`<link rel="canonical" href="([^"]*)">`)
	alternateRe = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]*)" href="([^"]*)">`)
)

// TestAlternates: where a site has a base URL, every page but the 404 page
// and the one-file reports has a canonical link under it, and every hreflang
// alternate is absolute, under it too, and names a page that exists;
// without one, no page claims an address (a relative hreflang alternate is
// invalid to search engines: Lighthouse fails it).
func TestAlternates(t *testing.T) {
	needBrowser(t)
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) {
			for _, p := range pagesOf(t, s.dir) {
				data, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(p)))
				if err != nil {
					t.Fatal(err)
				}
				page := string(data)
				canon := canonicalRe.FindStringSubmatch(page)
				alts := alternateRe.FindAllStringSubmatch(page, -1)
				single := strings.Contains(page, "page-single")
				if s.baseURL == "" {
					if canon != nil {
						t.Errorf("%s: canonical %s without a base URL", p, canon[1])
					}
					if len(alts) > 0 {
						// Search engines take only absolute addresses there.
						t.Errorf("%s: hreflang alternate %s without a base URL", p, alts[0][2])
					}
					continue
				}
				if p == "404.html" || single {
					continue
				}
				if canon == nil || !strings.HasPrefix(canon[1], s.baseURL) {
					t.Errorf("%s: canonical %v, want an address under %s", p, canon, s.baseURL)
				}
				if len(alts) == 0 {
					t.Errorf("%s: no hreflang alternates", p)
				}
				for _, a := range alts {
					target, ok := strings.CutPrefix(a[2], s.baseURL)
					if !ok {
						t.Errorf("%s: hreflang %s alternate %q is not an absolute address under %s", p, a[1], a[2], s.baseURL)
						continue
					}
					if target == "" || strings.HasSuffix(target, "/") {
						target += "index.html"
					}
					if _, err := os.Stat(filepath.Join(s.dir, filepath.FromSlash(target))); err != nil {
						t.Errorf("%s: hreflang %s alternate %s names no page", p, a[1], a[2])
					}
				}
			}
		})
	}
}

// Byte budgets: what a page may make a reader download.
const (
	maxScript    = 15 * 1000  // all JavaScript a page loads, gzip-compressed
	maxFirstView = 100 * 1000 // the overview's first view, compressed
)

// TestBudgets opens every page of every full site over HTTP at phone size,
// lets it settle and measures what it requested, each file gzip-compressed
// as a host would send it: all JavaScript (the service worker included)
// within maxScript, the overview within maxFirstView, and nothing the
// reader did not ask for (the ECharts bundle, offline.json, other pages or
// data downloads).
func TestBudgets(t *testing.T) {
	needBrowser(t)
	tb := newTab(t)
	if err := tb.setup(phone, true, "light"); err != nil {
		t.Fatal(err)
	}
	for _, s := range sites {
		if !s.full {
			continue
		}
		base := server.URL + s.sub
		for _, p := range pagesOf(t, s.dir) {
			t.Run(s.name+"/"+p, func(t *testing.T) {
				tb.takeRequests()
				if err := tb.open(base, p); err != nil {
					t.Fatal(err)
				}
				time.Sleep(300 * time.Millisecond) // a late or background request would start now
				reqs := tb.takeRequests()
				tb.take()
				var js, total int
				var files []string
				hasOffline := false
				seen := map[string]bool{}
				for _, r := range reqs {
					u, err := url.Parse(r.URL)
					if err != nil || u.Scheme == "data" {
						continue
					}
					rel, ok := strings.CutPrefix(u.Path, s.sub)
					if !ok {
						continue // TestPages reports requests that leave the site
					}
					if rel == "" || strings.HasSuffix(rel, "/") {
						rel += "index.html"
					}
					if seen[rel] {
						continue // a host's redirect from …/index.html to …/
					}
					seen[rel] = true
					if rel != p && (strings.HasSuffix(rel, ".html") || strings.HasPrefix(rel, "static/vendor/") ||
						rel == "offline.json" || strings.HasSuffix(rel, ".csv") || strings.HasSuffix(rel, ".json")) {
						t.Errorf("requested %s (%s) without the reader asking", rel, r.Type)
					}
					n := gzipSize(t, filepath.Join(s.dir, filepath.FromSlash(rel)))
					total += n
					files = append(files, fmt.Sprintf("%s %d", rel, n))
					if r.Type == network.ResourceTypeScript || path.Ext(rel) == ".js" {
						js += n
						hasOffline = hasOffline || rel == "static/offline.js"
					}
				}
				if hasOffline && !strings.Contains(strings.Join(files, " "), "sw.js ") {
					n := gzipSize(t, filepath.Join(s.dir, "sw.js"))
					js += n
					files = append(files, fmt.Sprintf("sw.js %d", n))
				}
				t.Logf("JavaScript %d B, everything %d B (gzip): %s", js, total, strings.Join(files, ", "))
				if js > maxScript {
					t.Errorf("JavaScript %d B gzip > %d B: %s", js, maxScript, strings.Join(files, ", "))
				}
				if path.Base(p) == "index.html" && strings.Contains(p, "/") && total > maxFirstView {
					t.Errorf("overview transfers %d B gzip > %d B: %s", total, maxFirstView, strings.Join(files, ", "))
				}
			})
		}
	}
}

// gzipSize returns the size of the file gzip-compressed at the default
// level, as static hosts typically serve it.
func gzipSize(t *testing.T, file string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Errorf("requested file: %v", err)
		return 0
	}
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Len()
}
