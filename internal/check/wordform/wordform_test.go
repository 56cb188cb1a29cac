package wordform

import "testing"

func TestRendered(t *testing.T) {
	tests := []struct {
		text, to string
		want     bool
	}{
		{"the local worthies helped", "local worthies", true},
		{"a local worthy helped", "local worthies", true},
		{"six key projects", "key project", true},
		{"the industry empowerment programme", "the Industry Empowerment Programme", true},
		{"changtai subdistricts", "Changtai Subdistrict", true},
		{"changtai subdistrict's office", "Changtai Subdistrict", true},
		{"changtai street", "Changtai Subdistrict", false},
		{"aged under 35", "aged 35 or under", false},
		{"key projection", "key project", false},
		{"ponds", "reservoir", false},
		{"常泰changtai subdistrict常泰", "Changtai Subdistrict", true},
	}
	for _, tt := range tests {
		if got := Rendered(tt.text, tt.to); got != tt.want {
			t.Errorf("Rendered(%q, %q) = %v, want %v", tt.text, tt.to, got, tt.want)
		}
	}
}
