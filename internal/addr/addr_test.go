package addr

import (
	"strings"
	"testing"
)

func TestValidID(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want bool
	}{
		{"growth", true},
		{"key_indicators", true}, // a table named so must be referable from Markdown too
		{"2021-q3", true},
		{"a", true},
		{"", false},
		{"-a", false},
		{"_a", false},
		{"Growth", false},
		{"a b", false},
		{"a/b", false},
		{"a.b", false},
		{"增速", false},
		{"a123456789012345678901234567890123456789012345678901234567890123", true},
		{"a1234567890123456789012345678901234567890123456789012345678901234", false},
	} {
		if got := ValidID(tc.id); got != tc.want {
			t.Errorf("ValidID(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}

func TestAnchors(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{Heading([]int{1}), "h-1"},
		{Heading([]int{2, 3}), "h-2-3"},
		{Para(0), "p-1"},
		{Figure(2, 1), "p-3-f1"},
		{Section("economy"), "s-economy"},
		{InSection("economy") + Para(0), "s-economy-p-1"},
		{InSectionAlt("economy") + "fn:1", "s-economy-alt-fn:1"},
		{Rel("en/economy.html", "static/site.css"), "../static/site.css"},
		{Rel("index.html", "en/index.html"), "en/index.html"},
		{CSV("growth", "en"), "en/data/growth.csv"},
		{JSON("growth"), "data/growth.json"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	for _, tc := range []struct {
		id                    string
		heading, para, inPara bool
	}{
		{"h-1", true, false, false},
		{"h-1-2", true, false, false},
		{"h-", false, false, false},
		{"h-1a", false, false, false},
		{"p-3", false, true, true},
		{"p-3-f1", false, false, true},
		{"fn:1", false, false, false},
		{"fnref:1", false, false, false},
		{"fig-growth", false, false, false},
		{"s-a", false, false, false},
		{"", false, false, false},
	} {
		if IsHeading(tc.id) != tc.heading || IsPara(tc.id) != tc.para || InPara(tc.id) != tc.inPara {
			t.Errorf("%q: IsHeading %v IsPara %v InPara %v, want %v %v %v", tc.id,
				IsHeading(tc.id), IsPara(tc.id), InPara(tc.id), tc.heading, tc.para, tc.inPara)
		}
	}
}

// TestPages: the names no slug may take are the pages' file names without
// ".html", once each; the one-file report is named after the site.
func TestPages(t *testing.T) {
	got := strings.Join(PageNames(), ",")
	if want := "index,404,report,parallel,data,about"; got != want {
		t.Errorf("PageNames() = %s, want %s", got, want)
	}
	for _, tc := range []struct{ name, prefix, want string }{
		{"", "en", "en/report-en.html"},
		{"changtai-2021", "zh-hant", "zh-hant/changtai-2021-zh-hant.html"},
	} {
		if got := Single(tc.name, tc.prefix); got != tc.want {
			t.Errorf("Single(%q, %q) = %q, want %q", tc.name, tc.prefix, got, tc.want)
		}
	}
}

// TestKinds: page kinds resolve by name, each has its place, and a page's
// path names its kind.
func TestKinds(t *testing.T) {
	for _, k := range PageKinds() {
		got, err := PageKind(string(k))
		if got != k || err != nil {
			t.Errorf("PageKind(%q) = %q, %v", k, got, err)
		}
	}
	for _, name := range []string{"", "search", "datafiles", "Overview", "page"} {
		if _, err := PageKind(name); err == nil {
			t.Errorf("PageKind(%q): no error", name)
		}
	}
	for _, tc := range []struct {
		k          Kind
		file, path string
	}{
		{KindRoot, "", "index.html"},
		{KindNotFound, "", "404.html"},
		{KindOverview, "index.html", ""},
		{KindReport, "report.html", ""},
		{KindParallel, "parallel.html", ""},
		{KindData, "data.html", ""},
		{KindAbout, "about.html", ""},
		{KindSection, "", ""},
		{KindSingle, "", ""},
		{KindSearch, "", ""},
	} {
		if tc.k.File() != tc.file || tc.k.Path() != tc.path {
			t.Errorf("%s: File %q Path %q, want %q %q", tc.k, tc.k.File(), tc.k.Path(), tc.file, tc.path)
		}
		if want := ""; tc.file != "" {
			want = "en/" + tc.file
			if got := tc.k.In("en"); got != want {
				t.Errorf("%s.In(en) = %q, want %q", tc.k, got, want)
			}
		} else if got := tc.k.In("en"); got != want {
			t.Errorf("%s.In(en) = %q, want %q", tc.k, got, want)
		}
	}
	single := func(prefix string) string { return Single("r", prefix) }
	for p, want := range map[string]Kind{
		"index.html": KindRoot, "404.html": KindNotFound, "en/index.html": KindOverview, "fr/about.html": KindAbout,
		"en/r-en.html": KindSingle, "en/economy.html": KindSection, "de/index.html": "", "static/site.css": "", "search/en/0.json": "",
	} {
		if got := PageAt(p, []string{"en", "fr"}, single); got != want {
			t.Errorf("PageAt(%s) = %q, want %q", p, got, want)
		}
	}
}

// TestFigurePara: a figure's anchor leads to its paragraph's, with or
// without a section's prefix; nothing else does.
func TestFigurePara(t *testing.T) {
	for id, want := range map[string]string{
		Figure(1, 1): "p-2", "p-12-f3": "p-12", "s-x-p-2-f1": "s-x-p-2", "s-x-alt-p-3-f10": "s-x-alt-p-3",
		"p-2": "", "p-2-f": "", "p-2-fx": "", "h-1-f1": "", "fig-growth": "", "": "",
	} {
		if got := FigurePara(id); got != want {
			t.Errorf("FigurePara(%q) = %q, want %q", id, got, want)
		}
	}
}
