package junk

import "github.com/leadclean/leadclean/pkg/lead"

// bogusEmail reports the address the pipeline's email check found bogus
// (l.Email.Bogus: bad syntax, reserved or placeholder domains,
// disposable mailboxes). Free mail and role accounts are signals for the
// rulebook, never bogus by themselves; an empty cell is missing, not
// bogus. The rulebook's allow_domains must be given to the email checker
// (email.Options.AllowDomains): it decides disposability.
type bogusEmail struct{}

var _ Detector = bogusEmail{}

func (bogusEmail) Reason() lead.Reason { return lead.BogusEmail }

func (bogusEmail) Checkable(c *lead.Columns) (bool, string) {
	if c.Has(lead.Email) {
		return true, ""
	}
	return false, "no email column"
}

func (bogusEmail) Detect(l *lead.Lead) (string, bool) {
	e := &l.Email
	if e.Missing || !e.Bogus {
		return "", false
	}
	if e.Problem == "" {
		return "bogus email address", true
	}
	return e.Problem, true
}
