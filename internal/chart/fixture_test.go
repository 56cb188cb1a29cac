package chart

import (
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
			{ID: "retail", Cells: map[string]dataset.Cell{
				"item": {Text: tx("商業零售額", "Retail sales")}, "value": num(9582000000), "plan": num(9000000000), "growth": num(39.2)}},
			{ID: "sales", Cells: map[string]dataset.Cell{
				"item": {Text: tx("商業銷售額", "Sales")}, "value": num(14572000000), "plan": num(15000000000), "growth": num(30.7)}},
			{ID: "industry", Cells: map[string]dataset.Cell{
				"item": {Text: tx("規模以上工業產值", "Output of industrial enterprises above designated size")}, "value": num(18363000000), "growth": num(13.9)}},
			{ID: "services", Cells: map[string]dataset.Cell{
				"item": {Text: tx("營利性服務業", "Profit-making services")}, "value": num(39000000), "plan": num(30000000), "growth": num(63.3)}},
			{ID: "odd", Cells: map[string]dataset.Cell{
				"item": {Text: lang.Text{lang.Any: `</script><b class="x">A & B</b>`}}}},
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
			{ID: "dose1", Cells: map[string]dataset.Cell{"item": {Text: tx("第一劑次", "First dose")}, "rate": num(80.41)}},
			{ID: "dose2", Cells: map[string]dataset.Cell{"item": {Text: tx("第二劑次", "Second dose")}, "rate": num(62.91)}},
		},
		Units: lang.BuiltinUnits(),
	}
}

// fixtures returns one chart per type.
func fixtures() map[string]*dataset.Chart {
	g, v := growth(), vaccination()
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
	}
}
