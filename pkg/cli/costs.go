package cli

import (
	"time"

	"github.com/leadclean/leadclean/pkg/audit"
	"github.com/leadclean/leadclean/pkg/costs"
	"github.com/leadclean/leadclean/pkg/report"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

// agreementOf is the rulebook's agreement as reports print it; nil when
// the rulebook has none.
func agreementOf(r *rulebook.Rulebook) *report.Agreement {
	a := r.Agreement
	if a == nil {
		return nil
	}
	out := &report.Agreement{Version: a.Version, Date: a.Date, Sales: a.Sales, Marketing: a.Marketing,
		QualifiedPerMonth: a.QualifiedPerMonth, MarketingShare: a.MarketingShare,
		MarketingSources: append([]string(nil), a.MarketingSources...)}
	for _, t := range a.Sources {
		out.Sources = append(out.Sources, report.AgreedSource{Source: t.Source, QualifiedPerMonth: t.QualifiedPerMonth, MaxCostPerQualified: t.MaxCostPerQualified})
	}
	return out
}

// loadCosts reads --costs ("" reads nothing) into the rulebook's
// currency with its rates.
func loadCosts(path string, rules *rulebook.Rulebook) (*costs.Costs, error) {
	if path == "" {
		return nil, nil
	}
	return costs.Load(path, costs.Options{Currency: rules.Currency, Convert: rules.ConvertMoney})
}

// costWindow is an audit period as the days costs.Costs.Select takes.
func costWindow(p audit.Period) (from, to time.Time) {
	day := func(d audit.Date) time.Time {
		if d.IsZero() {
			return time.Time{}
		}
		return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	}
	return day(p.Since), day(p.Until)
}
