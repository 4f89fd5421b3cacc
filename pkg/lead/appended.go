package lead

import (
	"strconv"
	"strings"
)

// AppendedColumn is a column leadclean appends to every output after the
// original ones.
type AppendedColumn struct {
	// Name is the column's header; names are a public contract.
	Name string
	// Value computes the column from a decided lead. It is nil for
	// leadclean_overflow, which the writer fills from the cells beyond the
	// header's width, and which is always last.
	Value func(l *Lead) string
}

// Appended lists the appended columns in output order: the one table the
// writers take the header from and the pipeline computes the values
// from. Read it, never modify it.
//
// # How to add an output column
//
// Add an entry before leadclean_overflow, with the function that computes
// it from the lead's parsed fields and verdict; document it in README's
// table of columns. Writers (leadcsv, xlsx) and the pipeline need no
// change, but golden outputs and tests that list every column do.
var Appended = []AppendedColumn{
	{"leadclean_status", func(l *Lead) string { return string(l.Verdict.Status) }},
	{"leadclean_reasons", reasonCodes},
	{"leadclean_score", func(l *Lead) string {
		if l.Verdict.HasReason(MalformedRow) {
			return "" // a malformed row is not scored
		}
		return strconv.Itoa(l.Verdict.Score)
	}},
	{"leadclean_email", func(l *Lead) string { return l.Email.Normalized }},
	{"leadclean_phone", func(l *Lead) string {
		// E.164 of the lead's first usable number (see contact.go).
		if UsablePhone(&l.Phone) {
			return l.Phone.E164
		}
		return ""
	}},
	{"leadclean_grade", func(l *Lead) string { return l.Verdict.Grade }},
	{"leadclean_email_suggestion", func(l *Lead) string { return l.Email.Suggestion }},
	{"leadclean_duplicate_of", func(l *Lead) string { return l.Verdict.DuplicateOf }},
	{"leadclean_overflow", nil},
}

// AppendedNames returns the names of the appended columns, in order.
func AppendedNames() []string {
	names := make([]string, len(Appended))
	for i, c := range Appended {
		names[i] = c.Name
	}
	return names
}

// reasonCodes is leadclean_reasons: the codes found, ";"-separated.
func reasonCodes(l *Lead) string {
	f := l.Verdict.Findings
	switch len(f) {
	case 0:
		return ""
	case 1:
		return string(f[0].Reason)
	}
	var b strings.Builder
	for i := range f {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(string(f[i].Reason))
	}
	return b.String()
}
