package publish

import (
	"slices"
	"strings"
	"testing"

	"reportsite/internal/lang"
)

func TestSafePath(t *testing.T) {
	for _, tc := range []struct {
		p    string
		want bool
	}{
		{"index.html", true},
		{"en/data/x.csv", true},
		{"", false},
		{"/etc/passwd", false},
		{"../x", false},
		{"en/../../x", false},
		{"en/./x", false},
		{`en\x`, false},
		{"a\x00b", false},
		{"..", false},
	} {
		if got := SafePath(tc.p); got != tc.want {
			t.Errorf("SafePath(%q) = %v, want %v", tc.p, got, tc.want)
		}
	}
}

// TestPacks: one pack per language, then the whole site; the publishing
// files are in none, and the membership rule decides the rest.
func TestPacks(t *testing.T) {
	langs := []lang.Lang{{Tag: "en", Prefix: "en"}, {Tag: "zh-Hant", Prefix: "zh-hant"}}
	paths := []string{"en/index.html", "index.html", OfflinePacksPath, RobotsPath, SitemapPath, SWPath, "zh-hant/index.html"}
	sizes := map[string]int{"en/index.html": 10, "index.html": 1, "zh-hant/index.html": 20, SWPath: 1000}
	in := func(p string, l lang.Lang) bool {
		return strings.HasPrefix(p, l.Prefix+"/") || !strings.Contains(p, "/")
	}
	got := Packs(paths, sizes, langs, in)
	want := []Pack{
		{ID: "en", Files: []string{"en/index.html", "index.html"}, Bytes: 11},
		{ID: "zh-hant", Files: []string{"index.html", "zh-hant/index.html"}, Bytes: 21},
		{ID: AllPack, Files: []string{"en/index.html", "index.html", "zh-hant/index.html"}, Bytes: 31},
	}
	if len(got) != len(want) {
		t.Fatalf("Packs = %v, want %v", got, want)
	}
	for i := range want {
		if got[i].ID != want[i].ID || !slices.Equal(got[i].Files, want[i].Files) || got[i].Bytes != want[i].Bytes {
			t.Errorf("pack %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestHashIgnoresWorker: the version changes with any file but the
// service worker itself.
func TestHashIgnoresWorker(t *testing.T) {
	sums := map[string]FileSum{"a.html": Sum([]byte("a")), SWPath: Sum([]byte("v1"))}
	paths := []string{"a.html", SWPath}
	h := Hash(paths, sums)
	sums[SWPath] = Sum([]byte("v2"))
	if Hash(paths, sums) != h {
		t.Errorf("the worker's own bytes change the version")
	}
	sums["a.html"] = Sum([]byte("b"))
	if Hash(paths, sums) == h {
		t.Errorf("a changed page leaves the version as it was")
	}
}
