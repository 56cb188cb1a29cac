package kinds

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"reportsite/internal/chart"
	"reportsite/internal/chart/option"
	"reportsite/internal/chart/style"
	"reportsite/internal/golden"
	"slices"
	"sort"
	"strings"
	"testing"

	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// decode returns the option as generic JSON.
func decode(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("option is not a JSON object: %v\n%s", err, b)
	}
	return m
}

// values returns the values of a series' data items.
func values(series any) []any {
	var out []any
	data, _ := option.Get(series, "data").([]any)
	for _, d := range data {
		out = append(out, option.Get(d, "value"))
	}
	return out
}

func names(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortedFixtures() []string {
	var out []string
	for name := range fixtures() {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

func TestOption(t *testing.T) {
	tests := []struct {
		name       string
		seriesType string
		nSeries    int
		values     []any            // of the first series, in the axis' scale
		valuesEn   []any            // the same in English, when the scale differs
		cats       map[string][]any // category axis data (or pie names) by language tag
		markLine   any              // target on the value axis, nil for none
		horizontal bool
	}{
		{name: "bar", seriesType: "bar", nSeries: 1, values: []any{39.2, 30.7, 13.9, 63.3},
			cats: map[string][]any{"en": {"Retail sales", "Sales", "Output of industrial enterprises above designated size", "Profit-making services"},
				"zh-Hant": {"商業零售額", "商業銷售額", "規模以上工業產值", "營利性服務業"}}},
		{name: "hbar", seriesType: "bar", nSeries: 1, values: []any{95.82, 145.72, 183.63, 0.39}, valuesEn: []any{9.582, 14.572, 18.363, 0.039}, horizontal: true,
			cats: map[string][]any{"zh-Hant": {"商業零售額", "商業銷售額", "規模以上工業產值", "營利性服務業"}}},
		{name: "stacked-bar", seriesType: "bar", nSeries: 2, values: []any{95.82, 145.72, 183.63, 0.39}, valuesEn: []any{9.582, 14.572, 18.363, 0.039}},
		{name: "line", seriesType: "line", nSeries: 1, values: []any{39.2, 30.7, 13.9, 63.3}, markLine: 30.0,
			cats: map[string][]any{"en": {"Retail sales", "Sales", "Output of industrial enterprises above designated size", "Profit-making services"}}},
		{name: "pie", seriesType: "pie", nSeries: 1, values: []any{95.82, 145.72, 183.63, 0.39}, valuesEn: []any{9.582, 14.572, 18.363, 0.039},
			cats: map[string][]any{"en": {"Retail sales", "Sales", "Output of industrial enterprises above designated size", "Profit-making services"},
				"zh-Hant": {"商業零售額", "商業銷售額", "規模以上工業產值", "營利性服務業"}}},
		{name: "donut", seriesType: "pie", nSeries: 1, values: []any{95.82, 145.72, 183.63, 0.39}, valuesEn: []any{9.582, 14.572, 18.363, 0.039}},
		{name: "progress", seriesType: "bar", nSeries: 2, values: []any{80.41, 62.91}, markLine: 80.0, horizontal: true,
			cats: map[string][]any{"en": {"First dose", "Second dose"}, "zh-Hant": {"第一劑次", "第二劑次"}}},
	}
	charts := fixtures()
	for _, tt := range tests {
		for _, l := range []lang.Lang{en, hant} {
			t.Run(tt.name+"/"+l.Tag, func(t *testing.T) {
				c := charts[tt.name]
				b, err := chart.Option(c, l, nil)
				if err != nil {
					t.Fatalf("Option(%s, %s): %v", tt.name, l.Tag, err)
				}
				again, _ := chart.Option(c, l, nil)
				if !bytes.Equal(b, again) {
					t.Errorf("Option(%s, %s) differs between two calls", tt.name, l.Tag)
				}
				m := decode(t, b)
				series, _ := m["series"].([]any)
				if len(series) != tt.nSeries {
					t.Fatalf("Option(%s, %s): %d series, want %d", tt.name, l.Tag, len(series), tt.nSeries)
				}
				for i, s := range series {
					if got := option.Get(s, "type"); got != tt.seriesType {
						t.Errorf("series[%d].type = %v, want %s", i, got, tt.seriesType)
					}
				}
				want := tt.values
				if l.Tag == "en" && tt.valuesEn != nil {
					want = tt.valuesEn
				}
				if got := values(series[0]); !reflect.DeepEqual(got, want) {
					t.Errorf("series[0] values = %v, want %v", got, want)
				}
				if want, ok := tt.cats[l.Tag]; ok {
					var got []any
					switch {
					case tt.seriesType == "pie":
						data, _ := option.Get(series[0], "data").([]any)
						for _, d := range data {
							got = append(got, option.Get(d, "name"))
						}
					case tt.horizontal:
						got, _ = option.Get(m, "yAxis", 0, "data").([]any)
					default:
						got, _ = option.Get(m, "xAxis", 0, "data").([]any)
					}
					// Labels come wrapped into lines: compare their words.
					flat := func(v []any) []any {
						var out []any
						for _, x := range v {
							s, _ := x.(string)
							out = append(out, strings.Join(strings.Fields(s), ""))
						}
						return out
					}
					if !reflect.DeepEqual(flat(got), flat(want)) {
						t.Errorf("categories = %q, want %q", got, want)
					}
				}
				axis := "yAxis"
				if tt.horizontal {
					axis = "xAxis"
				}
				if got := option.Get(series[0], "markLine", "data", 0, axis); got != tt.markLine {
					t.Errorf("markLine %s = %v, want %v", axis, got, tt.markLine)
				}
				// A progress chart's second series is its track, not data.
				legend := tt.nSeries > 1 && tt.name != "progress"
				if _, ok := m["legend"]; ok != legend {
					t.Errorf("legend present = %v, want %v", ok, legend)
				}
				for _, k := range []string{"title", "toolbox"} {
					if _, ok := m[k]; ok {
						t.Errorf("option has %q", k)
					}
				}
				if option.Get(m, "animation") != false {
					t.Errorf("animation = %v, want false", option.Get(m, "animation"))
				}
				if option.Get(m, "tooltip", "show") != true {
					t.Errorf("tooltip.show = %v, want true", option.Get(m, "tooltip", "show"))
				}
				if option.Get(m, "textStyle", "color") != style.TextColor {
					t.Errorf("textStyle.color = %v, want %s", option.Get(m, "textStyle", "color"), style.TextColor)
				}
				if fs, _ := option.Get(m, "textStyle", "fontSize").(float64); fs < 12 {
					t.Errorf("textStyle.fontSize = %v, want ≥ 12", fs)
				}
				if tt.seriesType != "pie" {
					if option.Get(m, "grid", 0, "containLabel") != true {
						t.Errorf("grid.containLabel = %v, want true", option.Get(m, "grid", 0, "containLabel"))
					}
					if got := option.Get(m, "xAxis", 0, "axisLabel", "color"); got != style.TextColor {
						t.Errorf("xAxis.axisLabel.color = %v, want %s", got, style.TextColor)
					}
					if got := option.Get(m, axis, 0, "splitLine", "lineStyle", "color"); got != style.LineColor {
						t.Errorf("%s.splitLine color = %v, want %s", axis, got, style.LineColor)
					}
				}
				checkColors(t, m)
				checkSafe(t, b)
			})
		}
	}
}

// checkColors asserts that text and lines use the sentinels and everything
// else the palette.
func checkColors(t *testing.T, v any, path ...string) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		for _, k := range names(v) {
			checkColors(t, v[k], append(path, k)...)
		}
	case []any:
		for _, x := range v {
			checkColors(t, x, path...)
		}
	case string:
		if len(path) == 0 || !strings.HasSuffix(strings.ToLower(path[len(path)-1]), "color") && path[len(path)-1] != "color" {
			return
		}
		p := strings.Join(path, ".")
		var want []string
		switch {
		case strings.Contains(p, "lineStyle") && !strings.Contains(p, "markLine"):
			want = []string{style.LineColor}
		case strings.Contains(p, "itemStyle.color") || p == "color":
			want = append(style.Palette(), style.ColorTrack)
			for _, c := range style.Palette() {
				want = append(want, style.Translucent(c)) // rows of a shorter period
			}
		default:
			want = []string{style.TextColor}
		}
		if !slices.Contains(want, v) {
			t.Errorf("%s = %s, want one of %v", p, v, want)
		}
	}
}

// checkSafe asserts that option JSON can sit in a <script> element and a
// page: no raw markup, no functions, no NaN, no remote assets.
func checkSafe(t *testing.T, b []byte) {
	t.Helper()
	if !json.Valid(b) {
		t.Fatalf("invalid JSON: %s", b)
	}
	for _, bad := range []string{"</script", "<", ">", "&", "__f__", "NaN", "Infinity", "function", "https://go-echarts.github.io/go-echarts-assets/assets/", "go-echarts", "http"} {
		if bytes.Contains(b, []byte(bad)) {
			t.Errorf("option contains %q", bad)
		}
	}
}

func TestGolden(t *testing.T) {
	charts := fixtures()
	g := golden.New(t, "testdata/*.json")
	for _, name := range sortedFixtures() {
		for _, l := range []lang.Lang{en, hant} {
			t.Run(name+"/"+l.Tag, func(t *testing.T) {
				b, err := chart.Option(charts[name], l, nil)
				if err != nil {
					t.Fatal(err)
				}
				var got bytes.Buffer
				if err := json.Indent(&got, b, "", "  "); err != nil {
					t.Fatal(err)
				}
				got.WriteByte('\n')
				g.Check(t, "testdata/"+name+"."+l.Tag+".json", got.Bytes(), nil)
			})
		}
	}
}

func TestGaps(t *testing.T) {
	tb := growth()
	tb.Rows[0].Set("growth", dataset.Cell{Num: math.NaN(), HasNum: true})
	tb.Rows[1].Set("growth", dataset.Cell{Num: math.Inf(1), HasNum: true})
	tb.Rows[2].Delete("growth")
	for _, typ := range chart.Types.Names() {
		t.Run(typ, func(t *testing.T) {
			c := specFor(typ, &dataset.Chart{ID: "gaps", Category: "item", Values: []string{"growth"}, Table: tb,
				Target: &dataset.Target{Value: 50}})
			b, err := chart.Option(c, en, nil)
			if err != nil {
				t.Fatalf("Option: %v", err)
			}
			checkSafe(t, b)
			series := option.Get(decode(t, b), "series", 0)
			var want []any
			switch {
			case typ == "pie" || typ == "donut":
				want = []any{63.3} // slices without a value are left out
			case typ == "scatter":
				want = []any{[]any{63.3, 63.3}} // a point needs both values
			case typ == "time-line" || typ == "time-bar":
				want = []any{"-", "-", "-", "-", 63.3} // in time order: odd first
			default:
				want = []any{"-", "-", "-", 63.3, "-"}
			}
			if got := values(series); !reflect.DeepEqual(got, want) {
				t.Errorf("values = %v, want %v", got, want)
			}
		})
	}
}

func TestEscaping(t *testing.T) {
	label := `</script><b class="x">A & B</b>`
	for _, typ := range chart.Types.Names() {
		t.Run(typ, func(t *testing.T) {
			tb := growth()
			tb.Rows[4].Set("growth", num(1))
			c := specFor(typ, &dataset.Chart{ID: "odd", Category: "item", Values: []string{"growth"}, Table: tb,
				RowIDs: []string{"odd", "retail"},
				Target: &dataset.Target{Value: 50, Label: lang.Text{lang.Any: `<target> & "{b}"`}}})
			b, err := chart.Option(c, en, nil)
			if err != nil {
				t.Fatalf("Option: %v", err)
			}
			checkSafe(t, b)
			if !bytes.Contains(b, []byte(`\u003c/script\u003e`)) {
				t.Errorf("option lacks the escaped label: %s", b)
			}
			if c.Target != nil && typ != "pie" && typ != "donut" && !strings.Contains(string(b), `\"(b)\"`) {
				t.Errorf("target label's braces survive as a template: %s", b)
			}
			m := decode(t, b)
			var got any
			switch typ {
			case "pie", "donut", "scatter":
				got = option.Get(m, "series", 0, "data", 0, "name")
			case "hbar", "progress":
				got = option.Get(m, "yAxis", 0, "data", 0)
			default:
				got = option.Get(m, "xAxis", 0, "data", 0)
			}
			if s, _ := got.(string); strings.ReplaceAll(s, "\n", " ") != label {
				t.Errorf("label = %q, want %q (wrapped into lines)", got, label)
			}
		})
	}
}

func TestHighlight(t *testing.T) {
	m := decode(t, must(t)(chart.Option(fixtures()["bar"], en, nil)))
	data, _ := option.Get(m, "series", 0, "data").([]any)
	for i, d := range data {
		want := any(nil)
		if i == 3 {
			want = style.ColorHighlight
		}
		if got := option.Get(d, "itemStyle", "color"); got != want {
			t.Errorf("bar %d color = %v, want %v", i, got, want)
		}
	}
	m = decode(t, must(t)(chart.Option(fixtures()["progress"], en, nil)))
	for i, want := range []string{style.ColorReached, style.ColorBase} {
		if got := option.Get(m, "series", 0, "data", i, "itemStyle", "color"); got != want {
			t.Errorf("progress bar %d color = %v, want %v", i, got, want)
		}
	}
	m = decode(t, must(t)(chart.Option(fixtures()["pie"], en, nil)))
	if got := option.Get(m, "series", 0, "data", 2, "selected"); got != true {
		t.Errorf("highlighted slice selected = %v, want true", got)
	}
}

func must(t *testing.T) func([]byte, error) []byte {
	return func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}

func TestLabels(t *testing.T) {
	tests := []struct {
		chart   string
		l       lang.Lang
		label   string // first data item's label
		axis    string // value axis label formatter
		tooltip string
	}{
		{"hbar", hant, "95.82億", "", "{b}: 95.82億元"},
		{"hbar", en, "9.582bn", "", "{b}: CNY 9.582 billion"},
		{"bar", en, "39.2%", "{value}%", "{b}: 39.2%"},
		{"pie", hant, "商業零售額\n95.82億", "", "{b}: 95.82億元 ({d}%)"},
		{"stacked-bar", en, "9.582bn", "{value}bn", "{a}<br/>{b}: CNY 9.582 billion"},
	}
	for _, tt := range tests {
		t.Run(tt.chart+"/"+tt.l.Tag, func(t *testing.T) {
			m := decode(t, must(t)(chart.Option(fixtures()[tt.chart], tt.l, nil)))
			item := option.Get(m, "series", 0, "data", 0)
			if got := option.Get(item, "label", "formatter"); got != tt.label {
				t.Errorf("label = %v, want %q", got, tt.label)
			}
			if got := option.Get(item, "tooltip", "formatter"); got != tt.tooltip {
				t.Errorf("tooltip = %v, want %q", got, tt.tooltip)
			}
			if tt.axis == "" {
				return
			}
			axis := "yAxis"
			if tt.chart == "hbar" {
				axis = "xAxis"
			}
			if got := option.Get(m, axis, 0, "axisLabel", "formatter"); got != tt.axis {
				t.Errorf("%s formatter = %v, want %q", axis, got, tt.axis)
			}
		})
	}
}

func TestNegative(t *testing.T) {
	// A negative horizontal bar is labelled right of the zero line, clear
	// of the category names left of the plot.
	tests := []struct{ typ, position string }{{"bar", "bottom"}, {"line", "bottom"}, {"hbar", "right"}, {"stacked-bar", ""}}
	for _, tt := range tests {
		tb := vaccination()
		tb.Rows[0].Set("rate", num(-5.2))
		c := &dataset.Chart{ID: "neg", Type: tt.typ, Category: "item", Values: []string{"rate"}, Table: tb}
		m := decode(t, must(t)(chart.Option(c, en, nil)))
		got, _ := option.Get(m, "series", 0, "data", 0, "label", "position").(string)
		if got != tt.position {
			t.Errorf("Option(%s with -5.2) label position = %q, want %q", tt.typ, got, tt.position)
		}
		if v := option.Get(m, "series", 0, "data", 0, "value"); v != -5.2 {
			t.Errorf("Option(%s with -5.2) value = %v, want -5.2", tt.typ, v)
		}
	}
}

func TestSize(t *testing.T) {
	charts := fixtures()
	for _, name := range sortedFixtures() {
		w, h := chart.Size(charts[name])
		if w != chart.Width || h < 160 || h > 1200 {
			t.Errorf("Size(%s) = %d, %d, want %d and 160–1200", name, w, h, chart.Width)
		}
	}
	c := *charts["hbar"]
	_, four := chart.Size(&c)
	c.RowIDs = c.RowIDs[:2]
	if _, two := chart.Size(&c); two >= four {
		t.Errorf("Size(hbar with 2 rows) = %d, want less than with 4 rows (%d)", two, four)
	}
	c.Height = 500
	if w, h := chart.Size(&c); w != chart.Width || h != 500 {
		t.Errorf("Size(height 500) = %d, %d, want %d, 500", w, h, chart.Width)
	}
	long := *charts["hbar"]
	long.Table = growth()
	long.Table.Rows[0].Set("item", dataset.Cell{Text: tx(strings.Repeat("長", 40), "x")})
	if _, h := chart.Size(&long); h <= four {
		t.Errorf("Size(hbar with a 40-character label) = %d, want more than %d", h, four)
	}
}

func TestErrors(t *testing.T) {
	tb := growth()
	tests := []struct {
		name string
		c    *dataset.Chart
		want string
	}{
		{"nil", nil, "chart has no table"},
		{"no table", &dataset.Chart{ID: "x", Type: "bar"}, "chart has no table"},
		{"type", &dataset.Chart{ID: "x", Type: "radar", Category: "item", Values: []string{"growth"}, Table: tb}, `chart x: unknown type "radar"`},
		{"category", &dataset.Chart{ID: "x", Type: "bar", Category: "nope", Values: []string{"growth"}, Table: tb}, `chart x: category column "nope" not found`},
		{"value", &dataset.Chart{ID: "x", Type: "bar", Category: "item", Values: []string{"nope"}, Table: tb}, `chart x: value column "nope" not found`},
		{"no values", &dataset.Chart{ID: "x", Type: "bar", Category: "item", Table: tb}, `chart x has no values`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := chart.Option(tt.c, en, nil)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Option(%s) error = %v, want %q", tt.name, err, tt.want)
			}
			if d := chart.Describe(tt.c, en, nil); d != "" && tt.name != "type" {
				t.Errorf("Describe(%s) = %q, want \"\"", tt.name, d)
			}
		})
	}
}

func BenchmarkOption100(b *testing.B) {
	charts := fixtures()
	names := sortedFixtures()
	for b.Loop() {
		for i := range 100 {
			if _, err := chart.Option(charts[names[i%len(names)]], en, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestWrittenPrecision labels, describes and tips a value with the decimals
// its table wrote: 9.0%, not 9%.
func TestWrittenPrecision(t *testing.T) {
	tb := vaccination()
	c := num(-6)
	c.Literal = "-6.0"
	tb.Rows[0].Set("rate", c)
	ch := &dataset.Chart{ID: "p", Type: "bar", Category: "item", Values: []string{"rate"}, Table: tb}
	for _, l := range []lang.Lang{en, {Tag: "zh-Hant"}} {
		m := decode(t, must(t)(chart.Option(ch, l, nil)))
		if got, _ := option.Get(m, "series", 0, "data", 0, "label", "formatter").(string); got != "-6.0%" {
			t.Errorf("Option(%s) label = %q, want %q", l.Tag, got, "-6.0%")
		}
		if got, _ := option.Get(m, "series", 0, "data", 0, "tooltip", "formatter").(string); !strings.HasSuffix(got, ": -6.0%") {
			t.Errorf("Option(%s) tooltip = %q, want it to end in %q", l.Tag, got, ": -6.0%")
		}
		if d := chart.Describe(ch, l, nil); !strings.Contains(d, "-6.0%") {
			t.Errorf("Describe(%s) = %q, want it to hold -6.0%%", l.Tag, d)
		}
	}
}

// TestAxisUnit checks where a scaled value axis writes its unit: in the
// axis name when it has one (ticks bare: 0, 50, 100), else after each tick,
// with the zero tick left out rather than written "0bn".
func TestAxisUnit(t *testing.T) {
	for _, named := range []bool{true, false} {
		c := fixtures()["hbar"]
		if !named {
			c.XName = nil
		}
		m := decode(t, must(t)(chart.Option(c, en, nil)))
		formatter, showMin := option.Get(m, "xAxis", 0, "axisLabel", "formatter"), option.Get(m, "xAxis", 0, "axisLabel", "showMinLabel")
		switch {
		case named && (formatter != nil || showMin != nil):
			t.Errorf("named axis: formatter %v, showMinLabel %v; want neither", formatter, showMin)
		case !named && (formatter != "{value}bn" || showMin != false):
			t.Errorf("unnamed axis: formatter %v, showMinLabel %v; want {value}bn, false", formatter, showMin)
		}
	}
	// Percentages keep their sign on every tick, zero included.
	m := decode(t, must(t)(chart.Option(fixtures()["bar"], en, nil)))
	if f, sm := option.Get(m, "yAxis", 0, "axisLabel", "formatter"), option.Get(m, "yAxis", 0, "axisLabel", "showMinLabel"); f != "{value}%" || sm != nil {
		t.Errorf("percent axis: formatter %v, showMinLabel %v; want {value}%%, unset", f, sm)
	}
}

// TestProgressTrack checks that a progress bar's label sits at the end of
// its track, where it cannot meet the target line: the bar has no label,
// and the stacked track runs from the value to the axis' end and carries it.
func TestProgressTrack(t *testing.T) {
	tests := []struct {
		rates []float64
		end   float64
		track []any
	}{
		{[]float64{80.41, 62.91}, 100, []any{19.59, 37.09}},
		{[]float64{130, 62.91}, 130, []any{0.0, 67.09}},
	}
	for _, tt := range tests {
		c := fixtures()["progress"]
		for i, r := range tt.rates {
			c.Table.Rows[i].Set("rate", num(r))
		}
		m := decode(t, must(t)(chart.Option(c, en, nil)))
		if got := option.Get(m, "xAxis", 0, "max"); got != tt.end {
			t.Errorf("rates %v: axis max %v, want %v", tt.rates, got, tt.end)
		}
		if got := option.Get(m, "series", 0, "data", 0, "label", "show"); got != false {
			t.Errorf("rates %v: bar label shown (%v): it would cross the target line", tt.rates, got)
		}
		track := option.Get(m, "series", 1)
		if got := values(track); !reflect.DeepEqual(got, tt.track) {
			t.Errorf("rates %v: track %v, want %v", tt.rates, got, tt.track)
		}
		if option.Get(track, "stack") != option.Get(m, "series", 0, "stack") || option.Get(track, "stack") == nil {
			t.Errorf("rates %v: track not stacked on the bar", tt.rates)
		}
		if got := option.Get(track, "data", 0, "label", "formatter"); got != lang.Short(tt.rates[0], lang.BuiltinUnits()["percent"], en) {
			t.Errorf("rates %v: track label %v", tt.rates, got)
		}
		if option.Get(track, "silent") != true || option.Get(track, "tooltip", "show") != false || option.Get(track, "name") != nil {
			t.Errorf("rates %v: track is not silent background: %v", tt.rates, track)
		}
	}
}

// TestDonutTotal checks the total written in the donut's hole.
func TestDonutTotal(t *testing.T) {
	m := decode(t, must(t)(chart.Option(fixtures()["donut"], hant, nil)))
	if got := option.Get(m, "graphic", 0, "style", "text"); got != "425.56億" {
		t.Errorf("donut centre = %v, want 425.56億 (the sum of the slices)", got)
	}
	m = decode(t, must(t)(chart.Option(fixtures()["pie"], hant, nil)))
	if got := option.Get(m, "graphic"); got != nil {
		t.Errorf("pie has a centre text %v, want none", got)
	}
}

// TestPartial checks that rows of a shorter period are drawn as such.
func TestPartial(t *testing.T) {
	c := fixtures()["bar"]
	c.Partial = &dataset.Partial{Rows: []string{"sales"}, Label: tx("僅1–11月", "Jan–Nov only")}
	m := decode(t, must(t)(chart.Option(c, en, nil)))
	item := option.Get(m, "series", 0, "data", 1)
	if got := option.Get(item, "label", "formatter"); got != "30.7%\nJan–Nov only" {
		t.Errorf("partial label = %q", got)
	}
	if got := option.Get(item, "itemStyle", "borderType"); got != "dashed" {
		t.Errorf("partial border = %v, want dashed", got)
	}
	if got, _ := option.Get(item, "itemStyle", "color").(string); !strings.HasPrefix(got, "rgba(") {
		t.Errorf("partial fill = %v, want a translucent colour", got)
	}
	if got := option.Get(m, "series", 0, "data", 0, "itemStyle", "borderType"); got != nil {
		t.Errorf("full-period row has border %v", got)
	}
}
