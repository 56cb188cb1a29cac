package echarts

import (
	"bytes"
	"strings"
	"testing"
)

// toSimplified turns the fixtures' Traditional characters into Simplified
// ones, as the converter of a derived language would.
var toSimplified = strings.NewReplacer("會", "会", "總", "总", "額", "额", "銷", "销", "規", "规", "產", "产", "營", "营", "務", "务", "業", "业", "齡", "龄")

// TestDerive: a chart whose option is another's with characters converted
// one for one is made from that one's drawing, and comes out byte for byte
// as if it had been drawn; any other difference is drawn.
func TestDerive(t *testing.T) {
	r := newRenderer(t, Options{Workers: 1, Timeout: slow})
	for _, from := range []Chart{barChart(t)} {
		t.Run(from.ID, func(t *testing.T) {
			c := from
			c.ID, c.Title = from.ID+"-zh-hans", from.Title+" (zh-Hans)"
			c.Option = []byte(toSimplified.Replace(string(from.Option)))
			if bytes.Equal(c.Option, from.Option) {
				t.Fatal("the fixture has no character to convert")
			}
			got, ok, err := r.Derive(from, c)
			if err != nil || !ok {
				t.Fatalf("Derive: ok %v, err %v", ok, err)
			}
			fresh := newRenderer(t, Options{Workers: 1, Timeout: slow})
			want, err := fresh.Render(c)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("derived SVG differs from the drawn one:\n got %.400s\nwant %.400s", got, want)
			}
		})
	}
	bar := barChart(t)
	for _, tc := range []struct {
		name      string
		old, new_ string
	}{
		{"a number", "39.2", "39.3"},
		{"a letter", "sans-serif", "sans-serIf"},
		{"a character one rune longer", "銷售額", "销售额额"},
		{"a character by two different ones", `"社會消費品零售總額", "銷售額"`, `"社會消費品零售總額", "銷售额"`},
		{"a Latin letter for a CJK one", "銷售額", "销售é"},
		{"a character outside the BMP", "銷售額", "销售𠀀"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := bar
			opt := strings.Replace(string(bar.Option), tc.old, tc.new_, 1)
			if opt == string(bar.Option) {
				t.Fatalf("%q is not in the fixture", tc.old)
			}
			c.Option = []byte(opt)
			before := r.derived.Load()
			if _, ok, err := r.Derive(bar, c); ok || err != nil {
				t.Errorf("Derive: ok %v, err %v; want it drawn", ok, err)
			}
			if r.derived.Load() != before {
				t.Error("counted as derived")
			}
		})
	}
}
