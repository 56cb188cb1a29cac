package kinds_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"reportsite/internal/chart"
	"reportsite/internal/chart/kinds"
	"reportsite/internal/chart/style"
	"reportsite/internal/dataset"
	"reportsite/internal/echarts"
	"reportsite/internal/lang"
)

var (
	rendererOnce sync.Once
	renderer     *echarts.Renderer
	rendererErr  error
)

// newRenderer compiles the ECharts the build draws with once for all tests.
func newRenderer(t *testing.T) *echarts.Renderer {
	t.Helper()
	rendererOnce.Do(func() {
		renderer, rendererErr = echarts.New(echarts.BuildScript, echarts.Options{Timeout: 10 * time.Second})
	})
	if rendererErr != nil {
		t.Fatalf("the vendored ECharts does not start: %v", rendererErr)
	}
	return renderer
}

// TestBuildBundleDrawsAsPageBundle draws every kind's fixture in every
// language with the build's ECharts subset (echarts.BuildScript) and with
// the pages' bundle it was cut from, and wants the same SVG: what the build
// leaves out (tooltip, axis pointer, data zoom) must draw nothing.
func TestBuildBundleDrawsAsPageBundle(t *testing.T) {
	if testing.Short() {
		t.Skip("renders with ECharts in goja")
	}
	page, err := os.ReadFile(filepath.Join("..", "..", "..", "static", "vendor", "echarts", "echarts.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	pr, err := echarts.New(page, echarts.Options{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatalf("the pages' ECharts does not start: %v", err)
	}
	br := newRenderer(t)
	charts := kinds.Fixtures()
	for _, name := range kinds.SortedFixtures() {
		c := charts[name]
		for _, l := range []lang.Lang{{Tag: "en"}, {Tag: "zh-Hant"}} {
			ec, err := echartsInput(c, l)
			if err != nil {
				t.Fatalf("%s/%s: Option: %v", name, l.Tag, err)
			}
			want, err := pr.Render(ec)
			if err != nil {
				t.Fatalf("%s/%s: pages' bundle: %v", name, l.Tag, err)
			}
			got, err := br.Render(ec)
			if err != nil {
				t.Fatalf("%s/%s: build's bundle: %v", name, l.Tag, err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s/%s: the build's ECharts draws\n%s\nthe pages' draws\n%s", name, l.Tag, got, want)
			}
		}
	}
}

// TestSentinels checks that options use the colours the SVG post-processor
// replaces.
func TestSentinels(t *testing.T) {
	if style.TextColor != echarts.TextColor || style.LineColor != echarts.LineColor {
		t.Errorf("chart sentinels %s, %s; echarts replaces %s, %s", style.TextColor, style.LineColor, echarts.TextColor, echarts.LineColor)
	}
}

// TestRender checks that ECharts accepts every option and draws its
// categories, value labels and target in the page's language.
func TestRender(t *testing.T) {
	if testing.Short() {
		t.Skip("renders with ECharts in goja")
	}
	r := newRenderer(t)
	out := os.Getenv("CHART_SVG_DIR") // set to look at the SVGs
	langs := []lang.Lang{{Tag: "en"}, {Tag: "zh-Hant"}}
	charts := kinds.Fixtures()
	for _, name := range kinds.SortedFixtures() {
		c := charts[name]
		for _, l := range langs {
			t.Run(name+"/"+l.Tag, func(t *testing.T) {
				ec, err := echartsInput(c, l)
				if err != nil {
					t.Fatalf("Option: %v", err)
				}
				svg, err := r.Render(ec)
				if err != nil {
					t.Fatalf("Render: %v", err)
				}
				if out != "" {
					if err := os.WriteFile(filepath.Join(out, name+"-"+l.Tag+".svg"), svg, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				for _, want := range kinds.RenderWants(name, l) {
					if !bytes.Contains(svg, []byte(want)) {
						t.Errorf("SVG of %s in %s lacks %q", name, l.Tag, want)
					}
				}
			})
		}
	}
}

// echartsInput is what the build hands ECharts for chart c in language l.
func echartsInput(c *dataset.Chart, l lang.Lang) (echarts.Chart, error) {
	opt, err := chart.Option(c, l, nil)
	if err != nil {
		return echarts.Chart{}, err
	}
	w, h := chart.Size(c)
	return echarts.Chart{ID: c.ID, Option: opt, Width: w, Height: h, Title: c.Title.In(l), Desc: chart.Describe(c, l, nil)}, nil
}
