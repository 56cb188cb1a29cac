package memo

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"reportsite/internal/content"
	"reportsite/internal/dataset"
	"reportsite/internal/diag"
	"reportsite/internal/lang"
)

// files is a content folder's files by name, with their contents; sum
// gives their digests and knows no other file.
type files map[string]string

func (fs files) sum(file string) ([sha256.Size]byte, bool) {
	data, ok := fs[file]
	return sha256.Sum256([]byte(data)), ok
}

// edit returns fs with the files of kv (name, contents, …) set; an empty
// contents removes the file.
func (fs files) edit(kv ...string) files {
	out := files{}
	for k, v := range fs {
		out[k] = v
	}
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == "" {
			delete(out, kv[i])
		} else {
			out[kv[i]] = kv[i+1]
		}
	}
	return out
}

// testSite returns a site in zh-Hant (the original), a derived zh-Hans and
// en, with a section per ID and a table per file.
func testSite(ids []string, tables ...string) *content.Site {
	s := &content.Site{Languages: []lang.Lang{{Tag: "zh-Hant"}, {Tag: "zh-Hans", Derive: "zh-Hant"}, {Tag: "en"}}}
	for _, id := range ids {
		s.Sections = append(s.Sections, &content.Section{ID: id, Texts: map[string]*content.Text{
			"zh-Hant": {File: "zh-Hant/" + id + ".md"},
			"zh-Hans": {File: "zh-Hans/" + id + ".md", Derived: true},
			"en":      {File: "en/" + id + ".md"},
		}})
	}
	for _, t := range tables {
		s.Tables = append(s.Tables, &dataset.Table{File: t})
	}
	return s
}

// TestUnits runs the checks of a few units over a series of edits and
// wants each step to check again exactly the units whose files changed,
// and to report every unit's findings, kept or fresh.
func TestUnits(t *testing.T) {
	// Each unit reads the files its name lists, joined by "+".
	type step struct {
		name  string
		units []string
		files files
		want  []string // the units checked again
	}
	v1 := files{"a.md": "a", "b.md": "b", "t.toml": "t"}
	steps := []step{
		{"first run checks all", []string{"a.md", "b.md", "t.toml+a.md"}, v1, []string{"a.md", "b.md", "t.toml+a.md"}},
		{"nothing changed", []string{"a.md", "b.md", "t.toml+a.md"}, v1, nil},
		{"an edit rechecks its readers", []string{"a.md", "b.md", "t.toml+a.md"}, v1.edit("a.md", "a2"), []string{"a.md", "t.toml+a.md"}},
		{"a second file read", []string{"a.md", "b.md", "t.toml+a.md"}, v1.edit("a.md", "a2", "t.toml", "t2"), []string{"t.toml+a.md"}},
		{"a unit gone", []string{"a.md", "t.toml+a.md"}, v1.edit("a.md", "a2", "t.toml", "t2"), nil},
		{"a unit back is checked again", []string{"a.md", "b.md", "t.toml+a.md"}, v1.edit("a.md", "a2", "t.toml", "t2"), []string{"b.md"}},
		{"a file sum does not know", []string{"a.md", "b.md", "c.md"}, v1.edit("a.md", "a2", "t.toml", "t2"), []string{"c.md"}},
		{"is never kept", []string{"a.md", "b.md", "c.md"}, v1.edit("a.md", "a2", "t.toml", "t2"), []string{"c.md"}},
		{"a file back", []string{"a.md", "b.md", "c.md"}, v1.edit("a.md", "a2", "t.toml", "t2", "c.md", "c"), []string{"c.md"}},
		{"kept once known", []string{"a.md", "b.md", "c.md"}, v1.edit("a.md", "a2", "t.toml", "t2", "c.md", "c"), nil},
		{"a file removed", []string{"a.md", "b.md", "c.md"}, v1.edit("a.md", "a2", "t.toml", "t2"), []string{"c.md"}},
	}
	m := New[string]()
	for _, st := range steps {
		var mu sync.Mutex
		var checked []string
		found := m.Units(st.units, st.files.sum, func(i int, dl *diag.List) ([]string, string) {
			mu.Lock()
			checked = append(checked, st.units[i]) // in parallel
			mu.Unlock()
			read := strings.Split(st.units[i], "+")
			dl.Errorf(read[0], 1, "", "finding of %s at %s", st.units[i], st.files[read[0]])
			return read, "kept " + st.units[i]
		})
		slices.Sort(checked)
		if !slices.Equal(checked, st.want) {
			t.Errorf("%s: checked %q, want %q", st.name, checked, st.want)
		}
		if len(found) != len(st.units) {
			t.Fatalf("%s: %d findings for %d units", st.name, len(found), len(st.units))
		}
		for i, f := range found {
			read := strings.Split(st.units[i], "+")
			want := fmt.Sprintf("finding of %s at %s", st.units[i], st.files[read[0]])
			if len(f.Diags) != 1 || f.Diags[0].Msg != want || f.Kept != "kept "+st.units[i] {
				t.Errorf("%s: unit %s found %v, kept %q; want %q", st.name, st.units[i], f.Diags, f.Kept, want)
			}
		}
	}
}

// TestUnitsParallel checks many units at once: every unit's finding comes
// back in its own place (go test -race watches the memo's lock).
func TestUnitsParallel(t *testing.T) {
	fs := files{}
	var keys []string
	for i := range 200 {
		k := fmt.Sprintf("u%03d", i)
		fs[k], keys = k, append(keys, k)
	}
	m := New[int]()
	for round := range 3 {
		if round == 2 {
			fs = fs.edit("u007", "changed")
		}
		found := m.Units(keys, fs.sum, func(i int, dl *diag.List) ([]string, int) {
			return []string{keys[i]}, i*10 + round
		})
		for i, f := range found {
			want := i * 10
			if i == 7 && round == 2 {
				want += 2
			}
			if f.Kept != want {
				t.Fatalf("round %d: unit %d kept %d, want %d", round, i, f.Kept, want)
			}
		}
	}
}

// TestNoMemo: a nil Memo checks everything every time; so does a Memo
// without digests, but for the file names, which it keys on their digest.
func TestNoMemo(t *testing.T) {
	fs := files{"zh-Hant/01-a.md": "a"}
	for _, tc := range []struct {
		name string
		m    *Memo[bool]
		sum  SumFunc
		want [3]int // checks of the units, the file names and the seed in two runs
	}{
		{"nil memo", nil, fs.sum, [3]int{2, 2, 2}},
		{"nil sum", New[bool](), nil, [3]int{2, 1, 2}},
	} {
		var n [3]int
		for range 2 {
			tc.m.Units([]string{"zh-Hant/01-a.md"}, tc.sum, func(int, *diag.List) ([]string, bool) { n[0]++; return []string{"zh-Hant/01-a.md"}, true })
			tc.m.Files([32]byte{1}, new(diag.List), func(*diag.List) { n[1]++ })
			tc.m.Seed(testSite([]string{"01-a"}), tc.sum, new(diag.List), func(*diag.List) { n[2]++ })
		}
		if n != tc.want {
			t.Errorf("%s: %v checks in two runs, want %v", tc.name, n, tc.want)
		}
	}
}

// TestSections edits a site of three sections, whose first links to the
// second and whose third links to another page (wide), and wants the
// structure checked again only where what it read changed.
func TestSections(t *testing.T) {
	s := testSite([]string{"01-a", "02-b", "03-c"}, "data/t.toml")
	v1 := files{"data/t.toml": "t"}
	for _, sec := range s.Sections {
		for _, tx := range sec.Texts {
			v1[tx.File] = tx.File
		}
	}
	names := [32]byte{1}
	tests := []struct {
		name  string
		files files
		names [32]byte
		want  []string
	}{
		{"first run", v1, names, []string{"01-a", "02-b", "03-c"}},
		{"nothing changed", v1, names, []string{"03-c"}},
		{"a linked section's text", v1.edit("en/02-b.md", "x"), names, []string{"01-a", "02-b", "03-c"}},
		{"the linking section's text", v1.edit("en/02-b.md", "x", "zh-Hant/01-a.md", "x"), names, []string{"01-a", "03-c"}},
		{"a text of a derived language is not read", v1.edit("en/02-b.md", "x", "zh-Hant/01-a.md", "x", "zh-Hans/02-b.md", "y"), names, []string{"03-c"}},
		{"a table", v1.edit("en/02-b.md", "x", "zh-Hant/01-a.md", "x", "data/t.toml", "t2"), names, []string{"01-a", "02-b", "03-c"}},
		{"the site's file names", v1.edit("en/02-b.md", "x", "zh-Hant/01-a.md", "x", "data/t.toml", "t2"), [32]byte{2}, []string{"01-a", "02-b", "03-c"}},
		{"names not known", v1.edit("en/02-b.md", "x", "zh-Hant/01-a.md", "x", "data/t.toml", "t2"), [32]byte{}, []string{"01-a", "02-b", "03-c"}},
		{"names known again", v1.edit("en/02-b.md", "x", "zh-Hant/01-a.md", "x", "data/t.toml", "t2"), [32]byte{2}, []string{"03-c"}},
	}
	m := New[struct{}]()
	for _, tc := range tests {
		var checked []string
		var dl diag.List
		m.Sections(s, tc.files.sum, tc.names, &dl, func(sec *content.Section, dl *diag.List) ([]*content.Section, bool) {
			checked = append(checked, sec.ID)
			dl.Errorf(sec.Texts["en"].File, 1, "", "%s", tc.files[sec.Texts["en"].File])
			switch sec.ID {
			case "01-a":
				return []*content.Section{s.Sections[1]}, false
			case "03-c":
				return nil, true
			}
			return nil, false
		})
		if !slices.Equal(checked, tc.want) {
			t.Errorf("%s: checked %q, want %q", tc.name, checked, tc.want)
		}
		var got []string
		for _, d := range dl.Items() {
			got = append(got, d.Msg)
		}
		var want []string
		for _, sec := range s.Sections {
			want = append(want, tc.files[sec.Texts["en"].File])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: reported %q, want %q", tc.name, got, want)
		}
	}
}

// TestSeed wants the seed compared again only when a text of the original
// changed, and TestFiles the file names checked again only when their
// digest changed.
func TestSeed(t *testing.T) {
	s := testSite([]string{"01-a", "02-b"})
	v1 := files{"zh-Hant/01-a.md": "a", "zh-Hant/02-b.md": "b", "en/01-a.md": "a", "en/02-b.md": "b"}
	tests := []struct {
		name  string
		files files
		want  bool
	}{
		{"first run", v1, true},
		{"nothing changed", v1, false},
		{"a translation", v1.edit("en/01-a.md", "x"), false},
		{"the original", v1.edit("zh-Hant/02-b.md", "x"), true},
		{"and back", v1, true},
		{"a file sum does not know", v1.edit("zh-Hant/02-b.md", ""), true},
		{"still unknown", v1.edit("zh-Hant/02-b.md", ""), true},
	}
	m := New[int]()
	for _, tc := range tests {
		checked := false
		var dl diag.List
		m.Seed(s, tc.files.sum, &dl, func(dl *diag.List) {
			checked = true
			dl.Errorf("seed", 1, "", "%s", tc.files["zh-Hant/02-b.md"])
		})
		if checked != tc.want {
			t.Errorf("%s: checked %v, want %v", tc.name, checked, tc.want)
		}
		if items := dl.Items(); len(items) != 1 || items[0].Msg != tc.files["zh-Hant/02-b.md"] {
			t.Errorf("%s: reported %v, want %q", tc.name, items, tc.files["zh-Hant/02-b.md"])
		}
	}
}

func TestFiles(t *testing.T) {
	tests := []struct {
		names [32]byte
		want  bool
	}{{[32]byte{1}, true}, {[32]byte{1}, false}, {[32]byte{2}, true}, {[32]byte{}, true}, {[32]byte{}, true}, {[32]byte{2}, false}}
	m := New[int]()
	for i, tc := range tests {
		checked := false
		var dl diag.List
		m.Files(tc.names, &dl, func(dl *diag.List) { checked = true; dl.Errorf("f", 1, "", "names %d", tc.names[0]) })
		if checked != tc.want {
			t.Errorf("run %d (names %d): checked %v, want %v", i, tc.names[0], checked, tc.want)
		}
		if items := dl.Items(); len(items) != 1 || items[0].Msg != fmt.Sprintf("names %d", tc.names[0]) {
			t.Errorf("run %d: reported %v", i, items)
		}
	}
}
