package site

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/diag"
	"reportsite/internal/linkcheck"
)

// pngBytes is the smallest PNG header http.DetectContentType recognises.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

// richFS is the mini site with footnotes, an explicit {#id} heading with a
// link to it, and images beside the section and under static/, in both
// hand-written languages.
func richFS(t *testing.T) (fstest.MapFS, fstest.MapFS) {
	m := miniFS(t)
	edit(m, "en/02-plans.md", "## (1) Industry", "## (1) Industry {#industry}")
	edit(m, "zh-Hant/02-plans.md", "## （一）產業", "## （一）產業 {#industry}")
	edit(m, "en/02-plans.md", "Next, development will speed up.", "Next, development will speed up.[^a] See [industry](#industry) and [its plan](economy.html#h-1).\n\n![A chart](pic.png) ![Logo](../static/logo.png)\n\n[^a]: A footnote.")
	edit(m, "zh-Hant/02-plans.md", "下一步，加快發展。", "下一步，加快發展。[^a] 見[產業](#industry)。\n\n![圖](pic.png) ![標誌](../static/logo.png)\n\n[^a]: 註釋。")
	m["en/pic.png"] = &fstest.MapFile{Data: pngBytes}
	m["zh-Hant/pic.png"] = &fstest.MapFile{Data: pngBytes}
	overlay := fstest.MapFS{"static/logo.png": &fstest.MapFile{Data: pngBytes}}
	return m, overlay
}

// TestEveryPageKind: footnotes, {#id} headings and images pass check and
// build on every page kind (section, full report, one-file report,
// parallel text), with IDs that do not collide.
func TestEveryPageKind(t *testing.T) {
	m, ov := richFS(t)
	opt := miniOptions(t)
	opt.Content, opt.Overlay = m, ov
	if res, err := Check(opt); err != nil {
		t.Fatalf("Check: %v", err)
	} else {
		for _, d := range res.Diags {
			t.Logf("check: %s", d)
		}
	}
	res, err := Build(t.Context(), opt)
	if err != nil {
		t.Fatalf("check passed, build failed: %v", err)
	}
	if probs := linkcheck.Check(res.Out); len(probs) > 0 {
		t.Errorf("link check: %v", probs)
	}
	for _, p := range []string{"en/pic.png", "zh-hant/pic.png", "zh-hans/pic.png", "static/logo.png"} {
		if !bytes.Equal(res.Out[p], pngBytes) {
			t.Errorf("%s not copied", p)
		}
	}
	for page, wants := range map[string][]string{
		"en/plans.html":         {`id="industry"`, `href="#industry"`, `id="fn:1"`, `href="#fn:1"`, `src="pic.png"`, `src="../static/logo.png"`},
		"en/report.html":        {`id="s-plans-industry"`, `href="#s-plans-industry"`, `id="s-plans-fn:1"`, `href="#s-plans-fn:1"`, `src="pic.png"`},
		"en/parallel.html":      {`id="s-plans-industry"`, `id="s-plans-fn:1"`, `id="s-plans-alt-fn:1"`, `href="#s-plans-alt-fn:1"`, `src="pic.png" alt="A chart"`, `src="../zh-hant/pic.png" alt="圖"`, `src="../static/logo.png" alt="標誌"`},
		"zh-hant/parallel.html": {`src="pic.png" alt="圖"`, `src="../en/pic.png" alt="A chart"`},
		"en/mini-en.html":       {`id="s-plans-industry"`, `href="#s-plans-industry"`, `href="#s-economy-h-1"`, `id="s-plans-fn:1"`, `src="data:image/png;base64,`},
		"zh-hans/report.html":   {`id="s-plans-industry"`, `id="s-plans-fn:1"`},
	} {
		page := string(res.Out[page])
		for _, w := range wants {
			if !strings.Contains(page, w) {
				t.Errorf("page lacks %s", w)
			}
		}
	}
	if single := string(res.Out["en/mini-en.html"]); strings.Count(single, "data:image/png;base64,") != 2 {
		t.Errorf("one-file report: %d images inlined, want 2", strings.Count(single, "data:image/png;base64,"))
	}
}

// TestParallelImages: the parallel text shows each column's images from
// that language's folder, so an image only one language has (a chart drawn
// with Chinese labels, say) is found, and one of the same name in the other
// language is not shown in its place.
func TestParallelImages(t *testing.T) {
	m := miniFS(t)
	edit(m, "en/02-plans.md", "Next, development will speed up.", "Next, development will speed up.\n\n![A chart](chart-en.png)")
	edit(m, "zh-Hant/02-plans.md", "下一步，加快發展。", "下一步，加快發展。\n\n![圖](圖表.png)")
	m["en/chart-en.png"] = &fstest.MapFile{Data: pngBytes}
	m["zh-Hant/圖表.png"] = &fstest.MapFile{Data: pngBytes}
	opt := miniOptions(t)
	opt.Content = m
	res, err := Build(t.Context(), opt)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if probs := linkcheck.Check(res.Out); len(probs) > 0 {
		t.Errorf("link check: %v", probs)
	}
	for page, want := range map[string]string{
		"en/parallel.html":      `src="../zh-hant/%E5%9C%96%E8%A1%A8.png"`,
		"zh-hant/parallel.html": `src="../en/chart-en.png"`,
		"zh-hans/parallel.html": `src="../en/chart-en.png"`,
	} {
		if !strings.Contains(string(res.Out[page]), want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
}

// TestImageProblems: an image that cannot be published is refused by check
// at its line.
func TestImageProblems(t *testing.T) {
	for _, tc := range []struct{ name, img, want string }{
		{"missing", "none.png", `en/02-plans.md:7: image "none.png" does not exist`},
		{"wrong type", "pic.svg", `en/02-plans.md:7: image "pic.svg" is not a PNG, JPEG, GIF or WebP file`},
		{"not its type", "fake.png", `en/02-plans.md:7: image "fake.png" is not the image its name says`},
		{"outside", "../../site.toml.png", `en/02-plans.md:7: image "../../site.toml.png" leads outside the section's folder and static/`},
		{"other language", "../zh-Hant/pic.png", `en/02-plans.md:7: image "../zh-Hant/pic.png" leads outside`},
		{"absolute", "/pic.png", `en/02-plans.md:7: image "/pic.png" is an absolute path`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, ov := richFS(t)
			m["en/fake.png"] = &fstest.MapFile{Data: []byte("<html>")}
			m["en/pic.svg"] = &fstest.MapFile{Data: []byte("<svg/>")}
			edit(m, "en/02-plans.md", "![A chart](pic.png)", "![A chart]("+tc.img+")")
			opt := miniOptions(t)
			opt.Content, opt.Overlay = m, ov
			_, err := Check(opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Check() = %v, want %s", err, tc.want)
			}
		})
	}
}

// TestLinksCheckedAtSource: a link that leads nowhere is reported, by check
// as by build, where the section file writes it, with a hint, whether it
// names a section, a table, another page of the site or a static file.
func TestLinksCheckedAtSource(t *testing.T) {
	tests := []struct{ link, want string }{
		{"#industri", `link "#industri": no anchor "industri" in this section`},
		{"plans.html#h-9", `link "plans.html#h-9": no anchor "h-9" in this section`},
		{"economy.html#p-99", `link "economy.html#p-99": no anchor "p-99" in section 01-economy`},
		{"data/nosuch.csv", `link "data/nosuch.csv": no table "nosuch" to download`},
		{"../data/nosuch.json", `link "../data/nosuch.json": no table "nosuch" to download`},
		{"data.html#tbl-nosuch", `link "data.html#tbl-nosuch": no table "nosuch"`},
		{"javascript:alert(1)", `link "javascript:alert(1)" leaves the site by javascript:`},
		{"nosuch.html", `link "nosuch.html": the site has no page or file en/nosuch.html`},
		{"about.html#nosuch", `link "about.html#nosuch": no anchor "nosuch" on en/about.html`},
		{"report.html#s-plans-h-9", `link "report.html#s-plans-h-9": no anchor "s-plans-h-9" on en/report.html`},
		{"../zh-hant/nosuch.html", `link "../zh-hant/nosuch.html": the site has no page or file zh-hant/nosuch.html`},
		{"../static/nosuch.pdf", `link "../static/nosuch.pdf": the site has no page or file static/nosuch.pdf`},
	}
	for _, tt := range tests {
		m, ov := richFS(t)
		edit(m, "en/02-plans.md", "See [industry](#industry)", "See [industry]("+tt.link+")")
		opt := miniOptions(t)
		opt.Content, opt.Overlay = m, ov
		for name, run := range map[string]func() error{
			"check": func() error { _, err := Check(opt); return err },
			"build": func() error { _, err := Build(t.Context(), opt); return err },
		} {
			err := run()
			var le *diag.ListError
			if !errors.As(err, &le) {
				t.Fatalf("%s %s: %v, want content errors", tt.link, name, err)
			}
			for _, d := range le.Diags {
				if d.File != "content/en/02-plans.md" || d.Line != 5 || d.Col != 42 || d.Hint == "" || !strings.Contains(d.Msg, tt.want) {
					t.Errorf("%s %s: %s, want %q at content/en/02-plans.md:5:42 with a hint", tt.link, name, d, tt.want)
				}
			}
		}
	}
}
