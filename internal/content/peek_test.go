package content

import (
	"testing"
	"testing/fstest"
)

func TestDeclaresCharts(t *testing.T) {
	table := []byte("id = \"t\"\n[[columns]]\nid = \"a\"\n")
	chart := []byte("id = \"t\"\n[[charts]]\nid = \"c\"\n")
	for _, tc := range []struct {
		name string
		fsys fstest.MapFS
		want bool
	}{
		{"no data folder", fstest.MapFS{"site.toml": {}}, false},
		{"tables without charts", fstest.MapFS{"data/a.toml": {Data: table}, "data/b.toml": {Data: table}}, false},
		{"a chart in the last table", fstest.MapFS{"data/a.toml": {Data: table}, "data/b.toml": {Data: chart}}, true},
		{"a chart in a file that is not a table", fstest.MapFS{"data/a.txt": {Data: chart}}, false},
		{"a folder named like a table", fstest.MapFS{"data/a.toml/b.toml": {Data: chart}}, false},
	} {
		if got := DeclaresCharts(tc.fsys); got != tc.want {
			t.Errorf("%s: DeclaresCharts = %v, want %v", tc.name, got, tc.want)
		}
	}
}
