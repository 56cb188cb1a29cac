package archive

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportsite/internal/linkcheck"
	"reportsite/internal/site"
	"reportsite/static"
	"reportsite/templates"
)

func miniBuild(t *testing.T) *site.Result {
	t.Helper()
	res, err := site.Build(context.Background(), site.Options{
		Content:   os.DirFS("../site/testdata/mini/content"),
		Templates: templates.FS,
		Static:    static.FS,
		Workers:   2,
	})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return res
}

func zipMini(t *testing.T) ([]byte, Manifest) {
	t.Helper()
	res := miniBuild(t)
	m, err := NewManifest(res, nil, "0123456789abcdef")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, res.Out, m); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes(), m
}

func TestReproducible(t *testing.T) {
	a, _ := zipMini(t)
	b, _ := zipMini(t)
	if !bytes.Equal(a, b) {
		t.Errorf("two archives of the same site differ (%d and %d bytes)", len(a), len(b))
	}
}

// TestUnpacked unpacks the archive on disk and checks it as a reader would
// find it: index.html at the top, every link working, checksums right.
func TestUnpacked(t *testing.T) {
	data, m := zipMini(t)
	dir := t.TempDir()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(m.Time()) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, m.Time())
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		full := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root := filepath.Join(dir, m.Folder())
	files := map[string][]byte{}
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"index.html", ManifestName, SumsName, "en/mini-en.html", "sw.js"} {
		if files[want] == nil {
			t.Errorf("archive lacks %s/%s", m.Folder(), want)
		}
	}
	for _, p := range linkcheck.Check(files) {
		t.Errorf("link check: %s", p)
	}
	listed := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(files[SumsName]))
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("SHA256SUMS line %q", sc.Text())
		}
		got := sha256.Sum256(files[name])
		if hex.EncodeToString(got[:]) != sum || files[name] == nil {
			t.Errorf("SHA256SUMS: %s does not match", name)
		}
		listed[name] = true
	}
	for p := range files {
		if p != SumsName && !listed[p] {
			t.Errorf("SHA256SUMS does not list %s", p)
		}
	}
	var got Manifest
	if err := json.Unmarshal(files[ManifestName], &got); err != nil {
		t.Fatal(err)
	}
	if got.Date != "2030-12-01" || got.Commit != "0123456789abcdef" || len(got.Languages) != 3 || got.Pages == 0 {
		t.Errorf("MANIFEST.json = %+v", got)
	}
}

// TestCheckReplace checks that an archive is written only where nothing is,
// or over an archive reportsite made.
func TestCheckReplace(t *testing.T) {
	data, m := zipMini(t)
	var other bytes.Buffer
	zw := zip.NewWriter(&other)
	fw, _ := zw.Create(m.Folder() + "/" + ManifestName)
	io.WriteString(fw, `{"generator": "someone else"}`)
	zw.Close()
	dir := t.TempDir()
	name := filepath.Join(dir, m.Folder()+".zip")
	for _, tc := range []struct {
		name  string
		setup func()
		want  string // "" when it may be replaced
	}{
		{"missing", func() {}, ""},
		{"our archive", func() { os.WriteFile(name, data, 0o644) }, ""},
		{"another file", func() { os.WriteFile(name, []byte("thesis"), 0o644) }, "is not a zip"},
		{"another zip", func() { os.WriteFile(name, other.Bytes(), 0o644) }, "reportsite did not make"},
		{"a folder", func() { os.Mkdir(name, 0o755) }, "is not a regular file"},
		{"a link to our archive", func() {
			os.WriteFile(name+".real", data, 0o644)
			os.Symlink(name+".real", name)
		}, "is not a regular file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			os.RemoveAll(name)
			tc.setup()
			err := CheckReplace(name, m)
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("CheckReplace = %v, want %q", err, tc.want)
			}
		})
	}
}

// TestManifestSources records every source of the second real report, with
// its dates, in MANIFEST.json.
func TestManifestSources(t *testing.T) {
	res, err := site.Build(context.Background(), site.Options{
		Content: os.DirFS("../../testdata/macao-gdp-2023q3/content"), Templates: templates.FS, Static: static.FS, Workers: 2,
	})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	m, err := NewManifest(res, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Sources) != 3 || m.Sources[0].URL != "https://cdn.gcs.gov.mo/news/detail/zh-hans/N23KQGhG7h" || m.Sources[0].Published != "2023-11-17" {
		t.Fatalf("Sources = %+v, want the three sources, the first published 2023-11-17", m.Sources)
	}
	files, err := Files(res.Out, m)
	if err != nil {
		t.Fatal(err)
	}
	var got Manifest
	for name, data := range files {
		if strings.HasSuffix(name, ManifestName) {
			if err := json.Unmarshal(data, &got); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(got.Sources) != 3 || got.Sources[2].Title["en"] == "" || got.Licence.IsZero() {
		t.Errorf("MANIFEST.json sources = %+v, licence %v; want three titled sources and the licence", got.Sources, got.Licence)
	}
}
