package kinds

import (
	"maps"
	"slices"

	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

var (
	hant = lang.Lang{Tag: "zh-Hant"}
	hans = lang.Lang{Tag: "zh-Hans", Derive: "zh-Hant"}
	en   = lang.Lang{Tag: "en"}
)

func tx(zh, e string) lang.Text { return lang.Text{"zh-Hant": zh, "en": e} }

func num(v float64) dataset.Cell { return dataset.Cell{Num: v, HasNum: true} }

// cellsOf returns cells by column key as a row holds them, in key order.
func cellsOf(m map[string]dataset.Cell) []dataset.Cell {
	out := make([]dataset.Cell, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		c := m[k]
		c.Key = k
		out = append(out, c)
	}
	return out
}

// growth is a table of growth rates and amounts, with a missing value and a
// label that tries to break out of a <script> element.
func growth() *dataset.Table {
	t := &dataset.Table{
		ID:    "growth",
		Title: tx("主要經濟指標", "Main economic indicators"),
		Columns: []dataset.Column{
			{Key: "item", Label: tx("指標", "Indicator"), Type: dataset.TypeText},
			{Key: "value", Label: tx("完成額", "Amount"), Type: dataset.TypeNumber, Unit: "yuan"},
			{Key: "plan", Label: tx("計劃", "Plan"), Type: dataset.TypeNumber, Unit: "yuan"},
			{Key: "growth", Label: tx("比增", "Growth"), Type: dataset.TypeNumber, Unit: "percent"},
		},
		Rows: []dataset.Row{
			{ID: "retail", Cells: cellsOf(map[string]dataset.Cell{
				"item": {Text: tx("商業零售額", "Retail sales")}, "value": num(9582000000), "plan": num(9000000000), "growth": num(39.2)})},
			{ID: "sales", Cells: cellsOf(map[string]dataset.Cell{
				"item": {Text: tx("商業銷售額", "Sales")}, "value": num(14572000000), "plan": num(15000000000), "growth": num(30.7)})},
			{ID: "industry", Cells: cellsOf(map[string]dataset.Cell{
				"item": {Text: tx("規模以上工業產值", "Output of industrial enterprises above designated size")}, "value": num(18363000000), "growth": num(13.9)})},
			{ID: "services", Cells: cellsOf(map[string]dataset.Cell{
				"item": {Text: tx("營利性服務業", "Profit-making services")}, "value": num(39000000), "plan": num(30000000), "growth": num(63.3)})},
			{ID: "odd", Cells: cellsOf(map[string]dataset.Cell{
				"item": {Text: lang.Text{lang.Any: `</script><b class="x">A & B</b>`}}})},
		},
		Units: lang.BuiltinUnits(),
	}
	return t
}

// vaccination is a table of coverage against a target.
func vaccination() *dataset.Table {
	return &dataset.Table{
		ID:    "vaccination",
		Title: tx("疫苗接種", "Vaccination"),
		Columns: []dataset.Column{
			{Key: "item", Label: tx("劑次", "Dose"), Type: dataset.TypeText},
			{Key: "rate", Label: tx("完成率", "Coverage"), Type: dataset.TypeNumber, Unit: "percent"},
		},
		Rows: []dataset.Row{
			{ID: "dose1", Cells: cellsOf(map[string]dataset.Cell{"item": {Text: tx("第一劑次", "First dose")}, "rate": num(80.41)})},
			{ID: "dose2", Cells: cellsOf(map[string]dataset.Cell{"item": {Text: tx("第二劑次", "Second dose")}, "rate": num(62.91)})},
		},
		Units: lang.BuiltinUnits(),
	}
}

// quarters is a table over quarters with a missing quarter (2023 Q1), a
// fall, and two parts of a whole.
func quarters() *dataset.Table {
	q := func(id, zh, e string, value, growth, goods, services float64) dataset.Row {
		return dataset.Row{ID: id, Cells: cellsOf(map[string]dataset.Cell{
			"quarter": {Text: tx(zh, e)}, "value": num(value), "growth": num(growth),
			"goods": num(goods), "services": num(services)})}
	}
	return &dataset.Table{
		ID:    "quarters",
		Title: tx("按季指標", "Indicators by quarter"),
		Columns: []dataset.Column{
			{Key: "quarter", Label: tx("季度", "Quarter"), Type: dataset.TypeText},
			{Key: "value", Label: tx("生產總值", "GDP"), Type: dataset.TypeNumber, Unit: "yuan"},
			{Key: "growth", Label: tx("按年變動", "Change"), Type: dataset.TypeNumber, Unit: "percent"},
			{Key: "goods", Label: tx("貨物出口", "Goods exports"), Type: dataset.TypeNumber, Unit: "yuan"},
			{Key: "services", Label: tx("服務出口", "Services exports"), Type: dataset.TypeNumber, Unit: "yuan"},
		},
		Rows: []dataset.Row{
			q("2022-q1", "2022年第1季", "Q1 2022", 45200000000, -10.2, 2100000000, 19800000000),
			q("2022-q2", "2022年第2季", "Q2 2022", 39100000000, -31.9, 1800000000, 15200000000),
			q("2022-q3", "2022年第3季", "Q3 2022", 33400000000, -39.3, 1500000000, 11900000000),
			q("2022-q4", "2022年第4季", "Q4 2022", 36800000000, -18.5, 1700000000, 13600000000),
			q("2023-q2", "2023年第2季", "Q2 2023", 92400000000, 118.5, 2300000000, 48700000000),
			q("2023-q3", "2023年第3季", "Q3 2023", 98000000000, 116.1, 2400000000, 52100000000),
		},
		Units: lang.BuiltinUnits(),
	}
}

// fixtures returns one chart per type.
func fixtures() map[string]*dataset.Chart {
	g, v, q := growth(), vaccination(), quarters()
	four := []string{"retail", "sales", "industry", "services"}
	title := tx("主要經濟指標比增", "Growth of key indicators")
	return map[string]*dataset.Chart{
		"bar": {ID: "growth-rates", Type: "bar", Category: "item", Values: []string{"growth"}, Title: title,
			YName: tx("比增（%）", "Growth (%)"), Highlight: []string{"services"}, RowIDs: four, Table: g},
		"hbar": {ID: "amounts", Type: "hbar", Category: "item", Values: []string{"value"}, Title: tx("完成額", "Amounts"),
			XName: tx("金額", "Amount"), RowIDs: four, Table: g},
		"stacked-bar": {ID: "stacked", Type: "stacked-bar", Category: "item", Values: []string{"value", "plan"}, Title: tx("完成與計劃", "Result and plan"),
			Highlight: []string{"retail"}, RowIDs: four, Table: g},
		"line": {ID: "trend", Type: "line", Category: "item", Values: []string{"growth"}, Title: title, RowIDs: four, Table: g,
			Target: &dataset.Target{Value: 30, Label: tx("目標30%", "Target 30%")}},
		"pie": {ID: "shares", Type: "pie", Category: "item", Values: []string{"value"}, Title: tx("構成", "Composition"),
			Highlight: []string{"industry"}, RowIDs: four, Table: g},
		"donut": {ID: "shares-donut", Type: "donut", Category: "item", Values: []string{"value"}, Title: tx("構成", "Composition"), Table: g},
		"progress": {ID: "vaccination-60plus", Type: "progress", Category: "item", Values: []string{"rate"}, Title: tx("接種完成率", "Vaccination coverage"),
			Target: &dataset.Target{Value: 80, Label: tx("目標80%", "Target 80%")}, Table: v},
		"time-line": {ID: "growth-by-quarter", Type: "time-line", Category: "quarter", Values: []string{"growth"},
			Title: tx("生產總值按年變動", "GDP, change year on year"), Highlight: []string{"2023-q3"}, Table: q},
		"time-bar": {ID: "gdp-by-quarter", Type: "time-bar", Category: "quarter", Values: []string{"value"},
			Title: tx("按季生產總值", "GDP by quarter"), Table: q},
		"area": {ID: "gdp-area", Type: "area", Category: "quarter", Values: []string{"value"},
			Title: tx("按季生產總值", "GDP by quarter"), RowIDs: []string{"2022-q1", "2022-q2", "2022-q3", "2022-q4"}, Table: q},
		"stacked-area": {ID: "exports", Type: "stacked-area", Category: "quarter", Values: []string{"goods", "services"},
			Title: tx("出口構成", "Exports by kind"), RowIDs: []string{"2022-q1", "2022-q2", "2022-q3", "2022-q4"}, Table: q},
		"scatter": {ID: "size-and-growth", Type: "scatter", Category: "item", Values: []string{"value", "growth"},
			Title: tx("規模與增速", "Size and growth"), Highlight: []string{"services"}, RowIDs: four, Table: g},
		"bar-line": {ID: "gdp-and-growth", Type: "bar-line", Category: "quarter", Values: []string{"value", "growth"},
			Title: tx("生產總值及按年變動", "GDP and its change"), RowIDs: []string{"2022-q3", "2022-q4", "2023-q2", "2023-q3"}, Table: q},
		"small-multiples": {ID: "exports-panels", Type: "small-multiples", Category: "quarter", Values: []string{"goods", "services"},
			Title: tx("出口", "Exports"), RowIDs: []string{"2022-q1", "2022-q2", "2022-q3", "2022-q4"}, Table: q},
	}
}

// specFor adapts a one-series spec over growth() to what type typ draws:
// two value columns, no target, rows named by periods.
func specFor(typ string, c *dataset.Chart) *dataset.Chart {
	c.Type = typ
	switch typ {
	case "scatter", "bar-line":
		c.Values = []string{c.Values[0], c.Values[0]}
	}
	switch typ {
	case "scatter", "bar-line", "small-multiples":
		c.Target = nil
	case "time-line", "time-bar":
		periodic(c)
	}
	return c
}

// periodic renames the rows of c's table as years, in the order odd,
// retail, sales, industry, services.
func periodic(c *dataset.Chart) {
	ids := map[string]string{"odd": "2018", "retail": "2019", "sales": "2020", "industry": "2021", "services": "2022"}
	t := *c.Table
	t.Rows = nil
	for _, id := range []string{"odd", "retail", "sales", "industry", "services"} {
		r, _ := c.Table.Row(id)
		rr := *r
		rr.ID = ids[id]
		t.Rows = append(t.Rows, rr)
	}
	c.Table = &t
	for _, list := range [][]string{c.RowIDs, c.Highlight} {
		for i, id := range list {
			list[i] = ids[id]
		}
	}
}
