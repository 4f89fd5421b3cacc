package junk

import (
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
)

// wrongName finds a real phone or address under a name that is not a
// person's (a placeholder pair such as Mickey Mouse or John Doe, a
// keyboard mash, gibberish, repeated or single letters; judged by
// personname.Check).
//
// The pattern is "wrong name, right contact", so the detector fires only
// when the row also has a valid, non-bogus phone or a non-blank street
// address. A placeholder name on a row with no usable phone and no street
// is left alone here: such a row is fake throughout and is caught by
// bogus_email or bogus_phone, or it is a sparse lead nobody can call.
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
	if !c.Has(lead.Phone) && !c.Has(lead.Mobile) && !c.Has(lead.Street) {
		return false, "no phone, mobile or street column"
	}
	return true, ""
}

func (d wrongName) Detect(l *lead.Lead) (string, bool) {
	realPhone := l.Phone.Valid && !l.Phone.Bogus && !l.Phone.Missing
	street := l.Get(lead.Street)
	if !realPhone && street == "" {
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
	with := "a valid phone"
	switch {
	case realPhone && street != "":
		with = "a valid phone and a street address"
	case !realPhone:
		with = "a street address"
	}
	if why == "" {
		why = "not a person's name"
	}
	return "name \"" + name + "\" (" + why + ") with " + with, true
}
