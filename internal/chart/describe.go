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
	sentence := func(s string) { out = append(out, s+ph.End) }

	head := p.Kind.nameIn(l)
	if title := TextIn(c.Title, l); title != "" {
		head += ph.Colon + title
	}
	sentence(head)

	total, shares := 0.0, p.Kind.Shares
	s0 := p.Series[0]
	for i, v := range s0.Vals {
		if s0.Has[i] {
			shares = shares && v >= 0
			total += v
		}
	}
	var items []string
	for i, cat := range p.Cats {
		var vals []string
		for si, s := range p.Series {
			v := ph.NoData
			if s.Has[i] {
				v = p.FullAt(si, i)
				if shares && total > 0 {
					v += ph.Open + lang.Format(math.Round(s.Vals[i]/total*1000)/10, lang.Unit{Kind: lang.KindPercent}, l) + ph.Close
				}
			}
			if len(p.Series) > 1 {
				v = s.Name + " " + v
			}
			vals = append(vals, v)
		}
		items = append(items, cat+ph.Colon+strings.Join(vals, ph.Comma))
	}
	if len(items) > 0 {
		sentence(strings.Join(items, ph.Sep))
	}

	if i, ok := p.highest(); ok && len(p.Series) == 1 && p.Unit.Kind != lang.KindRank {
		sentence(ph.Highest + ph.Colon + p.Cats[i] + ph.Comma + p.FullAt(0, i))
	}

	if t := c.Target; t != nil && len(p.Series) == 1 {
		val := p.full(t.Value)
		label := TextIn(t.Label, l)
		switch {
		case label == "":
			sentence(ph.Target + ph.Colon + val)
		case strings.Contains(label, val) || strings.Contains(label, p.Short(t.Value)):
			sentence(label)
		default:
			sentence(label + ph.Colon + val)
		}
		var reached, missed []string
		for i, cat := range p.Cats {
			switch {
			case !s0.Has[i]:
			case s0.Vals[i] >= t.Value:
				reached = append(reached, cat)
			default:
				missed = append(missed, cat)
			}
		}
		if len(reached) > 0 {
			sentence(ph.Reached + ph.Colon + strings.Join(reached, ph.List))
		}
		if len(missed) > 0 {
			sentence(ph.Missed + ph.Colon + strings.Join(missed, ph.List))
		}
	}
	return strings.Join(out, ph.Join)
}

// highest returns the row with the largest value of the first series, when
// at least three rows have values: of two, the values say it plainly.
func (p *Plot) highest() (int, bool) {
	s := p.Series[0]
	best, n := -1, 0
	for i, v := range s.Vals {
		if !s.Has[i] {
			continue
		}
		n++
		if best < 0 || v > s.Vals[best] {
			best = i
		}
	}
	return best, n >= 3
}

// phrasesFor returns the words of a description in l.
func phrasesFor(l lang.Lang) lang.Words { return lang.WordsFor(l) }
