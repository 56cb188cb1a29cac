package about

import (
	"testing"

	"reportsite/internal/content/report"
	"reportsite/internal/diag"
	"reportsite/internal/render/tmpl"
	"reportsite/internal/seed"
	"reportsite/templates"
)

// TestErrataKeys: every editorial convention site.toml may declare, and
// every rule of the seed's recipe that makes an erratum, has its
// description in templates/i18n.toml.
func TestErrataKeys(t *testing.T) {
	var dl diag.List
	ui := tmpl.LoadUI(templates.FS, nil, nil, &dl)
	if dl.Errors() > 0 || len(ui) == 0 {
		t.Fatalf("LoadUI: %d keys, %v", len(ui), dl.Err())
	}
	var keys []string
	for _, c := range report.EditorialConventions {
		keys = append(keys, conventionKey(c))
	}
	for _, r := range []string{seed.RuleAnnotations, seed.RuleMarks, seed.RuleSpaces} {
		keys = append(keys, ruleKeys[r])
	}
	for _, k := range keys {
		if _, ok := ui[k]; !ok || k == "" {
			t.Errorf("templates/i18n.toml has no description %q of an erratum", k)
		}
	}
}
