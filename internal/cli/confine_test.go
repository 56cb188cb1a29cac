package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestConfinement checks that build, check and archive read nothing outside
// the site folder: each symbolic link that leads out of it (to a secret
// beside the site, to /proc/self/environ, to a folder) is refused with an
// error naming the link and its target, the secret is neither published
// nor echoed, and the output is not written. A relative link that stays
// inside the site is followed.
func TestConfinement(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	const secret = "TOKEN=hunter2"
	for _, tc := range []struct {
		name     string
		link     string // the link, from the site folder
		target   func(site, outside string) string
		commands []string // the commands that must refuse it
	}{
		{"static file to the environment", "static/env", func(s, o string) string { return "/proc/self/environ" }, []string{"build", "check", "archive"}},
		{"static file, relative", "static/leak.txt", func(s, o string) string { return "../../outside/secret.txt" }, []string{"build", "check", "archive"}},
		{"static folder", "static/more", func(s, o string) string { return o }, []string{"build", "check", "archive"}},
		{"static itself", "static", func(s, o string) string { return o }, []string{"build", "check", "archive"}},
		{"template", "templates/section.html", func(s, o string) string { return filepath.Join(o, "secret.txt") }, []string{"build", "check", "archive"}},
		{"section file", "content/en/01-economy.md", func(s, o string) string { return filepath.Join(o, "01-economy.md") }, []string{"build", "check", "archive"}},
		{"data file", "content/data/economy.toml", func(s, o string) string { return filepath.Join(o, "economy.toml") }, []string{"build", "check", "archive"}},
		{"data file to a secret", "content/data/economy.toml", func(s, o string) string { return filepath.Join(o, "secret.txt") }, []string{"build", "check", "archive"}},
		{"data folder", "content/data", func(s, o string) string { return o }, []string{"build", "check", "archive"}},
		{"glossary", "content/glossary.toml", func(s, o string) string { return filepath.Join(o, "secret.txt") }, []string{"build", "check", "archive"}},
		{"seed", "seeds/seed.txt", func(s, o string) string { return filepath.Join(o, "secret.txt") }, []string{"build", "check", "archive"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			top := t.TempDir()
			dir := copyMiniTo(t, filepath.Join(top, "site"), "", "", "")
			if tc.name == "seed" {
				dir = copyMiniTo(t, filepath.Join(top, "site"), "content/site.toml", `url = "https://example.org/report.htm"`, "url = \"https://example.org/report.htm\"\nseed = \"seeds/seed.txt\"")
			}
			outside := filepath.Join(top, "outside")
			// The outside folder holds valid copies, so that only the link
			// can be what stops the build.
			for _, f := range []string{"content/en/01-economy.md", "content/data/economy.toml"} {
				b, err := os.ReadFile(filepath.Join(dir, f))
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Join(outside, filepath.Base(f)), string(b))
			}
			writeFile(t, filepath.Join(outside, "secret.txt"), secret)
			writeFile(t, filepath.Join(dir, "seeds", "seed.txt"), "seed")
			link := filepath.Join(dir, filepath.FromSlash(tc.link))
			os.RemoveAll(link)
			os.MkdirAll(filepath.Dir(link), 0o755)
			target := tc.target(dir, outside)
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}
			for _, cmd := range []string{"build", "check", "archive"} {
				refuse := strings.Contains(strings.Join(tc.commands, " "), cmd)
				args := []string{cmd, "-src", dir}
				if cmd != "check" {
					args = append(args, "-cache", "off")
				}
				var out, errb bytes.Buffer
				code := Run(context.Background(), args, &out, &errb)
				if !refuse {
					if code != ExitOK {
						t.Errorf("%s = %d, want ok; stderr:\n%s", cmd, code, errb.String())
					}
					continue
				}
				want := tc.link + " is a symbolic link to " + target + ", outside the site folder"
				if cmd != "archive" && strings.HasPrefix(tc.link, "static/") && !strings.Contains(errb.String(), filepath.ToSlash(filepath.Join(dir, tc.link))+": cannot read") {
					t.Errorf("%s: the problem is not reported at %s:\n%s", cmd, filepath.Join(dir, tc.link), errb.String())
				}
				if code == ExitOK || !strings.Contains(errb.String(), want) {
					t.Errorf("%s = %d, stderr:\n%s\nwant an error containing %q", cmd, code, errb.String(), want)
				}
				if strings.Contains(errb.String()+out.String(), "hunter2") {
					t.Errorf("%s echoed the secret:\n%s", cmd, errb.String())
				}
			}
			for _, o := range []string{"public", "dist"} {
				if _, err := os.Stat(filepath.Join(dir, o)); err == nil {
					t.Errorf("%s was written", o)
				}
			}
		})
	}
}

// TestLinksInsideSite checks that relative links that stay inside the site
// folder are followed: a static file and a folder of static files linked
// from elsewhere in the site are published.
func TestLinksInsideSite(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := copyMiniTo(t, filepath.Join(t.TempDir(), "site"), "", "", "")
	writeFile(t, filepath.Join(dir, "assets", "logo.svg"), "<svg/>")
	os.MkdirAll(filepath.Join(dir, "static"), 0o755)
	if err := os.Symlink("../assets/logo.svg", filepath.Join(dir, "static", "logo.svg")); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Run(context.Background(), []string{"build", "-src", dir, "-cache", "off", "-q"}, &out, &errb); code != ExitOK {
		t.Fatalf("build = %d:\n%s", code, errb.String())
	}
	if b, err := os.ReadFile(filepath.Join(dir, "public", "static", "logo.svg")); err != nil || string(b) != "<svg/>" {
		t.Errorf("static/logo.svg, linked inside the site: %q, %v", b, err)
	}
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(name), 0o755)
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
