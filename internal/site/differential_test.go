package site

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// randomDoc turns fuzz bytes into a pair of section bodies, English and
// Chinese, with the same shape: headings (some with {#id}), footnotes,
// links, images, lists, tables and chart and table blocks. Texts carry no
// digits, so the number checks have nothing to compare.
func randomDoc(data []byte) (en, zh string) {
	var e, z strings.Builder
	ids := []string{"alpha", "beta", "s-plans", "Gamma_2", "intro", "fig", "h-x"}
	links := []string{"economy.html#h-1", "economy.html", "report.html", "../static/logo.png", "pic.png", "https://example.org/"}
	var defined []string // explicit IDs so far, for links within the page
	imgs := []string{"pic.png", "../static/logo.png", "pic.png#x", "pic.png?v"}
	pick := func(i int, xs []string) string { return xs[i%len(xs)] }
	level := 1
	foot := 0
	for i := 0; i+1 < len(data) && i < 64; i += 2 {
		k, v := int(data[i]), int(data[i+1])
		switch k % 10 {
		case 0, 1: // a heading, perhaps with an ID
			l := 2 + v%3
			if l > level+1 {
				l = level + 1
			}
			level = l
			id := ""
			if v%2 == 0 {
				defined = append(defined, pick(v/2, ids))
				id = " {#" + defined[len(defined)-1] + "}"
			}
			fmt.Fprintf(&e, "\n%s Heading%s\n\n", strings.Repeat("#", l), id)
			fmt.Fprintf(&z, "\n%s 標題%s\n\n", strings.Repeat("#", l), id)
		case 2: // a footnote reference and its definition
			foot++
			label := string(rune('a' + v%5))
			fmt.Fprintf(&e, "\nA note.[^%s]\n\n[^%s]: Its text.\n\n", label, label)
			fmt.Fprintf(&z, "\n注。[^%s]\n\n[^%s]: 其文。\n\n", label, label)
		case 3: // a link: to an ID of this page, another page, a file
			to := pick(v, links)
			switch {
			case v%16 == 15:
				to = "#nowhere" // the odd broken link, which check refuses
			case v%2 == 0 && len(defined) > 0:
				to = "#" + pick(v/2, defined)
			case v%4 == 1 && len(defined) > 0:
				to = "plans.html#" + pick(v/4, defined)
			}
			fmt.Fprintf(&e, "\nSee [this](%s).\n\n", to)
			fmt.Fprintf(&z, "\n見[此](%s)。\n\n", to)
		case 4: // an image
			fmt.Fprintf(&e, "\n![A picture](%s)\n\n", pick(v, imgs))
			fmt.Fprintf(&z, "\n![圖](%s)\n\n", pick(v, imgs))
		case 5: // a list
			e.WriteString("\n- one\n- two [x](economy.html)\n\n")
			z.WriteString("\n- 甲\n- 乙 [x](economy.html)\n\n")
		case 6: // a table
			e.WriteString("\n| a | b |\n| --- | --- |\n| c | d |\n\n")
			z.WriteString("\n| 甲 | 乙 |\n| --- | --- |\n| 丙 | 丁 |\n\n")
		case 7: // a chart or table block, each shown once in a report
			block := []string{"```chart growth\n```", "```table economy\n```"}[v%2]
			if strings.Contains(e.String(), block) {
				continue
			}
			e.WriteString("\n" + block + "\n\n")
			z.WriteString("\n" + block + "\n\n")
		case 8: // a footnote used twice
			e.WriteString("\nOne.[^z] Two.[^z]\n\n[^z]: Shared.\n\n")
			z.WriteString("\n一。[^z] 二。[^z]\n\n[^z]: 共用。\n\n")
		default: // a paragraph
			e.WriteString("\nPlain text.\n\n")
			z.WriteString("\n文字。\n\n")
		}
	}
	return e.String(), z.String()
}

// noBlocks takes the chart and the table out of the first section, so that
// the generated one may show them, and the derived language out of the
// site, which halves the pages to build (the fuzzer runs this many times).
func noBlocks(m fstest.MapFS) {
	edit(m, "site.toml", "[[languages]]\ntag = \"zh-Hans\"\nname = \"简体中文\"\nprefix = \"zh-hans\"\nderive = \"zh-Hant\"\n", "")
	edit(m, "site.toml", `unofficial = ["en", "zh-Hans"]`, `unofficial = ["en"]`)
	for _, f := range []string{"en/01-economy.md", "zh-Hant/01-economy.md"} {
		edit(m, f, "```chart growth\n```", "")
		edit(m, f, "```table economy\n```", "")
	}
}

// FuzzCheckMeansBuild is a differential test of check against build: for
// random valid documents, whatever passes check must build.
func FuzzCheckMeansBuild(f *testing.F) {
	f.Add([]byte{0, 0, 2, 1, 3, 0, 4, 0, 1, 2, 3, 3})
	f.Add([]byte{0, 2, 3, 4, 2, 0, 2, 0, 8, 0, 7, 0, 7, 1, 5, 0, 6, 0})
	f.Add([]byte{1, 1, 0, 4, 3, 7, 4, 1, 4, 2, 4, 3, 3, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		en, zh := randomDoc(data)
		m, ov := richFS(t)
		noBlocks(m)
		m["en/02-plans.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Plans\"\nnumber = \"II.\"\n+++\nIntro.\n" + en)}
		m["zh-Hant/02-plans.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"工作思路\"\nnumber = \"二、\"\n+++\n引言。\n" + zh)}
		opt := miniOptions(t)
		opt.Content, opt.Overlay = m, ov
		if _, err := Check(opt); err != nil {
			return
		}
		if _, err := Build(t.Context(), opt); err != nil {
			t.Fatalf("check passed, build failed:\n%v\n--- en:\n%s", err, en)
		}
	})
}

// TestCheckMeansBuildSamples runs the differential test on a spread of
// inputs, so that plain go test exercises the property, and counts how many
// of them pass check, so the generator cannot silently produce only
// documents check refuses.
func TestCheckMeansBuildSamples(t *testing.T) {
	passed := 0
	for i := range 40 {
		data := make([]byte, 24)
		for j := range data {
			data[j] = byte((i*131 + j*29 + i*j*7) % 251)
		}
		en, zh := randomDoc(data)
		m, ov := richFS(t)
		noBlocks(m)
		m["en/02-plans.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Plans\"\nnumber = \"II.\"\n+++\nIntro.\n" + en)}
		m["zh-Hant/02-plans.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"工作思路\"\nnumber = \"二、\"\n+++\n引言。\n" + zh)}
		opt := miniOptions(t)
		opt.Content, opt.Overlay = m, ov
		if _, err := Check(opt); err != nil {
			continue
		}
		passed++
		if _, err := Build(t.Context(), opt); err != nil {
			t.Fatalf("sample %d: check passed, build failed:\n%v\n--- en:\n%s", i, err, en)
		}
	}
	if passed < 10 {
		t.Errorf("only %d of 40 samples pass check: the generator makes too few valid documents", passed)
	}
	t.Logf("%d of 40 samples pass check", passed)
}
