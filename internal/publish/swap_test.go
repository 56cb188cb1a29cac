package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// Two versions of a small output: new changes a file, drops one and adds
// one, in folders of its own.
var (
	oldTree = Output{
		"index.html":       []byte("<p>old index"),
		"en/a.html":        []byte("<p>same in both"),
		"en/b.html":        []byte("<p>old b"),
		"en/data/x.csv":    []byte("a,b\n1,2\n"),
		"static/site.css":  []byte("body{}"),
		"zh-hant/gone.txt": []byte("only in the old tree"),
	}
	newTree = Output{
		"index.html":      []byte("<p>new index"),
		"en/a.html":       []byte("<p>same in both"),
		"en/b.html":       []byte("<p>new b"),
		"en/data/x.csv":   []byte("a,b\n1,3\n"),
		"static/site.css": []byte("body{}"),
		"zh-hans/new.txt": []byte("only in the new tree"),
	}
)

// readTree returns every file under dir, path → content, with the type of
// anything that is not a regular file or folder.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.IsDir():
		case d.Type().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			got[filepath.ToSlash(rel)] = string(b)
		default:
			got[filepath.ToSlash(rel)] = "(" + d.Type().String() + ")"
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// treeIs reports whether dir holds exactly out and the marker.
func treeIs(t *testing.T, dir string, out Output) bool {
	got := readTree(t, dir)
	if len(got) != len(out)+1 || got[OutputMarker] != markerText {
		return false
	}
	for p, b := range out {
		if got[p] != string(b) {
			return false
		}
	}
	return true
}

// leftovers lists what is beside dir other than dir and its lock file.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Name() != filepath.Base(dir) && e.Name() != "."+filepath.Base(dir)+".lock" {
			out = append(out, e.Name())
		}
	}
	return out
}

// crashEnv names the step at which the child process of
// TestCrashAtEveryStep kills itself, and the output folder.
const crashEnv, crashDirEnv = "REPORTSITE_TEST_CRASH_AT", "REPORTSITE_TEST_CRASH_DIR"

// TestCrashAtEveryStep kills a write of newTree over oldTree at each of its
// steps in turn: the process exits on the spot, running no deferred clean-up,
// as a killed build would. After every kill the output folder must hold the
// complete old tree (killed before the exchange) or the complete new one
// (after it), and the next write must remove every leftover.
func TestCrashAtEveryStep(t *testing.T) {
	if n := os.Getenv(crashEnv); n != "" {
		crashChild(n)
		return
	}
	if testing.Short() {
		t.Skip("runs a child process per step")
	}
	var steps []string
	swapped := false
	for n := 1; ; n++ {
		dir := filepath.Join(t.TempDir(), "public")
		if err := write(oldTree, dir, "", nil); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashAtEveryStep$")
		cmd.Env = append(os.Environ(), crashEnv+"="+strconv.Itoa(n), crashDirEnv+"="+dir)
		out, err := cmd.Output()
		var ee *exec.ExitError
		if err == nil {
			break // the write finished before step n: every step was tried
		}
		if !errors.As(err, &ee) || ee.ExitCode() != 3 {
			t.Fatalf("child at step %d: %v\n%s", n, err, out)
		}
		step := strings.TrimSpace(string(out))
		steps = append(steps, step)
		if step == "sync-parent" {
			swapped = true
		}
		switch {
		case !swapped && !treeIs(t, dir, oldTree):
			t.Errorf("killed before %q: output is not the complete old tree: %v", step, readTree(t, dir))
		case swapped && !treeIs(t, dir, newTree):
			t.Errorf("killed before %q: output is not the complete new tree: %v", step, readTree(t, dir))
		}
		if err := write(newTree, dir, "", nil); err != nil {
			t.Fatalf("write after a kill before %q: %v", step, err)
		}
		if !treeIs(t, dir, newTree) {
			t.Errorf("write after a kill before %q: output is not the new tree", step)
		}
		if l := leftovers(t, dir); len(l) > 0 {
			t.Errorf("write after a kill before %q left %v", step, l)
		}
	}
	want := []string{"lock", "clean", "mkdir", "put en/a.html", "marker", "sync", "swap", "sync-parent", "remove-old"}
	for _, w := range want {
		found := false
		for _, s := range steps {
			found = found || s == w
		}
		if !found {
			t.Errorf("no kill before step %q; steps: %v", w, steps)
		}
	}
	if len(steps) != len(want)-1+len(newTree) {
		t.Errorf("killed at %d steps %v, want %d", len(steps), steps, len(want)-1+len(newTree))
	}
}

// crashChild writes newTree and exits with status 3 at step n, printing it.
func crashChild(n string) {
	at, _ := strconv.Atoi(n)
	calls := 0
	err := write(newTree, os.Getenv(crashDirEnv), "", func(step string) error {
		calls++
		if calls == at {
			fmt.Println(step)
			os.Exit(3)
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	os.Exit(0)
}

// TestFailAtEveryStep makes each step of a write fail in turn: the write
// reports the error and the output holds the old tree, or, when the failure
// comes after the exchange, the new one; nothing is left beside it once the
// next write is done.
func TestFailAtEveryStep(t *testing.T) {
	errInjected := errors.New("injected")
	for n := 1; ; n++ {
		dir := filepath.Join(t.TempDir(), "public")
		if err := write(oldTree, dir, "", nil); err != nil {
			t.Fatal(err)
		}
		calls, step := 0, ""
		err := write(newTree, dir, "", func(s string) error {
			calls++
			if calls == n {
				step = s
				return errInjected
			}
			return nil
		})
		if step == "" {
			break
		}
		afterSwap := step == "sync-parent" || step == "remove-old"
		switch {
		case afterSwap && err != nil:
			t.Errorf("failure before %q, after the exchange: write = %v, want nil", step, err)
		case !afterSwap && !errors.Is(err, errInjected):
			t.Errorf("failure before %q: write = %v, want the injected error", step, err)
		case afterSwap && !treeIs(t, dir, newTree):
			t.Errorf("failure before %q: output is not the new tree", step)
		case !afterSwap && !treeIs(t, dir, oldTree):
			t.Errorf("failure before %q: output is not the old tree: %v", step, readTree(t, dir))
		}
		if l := leftovers(t, dir); !afterSwap && len(l) > 0 {
			t.Errorf("failure before %q left %v", step, l)
		}
		if err := write(newTree, dir, "", nil); err != nil || !treeIs(t, dir, newTree) {
			t.Errorf("write after a failure before %q: %v", step, err)
		}
		if l := leftovers(t, dir); len(l) > 0 {
			t.Errorf("write after a failure before %q left %v", step, l)
		}
	}
}

// TestOutputOwnership checks which folders a build may replace, and that a
// refused one is left exactly as it was.
func TestOutputOwnership(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, parent string) (out, src string)
		want  string // "" when the write must succeed
	}{
		{"missing", func(t *testing.T, p string) (string, string) { return p + "/public", "" }, ""},
		{"missing parent", func(t *testing.T, p string) (string, string) { return p + "/a/b/public", "" }, ""},
		{"empty", func(t *testing.T, p string) (string, string) {
			mkdir(t, p+"/public")
			return p + "/public", ""
		}, ""},
		{"earlier output", func(t *testing.T, p string) (string, string) {
			put(t, p+"/public/"+OutputMarker, markerText)
			put(t, p+"/public/en/old.html", "x")
			return p + "/public", ""
		}, ""},
		{"output of a build before the marker", func(t *testing.T, p string) (string, string) {
			put(t, p+"/public/sw.js", legacySW+": keeps the whole site readable offline\n")
			put(t, p+"/public/index.html", "x")
			return p + "/public", ""
		}, ""},
		{"folder of other files", func(t *testing.T, p string) (string, string) {
			put(t, p+"/docs/thesis.tex", "years of work")
			return p + "/docs", ""
		}, "holds files that reportsite did not make (thesis.tex, and no .reportsite-output marker)"},
		{"sw.js of someone else", func(t *testing.T, p string) (string, string) {
			put(t, p+"/app/sw.js", "self.addEventListener('fetch', f)")
			return p + "/app", ""
		}, "holds files that reportsite did not make"},
		{"marker that is a link", func(t *testing.T, p string) (string, string) {
			put(t, p+"/elsewhere", markerText)
			put(t, p+"/docs/notes.txt", "mine")
			symlink(t, p+"/elsewhere", p+"/docs/"+OutputMarker)
			return p + "/docs", ""
		}, "holds files that reportsite did not make"},
		{"file", func(t *testing.T, p string) (string, string) {
			put(t, p+"/report.pdf", "%PDF")
			return p + "/report.pdf", ""
		}, "is a file, not a folder"},
		{"symbolic link", func(t *testing.T, p string) (string, string) {
			put(t, p+"/real/"+OutputMarker, markerText)
			symlink(t, p+"/real", p+"/public")
			return p + "/public", ""
		}, "is a symbolic link (to "},
		{"the site folder", func(t *testing.T, p string) (string, string) {
			put(t, p+"/site/content/site.toml", "x")
			put(t, p+"/site/"+OutputMarker, markerText)
			return p + "/site", p + "/site"
		}, "is the site folder itself"},
		{"the site folder by another name", func(t *testing.T, p string) (string, string) {
			put(t, p+"/site/content/site.toml", "x")
			symlink(t, p+"/site", p+"/alias")
			return p + "/site/../site", p + "/alias"
		}, "is the site folder itself"},
		{"a parent of the site folder", func(t *testing.T, p string) (string, string) {
			put(t, p+"/work/site/content/site.toml", "x")
			put(t, p+"/work/"+OutputMarker, markerText)
			return p + "/work", p + "/work/site"
		}, "holds the site folder"},
		{"inside the site's static folder", func(t *testing.T, p string) (string, string) {
			put(t, p+"/site/content/site.toml", "x")
			return p + "/site/static/out", p + "/site"
		}, "is inside the site's static/ folder"},
		{"the site's content folder", func(t *testing.T, p string) (string, string) {
			put(t, p+"/site/content/site.toml", "x")
			return p + "/site/content", p + "/site"
		}, "is inside the site's content/ folder"},
		{"inside the site folder", func(t *testing.T, p string) (string, string) {
			put(t, p+"/site/content/site.toml", "x")
			return p + "/site/public", p + "/site"
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			out, src := tc.setup(t, parent)
			before := readTree(t, parent)
			err := write(newTree, out, src, nil)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("write = %v, want success", err)
				}
				if !treeIs(t, out, newTree) {
					t.Errorf("output is not the new tree")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "pass -out") {
				t.Fatalf("write = %v, want an error containing %q and what to do", err, tc.want)
			}
			after := readTree(t, parent)
			delete(after, "."+filepath.Base(out)+".lock")
			if fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("a refused write changed the folder:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

func put(t *testing.T, name, data string) {
	t.Helper()
	mkdir(t, filepath.Dir(name))
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, name string) {
	t.Helper()
	if err := os.MkdirAll(name, 0o755); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// TestExchange checks both ways of swapping two folders: the system's
// atomic exchange and the three renames used where there is none.
func TestExchange(t *testing.T) {
	for name, swap := range map[string]func(a, b string) error{"exchange": exchange, "renameExchange": renameExchange} {
		t.Run(name, func(t *testing.T) {
			p := t.TempDir()
			put(t, p+"/a/x", "new")
			put(t, p+"/b/x", "old")
			if err := swap(p+"/a", p+"/b"); err != nil {
				t.Fatal(err)
			}
			got := readTree(t, p)
			if got["a/x"] != "old" || got["b/x"] != "new" || len(got) != 2 {
				t.Errorf("after the swap: %v", got)
			}
		})
	}
}

// write puts out into dir atomically through a Dir, as a build does; step
// is the test hook (see Dir.step).
func write(out Output, dir, src string, step func(string) error) error {
	d, err := newDir(dir, src, step)
	if err != nil {
		return err
	}
	for _, p := range out.Paths() {
		if err := d.Put(p, out[p]); err != nil {
			d.Abort()
			return err
		}
	}
	return d.Commit()
}
