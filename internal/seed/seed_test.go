package seed

import (
	"fmt"
	"os"
	"path/filepath"
	"reportsite/internal/golden"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
)

func TestStripAnnotations(t *testing.T) {
	tests := []struct {
		name, in, want string
		n              int
	}{
		{"one", "政務(wù)公開", "政務公開", 1},
		{"several", "規(guī)劃計劃與重點(diǎn)", "規劃計劃與重點", 2},
		{"initial zh", "質(zhì)量", "質量", 1},
		{"final ng", "強(qiáng)", "強", 1},
		{"umlaut", "綠(lǜ)色", "綠色", 1},
		{"neutral tone", "們(men)", "們", 1},
		{"er", "兒(ér)童", "兒童", 1},
		{"inside real parentheses", "(全區(qū)共有23家)", "(全區共有23家)", 1},
		{"numbering survives", "(一)抓實(shí)體", "(一)抓實體", 1},
		{"station survives", "實踐所(站)", "實踐所(站)", 0},
		{"phases survive", "改造(一期、二期)項目", "改造(一期、二期)項目", 0},
		{"ascii upper survives", "顯示屏(LED)", "顯示屏(LED)", 0},
		{"ascii word survives", "下載(app)", "下載(app)", 0},
		{"not after han", "abc(wù)", "abc(wù)", 0},
		{"after digit", "23(hù)", "23(hù)", 0},
		{"at start", "(wù)公開", "(wù)公開", 0},
		{"unclosed", "政務(wù公開", "政務(wù公開", 0},
		{"mojibake half", "補(bǔ)償?shù)姆", "補償?shù)姆", 1},
		{"empty", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n := StripAnnotations(tt.in)
			if got != tt.want || n != tt.n {
				t.Errorf("StripAnnotations(%q) = %q, %d, want %q, %d", tt.in, got, n, tt.want, tt.n)
			}
		})
	}
}

func TestPunctuate(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"comma", "今年以來,面對", "今年以來，面對"},
		{"semicolon", "第5;一般", "第5；一般"},
		{"colon", "四個100%:一次性", "四個100%：一次性"},
		{"exclamation at end", "常泰力量!", "常泰力量！"},
		{"question", "怎麼辦?", "怎麼辦？"},
		{"numbering", "(一)抓實體", "（一）抓實體"},
		{"station", "實踐所(站),廣招", "實踐所（站），廣招"},
		{"phases", "改造(一期、二期)項目", "改造（一期、二期）項目"},
		{"nested", "(全區(含23家))", "（全區（含23家））"},
		{"ascii parentheses stay", "顯示屏(LED)", "顯示屏(LED)"},
		{"space before number", "接種 79515人", "接種79515人"},
		{"space after number", "人數 42587 人,第二", "人數42587人，第二"},
		{"space before comma", "36748人 ,第三", "36748人，第三"},
		{"space after comma", "25764萬元, 完成", "25764萬元，完成"},
		{"ideographic space", "園區　以數字", "園區以數字"},
		{"numbers stay", "1-11月份,5+2,80.41%,率先4S店", "1-11月份，5+2,80.41%，率先4S店"},
		{"thousands stay", "共1,000人", "共1,000人"},
		{"ascii text stays", "see a, b: c!", "see a, b: c!"},
		{"latin words keep space", "T3 app 平臺", "T3 app平臺"},
		{"leading and trailing", "  中文  ", "中文"},
		{"unpaired", "中文)和(", "中文)和("},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Punctuate(tt.in); got != tt.want {
				t.Errorf("Punctuate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestClean(t *testing.T) {
	corr := []Correction{{Original: "名城?現代", Corrected: "名城·現代", File: "c.toml", Line: 1}}
	tests := []struct {
		name    string
		raw     string
		corr    []Correction
		want    string
		report  Report
		wantErr string
	}{
		{
			name:   "breadcrumb and body",
			raw:    "- 首頁 > 政務(wù)公開\n一、重點(diǎn)\n\n今年 以來,名城?現代(dài)都市!\n",
			corr:   corr,
			want:   "首頁 > 政務公開\n\n一、重點\n今年以來，名城·現代都市！\n",
			report: Report{Annotations: 3, Corrections: []int{1}, Marks: 2, Spaces: 1},
		},
		{
			name:   "crlf and bom",
			raw:    "\uFEFFcrumb\r\n正文(wén)\r\n",
			want:   "crumb\n\n正文\n",
			report: Report{Annotations: 1},
		},
		{name: "stale correction", raw: "a\n名城現代", corr: corr, wantErr: "c.toml:1: correction 1: original"},
		{name: "empty original", raw: "a\nb", corr: []Correction{{}}, wantErr: "empty original"},
		{name: "empty", raw: " \n ", wantErr: "seed is empty"},
		{name: "invalid utf-8", raw: "a\nb\xff", wantErr: "line 2: seed is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Clean([]byte(tt.raw), tt.corr)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Clean(%q) error = %v, want one containing %q", tt.raw, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Clean(%q): %v", tt.raw, err)
			}
			if s := got.String(); s != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.raw, s, tt.want)
			}
			r := got.Report
			if r.Annotations != tt.report.Annotations || r.Marks != tt.report.Marks || r.Spaces != tt.report.Spaces || !slices.Equal(r.Corrections, tt.report.Corrections) {
				t.Errorf("Clean(%q).Report = %+v, want %+v", tt.raw, r, tt.report)
			}
		})
	}
}

func TestParseCorrections(t *testing.T) {
	good := "[[corrections]]\noriginal = \"a?b\"\ncorrected = \"a·b\"\nreason = { zh-Hant = \"甲\", en = \"A\" }\n"
	tests := []struct {
		name, src string
		wantErr   []string
	}{
		{name: "good", src: good},
		{name: "unknown key", src: good + "note = \"x\"\n", wantErr: []string{`c.toml:5: unknown key "corrections.note"`}},
		{name: "unknown top-level", src: "[[fixes]]\noriginal = \"a\"\n", wantErr: []string{`c.toml:2: unknown key "fixes.original"`}},
		{name: "syntax", src: "[[corrections]]\noriginal = \n", wantErr: []string{"c.toml:2: "}},
		{name: "missing reason", src: "[[corrections]]\noriginal = \"a\"\ncorrected = \"b\"\nreason = { zh-Hant = \"\" }\n", wantErr: []string{"c.toml:1: correction 1: reason is missing"}},
		{name: "empty original", src: "\n[[corrections]]\ncorrected = \"b\"\nreason = \"r\"\n", wantErr: []string{"c.toml:2: correction 1: original is empty"}},
		{name: "no change", src: "[[corrections]]\noriginal = \"b\"\ncorrected = \"b\"\nreason = \"r\"\n", wantErr: []string{"corrected is the same as original"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseCorrections("c.toml", []byte(tt.src))
			if len(tt.wantErr) == 0 {
				if err != nil {
					t.Fatalf("ParseCorrections: %v", err)
				}
				if len(got) != 1 || got[0].Original != "a?b" || got[0].Reason["en"] != "A" || got[0].Line != 1 {
					t.Errorf("ParseCorrections = %+v, want one correction of a?b at line 1", got)
				}
				return
			}
			if err == nil {
				t.Fatalf("ParseCorrections(%q) = nil error, want %q", tt.src, tt.wantErr)
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("ParseCorrections(%q) error = %q, want it to contain %q", tt.src, err, w)
				}
			}
		})
	}
}

func TestLoadCorrectionsMissingFile(t *testing.T) {
	if _, err := LoadCorrections(fstest.MapFS{}, "none.toml"); err == nil {
		t.Fatal("LoadCorrections of a missing file = nil error")
	}
}

func TestMarkdownLines(t *testing.T) {
	src := "+++\ntitle = \"標題\"\n+++\n\n導語。\n\n## （一）小標題 {#sub}\n\n**一是強排查**。統籌\n\n```chart growth\nnot text\n```\n\n~~~~table t\n```\n~~~~\n### 1.做強\n"
	lines, nums := MarkdownLines(src)
	want := []string{"導語。", "（一）小標題", "一是強排查。統籌", "1.做強"}
	wantNums := []int{5, 7, 9, 18}
	if !slices.Equal(lines, want) || !slices.Equal(nums, wantNums) {
		t.Errorf("MarkdownLines = %q %v, want %q %v", lines, nums, want, wantNums)
	}
}

func TestCompare(t *testing.T) {
	seed := Sentences("seed.txt", 2, []string{"甲。乙,丙；丁", "甲!"})
	tests := []struct {
		name           string
		content        []string
		missing, extra []string
	}{
		{"same", []string{"甲。乙，丙；", "丁", "甲"}, nil, nil},
		{"spaces and ascii marks", []string{"甲 ;乙, 丙。丁。甲?"}, nil, nil},
		{"missing", []string{"甲。乙，丙。甲。"}, []string{"丁"}, nil},
		{"extra", []string{"甲。乙，丙。丁。甲。戊。"}, nil, []string{"戊"}},
		{"repeat counts", []string{"甲。乙，丙。丁。甲。甲。"}, nil, []string{"甲"}},
		{"changed word", []string{"甲。乙，丙。丁。申。"}, []string{"甲"}, []string{"申"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			missing, extra := Compare(seed, Sentences("c.md", 1, tt.content))
			if got := texts(missing); !slices.Equal(got, tt.missing) {
				t.Errorf("Compare missing = %q, want %q", got, tt.missing)
			}
			if got := texts(extra); !slices.Equal(got, tt.extra) {
				t.Errorf("Compare extra = %q, want %q", got, tt.extra)
			}
		})
	}
}

func texts(ss []Sentence) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Text)
	}
	return out
}

func TestDamage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"政務公開", ""},
		{"實踐所（站）", ""},
		{"政務(wù)公開", "pinyin annotation"},
		{"名城?現代", "question mark after a Chinese character"},
		{"亂\uFFFD碼", "replacement character U+FFFD"},
		{"What? 中文？", ""},
	}
	for _, tt := range tests {
		if got := Damage(tt.in); got != tt.want {
			t.Errorf("Damage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzClean(f *testing.F) {
	f.Add([]byte("- 首頁 > 政務(wù)公開\n一、重點(diǎn)\n(一)抓實(shí)體, 名城?現代 (LED)!"), "名城?現代", "名城·現代")
	f.Add([]byte("(((((wù)))))\r\n\r(站)"), "(", ")")
	f.Fuzz(func(t *testing.T, raw []byte, orig, corrected string) {
		txt, err := Clean(raw, []Correction{{Original: orig, Corrected: corrected}})
		if err != nil {
			return
		}
		if len(txt.Body) != len(txt.BodyLines) {
			t.Fatalf("Clean(%q): %d body lines, %d line numbers", raw, len(txt.Body), len(txt.BodyLines))
		}
		for _, l := range txt.Body {
			if !utf8.ValidString(l) {
				t.Fatalf("Clean(%q): invalid UTF-8 line %q", raw, l)
			}
			if Punctuate(l) != l {
				t.Fatalf("Clean(%q): line %q is not stable under Punctuate: %q", raw, l, Punctuate(l))
			}
		}
		MarkdownSentences("f.md", string(raw))
	})
}

func FuzzParseCorrections(f *testing.F) {
	f.Add("[[corrections]]\noriginal = \"a?b\"\ncorrected = \"a·b\"\nreason = { zh-Hant = \"甲\", en = \"A\" }\nx.y = 1\n")
	f.Add("[[\"corrections\"]]\n[[corrections]]\noriginal = 1\n")
	f.Fuzz(func(t *testing.T, src string) {
		corr, err := ParseCorrections("c.toml", []byte(src))
		if err == nil {
			for _, c := range corr {
				if c.Original == "" {
					t.Fatalf("ParseCorrections(%q) accepted an empty original", src)
				}
			}
		}
	})
}

// The real seed, cleaned, must equal the reviewed golden text.
func TestDeriveGolden(t *testing.T) {
	seedPath := realSeed(t)
	txt, err := Load(os.DirFS("../.."), seedPath, "seeds/corrections.toml")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %+v", seedPath, txt.Report)
	if slices.Contains(txt.Report.Corrections, 0) || txt.Report.Annotations == 0 {
		t.Errorf("Load(%s).Report = %+v, want every rule and correction to apply", seedPath, txt.Report)
	}
	got, err := Derive(os.DirFS("../.."), seedPath, "seeds/corrections.toml")
	if err != nil {
		t.Fatal(err)
	}
	golden.New(t, "testdata/*.golden").Check(t, "testdata/derived.golden", []byte(got), nil)
}

// realSeed returns the path, relative to the repository root, of the one seed.
func realSeed(t *testing.T) string {
	t.Helper()
	m, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(m) != 1 {
		t.Fatalf("want exactly one seed in seeds/*.txt, found %v (%v)", m, err)
	}
	return "seeds/" + filepath.Base(m[0])
}

// TestContentMatchesSeed is the sentence test: the published zh-Hant text
// holds every sentence of the cleaned seed, and nothing else, once Markdown
// syntax and the editorial front matter are set aside.
func TestContentMatchesSeed(t *testing.T) {
	root := os.DirFS("../..")
	seedPath := realSeed(t)
	txt, err := Load(root, seedPath, "seeds/corrections.toml")
	if err != nil {
		t.Fatal(err)
	}
	corr, err := LoadCorrections(root, "seeds/corrections.toml")
	if err != nil {
		t.Fatal(err)
	}
	var seedSentences []Sentence
	for i, l := range txt.Body {
		seedSentences = append(seedSentences, Sentences(seedPath, txt.BodyLines[i], []string{l})...)
	}

	files, err := filepath.Glob("../../content/zh-Hant/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no content/zh-Hant/*.md (%v)", err)
	}
	var content []Sentence
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := "content/zh-Hant/" + filepath.Base(f)
		for i, l := range strings.Split(string(b), "\n") {
			if d := Damage(l); d != "" {
				t.Errorf("%s:%d: %s left in %q", name, i+1, d, l)
			}
			for _, c := range corr {
				if strings.Contains(l, c.Original) {
					t.Errorf("%s:%d: uncorrected %q; write %q", name, i+1, c.Original, c.Corrected)
				}
			}
		}
		content = append(content, MarkdownSentences(name, string(b))...)
	}

	missing, extra := Compare(seedSentences, content)
	for _, s := range missing {
		t.Errorf("%s: seed sentence missing from content/zh-Hant", s)
	}
	for _, s := range extra {
		t.Errorf("%s: sentence not in the seed", s)
	}
	if len(seedSentences) < 100 {
		t.Errorf("only %d sentences in the seed; the split is broken", len(seedSentences))
	}
}

// TestParseCorrectionsScale guards the linear key locator: every unknown key
// of 20,000 corrections is located in one pass, not by a scan per key.
func TestParseCorrectionsScale(t *testing.T) {
	if testing.Short() {
		t.Skip("scale test")
	}
	var b strings.Builder
	const n = 20_000
	for i := range n {
		fmt.Fprintf(&b, "[[corrections]]\noriginal = \"a%d\"\ncorrected = \"b\"\nreason = \"r\"\nnote%d = 1\n", i, i)
	}
	done := make(chan error, 1)
	go func() {
		_, err := ParseCorrections("c.toml", []byte(b.String()))
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("c.toml:%d: unknown key \"corrections.note%d\"", 5*n, n-1)) {
			t.Fatalf("error does not locate the last unknown key at line %d", 5*n)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("locating 20,000 unknown keys took more than 10 s: the locator is no longer linear")
	}
}
