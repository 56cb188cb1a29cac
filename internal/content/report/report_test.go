package report

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	"reportsite/internal/diag"
	"reportsite/internal/lang"
	"reportsite/internal/tomlfile"
)

func TestHTTPURL(t *testing.T) {
	tests := []struct {
		u  string
		ok bool
	}{
		{"https://example.org/reports/x/", true},
		{"http://example.org", true},
		{"ftp://example.org/", false},
		{"https:///path", false},
		{"//example.org/", false},
		{"https://user:pw@example.org/", false},
		{"https://example.org/a b", false},
		{"https://example.org/\u2028", false},
		{`https://example.org/"x`, false},
		{"javascript:alert(1)", false},
	}
	for _, tt := range tests {
		if got := HTTPURL(tt.u); got != tt.ok {
			t.Errorf("HTTPURL(%q) = %v, want %v", tt.u, got, tt.ok)
		}
	}
}

func TestInsidePath(t *testing.T) {
	tests := []struct {
		p  string
		ok bool
	}{
		{"seeds/report.txt", true},
		{"report.txt", true},
		{".", false},
		{"../x", false},
		{"/etc/passwd", false},
		{`seeds\x`, false},
		{"C:x", false},
		{"a/\x01", false},
		{"a//b", false},
	}
	for _, tt := range tests {
		if got := InsidePath(tt.p); got != tt.ok {
			t.Errorf("InsidePath(%q) = %v, want %v", tt.p, got, tt.ok)
		}
	}
}

func FuzzHTTPURL(f *testing.F) {
	for _, s := range []string{"https://example.org/", "http://a/b?c#d", "https://u@x/", "https://x/\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		if HTTPURL(u) && (strings.ContainsAny(u, " \"'<>\\`\n\r\t") || !strings.HasPrefix(strings.ToLower(u), "http")) {
			t.Errorf("HTTPURL(%q) = true", u)
		}
		if InsidePath(u) && (!fs.ValidPath(u) || slices.Contains(strings.Split(u, "/"), "..") || strings.ContainsAny(u, "\\:\x00")) {
			t.Errorf("InsidePath(%q) = true", u)
		}
	})
}

func TestDate(t *testing.T) {
	tests := []struct {
		v    any
		want string
		ok   bool
	}{
		{time.Date(2023, 11, 17, 0, 0, 0, 0, time.UTC), "2023-11-17", true},
		{"2023-11-17", "2023-11-17", true},
		{"2023-13-01", "", false},
		{"17 Nov 2023", "", false},
		{int64(2023), "", false},
	}
	for _, tt := range tests {
		var d Date
		err := d.UnmarshalTOML(tt.v)
		if (err == nil) != tt.ok || string(d) != tt.want {
			t.Errorf("Date.UnmarshalTOML(%v) = %q, %v; want %q, ok %v", tt.v, d, err, tt.want, tt.ok)
		}
	}
}

// TestCheck checks that each problem of a [report] table is reported at
// the line of its key, and that the dates are read.
func TestCheck(t *testing.T) {
	const src = `[report]
date = 2021-12-10
unofficial = ["fr"]
[report.source]
url = "ftp://example.org/"
seed = "../seed.txt"
kind = "blog"
captured = "yesterday"
editorial = ["heading-stops", "typo"]
[[report.errata]]
original = "x"
`
	var v struct {
		Report Report `toml:"report"`
	}
	dl := &diag.List{}
	f := tomlfile.Decode("site.toml", []byte(src), 0, &v, dl)
	if f == nil {
		t.Fatalf("Decode: %v", dl.Items())
	}
	langs := []lang.Lang{{Tag: "zh-Hant"}, {Tag: "en"}}
	var texts []string
	v.Report.Check(f, langs, func(_ lang.Text, what string, line int, required bool) {
		if required {
			texts = append(texts, what)
		}
	}, dl)
	if v.Report.Date != "2021-12-10" {
		t.Errorf("Date = %q, want 2021-12-10", v.Report.Date)
	}
	var got []string
	for _, d := range dl.Items() {
		got = append(got, strings.SplitN(d.String(), "\n", 2)[0])
	}
	want := []string{
		`site.toml:3: unofficial names unknown language "fr"`,
		`site.toml:5: source url "ftp://example.org/" is not an http(s) URL`,
		`site.toml:6: seed "../seed.txt" is not a path inside the site`,
		`site.toml:7: source kind "blog" is unknown`,
		`site.toml:8: source capture date "yesterday" is not a date`,
		`site.toml:9: editorial convention "typo" is unknown`,
		`site.toml:11: erratum 1 is incomplete`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check reported\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Join(texts, ",") != "reason" {
		t.Errorf("required texts checked: %v, want [reason]", texts)
	}
}
