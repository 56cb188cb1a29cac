package site

import (
	"crypto/sha256"
	"encoding/base64"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/linkcheck"
	"reportsite/internal/publish"
	"reportsite/internal/render"
)

var (
	refRe   = regexp.MustCompile(`(?i)\s(?:src|href|xlink:href|srcset|action|poster|data)\s*=\s*"([^"]*)"`)
	styleRe = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	cspRe   = regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`)
)

func TestSingleFileSelfContained(t *testing.T) {
	res := build(t, miniOptions(t))
	for _, l := range res.Site.Languages {
		p := render.SinglePath(res.Site, l)
		t.Run(p, func(t *testing.T) {
			doc, ok := res.Out[p]
			if !ok {
				t.Fatalf("Build: no %s", p)
			}
			s := string(doc)
			if strings.Contains(s, "<script") {
				t.Errorf("%s has a <script>", p)
			}
			for _, m := range refRe.FindAllStringSubmatch(s, -1) {
				if !strings.HasPrefix(m[1], "#") && m[1] != res.Site.Report.Source.URL {
					t.Errorf("%s refers to %q", p, m[1])
				}
			}
			for _, pr := range linkcheck.Check(map[string][]byte{p: doc}) {
				t.Errorf("link check: %s", pr)
			}
			css := styleRe.FindStringSubmatch(s)
			csp := cspRe.FindStringSubmatch(s)
			if css == nil || csp == nil {
				t.Fatalf("%s: no <style> or no CSP", p)
			}
			sum := sha256.Sum256([]byte(css[1]))
			want := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
			policy := strings.ReplaceAll(csp[1], "&#39;", "'")
			if !strings.Contains(policy, "style-src "+want) {
				t.Errorf("CSP %q does not allow the inlined stylesheet %s", policy, want)
			}
			if !strings.Contains(s, `id="s-economy"`) {
				t.Errorf("%s: no section anchor s-economy", p)
			}
			about := string(res.Out[l.Prefix+"/about.html"])
			if res.Out[l.Prefix+"/about.html"] != nil && !strings.Contains(about, `href="../`+p+`"`) {
				t.Errorf("%s/about.html does not link to %s", l.Prefix, p)
			}
		})
	}
}

// TestServiceWorkerVersioned: the worker is versioned by the output, lists
// no files to fetch at install (offline.json does, for saving on request;
// see TestOfflinePacks), and neither is written for the preview server.
func TestServiceWorkerVersioned(t *testing.T) {
	res := build(t, miniOptions(t))
	sw := string(res.Out[publish.SWPath])
	sums := map[string]publish.FileSum{}
	for p, data := range res.Out {
		sums[p] = publish.Sum(data)
	}
	if h := publish.Hash(res.Out.Paths(), sums); !strings.Contains(sw, h) {
		t.Errorf("sw.js is not versioned by the output hash %s", h)
	}
	if !strings.Contains(sw, "offline.json") || strings.Contains(sw, "addAll") || strings.Contains(sw, "FILES") {
		t.Errorf("sw.js should read offline.json on request and name no page itself:\n%s", sw)
	}
	opt := miniOptions(t)
	opt.Serve = true
	out := build(t, opt).Out
	for _, p := range []string{publish.SWPath, publish.OfflinePacksPath} {
		if _, ok := out[p]; ok {
			t.Errorf("serve mode: %s written", p)
		}
	}
	if strings.Contains(string(out["en/about.html"]), "offline-save") {
		t.Errorf("serve mode: the About page offers offline saving")
	}
}

func TestDiscovery(t *testing.T) {
	res := build(t, miniOptions(t))
	for _, p := range []string{publish.SitemapPath, publish.RobotsPath} {
		if _, ok := res.Out[p]; ok {
			t.Errorf("no base_url: %s written", p)
		}
	}
	if strings.Contains(string(res.Out["en/index.html"]), `rel="canonical"`) {
		t.Errorf("no base_url: canonical link written")
	}

	mfs := fstest.MapFS{}
	src := os.DirFS("testdata/mini/content")
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if p == "site.toml" {
			data = append([]byte("base_url = \"https://example.org/r/mini/\"\n"), data...)
		}
		mfs[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	opt := miniOptions(t)
	opt.Content = mfs
	res = build(t, opt)
	sm := string(res.Out[publish.SitemapPath])
	for _, want := range []string{
		"<loc>https://example.org/r/mini/en/economy.html</loc>",
		`<xhtml:link rel="alternate" hreflang="zh-Hans" href="https://example.org/r/mini/zh-hans/economy.html"/>`,
		"<loc>https://example.org/r/mini/</loc>",
	} {
		if !strings.Contains(sm, want) {
			t.Errorf("sitemap.xml lacks %s:\n%s", want, sm)
		}
	}
	if !strings.Contains(string(res.Out[publish.RobotsPath]), "Sitemap: https://example.org/r/mini/sitemap.xml") {
		t.Errorf("robots.txt = %q", res.Out[publish.RobotsPath])
	}
	for p, wants := range map[string][]string{
		"en/economy.html": {`<link rel="canonical" href="https://example.org/r/mini/en/economy.html">`, `property="og:url"`,
			`<link rel="alternate" hreflang="zh-Hant" href="https://example.org/r/mini/zh-hant/economy.html">`,
			`<link rel="alternate" hreflang="en" href="https://example.org/r/mini/en/economy.html">`,
			`<a href="../zh-hant/economy.html" hreflang="zh-Hant"`},
		"index.html": {`<link rel="canonical" href="https://example.org/r/mini/">`,
			`<link rel="alternate" hreflang="en" href="https://example.org/r/mini/en/">`},
	} {
		page := string(res.Out[p])
		for _, want := range wants {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", p, want)
			}
		}
		if m := regexp.MustCompile(`<link rel="alternate" hreflang="[^"]*" href="[^h][^"]*">`).FindString(page); m != "" {
			t.Errorf("%s has a relative hreflang alternate: %s", p, m)
		}
	}
	for _, p := range linkcheck.Check(res.Out) {
		t.Errorf("link check: %s", p)
	}
}
