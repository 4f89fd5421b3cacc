package rulebook

import (
	"testing"
)

func TestDefaultLoads(t *testing.T) {
	r, err := Parse("(default)", DefaultYAML())
	if err != nil {
		t.Fatalf("default rulebook: %v", err)
	}
	if r.Region != "US" || r.Currency != "USD" {
		t.Errorf("region, currency = %q, %q; want US, USD", r.Region, r.Currency)
	}
	if len(r.rules) == 0 || len(r.grades) != 4 {
		t.Errorf("rules %d, grades %d", len(r.rules), len(r.grades))
	}
	if Default() == nil {
		t.Fatal("Default returned nil")
	}
}
