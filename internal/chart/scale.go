package chart

import "math"

// niceStep returns the smallest of 1, 2, 2.5 and 5 times a power of ten
// that is at least x: a step between axis ticks a reader can add up.
func niceStep(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= x*(1-1e-9) {
			return clean(m * p)
		}
	}
	return clean(10 * p)
}

// clean drops binary noise: 0.30000000000000004 is 0.3.
func clean(x float64) float64 {
	r := math.Round(x*1e9) / 1e9
	if math.Abs(r-x) < 1e-9*math.Max(1, math.Abs(x)) {
		return r
	}
	return x
}

// extent returns the smallest and largest scaled values of series si (and
// 0): the range its axis must show.
func (p *plot) extent(sis ...int) (lo, hi float64) {
	for _, si := range sis {
		s := p.series[si]
		for i, v := range s.vals {
			if s.has[i] {
				x := p.scaledAt(si, v)
				lo, hi = math.Min(lo, x), math.Max(hi, x)
			}
		}
	}
	return lo, hi
}
