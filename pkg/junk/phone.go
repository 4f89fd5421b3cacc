package junk

import (
	"strconv"
	"strings"

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

// Detect fires when no phone of the lead can be used: l.Phone is the
// lead's best number (see package lead), so a bogus one means every
// phone and mobile cell is bogus. With several cells the detail names
// each column and its problem.
func (d *bogusPhone) Detect(l *lead.Lead) (string, bool) {
	p := &l.Phone
	if p.Missing || !p.Bogus {
		return "", false
	}
	if len(l.Phones) > 1 {
		var b strings.Builder
		for i, c := range l.Phones {
			if d.allowPremiumRate && c.Number.Problem == phone.ProblemPremiumRate {
				return "", false
			}
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(columnName(l, c.Column) + ": " + phoneProblem(&c.Number))
		}
		return b.String(), true
	}
	if d.allowPremiumRate && p.Problem == phone.ProblemPremiumRate {
		return "", false
	}
	return phoneProblem(p), true
}

func phoneProblem(n *phone.Number) string {
	if n.Problem == "" {
		return "bogus phone number"
	}
	return n.Problem
}

// columnName is the header of column i, quoted, for details naming one
// of several contact columns.
func columnName(l *lead.Lead, i int) string {
	if l.Columns == nil || i < 0 || i >= len(l.Columns.Header) {
		return "column " + strconv.Itoa(i+1)
	}
	return strconv.Quote(l.Columns.Header[i])
}
