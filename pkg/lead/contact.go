package lead

import (
	"strings"

	"github.com/leadclean/leadclean/pkg/email"
	"github.com/leadclean/leadclean/pkg/phone"
)

// A lead may have several e-mail and phone columns ([Field.Repeats]). The
// pipeline checks them in order (email columns; phone columns, then mobile
// columns) until one is usable, and sets:
//
//   - Lead.Email and Lead.Phone to the first usable one; when none is, to
//     the first that could not be judged (a national number with no region),
//     else to the first bogus one, else to a missing value. So a bogus
//     Lead.Phone means every phone cell the lead has is bogus, and
//     leadclean_phone (the first usable number) is empty exactly when no
//     phone can be used.
//   - Lead.Emails and Lead.Phones to every non-empty cell checked, in that
//     order, when there were two or more (nil otherwise: then Lead.Email
//     and Lead.Phone say everything). Checking stops at the first usable
//     cell, so later cells are not parsed.

// EmailCell is one checked e-mail cell.
type EmailCell struct {
	// Column is the cell's index in the row (and in Columns.Header).
	Column  int
	Address email.Address
}

// PhoneCell is one checked phone or mobile cell.
type PhoneCell struct {
	// Column is the cell's index in the row (and in Columns.Header).
	Column int
	Number phone.Number
}

// UsableEmail reports whether a can reach someone: present, not bogus and
// an address at all.
func UsableEmail(a *email.Address) bool {
	return !a.Missing && !a.Bogus && a.Normalized != ""
}

// UsablePhone reports whether n can be called: valid and not bogus.
func UsablePhone(n *phone.Number) bool {
	return !n.Missing && n.Valid && !n.Bogus
}

// Unjudged reports whether n is present but could not be judged (a
// national number on a row with no region): neither usable nor bogus.
func Unjudged(n *phone.Number) bool {
	return !n.Missing && !n.Valid && !n.Bogus
}

// HasUsableEmail reports whether the lead has an address that can reach
// someone (in any of its e-mail columns).
func (l *Lead) HasUsableEmail() bool { return UsableEmail(&l.Email) }

// HasUsablePhone reports whether the lead has a number that can be called
// (in any of its phone or mobile columns).
func (l *Lead) HasUsablePhone() bool { return UsablePhone(&l.Phone) }

// Cell returns cell i of the row, trimmed, or "" when the row is too
// short: contact columns are read one cell at a time through it, without
// the allocation of [Columns.Values].
func (l *Lead) Cell(i int) string {
	return strings.TrimSpace(cellAt(l.Cells, i))
}
