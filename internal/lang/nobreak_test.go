package lang

import (
	"strings"
	"testing"
)

func TestNoBreaks(t *testing.T) {
	hans, hant, en := Lang{Tag: "zh-Hans"}, Lang{Tag: "zh-Hant"}, Lang{Tag: "en"}
	for _, c := range []struct {
		l     Lang
		in    string
		units []string
		want  string // the spans in brackets
	}{
		{hans, "澳门2023年第3季本地生产总值", nil, "澳门[2023年][第3季]本地生产总值"},
		{hans, "3,795亿澳门元", nil, "[3,795亿][澳门元]"},
		{hant, "828.2萬人次", nil, "[828.2萬][人次]"},
		{hant, "相當於2019年同期 83.5%", nil, "相當於[2019年]同期 83.5%"},
		{hans, "增长116.1%", nil, "增长116.1%"}, // digits and % alone: nothing wide to hold
		{hans, "约20万名", nil, "[约20万名]"},
		{hant, "共有172個服務站", nil, "共有[172個]服務站"},
		{hans, "收入25764万元", nil, "收入[25764万元]"},
		{hans, "3个百分点", nil, "[3个百分点]"},
		{hans, "面积12公顷", nil, "面积[12公顷]"},
		{hans, "面积12万公顷", nil, "面积[12万][公顷]"},
		{hans, "12箱货物", []string{"箱"}, "[12箱]货物"},
		{hans, "12箱货物", nil, "12箱货物"},
		{hans, "第三季", nil, "第三季"},
		{hans, "60周岁以上", nil, "[60周岁]以上"},
		{hant, "3個月", nil, "[3個月]"},
		{hans, "1.、2", nil, "1.、2"},
		{en, "Q3 2023年", nil, "Q3 2023年"},
		{hans, "", nil, ""},
	} {
		rs := []rune(c.in)
		var b strings.Builder
		at := 0
		for _, s := range NoBreaks(c.l, c.in, c.units) {
			b.WriteString(string(rs[at:s.Start]) + "[" + string(rs[s.Start:s.End]) + "]")
			at = s.End
		}
		b.WriteString(string(rs[at:]))
		if got := b.String(); got != c.want {
			t.Errorf("NoBreaks(%s, %q) = %s, want %s", c.l.Tag, c.in, got, c.want)
		}
	}
}

func FuzzNoBreaks(f *testing.F) {
	for _, s := range []string{"澳门2023年第3季", "3,795亿澳门元", "第3", "1.5%", "9,", "第"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := len([]rune(s))
		prev := 0
		for _, sp := range NoBreaks(Lang{Tag: "zh-Hant"}, s, []string{"箱"}) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > n {
				t.Fatalf("NoBreaks(%q): bad span %v after %d", s, sp, prev)
			}
			prev = sp.End
		}
	})
}
