package site

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/addr"
	"reportsite/internal/publish"
	"reportsite/internal/search"
)

// TestSearchIndex checks that every passage of the search index, and its
// counterpart in the paired language, links to an anchor that exists.
func TestSearchIndex(t *testing.T) {
	res := build(t, miniOptions(t))
	heads := map[string]map[string]any{}
	for _, prefix := range []string{"zh-hant", "zh-hans", "en"} {
		data, ok := res.Out["search/"+prefix+".js"]
		if !ok {
			t.Fatalf("no search/%s.js", prefix)
		}
		var head map[string]any
		decodeScript(t, prefix, data, &head)
		heads[prefix] = head
	}
	if heads["zh-hant"]["pair"] != "en" || heads["en"]["pair"] != "zh-hant" || heads["zh-hans"]["corpus"] != "zh-hant" {
		t.Errorf("pairs and corpora: %v", heads)
	}
	for prefix := range heads {
		n := 0
		for p, data := range res.Out {
			if !strings.HasPrefix(p, "search/"+prefix+"-d") {
				continue
			}
			var docs [][]any
			decodeScript(t, strings.TrimSuffix(strings.TrimPrefix(p, "search/"), ".js"), data, &docs)
			for _, d := range docs {
				n++
				href, pair := d[0].(string), d[4].(string)
				checkAnchor(t, res.Out, prefix, href)
				if pair == "" {
					pair = href
				}
				checkAnchor(t, res.Out, heads[prefix]["pair"].(string), pair)
			}
		}
		if n < 10 || float64(n) != heads[prefix]["count"].(float64) {
			t.Errorf("%s: %d passages, head says %v", prefix, n, heads[prefix]["count"])
		}
	}
	for _, p := range []string{"en/economy.html", "zh-hant/index.html"} {
		page := string(res.Out[p])
		if !strings.Contains(page, `<div class="site-search" role="search" hidden`) || !strings.Contains(page, `static/search.js" defer>`) {
			t.Errorf("%s has no hidden search box or no search script", p)
		}
	}
	// A language saved for offline reading can search: its index and its
	// pair's are in its pack.
	var packs struct {
		Packs []struct {
			ID    string   `json:"id"`
			Files []string `json:"files"`
		} `json:"packs"`
	}
	if err := json.Unmarshal(res.Out["offline.json"], &packs); err != nil {
		t.Fatalf("offline.json: %v", err)
	}
	found := false
	for _, pk := range packs.Packs {
		if pk.ID == "zh-hans" {
			found = true
			for _, want := range []string{"search/zh-hans.js", "search/zh-hans-d0.js", "search/zh-hant-t0.js", "search/en.js", "search/en-t0.js"} {
				if !slices.Contains(pk.Files, want) {
					t.Errorf("the zh-hans offline pack lacks %s", want)
				}
			}
		}
	}
	if !found {
		t.Errorf("offline.json has no zh-hans pack")
	}
	for _, p := range []string{"index.html", "404.html", "en/mini-en.html", "zh-hant/mini-zh-hant.html"} {
		page, ok := res.Out[p]
		if !ok {
			t.Errorf("no %s", p)
		}
		if bytes.Contains(page, []byte(`class="site-search"`)) || bytes.Contains(page, []byte("search.js")) {
			t.Errorf("%s has the search box or its script", p)
		}
	}
}

func decodeScript(t *testing.T, name string, data []byte, v any) {
	t.Helper()
	prefix := []byte(`reportsiteSearch("` + name + `",`)
	if !bytes.HasPrefix(data, prefix) || !bytes.HasSuffix(data, []byte(");\n")) {
		t.Fatalf("search/%s.js: not a reportsiteSearch call: %.80s", name, data)
	}
	if err := json.Unmarshal(data[len(prefix):len(data)-3], v); err != nil {
		t.Fatalf("search/%s.js: %v", name, err)
	}
}

// checkAnchor reports href (page#id, from the folder of language prefix)
// unless the page exists and has the id.
func checkAnchor(t *testing.T, out publish.Output, prefix, href string) {
	t.Helper()
	page, id, _ := strings.Cut(href, "#")
	data, ok := out[prefix+"/"+page]
	if !ok {
		t.Errorf("%s/%s: no such page", prefix, href)
		return
	}
	if id != "" && !bytes.Contains(data, []byte(` id="`+id+`"`)) {
		t.Errorf("%s/%s: no element with that id", prefix, href)
	}
}

// TestRealSiteSearchCost holds the real report's search to its budget: the
// script at most 8 KB compressed, and what one query loads (the head
// files, the shards it needs, the passages it shows, in the page's language
// and the paired one) at most 60 KB compressed per language.
func TestRealSiteSearchCost(t *testing.T) {
	out := realBuild(t)
	if n := gzipSize(out["static/search.js"]); n == 0 || n > 8<<10 {
		t.Errorf("static/search.js is %d bytes compressed, want ≤ 8 KiB", n)
	}
	fsys := fstest.MapFS{}
	for p, data := range out {
		if strings.HasPrefix(p, addr.SearchDir) {
			fsys[p] = &fstest.MapFile{Data: data}
		}
	}
	heaviest := map[string]int{}
	defer func() { t.Logf("the most a query loads, compressed: %v", heaviest) }()
	for _, prefix := range []string{"zh-hant", "zh-hans", "en"} {
		queries := []string{"經濟", "疫苗接種", "发展", "vaccinated", "district", "7.95萬", "39.2%", "2021", "一", "的"}
		for _, q := range queries {
			r := search.NewReader(fsys)
			res, err := r.Search(prefix, q)
			if err != nil {
				t.Fatal(err)
			}
			// The page's own language: its head and passages and its
			// corpus's shards; the rest is the paired language's.
			corpus := r.Corpus(prefix)
			perLang := map[string]int{}
			for name := range r.Loaded {
				lang := "paired language"
				if name == prefix || strings.HasPrefix(name, prefix+"-d") || strings.HasPrefix(name, corpus+"-t") || strings.HasPrefix(name, corpus+"-n") {
					lang = prefix
				}
				perLang[lang] += gzipSize(out[addr.SearchDir+name+".js"])
			}
			for l, n := range perLang {
				if n > heaviest[prefix+" page, "+l] {
					heaviest[prefix+" page, "+l] = n
				}
				if n > 60<<10 {
					t.Errorf("%q on a %s page loads %d bytes compressed of %s's index, want ≤ 60 KiB (%v)", q, prefix, n, l, slices.Sorted(maps.Keys(r.Loaded)))
				}
			}
			if len(res) == 0 {
				t.Errorf("%q on a %s page: no results at all", q, prefix)
			}
		}
	}
}

func gzipSize(data []byte) int {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Len()
}
