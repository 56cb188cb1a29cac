package markdown

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"reportsite/internal/golden"
	"reportsite/internal/markdown/anchors"
)

func readFile(t testing.TB, name string) ([]byte, error) {
	t.Helper()
	return os.ReadFile(filepath.FromSlash(name))
}

// dump writes what a page gets from a document: its outline, references,
// paragraphs, errors and chunks.
func dump(d *Doc, errs []Error, chunks []Chunk) []byte {
	var b bytes.Buffer
	b.WriteString("== headings\n")
	for _, h := range d.Headings {
		fmt.Fprintf(&b, "%d %d %s %s\n", h.Line, h.Level, h.ID, h.Text)
	}
	b.WriteString("== blocks\n")
	for _, r := range d.Blocks {
		fmt.Fprintf(&b, "%d %s %s\n", r.Line, r.Kind, r.ID)
	}
	b.WriteString("== paras\n")
	for _, p := range d.Paras {
		fmt.Fprintf(&b, "%d %s %s\n", p.Line, p.Kind, p.Text)
	}
	b.WriteString("== errors\n")
	for _, e := range errs {
		fmt.Fprintf(&b, "%s\n", e.Error())
	}
	for _, c := range chunks {
		fmt.Fprintf(&b, "== %s %d %s\n", c.Kind, c.Line, c.HeadingID)
		b.Write(c.HTML)
	}
	return b.Bytes()
}

// idAttrRe finds the id attributes of rendered Markdown (not of figures,
// which fakeBlock writes without one).
var idAttrRe = regexp.MustCompile(` id="([^"]*)"`)

// prefix is anchors.Anchors that put the prefix before every ID and every
// link to one, as the full report does.
type prefix string

func (p prefix) ID(id []byte) string  { return string(p) + string(id) }
func (p prefix) Ref(id []byte) string { return string(p) + string(id) }

// written returns chunks as Write writes them with a.
func written(chunks []Chunk, a anchors.Anchors) []Chunk {
	out := make([]Chunk, len(chunks))
	for i, c := range chunks {
		var b strings.Builder
		anchors.Write(&b, c.HTML, a)
		c.HTML = []byte(b.String())
		out[i] = c
	}
	return out
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/*.md: %v", err)
	}
	g := golden.New(t, "testdata/*.golden")
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			d, errs := Parse(src, Options{LineOffset: 5})
			chunks, err := d.Render(fakeBlock)
			if err != nil {
				t.Fatal(err)
			}
			got := dump(d, errs, chunks)
			g.Check(t, "testdata/"+name+".golden", got, nil)
		})
	}
}

func FuzzParseRender(f *testing.F) {
	for _, s := range []string{
		"",
		"## （一）標題 {#x .y}\n\n**主要指標逆勢上揚。**1-11月份\n",
		"```chart growth-rates\n```\n\n```table\n```\n",
		"- a\n  ```chart x\n  ```\n> ```table y\n",
		"# h1\n#### h4\n## {#h-1}\n",
		"正文[^1]\n\n[^1]: 註。\n",
		"| a | b |\n|---|---|\n| <script> | 二 |\n",
		"<img onerror=alert(1)>\n\n![x](https://e.org/x.png)\n",
		"a [[tn: gloss]] [[tn: [[tn: x]]]] [[tn:\n]] *[[tn: y*]]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, errs := Parse(src, Options{LineOffset: 3})
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, e := range errs {
			if strings.HasPrefix(e.Msg, "internal error") {
				t.Fatalf("Parse(%q): %v", src, e)
			}
			if e.Line < 4 || e.Line > lines+3 {
				t.Errorf("Parse(%q) error %v: line out of range 4..%d", src, e, lines+3)
			}
		}
		seen := map[string]bool{}
		for _, h := range d.Headings {
			if seen[h.ID] {
				t.Errorf("Parse(%q): duplicate heading ID %q", src, h.ID)
			}
			seen[h.ID] = true
		}
		chunks, err := d.Render(fakeBlock)
		if err != nil {
			t.Fatalf("Render(%q): %v", src, err)
		}
		// Prepare, then Fill, gives what Render gives.
		pd, _ := Parse(src, Options{LineOffset: 3})
		prep, err := pd.Prepare()
		if err != nil {
			t.Fatalf("Prepare(%q): %v", src, err)
		}
		marked, err := prep.Fill(fakeBlock)
		if err != nil {
			t.Fatalf("Fill(%q): %v", src, err)
		}
		filled := written(marked, nil)
		if !bytes.Equal(dump(d, nil, chunks), dump(pd, nil, filled)) {
			t.Errorf("Prepare+Fill(%q) =\n%s\nRender =\n%s", src, dump(pd, nil, filled), dump(d, nil, chunks))
		}
		// A page's anchors rename every ID the document defines, and leave
		// no mark behind.
		var ids []string
		for _, c := range written(marked, prefix("q-")) {
			if bytes.IndexByte(c.HTML, 0) >= 0 {
				t.Errorf("Write(%q, Prefix) left a NUL byte: %q", src, c.HTML)
			}
			for _, m := range idAttrRe.FindAllSubmatch(c.HTML, -1) {
				ids = append(ids, string(m[1]))
			}
		}
		for i, id := range IDs(marked) {
			if i >= len(ids) || ids[i] != "q-"+id {
				t.Errorf("Prepare+Fill+Write(%q, Prefix) IDs = %q, want q- before each of %q", src, ids, IDs(marked))
				break
			}
		}
		for _, c := range chunks {
			low := bytes.ToLower(c.HTML)
			for _, bad := range []string{"<script", "<iframe", "<style", "<object", "<svg", ` style="`, `href="javascript:`, `src="javascript:`} {
				if bytes.Contains(low, []byte(bad)) {
					t.Errorf("Render(%q) = %q, contains %s", src, c.HTML, bad)
				}
			}
		}
	})
}

func BenchmarkRender(b *testing.B) {
	src, err := readFile(b, "testdata/section.md")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d, _ := Parse(src, Options{})
		if _, err := d.Render(fakeBlock); err != nil {
			b.Fatal(err)
		}
	}
}
