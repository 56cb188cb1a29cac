package site

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/linkcheck"
)

var (
	refRe   = regexp.MustCompile(`(?i)\s(?:src|href|xlink:href|srcset|action|poster|data)\s*=\s*"([^"]*)"`)
	styleRe = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	cspRe   = regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`)
)

func TestSingleFileSelfContained(t *testing.T) {
	res := build(t, miniOptions(t))
	for _, l := range res.Site.Languages {
		p := SinglePath(res.Site, l)
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
			about := string(res.Out[l.Prefix+"/"+aboutPage])
			if res.Out[l.Prefix+"/"+aboutPage] != nil && !strings.Contains(about, `href="../`+p+`"`) {
				t.Errorf("%s/about.html does not link to %s", l.Prefix, p)
			}
		})
	}
}

func TestServiceWorkerCoversSite(t *testing.T) {
	res := build(t, miniOptions(t))
	sw := string(res.Out[swPath])
	m := regexp.MustCompile(`(?m)^var FILES = (.*);$`).FindStringSubmatch(sw)
	if m == nil {
		t.Fatalf("sw.js has no FILES list:\n%s", sw)
	}
	var files []string
	if err := json.Unmarshal([]byte(m[1]), &files); err != nil {
		t.Fatalf("sw.js FILES: %v", err)
	}
	listed := map[string]bool{}
	for _, f := range files {
		listed[f] = true
	}
	for _, p := range res.Out.Paths() {
		if p != swPath && !listed[p] {
			t.Errorf("sw.js does not cache %s", p)
		}
	}
	if !strings.Contains(sw, OutputHash(res.Out)) {
		t.Errorf("sw.js is not versioned by the output hash %s", OutputHash(res.Out))
	}
	opt := miniOptions(t)
	opt.Serve = true
	if _, ok := build(t, opt).Out[swPath]; ok {
		t.Errorf("serve mode: sw.js written")
	}
}

func TestDiscovery(t *testing.T) {
	res := build(t, miniOptions(t))
	for _, p := range []string{sitemapPath, robotsPath} {
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
	sm := string(res.Out[sitemapPath])
	for _, want := range []string{
		"<loc>https://example.org/r/mini/en/economy.html</loc>",
		`<xhtml:link rel="alternate" hreflang="zh-Hans" href="https://example.org/r/mini/zh-hans/economy.html"/>`,
		"<loc>https://example.org/r/mini/</loc>",
	} {
		if !strings.Contains(sm, want) {
			t.Errorf("sitemap.xml lacks %s:\n%s", want, sm)
		}
	}
	if !strings.Contains(string(res.Out[robotsPath]), "Sitemap: https://example.org/r/mini/sitemap.xml") {
		t.Errorf("robots.txt = %q", res.Out[robotsPath])
	}
	page := string(res.Out["en/economy.html"])
	for _, want := range []string{`<link rel="canonical" href="https://example.org/r/mini/en/economy.html">`, `property="og:url"`} {
		if !strings.Contains(page, want) {
			t.Errorf("en/economy.html lacks %s", want)
		}
	}
	for _, p := range linkcheck.Check(res.Out) {
		t.Errorf("link check: %s", p)
	}
}
