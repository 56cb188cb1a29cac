package lang

import (
	"fmt"
	"strings"
	"sync"
)

// Converter derives text in one language from another. It is safe for
// concurrent use: the dictionaries are read-only once loaded, so conversions
// run in parallel; short strings (labels, titles) are remembered.
type Converter struct {
	tables map[string]func() (*table, error) // by OpenCC configuration, loaded once
	memo   sync.Map                          // [2]string{cfg, s} → string, for strings up to memoMax bytes
}

// memoMax is the longest string remembered: labels repeat across pages,
// section bodies do not.
const memoMax = 256

// conversions maps a source and a target tag to an OpenCC configuration.
var conversions = map[[2]string]string{
	{"zh-Hant", "zh-Hans"}: "t2s",
	{"zh-TW", "zh-CN"}:     "tw2s",
	{"zh-Hans", "zh-Hant"}: "s2t",
}

// NewConverter returns a converter; it loads the dictionaries of a
// conversion on its first use.
func NewConverter() *Converter {
	c := &Converter{tables: map[string]func() (*table, error){}}
	for _, cfg := range conversions {
		c.tables[cfg] = sync.OnceValues(func() (*table, error) { return newTable(cfg) })
	}
	return c
}

// CanConvert reports whether text in from can be converted to to.
func CanConvert(from, to string) bool {
	_, ok := conversions[[2]string{from, to}]
	return ok
}

// Convert converts s from language from to language to. It returns an error
// when no conversion is known between the two.
func (c *Converter) Convert(from, to, s string) (string, error) {
	cfg, ok := conversions[[2]string{from, to}]
	if !ok {
		return "", fmt.Errorf("no conversion from %s to %s", from, to)
	}
	if s == "" || isASCII(s) {
		return s, nil
	}
	key := [2]string{cfg, s}
	if len(s) <= memoMax {
		if out, ok := c.memo.Load(key); ok {
			return out.(string), nil
		}
	}
	t, err := c.tables[cfg]()
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
