package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"reportsite/internal/addr"
	"reportsite/internal/bench"
	"reportsite/internal/diag"
	"reportsite/internal/publish"
	"reportsite/internal/render/figure"
	"reportsite/static"
	"reportsite/templates"
)

// sessionSite is a site whose files a test edits between builds: content/
// and the site's own templates/.
type sessionSite struct {
	content, overlay fstest.MapFS
	added            []string // IDs of the sections the test added
	undo             func()   // mends a broken edit, at the next step
}

func newSessionSite(t *testing.T, cfg bench.Config) *sessionSite {
	t.Helper()
	s := &sessionSite{content: fstest.MapFS{}, overlay: fstest.MapFS{}}
	for p, data := range bench.Files(cfg) {
		if rest, ok := strings.CutPrefix(p, "content/"); ok {
			s.content[rest] = &fstest.MapFile{Data: data, Mode: 0o644}
		}
	}
	s.overlay["static/pic.png"] = &fstest.MapFile{Data: onePixelPNG, Mode: 0o644}
	return s
}

// onePixelPNG is a valid 1×1 PNG.
var onePixelPNG = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

func (s *sessionSite) options() Options {
	return Options{Content: s.content, Overlay: s.overlay, Templates: templates.FS, Static: static.FS, Serve: true, Workers: 2}
}

// editFile changes the file p of fsys with fn; a file missing from fsys starts
// as the embedded default (a site's own template or i18n.toml).
func editFile(t *testing.T, fsys fstest.MapFS, p string, fn func(string) string) {
	t.Helper()
	f := fsys[p]
	if f == nil {
		data, err := fs.ReadFile(templates.FS, strings.TrimPrefix(p, "templates/"))
		if err != nil {
			t.Fatal(err)
		}
		f = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	fsys[p] = &fstest.MapFile{Data: []byte(fn(string(f.Data))), Mode: 0o644}
}

// sessionEdits are the kinds of edit the test makes, and whether the
// Session may build on its last build after one (an update) or must build
// afresh.
var sessionEdits = []struct {
	name   string
	update bool
	apply  func(t *testing.T, s *sessionSite, r *rand.Rand, step int)
}{
	{"section text", true, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		p := s.pick(r, "en/")
		editFile(t, s.content, p, func(src string) string {
			words := []string{"residents", "citizens", "people", "enterprises", "firms"}
			w := words[r.IntN(len(words))]
			return strings.Replace(src, w, words[r.IntN(len(words))], 1)
		})
	}},
	{"section text in the source of a derived language", true, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		p := s.pick(r, "zh-Hant/")
		editFile(t, s.content, p, func(src string) string {
			return strings.Replace(src, "群眾", "居民", 1)
		})
	}},
	{"section title", true, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		p := s.pick(r, "")
		editFile(t, s.content, p, func(src string) string {
			return regexp.MustCompile(`(?m)^title = "(.*)"$`).ReplaceAllString(src, fmt.Sprintf(`title = "${1} %d"`, step))
		})
	}},
	{"table title", true, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		p := s.pick(r, "data/")
		editFile(t, s.content, p, func(src string) string {
			return strings.Replace(src, `main indicators"`, fmt.Sprintf(`main indicators %d"`, step), 1)
		})
	}},
	{"a figure, in its table and the texts that state it", true, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		tp := s.pick(r, "data/")
		m := regexp.MustCompile(`(?m)^value = (\d+)$`).FindStringSubmatch(string(s.content[tp].Data))
		if m == nil {
			return
		}
		id := strings.TrimSuffix(strings.TrimPrefix(tp, "data/t"), ".toml")
		re := regexp.MustCompile(`\b` + m[1] + `\b`)
		to := fmt.Sprint(1000 + step)
		for _, p := range []string{tp, "en/" + id + "-s" + id + ".md", "zh-Hant/" + id + "-s" + id + ".md"} {
			editFile(t, s.content, p, func(src string) string { return re.ReplaceAllString(src, to) })
		}
	}},
	{"a table and a section at once", true, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		editFile(t, s.content, s.pick(r, "data/"), func(src string) string {
			return strings.Replace(src, `Indicator"`, fmt.Sprintf(`Indicator %d"`, step), 1)
		})
		editFile(t, s.content, s.pick(r, "en/"), func(src string) string {
			return strings.Replace(src, "growth", "development", 1)
		})
	}},
	{"a broken section", true, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		p := s.pick(r, "en/")
		orig := s.content[p]
		s.undo = func() { s.content[p] = orig }
		editFile(t, s.content, p, func(src string) string {
			return strings.Replace(src, "\n## ", "\n[a link to nowhere](nowhere.html)\n\n## ", 1)
		})
	}},
	{"an image from static/ shown", true, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		// The image is there from the start (newSessionSite): only the
		// section changes. (An image beside a section cannot be tried:
		// the parallel page links it from the other language's folder.)
		editFile(t, s.content, s.pick(r, "en/"), func(src string) string {
			return strings.Replace(src, "\n## ", "\n![A picture](../static/pic.png)\n\n## ", 1)
		})
	}},
	// Edits the checks judge: findings a Session keeps per file must be
	// made again when a file they read changes, and what compares files
	// (one quotation style per language) must see every file.
	{"a number in one language only", true, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		p := s.pick(r, "en/")
		orig := s.content[p]
		s.undo = func() { s.content[p] = orig }
		editFile(t, s.content, p, func(src string) string {
			return regexp.MustCompile(`(\d+) hazards`).ReplaceAllString(src, "${1}1 hazards")
		})
	}},
	{"an ASCII comma between Chinese characters", true, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		p := s.pick(r, "zh-Hant/")
		orig := s.content[p]
		s.undo = func() { s.content[p] = orig }
		editFile(t, s.content, p, inBody(func(src string) string { return strings.Replace(src, "，", ",", 1) }))
	}},
	{"curly quotes", true, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		editFile(t, s.content, s.pick(r, "en/"), inBody(func(src string) string {
			return strings.Replace(src, "residents", "“residents”", 1)
		}))
	}},
	{"straight quotes", true, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		p := s.pick(r, "en/")
		orig := s.content[p]
		s.undo = func() { s.content[p] = orig }
		editFile(t, s.content, p, inBody(func(src string) string { return strings.Replace(src, " and ", ` "and" `, 1) }))
	}},
	{"an allowance that excuses nothing", true, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		editFile(t, s.content, s.pick(r, "en/"), func(src string) string {
			if strings.Contains(src, "[[allow_numbers]]") {
				return strings.Replace(src, "[[allow_numbers]]\nvalue = \"777\"\nreason = \"a test\"\n", "", 1)
			}
			return strings.Replace(src, "\n+++\n", "\n[[allow_numbers]]\nvalue = \"777\"\nreason = \"a test\"\n+++\n", 1)
		})
	}},
	{"site.toml", false, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		editFile(t, s.content, "site.toml", func(src string) string {
			return regexp.MustCompile(`(?m)^title = \{ zh-Hant = "([^"]*)"`).ReplaceAllString(src, fmt.Sprintf(`title = { zh-Hant = "${1}%d"`, step))
		})
	}},
	{"i18n.toml", false, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		editFile(t, s.overlay, "templates/i18n.toml", func(src string) string {
			return strings.Replace(src, `"Full report`, fmt.Sprintf(`"Full report %d`, step), 1)
		})
	}},
	{"a template", false, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		editFile(t, s.overlay, "templates/section.html", func(src string) string {
			return strings.Replace(src, "{{", fmt.Sprintf("<!-- edit %d -->{{", step), 1)
		})
	}},
	{"a section added", false, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		id := fmt.Sprintf("%04d-added%d", 9000+step, step)
		s.content["zh-Hant/"+id+".md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"新增一節\"\nnumber = \"附、\"\n+++\n新增的段落。\n\n## （一）小節\n\n內容。\n")}
		s.content["en/"+id+".md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"An added section\"\nnumber = \"A. \"\n+++\nAn added paragraph.\n\n## (1) A subsection\n\nText.\n")}
		s.added = append(s.added, id)
	}},
	{"a section removed", false, func(t *testing.T, s *sessionSite, r *rand.Rand, step int) {
		if len(s.added) == 0 {
			return
		}
		i := r.IntN(len(s.added))
		delete(s.content, "zh-Hant/"+s.added[i]+".md")
		delete(s.content, "en/"+s.added[i]+".md")
		s.added = slices.Delete(s.added, i, i+1)
	}},
}

// inBody applies fn to the text after a section's front matter.
func inBody(fn func(string) string) func(string) string {
	return func(src string) string {
		i := strings.Index(src[3:], "+++") + 6
		return src[:i] + fn(src[i:])
	}
}

// pick returns the path of a random content file under dir ("" for a
// section file in any language) of those the generator made.
func (s *sessionSite) pick(r *rand.Rand, dir string) string {
	var ps []string
	for p := range s.content {
		if strings.HasPrefix(p, dir) && (strings.HasSuffix(p, ".toml") || strings.Contains(p, "-s")) && p != "site.toml" && !strings.HasPrefix(p, "zh-Hans/") {
			ps = append(ps, p)
		}
	}
	slices.Sort(ps)
	return ps[r.IntN(len(ps))]
}

// TestSessionMatchesBuild applies a random sequence of edits to a site (a
// section's text or title, a data table, a figure in its table and texts at
// once, site.toml, the interface strings, a template, a section added or
// removed, a broken link) and after each compares what a Session built with
// a fresh full Build of the same files, byte for byte: both fail, or both
// succeed with the same files. Section and table edits must have been
// builds on the last good build (updates), the rest full builds.
func TestSessionMatchesBuild(t *testing.T) {
	steps := 25
	if testing.Short() {
		steps = 12
	}
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			s := newSessionSite(t, bench.Config{Sections: 6, Seed: seed, Derived: true, Charts: true})
			sess := NewSession(s.options())
			r := rand.New(rand.NewPCG(seed, 7))
			ctx := context.Background()
			if _, err := sess.Build(ctx); err != nil {
				t.Fatalf("first build: %v", err)
			}
			var served publish.Output
			updates, fails := 0, 0
			lastOK, shown := true, false
			for step := 1; step <= steps; step++ {
				e := sessionEdits[r.IntN(len(sessionEdits))]
				if s.undo != nil {
					s.undo()
					s.undo = nil
				}
				e.apply(t, s, r, step)
				// Start is what the reload waits for: then every file but
				// those Late names must be final already.
				got, gerr := sess.Start(ctx)
				want, werr := Build(ctx, s.options())
				if gerr == nil && werr == nil {
					early := publish.Output{}
					for p, data := range got.Out {
						if !sess.Late(p) {
							early[p] = data
						}
					}
					final := publish.Output{}
					for p, data := range want.Out {
						if !sess.Late(p) {
							final[p] = data
						}
					}
					diffOutputs(t, fmt.Sprintf("step %d (%s), before Finish", step, e.name), early, final)
					if fin, err := sess.Finish(ctx); err != nil {
						gerr = err
					} else if fin != nil {
						got = fin
					}
				}
				if (gerr == nil) != (werr == nil) {
					t.Fatalf("step %d (%s): session error %v, full build error %v", step, e.name, gerr, werr)
				}
				diffDiags(t, fmt.Sprintf("step %d (%s)", step, e.name), got, gerr, want, werr)
				if werr != nil {
					t.Logf("step %d (%s): %v", step, e.name, werr)
					fails++
					lastOK = false
					continue
				}
				// Showing an image a section did not show before adds a
				// file to copy: a full build (render.ErrRenderAll).
				imageFirst := strings.HasPrefix(e.name, "an image") && !shown
				shown = shown || strings.HasPrefix(e.name, "an image")
				// After a failed build the Session builds on the last good
				// one when the failure came before rendering, else afresh.
				if wantDid := map[bool]string{true: "update", false: "full"}[e.update && !imageFirst]; sess.did != wantDid && sess.did != "none" && !(sess.did == "full" && !lastOK) {
					t.Errorf("step %d (%s): the session made a %s build, want %s", step, e.name, sess.did, wantDid)
				}
				if sess.did == "update" {
					updates++
				}
				lastOK = true
				diffOutputs(t, fmt.Sprintf("step %d (%s)", step, e.name), got.Out, want.Out)
				served = got.Out
			}
			if updates < steps/4 || served == nil {
				t.Errorf("%d updates and %d failed builds in %d steps: the edits hardly exercise the session", updates, fails, steps)
			}
			t.Logf("%d steps: %d updates, %d failed builds", steps, updates, fails)
		})
	}
}

// diffDiags fails t when a Session's build and a full one report other
// problems (errors and warnings), each named from the site folder.
func diffDiags(t *testing.T, what string, got *Result, gerr error, want *Result, werr error) {
	t.Helper()
	list := func(res *Result, err error) string {
		var ds []diag.Diag
		var le *diag.ListError
		if errors.As(err, &le) {
			ds = le.Diags
		} else if res != nil {
			ds = res.Diags
		}
		var b strings.Builder
		for _, d := range ds {
			fmt.Fprintln(&b, d)
		}
		return b.String()
	}
	if g, w := list(got, gerr), list(want, werr); g != w {
		t.Fatalf("%s: the session reports\n%s\na full build\n%s", what, g, w)
	}
}

// diffOutputs fails t when got and want differ in any file.
func diffOutputs(t *testing.T, what string, got, want publish.Output) {
	t.Helper()
	n := 0
	for _, p := range want.Paths() {
		g, ok := got[p]
		switch {
		case !ok:
			t.Errorf("%s: %s missing from the session's output", what, p)
		case !bytes.Equal(g, want[p]):
			t.Errorf("%s: %s differs from a full build:\n%s", what, p, firstDiff(g, want[p]))
		default:
			continue
		}
		if n++; n >= 5 {
			t.FailNow()
		}
	}
	for _, p := range got.Paths() {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s is in the session's output, not in a full build's", what, p)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
}

// firstDiff shows where got and want first differ.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	at := func(b []byte) string { return string(b[max(i-80, 0):min(i+80, len(b))]) }
	return fmt.Sprintf("  got  …%s…\n  want …%s…", at(got), at(want))
}

// BenchmarkSessionEdit is the save → rebuild loop of `reportsite serve` on
// a synthetic report: one section's text edited, then the Session's build:
// Start (what the reload waits for) and Finish.
//
//	go test ./internal/site -run '^$' -bench SessionEdit -benchtime 5x
func BenchmarkSessionEdit(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			s := &sessionSite{content: fstest.MapFS{}, overlay: fstest.MapFS{}}
			for p, data := range bench.Files(bench.Config{Sections: n, Seed: 1}) {
				if rest, ok := strings.CutPrefix(p, "content/"); ok {
					s.content[rest] = &fstest.MapFile{Data: data, Mode: 0o644}
				}
			}
			opt := s.options()
			opt.Workers = 0
			sess := NewSession(opt)
			if _, err := sess.Build(context.Background()); err != nil {
				b.Fatal(err)
			}
			p := fmt.Sprintf("en/%04d-s%04d.md", n/2, n/2)
			benchEdits(b, s, sess, p)
		})
	}
}

// TestSessionMatchesBuildReal is TestSessionMatchesBuild on the real
// report, whose tables are shown, charted and stated across sections:
// section titles and texts and table titles edited at random, each build
// compared with a fresh full one.
func TestSessionMatchesBuildReal(t *testing.T) {
	s := &sessionSite{content: fstest.MapFS{}, overlay: fstest.MapFS{}}
	root := os.DirFS("../..")
	err := fs.WalkDir(root, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		s.content[strings.TrimPrefix(p, "content/")] = &fstest.MapFile{Data: data, Mode: 0o644}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	opt := s.options()
	opt.Root = root
	sess := NewSession(opt)
	ctx := context.Background()
	if _, err := sess.Build(ctx); err != nil {
		t.Fatalf("first build: %v", err)
	}
	r := rand.New(rand.NewPCG(3, 7))
	pick := func(dir, suffix string) string {
		var ps []string
		for p := range s.content {
			if strings.HasPrefix(p, dir) && strings.HasSuffix(p, suffix) {
				ps = append(ps, p)
			}
		}
		slices.Sort(ps)
		return ps[r.IntN(len(ps))]
	}
	steps, updates := 10, 0
	if testing.Short() {
		steps = 5
	}
	for step := 1; step <= steps; step++ {
		var what string
		switch r.IntN(4) {
		case 3:
			what = "a sentence the seed does not have, in the original"
			editFile(t, s.content, pick("zh-Hant/", ".md"), inBody(func(src string) string {
				return strings.Replace(src, "。", "。這是新增的一句話。", 1)
			}))
		case 0:
			what = "section title" // in English: the Chinese must match its seed
			editFile(t, s.content, pick("en/", ".md"), func(src string) string {
				return regexp.MustCompile(`(?m)^title = "(.*)"$`).ReplaceAllString(src, fmt.Sprintf(`title = "${1} %d"`, step))
			})
		case 1:
			what = "section text"
			editFile(t, s.content, pick("en/", ".md"), func(src string) string {
				return strings.Replace(src, ". ", fmt.Sprintf(". Edit %d. ", step), 1)
			})
		default:
			what = "table title"
			editFile(t, s.content, pick("data/", ".toml"), func(src string) string {
				return regexp.MustCompile(`(?m)^(title = \{.*en = ")`).ReplaceAllString(src, fmt.Sprintf(`${1}Edit %d: `, step))
			})
		}
		got, gerr := sess.Build(ctx)
		want, werr := Build(ctx, opt)
		if (gerr == nil) != (werr == nil) {
			t.Fatalf("step %d (%s): session error %v, full build error %v", step, what, gerr, werr)
		}
		diffDiags(t, fmt.Sprintf("step %d (%s)", step, what), got, gerr, want, werr)
		if werr != nil {
			t.Logf("step %d (%s): %v", step, what, werr)
			continue
		}
		if sess.did == "update" {
			updates++
		}
		diffOutputs(t, fmt.Sprintf("step %d (%s)", step, what), got.Out, want.Out)
	}
	if updates < steps/2 {
		t.Errorf("%d updates in %d steps: the edits hardly exercise the session", updates, steps)
	}
}

// BenchmarkSessionEditReal is BenchmarkSessionEdit on the real report, its
// charts drawn from a warm cache.
func BenchmarkSessionEditReal(b *testing.B) {
	ec, err := figure.NewECharts(b.TempDir(), 0)
	if err != nil {
		b.Fatal(err)
	}
	charts := ec.Func()
	s := &sessionSite{content: fstest.MapFS{}, overlay: fstest.MapFS{}}
	root := os.DirFS("../..")
	err = fs.WalkDir(root, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		s.content[strings.TrimPrefix(p, "content/")] = &fstest.MapFile{Data: data, Mode: 0o644}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	opt := s.options()
	opt.Root, opt.Charts, opt.Workers = root, charts, 0
	sess := NewSession(opt)
	if _, err := sess.Build(context.Background()); err != nil {
		b.Fatal(err)
	}
	var p string
	for q := range s.content {
		if strings.HasPrefix(q, "en/01-") {
			p = q
		}
	}
	benchEdits(b, s, sess, p)
}

// benchEdits times the Session's update after section file p is saved,
// changed and back again in turn: Start (what the reload waits for) and
// Finish, in milliseconds per edit, and the CPU time of the whole process
// during Start (every goroutine, the collector's included), which a busy
// machine does not inflate as it does wall time.
func benchEdits(b *testing.B, s *sessionSite, sess *Session, p string) {
	orig := s.content[p].Data
	i := 0
	var start, finish, cpu time.Duration
	for b.Loop() {
		data := orig
		if i++; i%2 == 1 {
			data = append(slices.Clone(orig), '\n', 'x', '\n')
		}
		s.content[p] = &fstest.MapFile{Data: data, Mode: 0o644}
		t0, c0 := time.Now(), processCPU()
		sess.Hint([]string{addr.Content + "/" + p}) // as the server's watcher does
		if _, err := sess.Start(context.Background()); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		cpu += processCPU() - c0
		if _, err := sess.Finish(context.Background()); err != nil {
			b.Fatal(err)
		}
		start, finish = start+t1.Sub(t0), finish+time.Since(t1)
		if sess.did != "update" {
			b.Fatalf("a %s build, want an update", sess.did)
		}
	}
	b.ReportMetric(float64(start.Microseconds())/1000/float64(i), "start-ms/op")
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(i), "start-cpu-ms/op")
	b.ReportMetric(float64(finish.Microseconds())/1000/float64(i), "finish-ms/op")
}

// TestSessionChecksFollowEdits makes edits the checks judge across files,
// one after another, on a Session's updates, and compares each build with a
// full one, problems included: a quotation style set by one section and
// broken by another, then mended; a translation's number changed and
// restored. The Session keeps each section's findings (check.Memo): a
// finding kept past an edit of a file it read shows here as a problem
// reported, or missed, that a full build does not.
func TestSessionChecksFollowEdits(t *testing.T) {
	s := newSessionSite(t, bench.Config{Sections: 4, Seed: 1, Derived: true})
	sess := NewSession(s.options())
	ctx := context.Background()
	if _, err := sess.Build(ctx); err != nil {
		t.Fatalf("first build: %v", err)
	}
	quote := func(p, q string) func() {
		return func() {
			editFile(t, s.content, p, inBody(func(src string) string { return strings.Replace(src, "residents", q, 1) }))
		}
	}
	unquote := func(p string) func() {
		return func() {
			editFile(t, s.content, p, func(src string) string {
				return strings.NewReplacer("“residents”", "residents", `"residents"`, "residents").Replace(src)
			})
		}
	}
	number := func(p, from, to string) func() {
		return func() {
			editFile(t, s.content, p, inBody(func(src string) string { return strings.Replace(src, from, to, 1) }))
		}
	}
	a, b, c := "en/0001-s0001.md", "en/0002-s0002.md", "en/0003-s0003.md"
	za, zb, td := "zh-Hant/0001-s0001.md", "zh-Hant/0002-s0002.md", "data/t0003.toml"
	chart := "\n[[charts]]\nid = \"extra\"\ntype = \"bar\"\ncategory = \"item\"\nvalues = [\"value\"]\n" +
		"title = { zh-Hant = \"指標\", en = \"Indicators\" }\n"
	// appendTo adds text to the end of file p, and replaces from with to in it.
	appendTo := func(p, text, from, to string) func() {
		return func() {
			editFile(t, s.content, p, func(src string) string { return strings.Replace(src, from, to, 1) + text })
		}
	}
	both := func(f, g func()) func() { return func() { f(); g() } }
	n := regexp.MustCompile(`\d+ hazards`).FindString(string(s.content[c].Data))
	// The first figure of the third section's table, as its original states it.
	zc := "zh-Hant/0003-s0003.md"
	fig := regexp.MustCompile(`主要指標：[^0-9]*\d+`).FindString(string(s.content[zc].Data))
	for i, st := range []struct {
		name string
		edit func()
		err  string // in the error, or "" for a good build
	}{
		{"curly quotes in the first section", quote(a, "“residents”"), ""},
		{"straight quotes in the second", quote(b, `"residents"`), "straight quotes \"…\" in en text, which uses curly quotes “…” (first at en/0001-s0001.md:"},
		{"the first section's quotes removed", unquote(a), ""},
		{"curly quotes in the third", quote(c, "“residents”"), "curly quotes “…” in en text, which uses straight quotes \"…\" (first at en/0002-s0002.md:"},
		{"the second section's quotes removed", unquote(b), ""},
		{"a number of the third section's translation changed", number(c, n, "9"+n), "is not in zh-Hant/0003-s0003.md"},
		{"and restored", number(c, "9"+n, n), ""},
		{"a figure of the third section's table changed in its original", number(zc, fig, fig+"0"), "not found in section 0003-s0003"},
		{"and restored", number(zc, fig+"0", fig), ""},
		// Links check where they lead: a link's finding must be made
		// again when the section it names changes.
		{"a link in the first section to the second's third heading", number(a, "\n## ", "\nSee [its third part](s0002.html#h-3).\n\n## "), ""},
		{"the second section's third heading made a paragraph, in both languages", both(number(b, "\n## (3) ", "\n(3) "), number(zb, "\n## （三）", "\n（三）")),
			`link "s0002.html#h-3": no anchor "h-3" in section 0002-s0002`},
		{"and restored", both(number(b, "\n(3) ", "\n## (3) "), number(zb, "\n（三）", "\n## （三）")), ""},
		{"a link in the third section to the full report's copy of the heading", number(c, "\n## ", "\nSee [the report](report.html#s-s0002-h-3).\n\n## "), ""},
		{"the heading made a paragraph again", both(number(b, "\n## (3) ", "\n(3) "), number(zb, "\n## （三）", "\n（三）")),
			`link "report.html#s-s0002-h-3": no anchor "s-s0002-h-3" on en/report.html`},
		{"and restored again", both(number(b, "\n(3) ", "\n## (3) "), number(zb, "\n（三）", "\n## （三）")), ""},
		// A section's charts must be defined: its finding must be made
		// again when a table changes.
		{"a chart declared in the third section's table, shown in the first", both(appendTo(td, chart, "", ""),
			both(number(a, "\n## ", "\n```chart extra\n```\n\n## "), number(za, "\n## ", "\n```chart extra\n```\n\n## "))), ""},
		{"the chart's ID changed in the table", appendTo(td, "", `id = "extra"`, `id = "extra2"`), `chart "extra" not found`},
		{"and restored", appendTo(td, "", `id = "extra2"`, `id = "extra"`), ""},
	} {
		st.edit()
		got, gerr := sess.Build(ctx)
		want, werr := Build(ctx, s.options())
		what := fmt.Sprintf("edit %d (%s)", i+1, st.name)
		if (gerr == nil) != (werr == nil) {
			t.Fatalf("%s: session error %v, full build error %v", what, gerr, werr)
		}
		diffDiags(t, what, got, gerr, want, werr)
		if st.err == "" && werr != nil || st.err != "" && (werr == nil || !strings.Contains(werr.Error(), st.err)) {
			t.Fatalf("%s: the build says %v, want an error with %q", what, werr, st.err)
		}
		if sess.did == "full" {
			t.Errorf("%s: a full build, want an update", what)
		}
		if werr == nil {
			diffOutputs(t, what, got.Out, want.Out)
		}
	}
}

// TestSessionHint builds after edits with hints that name the changed
// files, and with hints that leave one out: each build on a full hint
// matches a full build; a change the hint left out is built by the build
// after the next Finish, which looks at every file.
func TestSessionHint(t *testing.T) {
	s := newSessionSite(t, bench.Config{Sections: 4, Seed: 1, Derived: true})
	sess := NewSession(s.options())
	ctx := context.Background()
	if _, err := sess.Build(ctx); err != nil {
		t.Fatalf("first build: %v", err)
	}
	edit := func(p, from, to string) {
		editFile(t, s.content, p, inBody(func(src string) string { return strings.Replace(src, from, to, 1) }))
	}
	build := func(what string, hint ...string) (*Result, error) {
		t.Helper()
		sess.Hint(hint)
		got, err := sess.Start(ctx)
		if err != nil {
			return got, err
		}
		if fin, err := sess.Finish(ctx); err != nil {
			return fin, err
		} else if fin != nil {
			got = fin
		}
		return got, nil
	}
	same := func(what string, got *Result, gerr error) {
		t.Helper()
		want, werr := Build(ctx, s.options())
		if (gerr == nil) != (werr == nil) {
			t.Fatalf("%s: session error %v, full build error %v", what, gerr, werr)
		}
		diffDiags(t, what, got, gerr, want, werr)
		if werr == nil {
			diffOutputs(t, what, got.Out, want.Out)
		}
	}
	a, b := "en/0001-s0001.md", "en/0002-s0002.md"
	edit(a, "residents", "citizens")
	got, err := build("a hinted edit", "content/"+a, "content/en/.tmp-gone.md")
	same("a hinted edit", got, err)
	if sess.did != "update" {
		t.Errorf("a hinted edit: a %s build, want an update", sess.did)
	}

	edit(a, "citizens", "residents")
	edit(b, "residents", "citizens")
	got, err = build("two edits, one hinted", "content/"+a)
	if err != nil {
		t.Fatal(err)
	}
	if !sess.unsure {
		t.Fatalf("two edits, one hinted: Finish did not notice the edit the hint left out")
	}
	got, err = build("the next build")
	same("the build after an edit the hint left out", got, err)

	// A broken edit, hinted; then another edit, hinted alone: the build
	// still reads the first file again.
	edit(a, "\n## ", "\n[a link to nowhere](nowhere.html)\n\n## ")
	if _, err := build("a broken edit", "content/"+a); err == nil {
		t.Fatal("a broken edit built")
	}
	edit(a, "\n[a link to nowhere](nowhere.html)\n\n## ", "\nA paragraph added.\n\n## ")
	edit(b, "citizens", "people")
	got, err = build("the broken file mended, another edited", "content/"+b)
	same("the broken file mended, another edited", got, err)
	if sess.did != "update" {
		t.Errorf("after a broken edit: a %s build, want an update", sess.did)
	}
}
