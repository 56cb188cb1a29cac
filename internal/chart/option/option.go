// Package option handles an ECharts option as generic JSON, between what
// go-echarts writes and what a page carries: decoding it with its numbers as
// written and without the null fields go-echarts leaves, walking and editing
// the tree, and encoding it with the checks every option must pass (no
// remote asset, no function code).
package option

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// assetHost is go-echarts' default asset host. It must never reach a page:
// the site loads nothing from elsewhere.
const assetHost = "go-echarts.github.io"

// Decode turns a go-echarts option into a generic tree, its numbers kept as
// go-echarts wrote them, without null fields and empty objects.
func Decode(obj map[string]any) (map[string]any, error) {
	raw, err := json.Marshal(obj)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // keep numbers as go-echarts wrote them
	var tree map[string]any
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	prune(tree)
	return tree, nil
}

// Encode returns the tree as the JSON a page carries, with HTML escaping on
// (safe in a <script> island), refusing a remote asset or function code.
func Encode(tree map[string]any) ([]byte, error) {
	out, err := json.Marshal(tree)
	if err != nil {
		return nil, err
	}
	if bytes.Contains(out, []byte(assetHost)) || bytes.Contains(out, []byte("__f__")) {
		return nil, errors.New("option holds a remote asset or function code")
	}
	return out, nil
}

// Literal makes s safe as literal text in an ECharts string template, where
// braces start a placeholder ({b}) or a rich-text style ({name|text}).
func Literal(s string) string {
	return strings.NewReplacer("{", "(", "}", ")").Replace(s)
}

// AddTop adds px to the top margin of the option's grid: room for the
// labels of points at the top of the value axis.
func AddTop(tree map[string]any, px int) {
	if g, ok := tree["grid"].([]any); ok && len(g) > 0 {
		if m, ok := g[0].(map[string]any); ok {
			if n, err := strconv.Atoi(fmt.Sprint(m["top"])); err == nil {
				m["top"] = strconv.Itoa(n + px)
			}
		}
	}
}

// Get walks a path of keys and indexes through generic JSON.
func Get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k < 0 || k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

// prune removes null fields and empty objects, which go-echarts writes for
// options never set.
func prune(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case map[string]any:
		for k, x := range v {
			if !prune(x) {
				delete(v, k)
			}
		}
		return len(v) > 0
	case []any:
		for _, x := range v {
			prune(x)
		}
	}
	return true
}
