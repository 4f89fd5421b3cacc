package lead

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestParseCount(t *testing.T) {
	tests := []struct {
		cell  string
		want  float64
		known bool
		int   int
	}{
		{"", 0, true, 0},
		{"  ", 0, true, 0},
		{"3", 3, true, 3},
		{"3.0", 3, true, 3},
		{"3.7", 3.7, true, 3},
		{"1,234", 1234, true, 1234},
		{"1 234", 1234, true, 1234},
		{"1'234", 1234, true, 1234},
		{"1_234", 1234, true, 1234},
		{"3,0", 30, true, 30},
		{"n/a", 0, false, 0},
		{"-3", 0, false, 0},
		{"1e3", 0, false, 0},
		{"lots", 0, false, 0},
		{",", 0, false, 0},
		{"1.2.3", 0, false, 0},
		{strings.Repeat("9", 40), 0, false, 0},
	}
	for _, tt := range tests {
		c := ParseCount(tt.cell)
		if c.N != tt.want || c.Known != tt.known || c.Int() != tt.int {
			t.Errorf("ParseCount(%q) = %+v (Int %d), want %v known %v (Int %d)", tt.cell, c, c.Int(), tt.want, tt.known, tt.int)
		}
	}
}

func TestSourceKey(t *testing.T) {
	for in, want := range map[string]string{
		"Trade Show": "trade show", "trade show": "trade show", "  Trade \t Show ": "trade show", "": "", "WEBINAR": "webinar",
	} {
		if got := SourceKey(in); got != want {
			t.Errorf("SourceKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"", "3", "1 234", "n/a", "-3", "3,0", "1.5", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		c := ParseCount(cell)
		if !c.Known {
			if c.N != 0 || c.Int() != 0 {
				t.Errorf("unknown count %q has a value: %+v", cell, c)
			}
			return
		}
		if c.N < 0 || math.IsNaN(c.N) || c.Int() < 0 {
			t.Errorf("ParseCount(%q) = %+v", cell, c)
		}
		// Digits alone read as themselves.
		if n, err := strconv.Atoi(strings.TrimSpace(cell)); err == nil && n >= 0 && !strings.Contains(cell, "+") && n < 1<<50 && c.N != float64(n) {
			t.Errorf("ParseCount(%q) = %v, want %d", cell, c.N, n)
		}
	})
}
