package lang

import (
	"flag"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// configs returns every OpenCC configuration of conversions, once, sorted.
func configs() []string {
	var out []string
	for _, cfgs := range conversions {
		for _, cfg := range cfgs {
			if !slices.Contains(out, cfg) {
				out = append(out, cfg)
			}
		}
	}
	slices.Sort(out)
	return out
}

// library returns the library's converter for cfg, loaded once per test
// binary.
var library = sync.OnceValue(func() map[string]*opencc.OpenCC {
	m := map[string]*opencc.OpenCC{}
	for _, cfg := range configs() {
		cc, err := opencc.New(cfg)
		if err != nil {
			panic(err)
		}
		m[cfg] = cc
	}
	return m
})

// checkSame fails t unless converting s by cfg gives the library's result,
// both through a Converter and through its table directly (which sees the
// ASCII the Converter passes through).
func checkSame(t *testing.T, c *Converter, cfg, s string) {
	t.Helper()
	want, werr := library()[cfg].Convert(s)
	got, err := c.ConvertWith(cfg, s)
	if err != nil || werr != nil {
		if (err == nil) != (werr == nil) {
			t.Fatalf("%s %q: error %v, library's %v", cfg, s, err, werr)
		}
		return
	}
	if got != want {
		t.Fatalf("%s %q:\n got %q\nwant %q (opencc)", cfg, s, got, want)
	}
	tb, err := c.tables[cfg]()
	if err != nil {
		t.Fatal(err)
	}
	if got := tb.convert(s); got != want {
		t.Fatalf("%s %q, table:\n got %q\nwant %q (opencc)", cfg, s, got, want)
	}
}

func TestConvertMatchesOpenCC(t *testing.T) {
	tests := []struct {
		name, cfg, in string
		want          string // if not empty, what OpenCC gives, to check the test itself
	}{
		{"empty", "t2s", "", ""},
		{"ASCII", "t2s", "GDP 1.5%, [link](x.md)", "GDP 1.5%, [link](x.md)"},
		{"characters", "t2s", "經濟發展", "经济发展"},
		{"phrase", "t2s", "乾隆皇帝", "乾隆皇帝"},
		{"unchanged", "t2s", "中文", "中文"},
		{"supplementary plane", "t2s", "𠮷野家的麵", "𠮷野家的面"},
		{"invalid UTF-8", "t2s", "\xff經\xe7\xb6濟\xed\xa0\x80", "\ufffd经\ufffd\ufffd济\ufffd\ufffd\ufffd"},
		{"replacement character", "t2s", "\ufffd經", "\ufffd经"},
		{"NUL", "t2s", "經\x00濟\x00", "经\x00济\x00"},
		{"NUL alone", "t2s", "\x00", "\x00"},
		{"0x01 before a character", "t2s", "\x01經", "经经"},
		{"0x01 twice", "t2s", "\x01\x01經濟", "经经经济"},
		{"0x01 alone", "t2s", "a\x01b", "a\x01b"},
		{"0x01 fills the window", "t2s", strings.Repeat("\x01", 10) + "經", "\x01" + strings.Repeat("经", 10)},
		{"0x01 then a phrase", "t2s", "\x01\x01乾隆", ""},
		{"markdown", "t2s", "## （一）抓實體強根基\n\n**主要指標逆勢上揚**。1-11月份", ""},
		{"tw2s variants", "tw2s", "裡面的線上遊戲，着手", ""},
		{"tw2s invalid", "tw2s", "\x01裡\xff", ""},
		{"s2t", "s2t", "我们是工农子弟兵", "我們是工農子弟兵"},
		{"s2t phrases", "s2t", "乾隆爷是谁的干爷爷？乾爷爷吗？", "乾隆爺是誰的幹爺爺？乾爺爺嗎？"},
		{"s2t long", "s2t", "2021 年汽车零部件板块市值涨幅跑输乘用车板块，估值相对滞涨", ""},
	}
	c := NewConverter()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.want != "" {
				if got, err := library()[tt.cfg].Convert(tt.in); err != nil || got != tt.want {
					t.Fatalf("opencc %s %q = %q, %v; the test wants %q", tt.cfg, tt.in, got, err, tt.want)
				}
			}
			checkSame(t, c, tt.cfg, tt.in)
		})
	}
}

// TestConvertEveryKey converts every key of every dictionary, in runs of
// keys separated by a comma, so that every key is matched at least once.
func TestConvertEveryKey(t *testing.T) {
	c := NewConverter()
	for _, cfg := range configs() {
		var keys []string
		for _, g := range library()[cfg].DictChains {
			for _, d := range g.Dicts {
				for _, id := range d.Trie.PrefixPredict(nil, 0) {
					k, err := d.Trie.Key(id)
					if err != nil {
						t.Fatal(err)
					}
					keys = append(keys, string(k))
				}
			}
		}
		for i := 0; i < len(keys); i += 40 {
			checkSame(t, c, cfg, strings.Join(keys[i:min(i+40, len(keys))], "，"))
		}
	}
}

// TestTablesCopied checks that every configuration is converted by its
// table, not by the library.
func TestTablesCopied(t *testing.T) {
	for _, cfg := range configs() {
		tb, err := newTable(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if tb.err != nil || len(tb.groups) != len(tb.cc.DictChains) {
			t.Errorf("%s: converted by the library: %v", cfg, tb.err)
		}
	}
}

// TestASCIIUnchanged checks what isASCII relies on: no dictionary has a key
// that starts with an ASCII byte, so the library leaves ASCII text as it is.
func TestASCIIUnchanged(t *testing.T) {
	var all []byte
	for b := range utf8.RuneSelf {
		all = append(all, byte(b))
	}
	for _, cfg := range configs() {
		for _, g := range library()[cfg].DictChains {
			for i, d := range g.Dicts {
				for b := range utf8.RuneSelf {
					if asciiKeys[cfg] {
						break // converted in full, never passed through
					}
					if to, err := d.Trie.Jump([]byte{byte(b)}, 0); err == nil && to != 0 {
						t.Errorf("%s, %s: a key starts with %#x", cfg, g.Files[i], b)
					}
				}
			}
		}
		if got, err := library()[cfg].Convert(string(all)); err != nil || got != string(all) {
			t.Errorf("%s: opencc converts ASCII to %q, %v", cfg, got, err)
		}
	}
}

// TestConvertConcurrent converts from many goroutines at once (run it with
// -race).
func TestConvertConcurrent(t *testing.T) {
	texts := append(benchTexts(4), "經濟", "發展", "經濟")
	want := map[[2]string]string{}
	for _, s := range texts {
		for _, cfg := range configs() {
			out, err := library()[cfg].Convert(s)
			if err != nil {
				t.Fatal(err)
			}
			want[[2]string{cfg, s}] = out
		}
	}
	c := NewConverter()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 4 * len(texts) {
				s := texts[(g+i)%len(texts)]
				for _, cfg := range configs() {
					if got, _ := c.ConvertWith(cfg, s); got != want[[2]string{cfg, s}] {
						t.Errorf("%s: got %.30q…, want %.30q…", cfg, got, want[[2]string{cfg, s}])
					}
				}
			}
		})
	}
	wg.Wait()
}

// contentTexts returns the report's own content: whole files and their
// paragraphs, and their Simplified versions.
func contentTexts(t testing.TB) []string {
	var out []string
	files, err := filepath.Glob(filepath.Join("..", "..", "content", "zh-Hant", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no content files in ../../content/zh-Hant: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("read seed: %v", err)
		}
		out = append(out, string(b))
		out = append(out, strings.Split(string(b), "\n\n")...)
	}
	hant := out
	for _, s := range hant {
		hans, err := library()["t2s"].Convert(s)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, hans)
	}
	return out
}

// seeds returns the fuzz corpus: short pieces (at most seedLen bytes) of the
// report's paragraphs and of a synthetic section, Traditional and
// Simplified, and odd bytes. Whole files made every mutation convert
// kilobytes twice, the library's way slowly: under 100 execs/s.
func seeds(t testing.TB) []string {
	const seedLen = 120
	var out []string
	seen := map[string]bool{}
	for _, s := range append(contentTexts(t), benchTexts(1)...) {
		for len(s) > 0 && len(out) < 48 {
			n := min(len(s), seedLen)
			for n < len(s) && !utf8.RuneStart(s[n]) {
				n--
			}
			if p := strings.TrimSpace(s[:n]); p != "" && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
			s = s[n:]
			if len(out)%4 == 0 {
				break // a few pieces of each text
			}
		}
	}
	return append(out, "", "經濟\x00發展", "\x01\x01經", "\xff\xfe乾隆", "\xe7\xb6")
}

// TestConvertContentMatchesOpenCC checks the report's whole content, every
// configuration, against the library (what the fuzz corpus held before it
// was cut to short pieces).
func TestConvertContentMatchesOpenCC(t *testing.T) {
	c := NewConverter()
	for _, s := range append(contentTexts(t), benchTexts(3)...) {
		for _, cfg := range configs() {
			checkSame(t, c, cfg, s)
		}
	}
}

// FuzzConvertMatchesOpenCC is the differential test: Converter.Convert must
// give the bytes opencc.Convert gives, for any string, in every
// configuration (or only $LANG_FUZZ_CFG, e.g. t2s). While fuzzing, each
// input is checked in one configuration, chosen by its hash, which keeps the
// harness cheap; the corpus alone (go test) checks every configuration.
func FuzzConvertMatchesOpenCC(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	cfgs := configs()
	slices.Sort(cfgs)
	if cfg := os.Getenv("LANG_FUZZ_CFG"); cfg != "" {
		cfgs = []string{cfg}
	}
	fuzzing := flag.Lookup("test.fuzz") != nil && flag.Lookup("test.fuzz").Value.String() != ""
	c := NewConverter()
	f.Fuzz(func(t *testing.T, s string) {
		if !fuzzing {
			for _, cfg := range cfgs {
				checkSame(t, c, cfg, s)
			}
			return
		}
		h := fnv.New32a()
		h.Write([]byte(s))
		checkSame(t, c, cfgs[int(h.Sum32()%uint32(len(cfgs)))], s)
	})
}

// TestChoose derives zh-Hant from zh-Hans by the standard a site chooses:
// Taiwan's with its phrases by default, Hong Kong's, or OpenCC's own.
func TestChoose(t *testing.T) {
	const in = "为了回复鼠标和软件的问题"
	tests := []struct{ cfg, want string }{
		{"", "為了回覆滑鼠和軟體的問題"},
		{"s2twp", "為了回覆滑鼠和軟體的問題"},
		{"s2hk", "為了回覆鼠標和軟件的問題"},
		{"s2t", "爲了回覆鼠標和軟件的問題"},
	}
	for _, tt := range tests {
		c := NewConverter()
		if tt.cfg != "" {
			if err := c.Choose("zh-Hans", "zh-Hant", tt.cfg); err != nil {
				t.Fatal(err)
			}
		}
		got, err := c.Convert("zh-Hans", "zh-Hant", in)
		if err != nil || got != tt.want {
			t.Errorf("Convert(zh-Hans → zh-Hant, %q) with %q = %q, %v; want %q", in, tt.cfg, got, err, tt.want)
		}
		if want, _ := library()[c.Config("zh-Hans", "zh-Hant")].Convert(in); got != want {
			t.Errorf("Convert with %q = %q, OpenCC gives %q", tt.cfg, got, want)
		}
	}
	if err := NewConverter().Choose("zh-Hant", "zh-Hans", "s2hk"); err == nil {
		t.Error("Choose(zh-Hant → zh-Hans, s2hk) = nil, want an error")
	}
}
