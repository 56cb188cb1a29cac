package echarts

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"reportsite/internal/golden"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// pageScriptPath is the bundle the pages load; the build draws with
// BuildScript, made from the same packages (bundle_test.go).
const pageScriptPath = "../../static/vendor/echarts/echarts.min.js"

var (
	scriptOnce sync.Once
	script     []byte // the ECharts the tests draw with: the build's, or -script
	scriptErr  error
)

func readScript(t testing.TB) []byte {
	t.Helper()
	scriptOnce.Do(func() {
		script = BuildScript
		if *jsScript != "" {
			script, scriptErr = os.ReadFile(*jsScript)
		}
	})
	if scriptErr != nil {
		t.Fatal(scriptErr)
	}
	return script
}

func readPageScript(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(pageScriptPath)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func newRenderer(t testing.TB, opt Options) *Renderer {
	t.Helper()
	r, err := New(readScript(t), opt)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return r
}

var (
	sharedOnce sync.Once
	shared     *Renderer
)

// slow is a timeout for tests that must pass on a loaded machine with -race.
const slow = 5 * time.Minute

// sharedRenderer saves compiling ECharts once per test.
func sharedRenderer(t testing.TB) *Renderer {
	t.Helper()
	readScript(t)
	sharedOnce.Do(func() {
		var err error
		shared, err = New(script, Options{Timeout: slow})
		if err != nil {
			panic(err)
		}
	})
	return shared
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func barChart(t testing.TB) Chart {
	return Chart{ID: "growth-rates", Option: fixture(t, "bar.json"), Width: 480, Height: 300,
		Title: "Growth rates, 2021", Desc: "Retail sales +39.2 %, sales +30.7 %, industrial output +13.9 %, profit-making services +63.3 %."}
}

func pieChart(t testing.TB) Chart {
	return Chart{ID: "vaccination", Option: fixture(t, "pie.json"), Width: 360, Height: 320,
		Title: "Residents aged 60+ vaccinated"}
}

var number = regexp.MustCompile(`-?\d+\.\d+`)

// normalize rounds decimals to one place, so that golden files survive
// last-digit differences in floating point between platforms.
func normalize(b []byte) []byte {
	return number.ReplaceAllFunc(b, func(m []byte) []byte {
		f, err := strconv.ParseFloat(string(m), 64)
		if err != nil {
			return m
		}
		f = math.Round(f*10) / 10
		if f == 0 {
			f = 0 // no -0
		}
		return strconv.AppendFloat(nil, f, 'f', 1, 64)
	})
}

func TestGolden(t *testing.T) {
	r := sharedRenderer(t)
	g := golden.New(t, "testdata/*.svg")
	for _, c := range []struct {
		name  string
		chart Chart
	}{
		{"bar", barChart(t)},
		{"pie", pieChart(t)},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := r.Render(c.chart)
			if err != nil {
				t.Fatal(err)
			}
			checkSVG(t, got)
			g.Check(t, "testdata/"+c.name+".svg", got, normalize)
		})
	}
}

func TestOutputShape(t *testing.T) {
	got, err := sharedRenderer(t).Render(barChart(t))
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	for _, want := range []string{
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 300" role="img" aria-labelledby="growth-rates_title" aria-describedby="growth-rates_desc">`,
		`<title id="growth-rates_title">Growth rates, 2021</title>`,
		`<desc id="growth-rates_desc">Retail sales +39.2 %`,
		`社會消費品零售總額`,
		`+63.3%`,
		`fill="currentColor"`,
		`stroke="currentColor"`,
		`stroke-opacity="0.3"`,
		`data-s="0" data-i="0" data-t="chart"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("Render(bar) lacks %q", want)
		}
	}
	for _, bad := range []string{"style", "class=", "<svg width", "#010101", "#020202", "rgb(1,1,1)", "rgb(2,2,2)", "ecmeta", "pointer-events", "zr0"} {
		if strings.Contains(s, bad) {
			t.Errorf("Render(bar) contains %q", bad)
		}
	}
}

func TestDeterministic(t *testing.T) {
	r := newRenderer(t, Options{Workers: 2, Timeout: slow})
	bar, pie := barChart(t), pieChart(t)
	first, err := r.Render(bar)
	if err != nil {
		t.Fatal(err)
	}
	// Another chart in between, and a second renderer, must not change the
	// bytes (zrender numbers its instances; ids must not leak through).
	if _, err := r.Render(pie); err != nil {
		t.Fatal(err)
	}
	second, err := r.Render(bar)
	if err != nil {
		t.Fatal(err)
	}
	third, err := newRenderer(t, Options{Workers: 1, Timeout: slow}).Render(bar)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) || !bytes.Equal(first, third) {
		t.Errorf("Render(bar) not deterministic:\n%s\n---\n%s\n---\n%s", first, second, third)
	}
}

func TestCache(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	r := newRenderer(t, Options{Workers: 1, CacheDir: dir, Timeout: slow})
	bar := barChart(t)
	render := func(wantHits, wantMisses int64) []byte {
		t.Helper()
		svg, err := r.Render(bar)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Stats(); got != (Stats{wantHits, wantMisses}) {
			t.Fatalf("Stats() = %+v, want %+v", got, Stats{wantHits, wantMisses})
		}
		return svg
	}
	first := render(0, 1)
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 1 || !strings.HasSuffix(files[0], ".json") || len(filepath.Base(files[0])) != 64+5 {
		t.Fatalf("cache files = %q, want one <sha256>.json", files)
	}
	if got := render(1, 1); !bytes.Equal(got, first) {
		t.Errorf("cached SVG differs from rendered SVG")
	}

	// A different title shares the drawing, not the SVG.
	other := bar
	other.Title = "Other"
	svg, err := r.Render(other)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Stats(); got != (Stats{2, 1}) {
		t.Fatalf("Stats() after other title = %+v, want {2 1}", got)
	}
	if bytes.Equal(svg, first) || !bytes.Contains(svg, []byte(">Other</title>")) {
		t.Errorf("the SVG with another title does not have it:\n%.300s", svg)
	}

	// Damaged entries are rendered again.
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(files[0], b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if got := render(2, 2); !bytes.Equal(got, first) {
		t.Errorf("SVG after truncated cache entry differs")
	}
	flipped := bytes.Replace(b, []byte(`"t":"path"`), []byte(`"t":"rect"`), 1)
	if bytes.Equal(flipped, b) {
		t.Fatal("no path in the cached tree")
	}
	if err := os.WriteFile(files[0], flipped, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := render(2, 3); !bytes.Equal(got, first) {
		t.Errorf("SVG after altered cache entry differs")
	}
	render(3, 3)

	// Deleted entries are rendered again.
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if got := render(3, 4); !bytes.Equal(got, first) {
		t.Errorf("SVG after deleting the cache differs")
	}
	render(4, 4)
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".tmp-*")); len(tmp) != 0 {
		t.Errorf("temporary files left in cache: %q", tmp)
	}
}

// hostile is text meant to break out of SVG or HTML.
const hostile = `</svg><script>alert(1)</script>" onload="alert(2)" '<&amp;`

func TestEscaping(t *testing.T) {
	j := func(s string) string { return strconv.Quote(s) } // valid JSON for these strings
	option := fmt.Sprintf(`{
		"title": {"text": %[1]s, "subtext": %[1]s, "link": "javascript:alert(3)"},
		"legend": {"data": [%[1]s]},
		"textStyle": {"fontFamily": %[1]s},
		"xAxis": {"type": "category", "data": [%[1]s, "b"], "name": %[1]s},
		"yAxis": {"axisLabel": {"formatter": %[1]s}},
		"series": [{"type": "bar", "name": %[1]s, "data": [1, 2],
			"itemStyle": {"color": %[2]s, "borderColor": "url(https://example.com/x.svg#a)", "borderWidth": 1},
			"label": {"show": true, "formatter": %[1]s, "color": "red;background:url(https://example.com/)"}},
			{"type": "scatter", "symbol": "image://https://example.com/a.png", "data": [[0, 1]]},
			{"type": "line", "data": [1, 2], "lineStyle": {"color": "url(#growth-rates_title)"}}]
	}`, j(hostile), j(`red" onload="alert(4)`))
	c := Chart{ID: "x", Option: []byte(option), Width: 400, Height: 300, Title: hostile, Desc: hostile}
	got, err := sharedRenderer(t).Render(c)
	if err != nil {
		t.Fatal(err)
	}
	checkSVG(t, got)
	s := string(got)
	for _, bad := range []string{"<script", `onload="`, "javascript:", "example.com", "<image", "url(#growth"} {
		if strings.Contains(s, bad) {
			t.Errorf("Render(hostile) contains %q:\n%s", bad, s)
		}
	}
	// The text survives as text.
	d := xml.NewDecoder(bytes.NewReader(got))
	var texts []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			texts = append(texts, string(cd))
		}
	}
	if !strings.Contains(strings.Join(texts, "\n"), hostile) {
		t.Errorf("Render(hostile) lost the title text; texts: %q", texts)
	}
}

// checkSVG parses svg as XML and fails unless every element is an allowed
// SVG element, no attribute is an event handler or a style, and every
// reference stays inside the document.
func checkSVG(t testing.TB, svg []byte) {
	t.Helper()
	if err := validateSVG(svg); err != nil {
		t.Fatalf("%v in:\n%s", err, svg)
	}
}

func validateSVG(svg []byte) error {
	const ns = "http://www.w3.org/2000/svg"
	d := xml.NewDecoder(bytes.NewReader(svg))
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("parse: %w", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if tok.Name.Local != "svg" {
					return fmt.Errorf("root element <%s>", tok.Name.Local)
				}
			} else if !elements[tok.Name.Local] && tok.Name.Local != "title" && tok.Name.Local != "desc" {
				return fmt.Errorf("element <%s> not allowed", tok.Name.Local)
			}
			if tok.Name.Space != ns {
				return fmt.Errorf("element <%s> in namespace %q", tok.Name.Local, tok.Name.Space)
			}
			depth++
			for _, a := range tok.Attr {
				name := strings.ToLower(a.Name.Local)
				if strings.HasPrefix(name, "on") || name == "style" || name == "class" {
					return fmt.Errorf("attribute %s on <%s>", name, tok.Name.Local)
				}
				v := strings.ToLower(a.Value)
				if name == "href" && !strings.HasPrefix(v, "#") {
					return fmt.Errorf("external href %q", a.Value)
				}
				if strings.Contains(v, "url(") && !strings.HasPrefix(v, "url(#") {
					return fmt.Errorf("external url in %s=%q", name, a.Value)
				}
				if strings.Contains(v, "javascript:") {
					return fmt.Errorf("javascript: in %s=%q", name, a.Value)
				}
			}
		case xml.EndElement:
			depth--
		case xml.ProcInst, xml.Directive:
			return fmt.Errorf("unexpected %T", tok)
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d root elements, want 1", roots)
	}
	return nil
}

func TestSentinelForms(t *testing.T) {
	tests := []struct {
		in   []attr
		want []attr
	}{
		{[]attr{{"fill", "#010101"}}, []attr{{"fill", "currentColor"}}},
		{[]attr{{"fill", "rgb(1, 1, 1)"}}, []attr{{"fill", "currentColor"}}},
		{[]attr{{"fill", "RGBA(1,1,1,0.5)"}}, []attr{{"fill", "currentColor"}, {"fill-opacity", "0.5"}}},
		{[]attr{{"fill", "#010101"}, {"fill-opacity", "0.5"}}, []attr{{"fill", "currentColor"}, {"fill-opacity", "0.5"}}},
		{[]attr{{"stroke", "#020202"}}, []attr{{"stroke", "currentColor"}, {"stroke-opacity", "0.3"}}},
		{[]attr{{"stroke", "rgb(2,2,2)"}, {"stroke-opacity", "0.5"}}, []attr{{"stroke", "currentColor"}, {"stroke-opacity", "0.15"}}},
		{[]attr{{"stroke", "#020202ff"}}, []attr{{"stroke", "currentColor"}, {"stroke-opacity", "0.3"}}},
		{[]attr{{"fill", "#010102"}}, []attr{{"fill", "#010102"}}},
		{[]attr{{"fill", "#111"}}, []attr{{"fill", "#111"}}},
		{[]attr{{"fill", "rgb(1.5,1,1)"}}, []attr{{"fill", "rgb(1.5,1,1)"}}},
		{[]attr{{"stop-color", "#010101"}}, []attr{{"stop-color", "#010101"}}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.in), func(t *testing.T) {
			got := paintSentinels(append([]attr(nil), tt.in...))
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("paintSentinels(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestMetadata: ECharts' SSR metadata becomes data attributes the page's
// script reads, and nothing but small indexes and words gets through.
func TestMetadata(t *testing.T) {
	tests := []struct {
		in   [][2]string
		want []attr
	}{
		{[][2]string{{"ecmeta_series_index", "1"}, {"ecmeta_data_index", "12"}, {"ecmeta_ssr_type", "chart"}},
			[]attr{{"data-s", "1"}, {"data-i", "12"}, {"data-t", "chart"}}},
		{[][2]string{{"ecmeta_ssr_type", "legend"}}, []attr{{"data-t", "legend"}}},
		{[][2]string{{"ecmeta_ssr_type", `x" onload="alert(1)`}}, nil},
		{[][2]string{{"ecmeta_data_index", "-1"}}, nil},
		{[][2]string{{"ecmeta_data_index", ""}}, nil},
		{[][2]string{{"ecmeta_data_index", "12345678901234567"}}, nil},
		{[][2]string{{"ecmeta_silent", "true"}, {"data-x", "1"}}, nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.in), func(t *testing.T) {
			got := cleanAttrs(tt.in, nil)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("cleanAttrs(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestDeclarations(t *testing.T) {
	tests := []struct {
		in   string
		want []attr
	}{
		{"font-size:12px;font-family:sans-serif;", []attr{{"font-size", "12px"}, {"font-family", "sans-serif"}}},
		{`font-family: "A;B", 'C;D'; FONT-WEIGHT : bold !important`, []attr{{"font-family", `"A;B", 'C;D'`}, {"font-weight", "bold"}}},
		{"junk;;:x;y:", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := declarations(tt.in); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("declarations(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestInvalidInput(t *testing.T) {
	r := sharedRenderer(t)
	ok := barChart(t)
	tests := []struct {
		name   string
		change func(*Chart)
		want   string
	}{
		{"no ID", func(c *Chart) { c.ID = "" }, "without ID"},
		{"upper-case ID", func(c *Chart) { c.ID = "Growth" }, `"Growth"`},
		{"ID with quote", func(c *Chart) { c.ID = `a"b` }, "use only"},
		{"zero width", func(c *Chart) { c.Width = 0 }, "size 0x300"},
		{"huge height", func(c *Chart) { c.Height = 1 << 30 }, "out of range"},
		{"no title", func(c *Chart) { c.Title = "" }, "empty title"},
		{"bad JSON", func(c *Chart) { c.Option = []byte(`{"a":`) }, "not valid JSON"},
		{"array", func(c *Chart) { c.Option = []byte(`[1]`) }, "not a JSON object"},
		{"too deep", func(c *Chart) { c.Option = []byte(`{"a":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`) }, "nested deeper"},
		{"JS exception", func(c *Chart) { c.Option = []byte(`{"xAxis":{"type":"nope"},"yAxis":{},"series":[]}`) }, "xAxis.nope is used but not imported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ok
			tt.change(&c)
			_, err := r.Render(c)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Render(%s) error = %v, want one containing %q", tt.name, err, tt.want)
			}
		})
	}
	// The pool still works after errors.
	if _, err := r.Render(ok); err != nil {
		t.Errorf("Render after errors: %v", err)
	}
}

func TestNewRejectsOtherScripts(t *testing.T) {
	for _, src := range []string{"function (", "var x = 1;", "throw new Error('boom')"} {
		if _, err := New([]byte(src), Options{Workers: 1}); err == nil {
			t.Errorf("New(%q) succeeded, want error", src)
		}
	}
}

func TestTimeout(t *testing.T) {
	r := newRenderer(t, Options{Workers: 1, Timeout: time.Millisecond})
	for range 2 { // the replaced runtime must also time out cleanly
		_, err := r.Render(barChart(t))
		if err == nil || !strings.Contains(err.Error(), "longer than 1ms") {
			t.Fatalf("Render with 1ms timeout: error = %v, want timeout", err)
		}
	}
}

func TestConcurrent(t *testing.T) {
	r := newRenderer(t, Options{Workers: 3, Timeout: slow})
	charts := []Chart{barChart(t), pieChart(t)}
	want := make([][]byte, len(charts))
	for i, c := range charts {
		var err error
		if want[i], err = r.Render(c); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 4 {
				k := (g + i) % len(charts)
				got, err := r.Render(charts[k])
				if err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(got, want[k]) {
					errs <- errors.New("concurrent render of " + charts[k].ID + " differs")
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// FuzzRender guards what stands between ECharts and a page: whatever
// element tree comes back (from a render, or from a cache file anyone can
// write), the SVG must parse and hold only allowed elements and attributes.
// An ECharts render in goja costs tens of milliseconds, which held this
// target under 10 execs/s; so while fuzzing each input is read as the tree
// itself (the JSON of a cache entry), seeded with real trees, and the
// serialiser runs thousands of times a second. Without -fuzz, every corpus
// entry also goes through ECharts end to end as a chart option.
func FuzzRender(f *testing.F) {
	r := newRenderer(f, Options{Workers: 1, Timeout: 10 * time.Second})
	for _, name := range []string{"bar.json", "pie.json"} {
		opt := fixture(f, name)
		f.Add(opt, "Title")
		tree, err := r.run(Chart{ID: "f", Option: opt, Width: 200, Height: 150})
		if err != nil {
			f.Fatal(err)
		}
		data, err := json.Marshal(tree)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, hostile)
	}
	f.Add([]byte(`{"series":[{"type":"line","data":[1,null,"x",{"value":3}]}],"xAxis":{},"yAxis":{}}`), hostile)
	f.Add([]byte(`{"series":{"type":"pie","data":[{"name":"\u0000\ud800","value":-1}]}}`), "\x00")
	f.Add([]byte(`{"t":"svg","c":[{"t":"script","x":"alert(1)"},{"t":"a","a":[["href","javascript:x"],["onload","y"]]},{"t":"text","x":"</text><x>"}]}`), "<")
	fuzzing := flag.Lookup("test.fuzz") != nil && flag.Lookup("test.fuzz").Value.String() != ""
	f.Fuzz(func(t *testing.T, data []byte, title string) {
		c := Chart{ID: "f", Width: 200, Height: 150, Title: title, Desc: title}
		var tree node
		if json.Unmarshal(data, &tree) == nil {
			if svg, err := buildSVG(&tree, c); err == nil {
				if err := validateSVG(svg); err != nil {
					t.Fatalf("%v from tree %s:\n%s", err, data, svg)
				}
			}
		}
		if fuzzing {
			return
		}
		c.Option = data
		svg, err := r.Render(c)
		if err != nil {
			return
		}
		if err := validateSVG(svg); err != nil {
			t.Fatalf("%v in:\n%s", err, svg)
		}
	})
}

// textOption is a chart that shows text in every place a chart can: title,
// axis labels, series name, value labels, font family; and a colour.
func textOption(text, color string) string {
	q := func(s string) string {
		b, _ := json.Marshal(s)
		return string(b)
	}
	return fmt.Sprintf(`{"title":{"text":%[1]s},"textStyle":{"fontFamily":%[1]s},
		"xAxis":{"type":"category","data":[%[1]s]},"yAxis":{},
		"series":[{"type":"bar","name":%[1]s,"data":[1],"itemStyle":{"color":%[2]s},
			"label":{"show":true,"formatter":%[1]s}}]}`, q(text), q(color))
}

// The marker text and colour that FuzzText's harness replaces.
const (
	textMark  = "\ue000"
	colorMark = "#010101"
)

// withText returns a copy of tree with the marker text and colour replaced.
func withText(n *node, text, color string) *node {
	r := strings.NewReplacer(textMark, text, colorMark, color)
	c := &node{Tag: n.Tag, Text: r.Replace(n.Text)}
	for _, a := range n.Attrs {
		c.Attrs = append(c.Attrs, [2]string{a[0], r.Replace(a[1])})
	}
	for _, k := range n.Children {
		c.Children = append(c.Children, withText(k, text, color))
	}
	return c
}

// FuzzText puts arbitrary text everywhere a chart shows text; whatever it
// is, the SVG must parse and hold only allowed elements and attributes.
// Running ECharts in goja for every input made this target crawl (a few
// execs/s under the fuzzer's instrumentation), and what it guards is our
// serialiser, not ECharts: so ECharts draws the chart once, with marker text,
// and each input replaces the marker in that tree before it is serialised.
// Without -fuzz, the corpus also goes through ECharts end to end.
func FuzzText(f *testing.F) {
	f.Add(hostile, "#010101")
	f.Add("\x00\ufffe]]><!--", "url(#f_title)")
	f.Add("a\nb\u2028c</text><script>", "red;fill:url(javascript:x)")
	r := newRenderer(f, Options{Workers: 1, Timeout: 10 * time.Second})
	tree, err := r.run(Chart{ID: "f", Option: []byte(textOption(textMark, colorMark)), Width: 200, Height: 150})
	if err != nil {
		f.Fatal(err)
	}
	fuzzing := flag.Lookup("test.fuzz") != nil && flag.Lookup("test.fuzz").Value.String() != ""
	f.Fuzz(func(t *testing.T, text, color string) {
		c := Chart{ID: "f", Width: 200, Height: 150, Title: text, Desc: text}
		svg, err := buildSVG(withText(tree, text, color), c)
		if err == nil {
			if err := validateSVG(svg); err != nil {
				t.Fatalf("%v in:\n%s", err, svg)
			}
		}
		if fuzzing {
			return
		}
		c.Option = []byte(textOption(text, color))
		svg, err = r.Render(c)
		if err != nil {
			return
		}
		if err := validateSVG(svg); err != nil {
			t.Fatalf("%v in:\n%s", err, svg)
		}
	})
}

// BenchmarkRender100 renders 100 different charts through the pool, without
// a cache. ns/op is for all 100; ms/chart is wall time per chart with all
// workers busy; cpu-ms/chart is the process's CPU time per chart, GC
// included, which stays meaningful on a loaded machine.
func BenchmarkRender100(b *testing.B) {
	r := newRenderer(b, Options{})
	bar, pie := barChart(b), pieChart(b)
	charts := make([]Chart, 100)
	for i := range charts {
		c := bar
		c.Option = bytes.Replace(bar.Option, []byte("39.2"), []byte(strconv.Itoa(i)), 1)
		if i%2 == 1 {
			c = pie
			c.Option = bytes.Replace(pie.Option, []byte("86.5"), []byte(strconv.Itoa(i)), 1)
		}
		c.ID = fmt.Sprintf("c%d", i)
		charts[i] = c
	}
	// Start every worker first: that cost is BenchmarkNew's.
	var wg sync.WaitGroup
	for _, c := range charts[:2*cap(r.pool)] {
		wg.Go(func() {
			if _, err := r.Render(c); err != nil {
				b.Error(err)
			}
		})
	}
	wg.Wait()
	cpu0, n := processCPU(), 0
	defer startJSProfile(b)()
	b.ResetTimer()
	for b.Loop() {
		for _, c := range charts {
			wg.Go(func() {
				if _, err := r.Render(c); err != nil {
					b.Error(err)
				}
			})
		}
		wg.Wait()
		n += len(charts)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(n), "ms/chart")
	b.ReportMetric(float64((processCPU()-cpu0).Milliseconds())/float64(n), "cpu-ms/chart")
}

// BenchmarkCompile measures compiling ECharts, done once per Renderer: the
// build's subset, and the pages' bundle it was cut from.
func BenchmarkCompile(b *testing.B) {
	for _, bundle := range []struct {
		name string
		src  []byte
	}{{"build", readScript(b)}, {"page", readPageScript(b)}} {
		b.Run(bundle.name, func(b *testing.B) {
			src := string(bundle.src)
			for b.Loop() {
				if _, err := goja.Compile("echarts.min.js", src, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNew measures New: compiling ECharts and starting the first
// runtime. Each further worker costs New minus Compile, on first use.
func BenchmarkNew(b *testing.B) {
	src := readScript(b)
	for b.Loop() {
		if _, err := New(src, Options{Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
func TestInvisible(t *testing.T) {
	tests := []struct {
		tag   string
		attrs []attr
		want  bool
	}{
		{"rect", []attr{{"fill", "none"}}, true},
		{"path", []attr{{"fill", "rgb(0,0,0)"}, {"fill-opacity", "0"}, {"stroke", "#ccc"}, {"stroke-width", "0"}}, true},
		{"path", []attr{{"fill", "none"}, {"stroke", "#ccc"}}, false},
		{"path", []attr{{"stroke", "none"}}, false}, // default fill is black
		{"text", []attr{{"fill", "currentColor"}, {"opacity", "0"}}, true},
		{"text", nil, false},
		{"g", []attr{{"fill", "none"}}, false},
	}
	for _, tt := range tests {
		if got := invisible(tt.tag, tt.attrs); got != tt.want {
			t.Errorf("invisible(%s, %v) = %v, want %v", tt.tag, tt.attrs, got, tt.want)
		}
	}
}

func TestLazy(t *testing.T) {
	r, err := New([]byte("function ("), Options{Lazy: true, Workers: 1})
	if err != nil {
		t.Fatalf("New(Lazy, bad script) = %v, want no error until a chart renders", err)
	}
	if _, err := r.Render(barChart(t)); err == nil || !strings.Contains(err.Error(), "compile echarts") {
		t.Errorf("Render with bad lazy script: error = %v, want compile error", err)
	}

	dir := t.TempDir()
	warm := newRenderer(t, Options{Workers: 1, CacheDir: dir, Timeout: slow})
	want, err := warm.Render(barChart(t))
	if err != nil {
		t.Fatal(err)
	}
	cold := newRenderer(t, Options{Workers: 1, CacheDir: dir, Lazy: true})
	got, err := cold.Render(barChart(t))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) || cold.Stats() != (Stats{Hits: 1}) {
		t.Errorf("lazy cached Render: stats %+v, same bytes %v; want a hit with the same bytes", cold.Stats(), bytes.Equal(got, want))
	}
	if cold.script != nil {
		t.Errorf("lazy Renderer compiled ECharts although every chart was cached")
	}
}

// TestPoisonedCache checks that a cache entry is untrusted: a tree with a
// script, a javascript: link, event handlers, foreignObject and remote
// references, under a checksum recomputed to match, is read (a cache hit)
// but none of it reaches the SVG; an entry holding SVG markup is rendered
// afresh.
func TestPoisonedCache(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	r := newRenderer(t, Options{Workers: 1, CacheDir: dir, Timeout: slow})
	bar := barChart(t)
	want, err := r.Render(bar)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) != 1 {
		t.Fatalf("cache files = %q, want one", files)
	}
	b, _ := os.ReadFile(files[0])
	var tree node
	if err := json.Unmarshal(b[:bytes.LastIndex(b, []byte(sumPrefix))], &tree); err != nil {
		t.Fatal(err)
	}
	tree.Children = append(tree.Children,
		&node{Tag: "script", Text: "alert(1)"},
		&node{Tag: "a", Attrs: [][2]string{{"href", "javascript:alert(1)"}}, Children: []*node{{Tag: "text", Text: "click"}}},
		&node{Tag: "foreignObject", Children: []*node{{Tag: "iframe", Attrs: [][2]string{{"src", "https://evil.example/"}}}}},
		&node{Tag: "rect", Attrs: [][2]string{{"width", "9"}, {"height", "9"}, {"fill", "red"}, {"onload", "alert(1)"}, {"onmouseover", "alert(2)"},
			{"style", "fill:url(https://evil.example/x.svg#p);background:url(javascript:alert(3))"}, {"filter", "url(https://evil.example/f.svg#f)"}}},
		&node{Tag: "g", Attrs: [][2]string{{"transform", "translate(1,1)"}, {"xlink:href", "javascript:alert(4)"}}, Children: []*node{
			{Tag: "text", Attrs: [][2]string{{"fill", "red"}}, Text: "</svg><script>alert(5)</script>"},
			{Tag: "use", Attrs: [][2]string{{"href", "https://evil.example/sprite.svg#x"}}},
			{Tag: "image", Attrs: [][2]string{{"href", "https://evil.example/pixel.png"}}},
			{Tag: "animate", Attrs: [][2]string{{"attributeName", "href"}, {"to", "javascript:alert(6)"}}},
			{Tag: "set", Attrs: [][2]string{{"attributeName", "onclick"}, {"to", "alert(7)"}}},
		}},
	)
	poison := func(data []byte) {
		t.Helper()
		sum := sha256.Sum256(data)
		entry := append(append(append([]byte{}, data...), sumPrefix...), []byte(hex.EncodeToString(sum[:])+" -->\n")...)
		if err := os.WriteFile(files[0], entry, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, _ := json.Marshal(&tree)
	poison(data)
	got, err := r.Render(bar)
	if err != nil {
		t.Fatal(err)
	}
	if st := r.Stats(); st.Hits != 1 {
		t.Fatalf("Stats() = %+v: the poisoned entry was not read", st)
	}
	bad := []string{"<script", "script>", "javascript:", "onload", "onmouseover", "onclick", "foreignObject", "iframe", "evil.example", "<a", "<use", "<image", "<animate", "<set"}
	check := func(what string, svg []byte) {
		t.Helper()
		for _, s := range bad {
			if bytes.Contains(svg, []byte(s)) {
				t.Errorf("%s: SVG contains %q:\n%s", what, s, svg)
			}
		}
	}
	check("poisoned tree", got)
	if !bytes.Contains(got, []byte("&lt;/svg&gt;&lt;script&gt;")) {
		t.Errorf("poisoned tree: the hostile text is not in the SVG as text")
	}

	// An entry in the old format, SVG markup, is not a tree: rendered again.
	poison([]byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><a href="javascript:alert(1)"><text>x</text></a></svg>`))
	got, err = r.Render(bar)
	if err != nil {
		t.Fatal(err)
	}
	check("SVG entry", got)
	if !bytes.Equal(got, want) || r.Stats().Misses != 2 {
		t.Errorf("an SVG cache entry was not rendered afresh: stats %+v", r.Stats())
	}
}

// TestWarm checks that Warm starts runtimes in the background for an empty
// cache, no more than asked and than Workers, and none when the cache holds
// a chart.
func TestWarm(t *testing.T) {
	// The test reads a counter rather than draining the pool: a drain
	// competes with Warm's goroutines for the slots, and one of them could
	// then take a runtime another had started and start none itself.
	started := func(r *Renderer) int { return int(r.started.Load()) }
	for _, tc := range []struct {
		name    string
		cached  bool
		workers int
		charts  int
		want    int
	}{
		{"empty cache", false, 3, 2, 2},
		{"more charts than workers", false, 1, 5, 1},
		{"no charts", false, 2, 0, 0},
		{"a chart in the cache", true, 2, 2, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "cache")
			if tc.cached {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "x.json"), []byte("{}"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r := newRenderer(t, Options{Workers: tc.workers, CacheDir: dir, Lazy: true, Timeout: slow})
			if drawing := r.Warm(tc.charts); drawing != (tc.want > 0) {
				t.Errorf("Warm(%d) = %v, want %v", tc.charts, drawing, tc.want > 0)
			}
			deadline := time.Now().Add(slow)
			got := started(r)
			for got < tc.want && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
				got = started(r)
			}
			if tc.want == 0 {
				time.Sleep(100 * time.Millisecond) // a runtime takes longer than this to start
				got = started(r)
			}
			if got != tc.want {
				t.Errorf("Warm(%d) with %d workers started %d runtimes, want %d", tc.charts, tc.workers, got, tc.want)
			}
		})
	}
}
