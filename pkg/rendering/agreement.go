package rendering

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/leadclean/leadclean/pkg/costs"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

// AgreementLine describes the agreement in one line, or says there is
// none: "Agreement 2026.2 of 2026-06-15 between Dana Whitfield (sales)
// and Luis Ortega (marketing): 40 qualified leads a month, 60% of them
// from marketing (Trade Show, Webinar)."
func AgreementLine(a *rulebook.Agreement) string {
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

// AgreementSection is the page's first section: the agreement the
// report applied, or that the rulebook has none.
func AgreementSection(a *rulebook.Agreement) Section {
	return Section{Title: "Agreement", Note: AgreementLine(a)}
}
