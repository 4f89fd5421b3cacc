package header

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
)

// Content detection: where a column's header says nothing the alias table
// or the head-noun rule knows ("unknown", or an empty header), its values
// decide. These numbers are the whole rule.
const (
	// SampleRows is how many rows of an input are read for content
	// detection before the run starts; only they are held in memory.
	SampleRows = 500
	// ContentShare is the share of a column's non-empty sampled values
	// that must look like e-mail addresses (or phone numbers) for the
	// column to be used as one.
	ContentShare = 0.8
	// MinContentValues is the fewest non-empty sampled values a column
	// needs before its content can decide: two or three cells prove
	// nothing.
	MinContentValues = 5
)

// HasOpen reports whether some column's header said nothing at all, so
// that its content may decide (see [Mapping.ByContent]).
func (m *Mapping) HasOpen() bool {
	for _, o := range m.open {
		if o {
			return true
		}
	}
	return false
}

// ByContent maps the columns whose header said nothing by their sampled
// values (the first rows of the input, [SampleRows] at most): a column
// whose non-empty values are at least [ContentShare] e-mail addresses is
// an email column, one whose values are that share phone numbers a phone
// column, provided it holds [MinContentValues] non-empty values and its
// numbers are not plain digits counting up row after row (record
// numbers). A header naming an identifier or a count ("Record ID", "Order
// #", "Lead Number", "Quantity") is never decided by content. Such a
// column is checked like any other of its field, after the columns named
// by their header. A column refused by its header ("Account Owner Email",
// "Asst. Phone", "Fax") is never taken, whatever it holds. Its note says
// so: `by content: 97% of 500 sampled values are phone numbers`.
func (m *Mapping) ByContent(sample [][]string) {
	for i, open := range m.open {
		if !open {
			continue
		}
		var values, emails, phones int
		sequence, prev := true, ""
		for _, row := range sample {
			if i >= len(row) {
				continue
			}
			v := strings.TrimSpace(row[i])
			if v == "" {
				continue
			}
			values++
			switch {
			case LooksLikeEmail(v):
				emails++
			case LooksLikePhone(v):
				phones++
				// Record numbers count up: digits only, each above the last.
				sequence = sequence && allDigits(v) && (prev == "" || len(v) > len(prev) || len(v) == len(prev) && v > prev)
				prev = v
			}
		}
		if values < MinContentValues {
			continue
		}
		f, n, what := lead.Email, emails, "e-mail addresses"
		if phones > emails && !sequence {
			f, n, what = lead.Phone, phones, "phone numbers"
		}
		if float64(n) < ContentShare*float64(values) {
			continue
		}
		if m.Columns.Set(f, i) {
			m.Notes[i].Field = f
			m.Notes[i].Why = fmt.Sprintf("by content: %d%% of %d sampled values are %s", n*100/values, values, what)
			m.open[i] = false
		}
	}
}

// LooksLikeEmail reports whether v has the shape of an e-mail address:
// one @, no spaces, a local part, and a dotted domain ending in a label of
// two or more letters. It says nothing of whether the address works (that
// is pkg/email's job); it only tells an address column from others.
func LooksLikeEmail(v string) bool {
	local, domain, ok := strings.Cut(v, "@")
	if !ok || local == "" || len(local) > 64 || strings.ContainsAny(v, " \t,;<>\"") || strings.Contains(domain, "@") {
		return false
	}
	dot := strings.LastIndexByte(domain, '.')
	if dot <= 0 || dot == len(domain)-1 {
		return false
	}
	for _, r := range domain[dot+1:] {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r >= 0x80) {
			return false
		}
	}
	return len(domain)-dot-1 >= 2
}

// phoneShape is a phone number as exports write it: digits with spaces,
// dots, dashes, slashes and parentheses, an optional leading + or 00, and
// an optional extension.
var phoneShape = regexp.MustCompile(`^\+?[0-9(][0-9 ()./-]*[0-9)](?:\s*(?:x|ext\.?|#)\s*[0-9]{1,6})?$`)

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// dateShape matches dates and times, whose digits could pass for a number.
var dateShape = regexp.MustCompile(`^(?:[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2,4})(?:[ T][0-9:.]+)?$`)

// LooksLikePhone reports whether v has the shape of a phone number: 7 to
// 15 digits (E.164 allows 15) in phone punctuation, not a date, not a
// decimal amount, and not a Unix timestamp (10 or 13 plain digits starting
// with 1, which no national number written without its trunk prefix
// does). Whether the number is valid is pkg/phone's question.
func LooksLikePhone(v string) bool {
	// Most cells are words, addresses or amounts: a byte scan turns them
	// away before any regular expression runs.
	if len(v) < 7 || len(v) > 40 {
		return false
	}
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9', c == ' ', c == '+', c == '(', c == ')', c == '.', c == '/', c == '-', c == '#',
			c == 'x', c == 'e', c == 't', c == 'X', c == 'E', c == 'T', c == '\t':
		default:
			return false
		}
	}
	if !phoneShape.MatchString(v) || dateShape.MatchString(v) {
		return false
	}
	main := v
	if i := strings.IndexAny(v, "x#e"); i > 0 {
		main = v[:i]
	}
	digits := 0
	plain := true
	for i := 0; i < len(main); i++ {
		switch c := main[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			plain = false
			// "1234567.89" is an amount: a single dot before two digits.
			if strings.Count(main, ".") == 1 && len(main)-i-1 <= 2 {
				return false
			}
		default:
			plain = false
		}
	}
	if digits < 7 || digits > 15 {
		return false
	}
	if plain && main[0] == '1' && (digits == 10 || digits == 13) {
		return false
	}
	return true
}
