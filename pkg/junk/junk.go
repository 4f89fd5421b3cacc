// Package junk holds the detectors of the classic junk-lead patterns. Each
// detector finds and names a reason; it never decides what the reason
// costs: that is the rulebook's job.
//
// Each detector lives in its own file, reads only the fields it needs, and
// ships examples that must fire and examples that must not (see
// junk_test.go).
package junk

import (
	"errors"
	"fmt"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/personname"
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
	Competitor       CompetitorConfig    `yaml:"competitor"`
	Student          StudentConfig       `yaml:"student"`
	EmailOpenOnly    Switch              `yaml:"email_open_only"`
	ImageViewOnly    ImageViewConfig     `yaml:"image_view_only"`
	BelowBudget      BudgetConfig        `yaml:"below_budget"`
	AbandonedForm    AbandonedFormConfig `yaml:"abandoned_form"`
	BogusPhone       BogusPhoneConfig    `yaml:"bogus_phone"`
	BogusEmail       BogusEmailConfig    `yaml:"bogus_email"`
	WrongName        Switch              `yaml:"wrong_name"`
	Vendor           VendorConfig        `yaml:"vendor"`
	Duplicate        Switch              `yaml:"duplicate"`
	FormulaInjection Switch              `yaml:"formula_injection"`
}

// Switch turns a detector off. Detectors are on unless disabled.
type Switch struct {
	Disabled bool `yaml:"disabled"`
}

// CompetitorConfig lists competitors by domain and by company name.
type CompetitorConfig struct {
	Disabled bool     `yaml:"disabled"`
	Domains  []string `yaml:"domains"`
	Names    []string `yaml:"names"`
}

// StudentConfig tunes the student detector.
type StudentConfig struct {
	Disabled bool `yaml:"disabled"`
	// StaffTitles are extra title words that mark university staff.
	StaffTitles []string `yaml:"staff_titles"`
	// NotAcademic are domains in the university list that are not schools
	// (mayo.edu).
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
	Disabled   bool    `yaml:"disabled"`
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
	Disabled       bool     `yaml:"disabled"`
	RequiredFields []string `yaml:"required_fields"`
}

// BogusPhoneConfig tunes the phone check.
type BogusPhoneConfig struct {
	Disabled         bool `yaml:"disabled"`
	AllowPremiumRate bool `yaml:"allow_premium_rate"`
}

// BogusEmailConfig tunes the email check.
type BogusEmailConfig struct {
	Disabled bool `yaml:"disabled"`
	// AllowDomains are never disposable (the allowlist always wins).
	AllowDomains []string `yaml:"allow_domains"`
}

// VendorConfig lists vendors and extra pitch phrases.
type VendorConfig struct {
	Disabled  bool     `yaml:"disabled"`
	Companies []string `yaml:"companies"`
	Phrases   []string `yaml:"phrases"`
}

// New builds the enabled detectors from cfg, in the fixed order of
// [lead.Reasons]. currency is the rulebook's default currency, used by
// below_budget when cfg.BelowBudget.Currency is empty.
//
// A detector is left out when its switch says disabled, and also when it
// has nothing to look for: competitor with no domains and no names,
// below_budget with a min_revenue of zero. Duplicates need run state and
// are found elsewhere (see package dedup); cfg.Duplicate is not read here.
//
// Every configuration problem is reported at once, each message starting
// with the detector's name ("competitor: domains[1]: \"acme\" is not a
// domain"). The detectors returned are read-only: Detect may be called from
// several goroutines at once.
func New(cfg Config, currency string) ([]Detector, error) {
	var (
		detectors []Detector
		errs      []error
		cn        = newCompanyNormalizer()
	)
	add := func(r lead.Reason, d Detector, err error) {
		if err != nil {
			errs = append(errs, prefixErrors(string(r), err))
			return
		}
		detectors = append(detectors, d)
	}
	if c := cfg.Competitor; !c.Disabled && (len(c.Domains) > 0 || len(c.Names) > 0) {
		d, err := newCompetitor(c, cn)
		add(lead.Competitor, d, err)
	}
	if !cfg.Student.Disabled {
		d, err := newStudent(cfg.Student)
		add(lead.Student, d, err)
	}
	if !cfg.EmailOpenOnly.Disabled {
		add(lead.EmailOpenOnly, emailOpenOnly{}, nil)
	}
	if !cfg.ImageViewOnly.Disabled {
		d, err := newImageViewOnly(cfg.ImageViewOnly)
		add(lead.ImageViewOnly, d, err)
	}
	if b := cfg.BelowBudget; !b.Disabled && b.MinRevenue != 0 {
		d, err := newBelowBudget(b, currency)
		add(lead.BelowBudget, d, err)
	}
	if !cfg.AbandonedForm.Disabled {
		d, err := newAbandonedForm(cfg.AbandonedForm)
		add(lead.AbandonedForm, d, err)
	}
	if !cfg.BogusPhone.Disabled {
		add(lead.BogusPhone, &bogusPhone{allowPremiumRate: cfg.BogusPhone.AllowPremiumRate}, nil)
	}
	if !cfg.BogusEmail.Disabled {
		add(lead.BogusEmail, bogusEmail{}, nil)
	}
	if !cfg.WrongName.Disabled {
		add(lead.WrongName, wrongName{check: personname.Check}, nil)
	}
	if !cfg.Vendor.Disabled {
		d, err := newVendor(cfg.Vendor, cn)
		add(lead.Vendor, d, err)
	}
	if !cfg.FormulaInjection.Disabled {
		add(lead.FormulaInjection, formulaInjection{}, nil)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return detectors, nil
}

// prefixErrors puts the detector's name before each joined error.
func prefixErrors(name string, err error) error {
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	out := make([]error, len(list))
	for i, e := range list {
		out[i] = fmt.Errorf("%s: %w", name, e)
	}
	return errors.Join(out...)
}

// joinErrors returns nil for no errors, else all of them joined.
func joinErrors(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return errors.Join(errs...)
}
