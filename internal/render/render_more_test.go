package render

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/addr"
	"reportsite/internal/publish"
	"reportsite/internal/render/offline"
	"reportsite/internal/render/view"
	"reportsite/templates"
)

// TestOfflinePacks: offline.json lists, per language, that language's pages
// and the shared files, and the whole site last; every listed file exists;
// the About page states each pack's size as offline.json counts it.
func TestOfflinePacks(t *testing.T) {
	out := renderSite(t, miniContent(), miniOptions())
	langs := loadedLangs(t)
	var list struct {
		Packs []publish.Pack `json:"packs"`
	}
	if err := json.Unmarshal(out[publish.OfflinePacksPath], &list); err != nil {
		t.Fatalf("%s: %v", publish.OfflinePacksPath, err)
	}
	if len(list.Packs) != len(langs)+1 || list.Packs[len(list.Packs)-1].ID != publish.AllPack {
		t.Fatalf("packs %v: want one per language, then %q", list.Packs, publish.AllPack)
	}
	for i, pk := range list.Packs {
		sum, files := 0, map[string]bool{}
		for _, f := range pk.Files {
			data, ok := out[f]
			if !ok {
				t.Errorf("pack %s lists %s, which the build did not make", pk.ID, f)
			}
			sum += len(data)
			files[f] = true
		}
		if sum != pk.Bytes {
			t.Errorf("pack %s: %d bytes listed, files sum to %d", pk.ID, pk.Bytes, sum)
		}
		for _, f := range []string{publish.SWPath, publish.OfflinePacksPath} {
			if files[f] {
				t.Errorf("pack %s lists %s", pk.ID, f)
			}
		}
		if pk.ID == publish.AllPack {
			if len(pk.Files) != len(out)-2 {
				t.Errorf("pack all: %d files, the site has %d besides sw.js and offline.json", len(pk.Files), len(out)-2)
			}
			continue
		}
		l := langs[i]
		for _, f := range []string{l.Prefix + "/index.html", l.Prefix + "/" + addr.KindAbout.File(), "static/site.css", "static/charts.js", "index.html"} {
			if !files[f] {
				t.Errorf("pack %s lacks %s", pk.ID, f)
			}
		}
		for f := range files {
			if strings.HasPrefix(f, "static/vendor/") || f == SinglePath(siteOf(t), l) {
				t.Errorf("pack %s lists %s, a download of its own", pk.ID, f)
			}
			for _, o := range langs {
				if o.Prefix != l.Prefix && strings.HasPrefix(f, o.Prefix+"/") {
					t.Errorf("pack %s lists %s, of another language", pk.ID, f)
				}
			}
		}
		about := string(out[l.Prefix+"/"+addr.KindAbout.File()])
		for _, want := range []string{
			`data-pack="` + l.Prefix + `">`, `<span class="size">` + offline.ByteSize(pk.Bytes) + `</span>`,
			`data-pack="all">`, `<span class="size">` + offline.ByteSize(list.Packs[len(list.Packs)-1].Bytes) + `</span>`,
		} {
			if !strings.Contains(about, want) {
				t.Errorf("%s/about.html lacks %s", l.Prefix, want)
			}
		}
	}
	if sw := string(out[publish.SWPath]); strings.Contains(sw, "addAll") || strings.Contains(sw, "FILES") {
		t.Errorf("sw.js still downloads files at install:\n%s", sw)
	}
}

// TestStreamedPages checks that pages written as the template makes them
// (the large ones) come out as they do from memory.
func TestStreamedPages(t *testing.T) {
	want := renderSite(t, miniContent(), miniOptions())
	defer func(n int) { view.StreamSize = n }(view.StreamSize)
	view.StreamSize = -1 // every page
	got := renderSite(t, miniContent(), miniOptions())
	if len(got) != len(want) {
		t.Errorf("streamed build made %d files, want %d", len(got), len(want))
	}
	for p, w := range want {
		if !bytes.Equal(got[p], w) && p != publish.SWPath {
			t.Errorf("%s differs when streamed", p)
		}
	}
	if !bytes.Equal(got[publish.SWPath], want[publish.SWPath]) {
		t.Errorf("sw.js differs when streamed: the output hash must not depend on how pages are written")
	}
	dir := t.TempDir() + "/public"
	r, _ := loaded(t, miniContent(), miniOptions())
	d, err := publish.NewDir(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Render(t.Context(), d); err != nil {
		d.Abort()
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(dir + "/en/report.html")
	if err != nil || !bytes.Equal(data, want["en/report.html"]) {
		t.Errorf("streamed en/report.html on disk differs (err %v)", err)
	}
}

// TestCSSString checks that a title quoted into the print style sheet cannot
// end its string, its rule or a <style> element it is inlined into.
func TestCSSString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Changtai: 2021", `"Changtai: 2021"`},
		{"常泰街道", `"常泰街道"`},
		{`a"b\c`, `"a\22 b\5c c"`},
		{"</style><script>", `"\3c /style\3e \3c script\3e "`},
		{"a\nb}", `"a\a b}"`},
	}
	for _, tt := range tests {
		if got := cssString(tt.in); got != tt.want {
			t.Errorf("cssString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestAboutDraft: a full render drafts the About pages beside the other
// pages and only fills in the sizes at the end (offline.Draft). What it
// writes is what rendering them at the end writes, which a site whose
// about.html is its own gets: here the default one with a comment added,
// which changes no output. Every file is compared, since the About pages'
// sizes feed offline.json and the service worker.
func TestAboutDraft(t *testing.T) {
	def, err := fs.ReadFile(templates.FS, "about.html")
	if err != nil {
		t.Fatal(err)
	}
	own := miniOptions()
	own.Overlay = fstest.MapFS{"templates/about.html": {Data: append([]byte("{{/* the site's own */}}"), def...)}}
	drafted, rendered := renderSite(t, miniContent(), miniOptions()), renderSite(t, miniContent(), own)
	if len(drafted) != len(rendered) {
		t.Fatalf("%d files drafted, %d rendered at the end", len(drafted), len(rendered))
	}
	for p, want := range rendered {
		if got := drafted[p]; !bytes.Equal(got, want) {
			t.Errorf("%s differs: drafted %d bytes, rendered at the end %d", p, len(got), len(want))
		}
	}
	if about := string(drafted["en/"+addr.KindAbout.File()]); !strings.Contains(about, ` KB</span>`) {
		t.Errorf("en/about.html states no size:\n%s", about)
	}
}
