package pipeline

import (
	"slices"
	"testing"

	"github.com/leadclean/leadclean/pkg/email"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadcsv"
	"github.com/leadclean/leadclean/pkg/phone"
)

// TestAppendedValues checks the appended values against the public
// column list (all of it but leadclean_overflow, which the writer fills),
// and that values appended into one shared slice stay apart.
func TestAppendedValues(t *testing.T) {
	if appendedWidth != len(leadcsv.AppendedColumns)-1 {
		t.Fatalf("appendedWidth %d, want %d", appendedWidth, len(leadcsv.AppendedColumns)-1)
	}
	clean := &lead.Lead{
		Email: email.Address{Normalized: "ann@acme.io"},
		Phone: phone.Number{Valid: true, E164: "+14153921234"},
	}
	clean.Verdict.Status, clean.Verdict.Score, clean.Verdict.Grade = lead.Qualified, 42, "B"
	dup := &lead.Lead{Phone: phone.Number{Valid: true, Bogus: true, E164: "+15555550100"}}
	dup.Verdict.Add(lead.Duplicate, "first seen at a.csv:2")
	dup.Verdict.Add(lead.BogusPhone, "fictional number")
	dup.Verdict.Status, dup.Verdict.DuplicateOf = lead.Rejected, "a.csv:2"
	broken := &lead.Lead{}
	broken.Verdict.Add(lead.MalformedRow, "row has 3 fields, the header has 2")
	broken.Verdict.Status = lead.Rejected

	want := [][]string{
		{"qualified", "", "42", "ann@acme.io", "+14153921234", "B", "", ""},
		{"rejected", "duplicate;bogus_phone", "0", "", "", "", "", "a.csv:2"},
		{"rejected", "malformed_row", "", "", "", "", "", ""},
	}
	var shared []string
	var rows [][]string
	for _, l := range []*lead.Lead{clean, dup, broken} {
		start := len(shared)
		shared = appendAppended(shared, l)
		rows = append(rows, shared[start:len(shared):len(shared)])
	}
	for i, l := range []*lead.Lead{clean, dup, broken} {
		if got := appended(l); !slices.Equal(got, want[i]) {
			t.Errorf("appended(row %d) = %q, want %q", i, got, want[i])
		}
		if !slices.Equal(rows[i], want[i]) {
			t.Errorf("shared slice row %d = %q, want %q", i, rows[i], want[i])
		}
	}
}

// appended returns the values of the appended columns, without
// leadclean_overflow, which the writer fills.
func appended(l *lead.Lead) []string {
	return appendAppended(make([]string, 0, appendedWidth), l)
}
