package echarts

// Stats counts cache use: what the tests of the cache observe.
type Stats struct {
	// Hits counts charts read from the cache.
	Hits int64
	// Misses counts charts rendered by ECharts.
	Misses int64
}

// Stats reports how many charts came from the cache and how many were
// rendered.
func (r *Renderer) Stats() Stats {
	return Stats{Hits: r.hits.Load(), Misses: r.misses.Load()}
}
