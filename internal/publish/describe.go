package publish

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"reportsite/internal/addr"
	"reportsite/internal/lang"
)

// Sitemap lists every page of paths (sorted) with its translations as
// xhtml:link alternates, at addresses under base (ending in /). It leaves
// out static/ and the pages in skip (the 404 page, the one-file reports).
func Sitemap(base string, langs []lang.Lang, paths []string, skip map[string]bool) []byte {
	has := make(map[string]bool, len(paths))
	for _, p := range paths {
		has[p] = true
	}
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, p := range paths {
		if !strings.HasSuffix(p, ".html") || skip[p] || strings.HasPrefix(p, addr.StaticDir) {
			continue
		}
		fmt.Fprintf(&buf, "<url><loc>%s</loc>", html.EscapeString(AbsURL(base, p)))
		if dir, page, ok := strings.Cut(p, "/"); ok && !strings.Contains(page, "/") {
			own := false
			for _, l := range langs {
				own = own || l.Prefix == dir
			}
			for _, l := range langs {
				alt := l.Prefix + "/" + page
				if !own || !has[alt] {
					continue
				}
				fmt.Fprintf(&buf, "\n  <xhtml:link rel=\"alternate\" hreflang=\"%s\" href=\"%s\"/>", html.EscapeString(l.Tag), html.EscapeString(AbsURL(base, alt)))
			}
		}
		buf.WriteString("</url>\n")
	}
	buf.WriteString("</urlset>\n")
	return buf.Bytes()
}

// Robots returns robots.txt for a site at base, pointing at its sitemap.
func Robots(base string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + base + SitemapPath + "\n")
}

// AbsURL joins base (ending in /) and a site path; a folder's index.html
// (addr.RootPage, the overview's name too) is addressed by the folder, as
// static hosts serve it.
func AbsURL(base, p string) string {
	p = strings.TrimSuffix(p, addr.RootPage)
	return base + p
}

// WebManifest returns the web app manifest of a site titled name in
// language tag; short is its short name ("" for name), description may be
// "".
func WebManifest(name, short, tag, description string) ([]byte, error) {
	m := map[string]any{
		"name":             name,
		"short_name":       short,
		"lang":             tag,
		"start_url":        addr.RootPage,
		"scope":            "./",
		"display":          "standalone",
		"background_color": "#ffffff",
		"theme_color":      "#ffffff",
	}
	if description != "" {
		m["description"] = description
	}
	if short == "" {
		m["short_name"] = name
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// Pack is a set of files a reader can save for offline reading.
type Pack struct {
	ID    string   `json:"id"`
	Files []string `json:"files"`
	Bytes int      `json:"bytes"`
}

// AllPack is the ID of the pack that holds the whole site.
const AllPack = "all"

// Packs lists one pack per language of langs, its ID the language's
// prefix, holding the files of paths for which in(path, language) is true,
// then the whole site. sizes gives each file's length. The publishing files
// (service worker, offline list, sitemap, robots.txt) are in none.
func Packs(paths []string, sizes map[string]int, langs []lang.Lang, in func(p string, l lang.Lang) bool) []Pack {
	var out []Pack
	for i := range len(langs) + 1 {
		pk := Pack{ID: AllPack, Files: []string{}}
		if i < len(langs) {
			pk.ID = langs[i].Prefix
		}
		for _, p := range paths {
			switch {
			case p == SWPath || p == OfflinePacksPath || p == SitemapPath || p == RobotsPath:
				continue
			case i < len(langs) && !in(p, langs[i]):
				continue
			}
			pk.Files = append(pk.Files, p)
			pk.Bytes += sizes[p]
		}
		out = append(out, pk)
	}
	return out
}

// OfflineList returns offline.json: every pack with its files and size.
func OfflineList(packs []Pack) ([]byte, error) {
	data, err := json.Marshal(map[string]any{"packs": packs})
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}
