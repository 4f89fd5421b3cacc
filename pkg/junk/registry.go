package junk

import (
	"errors"
	"fmt"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/personname"
)

// entry is one reason code in the registry: what finds it, whether a
// rulebook turns it on, why not, and how to build its detector.
type entry struct {
	reason lead.Reason
	// foundBy names what finds a reason that is not a detector of this
	// package ("the reader", "duplicate detection (package dedup)");
	// empty for a detector, which build constructs.
	foundBy string
	// disabled reports the reason's switch in the rulebook's `detectors:`
	// section; nil for a reason no switch turns off.
	disabled func(cfg *Config) bool
	// unconfigured says why a switched-on detector still has nothing to
	// look for ("no competitors listed in the rulebook"), or "" when it
	// has; nil for a detector that needs no configuration.
	unconfigured func(cfg *Config) string
	// build constructs the detector from cfg; nil when foundBy is set.
	// Its errors are prefixed with the reason code by New.
	build func(cfg *Config, b *builder) (Detector, error)
}

// builder holds what several detectors share while New builds them.
type builder struct {
	currency string // the rulebook's default currency
	company  *companyNormalizer
}

// registry lists every reason code, in the order of [lead.Reasons]. A test
// fails when a code has no entry here.
var registry = []entry{
	{
		reason:   lead.Competitor,
		disabled: func(c *Config) bool { return c.Competitor.Disabled },
		unconfigured: func(c *Config) string {
			if len(c.Competitor.Domains) == 0 && len(c.Competitor.Names) == 0 {
				return "no competitors listed in the rulebook"
			}
			return ""
		},
		build: func(c *Config, b *builder) (Detector, error) { return newCompetitor(c.Competitor, b.company) },
	},
	{
		reason:   lead.Student,
		disabled: func(c *Config) bool { return c.Student.Disabled },
		build:    func(c *Config, _ *builder) (Detector, error) { return newStudent(c.Student) },
	},
	{
		reason:   lead.EmailOpenOnly,
		disabled: func(c *Config) bool { return c.EmailOpenOnly.Disabled },
		build:    func(*Config, *builder) (Detector, error) { return emailOpenOnly{}, nil },
	},
	{
		reason:   lead.ImageViewOnly,
		disabled: func(c *Config) bool { return c.ImageViewOnly.Disabled },
		build:    func(c *Config, _ *builder) (Detector, error) { return newImageViewOnly(c.ImageViewOnly) },
	},
	{
		reason:   lead.BelowBudget,
		disabled: func(c *Config) bool { return c.BelowBudget.Disabled },
		unconfigured: func(c *Config) string {
			if c.BelowBudget.MinRevenue == 0 {
				return "no min_revenue in the rulebook"
			}
			return ""
		},
		build: func(c *Config, b *builder) (Detector, error) { return newBelowBudget(c.BelowBudget, b.currency) },
	},
	{
		reason:   lead.AbandonedForm,
		disabled: func(c *Config) bool { return c.AbandonedForm.Disabled },
		build:    func(c *Config, _ *builder) (Detector, error) { return newAbandonedForm(c.AbandonedForm) },
	},
	{
		reason:   lead.BogusPhone,
		disabled: func(c *Config) bool { return c.BogusPhone.Disabled },
		build: func(c *Config, _ *builder) (Detector, error) {
			return &bogusPhone{allowPremiumRate: c.BogusPhone.AllowPremiumRate}, nil
		},
	},
	{
		reason:   lead.BogusEmail,
		disabled: func(c *Config) bool { return c.BogusEmail.Disabled },
		build:    func(*Config, *builder) (Detector, error) { return bogusEmail{}, nil },
	},
	{
		reason:   lead.NoContact,
		disabled: func(c *Config) bool { return c.NoContact.Disabled },
		build:    func(*Config, *builder) (Detector, error) { return noContact{}, nil },
	},
	{
		reason:   lead.WrongName,
		disabled: func(c *Config) bool { return c.WrongName.Disabled },
		build:    func(*Config, *builder) (Detector, error) { return wrongName{check: personname.Check}, nil },
	},
	{
		reason:   lead.Vendor,
		disabled: func(c *Config) bool { return c.Vendor.Disabled },
		build:    func(c *Config, b *builder) (Detector, error) { return newVendor(c.Vendor, b.company) },
	},
	{
		reason:   lead.Duplicate,
		foundBy:  "duplicate detection (package dedup), which needs every earlier row",
		disabled: func(c *Config) bool { return c.Duplicate.Disabled },
	},
	{
		reason:  lead.MalformedRow,
		foundBy: "the reader (package leadcsv), on a row it cannot split as the header says",
	},
	{
		reason:   lead.FormulaInjection,
		disabled: func(c *Config) bool { return c.FormulaInjection.Disabled },
		build:    func(*Config, *builder) (Detector, error) { return formulaInjection{}, nil },
	},
	{
		reason:  lead.RuleError,
		foundBy: "the rulebook, when a scoring rule fails on a row (only a rulebook with rules)",
	},
	{
		reason:  lead.LowScore,
		foundBy: "the rulebook's decision, for a lead scored below qualify_at",
	},
}

// State says whether a rulebook's detectors configuration lets a reason be
// found.
type State int

const (
	// On: the reason can be found.
	On State = iota
	// Disabled: the rulebook switches the detector off (disabled: true).
	Disabled
	// Unconfigured: the detector is on but has nothing to look for
	// (competitor with no domains or names, below_budget with a
	// min_revenue of 0), so it is never built.
	Unconfigured
)

// StateOf reports whether cfg lets reason r be found and, when not, why
// ("disabled in the rulebook", "no min_revenue in the rulebook"). Reasons
// that no switch turns off (malformed_row, rule_error, low_score) and
// unknown codes are On. rule_error also needs scoring rules, which only the
// rulebook knows.
func StateOf(cfg Config, r lead.Reason) (State, string) {
	for i := range registry {
		if e := &registry[i]; e.reason == r {
			return e.state(&cfg)
		}
	}
	return On, ""
}

func (e *entry) state(cfg *Config) (State, string) {
	if e.disabled != nil && e.disabled(cfg) {
		return Disabled, "disabled in the rulebook"
	}
	if e.unconfigured != nil {
		if why := e.unconfigured(cfg); why != "" {
			return Unconfigured, why
		}
	}
	return On, ""
}

// New builds the detectors cfg turns on, in the fixed order of
// [lead.Reasons]. currency is the rulebook's default currency, used by
// below_budget when cfg.BelowBudget.Currency is empty.
//
// A detector is left out when [StateOf] says it is not On: its switch
// says disabled, or it has nothing to look for (competitor with no domains
// and no names, below_budget with a min_revenue of zero). Reasons found
// elsewhere (duplicate, malformed_row, rule_error, low_score) have no
// detector here.
//
// Every configuration problem is reported at once, each message starting
// with the detector's reason code ("competitor: domains[1]: \"acme\" is not
// a domain"). The detectors returned are read-only: Detect may be called
// from several goroutines at once.
func New(cfg Config, currency string) ([]Detector, error) {
	var (
		detectors []Detector
		errs      []error
		b         = &builder{currency: currency, company: newCompanyNormalizer()}
	)
	for i := range registry {
		e := &registry[i]
		if e.build == nil {
			continue
		}
		if s, _ := e.state(&cfg); s != On {
			continue
		}
		d, err := e.build(&cfg, b)
		if err != nil {
			errs = append(errs, prefixErrors(string(e.reason), err))
			continue
		}
		detectors = append(detectors, d)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return detectors, nil
}

// Off is a reason a rulebook's detectors configuration leaves unfound, and
// why, for the summary's "not checked" column: a team should see that
// competitors were never looked for, not read a zero as "none found".
type Off struct {
	Reason lead.Reason
	Why    string
}

// Unbuilt lists the reasons cfg turns off or leaves without the data they
// need, in the order of lead.Reasons: every detector New leaves out, and
// duplicate when its switch is off.
func Unbuilt(cfg Config) []Off {
	var off []Off
	for i := range registry {
		if s, why := registry[i].state(&cfg); s != On {
			off = append(off, Off{Reason: registry[i].reason, Why: why})
		}
	}
	return off
}

// prefixErrors puts the detector's name before each joined error.
func prefixErrors(name string, err error) error {
	list := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	}
	out := make([]error, len(list))
	for i, e := range list {
		out[i] = fmt.Errorf("%s: %w", name, e)
	}
	return errors.Join(out...)
}
