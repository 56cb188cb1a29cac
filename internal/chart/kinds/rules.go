package kinds

import (
	"fmt"
	"reportsite/internal/dataset"
)

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
