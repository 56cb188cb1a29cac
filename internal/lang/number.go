package lang

import (
	"math"
	"strconv"
	"strings"
)

// Unit is what a number counts, with its words in each language and how
// large values are scaled.
type Unit struct {
	ID string
	// Words is the unit word written after the number ("人", "people"), or
	// before it in Western style for a currency ("CNY 257.64 million").
	Words Text
	// Kind selects the formatting rule: "plain" (number and word),
	// "currency" (the code before the number in Western style), "percent",
	// "rank".
	Kind string
	// Scale says how large values are written: "" (as they are, 79,515),
	// "large" (萬 and 億; million and billion) or "thousand" (萬 and 億;
	// thousand, million and billion).
	Scale string
}

// Unit kinds.
const (
	KindPlain    = "plain"
	KindCurrency = "currency"
	KindPercent  = "percent"
	KindRank     = "rank"
)

// Unit scales.
const (
	ScaleNone     = ""
	ScaleLarge    = "large"
	ScaleThousand = "thousand"
)

// UnitKinds and UnitScales list the kinds and scales a site may declare.
var (
	UnitKinds  = []string{KindPlain, KindCurrency, KindPercent, KindRank}
	UnitScales = []string{"none", ScaleLarge, ScaleThousand}
)

// currencies are the ISO 4217 codes with built-in Chinese names; a site
// declares any other code in site.toml with kind = "currency".
var currencies = []struct{ code, hant, hans string }{
	{"CNY", "人民幣元", "人民币元"},
	{"HKD", "港元", "港元"},
	{"MOP", "澳門元", "澳门元"},
	{"TWD", "新臺幣元", "新台币元"},
	{"USD", "美元", "美元"},
	{"EUR", "歐元", "欧元"},
	{"GBP", "英鎊", "英镑"},
	{"JPY", "日圓", "日元"},
	{"SGD", "新加坡元", "新加坡元"},
	{"MYR", "令吉", "令吉"},
	{"AUD", "澳元", "澳元"},
	{"CAD", "加元", "加元"},
	{"KRW", "韓圓", "韩元"},
}

// BuiltinUnits returns the units every site has, keyed by ID: yuan (the
// renminbi as Chinese reports write it, 元), the currencies by ISO code
// (MOP, HKD, USD, …), percent, pp, people, visits (人次), count, rank,
// households, lengths and areas (m, km, sqm, sqkm, hectares, mu) and mass
// (tonnes).
func BuiltinUnits() map[string]Unit {
	w := func(hant, hans, en string) Text { return Text{"zh-Hant": hant, "zh-Hans": hans, "en": en} }
	u := map[string]Unit{
		"yuan":       {ID: "yuan", Kind: KindCurrency, Scale: ScaleLarge, Words: w("元", "元", "CNY")},
		"percent":    {ID: "percent", Kind: KindPercent},
		"pp":         {ID: "pp", Kind: KindPlain, Words: w("個百分點", "个百分点", "percentage points")},
		"people":     {ID: "people", Kind: KindPlain, Words: w("人", "人", "people")},
		"visits":     {ID: "visits", Kind: KindPlain, Scale: ScaleLarge, Words: w("人次", "人次", "visits")},
		"count":      {ID: "count", Kind: KindPlain},
		"rank":       {ID: "rank", Kind: KindRank},
		"sqm":        {ID: "sqm", Kind: KindPlain, Words: w("平方米", "平方米", "m²")},
		"sqkm":       {ID: "sqkm", Kind: KindPlain, Words: w("平方公里", "平方公里", "km²")},
		"hectares":   {ID: "hectares", Kind: KindPlain, Words: w("公頃", "公顷", "hectares")},
		"mu":         {ID: "mu", Kind: KindPlain, Scale: ScaleLarge, Words: w("畝", "亩", "mu")},
		"m":          {ID: "m", Kind: KindPlain, Words: w("米", "米", "m")},
		"km":         {ID: "km", Kind: KindPlain, Words: w("公里", "公里", "km")},
		"households": {ID: "households", Kind: KindPlain, Words: w("戶", "户", "households")},
		"tonnes":     {ID: "tonnes", Kind: KindPlain, Scale: ScaleLarge, Words: w("噸", "吨", "tonnes")},
	}
	for _, c := range currencies {
		u[c.code] = Unit{ID: c.code, Kind: KindCurrency, Scale: ScaleLarge, Words: w(c.hant, c.hans, c.code)}
	}
	return u
}

// Format writes v in unit u for a reader of language l:
// zh 25,764萬元, 95.82億元, 39.2%, 第3; en CNY 257.64 million, 39.2%, No. 3.
func Format(v float64, u Unit, l Lang) string { return FormatDec(v, -1, u, l) }

// FormatDec is Format keeping dec decimals, the precision the number was
// written with (9.0%, -6.0%), wherever the number is shown unscaled; dec < 0
// means the shortest form.
func FormatDec(v float64, dec int, u Unit, l Lang) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	cjk := l.NumberStyle() == StyleCJK
	word := u.Words.In(l)
	if word == "" && l.Script() != "" {
		word = u.Words["zh-"+l.Script()] // zh-CN reads the built-in zh-Hans words
	}
	if word == "" {
		word = u.Words[Any]
	}
	switch u.Kind {
	case KindPercent:
		return GroupDec(v, dec) + "%"
	case KindRank:
		if cjk {
			return "第" + Group(v)
		}
		return "No. " + Group(v)
	}
	n := GroupDec(v, dec)
	scale := ""
	if u.Scale != ScaleNone {
		if n, scale = u.scaled(v, l); scale == "" {
			n = GroupDec(v, dec)
		}
	}
	switch {
	case cjk:
		return n + scale + word
	case u.Kind == KindCurrency && word != "":
		word, n = "", word+" "+n
	}
	if scale != "" {
		n += " " + scale
	}
	if word == "" {
		return n
	}
	return n + " " + word
}

// scaled writes v in the unit's scale for l: 2,821 and 萬, 28.21 and million.
func (u Unit) scaled(v float64, l Lang) (num, scale string) {
	if l.NumberStyle() == StyleCJK {
		n, s := ScaleCJK(v)
		return n, l.cjkScale(s)
	}
	if u.Scale == ScaleThousand && math.Abs(v) >= 1e3 && math.Abs(v) < 1e6 {
		return groupDigits(trim(v / 1e3)), "thousand"
	}
	return ScaleWestern(v)
}

// Short writes v compactly for chart axes and labels, in the unit's scale
// but without the unit word: 95.82億, 9.58B.
func Short(v float64, u Unit, l Lang) string { return ShortDec(v, -1, u, l) }

// ShortDec is Short keeping dec decimals where the number is unscaled.
func ShortDec(v float64, dec int, u Unit, l Lang) string {
	switch {
	case u.Kind == KindPercent:
		return GroupDec(v, dec) + "%"
	case u.Scale != ScaleNone:
		n, s := u.scaled(v, l)
		if s == "" {
			return GroupDec(v, dec)
		}
		if l.NumberStyle() == StyleCJK {
			return n + s
		}
		return n + scaleAbbrev[s]
	}
	return GroupDec(v, dec)
}

var scaleAbbrev = map[string]string{"thousand": "k", "million": "m", "billion": "bn"}

// cjkScale writes a scale word (萬, 億) in the script of l.
func (l Lang) cjkScale(scale string) string {
	if l.Script() != ScriptHans {
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

// GroupDec is Group with exactly dec decimals (9.0); dec < 0 means Group.
func GroupDec(v float64, dec int) string {
	if dec < 0 || dec > 12 {
		return Group(v)
	}
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // no "-0.0"
	}
	return groupDigits(s)
}

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
