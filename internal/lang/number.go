package lang

import (
	"math"
	"strconv"
	"strings"
)

// Unit is what a number counts, with its words in each language.
type Unit struct {
	ID string
	// Words is the unit word written after the number ("人", "people").
	Words Text
	// Kind selects the formatting rule: "plain" (number and word),
	// "currency" (萬元/億元; CNY million/billion), "percent", "rank".
	Kind string
}

// Unit kinds.
const (
	KindPlain    = "plain"
	KindCurrency = "currency"
	KindPercent  = "percent"
	KindRank     = "rank"
)

// BuiltinUnits returns the units every site has, keyed by ID.
func BuiltinUnits() map[string]Unit {
	return map[string]Unit{
		"yuan":       {ID: "yuan", Kind: KindCurrency, Words: Text{"zh-Hant": "元", "zh-Hans": "元", "en": "CNY"}},
		"percent":    {ID: "percent", Kind: KindPercent},
		"pp":         {ID: "pp", Kind: KindPlain, Words: Text{"zh-Hant": "個百分點", "zh-Hans": "个百分点", "en": "percentage points"}},
		"people":     {ID: "people", Kind: KindPlain, Words: Text{"zh-Hant": "人", "zh-Hans": "人", "en": "people"}},
		"count":      {ID: "count", Kind: KindPlain},
		"rank":       {ID: "rank", Kind: KindRank},
		"sqm":        {ID: "sqm", Kind: KindPlain, Words: Text{"zh-Hant": "平方米", "zh-Hans": "平方米", "en": "m²"}},
		"m":          {ID: "m", Kind: KindPlain, Words: Text{"zh-Hant": "米", "zh-Hans": "米", "en": "m"}},
		"households": {ID: "households", Kind: KindPlain, Words: Text{"zh-Hant": "戶", "zh-Hans": "户", "en": "households"}},
	}
}

// Format writes v in unit u for a reader of language l:
// zh 25,764萬元, 95.82億元, 39.2%, 第3; en CNY 257.64 million, 39.2%, No. 3.
func Format(v float64, u Unit, l Lang) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	cjk := l.NumberStyle() == StyleCJK
	word := u.Words.In(l)
	if word == "" {
		word = u.Words[Any]
	}
	switch u.Kind {
	case KindPercent:
		return Group(v) + "%"
	case KindRank:
		if cjk {
			return "第" + Group(v)
		}
		return "No. " + Group(v)
	case KindCurrency:
		if cjk {
			n, scale := ScaleCJK(v)
			return n + l.cjkScale(scale) + word
		}
		n, scale := ScaleWestern(v)
		if scale != "" {
			return word + " " + n + " " + scale
		}
		return word + " " + n
	}
	n := Group(v)
	switch {
	case word == "":
		return n
	case cjk:
		return n + word
	}
	return n + " " + word
}

// Short writes v compactly for chart axes and labels, in the unit's scale
// but without the unit word: 95.82億, 9.58B.
func Short(v float64, u Unit, l Lang) string {
	switch u.Kind {
	case KindPercent:
		return Group(v) + "%"
	case KindCurrency:
		if l.NumberStyle() == StyleCJK {
			n, s := ScaleCJK(v)
			return n + l.cjkScale(s)
		}
		n, s := ScaleWestern(v)
		return n + scaleAbbrev[s]
	}
	return Group(v)
}

var scaleAbbrev = map[string]string{"million": "m", "billion": "bn"}

// simplifiedScales are the locales that write 万 and 亿 for 萬 and 億.
var simplifiedScales = map[string]bool{"zh-hans": true, "zh-cn": true, "zh-sg": true, "zh-my": true}

// cjkScale writes a scale word (萬, 億) in the script of l.
func (l Lang) cjkScale(scale string) string {
	if !simplifiedScales[strings.ToLower(l.Tag)] && !strings.HasPrefix(strings.ToLower(l.Tag), "zh-hans-") {
		return scale
	}
	switch scale {
	case "萬":
		return "万"
	case "億":
		return "亿"
	}
	return scale
}

// ScaleCJK returns v in 億 when that takes at most two decimals, else in 萬
// when v is at least 10,000, else as is; with thousands separators.
func ScaleCJK(v float64) (num, scale string) {
	a := math.Abs(v)
	if a >= 1e8 && decimals(v/1e8) <= 2 {
		return groupDigits(trim(v / 1e8)), "億"
	}
	if a >= 1e4 {
		return groupDigits(trim(v / 1e4)), "萬"
	}
	return groupDigits(trim(v)), ""
}

// ScaleWestern returns v in billions or millions when at least that large.
func ScaleWestern(v float64) (num, scale string) {
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return groupDigits(trim(v / 1e9)), "billion"
	case a >= 1e6:
		return groupDigits(trim(v / 1e6)), "million"
	}
	return groupDigits(trim(v)), ""
}

// Group writes v with the shortest decimals that round-trip and a comma every
// three digits.
func Group(v float64) string { return groupDigits(trim(v)) }

func trim(v float64) string {
	// Round away binary noise such as 257.64000000000001 before printing.
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 > 6 {
		s = strconv.FormatFloat(v, 'f', 6, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

func decimals(v float64) int {
	s := trim(v)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

func groupDigits(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
