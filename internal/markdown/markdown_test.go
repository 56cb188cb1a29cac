package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"reportsite/internal/addr"
	"reportsite/internal/markdown/anchors"
)

// fakeBlock renders a block as a marked figure, so tests see where it went.
func fakeBlock(kind, id string) ([]byte, error) {
	return []byte(fmt.Sprintf("<figure data-%s=%q></figure>", kind, id)), nil
}

// html parses and renders src and joins the chunks.
func html(t *testing.T, src string, opt Options) (string, []Error) {
	t.Helper()
	d, errs := Parse([]byte(src), opt)
	chunks, err := d.Render(fakeBlock)
	if err != nil {
		t.Fatalf("Render(%q) error: %v", src, err)
	}
	var b strings.Builder
	for _, c := range chunks {
		b.Write(c.HTML)
	}
	return b.String(), errs
}

func msgs(errs []Error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

func TestHeadingIDs(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		opt    Options
		want   []Heading
		errors []string
	}{
		{
			name: "by position",
			src:  "## A\n\n### A1\n\n### A2\n\n#### A2a\n\n## B\n\n### B1\n",
			want: []Heading{
				{2, "h-1", "A", 1}, {3, "h-1-1", "A1", 3}, {3, "h-1-2", "A2", 5},
				{4, "h-1-2-1", "A2a", 7}, {2, "h-2", "B", 9}, {3, "h-2-1", "B1", 11},
			},
		},
		{
			name: "explicit id keeps the positions of the others",
			src:  "## A {#economy}\n\n## B\n",
			want: []Heading{{2, "economy", "A", 1}, {2, "h-2", "B", 3}},
		},
		{
			name:   "duplicate explicit id",
			src:    "## A {#x}\n\n## B {#x}\n",
			want:   []Heading{{2, "x", "A", 1}, {2, "h-2", "B", 3}},
			errors: []string{`3:1: duplicate heading ID "x"`},
		},
		{
			name:   "reserved id",
			src:    "## A\n\n## B {#h-1}\n",
			want:   []Heading{{2, "h-1", "A", 1}, {2, "h-2", "B", 3}},
			errors: []string{`3:1: heading ID "h-1" is reserved`},
		},
		{
			name:   "invalid id",
			src:    "## A {id=\"1 x\"}\n",
			want:   []Heading{{2, "h-1", "A", 1}},
			errors: []string{`1:1: invalid heading ID "1 x"`},
		},
		{
			name: "same text twice",
			src:  "## 小結\n\n## 小結\n",
			want: []Heading{{2, "h-1", "小結", 1}, {2, "h-2", "小結", 3}},
		},
		{
			name:   "level 1",
			src:    "Lead.\n\n# Title\n\n## A\n",
			opt:    Options{LineOffset: 4},
			want:   []Heading{{2, "h-1", "A", 9}},
			errors: []string{"7:1: level-1 heading in a section body"},
		},
		{
			name:   "setext level 1",
			src:    "Title\n=====\n",
			errors: []string{"1:1: level-1 heading in a section body"},
		},
		{
			name:   "skipped level",
			src:    "## A\n\n#### A1\n",
			want:   []Heading{{2, "h-1", "A", 1}, {4, "h-1-0-1", "A1", 3}},
			errors: []string{"3:1: heading level 4 follows level 2"},
		},
		{
			name: "plain text",
			src:  "## **（一）**抓實體 `code` [link](x.html) a\\*b\n",
			want: []Heading{{2, "h-1", "（一）抓實體 code link a*b", 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, errs := Parse([]byte(tt.src), tt.opt)
			if !reflect.DeepEqual(d.Headings, tt.want) {
				t.Errorf("Parse(%q).Headings = %+v, want %+v", tt.src, d.Headings, tt.want)
			}
			if got := msgs(errs); !reflect.DeepEqual(got, tt.errors) {
				t.Errorf("Parse(%q) errors = %q, want %q", tt.src, got, tt.errors)
			}
		})
	}
}

func TestHeadingHTML(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"## A\n", `<h2 id="h-1">A</h2>` + "\n"},
		{"## A {#econ}\n", `<h2 id="econ">A</h2>` + "\n"},
		{"## A {#econ .big style=\"color:red\" onclick=\"alert(1)\" data-x=\"1\"}\n", `<h2 id="econ">A</h2>` + "\n"},
		{"## A {.big onmouseover=\"alert(1)\"}\n", `<h2 id="h-1">A</h2>` + "\n"},
		{"## A {onclick=alert(1)}\n", `<h2 id="h-1">A {onclick=alert(1)}</h2>` + "\n"},
	}
	for _, tt := range tests {
		got, _ := html(t, tt.src, Options{})
		if got != tt.want {
			t.Errorf("Render(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestBlocks(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		blocks []Ref
		html   string
		errors []string
	}{
		{
			name:   "chart",
			src:    "```chart growth-rates\n```\n",
			blocks: []Ref{{"chart", "growth-rates", 1}},
			html:   `<figure data-chart="growth-rates"></figure>` + "\n",
		},
		{
			name:   "table with tildes and spaces",
			src:    "Text.\n\n~~~  table   fiscal  \n~~~\n",
			blocks: []Ref{{"table", "fiscal", 3}},
			html:   `<p id="p-1">Text.</p>` + "\n" + `<figure data-table="fiscal"></figure>` + "\n",
		},
		{
			name:   "in a list item",
			src:    "- item\n\n  ```chart a1\n  ```\n",
			blocks: []Ref{{"chart", "a1", 3}},
			html:   "<ul>\n<li id=\"p-1\">\n<p>item</p>\n<figure data-chart=\"a1\"></figure>\n</li>\n</ul>\n",
		},
		{
			name:   "unclosed at the end",
			src:    "```chart x\n",
			blocks: []Ref{{"chart", "x", 1}},
			html:   `<figure data-chart="x"></figure>` + "\n",
		},
		{
			name:   "missing id",
			src:    "Text.\n\n```chart\n```\n",
			html:   "<p id=\"p-1\">Text.</p>\n<pre><code class=\"language-chart\"></code></pre>\n",
			errors: []string{"3:1: chart block without an ID"},
		},
		{
			name:   "invalid id",
			src:    "```table Fiscal_2021\n```\n",
			html:   "<pre><code class=\"language-table\"></code></pre>\n",
			errors: []string{`1:1: invalid table ID "Fiscal_2021"`},
		},
		{
			name:   "id with an underscore, as data tables may be named",
			src:    "```table key_indicators\n```\n",
			blocks: []Ref{{"table", "key_indicators", 1}},
			html:   `<figure data-table="key_indicators"></figure>` + "\n",
		},
		{
			name:   "id starting with a hyphen",
			src:    "```chart -x\n```\n",
			html:   "<pre><code class=\"language-chart\"></code></pre>\n",
			errors: []string{`1:1: invalid chart ID "-x"`},
		},
		{
			name:   "words after the id",
			src:    "```chart a b\n```\n",
			html:   "<pre><code class=\"language-chart\"></code></pre>\n",
			errors: []string{`1:1: unexpected "b" after chart ID a`},
		},
		{
			name:   "not empty",
			src:    "```chart a\ntype = \"bar\"\n```\n",
			html:   "<pre><code class=\"language-chart\">type = &quot;bar&quot;\n</code></pre>\n",
			errors: []string{"1:1: chart block a is not empty"},
		},
		{
			name: "other languages stay code",
			src:  "```charts x\n```\n\n```go\nx := 1\n```\n",
			html: "<pre><code class=\"language-charts\"></code></pre>\n<pre><code class=\"language-go\">x := 1\n</code></pre>\n",
		},
		{
			name: "indented code is not a block",
			src:  "    chart x\n",
			html: "<pre><code>chart x\n</code></pre>\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, errs := Parse([]byte(tt.src), Options{})
			if !reflect.DeepEqual(d.Blocks, tt.blocks) {
				t.Errorf("Parse(%q).Blocks = %+v, want %+v", tt.src, d.Blocks, tt.blocks)
			}
			if got := msgs(errs); !reflect.DeepEqual(got, tt.errors) {
				t.Errorf("Parse(%q) errors = %q, want %q", tt.src, got, tt.errors)
			}
			got, _ := html(t, tt.src, Options{})
			if got != tt.html {
				t.Errorf("Render(%q) = %q, want %q", tt.src, got, tt.html)
			}
		})
	}
}

func TestBlockFunc(t *testing.T) {
	src := "Text.\n\n```chart a\n```\n\n```table b\n```\n"
	d, _ := Parse([]byte(src), Options{LineOffset: 3})

	t.Run("called in order", func(t *testing.T) {
		var calls []string
		_, err := d.Render(func(kind, id string) ([]byte, error) {
			calls = append(calls, kind+" "+id)
			return nil, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"chart a", "table b"}; !reflect.DeepEqual(calls, want) {
			t.Errorf("Render called BlockFunc with %q, want %q", calls, want)
		}
	})
	t.Run("error carries the line", func(t *testing.T) {
		errMissing := errors.New("no such table")
		_, err := d.Render(func(kind, id string) ([]byte, error) {
			if kind == "table" {
				return nil, errMissing
			}
			return nil, nil
		})
		var be *BlockError
		if !errors.As(err, &be) || !errors.Is(err, errMissing) {
			t.Fatalf("Render error = %v, want a *BlockError wrapping %v", err, errMissing)
		}
		if want := (Ref{"table", "b", 9}); be.Ref != want {
			t.Errorf("BlockError.Ref = %+v, want %+v", be.Ref, want)
		}
	})
	t.Run("nil leaves blocks out", func(t *testing.T) {
		chunks, err := d.Render(nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(chunks) != 3 || len(chunks[1].HTML) != 0 || chunks[1].Kind != "figure" {
			t.Errorf("Render(nil) = %+v, want 3 chunks, the figures empty", chunks)
		}
	})
}

// TestPrepare checks that a prepared document fills its blocks as Render
// writes them, in every page's own way, and that its tree is gone.
func TestPrepare(t *testing.T) {
	src := []byte("Text.\n\n```chart a\n```\n\n- item\n\n  ```table b\n  ```\n\n```table c\n```\n")
	for _, block := range []BlockFunc{
		nil,
		func(kind, id string) ([]byte, error) { return []byte("<figure>" + kind + " " + id + "</figure>"), nil },
		func(kind, id string) ([]byte, error) { return []byte("<figure>" + id + "</figure>\n\n"), nil },
		func(kind, id string) ([]byte, error) { return nil, nil },
	} {
		d, _ := Parse(src, Options{LineOffset: 3})
		want, err := d.Render(block)
		if err != nil {
			t.Fatal(err)
		}
		p, err := d.Prepare()
		if err != nil {
			t.Fatal(err)
		}
		for range 2 { // a second Fill gives the same again
			got, err := p.Fill(block)
			if err != nil {
				t.Fatal(err)
			}
			got = written(got, nil)
			if g, w := dump(d, nil, got), dump(d, nil, want); !bytes.Equal(g, w) {
				t.Errorf("Fill =\n%s\nRender =\n%s", g, w)
			}
		}
		if _, err := d.Render(block); !errors.Is(err, ErrReleased) {
			t.Errorf("Render after Prepare = %v, want ErrReleased", err)
		}
		if len(d.Blocks) != 3 || len(d.Paras) == 0 {
			t.Errorf("Prepare dropped Blocks or Paras: %+v %+v", d.Blocks, d.Paras)
		}
	}
	d, _ := Parse(src, Options{LineOffset: 3})
	p, _ := d.Prepare()
	errMissing := errors.New("no such table")
	_, err := p.Fill(func(kind, id string) ([]byte, error) {
		if id == "c" {
			return nil, errMissing
		}
		return nil, nil
	})
	var be *BlockError
	if !errors.As(err, &be) || !errors.Is(err, errMissing) || be.Ref != (Ref{"table", "c", 14}) {
		t.Errorf("Fill error = %v (%+v), want a *BlockError for table c at line 14 wrapping %v", err, be, errMissing)
	}
}

func TestCJK(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"bold before a digit", "**主要指標逆勢上揚。**1-11月份", "<p id=\"p-1\"><strong>主要指標逆勢上揚。</strong>1-11月份</p>\n"},
		{"bold before punctuation", "**主要指標逆勢上揚**。1-11月份", "<p id=\"p-1\"><strong>主要指標逆勢上揚</strong>。1-11月份</p>\n"},
		{"bold in brackets", "獲得**「小巨人」**稱號", "<p id=\"p-1\">獲得<strong>「小巨人」</strong>稱號</p>\n"},
		{"bold in quotes", "獲得**“小巨人”**稱號", "<p id=\"p-1\">獲得<strong>“小巨人”</strong>稱號</p>\n"},
		{"bold after a digit", "共23家**（全區）**企業", "<p id=\"p-1\">共23家<strong>（全區）</strong>企業</p>\n"},
		{"emphasis", "一*二。*三", "<p id=\"p-1\">一<em>二。</em>三</p>\n"},
		{"line break between Han", "第一行\n第二行", "<p id=\"p-1\">第一行第二行</p>\n"},
		{"line break after a comma", "首先，\n然後", "<p id=\"p-1\">首先，然後</p>\n"},
		{"line break in English", "one\ntwo", "<p id=\"p-1\">one\ntwo</p>\n"},
		{"English bold", "a **b** c **d**e", "<p id=\"p-1\">a <strong>b</strong> c <strong>d</strong>e</p>\n"},
		{"English punctuation", "**foo.**bar", "<p id=\"p-1\">**foo.**bar</p>\n"},
		{"intraword underscore", "snake_case_name", "<p id=\"p-1\">snake_case_name</p>\n"},
		{"underscore emphasis", "_a_ 中_文_字", "<p id=\"p-1\"><em>a</em> 中_文_字</p>\n"},
		{"strikethrough", "~~舊方法（已廢棄）。~~這個 ~~old~~ ~one~", "<p id=\"p-1\"><del>舊方法（已廢棄）。</del>這個 <del>old</del> <del>one</del></p>\n"},
		{"three tildes", "a ~~~b~~~ c", "<p id=\"p-1\">a ~~~b~~~ c</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := html(t, tt.src, Options{})
			if got != tt.want {
				t.Errorf("Render(%q) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestNoTypographer(t *testing.T) {
	src := `"quoted" 'single' -- --- ... <<a>>`
	got, _ := html(t, src, Options{})
	for _, bad := range []string{"“", "”", "‘", "’", "–", "—", "…", "«", "&ldquo;", "&ndash;", "&hellip;"} {
		if strings.Contains(got, bad) {
			t.Errorf("Render(%q) = %q, contains %q", src, got, bad)
		}
	}
}

func TestRawHTML(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // a piece the output must contain
	}{
		{"script inline", "Text <script>alert(1)</script> text", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"script block", "<script>\nalert(1)\n</script>\n", "&lt;script&gt;"},
		{"img onerror", "<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"},
		{"img onerror inline", "見 <img src=x onerror=\"alert(1)\"> 圖", "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"},
		{"iframe", "<iframe src=\"https://evil.example\"></iframe>", "&lt;iframe"},
		{"comment", "<!-- <script>x</script> -->", "&lt;!--"},
		{"javascript link", "[x](javascript:alert(1))", `<a href="">x</a>`},
		{"heading attribute", "## A {onclick=\"alert(1)\"}", `<h2 id="h-1">A</h2>`},
		{"in a table", "| a |\n|---|\n| <b onmouseover=x>b</b> |", "&lt;b onmouseover=x&gt;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := html(t, tt.src, Options{})
			if !strings.Contains(got, tt.want) {
				t.Errorf("Render(%q) = %q, want it to contain %q", tt.src, got, tt.want)
			}
			for _, bad := range []string{"<script", "<img", "<iframe", "<b ", "onclick=\"", "javascript:", "<!--"} {
				if strings.Contains(got, bad) {
					t.Errorf("Render(%q) = %q, contains %q", tt.src, got, bad)
				}
			}
		})
	}
}

func TestRemoteImage(t *testing.T) {
	tests := []struct {
		src    string
		errors []string
	}{
		{"![map](images/map.png)", nil},
		{"![map](../static/map.png)", nil},
		{"Text\n\n![map](https://example.org/map.png)", []string{`3:1: image "https://example.org/map.png" is not on the site`}},
		{"![map](//example.org/map.png)", []string{`1:1: image "//example.org/map.png" is not on the site`}},
		{"[site](https://example.org/)", nil},
		{"![dot](data:image/png;base64,iVBORw0KGgo=)", nil},
	}
	for _, tt := range tests {
		_, errs := Parse([]byte(tt.src), Options{})
		if got := msgs(errs); !reflect.DeepEqual(got, tt.errors) {
			t.Errorf("Parse(%q) errors = %q, want %q", tt.src, got, tt.errors)
		}
	}
}

func TestLines(t *testing.T) {
	src := "Lead.\n\n## （一）經濟\n\n正文。\n\n```chart growth-rates\n```\n\n```chart\n```\n"
	d, errs := Parse([]byte(src), Options{LineOffset: 5})
	if want := []string{"15:1: chart block without an ID"}; !reflect.DeepEqual(msgs(errs), want) {
		t.Errorf("Parse errors = %q, want %q", msgs(errs), want)
	}
	if got := d.Headings[0].Line; got != 8 {
		t.Errorf("Headings[0].Line = %d, want 8", got)
	}
	if got := d.Blocks[0].Line; got != 12 {
		t.Errorf("Blocks[0].Line = %d, want 12", got)
	}
	chunks, err := d.Render(fakeBlock)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range chunks {
		got = append(got, fmt.Sprintf("%s:%d", c.Kind, c.Line))
	}
	want := []string{"paragraph:6", "heading:8", "paragraph:10", "figure:12", "code:15"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Render chunks = %q, want %q", got, want)
	}
	if chunks[1].HeadingID != "h-1" {
		t.Errorf("Render chunk 1 HeadingID = %q, want %q", chunks[1].HeadingID, "h-1")
	}
}

func TestErrorColumn(t *testing.T) {
	_, errs := Parse([]byte("- 項目\n\n  ```chart\n  ```\n"), Options{LineOffset: 1})
	if len(errs) != 1 || errs[0].Line != 4 || errs[0].Col != 3 || errs[0].Hint == "" {
		t.Fatalf("Parse errors = %+v, want one at 4:3 with a hint", errs)
	}
	d := errs[0].Diag("content/en/01-a.md")
	if got, want := d.Pos(), "content/en/01-a.md:4:3"; got != want {
		t.Errorf("Diag.Pos() = %q, want %q", got, want)
	}
}

func TestFootnotes(t *testing.T) {
	src := "正文[^1]，又見[^note]。\n\n[^1]: 第一。\n[^note]: Second.\n"
	d, _ := Parse([]byte(src), Options{})
	p, err := d.Prepare()
	if err != nil {
		t.Fatal(err)
	}
	filled, err := p.Fill(nil)
	if err != nil {
		t.Fatal(err)
	}
	join := func(cs []Chunk) string {
		var b strings.Builder
		for _, c := range cs {
			b.Write(c.HTML)
		}
		return b.String()
	}
	a, b := join(written(filled, prefix("s1-"))), join(written(filled, prefix("s2-")))
	for _, want := range []string{`id="s1-fnref:1"`, `href="#s1-fn:1"`, `id="s1-fn:1"`, `id="s1-fn:2"`, `href="#s1-fnref:2"`} {
		if !strings.Contains(a, want) {
			t.Errorf("Write(%q, s1-) = %q, want it to contain %q", src, a, want)
		}
	}
	if strings.Contains(b, `"s1-`) || !strings.Contains(b, `id="s2-fn:1"`) {
		t.Errorf("Write(%q, s2-) = %q, want s2- IDs only", src, b)
	}
	plain, _ := html(t, src, Options{})
	if !strings.Contains(plain, `id="fn:1"`) {
		t.Errorf("Render(%q) = %q, want unprefixed footnote IDs", src, plain)
	}
}

func TestTable(t *testing.T) {
	src := "| 項目 | 金額 |\n|:---|---:|\n| 一般公共預算總收入 | 25764萬元 |\n"
	d, _ := Parse([]byte(src), Options{})
	chunks, err := d.Render(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(chunks) != 1 || chunks[0].Kind != "table" {
		t.Fatalf("Render(%q) = %+v, want one table chunk", src, chunks)
	}
	got := string(chunks[0].HTML)
	for _, want := range []string{`<table id="p-1">`, `<th class="align-left">項目</th>`, `<td class="align-right">25764萬元</td>`} {
		if !strings.Contains(got, want) {
			t.Errorf("Render(%q) = %q, want it to contain %q", src, got, want)
		}
	}
	if want := (Para{"table", "項目 金額 一般公共預算總收入 25764萬元", 1, "p-1"}); !reflect.DeepEqual(d.Paras, []Para{want}) {
		t.Errorf("Parse(%q).Paras = %+v, want %+v", src, d.Paras, want)
	}
}

func TestParas(t *testing.T) {
	src := "Lead **bold** *em* [link](a.html) `code` ~~old~~ https://example.org\nnext line.\n\n" +
		"## Heading\n\n" +
		"```go\nfenced := 1\n```\n\n" +
		"```chart x\n```\n\n" +
		"- 第一項\n  續行\n- second\n\n  - nested\n\n" +
		"> 引用一。\n>\n> 引用二。\n\n" +
		"<div>二〇二一</div>\n"
	d, _ := Parse([]byte(src), Options{})
	want := []Para{
		{"paragraph", "Lead bold em link code old https://example.org next line.", 1, "p-1"},
		{"item", "第一項續行", 13, "p-2"},
		{"item", "second nested", 15, "p-3"},
		{"paragraph", "引用一。", 19, "p-4"},
		{"paragraph", "引用二。", 21, "p-5"},
		{"html", "<div>二〇二一</div>", 23, "p-6"},
	}
	if !reflect.DeepEqual(d.Paras, want) {
		t.Errorf("Parse(%q).Paras =\n%+v\nwant\n%+v", src, d.Paras, want)
	}
}

// TestParaAnchors checks that every paragraph, list item, table and escaped
// HTML block is rendered with the anchor its Para names, that footnotes
// keep their own, and that a translation of the same shape gets the same
// anchors.
func TestParaAnchors(t *testing.T) {
	zh := "甲段。[^1]\n\n## 標題\n\n- 一\n- 二\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> 引用。\n\n<b>x</b>\n\n[^1]: 註。\n"
	en := "Para A.[^1]\n\n## Heading\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> Quote.\n\n<b>x</b>\n\n[^1]: Note.\n"
	var ids [2][]string
	for k, src := range []string{zh, en} {
		d, errs := Parse([]byte(src), Options{})
		if len(errs) > 0 {
			t.Fatalf("Parse(%q): %v", src, errs)
		}
		chunks, err := d.Render(nil)
		if err != nil {
			t.Fatal(err)
		}
		var html strings.Builder
		for _, c := range chunks {
			html.Write(c.HTML)
		}
		for i, p := range d.Paras {
			if p.Kind == "footnote" {
				if p.ID != "" {
					t.Errorf("footnote Para %d has ID %q, want none (it keeps fn:1)", i, p.ID)
				}
				continue
			}
			if want := addr.Para(i); p.ID != want {
				t.Errorf("Paras[%d].ID = %q, want %q", i, p.ID, want)
			}
			if n := strings.Count(html.String(), ` id="`+p.ID+`"`); n != 1 {
				t.Errorf("%q appears %d times in\n%s", ` id="`+p.ID+`"`, n, html.String())
			}
			ids[k] = append(ids[k], p.ID)
		}
	}
	if want := []string{"p-1", "p-2", "p-3", "p-4", "p-5", "p-6"}; !reflect.DeepEqual(ids[0], want) || !reflect.DeepEqual(ids[1], want) {
		t.Errorf("anchors zh %v, en %v, want both %v", ids[0], ids[1], want)
	}

}

func TestRenderAgain(t *testing.T) {
	src, err := readFile(t, "testdata/section.md")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := Parse(src, Options{})
	first, err := d.Render(fakeBlock)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make([][]Chunk, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], _ = d.Render(fakeBlock)
		}()
	}
	wg.Wait()
	d2, _ := Parse(src, Options{})
	again, _ := d2.Render(fakeBlock)
	results = append(results, again)
	for i, r := range results {
		if !reflect.DeepEqual(r, first) {
			t.Errorf("Render #%d differs from the first", i+2)
		}
	}
	if len(first) < 10 || !bytes.Contains(first[0].HTML, []byte(`<p id="p-1">`)) {
		t.Errorf("Render(section.md) = %d chunks, want a real section", len(first))
	}
}

func TestParseKeepsNoReference(t *testing.T) {
	src := []byte("## 標題\n\n正文。\n")
	d, _ := Parse(src, Options{})
	copy(src, bytes.Repeat([]byte("x"), len(src)))
	got, err := d.Render(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(got[0].HTML, []byte("標題")) {
		t.Errorf("Render after the caller changed its buffer = %q, want the original text", got[0].HTML)
	}
}

func TestInvalidUTF8(t *testing.T) {
	src := "第一行\n\x82\n0"
	got, errs := html(t, src, Options{LineOffset: 2})
	if want := []string{"4:1: invalid UTF-8"}; !reflect.DeepEqual(msgs(errs), want) {
		t.Errorf("Parse(%q) errors = %q, want %q", src, msgs(errs), want)
	}
	if !strings.Contains(got, "\uFFFD") {
		t.Errorf("Render(%q) = %q, want U+FFFD in place of the bad byte", src, got)
	}
}

func TestImages(t *testing.T) {
	d, _ := Parse([]byte("Text.\n\n![a](pic.png)\n\n- item ![b](img/x.jpg \"t\")\n"), Options{LineOffset: 4})
	want := []Image{{"pic.png", 7}, {"img/x.jpg", 9}}
	if fmt.Sprint(d.Images) != fmt.Sprint(want) {
		t.Errorf("Images = %v, want %v", d.Images, want)
	}
}

func TestLinks(t *testing.T) {
	src := "Text [a](#h-1).\n\n- 項目 [b](plans.html#p-2 \"t\") and https://example.org\n\n![c](pic.png)\n"
	d, _ := Parse([]byte(src), Options{LineOffset: 4})
	want := []Link{{"#h-1", 5, 6}, {"plans.html#p-2", 7, 6}} // at the [
	if !slices.Equal(d.Links, want) {
		t.Errorf("Links = %v, want %v", d.Links, want)
	}
}

// TestAnchors checks that a prepared document's IDs, and its links to them,
// are decided when it is written: with a prefix, every ID and every
// same-page link of the rendered document gets it, links to IDs the
// document does not define included.
func TestAnchors(t *testing.T) {
	src := []byte("## A\n\nText[^1] and [back](#h-1), [away](#elsewhere).\n\n- item\n\n| a |\n|---|\n| 1 |\n\n<div>raw</div>\n\n[^1]: Note.\n")
	parsed, _ := Parse(src, Options{})
	want, err := parsed.Render(nil)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := Parse(src, Options{})
	p, err := d.Prepare()
	if err != nil {
		t.Fatal(err)
	}
	filled, err := p.Fill(nil)
	if err != nil {
		t.Fatal(err)
	}
	got := written(filled, prefix("s-x-"))
	g := string(dump(d, nil, got))
	w := regexp.MustCompile(`( id="| href="#)`).ReplaceAllString(string(dump(d, nil, want)), `${1}s-x-`)
	if g != w {
		t.Errorf("Prepare+Fill+Write(Prefix) =\n%s\nwant\n%s", g, w)
	}
	for _, s := range []string{` id="s-x-h-1"`, ` id="s-x-p-1"`, ` id="s-x-p-2"`, ` id="s-x-p-3"`, ` id="s-x-p-4"`, `id="s-x-fn:1"`, `href="#s-x-fnref:1"`} {
		if !strings.Contains(g, s) {
			t.Errorf("Prepare+Fill+Write(Prefix) lacks %s:\n%s", s, g)
		}
	}
	wantIDs := []string{"h-1", "p-1", "fnref:1", "p-2", "p-3", "p-4", "fn:1"}
	if ids := IDs(filled); !slices.Equal(ids, wantIDs) {
		t.Errorf("IDs = %q, want %q", ids, wantIDs)
	}
	// An Anchors that drops an ID drops its attribute.
	var b strings.Builder
	anchors.Write(&b, filled[0].HTML, dropAll{})
	if b.String() != "<h2>A</h2>\n" {
		t.Errorf("Write(heading, drop) = %q, want <h2>A</h2>", b.String())
	}
}

type dropAll struct{}

func (dropAll) ID([]byte) string     { return "" }
func (dropAll) Ref(id []byte) string { return "x-" + string(id) }
