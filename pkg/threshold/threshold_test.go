package threshold

import (
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/summary"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want []Threshold
	}{
		{"rejected_rate > 0.6", []Threshold{{Text: "rejected_rate > 0.6", Metric: "rejected_rate", Op: ">", Value: 0.6}}},
		{"rejected_rate>60%", []Threshold{{Text: "rejected_rate>60%", Metric: "rejected_rate", Op: ">", Value: 0.6}}},
		{"qualified < 10", []Threshold{{Text: "qualified < 10", Metric: "qualified", Op: "<", Value: 10}}},
		{"reason:bogus_email >= 0.2", []Threshold{{Text: "reason:bogus_email >= 0.2", Metric: "reason", Reason: lead.BogusEmail, Op: ">=", Value: 0.2}}},
		{"rejected_rate[Trade Show] > 0.5, qualified <= 3", []Threshold{
			{Text: "rejected_rate[Trade Show] > 0.5", Metric: "rejected_rate", Source: "Trade Show", Op: ">", Value: 0.5},
			{Text: "qualified <= 3", Metric: "qualified", Op: "<=", Value: 3}}},
		{"duplicate_rate[*] > 0.1", []Threshold{{Text: "duplicate_rate[*] > 0.1", Metric: "duplicate_rate", Source: "*", Op: ">", Value: 0.1}}},
		{"rejected_rate[A, B] > 0.1", []Threshold{{Text: "rejected_rate[A, B] > 0.1", Metric: "rejected_rate", Source: "A, B", Op: ">", Value: 0.1}}},
		// Check metrics: alone they mean "> 0"; hyphens stand for underscores.
		{"no_contact_columns", []Threshold{{Text: "no_contact_columns", Metric: "no_contact_columns", Op: ">", Value: 0}}},
		{"no-contact-columns", []Threshold{{Text: "no-contact-columns", Metric: "no_contact_columns", Op: ">", Value: 0}}},
		{"not-checked:bogus_phone", []Threshold{{Text: "not-checked:bogus_phone", Metric: "not_checked", Reason: lead.BogusPhone, Op: ">", Value: 0}}},
		{"not_checked:no_contact >= 50%", []Threshold{{Text: "not_checked:no_contact >= 50%", Metric: "not_checked", Reason: lead.NoContact, Op: ">=", Value: 0.5}}},
		{"region_mismatch, rows < 1", []Threshold{
			{Text: "region_mismatch", Metric: "region_mismatch", Op: ">", Value: 0},
			{Text: "rows < 1", Metric: "rows", Op: "<", Value: 1}}},
		{"region_mismatch >= 2", []Threshold{{Text: "region_mismatch >= 2", Metric: "region_mismatch", Op: ">=", Value: 2}}},
	}
	for _, tt := range tests {
		got, err := Parse([]string{tt.in})
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if len(got) != len(tt.want) {
			t.Errorf("Parse(%q) = %+v, want %+v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Parse(%q)[%d] = %+v, want %+v", tt.in, i, got[i], tt.want[i])
			}
		}
	}
}

func TestParseThresholdsErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "empty condition"},
		{"rejected_rate, qualified < 2", `"rejected_rate": no comparison`},
		{"rejectd_rate > 0.6", `unknown metric "rejectd_rate"`},
		{"rejected_rate = 0.6", `unknown comparison "="`},
		{"rejected_rate == 0.6", `unknown comparison "=="`},
		{"rejected_rate != 0.6", `unknown comparison "!="`},
		{"rejected_rate > ", "no number after >"},
		{"rejected_rate > lots", `"lots" is not a number`},
		{"rejected_rate > 0x1p-2", "is not a number"},
		{"rejected_rate > NaN", "is not a number"},
		{"rejected_rate > 1.5", "a rate is between 0 and 1"},
		{"rejected_rate > 150%", "a rate is between 0 and 1"},
		{"qualified < 2.5", "qualified is a count: use a whole number"},
		{"qualified < 10%", "a percentage fits only a rate"},
		{"reason:bogus > 0.1", `unknown reason code "bogus"`},
		{"> 0.1", "no metric before >"},
		{"qualified", "no comparison (use >, >=, < or <=; only no_contact_columns, region_mismatch and not_checked:CODE may stand alone)"},
		{"not_checked:bogus", `unknown reason code "bogus"`},
		{"not_checked:bogus_phone[Web]", "counted over the whole run, not per lead source"},
		{"no_contact_columns > 0.5", "no_contact_columns is a count"},
		{"rejected_rate[] > 0.1", "empty source scope"},
		{"rejected_rate[x]y > 0.1", "a source scope is written [NAME]"},
	}
	for _, tt := range tests {
		_, err := Parse([]string{tt.in})
		if err == nil {
			t.Errorf("Parse(%q): no error, want %q", tt.in, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "--fail-if ") {
			t.Errorf("Parse(%q) error %q, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

// sampleSummary: 13 rows from two sources and one file-less row.
func sampleSummary() *summary.Summary {
	s := summary.New("(default)", func(r lead.Reason) string {
		if r == lead.EmailOpenOnly {
			return "nurture"
		}
		return "reject"
	})
	s.AddFile("a.csv", "utf-8", "comma")
	add := func(source string, st lead.Status, reasons ...lead.Reason) {
		l := &lead.Lead{File: "a.csv", Source: lead.ParseSource(source)}
		l.Verdict.Status = st
		for _, r := range reasons {
			l.Verdict.Add(r, "")
		}
		s.Add(l)
	}
	for range 6 {
		add("Web", lead.Qualified)
	}
	add("Web", lead.Rejected, lead.BogusEmail)
	add("Web", lead.Nurture, lead.EmailOpenOnly)
	add("Trade Show", lead.Qualified)
	add("Trade Show", lead.Rejected, lead.BogusEmail, lead.BogusPhone)
	add("Trade Show", lead.Rejected, lead.Student)
	add("Trade Show", lead.Rejected, lead.Duplicate)
	add("", lead.Rejected, lead.Competitor)
	s.Finish()
	return s
}

func TestEvaluate(t *testing.T) {
	s := sampleSummary() // 13 rows: 7 qualified, 1 nurture, 5 rejected
	tests := []struct {
		cond string
		want []string
	}{
		{"rejected_rate > 0.6", nil},
		{"rejected_rate > 0.3", []string{"rejected_rate > 0.3: rejected_rate is 0.38461538461538464"}},
		{"qualified < 10", []string{"qualified < 10: qualified is 7"}},
		{"qualified < 7", nil},
		{"qualified <= 7", []string{"qualified <= 7: qualified is 7"}},
		{"rows >= 13", []string{"rows >= 13: rows is 13"}},
		{"reason:bogus_email > 0.1", []string{"reason:bogus_email > 0.1: reason:bogus_email is 0.15384615384615385"}},
		{"reason:bogus_email > 0.2", nil},
		{"rejected_rate[Trade Show] > 0.6", []string{`rejected_rate[Trade Show] > 0.6: rejected_rate of source "Trade Show" is 0.75`}},
		{"rejected_rate[Web] > 0.6", nil},
		{"rejected_rate[Nowhere] > 0", nil},
		{"rejected_rate[*] > 0.6", []string{
			`rejected_rate[*] > 0.6: rejected_rate of source "Trade Show" is 0.75`,
			`rejected_rate[*] > 0.6: rejected_rate of source "(file) a.csv" is 1`}},
		{"reason:bogus_email[*] >= 0.25", []string{`reason:bogus_email[*] >= 0.25: reason:bogus_email of source "Trade Show" is 0.25`}},
		{"duplicates > 0, nurture_rate < 0.01", []string{"duplicates > 0: duplicates is 1"}},
	}
	for _, tt := range tests {
		ts, err := Parse([]string{tt.cond})
		if err != nil {
			t.Fatalf("%q: %v", tt.cond, err)
		}
		var got []string
		for _, c := range Evaluate(s, ts) {
			got = append(got, c.String())
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Evaluate(%q) =\n%s\nwant\n%s", tt.cond, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
	ts, _ := Parse([]string{"rejected_rate[Web] > 0.5", "qualified[Nowhere] < 1", "rows[*] > 1"})
	if got := UnknownSources(s, ts); len(got) != 1 || got[0] != "Nowhere" {
		t.Errorf("UnknownSources = %q, want [Nowhere]", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, seed := range []string{"rejected_rate > 0.6", "qualified < 10, reason:bogus_email >= 20%", "rejected_rate[Trade Show] > 0.5",
		"rows[*]>=1", "x", "[", "a[b[c]] < 1", "reason: > 1", ">>", "qualified < -1", "rejected_rate < 1e400"} {
		f.Add(seed)
	}
	s := sampleSummary()
	f.Fuzz(func(t *testing.T, in string) {
		ts, err := Parse([]string{in})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "--fail-if ") {
				t.Fatalf("error without the flag's name: %v", err)
			}
			return
		}
		for _, th := range ts {
			if th.Op == "" || th.Metric == "" {
				t.Fatalf("%q parsed to an incomplete threshold %+v", in, th)
			}
			// Reparsing the text of a parsed condition gives the same.
			again, err := Parse([]string{th.Text})
			if err != nil || len(again) != 1 || again[0] != th {
				t.Fatalf("%q: reparse of %q gave %+v, %v", in, th.Text, again, err)
			}
		}
		_ = Evaluate(s, ts)
	})
}

func TestEvaluateChecks(t *testing.T) {
	s := summary.New("(default)", nil)
	s.AddFile("a.csv", "utf-8", "comma")
	s.AddFile("b.csv", "utf-8", "comma")
	s.NoContactColumns("b.csv")
	for _, file := range []string{"a.csv", "a.csv", "b.csv", "b.csv"} {
		l := &lead.Lead{File: file}
		l.Verdict.Status = lead.Qualified
		if file == "b.csv" {
			s.NotChecked(lead.BogusPhone, "no phone or mobile column")
		}
		s.Add(l)
	}
	s.Finish()
	tests := []struct {
		cond string
		want []string
	}{
		{"no_contact_columns", []string{"no_contact_columns: no_contact_columns is 1"}},
		{"no_contact_columns > 1", nil},
		{"not_checked:bogus_phone", []string{"not_checked:bogus_phone: not_checked:bogus_phone (share of rows not checked) is 0.5"}},
		{"not_checked:bogus_phone > 0.5", nil},
		{"not_checked:bogus_email", nil},
		{"region_mismatch", nil},
	}
	for _, tt := range tests {
		ts, err := Parse([]string{tt.cond})
		if err != nil {
			t.Fatalf("%q: %v", tt.cond, err)
		}
		var got []string
		for _, c := range Evaluate(s, ts) {
			got = append(got, c.String())
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Evaluate(%q) =\n%s\nwant\n%s", tt.cond, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}
