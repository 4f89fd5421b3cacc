// Package lead defines the record that flows through leadclean: one input
// row with its position, its untouched cells, the canonical fields found in
// them, the values parsed from those fields, and the verdict reached.
//
// Data flows one way: a reader fills File, Line and Cells; the pipeline
// parses Email, Phone, Revenue and Employees once; detectors add findings;
// the rulebook sets the verdict; writers copy Cells out unchanged and append
// the verdict columns.
package lead

import (
	"github.com/leadclean/leadclean/pkg/companysize"
	"github.com/leadclean/leadclean/pkg/email"
	"github.com/leadclean/leadclean/pkg/phone"
)

// Lead is one input row.
type Lead struct {
	// File is the input's name as the user gave it ("-" for stdin).
	File string
	// Line is the physical line on which the row starts (1-based; the
	// header is line 1 of a file with a header).
	Line int
	// Cells are the row's values exactly as read, decoded to UTF-8.
	Cells []string
	// Columns says which cell holds which canonical field.
	Columns *Columns

	// Parsed once by the pipeline; detectors and rules read these. Email
	// and Phone are the lead's first usable address and number among all
	// its e-mail and phone columns (see contact.go for the whole rule);
	// Emails and Phones list every cell checked when there were several.
	Email     email.Address
	Phone     phone.Number
	Emails    []EmailCell
	Phones    []PhoneCell
	Revenue   companysize.Range
	Employees companysize.Range
	// Engagement holds the counters of the engagement columns.
	Engagement Engagement
	// Source is the lead source as written and folded ([SourceKey]);
	// every report groups and matches sources by its Key.
	Source SourceName

	Verdict Verdict

	// got and values cache Get, which detectors, rules and writers call
	// dozens of times a row: values[f] is filled when bit f of got is
	// set. A lead is handled by one goroutine at a time (the pipeline
	// hands it on through channels), so the cache needs no lock; Cells
	// and Columns never change once a lead is read.
	got    uint64
	values [numFields]string
}

// got has a bit per field.
var _ [64 - numFields]struct{}

// Get returns the trimmed value of field f, or "" when the field has no
// column or the row is too short to hold it. For fields that may span
// several columns (free text), the values are joined with a newline.
func (l *Lead) Get(f Field) string {
	if l.Columns == nil || f <= NoField || f >= numFields {
		return ""
	}
	if l.got&(1<<f) != 0 {
		return l.values[f]
	}
	v := l.Columns.Value(l.Cells, f)
	l.values[f], l.got = v, l.got|1<<f
	return v
}

// Has reports whether the input has a column for field f.
func (l *Lead) Has(f Field) bool {
	return l.Columns != nil && l.Columns.Has(f)
}

// Where returns "file:line" for messages.
func (l *Lead) Where() string {
	return Position{File: l.File, Line: l.Line}.String()
}
