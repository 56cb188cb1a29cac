package par

import (
	"sync/atomic"
	"testing"
)

func TestDo(t *testing.T) {
	for _, tc := range []struct{ workers, n int }{{0, 0}, {0, 1}, {1, 10}, {3, 100}, {16, 5}, {-1, 50}} {
		seen := make([]int32, tc.n)
		var running, most atomic.Int32
		Do(tc.workers, tc.n, func(i int) {
			r := running.Add(1)
			for m := most.Load(); r > m && !most.CompareAndSwap(m, r); m = most.Load() {
			}
			atomic.AddInt32(&seen[i], 1)
			running.Add(-1)
		})
		for i, c := range seen {
			if c != 1 {
				t.Errorf("Do(%d, %d): fn(%d) called %d times, want once", tc.workers, tc.n, i, c)
			}
		}
		if tc.workers > 0 && int(most.Load()) > tc.workers {
			t.Errorf("Do(%d, %d): %d calls at once", tc.workers, tc.n, most.Load())
		}
	}
}
