package period

import "testing"

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		id   string
		ok   bool
		unit byte
		year int
		part int
	}{
		{"2023", true, 'y', 2023, 0},
		{"2023-q3", true, 'q', 2023, 3},
		{"q3-2023", true, 'q', 2023, 3},
		{"2023q4", true, 'q', 2023, 4},
		{"2023-04", true, 'm', 2023, 4},
		{"2023-m12", true, 'm', 2023, 12},
		{"2023-q5", false, 0, 0, 0},
		{"2023-13", false, 0, 0, 0},
		{"retail", false, 0, 0, 0},
		{"23", false, 0, 0, 0},
	}
	for _, tt := range tests {
		p, ok := Parse(tt.id)
		if ok != tt.ok || ok && (p.Unit != tt.unit || p.Year != tt.year || p.Part != tt.part) {
			t.Errorf("Parse(%q) = %+v, %v; want %c %d %d, %v", tt.id, p, ok, tt.unit, tt.year, tt.part, tt.ok)
		}
	}
}

func TestRelabel(t *testing.T) {
	q3, _ := Parse("2023-q3")
	q1, _ := Parse("2024-q1")
	m4, _ := Parse("2023-04")
	m11, _ := Parse("2023-11")
	tests := []struct {
		label    string
		from, to Period
		want     string
		ok       bool
	}{
		{"Q3 2023", q3, q1, "Q1 2024", true},
		{"2023年第3季", q3, q1, "2024年第1季", true},
		{"third quarter of 2023", q3, q1, "", false}, // the quarter is a word: no pattern
		{"2023-04", m4, m11, "2023-11", true},
		{"2023年4月", m4, m11, "2023年11月", true},
		{"2023年4月 (2019 = 100)", m4, m11, "", false},
	}
	for _, tt := range tests {
		got, ok := relabel(tt.label, tt.from, tt.to)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("relabel(%q) = %q, %v; want %q, %v", tt.label, got, ok, tt.want, tt.ok)
		}
	}
}
