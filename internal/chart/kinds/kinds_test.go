package kinds

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"reportsite/internal/chart"
	"reportsite/internal/chart/option"
	"reportsite/internal/chart/style"
	"reportsite/internal/chart/wrap"
	"reportsite/internal/dataset"
)

// TestTimeGaps checks that a missing period becomes a gap with a label in
// each language, and that the line is not joined across it.
func TestTimeGaps(t *testing.T) {
	for _, typ := range []string{"time-line", "time-bar"} {
		for _, l := range []struct {
			lang   string
			label  string
			labels int
		}{{"en", "Q1\n2023", 7}, {"zh-Hant", "2023年\n第1季", 7}} {
			c := fixtures()["time-line"]
			c.Type = typ
			lg := en
			if l.lang == "zh-Hant" {
				lg = hant
			}
			m := decode(t, must(t)(chart.Option(c, lg, nil)))
			cats, _ := option.Get(m, "xAxis", 0, "data").([]any)
			if len(cats) != l.labels || cats[4] != l.label {
				t.Errorf("%s/%s: categories %q, want %d with %q fifth", typ, l.lang, cats, l.labels, l.label)
			}
			if v := values(option.Get(m, "series", 0)); len(v) != 7 || v[4] != "-" {
				t.Errorf("%s/%s: values %v, want a gap fifth", typ, l.lang, v)
			}
			if typ == "time-line" && option.Get(m, "series", 0, "connectNulls") != false {
				t.Errorf("time-line joins lines across gaps")
			}
		}
	}
	// Out of order, or of mixed kinds: check says so.
	q := quarters()
	q.Rows[2].ID = "2024" // a year among quarters
	for _, rows := range [][]string{{"2022-q2", "2022-q1"}, {"2022-q1", "2024"}, {"2022-q1", "2022-q1"}} {
		bad := &dataset.Chart{ID: "c", Type: "time-line", Category: "quarter", Values: []string{"growth"}, RowIDs: rows, Table: q}
		if problems, _ := chart.Types.Check(bad); len(problems) == 0 {
			t.Errorf("rows %v pass the check", rows)
		}
		if _, err := chart.Option(bad, en, nil); err == nil {
			t.Errorf("rows %v draw", rows)
		}
	}
	g := growth()
	bad := &dataset.Chart{ID: "c", Type: "time-bar", Category: "item", Values: []string{"growth"}, Table: g}
	if problems, _ := chart.Types.Check(bad); len(problems) == 0 || problems[0].Key != "rows" || problems[0].Hint == "" {
		t.Errorf("rows without periods: problems %+v", problems)
	}
}

// TestCrowdedTime checks that on a long time axis only the chosen values
// are labelled, and that period labels thin out.
func TestCrowdedTime(t *testing.T) {
	tb := &dataset.Table{ID: "m", Columns: []dataset.Column{
		{Key: "month", Type: dataset.TypeText}, {Key: "v", Type: dataset.TypeNumber, Unit: "percent"}}}
	for i := 0; i < 24; i++ {
		id := []string{"2022", "2023"}[i/12] + "-" + []string{"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"}[i%12]
		tb.Rows = append(tb.Rows, dataset.Row{ID: id, Cells: cellsOf(map[string]dataset.Cell{
			"month": {Text: tx(id, id)}, "v": num(float64(i%7) + 0.5)})})
	}
	c := &dataset.Chart{ID: "m", Type: "time-line", Category: "month", Values: []string{"v"}, Table: tb}
	m := decode(t, must(t)(chart.Option(c, en, nil)))
	if iv, _ := option.Get(m, "xAxis", 0, "axisLabel", "interval").(float64); iv < 3 {
		t.Errorf("interval %v: 24 month labels do not thin out", iv)
	}
	shown := 0
	data, _ := option.Get(m, "series", 0, "data").([]any)
	for _, d := range data {
		if option.Get(d, "label", "show") != false {
			shown++
		}
	}
	if shown == 0 || shown > 3 {
		t.Errorf("%d of 24 values labelled, want the last, highest and lowest that keep apart", shown)
	}
	if option.Get(data[23], "label", "show") == false {
		t.Errorf("the last value is not labelled")
	}
}

// TestBarLineBands checks that the bars keep below the line on the shared
// grid, on their own axes, in their own units.
func TestBarLineBands(t *testing.T) {
	for _, l := range []struct {
		name string
		want string
	}{{"en", "92.4bn"}, {"zh-Hant", "924億"}} {
		lg := en
		if l.name == "zh-Hant" {
			lg = hant
		}
		b := must(t)(chart.Option(fixtures()["bar-line"], lg, nil))
		m := decode(t, b)
		frac := func(axis int, v float64) float64 {
			lo, _ := option.Get(m, "yAxis", axis, "min").(float64)
			hi, _ := option.Get(m, "yAxis", axis, "max").(float64)
			return (v - lo) / (hi - lo)
		}
		barTop, lineLow := 0.0, 1.0
		for _, v := range values(option.Get(m, "series", 0)) {
			if x, ok := v.(float64); ok {
				barTop = math.Max(barTop, frac(0, x))
			}
		}
		for _, v := range values(option.Get(m, "series", 1)) {
			if x, ok := v.(float64); ok {
				lineLow = math.Min(lineLow, frac(1, x))
			}
		}
		if barTop > 3.0/bands+1e-9 || lineLow < 4.0/bands-1e-9 {
			t.Errorf("%s: bars reach %.2f, the line falls to %.2f of the plot: they share a band", l.name, barTop, lineLow)
		}
		if option.Get(m, "series", 1, "yAxisIndex") != 1.0 || option.Get(m, "series", 1, "type") != "line" {
			t.Errorf("%s: the line is not on the second axis", l.name)
		}
		if !strings.Contains(string(b), l.want) || !strings.Contains(string(b), "116.1%") {
			t.Errorf("%s: labels lack %s or 116.1%%", l.name, l.want)
		}
	}
}

// TestDirectLabels checks that lines are named at their ends, not in a
// legend, and that bars keep their legend.
func TestDirectLabels(t *testing.T) {
	f := fixtures()
	two := f["line"]
	two.Values = []string{"value", "plan"}
	two.Target = nil
	for _, c := range []*dataset.Chart{f["stacked-area"], two} {
		m := decode(t, must(t)(chart.Option(c, en, nil)))
		if m["legend"] != nil {
			t.Errorf("%s: a legend beside direct labels", c.Type)
		}
		series, _ := m["series"].([]any)
		for si, s := range series {
			data, _ := option.Get(s, "data").([]any)
			last := -1
			for i, d := range data {
				if option.Get(d, "value") != "-" {
					last = i
				}
			}
			lab := option.Get(data[last], "label")
			name := []string{"Goods exports", "Services exports"}[si]
			if c == two {
				name = []string{"Amount", "Plan"}[si]
			}
			if option.Get(lab, "position") != "right" || !strings.HasPrefix(strings.ReplaceAll(option.Get(lab, "formatter").(string), "\n", " "), name) {
				t.Errorf("%s series %d: last label %v, want %q on the right", c.Type, si, lab, name)
			}
		}
	}
	if m := decode(t, must(t)(chart.Option(f["stacked-bar"], en, nil))); m["legend"] == nil {
		t.Errorf("stacked bars lost their legend")
	}
}

// TestMultiplesShareScale checks one panel per column, all on one scale.
func TestMultiplesShareScale(t *testing.T) {
	m := decode(t, must(t)(chart.Option(fixtures()["small-multiples"], hant, nil)))
	ys, _ := m["yAxis"].([]any)
	grids, _ := m["grid"].([]any)
	if len(ys) != 2 || len(grids) != 2 {
		t.Fatalf("%d axes, %d grids, want 2 panels", len(ys), len(grids))
	}
	for _, k := range []string{"min", "max", "interval"} {
		if !reflect.DeepEqual(option.Get(ys[0], k), option.Get(ys[1], k)) {
			t.Errorf("panels differ in %s: %v, %v", k, option.Get(ys[0], k), option.Get(ys[1], k))
		}
	}
	if hi, _ := option.Get(ys[0], "max").(float64); hi < 198 {
		t.Errorf("shared max %v is below the largest value 198億", hi)
	}
	titles := []string{}
	for _, g := range m["graphic"].([]any) {
		titles = append(titles, option.Get(g, "style", "text").(string))
	}
	if !reflect.DeepEqual(titles, []string{"貨物出口", "服務出口"}) {
		t.Errorf("panel titles %q", titles)
	}
}

// TestScatter checks points, names and axes.
func TestScatter(t *testing.T) {
	m := decode(t, must(t)(chart.Option(fixtures()["scatter"], en, nil)))
	data, _ := option.Get(m, "series", 0, "data").([]any)
	if len(data) != 4 {
		t.Fatalf("%d points, want 4", len(data))
	}
	if got := option.Get(data[0], "value"); !reflect.DeepEqual(got, []any{9.582, 39.2}) {
		t.Errorf("first point %v, want [9.582 39.2] (bn, %%)", got)
	}
	if option.Get(data[3], "itemStyle", "color") != style.ColorHighlight {
		t.Errorf("the highlighted point is not highlighted")
	}
	if option.Get(m, "xAxis", 0, "name") != "Amount" || option.Get(m, "yAxis", 0, "name") != "Growth" {
		t.Errorf("axes named %v, %v; want the columns' labels", option.Get(m, "xAxis", 0, "name"), option.Get(m, "yAxis", 0, "name"))
	}
	if option.Get(m, "xAxis", 0, "axisLabel", "formatter") != "{value}bn" {
		t.Errorf("x ticks %v, want {value}bn", option.Get(m, "xAxis", 0, "axisLabel", "formatter"))
	}
}

// TestNegativeProgress checks that a negative value on a progress chart is
// still labelled, at the end of its empty track.
func TestNegativeProgress(t *testing.T) {
	c := fixtures()["progress"]
	c.Table.Rows[1].Set("rate", num(-4.5))
	m := decode(t, must(t)(chart.Option(c, en, nil)))
	track, _ := option.Get(m, "series", 1, "data").([]any)
	if len(track) != 2 || option.Get(track[1], "label", "formatter") != "-4.5%" || option.Get(track[1], "value") != 100.0 {
		t.Errorf("track of -4.5%%: %v, want the whole track labelled -4.5%%", track)
	}
}

// TestLabelLines checks that no category label of any fixture, in either
// language, is broken into lines of a single Chinese character.
func TestLabelLines(t *testing.T) {
	for name, c := range fixtures() {
		for _, l := range []string{"en", "zh-Hant"} {
			lg := en
			if l == "zh-Hant" {
				lg = hant
			}
			m := decode(t, must(t)(chart.Option(c, lg, nil)))
			var labels []any
			for _, k := range []string{"xAxis", "yAxis"} {
				axes, _ := m[k].([]any)
				for _, a := range axes {
					d, _ := option.Get(a, "data").([]any)
					labels = append(labels, d...)
				}
			}
			for _, lab := range labels {
				s, _ := lab.(string)
				lines := strings.Split(s, "\n")
				if len(lines) < 2 {
					continue
				}
				for _, line := range lines {
					if r := []rune(line); len(r) == 1 && wrap.Width(line) == style.FontSize {
						t.Errorf("%s/%s: label %q has a line of one character", name, l, s)
					}
				}
			}
		}
	}
}
