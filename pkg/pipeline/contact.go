package pipeline

import (
	"context"
	"strconv"

	"github.com/leadclean/leadclean/pkg/email"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/phone"
)

// Contact cells are ranked so that a lead's Email and Phone are its best
// cell: usable, then (phones only) unjudged, then bogus, then missing. The
// first cell of the highest rank wins, and checking stops at a usable one
// (see package lead, contact.go).
const (
	rankMissing = iota
	rankBogus
	rankUnjudged
	rankUsable
)

func emailRank(a *email.Address) int {
	switch {
	case a.Missing:
		return rankMissing
	case lead.UsableEmail(a):
		return rankUsable
	}
	return rankBogus
}

func phoneRank(n *phone.Number) int {
	switch {
	case n.Missing:
		return rankMissing
	case lead.UsablePhone(n):
		return rankUsable
	case lead.Unjudged(n):
		return rankUnjudged
	}
	return rankBogus
}

// checkEmails sets l.Email (and l.Emails) from the lead's e-mail columns.
// mx, when set, also looks up each syntactically good address's domain:
// a domain that cannot receive mail makes that address bogus.
func (p *processor) checkEmails(ctx context.Context, l *lead.Lead, mx bool) {
	l.Email, l.Emails = email.Address{Missing: true}, nil
	if l.Columns == nil {
		return
	}
	idx := l.Columns.Indexes(lead.Email)
	best, filled := rankMissing, 0
	var first lead.EmailCell
	for _, col := range idx {
		v := l.Cell(col)
		if v == "" {
			continue
		}
		a := p.emails.Check(v)
		if a.Missing {
			continue
		}
		if mx && !a.Bogus {
			p.checkMX(ctx, &a)
		}
		cell := lead.EmailCell{Column: col, Address: a}
		switch filled++; filled {
		case 1:
			first = cell
		case 2:
			l.Emails = append(make([]lead.EmailCell, 0, len(idx)), first, cell)
		default:
			l.Emails = append(l.Emails, cell)
		}
		if r := emailRank(&a); r > best {
			l.Email, best = a, r
			if r == rankUsable {
				return
			}
		}
	}
}

// checkMX marks a bogus when its domain cannot receive mail (--check-mx).
func (p *processor) checkMX(ctx context.Context, a *email.Address) {
	res := p.mx.Check(ctx, a.Domain)
	if res.State == email.MXNoMail {
		a.Bogus = true
		a.Problem = "domain " + a.Domain + " cannot receive mail (" + res.Detail + ")"
	}
}

// phoneFields are the fields whose columns hold the lead's numbers, in
// the order they are tried.
var phoneFields = [...]lead.Field{lead.Phone, lead.Mobile}

// checkPhones sets l.Phone (and l.Phones) from the lead's phone columns,
// then its mobile columns, read against the row's country (else the
// default region of phones).
func (p *processor) checkPhones(l *lead.Lead, phones *phone.Checker, isoCountries bool) {
	l.Phone, l.Phones = phone.Number{Missing: true}, nil
	if l.Columns == nil {
		return
	}
	total := len(l.Columns.Indexes(lead.Phone)) + len(l.Columns.Indexes(lead.Mobile))
	if total == 0 {
		return
	}
	country := l.Get(lead.Country)
	if isoCountries {
		country = phone.NamibiaInISOColumn(country) // "NA" in a column of ISO codes
	}
	best, filled := rankMissing, 0
	var first lead.PhoneCell
	for _, f := range phoneFields {
		for _, col := range l.Columns.Indexes(f) {
			v := l.Cell(col)
			if v == "" {
				continue
			}
			num := phones.Check(v, country)
			if num.Missing {
				continue
			}
			cell := lead.PhoneCell{Column: col, Number: num}
			switch filled++; filled {
			case 1:
				first = cell
			case 2:
				l.Phones = append(make([]lead.PhoneCell, 0, total), first, cell)
			default:
				l.Phones = append(l.Phones, cell)
			}
			if r := phoneRank(&num); r > best {
				l.Phone, best = num, r
				if r == rankUsable {
					return
				}
			}
		}
	}
}

// traceContacts tells `leadclean explain` which of a lead's several
// e-mail and phone cells was used, and why the others were not.
func traceContacts(l *lead.Lead) {
	name := func(i int) string {
		if i < len(l.Columns.Header) {
			return strconv.Quote(l.Columns.Header[i])
		}
		return "column " + strconv.Itoa(i+1)
	}
	for _, c := range l.Emails {
		switch {
		case lead.UsableEmail(&c.Address):
			l.Verdict.Trace = append(l.Verdict.Trace, "email "+name(c.Column)+": usable, used")
		default:
			l.Verdict.Trace = append(l.Verdict.Trace, "email "+name(c.Column)+": not usable ("+c.Address.Problem+")")
		}
	}
	for _, c := range l.Phones {
		switch {
		case lead.UsablePhone(&c.Number):
			l.Verdict.Trace = append(l.Verdict.Trace, "phone "+name(c.Column)+": usable, used")
		default:
			l.Verdict.Trace = append(l.Verdict.Trace, "phone "+name(c.Column)+": not usable ("+c.Number.Problem+")")
		}
	}
}
