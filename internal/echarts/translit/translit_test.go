package translit

import "testing"

func TestMap(t *testing.T) {
	for _, tc := range []struct {
		from, to string
		want     map[rune]rune
	}{
		{"abc", "abc", map[rune]rune{}},
		{"總額 總", "总额 总", map[rune]rune{'總': '总', '額': '额'}},
		{"值值", "值值", map[rune]rune{'值': '值'}},
		{"乾乾", "干乾", nil},     // one character, two forms
		{"乾", "干干", nil},      // longer
		{"a", "b", nil},       // not CJK
		{"é", "e", nil},       // not CJK
		{"\xff", "\xff", nil}, // not UTF-8
		{"𠀀", "丁", nil},       // UTF-16 length differs
		{"𠀀𠀀", "𠀁𠀁", map[rune]rune{'𠀀': '𠀁'}},
	} {
		got, ok := Map([]byte(tc.from), []byte(tc.to))
		if ok != (tc.want != nil) {
			t.Errorf("Map(%q, %q): ok %v, want %v", tc.from, tc.to, ok, tc.want != nil)
			continue
		}
		if !ok {
			continue
		}
		if len(got) != len(tc.want) {
			t.Errorf("Map(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("Map(%q, %q)[%q] = %q, want %q", tc.from, tc.to, k, got[k], v)
			}
		}
	}
}

func TestReplace(t *testing.T) {
	m := map[rune]rune{'總': '总', '額': '额'}
	for _, tc := range []struct{ in, want string }{
		{"總額 1.2億", "总额 1.2億"},
		{"", ""},
		{"abc", "abc"},
	} {
		if got := Replace(tc.in, m); got != tc.want {
			t.Errorf("Replace(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzMap: a replacement Map finds turns from into to.
func FuzzMap(f *testing.F) {
	f.Add("社會消費品零售總額 39.2%", "社会消费品零售总额 39.2%")
	f.Add("乾乾", "干乾")
	f.Add("a", "b")
	f.Fuzz(func(t *testing.T, from, to string) {
		m, ok := Map([]byte(from), []byte(to))
		if ok && Replace(from, m) != to {
			t.Errorf("Map(%q, %q) = %q, which makes %q", from, to, m, Replace(from, m))
		}
	})
}
