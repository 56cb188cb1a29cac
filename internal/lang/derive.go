package lang

import (
	"fmt"
	"strings"
	"sync"

	"github.com/longbridgeapp/opencc"
)

// Converter derives text in one language from another. It is safe for
// concurrent use: OpenCC's dictionaries are read-only once loaded, so
// conversions run in parallel; short strings (labels, titles) are remembered.
type Converter struct {
	mu    sync.Mutex
	convs map[string]*opencc.OpenCC
	memo  sync.Map // [2]string{cfg, s} → string, for strings up to memoMax bytes
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

// NewConverter returns an empty converter.
func NewConverter() *Converter {
	return &Converter{convs: map[string]*opencc.OpenCC{}}
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
	cc, err := c.opencc(cfg)
	if err != nil {
		return "", err
	}
	out, err := cc.Convert(s)
	if err != nil {
		return "", fmt.Errorf("opencc %s: %w", cfg, err)
	}
	if len(s) <= memoMax {
		c.memo.Store(key, out)
	}
	return out, nil
}

// opencc returns the converter for cfg, loading its dictionaries once.
func (c *Converter) opencc(cfg string) (*opencc.OpenCC, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cc := c.convs[cfg]; cc != nil {
		return cc, nil
	}
	cc, err := opencc.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("opencc %s: %w", cfg, err)
	}
	c.convs[cfg] = cc
	return cc, nil
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return !strings.ContainsRune(s, 0)
}
