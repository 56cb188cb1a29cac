package lang

import (
	"sync"
	"testing"
)

// TestPrepare: a converter prepared in another goroutine, while it is used,
// converts as one that was not; a pair without a conversion is ignored.
func TestPrepare(t *testing.T) {
	const text = "國務院辦公廳關於進一步優化營商環境的意見，「學習」與發展。"
	want, err := NewConverter().Convert("zh-Hant", "zh-Hans", text)
	if err != nil {
		t.Fatal(err)
	}
	if want == text {
		t.Fatalf("%q is not converted; the test needs text that is", text)
	}
	c := NewConverter()
	c.Prepare("en", "zh-Hans")
	var wg sync.WaitGroup
	wg.Go(func() { c.Prepare("zh-Hant", "zh-Hans") })
	got, err := c.Convert("zh-Hant", "zh-Hans", text)
	wg.Wait()
	if err != nil || got != want {
		t.Errorf("prepared: Convert = %q, %v; want %q", got, err, want)
	}
}
