package junk

import (
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/phone"
)

// bogusPhone reports the phone the pipeline's phone check found bogus
// (l.Phone.Bogus; fictional ranges, repeated digits, premium rate, ...).
// An empty phone is missing, not bogus, and never fires.
//
// allow_premium_rate belongs to the phone check (phone.Options): pass it
// there. As a safety net the detector also drops a finding whose only
// problem is [phone.ProblemPremiumRate] when it is set; a premium-rate
// number bogus for another reason (a fictional range) is still reported.
type bogusPhone struct {
	allowPremiumRate bool
}

var _ Detector = (*bogusPhone)(nil)

func (d *bogusPhone) Reason() lead.Reason { return lead.BogusPhone }

func (d *bogusPhone) Checkable(c *lead.Columns) (bool, string) {
	if c.Has(lead.Phone) || c.Has(lead.Mobile) {
		return true, ""
	}
	return false, "no phone or mobile column"
}

func (d *bogusPhone) Detect(l *lead.Lead) (string, bool) {
	p := &l.Phone
	if p.Missing || !p.Bogus {
		return "", false
	}
	if d.allowPremiumRate && p.Problem == phone.ProblemPremiumRate {
		return "", false
	}
	if p.Problem == "" {
		return "bogus phone number", true
	}
	return p.Problem, true
}
