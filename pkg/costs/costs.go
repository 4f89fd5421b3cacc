// Package costs reads what each lead source cost (a small CSV: lead
// source, cost, currency, optional period) and turns it, with a run's
// counts, into cost per lead, cost per qualified lead, cost per converted
// lead and revenue per unit of cost.
//
// # The file
//
//	lead source,cost,currency,period
//	Trade Show,"18,000",USD,2026Q3
//	Partner Referral,1200,EUR,2026-08
//
// Header spellings: "lead source" (also lead_source, Lead Source, source,
// channel), "cost" (also spend, amount), "currency", "period" (also month,
// quarter); case, spaces, hyphens and underscores do not matter. Lead
// source and cost are required; currency and period may be missing or
// blank. The file is read like a lead export (package leadcsv): its
// encoding (UTF-8 with or without a byte order mark, UTF-16,
// Windows-1252, ...) and delimiter (comma, semicolon, tab, pipe) are
// detected, so its sources decode to the same text as the leads'.
//
//   - cost: plain digits with an optional decimal point and comma
//     thousands separators in groups of three (18000, 18,000, 18000.50).
//     "12,5k", "12,5" and "$1,000" are refused: the amount must be
//     unambiguous, and the currency has its own column. 0 is a source that
//     cost nothing; negative amounts are refused.
//   - currency: ISO 4217 (USD, EUR); blank means the rulebook's currency.
//     Other currencies are converted with the rulebook's rates
//     (detectors.below_budget.rates); a currency without a rate is an error.
//   - period: blank (the cost counts for any period), a year (2026), a
//     quarter (2026Q3, Q3 2026) or a month (2026-07).
//
// Several rows for one source add up. Sources compare without regard to
// case or runs of spaces. Every problem in the file is reported at once,
// each as file:line:column with a hint ([ErrorList]).
//
// # Periods
//
// [Costs.Select] keeps the rows that belong to a report's period: a row
// without a period, or whose period lies inside the report's, counts; a
// row whose period lies outside is another period's bill and is skipped;
// a row whose period overlaps the report's only in part is left out and
// listed ([Selection.LeftOut]), never prorated by guess.
//
// # Missing costs
//
// A source the file does not name has no cost given: [Figures.Given] is
// false and every figure is nil (JSON null), never 0. Divisions by zero
// (no qualified lead, no conversion, a cost of 0) give nil too.
package costs

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/leadclean/leadclean/pkg/lead"
)

// Entry is one valid row of a costs file.
type Entry struct {
	// Source is the lead source as written, runs of spaces made one.
	Source string
	// Amount is the cost in the costs' Currency.
	Amount float64
	// Stated and StatedCurrency are the cost as the file wrote it.
	Stated         float64
	StatedCurrency string
	// Period is when the cost was spent; the zero Period is any period.
	Period Period
	// Line is the row's line in the file.
	Line int
}

// Period is an inclusive range of days (UTC midnights). The zero Period
// is unbounded.
type Period struct {
	From, To time.Time
	// Text is the period as written ("2026Q3"); "" for the zero Period.
	Text string
}

// IsZero reports whether p is unbounded.
func (p Period) IsZero() bool { return p.From.IsZero() && p.To.IsZero() }

// Costs is a costs file read and converted into one currency.
type Costs struct {
	// File names the file in reports and errors.
	File string
	// Currency is the currency every Amount is in (the rulebook's).
	Currency string
	Entries  []Entry
}

// Selection is the cost per source over one report period.
type Selection struct {
	File     string
	Currency string
	// LeftOut are the rows whose period overlaps the report's only in
	// part: their cost is not counted.
	LeftOut []Entry

	total map[string]float64
	names map[string]string
	order []string
}

// Select keeps the rows that belong to the days from..to (inclusive; a
// zero bound is open). With both bounds zero every row counts.
func (c *Costs) Select(from, to time.Time) *Selection {
	s := &Selection{File: c.File, Currency: c.Currency, total: map[string]float64{}, names: map[string]string{}}
	window := Period{From: from, To: to}
	for _, e := range c.Entries {
		switch overlap(e.Period, window) {
		case outside:
			continue
		case partial:
			s.LeftOut = append(s.LeftOut, e)
			continue
		}
		key := lead.SourceKey(e.Source)
		if _, ok := s.names[key]; !ok {
			s.names[key] = e.Source
			s.order = append(s.order, key)
		}
		s.total[key] += e.Amount
	}
	return s
}

type relation int

const (
	inside relation = iota
	partial
	outside
)

// overlap tells how period p relates to the report's window w.
func overlap(p, w Period) relation {
	if p.IsZero() || w.IsZero() {
		return inside
	}
	if (!w.To.IsZero() && p.From.After(w.To)) || (!w.From.IsZero() && p.To.Before(w.From)) {
		return outside
	}
	if (!w.From.IsZero() && p.From.Before(w.From)) || (!w.To.IsZero() && p.To.After(w.To)) {
		return partial
	}
	return inside
}

// Cost returns a source's total cost; ok is false when no row names it
// ("no cost given", which is not a cost of 0).
func (s *Selection) Cost(source string) (cost float64, ok bool) {
	cost, ok = s.total[lead.SourceKey(source)]
	return cost, ok
}

// NotIn lists, in file order, the sources with a cost that none of the
// given sources matches: usually a name spelled differently in the
// leads, which would otherwise leave both "no cost given" and unnoticed.
func (s *Selection) NotIn(sources []string) []string {
	seen := map[string]bool{}
	for _, name := range sources {
		seen[lead.SourceKey(name)] = true
	}
	out := []string{}
	for _, key := range s.order {
		if !seen[key] {
			out = append(out, s.names[key])
		}
	}
	return out
}

// Ratio returns num / den, or nil when den is 0 or the result is not a
// finite number: a division by zero has no value, and JSON shows null.
func Ratio(num, den float64) *float64 {
	if den == 0 || math.IsNaN(den) || math.IsNaN(num) {
		return nil
	}
	v := num / den
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return nil
	}
	return &v
}

// Figures are one source's costs over a report's counts. With Given
// false every pointer is nil: the source has no cost given.
type Figures struct {
	Given bool `json:"given"`
	// Cost is the source's total cost in the report's currency.
	Cost *float64 `json:"cost"`
	// PerLead is Cost / leads; PerQualified is Cost / qualified leads
	// (nil when none qualified).
	PerLead      *float64 `json:"per_lead"`
	PerQualified *float64 `json:"per_qualified"`
}

// OutcomeFigures add what a source's converted leads show.
type OutcomeFigures struct {
	Figures
	// PerConverted is Cost / converted leads (nil when none converted).
	PerConverted *float64 `json:"per_converted"`
	// RevenuePerCost is revenue / Cost: what one unit of cost brought
	// (nil for a cost of 0).
	RevenuePerCost *float64 `json:"revenue_per_cost"`
}

// Figures computes a source's costs for its leads and qualified leads.
func (s *Selection) Figures(source string, leads, qualified int) Figures {
	cost, ok := s.Cost(source)
	if !ok {
		return Figures{}
	}
	c := cost
	return Figures{Given: true, Cost: &c, PerLead: Ratio(cost, float64(leads)), PerQualified: Ratio(cost, float64(qualified))}
}

// OutcomeFigures computes a source's costs with its outcomes.
func (s *Selection) OutcomeFigures(source string, leads, qualified, converted int, revenue float64) OutcomeFigures {
	f := OutcomeFigures{Figures: s.Figures(source, leads, qualified)}
	if !f.Given {
		return f
	}
	f.PerConverted = Ratio(*f.Cost, float64(converted))
	f.RevenuePerCost = Ratio(revenue, *f.Cost)
	return f
}

// Overview describes the costs file a report used (its JSON "costs").
type Overview struct {
	File     string `json:"file"`
	Currency string `json:"currency"`
	// NotInLeads are sources with a cost that no lead has.
	NotInLeads []string `json:"not_in_leads"`
	// LeftOut are "source period" of rows left out because their period
	// overlaps the report's only in part.
	LeftOut []string `json:"left_out"`
}

// Overview describes s for a report over the given sources.
func (s *Selection) Overview(sources []string) *Overview {
	o := &Overview{File: s.File, Currency: s.Currency, NotInLeads: s.NotIn(sources), LeftOut: []string{}}
	for _, e := range s.LeftOut {
		o.LeftOut = append(o.LeftOut, e.Source+" "+e.Period.Text)
	}
	sort.Strings(o.LeftOut)
	return o
}

// Money formats an amount with comma thousands separators and the given
// decimals: Money(18000, 0) is "18,000", Money(1234.5, 2) "1,234.50".
func Money(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "-"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}
