package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// searchCase is one query of testdata/search/<site name>.toml.
type searchCase struct {
	Name string   `toml:"name"`
	Page string   `toml:"page"`
	Q    string   `toml:"q"`
	Want []string `toml:"want"`
	None bool     `toml:"none"`
}

// searchCases reads the query table of the site named name in its
// site.toml. Every fully tested site of siteSpecs has one.
func searchCases(t *testing.T, name string) []searchCase {
	t.Helper()
	file := filepath.Join("testdata", "search", name+".toml")
	var table struct {
		Query []searchCase `toml:"query"`
	}
	md, err := toml.DecodeFile(file, &table)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		t.Fatalf("%s: unknown keys %v", file, u)
	}
	if len(table.Query) == 0 {
		t.Fatalf("%s: no [[query]]", file)
	}
	return table.Query
}

// searchResult is what the search box shows for a query.
type searchResult struct {
	Err    string   `json:"err"`
	MS     float64  `json:"ms"`
	Count  int      `json:"count"`
	Hrefs  []string `json:"hrefs"`
	Status string   `json:"status"`
}

// searchScript types a query into the search box and waits for the count
// of results it announces; ms is the time from the input event to then.
const searchScript = `(async (q) => {
  const box = document.querySelector('.site-search');
  if (!box || box.hidden) return {err: 'no visible search box'};
  const input = box.querySelector('input');
  input.focus();
  box.removeAttribute('data-count');
  input.value = q;
  const t0 = performance.now();
  input.dispatchEvent(new Event('input', {bubbles: true}));
  let t1 = performance.now();
  for (let i = 0; i < 1000 && !box.hasAttribute('data-count'); i++) {
    await new Promise(r => setTimeout(r, 5));
    t1 = performance.now();
  }
  if (!box.hasAttribute('data-count')) return {err: 'no results announced after 5 s'};
  return {ms: t1 - t0, count: +box.getAttribute('data-count'),
    hrefs: [...box.querySelectorAll('.search-list li > a')].map(a => a.getAttribute('href')),
    status: box.querySelector('[role=status]').textContent};
})(%s)`

func runSearch(tb *tab, q string) (searchResult, error) {
	arg, _ := json.Marshal(q)
	return eval[searchResult](tb, fmt.Sprintf(searchScript, arg), true)
}

// TestSearch runs the site's query table in the search box, over HTTP under
// a sub-path and from file://.
func TestSearch(t *testing.T) {
	needBrowser(t)
	for _, st := range sites {
		if !st.full {
			continue
		}
		t.Run(st.name, func(t *testing.T) { searchSite(t, st) })
	}
}

// searchSite runs the query table of one built site.
func searchSite(t *testing.T, st *builtSite) {
	cases := searchCases(t, st.name)
	for _, o := range st.origins() {
		t.Run(o.name, func(t *testing.T) {
			tb := newTab(t)
			if err := tb.setup(phone, true, "light"); err != nil {
				t.Fatal(err)
			}
			page := ""
			for _, c := range cases {
				if c.Page != page {
					if err := tb.open(o.base, c.Page); err != nil {
						t.Fatalf("open %s: %v", c.Page, err)
					}
					page = c.Page
				}
				r, err := runSearch(tb, c.Q)
				if err != nil || r.Err != "" {
					t.Fatalf("%s: %q on %s: %v%s", c.Name, c.Q, c.Page, err, r.Err)
				}
				switch {
				case c.None && r.Count != 0:
					t.Errorf("%s: %q on %s found %d (%v), want none", c.Name, c.Q, c.Page, r.Count, r.Hrefs)
				case !c.None && r.Count == 0:
					t.Errorf("%s: %q on %s found nothing, want %v", c.Name, c.Q, c.Page, c.Want)
				}
				for _, w := range c.Want {
					if !slices.Contains(r.Hrefs, w) {
						t.Errorf("%s: %q on %s: %s not among the results %v", c.Name, c.Q, c.Page, w, r.Hrefs)
					}
				}
				if r.Status == "" {
					t.Errorf("%s: %q on %s: nothing announced in the live region", c.Name, c.Q, c.Page)
				}
			}
			if errs := tb.take(); len(errs) > 0 {
				t.Errorf("problems while searching:\n%s", strings.Join(errs, "\n"))
			}
			// Without JavaScript there is no search box to see.
			if err := tb.setup(phone, false, "light"); err != nil {
				t.Fatal(err)
			}
			if err := tb.open(o.base, cases[0].Page); err != nil {
				t.Fatal(err)
			}
			shown, err := eval[bool](tb, `(() => { const b = document.querySelector('.site-search'); return !b || !b.hidden || b.getBoundingClientRect().height > 0; })()`, false)
			if err != nil || shown {
				t.Errorf("without JavaScript the search box is missing or shown (%v)", err)
			}
		})
	}
}

// TestSearchSpeed checks that results follow typing within 100 ms on a
// CPU slowed four times, once the index has loaded (on focus).
func TestSearchSpeed(t *testing.T) {
	needBrowser(t)
	tb := newTab(t)
	if err := tb.setup(phone, true, "light"); err != nil {
		t.Fatal(err)
	}
	if err := tb.open(origins()[0].base, "zh-hant/index.html"); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	// The first query waits for the index files; the reader's typing
	// after it is what must feel immediate.
	if r, err := runSearch(tb, "經濟"); err != nil || r.Err != "" || r.Count == 0 {
		t.Fatalf("warm-up query: %+v %v", r, err)
	}
	worst := 0.0
	for _, q := range []string{"疫", "疫苗", "疫苗接", "疫苗接種", "7.95萬", "vaccinated", "一般公共預算總收入", "規模以上工業"} {
		// The best of three: on a machine shared with other work, one
		// run may wait for the CPU.
		best := -1.0
		var r searchResult
		for range 3 {
			var err error
			r, err = runSearch(tb, q)
			if err != nil || r.Err != "" {
				t.Fatalf("%q: %v %s", q, err, r.Err)
			}
			if best < 0 || r.MS < best {
				best = r.MS
			}
		}
		worst = max(worst, best)
		t.Logf("%q: %d results in %.1f ms (best of 3, 4× CPU throttling)", q, r.Count, best)
	}
	if worst > 100 {
		t.Errorf("slowest query took %.1f ms with 4× CPU throttling, want ≤ 100 ms", worst)
	}
	if errs := tb.take(); len(errs) > 0 {
		t.Errorf("problems while searching:\n%s", strings.Join(errs, "\n"))
	}
}
