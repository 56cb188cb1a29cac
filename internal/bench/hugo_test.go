package bench

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"reportsite/internal/lang"
)

var conv = lang.NewConverter()

func toHans(s string) string { return conv.Must("zh-Hant", "zh-Hans", s) }

func TestHugoFiles(t *testing.T) {
	for _, tc := range []struct {
		name   string
		cfg    Config
		langs  []string
		charts int
	}{
		{"two languages", Config{Sections: 12, Seed: 1}, []string{"zh-Hant", "en"}, 0},
		{"three languages with charts", Config{Sections: 12, Seed: 1, Derived: true, Charts: true}, []string{"zh-Hant", "zh-Hans", "en"}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := HugoFiles(tc.cfg, toHans)
			rs := Files(tc.cfg)
			for _, l := range tc.langs {
				if !bytes.Contains(files["hugo.toml"], []byte(fmt.Sprintf("key = %q", l))) {
					t.Errorf("hugo.toml has no language %s", l)
				}
				if files["content/"+l+"/_index.md"] == nil {
					t.Errorf("no content/%s/_index.md", l)
				}
			}
			charts := 0
			for i := 1; i <= tc.cfg.Sections; i++ {
				id, table := fmt.Sprintf("%04d-s%04d", i, i), fmt.Sprintf("t%04d", i)
				if files["data/tables/"+table+".toml"] == nil {
					t.Errorf("no data file for %s", table)
				}
				for _, l := range tc.langs {
					md := string(files["content/"+l+"/"+id+".md"])
					if md == "" {
						t.Fatalf("no content/%s/%s.md", l, id)
					}
					if strings.Contains(md, "```") {
						t.Errorf("%s/%s.md keeps a fenced block: %q", l, id, md)
					}
					if !strings.Contains(md, `{{< table "`+table+`" >}}`) {
						t.Errorf("%s/%s.md does not place table %s", l, id, table)
					}
					if strings.Contains(md, "{{< chart ") {
						charts++
					}
					// The prose is reportsite's, word for word (but for the
					// derived language, converted from zh-Hant).
					if l == "zh-Hans" {
						if strings.Contains(md, "經濟") || !strings.Contains(md, "## （一）") {
							t.Errorf("zh-Hans/%s.md is not converted zh-Hant: %.200q", id, md)
						}
						continue
					}
					src := string(rs["content/"+l+"/"+id+".md"])
					heading := src[strings.Index(src, "## "):]
					heading = heading[:strings.Index(heading, "\n")]
					if !strings.Contains(md, heading) {
						t.Errorf("%s/%s.md lacks reportsite's heading %q", l, id, heading)
					}
				}
			}
			if want := tc.charts * len(tc.langs); charts != want {
				t.Errorf("%d pages place a chart, want %d", charts, want)
			}
		})
	}
}

func TestHugoTableHasEightRowsOfFourColumns(t *testing.T) {
	data := string(HugoFiles(Config{Sections: 1, Seed: 3, Derived: true}, toHans)["data/tables/t0001.toml"])
	if n := strings.Count(data, "[[rows]]"); n != tableRows {
		t.Errorf("%d rows, want %d", n, tableRows)
	}
	cols := data[strings.Index(data, "columns = [") : strings.Index(data, "]\n")+1]
	if n := strings.Count(cols, "zh-Hans = "); n != 4 {
		t.Errorf("%d trilingual column labels, want 4:\n%s", n, cols)
	}
}
