package echarts

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"regexp"
	"testing"
)

// TestBundleDocumented holds the vendored bundles, the pages' and the
// build's, to what VERSION.md says about them and to the versions
// tools/echarts pins, so that the scripts the site runs are the ones
// `make echarts` makes; the build's carries the same licences as the pages'.
func TestBundleDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../static/vendor/echarts/VERSION.md")
	if err != nil {
		t.Fatal(err)
	}
	buildDoc, err := os.ReadFile("bundle/VERSION.md")
	if err != nil {
		t.Fatal(err)
	}
	bundles := map[string][]byte{"echarts.min.js": readPageScript(t), "echarts.build.min.js": readScript(t)}
	for name, d := range map[string][]byte{"echarts.min.js": doc, "echarts.build.min.js": buildDoc} {
		sum := sha256.Sum256(bundles[name])
		if want := hex.EncodeToString(sum[:]); !regexp.MustCompile("`" + want + "`").Match(d) {
			t.Errorf("the VERSION.md beside %s does not give its SHA-256 %s", name, want)
		}
	}
	for _, name := range []string{"LICENSE", "NOTICE", "licenses/LICENSE-d3", "licenses/LICENSE-zrender", "licenses/LICENSE-tslib"} {
		page, err := os.ReadFile("../../static/vendor/echarts/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if build, err := os.ReadFile("bundle/" + name); err != nil || !bytes.Equal(build, page) {
			t.Errorf("bundle/%s is not static/vendor/echarts/%s (%v)", name, name, err)
		}
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
	for name, b := range bundles {
		if !regexp.MustCompile(`(?m)^/\*! Apache ECharts ` + regexp.QuoteMeta(pkg.Dependencies["echarts"]) + ` `).Match(b) {
			t.Errorf("the banner of %s does not name the pinned ECharts version", name)
		}
	}
}
