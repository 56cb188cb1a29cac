package site

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/internal/diag"
	"reportsite/internal/publish"
	"reportsite/static"
	"reportsite/templates"
)

// miniFS returns the mini fixture as an in-memory FS that tests can break.
func miniFS(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := "testdata/mini/content"
	err := fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(root + "/" + p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func edit(m fstest.MapFS, name, old, new string) {
	m[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(m[name].Data), old, new, 1))}
}

// TestBrokenSites checks that each broken fixture yields exactly the
// expected diagnostic (file:line: message, then its hint).
func TestBrokenSites(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(m fstest.MapFS)
		want   string
	}{
		{"unknown chart", func(m fstest.MapFS) { edit(m, "en/01-economy.md", "```chart growth", "```chart growht") },
			"content/en/01-economy.md:12:1: chart \"growht\" not found\n\thint: did you mean \"growth\"?"},
		{"unknown table", func(m fstest.MapFS) { edit(m, "zh-Hant/01-economy.md", "```table economy", "```table econmy") },
			"content/zh-Hant/01-economy.md:19:1: table \"econmy\" not found\n\thint: did you mean \"economy\"?"},
		{"missing translation", func(m fstest.MapFS) { delete(m, "en/02-plans.md") },
			"content/en/02-plans.md: section 02-plans has no en text\n\thint: translate zh-Hant/02-plans.md into en: translations pair by file name"},
		{"heading level differs", func(m fstest.MapFS) { edit(m, "en/02-plans.md", "### 1. Stronger", "## 1. Stronger") },
			"content/en/02-plans.md:9: heading \"1. Stronger manufacturing\" is level 2, its counterpart is level 3\n\thint: make it a level-3 heading (###), as at zh-Hant/02-plans.md:9"},
		{"chart order differs", func(m fstest.MapFS) {
			edit(m, "en/01-economy.md", "```chart growth\n```", "```table economy\n```")
			edit(m, "en/01-economy.md", "385 new enterprises were attracted.\n\n```table economy\n```", "385 new enterprises were attracted.\n\n```chart growth\n```")
		}, "content/en/01-economy.md:12: table \"economy\" is out of order\n\thint: keep charts and tables in the order of zh-Hant/01-economy.md (zh-Hant/01-economy.md:12 has chart \"growth\")"},
		{"front matter typo", func(m fstest.MapFS) { edit(m, "en/02-plans.md", "number = ", "numbr = ") },
			"content/en/02-plans.md:3: unknown key \"numbr\"\n\thint: did you mean \"number\"?"},
		{"no front matter", func(m fstest.MapFS) { edit(m, "en/02-plans.md", "+++\n", "") },
			"content/en/02-plans.md:1: no front matter: the first line must be +++\n\thint: start the file with a line +++, the TOML front matter, and another +++ line"},
		{"non-numeric value", func(m fstest.MapFS) { edit(m, "data/economy.toml", "growth = 39.2", "growth = \"39.2%\"") },
			"content/data/economy.toml:25: row 1, column \"growth\": \"39.2%\" is not a number\n\thint: write the number in base units without quotes or unit words, e.g. 257640000 for 25764萬元"},
		{"unknown unit", func(m fstest.MapFS) { edit(m, "data/economy.toml", `unit = "percent"`, `unit = "percnt"`) },
			"content/data/economy.toml:19: unknown unit \"percnt\" in column \"growth\"\n\thint: did you mean \"percent\"? Or define \"percnt\" under [units] in site.toml"},
		{"chart field missing", func(m fstest.MapFS) { edit(m, "data/economy.toml", `values = ["growth"]`, `values = ["grow"]`) },
			"content/data/economy.toml:37: chart \"growth\": value column \"grow\" not found\n\thint: name a numeric column of table economy"},
		{"duplicate chart id", func(m fstest.MapFS) {
			m["data/other.toml"] = &fstest.MapFile{Data: []byte("title = { zh-Hant = \"乙\", en = \"B\" }\nsource = \"01-economy\"\n[[columns]]\nkey = \"item\"\nlabel = { zh-Hant = \"項\", en = \"Item\" }\ntype = \"text\"\n[[columns]]\nkey = \"v\"\nlabel = { zh-Hant = \"值\", en = \"Value\" }\ntype = \"number\"\nunit = \"count\"\n[[rows]]\nid = \"a\"\nitem = { zh-Hant = \"甲\", en = \"A\" }\nv = 385\n[[charts]]\nid = \"growth\"\ntype = \"bar\"\ncategory = \"item\"\nvalues = [\"v\"]\ntitle = { zh-Hant = \"乙\", en = \"B\" }\n")}
		}, "content/data/other.toml:17: chart \"growth\" is also defined in data/economy.toml:34\n\thint: give each chart its own id"},
		{"missing english label", func(m fstest.MapFS) {
			edit(m, "data/economy.toml", `label = { zh-Hant = "金額", en = "Amount" }`, `label = { zh-Hant = "金額" }`)
		},
			"content/data/economy.toml:11: label has no en text\n\thint: add en = \"…\" to label"},
		{"text for derived language", func(m fstest.MapFS) {
			edit(m, "site.toml", `title = { zh-Hant = "測試街道2030年報告",`, `title = { zh-Hans = "测试", zh-Hant = "測試街道2030年報告",`)
		},
			"content/site.toml:1: title has text for unknown or derived language \"zh-Hans\"\n\thint: use the tags of the hand-written languages; derived languages are converted, never written"},
		{"unsafe prefix", func(m fstest.MapFS) { edit(m, "site.toml", `prefix = "en"`, `prefix = "../en"`) },
			"content/site.toml:20: language \"en\" has an unsafe prefix \"../en\"\n\thint: use lower-case letters, digits and hyphens, e.g. prefix = \"zh-hant\"; not data, static, vendor, index, assets, seeds"},
		{"prefix is a folder the build makes", func(m fstest.MapFS) { edit(m, "site.toml", `prefix = "en"`, `prefix = "search"`) },
			"content/site.toml:20: language \"en\" has the prefix \"search\", the name of a folder the build makes\n\thint: choose another prefix: the build makes a folder search/ for every language"},
		{"prefix is the static folder", func(m fstest.MapFS) { edit(m, "site.toml", `prefix = "zh-hant"`, `prefix = "static"`) },
			"content/site.toml:9: language \"zh-Hant\" has the prefix \"static\", the name of a folder the build makes"},
		{"slug is a one-file report", func(m fstest.MapFS) {
			m["en/03-mini-en.md"], m["zh-Hant/03-mini-en.md"] = m["en/02-plans.md"], m["zh-Hant/02-plans.md"]
		}, "content/en/03-mini-en.md: section slug \"mini-en\" makes the page en/mini-en.html, the one-file report of en\n\thint: rename the section file, or change name in site.toml"},
		{"slug is a derived language's one-file report", func(m fstest.MapFS) {
			m["en/03-mini-zh-hans.md"], m["zh-Hant/03-mini-zh-hans.md"] = m["en/02-plans.md"], m["zh-Hant/02-plans.md"]
		}, "content/zh-Hant/03-mini-zh-hans.md: section slug \"mini-zh-hans\" makes the page zh-hans/mini-zh-hans.html, the one-file report of zh-Hans"},
		{"invalid utf-8", func(m fstest.MapFS) {
			m["en/02-plans.md"] = &fstest.MapFile{Data: append([]byte("+++\ntitle = \"x\"\n+++\n"), 0xff, 0xfe)}
		},
			"content/en/02-plans.md:4: invalid UTF-8\n\thint: save the file as UTF-8"},
		{"byte-order mark", func(m fstest.MapFS) { m["en/02-plans.md"].Data = append([]byte("\uFEFF"), m["en/02-plans.md"].Data...) },
			"content/en/02-plans.md:1: file starts with a byte-order mark\n\thint: save the file as UTF-8 without a byte-order mark"},
		{"bad section name", func(m fstest.MapFS) {
			m["en/03-../x.md"] = &fstest.MapFile{Data: []byte("+++\n+++\n")}
			m["en/03-Data.md"] = m["en/02-plans.md"]
		},
			"content/en/03-Data.md: bad section file name \"03-Data.md\"\n\thint: name section files NN-slug.md with a number, a hyphen and a slug of lower-case letters, digits and hyphens (not a page name such as data, about, report), e.g. 02-economy.md"},
		{"overview card row", func(m fstest.MapFS) { edit(m, "site.toml", `row = "retail"`, `row = "retial"`) },
			"content/site.toml:44: card 1: row \"retial\" not found in table economy\n\thint: name a row id of data/economy.toml"},
		{"escaped control in toml", func(m fstest.MapFS) { edit(m, "site.toml", `en = "Test report" }`, `en = "Test\u001b[31m report" }`) },
			"content/site.toml:30:39: control character U+001B in a string\n\thint: remove it"},
		{"raw C1 control in toml", func(m fstest.MapFS) { edit(m, "data/economy.toml", `en = "Amount"`, "en = \"Am\u0085ount\"") },
			"content/data/economy.toml:11:35: control character U+0085 in a string"},
		{"control in front matter", func(m fstest.MapFS) { edit(m, "en/02-plans.md", `title = "Plans"`, `title = "Pl\u0000ans"`) },
			"content/en/02-plans.md:2:12: control character U+0000 in a string"},
		{"control in markdown", func(m fstest.MapFS) { edit(m, "en/02-plans.md", "Next, development", "Next,\x1b development") },
			"content/en/02-plans.md:5:6: control character U+001B in the text\n\thint: remove it"},
		{"control as character reference", func(m fstest.MapFS) { edit(m, "en/02-plans.md", "Next, development", "Next, &#x7; development") },
			"content/en/02-plans.md:5:7: control character U+0007 in the text"},
		{"base_url with vertical tab", func(m fstest.MapFS) {
			m["site.toml"].Data = append([]byte("base_url = \"https://example.org/\\u000b/\"\n"), m["site.toml"].Data...)
		}, "content/site.toml:1: base_url \"https://example.org/\\v/\" is not an http(s) URL ending in /"},
		{"base_url with next line", func(m fstest.MapFS) {
			m["site.toml"].Data = append([]byte("base_url = \"https://example.org/\u0085/\"\n"), m["site.toml"].Data...)
		}, "content/site.toml:1: base_url \"https://example.org/\\u0085/\" is not an http(s) URL ending in /"},
		{"base_url with line separator", func(m fstest.MapFS) {
			m["site.toml"].Data = append([]byte("base_url = \"https://example.org/a\u2028b/\"\n"), m["site.toml"].Data...)
		}, "content/site.toml:1: base_url \"https://example.org/a\\u2028b/\" is not an http(s) URL ending in /"},
		{"base_url without host", func(m fstest.MapFS) {
			m["site.toml"].Data = append([]byte("base_url = \"https:///x/\"\n"), m["site.toml"].Data...)
		},
			"content/site.toml:1: base_url \"https:///x/\" is not an http(s) URL ending in /"},
		{"source url javascript", func(m fstest.MapFS) {
			edit(m, "site.toml", `url = "https://example.org/report.htm"`, `url = "javascript:alert(1)"`)
		},
			"content/site.toml:31: source url \"javascript:alert(1)\" is not an http(s) URL"},
		{"source url with space", func(m fstest.MapFS) {
			edit(m, "site.toml", `url = "https://example.org/report.htm"`, `url = "https://example.org/a b"`)
		},
			"content/site.toml:31: source url \"https://example.org/a b\" is not an http(s) URL"},
		{"seed outside the site", func(m fstest.MapFS) {
			edit(m, "site.toml", `url = "https://example.org/report.htm"`, "url = \"https://example.org/report.htm\"\nseed = \"../../../../etc/passwd\"")
		}, "content/site.toml:32: seed \"../../../../etc/passwd\" is not a path inside the site"},
		{"corrections outside the site", func(m fstest.MapFS) {
			edit(m, "site.toml", `url = "https://example.org/report.htm"`, "url = \"https://example.org/report.htm\"\ncorrections = \"seeds/../../x.toml\"")
		}, "content/site.toml:32: corrections \"seeds/../../x.toml\" is not a path inside the site"},
		{"seed absolute", func(m fstest.MapFS) {
			edit(m, "site.toml", `url = "https://example.org/report.htm"`, "url = \"https://example.org/report.htm\"\nseed = \"/etc/passwd\"")
		}, "content/site.toml:32: seed \"/etc/passwd\" is not a path inside the site"},
		{"raw html heading in body", func(m fstest.MapFS) { edit(m, "en/02-plans.md", "## (1) Industry", "# (1) Industry") },
			"content/en/02-plans.md:7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := miniFS(t)
			tt.break_(m)
			opt := Options{Content: m, Templates: templates.FS, Static: static.FS}
			_, err := Check(opt)
			var le *diag.ListError
			if !errors.As(err, &le) {
				t.Fatalf("Check() = %v, want content errors", err)
			}
			for _, d := range le.Diags {
				if d.Severity == diag.Error && strings.HasPrefix(d.String(), tt.want) {
					return
				}
			}
			t.Errorf("Check() =\n%v\nwant an error\n%s", err, tt.want)
		})
	}
}

// TestSeedNamedFromSiteFolder: a sentence of the seed that the text lacks
// is reported at the seed's line, named from the site folder as site.toml
// names the seed (seeds/seed.txt:3), not as a file of the content folder.
func TestSeedNamedFromSiteFolder(t *testing.T) {
	for _, file := range []string{"seeds/seed.txt", "captures/2021.txt"} {
		m := miniFS(t)
		edit(m, "site.toml", `url = "https://example.org/report.htm"`, "url = \"https://example.org/report.htm\"\nseed = \""+file+"\"")
		root := fstest.MapFS{file: {Data: []byte("- 首頁\n今年經濟穩中有進。\n本句不在正文。\n")}}
		_, err := Check(Options{Content: m, Templates: templates.FS, Static: static.FS, Root: root})
		var le *diag.ListError
		if !errors.As(err, &le) {
			t.Fatalf("Check() = %v, want the seed's sentence missing", err)
		}
		var got []string
		for _, d := range le.Diags {
			if strings.Contains(d.Msg, "本句不在正文") {
				got = append(got, d.Pos())
			}
		}
		if want := file + ":3"; len(got) != 1 || got[0] != want {
			t.Errorf("seed %s: the missing sentence is reported at %q, want %s", file, got, want)
		}
	}
}

// TestSessionNamesFromSiteFolder: the preview server's builds (a Session's
// Start and Finish) name the files of their problems from the site folder,
// as Build and Check do.
func TestSessionNamesFromSiteFolder(t *testing.T) {
	m := miniFS(t)
	edit(m, "en/01-economy.md", "```chart growth", "```chart growht")
	opt := Options{Content: m, Templates: templates.FS, Static: static.FS}
	_, want := Check(opt)
	_, got := NewSession(opt).Start(t.Context())
	if want == nil || got == nil || got.Error() != want.Error() {
		t.Errorf("Session.Start() = %v\nwant, as Check:\n%v", got, want)
	}
	if got != nil && !strings.Contains(got.Error(), "content/en/01-economy.md:12:1: ") {
		t.Errorf("Session.Start() = %v, want content/en/01-economy.md:12:1", got)
	}
}

// TestFailedBuildKeepsOutput checks that a broken edit leaves the previous
// output untouched and no temporary folder behind, whether the build stops
// in the checks (before anything is written) or at the link check (after
// every page has been written to the temporary folder).
func TestFailedBuildKeepsOutput(t *testing.T) {
	parent := t.TempDir()
	dir := parent + "/public"
	if _, err := BuildTo(t.Context(), miniOptions(t), dir); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(dir + "/en/economy.html")
	for _, tc := range []struct{ name, old, new, want string }{
		{"checks", "```chart growth", "```chart nope", `chart "nope" not found`},
		{"links", "Next, development", "See [the plans](nowhere.html#x). Next, development", "the site has no page or file en/nowhere.html"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := miniFS(t)
			edit(m, "en/02-plans.md", tc.old, tc.new)
			edit(m, "en/01-economy.md", tc.old, tc.new)
			opt := miniOptions(t)
			opt.Content = m
			_, err := BuildTo(t.Context(), opt, dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("BuildTo of a broken site = %v, want an error containing %q", err, tc.want)
			}
			after, err := os.ReadFile(dir + "/en/economy.html")
			if err != nil || string(after) != string(before) {
				t.Errorf("previous output changed after a failed build (err %v)", err)
			}
			left, _ := os.ReadDir(parent)
			for _, e := range left {
				if e.Name() != "public" && !strings.HasSuffix(e.Name(), ".lock") {
					t.Errorf("failed build left %s behind", e.Name())
				}
			}
		})
	}
}

// TestBuildToMatchesBuild checks that the streaming build writes exactly the
// files, and the bytes, of the in-memory build.
func TestBuildToMatchesBuild(t *testing.T) {
	want := build(t, miniOptions(t)).Out
	dir := t.TempDir() + "/public"
	res, err := BuildTo(t.Context(), miniOptions(t), dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.Files != len(want) {
		t.Errorf("BuildTo reports %d files, Build made %d", res.Files, len(want))
	}
	got := 0
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == publish.OutputMarker {
			return nil
		}
		got++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if w, ok := want[filepath.ToSlash(rel)]; !ok {
			t.Errorf("BuildTo wrote %s, which Build did not make", rel)
		} else if !bytes.Equal(data, w) {
			t.Errorf("%s differs between BuildTo and Build", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != len(want) {
		t.Errorf("BuildTo wrote %d files, Build made %d", got, len(want))
	}
}

// TestBrokenLinkStopsBuild checks that a Markdown link to a missing page or
// anchor fails the build, reported where it is written.
func TestBrokenLinkStopsBuild(t *testing.T) {
	m := miniFS(t)
	edit(m, "en/02-plans.md", "Next, development", "See [the plans](nowhere.html#x). Next, development")
	opt := miniOptions(t)
	opt.Content = m
	_, err := Build(t.Context(), opt)
	if err == nil || !strings.Contains(err.Error(), `en/02-plans.md:5:5: link "nowhere.html#x": the site has no page or file en/nowhere.html`) {
		t.Errorf("Build() = %v, want the broken link reported", err)
	}
}

// TestRebuildLinksUnchangedFiles checks that a rebuild reuses the files that
// did not change (the same inode, hard-linked) and writes the ones that did
// as new files, leaving the previous build's copy as it was.
func TestRebuildLinksUnchangedFiles(t *testing.T) {
	dir := t.TempDir() + "/public"
	if _, err := BuildTo(t.Context(), miniOptions(t), dir); err != nil {
		t.Fatal(err)
	}
	const same, changed = "/en/economy.html", "/en/plans.html"
	sameBefore, _ := os.Stat(dir + same)
	changedBefore, _ := os.Stat(dir + changed)
	oldBytes, _ := os.ReadFile(dir + changed)
	keep, err := os.Open(dir + changed) // the previous build's copy, held open
	if err != nil {
		t.Fatal(err)
	}
	defer keep.Close()

	m := miniFS(t)
	edit(m, "en/02-plans.md", "Next, development", "Next, steady development")
	opt := miniOptions(t)
	opt.Content = m
	if _, err := BuildTo(t.Context(), opt, dir); err != nil {
		t.Fatal(err)
	}
	sameAfter, _ := os.Stat(dir + same)
	changedAfter, _ := os.Stat(dir + changed)
	if !os.SameFile(sameBefore, sameAfter) {
		t.Errorf("%s did not change but was written again instead of linked", same)
	}
	if os.SameFile(changedBefore, changedAfter) {
		t.Errorf("%s changed but kept its old inode", changed)
	}
	if data, _ := os.ReadFile(dir + changed); !strings.Contains(string(data), "steady development") {
		t.Errorf("%s does not have the edit", changed)
	}
	old, err := io.ReadAll(keep)
	if err != nil || !bytes.Equal(old, oldBytes) {
		t.Errorf("the previous build's %s was modified (err %v)", changed, err)
	}
}

// TestRebuildDoesNotLinkSymlinks checks that a symbolic link left in the
// output is replaced by a file, never linked into the new output.
func TestRebuildDoesNotLinkSymlinks(t *testing.T) {
	dir := t.TempDir() + "/public"
	want := build(t, miniOptions(t)).Out["en/economy.html"]
	if _, err := BuildTo(t.Context(), miniOptions(t), dir); err != nil {
		t.Fatal(err)
	}
	elsewhere := t.TempDir() + "/economy.html"
	if err := os.WriteFile(elsewhere, want, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(dir + "/en/economy.html"); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, dir+"/en/economy.html"); err != nil {
		t.Fatal(err)
	}
	if _, err := BuildTo(t.Context(), miniOptions(t), dir); err != nil {
		t.Fatal(err)
	}
	st, err := os.Lstat(dir + "/en/economy.html")
	if err != nil || !st.Mode().IsRegular() {
		t.Errorf("en/economy.html after the rebuild: %v, %v; want a regular file", st.Mode(), err)
	}
}

// TestBidiWarning: bidirectional controls in TOML and Markdown are warnings
// that name the place; the build goes on.
func TestBidiWarning(t *testing.T) {
	m := miniFS(t)
	edit(m, "en/02-plans.md", "Next, development", "Next, \u202edevelopment")
	edit(m, "site.toml", `en = "Test report" }`, `en = "Test \u2066report" }`)
	res, err := Check(Options{Content: m, Templates: templates.FS, Static: static.FS})
	if err != nil {
		t.Fatalf("Check() = %v, want warnings only", err)
	}
	var got []string
	for _, d := range res.Diags {
		if d.Severity == diag.Warning && strings.Contains(d.Msg, "bidirectional") {
			got = append(got, d.Pos()+": "+d.Msg)
		}
	}
	want := []string{
		"content/en/02-plans.md:5:7: bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) in the text",
		"content/site.toml:30:40: bidirectional control U+2066 (LEFT-TO-RIGHT ISOLATE) in a string",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSitemapWellFormed: whatever base_url passes the check, the sitemap it
// leads to is well-formed XML.
func TestSitemapWellFormed(t *testing.T) {
	for _, base := range []string{
		"https://example.org/r/",
		"https://example.org/a&b/",
		"https://example.org/a'b/",
		"https://example.org/%0B/",
		"https://example.org/\\u000b/",
		"https://example.org/\\u0085/",
		"https://example.org/\\u2028/",
		"https://example.org/\\u001b/",
		"https://example.org/\\ufffe/",
		"http://[::1]:8080/x/",
		"https://example.org/?a=1&b=2/",
		"https://例子.测试/报告/",
	} {
		m := miniFS(t)
		m["site.toml"].Data = append([]byte(`base_url = "`+base+"\"\n"), m["site.toml"].Data...)
		opt := miniOptions(t)
		opt.Content = m
		if _, err := Check(opt); err != nil {
			continue
		}
		res, err := Build(t.Context(), opt)
		if err != nil {
			t.Errorf("base_url %q: check passed, build failed: %v", base, err)
			continue
		}
		d := xml.NewDecoder(bytes.NewReader(res.Out[publish.SitemapPath]))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("base_url %q: sitemap.xml is not well-formed: %v", base, err)
				break
			}
		}
	}
}

// TestBuildToRefusesBeforeBuilding checks that BuildTo refuses a foreign
// output folder at once, before the content is even read.
func TestBuildToRefusesBeforeBuilding(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	opt := miniOptions(t)
	opt.Content = nil // would fail if read
	_, err := BuildTo(t.Context(), opt, dir)
	if err == nil || !strings.Contains(err.Error(), "did not make") {
		t.Fatalf("BuildTo into a folder of other files = %v, want a refusal", err)
	}
}
