// Package companysize parses the free-text annual revenue and employee
// counts that CRM exports carry ("$1.2M", "10M-50M", "20 Mio. USD",
// "1000+", "51-200").
package companysize

// Range is a parsed amount or count. A single value has Low == High.
type Range struct {
	// Known is false for blank, "Unknown" and unparseable values; such a
	// value is never below any budget.
	Known bool
	Low   float64
	High  float64
	// Open is true for an open upper bound ("1000+", "Over $5B"): High
	// then holds the stated lower bound.
	Open bool
	// Currency is the ISO 4217 code stated in the value ("USD", "EUR"),
	// or "" when none was stated.
	Currency string
	// Problem says why a non-blank value could not be parsed.
	Problem string
}

// ParseRevenue parses an annual revenue cell.
func ParseRevenue(s string) Range { return Range{} } // TODO(companysize helper)

// ParseEmployees parses an employee count cell.
func ParseEmployees(s string) Range { return Range{} } // TODO(companysize helper)
