package lead

// Reason is a stable, lower-case reason code. Codes are a public contract:
// users' scripts match on them in the leadclean_reasons column.
type Reason string

// The reason codes. README documents each one.
const (
	Competitor    Reason = "competitor"
	Student       Reason = "student"
	EmailOpenOnly Reason = "email_open_only"
	ImageViewOnly Reason = "image_view_only"
	BelowBudget   Reason = "below_budget"
	AbandonedForm Reason = "abandoned_form"
	BogusPhone    Reason = "bogus_phone"
	BogusEmail    Reason = "bogus_email"
	// NoContact: no usable e-mail and no usable phone in any column.
	NoContact        Reason = "no_contact"
	WrongName        Reason = "wrong_name"
	Vendor           Reason = "vendor"
	Duplicate        Reason = "duplicate"
	MalformedRow     Reason = "malformed_row"
	FormulaInjection Reason = "formula_injection"
	RuleError        Reason = "rule_error"
	// LowScore is set by the rulebook, not a detector: the lead had no
	// reject or nurture reason but scored below qualify_at.
	LowScore Reason = "low_score"
)

// Reasons lists every reason code in the order reports show them.
//
// # How to add a reason code
//
// Add a constant above and put it here in the order reports should show
// it; document it in README. Then give it one entry in the detectors
// registry of package junk (pkg/junk/registry.go), in the same place: a
// test there fails until you do. A reason a detector finds follows "How
// to add a detector" in package junk; a reason found elsewhere (by the
// reader, the rulebook, duplicate detection) gets an entry whose foundBy
// says what finds it. The rulebook accepts the code in its decision
// section as soon as it is listed here.
func Reasons() []Reason {
	return []Reason{Competitor, Student, EmailOpenOnly, ImageViewOnly, BelowBudget,
		AbandonedForm, BogusPhone, BogusEmail, NoContact, WrongName, Vendor, Duplicate,
		MalformedRow, FormulaInjection, RuleError, LowScore}
}

// Status is where a lead goes.
type Status string

// The statuses, written to the leadclean_status column.
const (
	Qualified Status = "qualified"
	Nurture   Status = "nurture"
	Rejected  Status = "rejected"
)

// Finding is one reason found on a lead, with a short human detail
// ("disposable domain mailinator.com") for `leadclean explain`.
type Finding struct {
	Reason Reason
	Detail string
}

// Verdict is what leadclean decided about a lead.
type Verdict struct {
	Status   Status
	Findings []Finding
	Score    int
	Grade    string
	// DuplicateOf names the first occurrence ("file:line") of a duplicate.
	DuplicateOf string
	// Trace holds one line per detector and rule for `leadclean explain`;
	// filled only when tracing is on.
	Trace []string
}

// Add records a finding unless the same reason is already present.
func (v *Verdict) Add(r Reason, detail string) {
	for _, f := range v.Findings {
		if f.Reason == r {
			return
		}
	}
	v.Findings = append(v.Findings, Finding{Reason: r, Detail: detail})
}

// HasReason reports whether reason r was found.
func (v *Verdict) HasReason(r Reason) bool {
	for _, f := range v.Findings {
		if f.Reason == r {
			return true
		}
	}
	return false
}
