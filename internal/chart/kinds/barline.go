package kinds

import (
	"math"

	"reportsite/internal/chart"
	"reportsite/internal/chart/period"
	"reportsite/internal/chart/style"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// bar-line: values = [bars, line]: the first column as bars on the left
// value axis, the second as a line on the right one, each in its own unit
// (a value and its growth rate, the chart of Chinese statistical
// bulletins). The axes share their grid lines: the bars keep to the lower
// part of the plot and the line to the upper, so their labels never meet.
// Rows over periods (ids "2023-q3", …) may skip periods: see time-line.
func init() {
	chart.Register(&chart.Kind{
		Name:       "bar-line",
		Names:      map[string]string{"": "Bar and line chart", lang.ScriptHant: "柱線組合圖", lang.ScriptHans: "柱线组合图"},
		Check:      rules(twoValues("the bars' column, then the line's"), noTarget),
		Prepare:    period.FillIfAny,
		Option:     barLine,
		Height:     func(c *dataset.Chart, rows []*dataset.Row) int { return chart.ColumnHeight(c, rows) + 40 },
		TwoUnits:   true,
		NegLabelAt: "bottom",
	})
}

// bands is the number of intervals on both value axes: the bars take the
// lower three, the line the upper three, and one lies between.
const bands = 7

func barLine(p *chart.Plot) map[string]any {
	// The bars take at most the lower three intervals.
	lo0, hi0 := p.Extent(0)
	step0 := chart.NiceStep(math.Max(hi0-lo0, 1e-9) / 3)
	for math.Ceil(hi0/step0)-math.Floor(lo0/step0) > 3 {
		step0 = chart.NiceStep(step0 * 1.01)
	}
	min0 := math.Floor(lo0/step0) * step0
	lo1, hi1 := p.Extent(1)
	if p.Series[1].Unit.Kind == lang.KindPercent || lo1 < 0 {
		// A rate's own zero is no anchor: the line's range is what it shows.
		lo1, hi1 = lineRange(p)
	}
	// The line keeps above the lower four, with room for its top label.
	step1 := chart.NiceStep(math.Max(hi1-lo1, 1e-9) / 2)
	var max1 float64
	for {
		max1 = math.Ceil(hi1/step1) * step1
		if max1-hi1 < 0.3*step1 {
			max1 += step1
		}
		if lo1 >= max1-3*step1 || step1 > 1e15 {
			break
		}
		step1 = chart.NiceStep(step1 * 1.01)
	}
	cats := p.WrappedCats(false)
	bars := map[string]any{
		"type": "bar", "name": p.Series[0].Name, "yAxisIndex": 0, "barCategoryGap": "30%",
		"label": map[string]any{"show": true, "position": "top", "color": style.TextColor, "fontSize": style.FontSize},
		"data":  p.Items(0),
	}
	line := map[string]any{
		"type": "line", "name": p.Series[1].Name, "yAxisIndex": 1,
		"symbol": "circle", "symbolSize": 7, "showSymbol": true, "connectNulls": false,
		"lineStyle": map[string]any{"width": 2},
		"label":     map[string]any{"show": true, "position": "top", "color": style.TextColor, "fontSize": style.FontSize},
		"data":      p.Items(1),
	}
	left := p.ValueAxis(0, chart.TextIn(p.Chart.YName, p.Lang), !p.Chart.YName.IsZero())
	left["min"], left["max"], left["interval"] = chart.Clean(min0), chart.Clean(min0+bands*step0), step0
	right := p.ValueAxis(1, "", false)
	right["min"], right["max"], right["interval"] = chart.Clean(max1-bands*step1), chart.Clean(max1), step1
	// Every bar and point carries its value: ticks on two scales would
	// only add noise, and the grid lines would show the bands.
	for _, a := range []map[string]any{left, right} {
		a["axisLabel"] = map[string]any{"show": false}
		a["splitLine"] = map[string]any{"show": false}
	}
	g := p.Grid(false)
	return map[string]any{
		"color":   style.Palette(),
		"tooltip": map[string]any{"show": true, "trigger": "item"},
		"legend": map[string]any{"show": true, "top": "0", "left": "center", "data": p.SeriesNames(), "itemGap": 24,
			"textStyle": map[string]any{"color": style.TextColor, "fontSize": style.FontSize}},
		"grid": map[string]any{"left": g.Left, "right": g.Right, "top": g.Top, "bottom": g.Bottom, "containLabel": true},
		"xAxis": []any{map[string]any{
			"type": "category", "data": cats,
			"axisLabel": map[string]any{"interval": 0, "color": style.TextColor, "fontSize": style.FontSize},
			"axisLine":  map[string]any{"lineStyle": map[string]any{"color": style.LineColor}},
			"axisTick":  map[string]any{"show": false},
		}},
		"yAxis":  []any{left, right},
		"series": []any{bars, line},
	}
}

// lineRange is the scaled range of the line (series 1), at least one unit
// wide.
func lineRange(p *chart.Plot) (lo, hi float64) {
	s, first := p.Series[1], true
	for i, v := range s.Vals {
		if !s.Has[i] {
			continue
		}
		x := p.ScaledAt(1, v)
		if first {
			lo, hi, first = x, x, false
		}
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	if hi-lo < 1 {
		lo, hi = lo-0.5, hi+0.5
	}
	return lo, hi
}
