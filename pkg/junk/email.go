package junk

import (
	"strings"

	"github.com/leadclean/leadclean/pkg/email"
	"github.com/leadclean/leadclean/pkg/lead"
)

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

// Detect fires when no address of the lead can be used: l.Email is the
// lead's best address (see package lead), so a bogus one means every
// e-mail cell is bogus. With several cells the detail names each column
// and its problem.
func (bogusEmail) Detect(l *lead.Lead) (string, bool) {
	e := &l.Email
	if e.Missing || !e.Bogus {
		return "", false
	}
	if len(l.Emails) > 1 {
		var b strings.Builder
		for i, c := range l.Emails {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(columnName(l, c.Column) + ": " + emailProblem(&c.Address))
		}
		return b.String(), true
	}
	return emailProblem(e), true
}

func emailProblem(a *email.Address) string {
	if a.Problem == "" {
		return "bogus email address"
	}
	return a.Problem
}
