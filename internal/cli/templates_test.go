package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportsite/templates"
)

// TestTemplates writes the defaults into a site, builds it with one of them
// edited, and refuses to write over them a second time.
func TestTemplates(t *testing.T) {
	dir := copyMini(t, "", "", "")
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"templates", dir}, &stdout, &stderr); code != ExitOK {
		t.Fatalf("templates: exit %d\n%s", code, stderr.String())
	}
	for _, name := range []string{"templates/_layout.html", "templates/about.html", "templates/i18n.toml", "static/site.css", "static/charts.js"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("templates did not write %s: %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "static", "vendor")); err == nil {
		t.Errorf("templates wrote the vendored libraries")
	}
	want, _ := templates.FS.ReadFile("i18n.toml")
	if got, _ := os.ReadFile(filepath.Join(dir, "templates", "i18n.toml")); !bytes.Equal(got, want) {
		t.Errorf("templates/i18n.toml differs from the built-in one")
	}
	// An edited copy is what the site uses.
	i18n := filepath.Join(dir, "templates", "i18n.toml")
	b, _ := os.ReadFile(i18n)
	os.WriteFile(i18n, bytes.Replace(b, []byte(`en = "Key figures"`), []byte(`en = "The figures that matter"`), 1), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	stdout.Reset()
	stderr.Reset()
	if code := Run(context.Background(), []string{"build", "-src", dir, "-out", out, "-cache", "off", "-q"}, &stdout, &stderr); code != ExitOK {
		t.Fatalf("build with the written templates: exit %d\n%s", code, stderr.String())
	}
	if page, _ := os.ReadFile(filepath.Join(out, "en", "index.html")); !strings.Contains(string(page), "The figures that matter") {
		t.Errorf("the site's own i18n.toml was not used")
	}
	stderr.Reset()
	if code := Run(context.Background(), []string{"templates", dir}, &stdout, &stderr); code != ExitContent || !strings.Contains(stderr.String(), "i18n.toml exists") {
		t.Errorf("templates over existing files: exit %d, %q; want %d and a list of the files", code, stderr.String(), ExitContent)
	}
	if got, _ := os.ReadFile(i18n); !bytes.Contains(got, []byte("The figures that matter")) {
		t.Errorf("templates wrote over the edited i18n.toml")
	}
}
