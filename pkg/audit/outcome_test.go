package audit

import (
	"testing"

	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/lead"
)

// leadWith builds a lead from a header and one row, mapped as the
// pipeline maps them.
func leadWith(headerRow, cells []string) *lead.Lead {
	m := header.NewMapper(nil).Map(headerRow)
	return &lead.Lead{File: "x.csv", Line: 2, Cells: cells, Columns: m.Columns}
}

func TestReadOutcome(t *testing.T) {
	tests := []struct {
		name    string
		header  []string
		cells   []string
		want    Outcome
		revenue float64
	}{
		{"salesforce status converted", []string{"Email", "Lead Status"}, []string{"a@b.com", "Closed - Converted"}, Converted, 0},
		{"salesforce status not converted", []string{"Email", "Lead Status"}, []string{"a@b.com", "Closed - Not Converted"}, NotConverted, 0},
		{"status open, no outcome column", []string{"Email", "Lead Status"}, []string{"a@b.com", "Open - Not Contacted"}, Unknown, 0},
		{"IsConverted true", []string{"Email", "IsConverted"}, []string{"a@b.com", "true"}, Converted, 0},
		{"IsConverted 1", []string{"Email", "Converted"}, []string{"a@b.com", "1"}, Converted, 0},
		{"IsConverted false", []string{"Email", "IsConverted"}, []string{"a@b.com", "false"}, NotConverted, 0},
		{"IsConverted blank", []string{"Email", "IsConverted"}, []string{"a@b.com", ""}, NotConverted, 0},
		{"converted date", []string{"Email", "Converted Date"}, []string{"a@b.com", "2026-08-01"}, Converted, 0},
		{"converted opportunity", []string{"Email", "Converted Opportunity"}, []string{"a@b.com", "Acme - New Business"}, Converted, 0},
		{"opportunity created no", []string{"Email", "Opportunity Created"}, []string{"a@b.com", "No"}, NotConverted, 0},
		{"opportunity created yes", []string{"Email", "Opportunity Created"}, []string{"a@b.com", "Yes"}, Converted, 0},
		{"hubspot customer", []string{"Email", "Lifecycle Stage"}, []string{"a@b.com", "customer"}, Converted, 0},
		{"hubspot Opportunity label", []string{"Email", "Lifecycle Stage"}, []string{"a@b.com", "Opportunity"}, Converted, 0},
		{"hubspot mql", []string{"Email", "Lifecycle Stage"}, []string{"a@b.com", "marketingqualifiedlead"}, NotConverted, 0},
		{"hubspot deals", []string{"Email", "Number of Associated Deals"}, []string{"a@b.com", "2"}, Converted, 0},
		{"hubspot no deals", []string{"Email", "Number of Associated Deals"}, []string{"a@b.com", "0"}, NotConverted, 0},
		{"hubspot amount", []string{"Email", "Recent Deal Amount"}, []string{"a@b.com", "12500"}, Converted, 12500},
		{"closed won amount with separator", []string{"Email", "Closed Won Amount"}, []string{"a@b.com", "$12,000"}, Converted, 12000},
		{"closed won amount euro", []string{"Email", "Closed Won Amount"}, []string{"a@b.com", "12.000 €"}, Converted, 12000},
		{"closed won amount 1.2M", []string{"Email", "Closed Won Amount"}, []string{"a@b.com", "$1.2M"}, Converted, 1_200_000},
		{"amount zero", []string{"Email", "Closed Won Amount"}, []string{"a@b.com", "0"}, NotConverted, 0},
		{"amount with other converted", []string{"IsConverted", "Closed Won Amount"}, []string{"true", "$5,000.00"}, Converted, 5000},
		{"no outcome column", []string{"Email", "Company"}, []string{"a@b.com", "Acme"}, Unknown, 0},
		{"short row", []string{"Email", "IsConverted"}, []string{"a@b.com"}, NotConverted, 0},
	}
	for _, tt := range tests {
		got := ReadOutcome(leadWith(tt.header, tt.cells))
		if got.Outcome != tt.want || got.Revenue != tt.revenue {
			t.Errorf("%s: got %v %v, want %v %v", tt.name, got.Outcome, got.Revenue, tt.want, tt.revenue)
		}
	}
}

func TestAmount(t *testing.T) {
	for in, want := range map[string]float64{"12000": 12000, "$12,000": 12000, "12.000 €": 12000, "USD 1,234,567.89": 1234567.89, "€ 3,5 Mio": 3_500_000} {
		if got, ok := Amount(in); !ok || got != want {
			t.Errorf("Amount(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "n/a", "lots", "1,2"} {
		if got, ok := Amount(bad); ok {
			t.Errorf("Amount(%q) = %v, want unreadable", bad, got)
		}
	}
}

func FuzzAmount(f *testing.F) {
	for _, s := range []string{"$12,000", "12.000 €", "1.2M", "10M-50M", "0", "1,2,3", "9,999,999,999,999,999,999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, ok := Amount(s); ok && v < 0 {
			t.Fatalf("Amount(%q) = %v, negative", s, v)
		}
	})
}
