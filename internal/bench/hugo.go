package bench

import (
	"fmt"
	"strings"
)

// HugoFiles returns the same report as Files, as a Hugo site: the same
// prose, headings and Markdown table per section, the data table as a data
// file drawn by a shortcode, and every tenth section's chart as a bar chart
// drawn in SVG by a shortcode (Hugo has no ECharts; the bars stand for the
// chart's place in the page). With Derived the zh-Hans text is converted
// here, once, by toHans (zh-Hant in, zh-Hans out: internal/lang's converter,
// passed in because lang's tests import this package), as Hugo has no
// conversion: the Hugo build gets its third language for free. Keys are slash-separated paths relative to the site
// folder. The layouts mirror reportsite's section page: a header with the
// report's title and a language switch, breadcrumbs, the numbered title
// and summary, the body, previous and next links, and a footer; each
// language also has a contents page listing every section.
func HugoFiles(cfg Config, toHans func(string) string) map[string][]byte {
	langs := []hugoLang{{key: "zh-Hant", code: "zh-hant", name: "繁體中文"}}
	if cfg.Derived {
		langs = append(langs, hugoLang{key: "zh-Hans", code: "zh-hans", name: "简体中文", from: "zh-Hant"})
	}
	langs = append(langs, hugoLang{key: "en", code: "en", name: "English"})
	// text returns t's Chinese or English with the derived variant added.
	text := func(zh, en string) map[string]string {
		m := map[string]string{"zh-Hant": zh, "en": en}
		if cfg.Derived {
			m["zh-Hans"] = toHans(zh)
		}
		return m
	}
	files := map[string][]byte{}
	files["hugo.toml"] = hugoConfig(cfg, langs, text)
	for name, src := range hugoLayouts {
		files["layouts/"+name] = []byte(src)
	}
	for _, l := range langs {
		files["content/"+l.key+"/_index.md"] = []byte("+++\ntitle = " + tomlString(text(siteTitle(cfg))[l.key]) + "\n+++\n")
	}
	for i := 1; i <= cfg.Sections; i++ {
		s := newSection(cfg, i)
		for _, l := range langs {
			src := l.key
			if l.from != "" {
				src = l.from
			}
			body := s.bodies[src]
			body = strings.Replace(body, "```table "+s.table+"\n```\n", `{{< table "`+s.table+`" >}}`+"\n", 1)
			if s.chart != "" {
				body = strings.Replace(body, "```chart "+s.chart+"\n```\n", `{{< chart "`+s.table+`" >}}`+"\n", 1)
			}
			title, number, summary := s.front(src)
			if l.from != "" {
				body, title, summary = toHans(body), toHans(title), toHans(summary)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "+++\ntitle = %s\nweight = %d\n[params]\nnumber = %s\nsummary = %s\n+++\n", tomlString(title), i, tomlString(number), tomlString(summary))
			b.WriteString(body)
			files["content/"+l.key+"/"+s.id+".md"] = []byte(b.String())
		}
		files["data/tables/"+s.table+".toml"] = s.hugoTableTOML(text)
	}
	return files
}

type hugoLang struct {
	key  string // content folder and the key of bilingual texts: zh-Hant
	code string // Hugo's language key and URL prefix: zh-hant
	name string
	from string // the language it is converted from, if derived
}

func siteTitle(cfg Config) (zh, en string) {
	return fmt.Sprintf("合成基準報告（%d節）", cfg.Sections), fmt.Sprintf("Synthetic benchmark report (%d sections)", cfg.Sections)
}

func hugoConfig(cfg Config, langs []hugoLang, text func(zh, en string) map[string]string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Synthetic report: %d sections per language (internal/bench), for Hugo.\n", cfg.Sections)
	b.WriteString("baseURL = \"/\"\nrelativeURLs = true\n")
	b.WriteString("defaultContentLanguage = \"zh-hant\"\ndefaultContentLanguageInSubdir = true\n")
	b.WriteString("disableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\", \"robotstxt\", \"404\"]\n")
	b.WriteString("enableRobotsTXT = false\n\n")
	b.WriteString("[markup.goldmark.extensions.cjk]\nenable = true\n\n")
	zh, en := siteTitle(cfg)
	titles := text(zh, en)
	publisher := text("合成街道辦事處", "Synthetic Subdistrict Office")
	for k, l := range langs {
		fmt.Fprintf(&b, "[languages.%s]\nlocale = %q\nlabel = %s\nweight = %d\ncontentDir = \"content/%s\"\ntitle = %s\n",
			l.code, l.key, tomlString(l.name), k+1, l.key, tomlString(titles[l.key]))
		fmt.Fprintf(&b, "[languages.%s.params]\nkey = %q\npublisher = %s\n\n", l.code, l.key, tomlString(publisher[l.key]))
	}
	return []byte(b.String())
}

// front returns the front matter fields of the section in language tag.
func (s *section) front(tag string) (title, number, summary string) {
	if tag == "en" {
		return s.enT, fmt.Sprintf("%d. ", s.i), fmt.Sprintf("Section %d: %s, with its indicators and next steps.", s.i, strings.ToLower(s.enT))
	}
	return s.zhT, fmt.Sprintf("%d、", s.i), fmt.Sprintf("第%d節：%s的主要指標、做法及下一步打算。", s.i, s.zhT)
}

// hugoTableTOML is the section's data table as a Hugo data file: the same
// columns and rows as tableTOML, every text in every language.
func (s *section) hugoTableTOML(text func(zh, en string) map[string]string) []byte {
	var b strings.Builder
	inline := func(m map[string]string) string {
		var parts []string
		for _, k := range []string{"zh-Hant", "zh-Hans", "en"} {
			if v, ok := m[k]; ok {
				parts = append(parts, fmt.Sprintf("%s = %s", k, tomlString(v)))
			}
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	}
	fmt.Fprintf(&b, "title = %s\n", inline(text(fmt.Sprintf("第%d節主要指標", s.i), fmt.Sprintf("Section %d: main indicators", s.i))))
	fmt.Fprintf(&b, "note = %s\n", inline(text("合成數據，僅供效能測試。", "Synthetic data for performance tests only.")))
	fmt.Fprintf(&b, "columns = [\n  %s,\n  %s,\n  %s,\n  %s,\n]\n",
		inline(text("指標", "Indicator")), inline(text("數量", "Number")), inline(text("上年", "Previous year")), inline(text("比增", "Growth, year on year")))
	for _, rw := range s.rows {
		fmt.Fprintf(&b, "\n[[rows]]\nitem = %s\nvalue = %d\nprevious = %d\ngrowth = %s\n", inline(text(rw.zh, rw.en)), rw.value, rw.prev, rw.growth)
	}
	return []byte(b.String())
}

// tomlString quotes s as a TOML basic string (Go's %q escapes are a subset
// of TOML's for the text this package writes).
func tomlString(s string) string { return fmt.Sprintf("%q", s) }

// hugoLayouts are the Hugo site's templates, in Hugo's template layout of
// v0.146 and later.
var hugoLayouts = map[string]string{
	"baseof.html": `<!DOCTYPE html>
<html lang="{{ site.Language.Locale }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Title }}{{ end }}">
{{- range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Language.Locale }}" href="{{ .RelPermalink }}">
{{- end }}
</head>
<body>
{{ partialCached "header.html" . site.Language.Lang }}
<main id="main">
{{ block "main" . }}{{ end }}
</main>
{{ partialCached "footer.html" . site.Language.Lang }}
</body>
</html>
`,
	"_partials/header.html": `<header class="site-header">
<a class="skip" href="#main">{{ if eq site.Params.key "en" }}Skip to content{{ else }}跳至正文{{ end }}</a>
<p class="site-title"><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
<nav class="langs" aria-label="Languages"><ul>
{{- range hugo.Sites }}
<li><a href="{{ .Home.RelPermalink }}" hreflang="{{ .Language.Locale }}" lang="{{ .Language.Locale }}">{{ .Language.Label }}</a></li>
{{- end }}
</ul></nav>
</header>
`,
	"_partials/footer.html": `<footer class="site-footer">
<p>{{ site.Params.publisher }}</p>
</footer>
`,
	"home.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ol class="contents">
{{- range .RegularPages.ByWeight }}
<li><a href="{{ .RelPermalink }}">{{ .Params.number }}{{ .Title }}</a><p>{{ .Params.summary }}</p></li>
{{- end }}
</ol>
{{ end }}
`,
	"single.html": `{{ define "main" }}
<nav class="crumbs" aria-label="Breadcrumbs"><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></nav>
<article>
<h1><span class="num">{{ .Params.number }}</span>{{ .Title }}</h1>
<p class="summary">{{ .Params.summary }}</p>
{{ .Content }}
</article>
<nav class="pager">
{{- with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Params.number }}{{ .Title }}</a>{{ end }}
{{- with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Params.number }}{{ .Title }}</a>{{ end }}
</nav>
{{ end }}
`,
	"_shortcodes/table.html": `{{- $t := index hugo.Data.tables (.Get 0) -}}
{{- $k := site.Params.key -}}
<figure class="data-table" id="{{ .Get 0 }}">
<figcaption>{{ index $t.title $k }}</figcaption>
<div class="scroll"><table>
<thead><tr>{{ range $t.columns }}<th scope="col">{{ index . $k }}</th>{{ end }}</tr></thead>
<tbody>
{{- range $t.rows }}
<tr><th scope="row">{{ index .item $k }}</th><td>{{ lang.FormatNumber 0 .value }}</td><td>{{ lang.FormatNumber 0 .previous }}</td><td>{{ lang.FormatNumber 1 .growth }}%</td></tr>
{{- end }}
</tbody>
</table></div>
<p class="note">{{ index $t.note $k }}</p>
</figure>
`,
	"_shortcodes/chart.html": `{{- $t := index hugo.Data.tables (.Get 0) -}}
{{- $k := site.Params.key -}}
{{- $max := 1 -}}
{{- range $t.rows }}{{ $max = math.Max $max .value }}{{ end -}}
<figure class="chart">
<figcaption>{{ index $t.title $k }}</figcaption>
<svg viewBox="0 0 360 220" role="img" aria-label="{{ index $t.title $k }}">
{{- range $i, $r := $t.rows }}
{{- $h := div (mul $r.value 180.0) $max }}
<g><rect x="{{ add 20 (mul $i 42) }}" y="{{ sub 190 $h }}" width="30" height="{{ $h }}"></rect><text x="{{ add 35 (mul $i 42) }}" y="205" text-anchor="middle">{{ index $r.item $k }}</text><title>{{ index $r.item $k }}: {{ lang.FormatNumber 0 $r.value }}</title></g>
{{- end }}
</svg>
</figure>
`,
}
