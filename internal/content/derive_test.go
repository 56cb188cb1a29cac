package content

import (
	"testing"

	"reportsite/internal/lang"
)

func TestKeepDests(t *testing.T) {
	c := lang.NewConverter()
	conv := func(s string) string { return c.Must("zh-Hant", "zh-Hans", s) }
	for _, tc := range []struct{ in, want string }{
		{"見圖表：![圖表](圖表.png)，詳見[說明](說明.html#h-1)。", "见图表：![图表](圖表.png)，详见[说明](說明.html#h-1)。"},
		{"![圖](<圖表 一.png>) 後", "![图](<圖表 一.png>) 后"},
		{"[參考][1]\n\n[1]: 資料/檔案.html \"標題\"\n", "[参考][1]\n\n[1]: 資料/檔案.html \"标题\"\n"},
		{"沒有連結。", "没有连结。"},
		{"註[^1]\n\n[^1]: 註釋文字。\n", "注[^1]\n\n[^1]: 注释文字。\n"},
		{"", ""},
	} {
		if got := keepDests(tc.in, conv); got != tc.want {
			t.Errorf("keepDests(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzKeepDests(f *testing.F) {
	for _, s := range []string{"![圖](圖.png)", "[a]: b", "](", "[x](<y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// With the identity as conversion the text comes back whole.
		if got := keepDests(s, func(t string) string { return t }); got != s {
			t.Fatalf("keepDests(%q) with no conversion = %q", s, got)
		}
	})
}
