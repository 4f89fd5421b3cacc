package junk

import (
	"strconv"
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
)

// noContact finds a lead nobody can reach: no usable e-mail address and no
// usable phone number in any of its e-mail, phone and mobile columns (each
// empty or bogus). It reads l.Email and l.Phone, the lead's best cells
// (see package lead): a bogus best cell means every cell is bogus.
//
// A number that could not be judged (a national number on a row with no
// country and no default region) may well be answered, so the detector
// does not fire on it: it fires on evidence only.
//
// It needs at least one contact column. A file with an e-mail column and
// no phone column is judged on its e-mail alone ("no usable email; no
// phone column"), which is what the lead holds.
type noContact struct{}

var _ Detector = noContact{}

func (noContact) Reason() lead.Reason { return lead.NoContact }

func (noContact) Checkable(c *lead.Columns) (bool, string) {
	if c.HasContact() {
		return true, ""
	}
	return false, "no email, phone or mobile column"
}

func (noContact) Detect(l *lead.Lead) (string, bool) {
	if l.HasUsableEmail() || l.HasUsablePhone() || lead.Unjudged(&l.Phone) {
		return "", false
	}
	var why []string
	switch {
	case !l.Has(lead.Email):
		why = append(why, "no email column")
	case l.Email.Missing:
		why = append(why, "no email")
	case len(l.Emails) > 1:
		why = append(why, "none of "+strconv.Itoa(len(l.Emails))+" emails usable")
	default:
		why = append(why, "email unusable ("+emailProblem(&l.Email)+")")
	}
	switch {
	case !l.Has(lead.Phone) && !l.Has(lead.Mobile):
		why = append(why, "no phone column")
	case l.Phone.Missing:
		why = append(why, "no phone")
	case len(l.Phones) > 1:
		why = append(why, "none of "+strconv.Itoa(len(l.Phones))+" phones usable")
	default:
		why = append(why, "phone unusable ("+phoneProblem(&l.Phone)+")")
	}
	return "nobody can reach the lead: " + strings.Join(why, ", "), true
}
