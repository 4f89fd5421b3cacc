package junk

import (
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
)

// wrongName finds a real contact under a name that is not a person's (a
// placeholder pair such as Mickey Mouse or John Doe, a keyboard mash,
// gibberish, repeated or single letters; judged by personname.Check).
//
// The pattern is "wrong name, right contact", so the detector fires only
// when the row also has a usable e-mail address, a usable phone number
// (in any of its e-mail, phone or mobile columns) or a non-blank street
// address. A placeholder name on a row with none of these is left alone
// here: such a row is fake throughout and is caught by bogus_email,
// bogus_phone or no_contact.
//
// The cross-row part (a later row with the same phone and email under an
// unrelated name) needs run state and lives with duplicate detection.
type wrongName struct {
	// check judges a name; personname.Check outside tests.
	check func(first, last string) (bogus bool, why string)
}

var _ Detector = wrongName{}

func (wrongName) Reason() lead.Reason { return lead.WrongName }

func (wrongName) Checkable(c *lead.Columns) (bool, string) {
	if !c.Has(lead.FirstName) && !c.Has(lead.LastName) && !c.Has(lead.FullName) {
		return false, "no name column"
	}
	if !c.HasContact() && !c.Has(lead.Street) {
		return false, "no email, phone, mobile or street column"
	}
	return true, ""
}

func (d wrongName) Detect(l *lead.Lead) (string, bool) {
	var with []string
	if l.HasUsableEmail() {
		with = append(with, "a valid email")
	}
	if l.HasUsablePhone() {
		with = append(with, "a valid phone")
	}
	if l.Get(lead.Street) != "" {
		with = append(with, "a street address")
	}
	if len(with) == 0 {
		return "", false
	}
	first, last := l.Get(lead.FirstName), l.Get(lead.LastName)
	if first == "" && last == "" {
		return "", false
	}
	bogus, why := d.check(first, last)
	if !bogus {
		return "", false
	}
	name := strings.TrimSpace(first + " " + last)
	if why == "" {
		why = "not a person's name"
	}
	return "name \"" + name + "\" (" + why + ") with " + joinAnd(with), true
}

// joinAnd joins ["a", "b", "c"] as "a, b and c".
func joinAnd(parts []string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
