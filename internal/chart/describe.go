package chart

import (
	"math"
	"strings"

	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// Describe returns a plain-text description of the chart in l, written from
// the data, for the SVG's text alternative: what kind of chart it is, every
// value in the reader's number format, the highest value, and how the values
// stand against the target. A screen reader gets what the picture shows.
//
//	Bar chart: Growth of key indicators. Retail sales: 39.2%; Sales: 30.7%. Highest: Sales, 39.2%.
//	柱狀圖：主要經濟指標比增。商業零售額：39.2%；商業銷售額：30.7%。最高：商業零售額，39.2%。
//
// The few fixed words come from a table of phrases by language tag; a
// language without its own phrases uses its source's, then English.
func Describe(c *dataset.Chart, l lang.Lang, units map[string]lang.Unit) string {
	p, err := newPlot(c, l, units)
	if err != nil {
		return ""
	}
	ph := phrasesFor(l)
	var out []string
	sentence := func(s string) { out = append(out, s+ph.end) }

	head := ph.types[c.Type]
	if title := text(c.Title, l); title != "" {
		head += ph.colon + title
	}
	sentence(head)

	total, shares := 0.0, c.Type == "pie" || c.Type == "donut"
	s0 := p.series[0]
	for i, v := range s0.vals {
		if s0.has[i] {
			shares = shares && v >= 0
			total += v
		}
	}
	var items []string
	for i, cat := range p.cats {
		var vals []string
		for si, s := range p.series {
			v := ph.noData
			if s.has[i] {
				v = p.fullAt(si, i)
				if shares && total > 0 {
					v += ph.open + lang.Format(math.Round(s.vals[i]/total*1000)/10, lang.Unit{Kind: lang.KindPercent}, l) + ph.close
				}
			}
			if len(p.series) > 1 {
				v = s.name + " " + v
			}
			vals = append(vals, v)
		}
		items = append(items, cat+ph.colon+strings.Join(vals, ph.comma))
	}
	if len(items) > 0 {
		sentence(strings.Join(items, ph.sep))
	}

	if i, ok := p.highest(); ok && len(p.series) == 1 && p.unit.Kind != lang.KindRank {
		sentence(ph.highest + ph.colon + p.cats[i] + ph.comma + p.fullAt(0, i))
	}

	if t := c.Target; t != nil && len(p.series) == 1 {
		val := p.full(t.Value)
		label := text(t.Label, l)
		switch {
		case label == "":
			sentence(ph.target + ph.colon + val)
		case strings.Contains(label, val) || strings.Contains(label, p.short(t.Value)):
			sentence(label)
		default:
			sentence(label + ph.colon + val)
		}
		var reached, missed []string
		for i, cat := range p.cats {
			switch {
			case !s0.has[i]:
			case s0.vals[i] >= t.Value:
				reached = append(reached, cat)
			default:
				missed = append(missed, cat)
			}
		}
		if len(reached) > 0 {
			sentence(ph.reached + ph.colon + strings.Join(reached, ph.list))
		}
		if len(missed) > 0 {
			sentence(ph.missed + ph.colon + strings.Join(missed, ph.list))
		}
	}
	return strings.Join(out, ph.join)
}

// highest returns the row with the largest value of the first series, when
// at least three rows have values: of two, the values say it plainly.
func (p *plot) highest() (int, bool) {
	s := p.series[0]
	best, n := -1, 0
	for i, v := range s.vals {
		if !s.has[i] {
			continue
		}
		n++
		if best < 0 || v > s.vals[best] {
			best = i
		}
	}
	return best, n >= 3
}

// phrases are the fixed words and punctuation of a description.
type phrases struct {
	types                                    map[string]string
	colon, comma, sep, list, end, join       string
	open, close                              string
	noData, highest, target, reached, missed string
}

var phrasesByTag = map[string]phrases{
	"en": {
		types: map[string]string{
			"bar": "Bar chart", "hbar": "Horizontal bar chart", "stacked-bar": "Stacked bar chart",
			"line": "Line chart", "pie": "Pie chart", "donut": "Donut chart", "progress": "Progress chart",
		},
		colon: ": ", comma: ", ", sep: "; ", list: ", ", end: ".", join: " ", open: " (", close: ")",
		noData: "no data", highest: "Highest", target: "Target", reached: "Reached", missed: "Not reached",
	},
	"zh-Hant": {
		types: map[string]string{
			"bar": "柱狀圖", "hbar": "條形圖", "stacked-bar": "堆疊柱狀圖",
			"line": "折線圖", "pie": "圓餅圖", "donut": "環形圖", "progress": "進度圖",
		},
		colon: "：", comma: "，", sep: "；", list: "、", end: "。", join: "", open: "（", close: "）",
		noData: "無數據", highest: "最高", target: "目標", reached: "已達到", missed: "未達到",
	},
	"zh-Hans": {
		types: map[string]string{
			"bar": "柱状图", "hbar": "条形图", "stacked-bar": "堆叠柱状图",
			"line": "折线图", "pie": "饼图", "donut": "环形图", "progress": "进度图",
		},
		colon: "：", comma: "，", sep: "；", list: "、", end: "。", join: "", open: "（", close: "）",
		noData: "无数据", highest: "最高", target: "目标", reached: "已达到", missed: "未达到",
	},
}

// phrasesFor returns the phrases for l: its own, its source language's, its
// base language's, or English.
func phrasesFor(l lang.Lang) phrases {
	base, _, _ := strings.Cut(l.Tag, "-")
	for _, tag := range []string{l.Tag, l.Derive, base} {
		if ph, ok := phrasesByTag[tag]; ok {
			return ph
		}
	}
	return phrasesByTag["en"]
}
