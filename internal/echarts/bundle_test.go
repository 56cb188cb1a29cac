package echarts

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"regexp"
	"testing"
)

// TestBundleDocumented holds the vendored bundle to what VERSION.md says
// about it and to the versions tools/echarts pins, so that the script the
// site runs is the one `make echarts` makes.
func TestBundleDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../static/vendor/echarts/VERSION.md")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(readScript(t))
	if want := hex.EncodeToString(sum[:]); !regexp.MustCompile("`" + want + "`").Match(doc) {
		t.Errorf("VERSION.md does not give the bundle's SHA-256 %s", want)
	}
	var pkg struct{ Dependencies map[string]string }
	var lock struct {
		Packages map[string]struct{ Version string }
	}
	for name, v := range map[string]any{"package.json": &pkg, "package-lock.json": &lock} {
		b, err := os.ReadFile("../../tools/echarts/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	for _, dep := range []string{"echarts", "esbuild"} {
		v := pkg.Dependencies[dep]
		if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(v) {
			t.Errorf("tools/echarts/package.json: %s %q is not an exact version", dep, v)
		}
		if got := lock.Packages["node_modules/"+dep].Version; got != v {
			t.Errorf("tools/echarts/package-lock.json: %s %s, package.json says %s", dep, got, v)
		}
		if !regexp.MustCompile(regexp.QuoteMeta(dep+" "+v) + `|` + regexp.QuoteMeta(dep+"@"+v)).Match(doc) {
			t.Errorf("VERSION.md does not name %s %s", dep, v)
		}
	}
	if !regexp.MustCompile(`(?m)^/\*! Apache ECharts ` + regexp.QuoteMeta(pkg.Dependencies["echarts"]) + ` `).Match(readScript(t)) {
		t.Error("the bundle's banner does not name the pinned ECharts version")
	}
}
