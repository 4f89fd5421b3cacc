package junk

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
)

// belowBudget finds companies whose annual revenue is below the
// rulebook's minimum. The revenue (parsed by the pipeline into
// l.Revenue) is converted to the budget's currency with the rulebook's
// rates; a range is below only when its upper bound is, and an open range
// ("Over $5B", "1M+") never is. Unknown, blank, unparseable, zero and
// unconvertible amounts are never below budget.
type belowBudget struct {
	min      float64
	currency string
	rates    map[string]float64
	minText  string
}

var _ Detector = (*belowBudget)(nil)

func newBelowBudget(cfg BudgetConfig, defaultCurrency string) (*belowBudget, error) {
	var errs []error
	if cfg.MinRevenue < 0 || math.IsNaN(cfg.MinRevenue) || math.IsInf(cfg.MinRevenue, 0) {
		errs = append(errs, fmt.Errorf("min_revenue: %v is not a positive amount", cfg.MinRevenue))
	}
	cur := strings.ToUpper(strings.TrimSpace(cfg.Currency))
	if cur == "" {
		cur = strings.ToUpper(strings.TrimSpace(defaultCurrency))
	}
	switch {
	case cur == "":
		errs = append(errs, fmt.Errorf("currency: none set; set below_budget.currency or the rulebook's default currency"))
	case !isCurrencyCode(cur):
		errs = append(errs, fmt.Errorf("currency: %q is not an ISO 4217 code such as USD", cur))
	}
	rates := make(map[string]float64, len(cfg.Rates))
	for code, rate := range cfg.Rates {
		c := strings.ToUpper(strings.TrimSpace(code))
		if !isCurrencyCode(c) {
			errs = append(errs, fmt.Errorf("rates: %q is not an ISO 4217 code such as EUR", code))
			continue
		}
		if !(rate > 0) || math.IsInf(rate, 0) {
			errs = append(errs, fmt.Errorf("rates: %s: %v is not a positive rate", c, rate))
			continue
		}
		rates[c] = rate
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &belowBudget{
		min:      cfg.MinRevenue,
		currency: cur,
		rates:    rates,
		minText:  formatAmount(cfg.MinRevenue) + " " + cur,
	}, nil
}

func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func (d *belowBudget) Reason() lead.Reason { return lead.BelowBudget }

func (d *belowBudget) Checkable(c *lead.Columns) (bool, string) {
	if c.Has(lead.AnnualRevenue) {
		return true, ""
	}
	return false, "no annual-revenue column"
}

func (d *belowBudget) Detect(l *lead.Lead) (string, bool) {
	r := l.Revenue
	if !r.Known || r.Open || !(r.High > 0) {
		return "", false
	}
	conv, ok := r.In(d.currency, d.rates)
	if !ok || conv.High >= d.min {
		return "", false
	}
	amount := formatAmount(r.High)
	if r.Low != r.High {
		amount = formatAmount(r.Low) + "-" + amount
	}
	stated := r.Currency
	if stated == "" {
		stated = d.currency
	}
	detail := "annual revenue " + amount + " " + stated
	if stated != d.currency {
		detail += " (" + formatAmount(conv.High) + " " + d.currency + ")"
	}
	return detail + " below " + d.minText, true
}

// formatAmount writes an amount without exponent or needless decimals.
func formatAmount(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}
