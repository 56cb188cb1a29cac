package chart

import "math"

// NiceStep returns the smallest of 1, 2, 2.5 and 5 times a power of ten
// that is at least x: a step between axis ticks a reader can add up.
func NiceStep(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= x*(1-1e-9) {
			return Clean(m * p)
		}
	}
	return Clean(10 * p)
}

// Clean drops binary noise: 0.30000000000000004 is 0.3.
func Clean(x float64) float64 {
	r := math.Round(x*1e9) / 1e9
	if math.Abs(r-x) < 1e-9*math.Max(1, math.Abs(x)) {
		return r
	}
	return x
}

// Extent returns the smallest and largest scaled values of series si (and
// 0): the range its axis must show.
func (p *Plot) Extent(sis ...int) (lo, hi float64) {
	for _, si := range sis {
		s := p.Series[si]
		for i, v := range s.Vals {
			if s.Has[i] {
				x := p.ScaledAt(si, v)
				lo, hi = math.Min(lo, x), math.Max(hi, x)
			}
		}
	}
	return lo, hi
}
