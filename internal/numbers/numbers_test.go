package numbers

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// vals formats the values of vs as "v kind text" for comparison.
func vals(vs []Value) string {
	var parts []string
	for _, v := range vs {
		k := ""
		switch v.Kind {
		case Percent:
			k = "%"
		case Word:
			k = "w"
		case Numeral:
			k = "n"
		}
		parts = append(parts, fmt.Sprintf("%s%s", strconvG(v.V), k))
	}
	return strings.Join(parts, " ")
}

func strconvG(v float64) string { return fmt.Sprintf("%.13g", v) }

func TestExtractCJK(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"budget", "1-11月份，一般公共預算總收入25764萬元，完成年度計劃81.76%，全區排名第5；", "1 11 257640000 81.76% 5"},
		{"yi", "完成限額以上商業零售額95.82億元，比增39.2%，全區排名第3；", "9582000000 39.2% 3"},
		{"services", "完成規模以上營利性服務業3900萬元，比增63.3%，全區排名第3。", "39000000 63.3% 3"},
		{"names", "推薦泉州賜福4S店、一汽紅旗4S店、好車匯、T3汽車出行等6個項目", "6"},
		{"qualifier before scale", "全年累計開展12場次，投入資金400多萬元，整治督查問題點575處", "12 4000000 575"},
		{"qualifier after scale", "黃龍大廈115套71戶共計22萬余平方米征收任務。", "115 71 220000"},
		{"near", "籌集資金近200萬元，完成上村社區排洪溝改造", "2000000"},
		{"many", "已排查大數據、公安數據、交通數據等10000多條，小程序6000多條", "10000 6000"},
		{"decimal wan", "盤活閑置資源5.2萬平方米，冠明科技、東興線帶等16000平標準廠房已建成投產", "52000 16000"},
		{"numerals left out", "十九屆六中全會精神，三個方面，一肩挑", ""},
		{"full-width", "新引進企業３８５家，總注冊資本１０．２２億元，占比６９．６％", "385 1022000000 69.6%"},
		{"separators", "共接種79,515人，其中1,234.5萬", "79515 12345000"},
		{"not a separator", "第1,2批和3,4567", "1 2 3 4567"},
		{"range", "5+2、白+黑，連續奮戰10個月；1-11月", "5 2 10 1 11"},
		{"wan yi", "總額1.2萬億元", "1200000000000"},
		{"percent after qualifier", "覆蓋率達80%以上，增長1.5多%", "80% 1.5%"},
		{"year", "2021年度區級上市后備企業", "2021"},
		{"simplified", "投入资金400多万元，总额1.5亿元", "4000000 150000000"},
		{"lower-case unit", "道路改造1000m，管網5km", "1000 5"},
		{"covid", "COVID-19疫苗", ""},
		{"superscript", "600m²", "600"},
		{"pataca", "本地生產總值為3,795億澳門元，入境旅客2,821萬人次", "379500000000 28210000"},
		{"name with decimals", "PM2.5年均濃度", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := vals(Extract(tt.text, "cjk")); got != tt.want {
				t.Errorf("Extract(%q, cjk) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestExtractWestern(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"budget", "In January–November, total general public budget revenue was CNY 257.64 million, 81.76% of the annual plan, ranking 5th in the district;", "1w 11w 257640000 81.76% 5"},
		{"billion", "Retail sales reached CNY 9.582 billion, year-on-year growth of 39.2%, ranking 3rd in the district;", "9582000000 39.2% 3"},
		{"names", "the Quanzhou Cifu 4S dealership, T3 Mobility and COVID-19 vaccines, 5G", ""},
		{"square metres", "52,000 m² of idle resources were put back into use; 16,000 m² of standard factory buildings", "52000 16000"},
		{"thousand", "52 thousand people and 1.5 thousand", "52000 1500"},
		{"percent word", "growth of 39.2 percent, and 5 per cent, and 7 %", "39.2% 5% 7%"},
		{"ordinals", "the 1st, 2nd, 3rd, 19th and 21st", "1 2 3 19 21"},
		{"ordinal words", "First, the first to meet; the Sixth Plenary Session; the twelfth; twenty-first", "1w 1w 6w 12w 21w"},
		{"small words", "Tianzhong Machinery and Lixin Heat Exchange, two enterprises, one by one; eight areas", "2w 1w 1w 8w"},
		{"compound words", "twenty-one, three hundred and five, two million, a hundred", "21w 305w 2000000w 100w"},
		{"separate words", "one two", "1w 2w"},
		{"hyphenated compound", "a three-in-one premises", "3w 1w"},
		{"months", "in mid-November; from March to December; you may go", "11w 3w 12w"},
		{"sentence end", "in 2021. Then 3.5 and 4.", "2021 3.5 4"},
		{"bn", "CNY 9.58bn", "9580000000"},
		{"not words", "someone, oneself, tone, Mayor, anyone", ""},
		{"no space scale", "CNY 4 million was invested", "4000000"},
		{"ranges", "more than 10,000 records and 5-10 days", "10000 5 10"},
		{"currency code against the number", "MOP379.5 billion, HKD12,000 and USD 3.2bn", "379500000000 12000 3200000000"},
		{"currency code and thousand", "MOP 12.3 thousand and 28.21 million visitor arrivals", "12300 28210000"},
		{"name with decimals", "PM2.5 and PM10 levels", ""},
		{"code is not four letters", "ABCD12 and aMOP3", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := vals(Extract(tt.text, "western")); got != tt.want {
				t.Errorf("Extract(%q, western) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestPeriods marks the numbers that name a year, month or quarter, in both
// styles, and leaves figures alone.
func TestPeriods(t *testing.T) {
	tests := []struct {
		text, style, want string // want: "V" per value, "V@" for a period
	}{
		{"2023年第3季本地生產總值按年下跌6.0%", "cjk", "2023@ 3@ 6%"},
		{"2023年第三季度，1-11月，2019-2023年", "cjk", "2023@ 1@ 11@ 2019@ 2023@"},
		{"第3名，3季，13月，共3年", "cjk", "3 3 13 3"},
		{"2023年首3季增長77.7%，回復至2019年同期的77.4%", "cjk", "2023@ 3 77.7% 2019@ 77.4%"},
		{"GDP fell 6.0% in Q3 2023 and rose in 2019–2023", "western", "6% 3@ 2023@ 2019@ 2023@"},
		{"the third quarter, the 3rd quarter, the fourth-quarter figure", "western", "3@ 3@ 4@"},
		{"Q5, Q30, Q3.5, aQ3 are names", "western", ""},
		{"Q4/2023 and (Q1)", "western", "4@ 2023@ 1@"},
		{"1,950 people, 19500 and 2023.5", "western", "1950 19500 2023.5"},
		{"in January–March", "western", "1w 3w"},
	}
	for _, tt := range tests {
		var got []string
		for _, v := range Extract(tt.text, tt.style) {
			s := strconvG(v.V)
			switch v.Kind {
			case Period:
				s += "@"
			case Percent:
				s += "%"
			case Word:
				s += "w"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Extract(%q, %s) = %q, want %q", tt.text, tt.style, g, tt.want)
		}
	}
}

func TestExtractText(t *testing.T) {
	tests := []struct {
		text, style string
		want        []string
	}{
		{"總收入25764萬元，比增39.2%", "cjk", []string{"25764萬", "39.2%"}},
		{"共計22萬余平方米，10000多條", "cjk", []string{"22萬余", "10000多"}},
		{"資金400多萬元", "cjk", []string{"400多萬"}},
		{"was CNY 257.64 million, 81.76% of", "western", []string{"257.64 million", "81.76%"}},
		{"ranking 5th, the twenty-first, 5 per cent", "western", []string{"5th", "twenty-first", "5 per cent"}},
	}
	for _, tt := range tests {
		vs := Extract(tt.text, tt.style)
		var got []string
		for _, v := range vs {
			got = append(got, v.Text)
			if tt.text[v.Offset:v.End()] != v.Text {
				t.Errorf("Extract(%q): value %q at %d does not match the text", tt.text, v.Text, v.Offset)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Extract(%q, %s) texts = %q, want %q", tt.text, tt.style, got, tt.want)
		}
	}
}

func TestNumerals(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"十九屆", "10n 19n 9n"},
		{"十四五", "10n 14n 4n 5n"},
		{"兩委", "2n"},
		{"一百零五", "1n 100n 105n 100n 105n 0n 5n"},
		{"二〇二一年", "0n 1n 2n 20n 21n 202n 2021n"},
		{"三千萬", "3n 3000n 30000000n 1000n 10000000n 10000n"},
		{"25764萬元", "10000n"},
		{"常泰街道", ""},
	}
	for _, tt := range tests {
		got := Numerals(tt.text)
		// Compare as sets: the order of the parts of a run is an
		// implementation detail.
		want := map[float64]bool{}
		for _, f := range strings.Fields(tt.want) {
			var v float64
			fmt.Sscanf(strings.TrimSuffix(f, "n"), "%g", &v)
			want[v] = true
		}
		have := map[float64]bool{}
		for _, v := range got {
			have[v.V] = true
			if v.Kind != Numeral || tt.text[v.Offset:v.End()] != v.Text {
				t.Errorf("Numerals(%q): bad value %+v", tt.text, v)
			}
		}
		if fmt.Sprint(keys(have)) != fmt.Sprint(keys(want)) {
			t.Errorf("Numerals(%q) = %v, want %v", tt.text, keys(have), keys(want))
		}
	}
}

func keys(m map[float64]bool) []float64 {
	var out []float64
	for k := range m {
		out = append(out, k)
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestEqual(t *testing.T) {
	tests := []struct {
		a, b float64
		want bool
	}{
		{257.64 * 1e6, 257640000, true},
		{0, 0, true},
		{1, 1.0000001, false},
		{9582000000, 9582000000.000001, true},
		{39.2, 39.3, false},
		{0, 1e-300, false},
	}
	for _, tt := range tests {
		if got := Equal(tt.a, tt.b); got != tt.want {
			t.Errorf("Equal(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestParity runs both styles over the first sentences of the report and
// its translation: every Chinese number is among the English ones.
func TestParity(t *testing.T) {
	zh := "完成限額以上商業銷售額145.72億元，比增30.7%，全區排名第5；完成規模以上工業183.63億元，比增13.9%。新引進企業385家，總注冊資本10.22億元，盤活閑置資源5.2萬平方米。街道于11月中旬在全區率先完成全部209棟重大安全隱患房屋整治工作，處置率達100%。"
	en := "commercial sales reached CNY 14.572 billion, year-on-year growth of 30.7%, ranking 5th in the district; output reached CNY 18.363 billion, year-on-year growth of 13.9%. A total of 385 new enterprises were brought in, with total registered capital of CNY 1.022 billion; 52,000 m² of idle resources were put back into use. In mid-November the subdistrict became the first in the district to complete the remediation of all 209 buildings, a disposal rate of 100%."
	env := Extract(en, "western")
	for _, v := range Extract(zh, "cjk") {
		if !Contains(env, v.V) {
			t.Errorf("%s (%v) not found in the English %s", v.Text, v.V, vals(env))
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"一般公共預算總收入25764萬元，完成年度計劃81.76%",
		"CNY 257.64 million, 81.76% of the annual plan, ranking 5th",
		"二〇二一年十九屆六中全會，400多萬元，22萬余平方米",
		"twenty-one, three hundred and five thousand, March, 39.2 per cent",
		"1,234,567.89 ９．５％ 4S T3 COVID-19 m² 1-11月",
		"1萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬萬",
		"\xff1\xfe,000.\x80",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, style := range []string{"cjk", "western"} {
			for _, v := range Extract(s, style) {
				if v.V < 0 || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
					t.Errorf("Extract(%q, %s): bad value %v", s, style, v.V)
				}
				if v.Offset < 0 || v.End() > len(s) || s[v.Offset:v.End()] != v.Text || v.Text == "" {
					t.Errorf("Extract(%q, %s): value %+v does not match the text", s, style, v)
				}
			}
		}
		for _, v := range Numerals(s) {
			if v.V < 0 || math.IsNaN(v.V) || s[v.Offset:v.End()] != v.Text || !utf8.ValidString(v.Text) {
				t.Errorf("Numerals(%q): bad value %+v", s, v)
			}
		}
	})
}
