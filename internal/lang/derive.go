package lang

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Converter derives text in one language from another. It is safe for
// concurrent use: the dictionaries are read-only once loaded, so conversions
// run in parallel; short strings (labels, titles) are remembered.
type Converter struct {
	tables map[string]func() (*table, error) // by OpenCC configuration, loaded once
	chosen map[[2]string]string              // a site's choice of configuration for a pair, set before use
	memo   sync.Map                          // [2]string{cfg, s} → string, for strings up to memoMax bytes
}

// memoMax is the longest string remembered: labels repeat across pages,
// section bodies do not.
const memoMax = 256

// conversions lists, for a source and a target tag, the OpenCC
// configurations that convert between them; the first is the default.
// zh-Hant from zh-Hans defaults to the Taiwan standard with its phrases
// (s2twp: 為, 回復, 軟體); s2hk gives the Hong Kong standard, s2t OpenCC's
// own traditional characters (爲, 回覆).
var conversions = map[[2]string][]string{
	{"zh-Hant", "zh-Hans"}: {"t2s"},
	{"zh-TW", "zh-CN"}:     {"tw2s", "tw2sp"},
	{"zh-Hans", "zh-Hant"}: {"s2twp", "s2tw", "s2hk", "s2t"},
	{"zh-Hans", "zh-TW"}:   {"s2twp", "s2tw"},
	{"zh-Hans", "zh-HK"}:   {"s2hk"},
	{"zh-CN", "zh-TW"}:     {"s2twp", "s2tw"},
	{"zh-TW", "zh-Hans"}:   {"tw2s", "tw2sp"},
	{"zh-HK", "zh-Hans"}:   {"hk2s"},
}

// asciiKeys are the configurations with dictionary keys that start with an
// ASCII letter (TWPhrases: "PN結"), where ASCII text is not passed through
// untouched (TestASCIIUnchanged checks the others).
var asciiKeys = map[string]bool{"s2twp": true, "tw2sp": true}

// NewConverter returns a converter; it loads the dictionaries of a
// conversion on its first use.
func NewConverter() *Converter {
	c := &Converter{tables: map[string]func() (*table, error){}, chosen: map[[2]string]string{}}
	for _, cfgs := range conversions {
		for _, cfg := range cfgs {
			if _, ok := c.tables[cfg]; !ok {
				c.tables[cfg] = sync.OnceValues(func() (*table, error) { return newTable(cfg) })
			}
		}
	}
	return c
}

// CanConvert reports whether text in from can be converted to to.
func CanConvert(from, to string) bool {
	_, ok := conversions[[2]string{from, to}]
	return ok
}

// Conversions returns the OpenCC configurations that convert from to to,
// the default first.
func Conversions(from, to string) []string {
	return slices.Clone(conversions[[2]string{from, to}])
}

// Choose makes cfg the configuration used from from to to; cfg must be one
// of Conversions(from, to). Call it before the converter is shared.
func (c *Converter) Choose(from, to, cfg string) error {
	if !slices.Contains(conversions[[2]string{from, to}], cfg) {
		return fmt.Errorf("no conversion %s from %s to %s; use one of: %s", cfg, from, to, strings.Join(conversions[[2]string{from, to}], ", "))
	}
	c.chosen[[2]string{from, to}] = cfg
	return nil
}

// Config returns the configuration used from from to to, or "".
func (c *Converter) Config(from, to string) string {
	if cfg, ok := c.chosen[[2]string{from, to}]; ok {
		return cfg
	}
	if cfgs := conversions[[2]string{from, to}]; len(cfgs) > 0 {
		return cfgs[0]
	}
	return ""
}

// Convert converts s from language from to language to. It returns an error
// when no conversion is known between the two.
func (c *Converter) Convert(from, to, s string) (string, error) {
	cfg := c.Config(from, to)
	if cfg == "" {
		return "", fmt.Errorf("no conversion from %s to %s", from, to)
	}
	return c.ConvertWith(cfg, s)
}

// ConvertWith converts s by the OpenCC configuration cfg.
func (c *Converter) ConvertWith(cfg, s string) (string, error) {
	load, ok := c.tables[cfg]
	if !ok {
		return "", fmt.Errorf("no conversion %s", cfg)
	}
	if s == "" || isASCII(s) && !asciiKeys[cfg] {
		return s, nil
	}
	key := [2]string{cfg, s}
	if len(s) <= memoMax {
		if out, ok := c.memo.Load(key); ok {
			return out.(string), nil
		}
	}
	t, err := load()
	if err != nil {
		return "", err
	}
	out, err := t.Convert(s)
	if err != nil {
		return "", err
	}
	if len(s) <= memoMax {
		c.memo.Store(key, out)
	}
	return out, nil
}

// Must is Convert for callers that checked CanConvert: it returns s
// unchanged if conversion fails.
func (c *Converter) Must(from, to, s string) string {
	out, err := c.Convert(from, to, s)
	if err != nil {
		return s
	}
	return out
}

// isASCII reports whether s is ASCII without NUL: text that no conversion
// changes, as no dictionary has a key starting with an ASCII byte
// (TestASCIIUnchanged).
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return !strings.ContainsRune(s, 0)
}
