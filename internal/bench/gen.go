// Package bench generates synthetic bilingual reports for measuring how the
// build scales, and holds the go test benchmarks that need a whole site.
//
// The generator is deterministic: the same Config gives the same bytes on
// every machine (a seeded PCG generator, no clock, no map iteration order).
// A generated site has, per section, a zh-Hant and an en file of about 2,000
// characters each with a lead paragraph, three ## headings, a Markdown table
// and a ```table block naming the section's own data table (8 rows × 4
// columns: a bilingual indicator and three numbers); every tenth
// section also places a ```chart block drawn from that table. Every figure of
// a data table is stated in its section's zh-Hant text in the report's
// notation, and the en text carries the same numbers, so the site passes
// `reportsite check`.
package bench

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Config describes a synthetic report.
type Config struct {
	// Sections is the number of sections per language.
	Sections int
	// Seed selects the text; the same seed gives the same site.
	Seed uint64
	// Derived adds zh-Hans, converted from zh-Hant at build time.
	Derived bool
	// Charts places one bar chart per ten sections (and one on the overview).
	Charts bool
}

// Files returns the site's files, keyed by slash-separated path relative to
// the site folder (content/site.toml, content/en/0001-s0001.md, …).
func Files(cfg Config) map[string][]byte {
	files := map[string][]byte{}
	files["content/site.toml"] = siteTOML(cfg)
	for i := 1; i <= cfg.Sections; i++ {
		s := newSection(cfg, i)
		files["content/zh-Hant/"+s.id+".md"] = s.file("zh-Hant")
		files["content/en/"+s.id+".md"] = s.file("en")
		files["content/data/"+s.table+".toml"] = s.tableTOML()
	}
	return files
}

// Write writes the site's files into dir, which it creates.
func Write(dir string, cfg Config) error { return WriteFiles(dir, Files(cfg)) }

// WriteHugo writes the same report as a Hugo site (HugoFiles) into dir.
func WriteHugo(dir string, cfg Config, toHans func(string) string) error {
	return WriteFiles(dir, HugoFiles(cfg, toHans))
}

// WriteFiles writes files, keyed by slash-separated path, into dir, which it
// creates.
func WriteFiles(dir string, files map[string][]byte) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	made := map[string]bool{}
	for _, p := range paths {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func siteTOML(cfg Config) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Synthetic report: %d sections per language (internal/bench).\n\n", cfg.Sections)
	fmt.Fprintf(&b, "title = { zh-Hant = \"合成基準報告（%d節）\", en = \"Synthetic benchmark report (%d sections)\" }\n", cfg.Sections, cfg.Sections)
	b.WriteString("subtitle = { zh-Hant = \"效能測試用的合成內容\", en = \"Synthetic content for performance tests\" }\n")
	b.WriteString("name = \"bench\"\nversion = \"1\"\n\n")
	b.WriteString("[[languages]]\ntag = \"zh-Hant\"\nname = \"繁體中文\"\nprefix = \"zh-hant\"\n\n")
	if cfg.Derived {
		b.WriteString("[[languages]]\ntag = \"zh-Hans\"\nname = \"简体中文\"\nprefix = \"zh-hans\"\nderive = \"zh-Hant\"\n\n")
	}
	b.WriteString("[[languages]]\ntag = \"en\"\nname = \"English\"\nprefix = \"en\"\n\n")
	b.WriteString("[report]\n")
	b.WriteString("publisher = { zh-Hant = \"合成街道辦事處\", en = \"Synthetic Subdistrict Office\" }\n")
	b.WriteString("period = { zh-Hant = \"2021年工作總結及2022年工作思路\", en = \"Review of 2021 and plan for 2022\" }\n")
	if cfg.Derived {
		b.WriteString("unofficial = [\"en\", \"zh-Hans\"]\n")
	} else {
		b.WriteString("unofficial = [\"en\"]\n")
	}
	if cfg.Sections > 0 {
		b.WriteString("\n[overview]\n")
		if cfg.Charts {
			b.WriteString("charts = [\"c0001\"]\n")
		}
		b.WriteString("\n[[overview.cards]]\ntable = \"t0001\"\nrow = \"r1\"\ncolumn = \"value\"\ndetail = \"growth\"\n")
		b.WriteString("label = { zh-Hant = \"第一節首項指標\", en = \"First indicator of section 1\" }\n")
	}
	return []byte(b.String())
}

// paraChars is the length of a paragraph in characters: six paragraphs, a
// lead-in and two tables make a section of about 2,000 characters.
const paraChars = 270

// tableRows is the number of rows of a section's data table.
const tableRows = 8

type row struct {
	zh, en string
	value  int
	prev   int    // last year's value
	growth string // one decimal, never .0
}

type section struct {
	i      int
	id     string // 0001-s0001
	table  string // t0001
	chart  string // c0001, or "" when the section has no chart
	zhT    string
	enT    string
	rows   []row
	bodies map[string]string
}

func newSection(cfg Config, i int) *section {
	r := rand.New(rand.NewPCG(cfg.Seed, uint64(i)))
	s := &section{i: i, id: fmt.Sprintf("%04d-s%04d", i, i), table: fmt.Sprintf("t%04d", i)}
	if cfg.Charts && i%10 == 1 {
		s.chart = fmt.Sprintf("c%04d", i)
	}
	t := topics[r.IntN(len(topics))]
	s.zhT, s.enT = t[0], t[1]
	for _, k := range r.Perm(len(indicators))[:tableRows] {
		s.rows = append(s.rows, row{zh: indicators[k][0], en: indicators[k][1], value: 10 + r.IntN(980), prev: 10 + r.IntN(980), growth: pct(r)})
	}
	s.bodies = s.write(r)
	return s
}

// pct returns a percentage with one non-zero decimal, e.g. "12.5".
func pct(r *rand.Rand) string {
	return strconv.Itoa(1+r.IntN(60)) + "." + strconv.Itoa(1+r.IntN(9))
}

func (s *section) file(tag string) []byte {
	var b strings.Builder
	b.WriteString("+++\n")
	if tag == "en" {
		fmt.Fprintf(&b, "title = %q\nnumber = \"%d. \"\n", s.enT, s.i)
		fmt.Fprintf(&b, "summary = %q\n", fmt.Sprintf("Section %d: %s, with its indicators and next steps.", s.i, strings.ToLower(s.enT)))
	} else {
		fmt.Fprintf(&b, "title = %q\nnumber = \"%d、\"\n", s.zhT, s.i)
		fmt.Fprintf(&b, "summary = %q\n", fmt.Sprintf("第%d節：%s的主要指標、做法及下一步打算。", s.i, s.zhT))
	}
	b.WriteString("+++\n")
	b.WriteString(s.bodies[tag])
	return []byte(b.String())
}

// write composes both bodies in step: the same headings, blocks and numbers
// in the same order, with filler prose chosen per language.
func (s *section) write(r *rand.Rand) map[string]string {
	var zh, en strings.Builder
	para := func(lead int) {
		zhEnd := utf8.RuneCountInString(zh.String()) + paraChars
		enEnd := en.Len() + paraChars*3/4 // English sentences overshoot more
		// Shared numbers first, so both languages state them.
		a, c := 2+r.IntN(900), pct(r)
		zh.WriteString(fmt.Sprintf("**%s**。", leadsZH[lead%len(leadsZH)]))
		en.WriteString(fmt.Sprintf("**%s.** ", leadsEN[lead%len(leadsEN)]))
		k := r.IntN(len(numbered))
		zh.WriteString(fmt.Sprintf(numbered[k][0], a, c))
		en.WriteString(fmt.Sprintf(numbered[k][1], a, c))
		for n := 0; utf8.RuneCountInString(zh.String()) < zhEnd; n++ {
			zh.WriteString(fillerZH[r.IntN(len(fillerZH))])
		}
		for en.Len() < enEnd {
			en.WriteString(" " + fillerEN[r.IntN(len(fillerEN))])
		}
		zh.WriteString("\n\n")
		en.WriteString("\n\n")
	}
	// Lead-in.
	zh.WriteString(fillerZH[r.IntN(len(fillerZH))] + fillerZH[r.IntN(len(fillerZH))] + "\n\n")
	en.WriteString(fillerEN[r.IntN(len(fillerEN))] + " " + fillerEN[r.IntN(len(fillerEN))] + "\n\n")
	base := 0
	for h := range 3 {
		hd := headings[r.IntN(len(headings))]
		zh.WriteString(fmt.Sprintf("## （%s）%s\n\n", cjkNumerals[h], hd[0]))
		en.WriteString(fmt.Sprintf("## (%d) %s\n\n", h+1, hd[1]))
		for range 2 {
			para(base)
			base++
		}
		switch h {
		case 0:
			// A Markdown table with the same figures in both languages.
			zh.WriteString("| 項目 | 數量 | 比增 |\n| --- | ---: | ---: |\n")
			en.WriteString("| Item | Number | Growth |\n| --- | ---: | ---: |\n")
			for range 3 {
				ind := indicators[r.IntN(len(indicators))]
				v, g := 1+r.IntN(500), pct(r)
				zh.WriteString(fmt.Sprintf("| %s | %d | %s%% |\n", ind[0], v, g))
				en.WriteString(fmt.Sprintf("| %s | %d | %s%% |\n", ind[1], v, g))
			}
			zh.WriteString("\n")
			en.WriteString("\n")
		case 1:
			// State every figure of the data table, then place it.
			zh.WriteString("本節主要指標：")
			en.WriteString("The section's main indicators:")
			for k, rw := range s.rows {
				sep := "；"
				if k == len(s.rows)-1 {
					sep = "。"
				}
				zh.WriteString(fmt.Sprintf("%s%d個（上年%d個），比增%s%%%s", rw.zh, rw.value, rw.prev, rw.growth, sep))
				sepEN := ";"
				if k == len(s.rows)-1 {
					sepEN = "."
				}
				en.WriteString(fmt.Sprintf(" %s, %d (last year %d), up %s%%%s", strings.ToLower(rw.en[:1])+rw.en[1:], rw.value, rw.prev, rw.growth, sepEN))
			}
			zh.WriteString("\n\n```table " + s.table + "\n```\n\n")
			en.WriteString("\n\n```table " + s.table + "\n```\n\n")
		case 2:
			if s.chart != "" {
				zh.WriteString("```chart " + s.chart + "\n```\n\n")
				en.WriteString("```chart " + s.chart + "\n```\n\n")
			}
		}
	}
	return map[string]string{"zh-Hant": zh.String(), "en": en.String()}
}

func (s *section) tableTOML() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "title = { zh-Hant = \"第%d節主要指標\", en = \"Section %d: main indicators\" }\n", s.i, s.i)
	fmt.Fprintf(&b, "source = %q\n", s.id)
	b.WriteString("note = { zh-Hant = \"合成數據，僅供效能測試。\", en = \"Synthetic data for performance tests only.\" }\n\n")
	b.WriteString("[[columns]]\nkey = \"item\"\nlabel = { zh-Hant = \"指標\", en = \"Indicator\" }\ntype = \"text\"\n\n")
	b.WriteString("[[columns]]\nkey = \"value\"\nlabel = { zh-Hant = \"數量\", en = \"Number\" }\ntype = \"number\"\nunit = \"count\"\n\n")
	b.WriteString("[[columns]]\nkey = \"previous\"\nlabel = { zh-Hant = \"上年\", en = \"Previous year\" }\ntype = \"number\"\nunit = \"count\"\n\n")
	b.WriteString("[[columns]]\nkey = \"growth\"\nlabel = { zh-Hant = \"比增\", en = \"Growth, year on year\" }\ntype = \"number\"\nunit = \"percent\"\n")
	for k, rw := range s.rows {
		fmt.Fprintf(&b, "\n[[rows]]\nid = \"r%d\"\nitem = { zh-Hant = %q, en = %q }\nvalue = %d\nprevious = %d\ngrowth = %s\n", k+1, rw.zh, rw.en, rw.value, rw.prev, rw.growth)
	}
	if s.chart != "" {
		fmt.Fprintf(&b, "\n[[charts]]\nid = %q\ntype = \"bar\"\ncategory = \"item\"\nvalues = [\"value\"]\n", s.chart)
		fmt.Fprintf(&b, "title = { zh-Hant = \"第%d節主要指標\", en = \"Section %d: main indicators\" }\n", s.i, s.i)
		b.WriteString("y_name = { zh-Hant = \"數量\", en = \"Number\" }\n")
	}
	return []byte(b.String())
}
