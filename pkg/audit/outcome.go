package audit

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/leadclean/leadclean/pkg/companysize"
	"github.com/leadclean/leadclean/pkg/fold"
	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/lead"
)

// Outcome is what became of a lead.
type Outcome uint8

// The outcomes. NoOutcome is a lead whose outcome cells are blank or
// unreadable: it is reported apart, never counted as lost. Open is a lead
// still being worked (a status such as "Working - Contacted", an open
// deal stage): not lost either, only not decided yet. Converted and Lost
// are the closed leads every conversion rate is computed over.
const (
	NoOutcome Outcome = iota
	Open
	Lost
	Converted
)

// String returns "no_outcome", "open", "lost" or "converted", the names
// the JSON report uses.
func (o Outcome) String() string {
	switch o {
	case Converted:
		return "converted"
	case Lost:
		return "lost"
	case Open:
		return "open"
	}
	return "no_outcome"
}

// Signal is what one outcome cell says.
type Signal uint8

// The signals of a cell.
const (
	// Blank: the cell is empty; it says nothing.
	Blank Signal = iota
	// SaysNothing: a known value that says nothing (HubSpot's "other").
	SaysNothing
	SaysOpen
	// SaysNotConverted: a false flag, no deals, an amount of 0: the lead
	// did not convert, but may still be open.
	SaysNotConverted
	SaysLost
	SaysConverted
	// Unrecognised: a short value the table does not know (a custom
	// status such as "Hot Lead"); it says nothing.
	Unrecognised
	// FreeText: text that is neither a yes/no, a date, an amount, an ID nor
	// a known status (a title such as "Office Design and Architecture"):
	// refused as an outcome.
	FreeText
)

var signalNames = [...]string{Blank: "blank", SaysNothing: "says nothing", SaysOpen: "open", SaysNotConverted: "not converted",
	SaysLost: "lost", SaysConverted: "converted", Unrecognised: "not recognised", FreeText: "free text"}

func (s Signal) String() string { return signalNames[s] }

// read reports whether the signal is an outcome reading.
func (s Signal) read() bool { return s >= SaysOpen && s <= SaysConverted }

// outcomeFields are the columns an outcome is read from: the decisive ones
// first (statuses, stages, flags, dates, opportunities), then the
// supporting ones (deal counts and amounts), which decide only when no
// decisive column says anything.
var outcomeFields = [...]lead.Field{lead.LeadStatus, lead.DealStage, lead.LifecycleStage, lead.Converted, lead.ConvertedDate,
	lead.Opportunity, lead.Deals, lead.DealAmount}

func supporting(f lead.Field) bool { return f == lead.Deals || f == lead.DealAmount }

// Cell is one outcome cell of a lead and what it says.
type Cell struct {
	Column int
	Field  lead.Field
	Value  string
	Signal Signal
}

// Result is a lead's outcome, the revenue attached to it, and how it was
// read.
type Result struct {
	Outcome Outcome
	// Revenue is the deal amount of a converted lead, 0 when none is
	// stated or readable; HasRevenue reports whether the lead's file has a
	// deal amount column at all (else revenue is unknown, not 0).
	Revenue    float64
	HasRevenue bool
	// Cells are the lead's outcome cells, blank ones included.
	Cells []Cell
	// Conflict names two cells that disagree ("Status: converted /
	// IsConverted: not converted"); empty when they agree.
	Conflict string
}

// ReadOutcome reads a lead's outcome from its outcome columns: lead
// status, deal or opportunity stage, lifecycle stage (each read through
// the table outcomes.tsv), converted flag (true, 1, yes, x, ja, oui, sí /
// false, 0, no, nein, non), converted date, converted opportunity (a yes,
// a date, an amount or an ID; free text such as a title is refused), then
// the supporting number of deals and deal amount.
//
// The deciding rule, when cells disagree: converted wins over lost, lost
// over open, open over a bare "not converted". So a "Closed - Converted"
// status with IsConverted false is converted, a deal "Closed Lost" under a
// "Working" lead status is lost, and IsConverted false beside an open
// status is open. A "not converted" alone (X Education's Converted 0, a
// false IsConverted with no status) is lost, unless a status or stage cell
// holds a value the table does not know: then the outcome is NoOutcome.
// Deal counts and amounts decide only when no status, stage, flag, date or
// opportunity cell says anything. Cells that disagree (converted against
// lost, not converted or open; lost against open) are reported in
// Result.Conflict. Blank cells say nothing: a lead whose outcome cells are
// all blank has NoOutcome.
//
// Amounts are read by [Amount], summed as written: leadclean does not
// convert currencies.
func ReadOutcome(l *lead.Lead) Result {
	var r Result
	c := l.Columns
	if c == nil {
		return r
	}
	var decisive, support [SaysConverted + 1]int // first cell index+1 per signal
	unknownStage := false
	var amount float64
	for _, f := range outcomeFields {
		for _, i := range c.Indexes(f) {
			v := strings.TrimSpace(cellAt(l.Cells, i))
			sig, amt := readCell(f, v, headerAt(c.Header, i))
			if f == lead.DealAmount {
				r.HasRevenue = true
				if sig == SaysConverted {
					amount += amt
				}
			}
			r.Cells = append(r.Cells, Cell{Column: i, Field: f, Value: v, Signal: sig})
			switch {
			case sig.read() && supporting(f):
				if support[sig] == 0 {
					support[sig] = len(r.Cells)
				}
			case sig.read():
				if decisive[sig] == 0 {
					decisive[sig] = len(r.Cells)
				}
			case sig == Unrecognised && isStageField(f):
				unknownStage = true
			}
		}
	}
	sigs := decisive
	if sigs == [len(sigs)]int{} {
		sigs = support
	}
	switch {
	case sigs[SaysConverted] > 0:
		r.Outcome = Converted
		r.Revenue = amount
		for _, other := range []Signal{SaysLost, SaysNotConverted, SaysOpen} {
			if sigs[other] > 0 {
				r.Conflict = r.describe(c.Header, sigs[SaysConverted], sigs[other])
				break
			}
		}
	case sigs[SaysLost] > 0:
		r.Outcome = Lost
		if sigs[SaysOpen] > 0 {
			r.Conflict = r.describe(c.Header, sigs[SaysLost], sigs[SaysOpen])
		}
	case sigs[SaysOpen] > 0:
		r.Outcome = Open
	case sigs[SaysNotConverted] > 0 && !unknownStage:
		r.Outcome = Lost
	}
	return r
}

func (r *Result) describe(hdr []string, a, b int) string {
	ca, cb := r.Cells[a-1], r.Cells[b-1]
	return headerAt(hdr, ca.Column) + ": " + ca.Signal.String() + " / " + headerAt(hdr, cb.Column) + ": " + cb.Signal.String()
}

func headerAt(h []string, i int) string {
	if i < 0 || i >= len(h) {
		return "column " + strconv.Itoa(i+1)
	}
	return h[i]
}

func cellAt(cells []string, i int) string {
	if i < 0 || i >= len(cells) {
		return ""
	}
	return cells[i]
}

// flagOrStage reads a cell of a converted or opportunity column that is a
// yes/no flag or a status word of the outcome table.
func flagOrStage(f lead.Field, v string) (Signal, bool) {
	switch {
	case truthy(v):
		return SaysConverted, true
	case falsy(v):
		return SaysNotConverted, true
	}
	if o, ok := StageOutcome(f, v); ok {
		return outcomeSignal(o), true
	}
	return Blank, false
}

// readCell reads one outcome cell of field f under header hdr; amount is
// the deal amount of a deal-amount cell.
func readCell(f lead.Field, v, hdr string) (sig Signal, amount float64) {
	if v == "" {
		return Blank, 0
	}
	switch f {
	case lead.LeadStatus, lead.DealStage, lead.LifecycleStage:
		if o, ok := StageOutcome(f, v); ok {
			return outcomeSignal(o), 0
		}
		return textSignal(v), 0
	case lead.Converted:
		if sig, ok := flagOrStage(f, v); ok {
			return sig, 0
		}
		return textSignal(v), 0
	case lead.ConvertedDate:
		if falsy(v) {
			return SaysNotConverted, 0
		}
		if _, ok := ParseDate(v, false); ok {
			return SaysConverted, 0
		}
		return textSignal(v), 0
	case lead.Opportunity:
		if sig, ok := flagOrStage(f, v); ok {
			return sig, 0
		}
		if _, ok := ParseDate(v, false); ok {
			return SaysConverted, 0
		}
		if a, ok := Amount(v); ok {
			if a > 0 {
				return SaysConverted, 0
			}
			return SaysNotConverted, 0
		}
		if isID(v) {
			return SaysConverted, 0
		}
		// A name under a header that says the opportunity was converted
		// (Salesforce's "Converted Opportunity") is a conversion; a bare
		// "Opportunity" holding names is Odoo's lead title.
		if strings.Contains(header.Normalize(hdr), "converted") {
			return SaysConverted, 0
		}
		return FreeText, 0
	case lead.Deals:
		if n, err := strconv.Atoi(v); err == nil && n >= 0 {
			if n > 0 {
				return SaysConverted, 0
			}
			return SaysNotConverted, 0
		}
		return textSignal(v), 0
	case lead.DealAmount:
		if a, ok := Amount(v); ok {
			if a > 0 {
				return SaysConverted, a
			}
			return SaysNotConverted, 0
		}
		if falsy(v) {
			return SaysNotConverted, 0
		}
		return textSignal(v), 0
	}
	return Blank, 0
}

func outcomeSignal(o Outcome) Signal {
	switch o {
	case Converted:
		return SaysConverted
	case Lost:
		return SaysLost
	case Open:
		return SaysOpen
	}
	return SaysNothing
}

// textSignal classifies a value no reading took: free text (several
// words, or a long word) is refused; a short word is a value the table
// does not know.
func textSignal(v string) Signal {
	if strings.ContainsFunc(v, unicode.IsSpace) && len(strings.Fields(v)) >= 3 || len(v) > 40 {
		return FreeText
	}
	return Unrecognised
}

// isID reports whether v looks like a record ID: one token of letters,
// digits, '-', '_' or '.', 3 to 40 characters, with at least one digit
// (Salesforce's 006Dn00000AbCdE, 4711, OPP-00123, a UUID).
func isID(v string) bool {
	if len(v) < 3 || len(v) > 40 {
		return false
	}
	digit := false
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '-', r == '_', r == '.':
		default:
			return false
		}
	}
	return digit
}

// Amount reads a deal amount; ok is false for a blank or unreadable one.
// Unlike a company's revenue, an amount of money never has three
// decimals, so "$12,000" and "12.000 €" are twelve thousand.
func Amount(s string) (float64, bool) {
	if !strings.ContainsAny(s, "0123456789") {
		return 0, false
	}
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
	case "true", "1", "yes", "y", "x", "ja", "oui", "sí", "si", "sim", "wahr", "vrai", "verdadero", "verdadeiro", "vero", "waar", "checked", "✓", "✔":
		return true
	}
	return false
}

func falsy(s string) bool {
	switch normalize(s) {
	case "false", "0", "no", "n", "none", "n/a", "na", "nein", "non", "não", "nao", "nee", "falsch", "faux", "falso", "onwaar",
		"unchecked", "null":
		return true
	}
	return false
}
