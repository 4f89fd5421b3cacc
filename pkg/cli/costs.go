package cli

import (
	"time"

	"github.com/leadclean/leadclean/pkg/audit"
	"github.com/leadclean/leadclean/pkg/costs"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

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
