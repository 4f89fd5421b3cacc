package audit

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/leadclean/leadclean/pkg/companysize"
	"github.com/leadclean/leadclean/pkg/fold"
	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/lead"
)

// Outcome is what became of a lead.
type Outcome uint8

// The outcomes. Unknown is a row whose file has no outcome column: it is
// reported apart and never counted as a lost deal.
const (
	Unknown Outcome = iota
	NotConverted
	Converted
)

// String returns "unknown", "not_converted" or "converted", the names the
// JSON report uses.
func (o Outcome) String() string {
	switch o {
	case Converted:
		return "converted"
	case NotConverted:
		return "not_converted"
	}
	return "unknown"
}

// Result is a lead's outcome and the revenue attached to it.
type Result struct {
	Outcome Outcome
	// Revenue is the deal amount of a converted lead, 0 when none is
	// stated or readable.
	Revenue float64
}

// ReadOutcome reads a lead's outcome from its outcome columns.
//
// A lead converted when any of these says so:
//
//   - Salesforce: Lead Status "Closed - Converted" (or "Converted");
//     IsConverted / Converted true (true, 1, yes, x, ja, oui, sí); a
//     Converted Date; a Converted Opportunity (name or id).
//   - HubSpot: Lifecycle Stage customer, opportunity or evangelist (the
//     internal values or the labels); Number of Associated Deals above
//     0; Recent Deal Amount above 0.
//   - Generic: Opportunity Created (yes, or a name, id or date); Closed
//     Won Amount above 0.
//
// Otherwise a lead whose file has any outcome column (see
// header.IsOutcome), or whose lead status is a closed one ("Closed - Not
// Converted", "Unqualified", "Disqualified"), did not convert; any other
// lead's outcome is Unknown. Amounts are read by
// companysize.ParseRevenue ("$12,500", "12.500 €", "1.2M"), a range by
// its middle, and summed as written: leadclean does not convert
// currencies.
func ReadOutcome(l *lead.Lead) Result {
	var r Result
	converted := false
	known := false
	if l.Columns != nil {
		for _, f := range lead.Fields() {
			if header.IsOutcome(f) && l.Has(f) {
				known = true
				break
			}
		}
	}
	switch status := normalize(l.Get(lead.LeadStatus)); {
	case status == "":
	case strings.Contains(status, "not converted") || strings.Contains(status, "unconverted") ||
		strings.Contains(status, "unqualified") || strings.Contains(status, "disqualified"):
		known = true
	case strings.Contains(status, "converted"):
		converted = true
	}
	if truthy(l.Get(lead.Converted)) {
		converted = true
	}
	if v := l.Get(lead.ConvertedDate); v != "" && !falsy(v) {
		converted = true
	}
	if v := l.Get(lead.Opportunity); v != "" && !falsy(v) {
		converted = true
	}
	switch normalize(l.Get(lead.LifecycleStage)) {
	case "customer", "opportunity", "evangelist":
		converted = true
	}
	if n, err := strconv.Atoi(strings.TrimSpace(l.Get(lead.Deals))); err == nil && n > 0 {
		converted = true
	}
	if amount, ok := Amount(l.Get(lead.DealAmount)); ok && amount > 0 {
		converted = true
		r.Revenue = amount
	}
	switch {
	case converted:
		r.Outcome = Converted
	case known:
		r.Outcome = NotConverted
	}
	return r
}

// Amount reads a deal amount; ok is false for a blank or unreadable one.
// Unlike a company's revenue, an amount of money never has three
// decimals, so "$12,000" and "12.000 €" are twelve thousand.
func Amount(s string) (float64, bool) {
	rg := companysize.ParseRevenue(s)
	if !rg.Known {
		if m := oneThousandsGroup.FindStringSubmatchIndex(s); m != nil {
			rg = companysize.ParseRevenue(s[:m[3]] + s[m[3]+1:])
		}
	}
	if !rg.Known {
		return 0, false
	}
	if rg.Low == rg.High || rg.Open {
		return rg.High, true
	}
	return (rg.Low + rg.High) / 2, true
}

// oneThousandsGroup finds a number with one separator followed by three
// digits and no other digit after it; group 1 ends before the separator.
var oneThousandsGroup = regexp.MustCompile(`^[^0-9]*([0-9]{1,3})[.,][0-9]{3}(?:[^0-9.,][^0-9]*)?$`)

// normalize folds a status or stage label for the lists above.
func normalize(s string) string { return fold.Words(s) }

func truthy(s string) bool {
	switch normalize(s) {
	case "true", "1", "yes", "y", "x", "converted", "ja", "oui", "sí", "si", "wahr", "checked":
		return true
	}
	return false
}

func falsy(s string) bool {
	switch normalize(s) {
	case "false", "0", "no", "n", "none", "n/a", "na", "nein", "non", "falsch", "unchecked", "null":
		return true
	}
	return false
}
