package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/leadclean/leadclean/pkg/costs"
)

// Agreement is the rulebook's agreement as reports print it: every
// report says at its top which agreement it applied (or that the
// rulebook has none). The JSON names are the documented schema.
type Agreement struct {
	Version   string `json:"version"`
	Date      string `json:"date"`
	Sales     string `json:"sales"`
	Marketing string `json:"marketing"`
	// QualifiedPerMonth and MarketingShare are 0 (omitted) when not agreed.
	QualifiedPerMonth int            `json:"qualified_per_month,omitempty"`
	MarketingShare    float64        `json:"marketing_share,omitempty"`
	MarketingSources  []string       `json:"marketing_sources,omitempty"`
	Sources           []AgreedSource `json:"sources,omitempty"`
}

// AgreedSource is a per-source target; a zero field sets none.
type AgreedSource struct {
	Source              string  `json:"source"`
	QualifiedPerMonth   int     `json:"qualified_per_month,omitempty"`
	MaxCostPerQualified float64 `json:"max_cost_per_qualified,omitempty"`
}

// AgreementLine describes the agreement in one line, or says there is
// none: "Agreement 2026.2 of 2026-06-15 between Dana Whitfield (sales)
// and Luis Ortega (marketing): 40 qualified leads a month, 60% of them
// from marketing (Trade Show, Webinar)."
func AgreementLine(a *Agreement) string {
	if a == nil {
		return "Agreement: none (the rulebook has no agreement section)."
	}
	s := fmt.Sprintf("Agreement %s of %s between %s (sales) and %s (marketing)", a.Version, a.Date, a.Sales, a.Marketing)
	var terms []string
	if a.QualifiedPerMonth > 0 {
		terms = append(terms, fmt.Sprintf("%d qualified leads a month", a.QualifiedPerMonth))
	}
	if a.MarketingShare > 0 {
		of := "of them"
		if a.QualifiedPerMonth == 0 {
			of = "of qualified leads"
		}
		terms = append(terms, fmt.Sprintf("%s %s from marketing (%s)", share(a.MarketingShare), of, strings.Join(a.MarketingSources, ", ")))
	}
	for _, t := range a.Sources {
		var parts []string
		if t.QualifiedPerMonth > 0 {
			parts = append(parts, fmt.Sprintf("%d qualified a month", t.QualifiedPerMonth))
		}
		if t.MaxCostPerQualified > 0 {
			parts = append(parts, "at most "+costs.Money(t.MaxCostPerQualified, 2)+" per qualified lead")
		}
		terms = append(terms, t.Source+": "+strings.Join(parts, ", "))
	}
	if len(terms) > 0 {
		s += ": " + strings.Join(terms, "; ")
	}
	return s + "."
}

// share prints a share as a percentage without needless decimals: 0.6
// is "60%", 0.125 "12.5%".
func share(f float64) string {
	return strconv.FormatFloat(f*100, 'f', -1, 64) + "%"
}

// CostHeader returns the header of a cost table in currency; outcomes
// adds the audit's columns (converted, revenue, cost per converted lead,
// revenue per unit of cost).
func CostHeader(currency string, outcomes bool) ([]string, []bool) {
	h := []string{"Source", "Leads", "Qualified"}
	if outcomes {
		h = append(h, "Converted", "Revenue")
	}
	h = append(h, "Cost ("+currency+")", "Cost/lead", "Cost/qualified")
	if outcomes {
		h = append(h, "Cost/converted", "Revenue/cost")
	}
	numeric := make([]bool, len(h))
	for i := 1; i < len(h); i++ {
		numeric[i] = true
	}
	return h, numeric
}

// CostCells renders figures for a cost table: "no cost given" for a
// source the costs file does not name (never 0), and for a division by
// zero what was zero ("0 qualified", "0 converted", "cost 0").
func CostCells(f costs.Figures) []string {
	if !f.Given {
		return []string{"no cost given", "-", "-"}
	}
	return []string{costs.Money(*f.Cost, 0), perUnit(f.PerLead, "0 leads"), perUnit(f.PerQualified, "0 qualified")}
}

// OutcomeCostCells adds cost per converted lead and revenue per unit of
// cost to CostCells.
func OutcomeCostCells(f costs.OutcomeFigures) []string {
	cells := CostCells(f.Figures)
	if !f.Given {
		return append(cells, "-", "-")
	}
	rpc := "cost 0"
	if f.RevenuePerCost != nil {
		rpc = strconv.FormatFloat(*f.RevenuePerCost, 'f', 2, 64)
	}
	return append(cells, perUnit(f.PerConverted, "0 converted"), rpc)
}

func perUnit(v *float64, zero string) string {
	if v == nil {
		return zero
	}
	return costs.Money(*v, 2)
}

// CostNote explains the cost table: the file and currency, the sources
// with a cost that no lead has, and rows left out for their period.
func CostNote(o *costs.Overview) string {
	s := fmt.Sprintf("Costs from %s, in %s. A source the file does not name shows \"no cost given\": it is not free.", o.File, o.Currency)
	if len(o.NotInLeads) > 0 {
		s += " Costs for sources no lead has: " + strings.Join(o.NotInLeads, ", ") + "."
	}
	if len(o.LeftOut) > 0 {
		s += " Left out, their period lies only partly in the report's: " + strings.Join(o.LeftOut, ", ") + "."
	}
	return s
}
