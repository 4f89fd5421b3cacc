// Package junk holds the detectors of the classic junk-lead patterns. Each
// detector finds and names a reason; it never decides what the reason
// costs: that is the rulebook's job.
//
// Each detector lives in its own file, reads only the fields it needs, and
// ships examples that must fire and examples that must not (see
// junk_test.go). [New] builds them from the rulebook's `detectors:`
// section; they are read-only afterwards and safe for concurrent use.
//
// # What each detector reads and decides
//
//   - competitor: the email's domain and the website's host, compared by
//     whole labels with the listed domains (acme.com catches eu.acme.com,
//     never notacme.com); the company name, compared by exact equality
//     after folding case, accents and punctuation and dropping legal
//     suffixes (Inc, LLC, GmbH, S.A., Pty Ltd, ...), never by substring.
//   - student: job-title words with word boundaries (student, intern,
//     PhD candidate, Werkstudent, étudiant, becario, 学生, ...) unless the
//     title is about students (Dean of Students, Internship Coordinator);
//     or an academic email domain (l.Email.Academic) whose title, blank
//     included, does not say staff (IT, procurement, professor,
//     librarian, researcher, ...). Hospitals in the university list
//     (mayo.edu, upmc.com) and the rulebook's not_academic are never
//     academic. Trainees and apprentices are employees, not students.
//   - email_open_only: opens > 0, no clicks, page views or form
//     submissions. Needs the opens column and one of the other three.
//   - image_view_only: every known first/last page seen is an image file
//     or an infographic page, page views <= max_page_views, no clicks, no
//     form submissions. Needs a page-seen column.
//   - below_budget: l.Revenue converted to the budget currency; below
//     only when the upper bound is; unknown, zero, open ranges and
//     unconvertible currencies never are.
//   - abandoned_form: a form status saying partial, abandoned,
//     incomplete, started, in progress (English, German, French,
//     Spanish); or required fields empty on a row whose form columns show
//     a submission. Never inferred from sparse rows without form columns.
//   - bogus_phone, bogus_email: the parsed l.Phone.Bogus and
//     l.Email.Bogus with their Problem as detail; missing is not bogus.
//   - wrong_name: a name personname.Check calls not a person's, on a row
//     with a valid phone or a street address (the cross-row part lives
//     with duplicate detection).
//   - vendor: a message shaped like a pitch (seller voice, offer, promise
//     about the reader, call to action; see vendor.go), a rulebook phrase,
//     or the company on the vendor list.
//   - formula_injection: any cell of the row, mapped or not, for which
//     [IsFormula] holds.
//
// Cells that cannot be read (a count of "n/a") leave a lead unjudged: a
// detector fires only on evidence.
//
// # The registry
//
// Every reason code has one entry in the registry (registry.go), in the
// order of [lead.Reasons]: its switch in the rulebook, why a switched-on
// detector may still have nothing to look for, and its constructor; or,
// for a reason no detector here finds (duplicate, malformed_row,
// rule_error, low_score), what finds it. Everything else is derived from
// it: [New] builds the detectors, [Unbuilt] lists the summary's "not
// checked" reasons, [StateOf] tells the rulebook whether a reason it
// nurtures or scores can ever be found. A test fails when a code of
// lead.Reasons has no entry, or an entry's detector reports another code.
//
// # How to add a detector
//
//  1. Add the reason code to package lead (verdict.go): a constant and its
//     place in lead.Reasons. README lists the codes for users.
//  2. Write one file here, say nocontact.go, with a type that implements
//     [Detector]: Reason returns the new code; Checkable names the
//     columns it needs ("no email, phone or mobile column"); Detect reads
//     the parsed fields of the lead and returns a detail and true on
//     evidence only. Put examples that must fire and must not in
//     junk_test.go's detector table.
//  3. Add its switch (a [Switch], or a config struct with Disabled and its
//     parameters) to [Config], under the YAML key that is the reason code,
//     and to the embedded default rulebook (rulebook/default.yaml), with
//     a decision for the code there.
//  4. Add one entry to registry, in the same place as in lead.Reasons:
//     reason, disabled, unconfigured (only if it can be on yet have
//     nothing to look for) and build.
//
// A reason found outside this package (by the reader, the rulebook or
// another package) still gets an entry, with foundBy saying what finds it
// and disabled when a switch turns it off.
package junk

import (
	"github.com/leadclean/leadclean/pkg/lead"
)

// Detector finds one junk pattern on a lead.
type Detector interface {
	// Reason is the code this detector reports.
	Reason() lead.Reason
	// Checkable reports whether the input's columns let the detector judge
	// at all; when not, missing names what is absent ("no email-opens
	// column") for the summary. A detector that cannot check never fires.
	Checkable(c *lead.Columns) (ok bool, missing string)
	// Detect inspects one lead whose Email, Phone, Revenue and Employees are
	// already parsed. It returns a detail for `leadclean explain` and true
	// when the pattern is present.
	Detect(l *lead.Lead) (detail string, found bool)
}

// Config holds every detector's switch and parameters, as the rulebook's
// `detectors:` section writes them.
type Config struct {
	Competitor    CompetitorConfig    `yaml:"competitor"`
	Student       StudentConfig       `yaml:"student"`
	EmailOpenOnly Switch              `yaml:"email_open_only"`
	ImageViewOnly ImageViewConfig     `yaml:"image_view_only"`
	BelowBudget   BudgetConfig        `yaml:"below_budget"`
	AbandonedForm AbandonedFormConfig `yaml:"abandoned_form"`
	BogusPhone    BogusPhoneConfig    `yaml:"bogus_phone"`
	BogusEmail    BogusEmailConfig    `yaml:"bogus_email"`
	NoContact     Switch              `yaml:"no_contact"`
	WrongName     Switch              `yaml:"wrong_name"`
	Vendor        VendorConfig        `yaml:"vendor"`
	// Duplicate is read by duplicate detection (package dedup), not by New.
	Duplicate        Switch `yaml:"duplicate"`
	FormulaInjection Switch `yaml:"formula_injection"`
}

// Switch turns a detector off. Detectors are on unless disabled.
type Switch struct {
	Disabled bool `yaml:"disabled"`
}

// CompetitorConfig lists competitors by domain and by company name. With
// both lists empty the detector is not built.
type CompetitorConfig struct {
	Disabled bool `yaml:"disabled"`
	// Domains are registrable domains or hosts ("acme.com",
	// "https://www.acme.com/" is read as acme.com); each matches itself
	// and its subdomains. A public suffix (co.uk) is a config error.
	Domains []string `yaml:"domains"`
	// Names are company names, compared exactly after folding case,
	// accents, punctuation and legal suffixes.
	Names []string `yaml:"names"`
}

// StudentConfig tunes the student detector.
type StudentConfig struct {
	Disabled bool `yaml:"disabled"`
	// StaffTitles are extra title words that mark university staff, on
	// top of the built-in ones (IT, procurement, professor, ...).
	StaffTitles []string `yaml:"staff_titles"`
	// NotAcademic are domains in the university list that are not schools,
	// matched with their subdomains; mayo.edu, upmc.com and upmc.edu are
	// always included.
	NotAcademic []string `yaml:"not_academic"`
}

// ImageViewConfig tunes the image-view-only detector.
type ImageViewConfig struct {
	Disabled bool `yaml:"disabled"`
	// MaxPageViews is the most page views a lead may have and still count
	// as image-view-only (default 2).
	MaxPageViews int `yaml:"max_page_views"`
}

// BudgetConfig sets the minimum annual revenue.
type BudgetConfig struct {
	Disabled bool `yaml:"disabled"`
	// MinRevenue is the least annual revenue of a buyer; 0 leaves the
	// detector out, a negative amount is a config error.
	MinRevenue float64 `yaml:"min_revenue"`
	// Currency of MinRevenue (ISO 4217), default the rulebook's currency.
	Currency string `yaml:"currency"`
	// Rates converts other currencies: 1 unit of the key currency is worth
	// Rates[key] units of Currency. An amount in a currency without a rate
	// is unknown, never below budget.
	Rates map[string]float64 `yaml:"rates"`
}

// AbandonedFormConfig lists the fields a completed form always has.
type AbandonedFormConfig struct {
	Disabled bool `yaml:"disabled"`
	// RequiredFields are canonical field names (see lead.ParseField). They
	// are checked only on rows whose form status is not blank or whose
	// form submissions are above zero, and only for fields the input has a
	// column for.
	RequiredFields []string `yaml:"required_fields"`
}

// BogusPhoneConfig tunes the phone check.
type BogusPhoneConfig struct {
	Disabled bool `yaml:"disabled"`
	// AllowPremiumRate keeps premium-rate numbers from being bogus. Pass
	// it to the phone checker too; the detector only drops a finding whose
	// sole problem is the premium rate.
	AllowPremiumRate bool `yaml:"allow_premium_rate"`
}

// BogusEmailConfig tunes the email check.
type BogusEmailConfig struct {
	Disabled bool `yaml:"disabled"`
	// AllowDomains are never disposable (the allowlist always wins).
	// The email checker applies it (email.Options.AllowDomains); the
	// detector only reads l.Email.Bogus.
	AllowDomains []string `yaml:"allow_domains"`
}

// VendorConfig lists vendors and extra pitch phrases.
type VendorConfig struct {
	Disabled bool `yaml:"disabled"`
	// Companies are vendors by name, compared like competitor names.
	Companies []string `yaml:"companies"`
	// Phrases are extra pitch phrases, matched as whole words without
	// regard to case, accents or punctuation, on top of the built-in ones.
	// Prefer several words: one generic word catches prospects too.
	Phrases []string `yaml:"phrases"`
}
