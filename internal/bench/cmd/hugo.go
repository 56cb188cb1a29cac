package main

import (
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"reportsite/internal/bench"
	"reportsite/internal/lang"
)

// hansConverter returns a function that converts zh-Hant to zh-Hans, for
// the Hugo site's third language.
func hansConverter() func(string) string {
	c := lang.NewConverter()
	return func(s string) string { return c.Must("zh-Hant", "zh-Hans", s) }
}

// hugoVersion is the Hugo release the comparison was made with.
const hugoVersion = "v0.165.0"

// vsVariant is one content model built by both generators.
type vsVariant struct {
	name    string
	derived bool
	charts  bool
}

var vsVariants = []vsVariant{
	{"zh-Hant + en", false, false},
	{"zh-Hant + en, charts 1 in 10", false, true},
	{"+ zh-Hans", true, false},
}

// pair is one size and variant measured on both sides.
type pair struct {
	n       int
	v       vsVariant
	rs, hg  []measure
	rsPages int
	hgPages int
}

// compareHugo builds the same synthetic report with reportsite and with Hugo,
// interleaved (reportsite first on even runs, Hugo first on odd ones), each
// build into a new output folder, one warm-up and then runs measured builds
// per side, and prints the medians side by side. reportsite keeps its chart
// cache between runs (the warm-up fills it), as a site does between builds;
// the cold figure is in the first table.
func compareHugo(stdout, stderr io.Writer, b *bencher, hugo string, sizes []int, runs int, seed uint64, tmp string) error {
	ver, err := exec.Command(hugo, "version").Output()
	if err != nil {
		return fmt.Errorf("%s version: %v", hugo, err)
	}
	fmt.Fprintln(stdout)
	fmt.Fprintf(stdout, "reportsite and Hugo on the same content (%s; load average before: %s); interleaved, 1 warm-up + %d runs each, medians; each build into a new output folder; ratio = reportsite / Hugo:\n\n",
		strings.TrimSpace(string(ver)), loadAvg(), runs)
	fmt.Fprintln(stdout, "| sections/lang | variant | pages reportsite / Hugo | wall reportsite / Hugo | ratio | CPU reportsite / Hugo | peak RSS reportsite / Hugo |")
	fmt.Fprintln(stdout, "|---:|---|---:|---:|---:|---:|---:|")
	b.args = nil
	toHans := hansConverter()
	for _, n := range sizes {
		for _, v := range vsVariants {
			cfg := bench.Config{Sections: n, Seed: seed, Derived: v.derived, Charts: v.charts}
			base := filepath.Join(tmp, fmt.Sprintf("vs%d-%s", n, slug(v.name)))
			rsDir, hgDir := filepath.Join(base, "reportsite"), filepath.Join(base, "hugo")
			if err := bench.Write(rsDir, cfg); err != nil {
				return err
			}
			if err := bench.WriteHugo(hgDir, cfg, toHans); err != nil {
				return err
			}
			p := pair{n: n, v: v}
			cache := filepath.Join(base, "chart-cache")
			for i := range runs + 1 {
				sides := []func() error{
					func() error {
						m, err := b.into(rsDir, cache, filepath.Join(base, fmt.Sprintf("out-rs-%d", i)))
						if err == nil && i > 0 {
							p.rs = append(p.rs, m)
						}
						p.rsPages = m.pages
						return err
					},
					func() error {
						m, err := hugoOnce(hugo, hgDir, filepath.Join(base, fmt.Sprintf("out-hugo-%d", i)), filepath.Join(base, "hugo-cache"))
						if err == nil && i > 0 {
							p.hg = append(p.hg, m)
						}
						p.hgPages = m.pages
						return err
					},
				}
				if i%2 == 1 {
					slices.Reverse(sides)
				}
				for _, f := range sides {
					if err := f(); err != nil {
						return fmt.Errorf("N=%d %s: %w", n, v.name, err)
					}
				}
			}
			p.print(stdout)
		}
	}
	return nil
}

func (p pair) print(w io.Writer) {
	rw, hw := median(p.rs, func(m measure) float64 { return m.wall.Seconds() }), median(p.hg, func(m measure) float64 { return m.wall.Seconds() })
	rc, hc := median(p.rs, func(m measure) float64 { return m.cpu.Seconds() }), median(p.hg, func(m measure) float64 { return m.cpu.Seconds() })
	rm, hm := peak(p.rs), peak(p.hg)
	fmt.Fprintf(w, "| %d | %s | %d / %d | %.2f s / %.2f s | %.2f | %.2f s / %.2f s | %.0f / %.0f MiB |\n",
		p.n, p.v.name, p.rsPages, p.hgPages, rw, hw, rw/hw, rc, hc, float64(rm)/1024, float64(hm)/1024)
}

// median returns the median of f over ms (the mean of the middle two for an
// even count).
func median(ms []measure, f func(measure) float64) float64 {
	if len(ms) == 0 {
		return 0
	}
	v := make([]float64, len(ms))
	for i, m := range ms {
		v[i] = f(m)
	}
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// peak returns the largest peak resident memory of ms, in kilobytes.
func peak(ms []measure) int64 {
	var p int64
	for _, m := range ms {
		p = max(p, m.rssKB)
	}
	return p
}

// hugoOnce runs one Hugo build of dir into out.
func hugoOnce(hugo, dir, out, cache string) (measure, error) {
	cmd := exec.Command(hugo, "--source", dir, "--destination", out, "--cacheDir", cache, "--quiet", "--noBuildLock")
	return timed(cmd, out)
}
