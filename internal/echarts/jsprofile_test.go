package echarts

import (
	"flag"
	"os"
	"testing"

	"github.com/dop251/goja"
	"github.com/google/pprof/profile"
)

// Flags for looking inside ECharts' time in goja, which a Go profile shows
// only as the interpreter's loop: goja's own profiler samples the
// JavaScript call stacks. With the minified bundle the function names are
// esbuild's; bundle/VERSION.md says how to make an unminified one.
var (
	jsProfile = flag.String("jsprofile", "", "BenchmarkRender100: write a CPU profile of the JavaScript (ECharts' functions) to this file, for go tool pprof")
	jsScript  = flag.String("script", "", "draw with this ECharts build instead of BuildScript (an unminified one gives -jsprofile ECharts' function names)")
)

// startJSProfile starts goja's profiler when -jsprofile is set; the
// returned function stops it and writes the profile.
func startJSProfile(tb testing.TB) (stop func()) {
	tb.Helper()
	if *jsProfile == "" {
		return func() {}
	}
	f, err := os.Create(*jsProfile)
	if err != nil {
		tb.Fatal(err)
	}
	if err := goja.StartProfile(f); err != nil {
		f.Close()
		tb.Fatal(err)
	}
	return func() {
		goja.StopProfile()
		if err := f.Close(); err != nil {
			tb.Error(err)
		}
	}
}

// TestJSProfile writes a profile through startJSProfile, as the benchmark
// does with -jsprofile, and wants samples in it.
func TestJSProfile(t *testing.T) {
	old := *jsProfile
	defer func() { *jsProfile = old }()
	*jsProfile = t.TempDir() + "/js.prof"
	r := sharedRenderer(t)
	stop := startJSProfile(t)
	c := barChart(t)
	for i := 0; i < 5; i++ {
		c.ID = "profiled-" + string(rune('a'+i))
		if _, err := r.Render(c); err != nil {
			t.Fatal(err)
		}
	}
	stop()
	f, err := os.Open(*jsProfile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := profile.Parse(f)
	if err != nil {
		t.Fatalf("the profile does not parse: %v", err)
	}
	if len(p.Sample) == 0 {
		t.Error("the profile holds no sample of the JavaScript that drew 5 charts")
	}
}
