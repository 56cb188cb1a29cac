package chart

import (
	"fmt"
	"sort"

	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

// Kind is one chart type: how a spec of that type is checked, drawn, sized
// and described (Describe reads its Names and its traits). Each type is one
// file that registers its kind in init, so adding a type is that file, its
// docs and its goldens.
type Kind struct {
	Name string
	// Names is the type's name in descriptions by script: "" for
	// English, lang.ScriptHant, lang.ScriptHans.
	Names map[string]string
	// Check returns the type's own rules' problems; the rules every
	// chart shares run in package dataset.
	Check func(c *dataset.Chart) []dataset.ChartProblem
	// Prepare, if set, edits the plot after its rows are read: a time
	// axis inserts its missing periods.
	Prepare func(p *Plot) error
	// Option draws the chart as go-echarts' option tree.
	Option func(p *Plot) map[string]any
	// Finish, if set, edits the option's JSON tree for what go-echarts
	// has no field for.
	Finish func(p *Plot, tree map[string]any)
	// Height returns the height in px for the chart's rows.
	Height func(c *dataset.Chart, rows []*dataset.Row) int

	// Traits the shared bar and line drawing reads.
	Horizontal bool   // categories on the y axis
	Stack      string // series stack name
	LabelAt    string // where value labels sit
	NegLabelAt string // where a negative value's label sits
	Track      bool   // a progress track: bars against a target
	Shares     bool   // parts of a whole: descriptions give each share
	TwoUnits   bool   // the value columns may have two units
	Area       bool   // lines shade the area below them
	EndOnly    bool   // lines are labelled at their end only
	// PeriodStep, if set, returns every how many categories an axis
	// label is shown.
	PeriodStep func(p *Plot) int
}

var kinds = map[string]*Kind{}

// Register adds k to the registry. A type registered twice, or without a
// name in each script (a description starts with it), is a bug.
func Register(k *Kind) {
	if _, dup := kinds[k.Name]; dup {
		panic(fmt.Sprintf("chart: type %q registered twice", k.Name))
	}
	if k.Option == nil || k.Height == nil {
		panic(fmt.Sprintf("chart: type %q lacks an option or a height", k.Name))
	}
	for _, script := range []string{"", lang.ScriptHant, lang.ScriptHans} {
		if k.Names[script] == "" {
			panic(fmt.Sprintf("chart: type %q has no name in script %q", k.Name, script))
		}
	}
	kinds[k.Name] = k
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
	if !k.TwoUnits {
		out = append(out, oneUnit(c)...)
	}
	if k.Check != nil {
		out = append(out, k.Check(c)...)
	}
	return out, true
}

// name returns the type's name in l.
func (k *Kind) nameIn(l lang.Lang) string {
	if n, ok := k.Names[l.Script()]; ok {
		return n
	}
	return k.Names[""]
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
