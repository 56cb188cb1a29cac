package seed

import (
	"os"
	"strings"
	"testing"

	"reportsite/internal/lang"
)

func TestErrata(t *testing.T) {
	raw := "- 首頁 > 政務(wù)公開\n品質(zhì)名城?現(xiàn)代都市,共接種 79515人 ,補(bǔ)償?shù)姆绞将@得群眾信任。\n"
	corr := []Correction{
		{Original: "品質名城?現代都市", Corrected: "品質名城·現代都市", Reason: lang.Text{"en": "dot"}},
		{Original: "補償?shù)姆绞将@得", Corrected: "補償的方式獲得", Reason: lang.Text{"en": "mojibake"}},
	}
	got, err := Errata([]byte(raw), corr)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`annotations ×4: "政務(wù)公開" → "政務公開"`,
		`correction ×1: "品質(zhì)名城?現(xiàn)代都市" → "品質名城·現代都市"`,
		`correction ×1: "補(bǔ)償?shù)姆绞将@得" → "補償的方式獲得"`,
		`marks ×2: "代都市,共接種" → "代都市，共接種"`,
		`spaces ×2: "共接種 795" → "共接種795"`,
	}
	var lines []string
	for _, e := range got {
		lines = append(lines, e.String())
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("Errata() =\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// TestErrataReal derives the errata of the real seed: every manual
// correction shows the capture verbatim, and every rule applied.
func TestErrataReal(t *testing.T) {
	raw, err := os.ReadFile("../../seeds/000_ae5a67abe9d05b6a.txt")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but the real seed is missing: %v", err)
		}
		t.Skip("no seed")
	}
	corr, err := LoadCorrections(os.DirFS("../../seeds"), "corrections.toml")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Errata(raw, corr)
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]int{}
	for _, e := range got {
		t.Log(e)
		rules[e.Rule]++
		if e.Count == 0 || e.Original == "" || e.Original == e.Corrected {
			t.Errorf("erratum %v is empty", e)
		}
		if !strings.Contains(string(raw), e.Original) {
			t.Errorf("erratum %v: original is not verbatim in the seed", e)
		}
	}
	if rules[RuleAnnotations] != 1 || rules[RuleCorrection] != len(corr) || rules[RuleMarks] != 1 || rules[RuleSpaces] != 1 {
		t.Errorf("rules = %v, want one each and %d corrections", rules, len(corr))
	}
}
