// Command cmd measures `reportsite build` at scale: it generates synthetic
// bilingual reports (internal/bench) of N sections per language, builds each
// with the given binary as a child process, and prints a Markdown table of
// pages written, wall time, CPU time (user+sys), pages per second and peak
// resident memory of the child. For zh-Hant + en it also measures a build
// into the output of an identical build, whose files are linked rather than
// written. For zh-Hant + zh-Hans + en it weighs the search index (files,
// compressed size, what the heaviest of sample queries loads) and the
// build's time without it. When a hugo binary is on PATH it builds the same
// report with Hugo (bench.HugoFiles), interleaved with reportsite, and prints
// both side by side (compareHugo). Then the real site, with an empty chart
// cache (cold) and again with the cache it filled (warm); and last how long
// `reportsite serve` takes to rebuild the real site, and a synthetic report
// of 1,000 sections (-serve-n), after an edit.
//
//	go run ./internal/bench/cmd -bin bin/reportsite            # make bench
//	go run ./internal/bench/cmd -bin bin/reportsite -n 10,100 -vs 100  # quicker
//	go run ./internal/bench/cmd -bin bin/reportsite -n "" -vs 1000 -vs-runs 3 -src ""  # Hugo only
//	go run ./internal/bench/cmd -bin bin/reportsite -charts-max 5000
//	go run ./internal/bench/cmd -write /tmp/site -n 1000       # just generate
//	go run ./internal/bench/cmd -write /tmp/hugo -write-hugo -n 1000
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"reportsite/internal/bench"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type variant struct {
	name     string
	derived  bool
	charts   bool
	noSearch bool
}

var variants = []variant{
	{"zh-Hant + en", false, false, false},
	{"zh-Hant + en + charts", false, true, false}, // #18: 100 charts at 1,000 sections cold
	{"+ zh-Hans", true, false, false},
	{"+ zh-Hans, -no-search", true, false, true},
	{"+ zh-Hans + charts", true, true, false},
}

// measure is one build's cost, as the child process reported it.
type measure struct {
	pages int
	wall  time.Duration
	cpu   time.Duration
	rssKB int64
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("bench", flag.ContinueOnError)
	fl.SetOutput(stderr)
	bin := fl.String("bin", "bin/reportsite", "reportsite binary to measure")
	ns := fl.String("n", "10,100,1000", "sections per language, comma-separated (\"\" for none)")
	vs := fl.String("vs", "100,1000,5000", "sections per language to build with both reportsite and Hugo, comma-separated (\"\" for none)")
	vsRuns := fl.Int("vs-runs", 5, "measured runs per side of the Hugo comparison, after one warm-up")
	hugo := fl.String("hugo", "hugo", "the Hugo binary of the comparison (go install github.com/gohugoio/hugo@"+hugoVersion+")")
	chartsMax := fl.Int("charts-max", 1000, "measure the chart variants only up to this many sections (cold chart rendering is slow)")
	src := fl.String("src", ".", "the real site's folder (\"\" to skip it)")
	runs := fl.Int("runs", 1, "builds per measurement; the fastest is reported")
	seed := fl.Uint64("seed", 1, "generator seed")
	write := fl.String("write", "", "only generate the first -n size into this folder and exit")
	writeHugo := fl.Bool("write-hugo", false, "with -write: generate the Hugo site of the comparison instead")
	derived := fl.Bool("derived", true, "with -write: add the derived zh-Hans")
	charts := fl.Bool("charts", true, "with -write: one chart per ten sections")
	keep := fl.Bool("keep", false, "keep the generated sites (their folder is printed)")
	edits := fl.Int("edits", 5, "edits of the real site under `reportsite serve` to time")
	serveN := fl.Int("serve-n", 1000, "also time the edits under `reportsite serve` on a synthetic report of this many sections per language (0 to skip)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	sizes, err := parseSizes(*ns)
	if err != nil {
		fmt.Fprintf(stderr, "bench: -n: %v\n", err)
		return 2
	}
	vsSizes, err := parseSizes(*vs)
	if err != nil {
		fmt.Fprintf(stderr, "bench: -vs: %v\n", err)
		return 2
	}
	if *write != "" {
		if len(sizes) == 0 {
			fmt.Fprintln(stderr, "bench: -write needs a size in -n")
			return 2
		}
		w := bench.Write
		if *writeHugo {
			w = func(dir string, cfg bench.Config) error { return bench.WriteHugo(dir, cfg, hansConverter()) }
		}
		if err := w(*write, bench.Config{Sections: sizes[0], Seed: *seed, Derived: *derived, Charts: *charts}); err != nil {
			fmt.Fprintf(stderr, "bench: %v\n", err)
			return 1
		}
		return 0
	}
	binPath, err := filepath.Abs(*bin)
	if err != nil {
		fmt.Fprintf(stderr, "bench: %v\n", err)
		return 2
	}
	tmp, err := os.MkdirTemp("", "reportsite-bench-")
	if err != nil {
		fmt.Fprintf(stderr, "bench: %v\n", err)
		return 1
	}
	if *keep {
		fmt.Fprintf(stderr, "bench: sites in %s\n", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	b := &bencher{bin: binPath, runs: max(*runs, 1), stderr: stderr}
	var searches []searchRow
	fmt.Fprintf(stdout, "reportsite build, %d CPU(s), %s, %s/%s; best of %d run(s); load average before: %s\n", runtime.NumCPU(), cpuModel(), runtime.GOOS, runtime.GOARCH, b.runs, loadAvg())
	fmt.Fprintln(stdout, "CPU is user+sys of the child; wall time includes waiting for a CPU when the machine is busy.")
	if len(sizes) > 0 {
		fmt.Fprintln(stdout)
		fmt.Fprintln(stdout, "| site | sections/lang | variant | pages | wall | CPU | pages/s | peak RSS |")
		fmt.Fprintln(stdout, "|---|---:|---|---:|---:|---:|---:|---:|")
	}
	for _, n := range sizes {
		for _, v := range variants {
			if v.charts && n > *chartsMax {
				continue
			}
			dir := filepath.Join(tmp, fmt.Sprintf("n%d-%s", n, slug(v.name)))
			if err := bench.Write(dir, bench.Config{Sections: n, Seed: *seed, Derived: v.derived, Charts: v.charts}); err != nil {
				fmt.Fprintf(stderr, "bench: %v\n", err)
				return 1
			}
			b.args = nil
			if v.noSearch {
				b.args = []string{"-no-search"}
			}
			if !v.charts {
				m, err := b.build(dir, "off")
				if err != nil {
					fmt.Fprintf(stderr, "bench: N=%d %s: %v\n", n, v.name, err)
					return 1
				}
				row(stdout, "synthetic", strconv.Itoa(n), v.name, m)
				if v.derived && !v.noSearch {
					st, err := measureSearch(b.last)
					if err != nil {
						fmt.Fprintf(stderr, "bench: N=%d %s: search index: %v\n", n, v.name, err)
						return 1
					}
					searches = append(searches, searchRow{n: n, st: st, with: m})
				}
				if v.noSearch && len(searches) > 0 && searches[len(searches)-1].n == n {
					searches[len(searches)-1].without = m
				}
				if !v.derived {
					m, err := b.again(dir, "off")
					if err != nil {
						fmt.Fprintf(stderr, "bench: N=%d %s, again: %v\n", n, v.name, err)
						return 1
					}
					row(stdout, "synthetic", strconv.Itoa(n), v.name+", again (output exists)", m)
				}
				continue
			}
			cold, warm, err := b.coldWarm(dir)
			if err != nil {
				fmt.Fprintf(stderr, "bench: N=%d %s: %v\n", n, v.name, err)
				return 1
			}
			row(stdout, "synthetic", strconv.Itoa(n), v.name+", cold", cold)
			row(stdout, "synthetic", strconv.Itoa(n), v.name+", warm", warm)
		}
	}
	printSearch(stdout, searches)
	if len(vsSizes) > 0 {
		if path, err := exec.LookPath(*hugo); err != nil {
			fmt.Fprintf(stdout, "\nNo Hugo comparison: %s is not on PATH (install it with `go install github.com/gohugoio/hugo@%s`).\n", *hugo, hugoVersion)
		} else if err := compareHugo(stdout, stderr, b, path, vsSizes, max(*vsRuns, 1), *seed, tmp); err != nil {
			fmt.Fprintf(stderr, "bench: Hugo comparison: %v\n", err)
			return 1
		}
	}
	if *src != "" {
		b.args = nil
		// Copy nothing: build the real site in place, into a temporary
		// output and cache, so the repository is left as it was.
		b.tmp = tmp
		cold, warm, err := b.coldWarm(*src)
		if err != nil {
			fmt.Fprintf(stderr, "bench: real site: %v\n", err)
			return 1
		}
		row(stdout, "real ("+*src+")", "-", "cold (empty chart cache)", cold)
		row(stdout, "real ("+*src+")", "-", "warm", warm)
		if st, err := measureSearch(b.last); err == nil {
			fmt.Fprintf(stdout, "\nSearch index of the real site: %d files, %s compressed; the heaviest of %d sample queries loads %s (%q on the %s page).\n",
				st.files, kb(st.total), st.queries, kb(st.heaviest), st.heaviestQ, st.heaviestL)
		}
		rs, err := serveRebuilds(context.Background(), b.bin, *src, tmp, "real", *edits)
		if err != nil {
			fmt.Fprintf(stderr, "bench: serve: %v\n", err)
			return 1
		}
		printRebuilds(stdout, "the real site", rs)
	}
	if *serveN > 0 {
		dir := filepath.Join(tmp, fmt.Sprintf("serve-src-%d", *serveN))
		if err := bench.Write(dir, bench.Config{Sections: *serveN, Seed: *seed}); err != nil {
			fmt.Fprintf(stderr, "bench: %v\n", err)
			return 1
		}
		rs, err := serveRebuilds(context.Background(), b.bin, dir, tmp, fmt.Sprintf("n%d", *serveN), *edits)
		if err != nil {
			fmt.Fprintf(stderr, "bench: serve at %d sections: %v\n", *serveN, err)
			return 1
		}
		printRebuilds(stdout, fmt.Sprintf("the synthetic report of %d sections per language (zh-Hant + en)", *serveN), rs)
	}
	return 0
}

func printRebuilds(w io.Writer, site string, rs []rebuild) {
	fmt.Fprintln(w)
	fmt.Fprintf(w, "`reportsite serve` on %s, one section file saved %d times; build is what the server logged for the files near the edit, reload is from the save to the reload event a browser gets (debounce included), all files is from the save until the pages that hold every section, the data and About pages and the search index are made again too (a request for one of them waits until then):\n\n", site, len(rs))
	fmt.Fprintln(w, "| edit | build | save → reload | save → all files |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|")
	for i, r := range rs {
		fmt.Fprintf(w, "| %d | %d ms | %d ms | %d ms |\n", i+1, r.build.Milliseconds(), r.reload.Milliseconds(), r.all.Milliseconds())
	}
}

type bencher struct {
	bin    string
	runs   int
	tmp    string // when set, outputs and caches go here instead of beside the site
	stderr io.Writer
	seq    int
	args   []string // more arguments of reportsite build
	last   string   // the output folder of the last build
}

func (b *bencher) scratch(dir, name string) string {
	b.seq++
	base := dir
	if b.tmp != "" {
		base = b.tmp
	}
	return filepath.Join(base, fmt.Sprintf(".bench-%s-%d", name, b.seq))
}

// coldWarm measures builds with an empty chart cache, then with the cache
// the first build filled.
func (b *bencher) coldWarm(dir string) (cold, warm measure, err error) {
	for i := range b.runs {
		cache := b.scratch(dir, "cache")
		m, err := b.once(dir, cache)
		if err != nil {
			return cold, warm, err
		}
		if i == 0 || m.wall < cold.wall {
			cold = m
		}
		if i == b.runs-1 {
			warm, err = b.build(dir, cache)
			if err != nil {
				return cold, warm, err
			}
		}
	}
	return cold, warm, nil
}

// build runs the binary b.runs times and returns the fastest run.
func (b *bencher) build(dir, cache string) (measure, error) {
	var best measure
	for i := range b.runs {
		m, err := b.once(dir, cache)
		if err != nil {
			return best, err
		}
		if i == 0 || m.wall < best.wall {
			best = m
		}
	}
	return best, nil
}

// Outputs are removed only when the bench ends: on some file systems
// (ext4 without a journal, as on the VMs this project runs on) creating files
// right after deleting thousands costs several times more, and a bench that
// deleted each output before the next build would measure that.
func (b *bencher) once(dir, cache string) (measure, error) {
	return b.into(dir, cache, b.scratch(dir, "public"))
}

// again builds the site once into a new output folder, then measures a
// second build into the same folder: the files that did not change are
// linked from the first build instead of written.
func (b *bencher) again(dir, cache string) (measure, error) {
	out := b.scratch(dir, "public")
	if _, err := b.into(dir, cache, out); err != nil {
		return measure{}, err
	}
	var best measure
	for i := range b.runs {
		m, err := b.into(dir, cache, out)
		if err != nil {
			return best, err
		}
		if i == 0 || m.wall < best.wall {
			best = m
		}
	}
	return best, nil
}

// into runs one build of dir into out.
func (b *bencher) into(dir, cache, out string) (measure, error) {
	cmd := exec.Command(b.bin, append([]string{"build", "-src", dir, "-out", out, "-cache", cache, "-q"}, b.args...)...)
	b.last = out
	return timed(cmd, out)
}

// timed runs a build command and measures it: wall and CPU time, peak
// RSS, and the pages it wrote into out.
func timed(cmd *exec.Cmd, out string) (measure, error) {
	var errBuf bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &errBuf
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return measure{}, fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, errBuf.Bytes())
	}
	ps := cmd.ProcessState
	m := measure{wall: wall, cpu: ps.UserTime() + ps.SystemTime(), rssKB: maxRSS(ps)}
	m.pages, err = countPages(out)
	return m, err
}

func countPages(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return nil
	})
	return n, err
}

func row(w io.Writer, site, n, variant string, m measure) {
	pps := float64(m.pages) / m.wall.Seconds()
	fmt.Fprintf(w, "| %s | %s | %s | %d | %s | %s | %.0f | %.0f MB |\n",
		site, n, variant, m.pages, secs(m.wall), secs(m.cpu), pps, float64(m.rssKB)/1024)
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func parseSizes(s string) ([]int, error) {
	var out []int
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 9999 {
			return nil, fmt.Errorf("%q is not a section count from 1 to 9999", f)
		}
		out = append(out, n)
	}
	return out, nil
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

// loadAvg returns the one-minute load average, since wall times on a shared
// machine mean little without it.
func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return "unknown"
	}
	return f[0]
}
