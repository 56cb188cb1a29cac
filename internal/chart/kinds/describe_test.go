package kinds

import (
	"strings"
	"testing"

	"reportsite/internal/chart"
	"reportsite/internal/dataset"
	"reportsite/internal/lang"
)

func TestDescribe(t *testing.T) {
	charts := fixtures()
	tests := []struct {
		chart string
		l     lang.Lang
		want  string
	}{
		{"bar", en, "Bar chart: Growth of key indicators. Retail sales: 39.2%; Sales: 30.7%; " +
			"Output of industrial enterprises above designated size: 13.9%; Profit-making services: 63.3%. " +
			"Highest: Profit-making services, 63.3%."},
		{"bar", hant, "柱狀圖：主要經濟指標比增。商業零售額：39.2%；商業銷售額：30.7%；規模以上工業產值：13.9%；營利性服務業：63.3%。" +
			"最高：營利性服務業，63.3%。"},
		{"progress", en, "Progress chart: Vaccination coverage. First dose: 80.41%; Second dose: 62.91%. " +
			"Target 80%. Reached: First dose. Not reached: Second dose."},
		{"progress", hant, "進度圖：接種完成率。第一劑次：80.41%；第二劑次：62.91%。目標80%。已達到：第一劑次。未達到：第二劑次。"},
		{"pie", hant, "圓餅圖：構成。商業零售額：95.82億元（22.5%）；商業銷售額：145.72億元（34.2%）；規模以上工業產值：183.63億元（43.2%）；" +
			"營利性服務業：3,900萬元（0.1%）。最高：規模以上工業產值，183.63億元。"},
		{"stacked-bar", en, "Stacked bar chart: Result and plan. Retail sales: Amount CNY 9.582 billion, Plan CNY 9 billion; " +
			"Sales: Amount CNY 14.572 billion, Plan CNY 15 billion; " +
			"Output of industrial enterprises above designated size: Amount CNY 18.363 billion, Plan no data; " +
			"Profit-making services: Amount CNY 39 million, Plan CNY 30 million."},
		{"line", hans, "折线图：主要经济指标比增。商业零售额：39.2%；商业销售额：30.7%；规模以上工业产值：13.9%；营利性服务业：63.3%。" +
			"最高：营利性服务业，63.3%。目标30%。已达到：商业零售额、商业销售额、营利性服务业。未达到：规模以上工业产值。"},
		{"time-line", en, "Line chart over time: GDP, change year on year. Q1 2022: -10.2%; Q2 2022: -31.9%; Q3 2022: -39.3%; " +
			"Q4 2022: -18.5%; Q1 2023: no data; Q2 2023: 118.5%; Q3 2023: 116.1%. Highest: Q2 2023, 118.5%."},
		{"time-line", hant, "時間折線圖：生產總值按年變動。2022年第1季：-10.2%；2022年第2季：-31.9%；2022年第3季：-39.3%；2022年第4季：-18.5%；" +
			"2023年第1季：無數據；2023年第2季：118.5%；2023年第3季：116.1%。最高：2023年第2季，118.5%。"},
		{"bar-line", hant, "柱線組合圖：生產總值及按年變動。2022年第3季：生產總值 334億元，按年變動 -39.3%；2022年第4季：生產總值 368億元，按年變動 -18.5%；" +
			"2023年第1季：生產總值 無數據，按年變動 無數據；2023年第2季：生產總值 924億元，按年變動 118.5%；2023年第3季：生產總值 980億元，按年變動 116.1%。"},
		{"scatter", en, "Scatter chart: Size and growth. Retail sales: Amount CNY 9.582 billion, Growth 39.2%; Sales: Amount CNY 14.572 billion, Growth 30.7%; " +
			"Output of industrial enterprises above designated size: Amount CNY 18.363 billion, Growth 13.9%; Profit-making services: Amount CNY 39 million, Growth 63.3%."},
	}
	conv := lang.NewConverter()
	for _, tt := range tests {
		t.Run(tt.chart+"/"+tt.l.Tag, func(t *testing.T) {
			c := charts[tt.chart]
			if tt.l.Derived() {
				fill(c, []lang.Lang{hant, hans, en}, conv.Must)
			}
			if got := chart.Describe(c, tt.l, nil); got != tt.want {
				t.Errorf("Describe(%s, %s) =\n%q, want\n%q", tt.chart, tt.l.Tag, got, tt.want)
			}
		})
	}
}

// fill completes a fixture's texts for derived languages, as the site does.
func fill(c *dataset.Chart, langs []lang.Lang, conv func(from, to, s string) string) {
	c.Title.Fill(langs, conv)
	if c.Target != nil {
		c.Target.Label.Fill(langs, conv)
	}
	for i := range c.Table.Columns {
		c.Table.Columns[i].Label.Fill(langs, conv)
	}
	for _, r := range c.Table.Rows {
		for _, cell := range r.Cells {
			cell.Text.Fill(langs, conv)
		}
	}
}

func TestDescribeTarget(t *testing.T) {
	c := fixtures()["progress"]
	tests := []struct {
		label lang.Text
		want  string
	}{
		{tx("目標80%", "Target 80%"), "Target 80%."},
		{tx("年度計劃", "Annual plan"), "Annual plan: 80%."},
		{nil, "Target: 80%."},
	}
	for _, tt := range tests {
		c.Target.Label = tt.label
		if got := chart.Describe(c, en, nil); !strings.Contains(got, " "+tt.want+" ") {
			t.Errorf("Describe with target label %v = %q, want it to contain %q", tt.label, got, tt.want)
		}
	}
}
