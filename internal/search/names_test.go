package search

import "slices"

// names lists the loaded files, sorted.
func (r *Reader) names() []string {
	var out []string
	for n := range r.Loaded {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}
