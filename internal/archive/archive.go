// Package archive packs a built site into a zip for distribution: the whole
// site under one folder, a SHA256SUMS over every file and a MANIFEST.json
// recording where it came from. The same site gives the same bytes: entries
// are sorted and every timestamp is the report's date, never the clock.
package archive

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"reportsite/internal/content/report"
	"reportsite/internal/lang"
	"reportsite/internal/publish"
	"reportsite/internal/render"
	"reportsite/internal/site"
)

// Names of the provenance files at the top of the archive's folder.
const (
	ManifestName = "MANIFEST.json"
	SumsName     = "SHA256SUMS"
)

// Manifest is the provenance recorded in MANIFEST.json.
type Manifest struct {
	Generator string `json:"generator"`
	Name      string `json:"name"`
	Version   string `json:"version,omitempty"`
	Commit    string `json:"source_commit,omitempty"`
	// Modified says the source differed from Commit when it was built.
	Modified  bool     `json:"source_modified,omitempty"`
	Seed      *Seed    `json:"seed,omitempty"`
	Languages []string `json:"languages"`
	Pages     int      `json:"pages"`
	Files     int      `json:"files"`
	OneFile   []string `json:"one_file_reports,omitempty"`
	// Date is the report's date from site.toml: the build date of record,
	// so rebuilding later gives the same archive.
	Date string `json:"build_date,omitempty"`
	// Sources are the publications the report was taken from, the first
	// being [report.source]; Licence and Contact are as site.toml gives them.
	Sources []Source  `json:"sources,omitempty"`
	Licence lang.Text `json:"licence,omitempty"`
	Contact string    `json:"contact,omitempty"`
}

// Source is one publication the report was taken from.
type Source struct {
	Title     lang.Text `json:"title"`
	URL       string    `json:"url,omitempty"`
	Publisher lang.Text `json:"publisher,omitempty"`
	Published string    `json:"published,omitempty"`
	Captured  string    `json:"captured,omitempty"`
}

// Seed identifies the captured source text the report was derived from.
type Seed struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// NewManifest describes the build res. root holds the seed file named in
// site.toml (nil: not recorded); commit is the source's version-control
// revision, "" when unknown.
func NewManifest(res *site.Result, root fs.FS, commit string) (Manifest, error) {
	s := res.Site
	m := Manifest{Generator: publish.Generator, Name: s.Name, Version: s.Version, Commit: commit,
		Pages: res.Pages, Files: len(res.Out), Date: s.Report.Date}
	if m.Name == "" {
		m.Name = "report"
	}
	for _, src := range append([]report.Source{s.Report.Source}, s.Report.Sources...) {
		if src.Title.IsZero() && src.URL == "" {
			continue
		}
		ms := Source{Title: src.Title, URL: src.URL, Publisher: src.Publisher, Published: string(src.Published), Captured: string(src.Captured)}
		if ms.Publisher.IsZero() {
			ms.Publisher = nil
		}
		m.Sources = append(m.Sources, ms)
	}
	if !s.Report.Licence.IsZero() {
		m.Licence = s.Report.Licence
	}
	m.Contact = s.Report.Contact
	for _, l := range s.Languages {
		m.Languages = append(m.Languages, l.Tag)
		if p := render.SinglePath(s, l); res.Out[p] != nil {
			m.OneFile = append(m.OneFile, p)
		}
	}
	if p := s.Report.Source.Seed; p != "" && root != nil {
		data, err := fs.ReadFile(root, p)
		if err != nil {
			return m, fmt.Errorf("seed: %w", err)
		}
		sum := sha256.Sum256(data)
		m.Seed = &Seed{Path: p, SHA256: hex.EncodeToString(sum[:])}
	}
	return m, nil
}

// Folder returns the archive's top folder and file stem: name-version.
func (m Manifest) Folder() string {
	if m.Version == "" {
		return m.Name
	}
	return m.Name + "-" + m.Version
}

// Time returns the timestamp of every entry: the report's date, or
// 1980-01-01 (the zip format's epoch) when it has none.
func (m Manifest) Time() time.Time {
	if t, err := time.Parse("2006-01-02", m.Date); err == nil && t.Year() >= 1980 {
		return t
	}
	return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
}

// Files returns the archive's files, path inside the folder → bytes: the
// site, MANIFEST.json and SHA256SUMS (which covers all the others).
func Files(out publish.Output, m Manifest) (map[string][]byte, error) {
	files := make(map[string][]byte, len(out)+2)
	for p, b := range out {
		if p == ManifestName || p == SumsName {
			return nil, fmt.Errorf("site has a file named %s, which the archive needs", p)
		}
		files[p] = b
	}
	mj, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	files[ManifestName] = append(mj, '\n')
	files[SumsName] = Sums(files)
	return files, nil
}

// Sums returns files' checksums in sha256sum's format, sorted by path, so
// `sha256sum -c SHA256SUMS` verifies an unpacked archive.
func Sums(files map[string][]byte) []byte {
	var buf bytes.Buffer
	for _, p := range sortedKeys(files) {
		if p == SumsName {
			continue
		}
		sum := sha256.Sum256(files[p])
		fmt.Fprintf(&buf, "%s  %s\n", hex.EncodeToString(sum[:]), p)
	}
	return buf.Bytes()
}

// Write writes the zip of out to w: every file under m.Folder()/, in sorted
// order, with fixed timestamps and modes.
func Write(w io.Writer, out publish.Output, m Manifest) error {
	files, err := Files(out, m)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	mod := m.Time()
	for _, p := range sortedKeys(files) {
		h := &zip.FileHeader{Name: m.Folder() + "/" + p, Method: zip.Deflate, Modified: mod}
		h.SetMode(0o644)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(files[p]); err != nil {
			return err
		}
	}
	return zw.Close()
}

func sortedKeys(m map[string][]byte) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// CheckReplace returns an error, saying why and what to do, unless the file
// name may be written over with the archive of m: it must be missing or an
// archive reportsite made, with m's folder and a MANIFEST.json naming
// reportsite as its generator. Anything else (a link, a folder, another
// file) is someone else's.
func CheckReplace(name string, m Manifest) error {
	st, err := os.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	refuse := func(what string) error {
		return fmt.Errorf("%s %s: an archive replaces only an archive reportsite made; move it away or pass another -out", name, what)
	}
	if !st.Mode().IsRegular() {
		return refuse("exists and is not a regular file")
	}
	zr, err := zip.OpenReader(name)
	if err != nil {
		return refuse("exists and is not a zip")
	}
	defer zr.Close()
	f, err := zr.Open(m.Folder() + "/" + ManifestName)
	if err != nil {
		return refuse("exists and is a zip without " + m.Folder() + "/" + ManifestName)
	}
	defer f.Close()
	var old Manifest
	if err := json.NewDecoder(io.LimitReader(f, 1<<20)).Decode(&old); err != nil || !strings.HasPrefix(old.Generator, "reportsite") {
		return refuse("exists and is a zip that reportsite did not make")
	}
	return nil
}
