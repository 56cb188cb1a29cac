// Package par runs independent pieces of work on several goroutines.
package par

import (
	"runtime"
	"sync"
)

// Do calls fn(0) … fn(n-1) on up to workers goroutines at once (one per CPU
// when workers ≤ 0) and returns when every call has. Each call must touch
// only its own part of any shared result.
func Do(workers, n int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = max(1, min(workers, n))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
