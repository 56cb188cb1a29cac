package figure

import "testing"

func TestCommonUnit(t *testing.T) {
	tests := []struct {
		in       []string
		pre, suf string
	}{
		{[]string{"CNY 257.64 million", "CNY 137.76 million"}, "CNY ", " million"},
		{[]string{"CNY 9.58 billion", "CNY 257.64 million"}, "CNY ", ""},
		{[]string{"CNY 9.58 billion"}, "CNY ", " billion"},
		{[]string{"3,714 people", "2,906 people"}, "", " people"},
		{[]string{"95.82億元", "25,764萬元"}, "", "元"},
		{[]string{"10億元", "20億元"}, "", "億元"},
		{[]string{"80.41%", "62.91%"}, "", ""},
		{[]string{"-6.0%", "9.0%"}, "", ""},
		{[]string{"12", "3"}, "", ""},
		{[]string{"No. 3", "No. 5"}, "", ""},
		{[]string{"5 people", "people"}, "", ""},
		{nil, "", ""},
	}
	for _, tt := range tests {
		pre, suf := commonUnit(tt.in)
		if pre != tt.pre || suf != tt.suf {
			t.Errorf("commonUnit(%q) = %q, %q; want %q, %q", tt.in, pre, suf, tt.pre, tt.suf)
		}
	}
}
