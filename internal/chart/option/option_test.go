package option

import (
	"strings"
	"testing"
)

func TestDecodePrunes(t *testing.T) {
	tree, err := Decode(map[string]any{"a": nil, "b": map[string]any{"c": nil}, "d": 1.50, "e": []any{map[string]any{"f": nil}}})
	if err != nil {
		t.Fatal(err)
	}
	out, err := Encode(tree)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(out), `{"d":1.5,"e":[{}]}`; got != want {
		t.Errorf("Encode(Decode(…)) = %s, want %s", got, want)
	}
}

func TestEncodeRefuses(t *testing.T) {
	for _, v := range []string{"https://go-echarts.github.io/go-echarts-assets/assets/echarts.min.js", "__f__function(){}__f__"} {
		if _, err := Encode(map[string]any{"x": v}); err == nil || !strings.Contains(err.Error(), "remote asset or function code") {
			t.Errorf("Encode(%q) = %v, want an error", v, err)
		}
	}
	if _, err := Encode(map[string]any{"x": "<b>"}); err != nil {
		t.Errorf("Encode(<b>) = %v", err)
	}
}

func TestGet(t *testing.T) {
	tree := map[string]any{"a": []any{map[string]any{"b": "x"}}}
	tests := []struct {
		path []any
		want any
	}{
		{[]any{"a", 0, "b"}, "x"},
		{[]any{"a", 1, "b"}, nil},
		{[]any{"a", -1}, nil},
		{[]any{"z", "b"}, nil},
	}
	for _, tt := range tests {
		if got := Get(tree, tt.path...); got != tt.want {
			t.Errorf("Get(%v) = %v, want %v", tt.path, got, tt.want)
		}
	}
}
