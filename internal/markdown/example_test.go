package markdown_test

import (
	"fmt"
	"os"

	"reportsite/internal/markdown"
)

func Example() {
	body := []byte("## （一）經濟發展\n\n**主要指標逆勢上揚。**1-11月份……\n\n```chart growth-rates\n```\n")
	doc, errs := markdown.Parse(body, markdown.Options{LineOffset: 5})
	for _, e := range errs {
		fmt.Fprintln(os.Stderr, e.Diag("content/zh-Hant/01-achievements.md"))
	}
	chunks, err := doc.Render(func(kind, id string) ([]byte, error) {
		return []byte(`<figure id="` + kind + "-" + id + `"></figure>`), nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range chunks {
		fmt.Printf("%s (line %d): %s", c.Kind, c.Line, c.HTML)
	}
	// Output:
	// heading (line 6): <h2 id="h-1">（一）經濟發展</h2>
	// paragraph (line 8): <p id="p-1"><strong>主要指標逆勢上揚。</strong>1-11月份……</p>
	// figure (line 10): <figure id="chart-growth-rates"></figure>
}
