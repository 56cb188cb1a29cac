package chart

import (
	"fmt"
	"sort"

	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// kind is one chart type: how a spec of that type is checked, drawn, sized
// and described. Each type is one file that registers its kind in init, so
// adding a type is that file, its docs and its goldens.
type kind struct {
	name string
	// names is the type's name in descriptions by script: "" for
	// English, lang.ScriptHant, lang.ScriptHans.
	names map[string]string
	// check returns the type's own rules' problems; the rules every
	// chart shares run in package dataset.
	check func(c *dataset.Chart) []dataset.ChartProblem
	// prepare, if set, edits the plot after its rows are read: a time
	// axis inserts its missing periods.
	prepare func(p *plot) error
	// option draws the chart as go-echarts' option tree.
	option func(p *plot) map[string]any
	// finish, if set, edits the option's JSON tree for what go-echarts
	// has no field for.
	finish func(p *plot, tree map[string]any)
	// height returns the height in px for the chart's rows.
	height func(c *dataset.Chart, rows []*dataset.Row) int
	// describe, if set, writes the sentences after the chart's name and
	// title; else every value is listed (describeValues).
	describe func(p *plot, ph lang.Words) []string

	// Traits the shared bar and line drawing reads.
	horizontal bool   // categories on the y axis
	stack      string // series stack name
	labelAt    string // where value labels sit
	negLabelAt string // where a negative value's label sits
	track      bool   // a progress track: bars against a target
	shares     bool   // parts of a whole: descriptions give each share
	twoUnits   bool   // the value columns may have two units
	area       bool   // lines shade the area below them
	endOnly    bool   // lines are labelled at their end only
	// periodStep, if set, returns every how many categories an axis
	// label is shown.
	periodStep func(p *plot) int
}

var kinds = map[string]*kind{}

// register adds k to the registry. A type registered twice is a bug.
func register(k *kind) {
	if _, dup := kinds[k.name]; dup {
		panic(fmt.Sprintf("chart: type %q registered twice", k.name))
	}
	if k.option == nil || k.height == nil {
		panic(fmt.Sprintf("chart: type %q lacks an option or a height", k.name))
	}
	kinds[k.name] = k
}

// Types is the registry of chart types, as validation asks of it.
var Types dataset.ChartKinds = registry{}

type registry struct{}

// Names lists the registered chart types, sorted.
func (registry) Names() []string {
	out := make([]string, 0, len(kinds))
	for n := range kinds {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Check applies the rules of c's type.
func (registry) Check(c *dataset.Chart) ([]dataset.ChartProblem, bool) {
	k, ok := kinds[c.Type]
	if !ok {
		return nil, false
	}
	var out []dataset.ChartProblem
	if !k.twoUnits {
		out = append(out, oneUnit(c)...)
	}
	if k.check != nil {
		out = append(out, k.check(c)...)
	}
	return out, true
}

// name returns the type's name in l.
func (k *kind) nameIn(l lang.Lang) string {
	if n, ok := k.names[l.Script()]; ok {
		return n
	}
	return k.names[""]
}

// Rules that several types share.

// oneUnit: all value columns share a unit.
func oneUnit(c *dataset.Chart) []dataset.ChartProblem {
	unit := ""
	for _, v := range c.Values {
		col, ok := c.Table.Column(v)
		if !ok || col.Type != dataset.TypeNumber {
			continue
		}
		if unit != "" && col.Unit != unit {
			return []dataset.ChartProblem{{Key: "values", Hint: "draw columns of one unit in one chart",
				Msg: fmt.Sprintf("chart %q mixes units %s and %s", c.ID, unit, col.Unit)}}
		}
		unit = col.Unit
	}
	return nil
}

// nValues: exactly n value columns (at most n with atMost).
func nValues(c *dataset.Chart, n int, what string) []dataset.ChartProblem {
	if len(c.Values) == n || len(c.Values) == 0 {
		return nil
	}
	if n == 1 {
		return []dataset.ChartProblem{{Key: "values", Hint: "give a " + c.Type + " chart one value column",
			Msg: fmt.Sprintf("chart %q: a %s chart draws one series", c.ID, c.Type)}}
	}
	return []dataset.ChartProblem{{Key: "values", Hint: fmt.Sprintf("give a %s chart %d value columns: %s", c.Type, n, what),
		Msg: fmt.Sprintf("chart %q: a %s chart draws %d value columns, not %d", c.ID, c.Type, n, len(c.Values))}}
}

// needTarget: the chart has a target.
func needTarget(c *dataset.Chart) []dataset.ChartProblem {
	if c.Target != nil {
		return nil
	}
	return []dataset.ChartProblem{{Hint: "add target = { value = 80, label = { … } }",
		Msg: fmt.Sprintf("chart %q: a %s chart needs a target", c.ID, c.Type)}}
}

// noTarget: the type draws no target line, so a target would be lost.
func noTarget(c *dataset.Chart) []dataset.ChartProblem {
	if c.Target == nil {
		return nil
	}
	return []dataset.ChartProblem{{Key: "target", Hint: "remove the target, or draw the chart as a bar or line chart",
		Msg: fmt.Sprintf("chart %q: a %s chart draws no target", c.ID, c.Type)}}
}

// rules joins rules into one check.
func rules(rs ...func(c *dataset.Chart) []dataset.ChartProblem) func(c *dataset.Chart) []dataset.ChartProblem {
	return func(c *dataset.Chart) []dataset.ChartProblem {
		var out []dataset.ChartProblem
		for _, r := range rs {
			out = append(out, r(c)...)
		}
		return out
	}
}

func oneValue(c *dataset.Chart) []dataset.ChartProblem { return nValues(c, 1, "") }

// twoValues: exactly two value columns, what names their roles.
func twoValues(what string) func(c *dataset.Chart) []dataset.ChartProblem {
	return func(c *dataset.Chart) []dataset.ChartProblem { return nValues(c, 2, what) }
}
