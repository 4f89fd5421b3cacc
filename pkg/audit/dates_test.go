package audit

import (
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in       string
		dayFirst bool
		want     string // "" for not readable
	}{
		{"2026-07-01", false, "2026-07-01"},
		{" 2026-07-01 ", false, "2026-07-01"},
		{"2026-09-30T23:30:00-07:00", false, "2026-09-30"},
		{"2026-09-30T23:30:00Z", false, "2026-09-30"},
		{"2026-09-30T23:30:00.000+0000", false, "2026-09-30"},
		{"2026-09-30T23:30:00", false, "2026-09-30"},
		{"2026-07-01 10:02", false, "2026-07-01"},
		{"2026-07-01 10:02:03", false, "2026-07-01"},
		{"2026/07/01", false, "2026-07-01"},
		{"01.07.2026", false, "2026-07-01"},
		{"1.7.2026 09:30", false, "2026-07-01"},
		{"1.7.26", false, "2026-07-01"},
		{"7/1/2026", false, "2026-07-01"},
		{"7/1/2026", true, "2026-01-07"},
		{"7/1/2026 9:30 AM", false, "2026-07-01"},
		{"07/01/2026 14:05", false, "2026-07-01"},
		{"31/07/2026", false, "2026-07-31"},
		{"7/1/26", false, "2026-07-01"},
		{"Jul 1, 2026", false, "2026-07-01"},
		{"July 1, 2026", false, "2026-07-01"},
		{"1 Jul 2026", false, "2026-07-01"},
		{"01-Jul-2026", false, "2026-07-01"},
		{"1782864000", false, "2026-07-01"},
		{"1782864000000", false, "2026-07-01"},
		{"15 Apr, 2021 00:03:00", false, "2021-04-15"},
		{"15 Apr, 2021", false, "2021-04-15"},
		{"2021-04-15 00:03", false, "2021-04-15"},
		{"Apr 15, 2021 12:03 AM", false, "2021-04-15"},
		{"15. März 2026", false, "2026-03-15"},
		{"15. Mrz. 2026", false, "2026-03-15"},
		{"1. Juli 2026 09:30", false, "2026-07-01"},
		{"3. Dezember 2026", false, "2026-12-03"},
		{"1er juillet 2026", false, "2026-07-01"},
		{"15 avr. 2021", false, "2021-04-15"},
		{"15 février 2026", false, "2026-02-15"},
		{"3 décembre 2026", false, "2026-12-03"},
		{"15 de abril de 2026", false, "2026-04-15"},
		{"15 agosto 2026", false, "2026-08-15"},
		{"15 maart 2026", false, "2026-03-15"},
		{"46204", false, "2026-07-01"},
		{"46204.3958333", false, "2026-07-01"},
		{"01-07-2026", false, "2026-01-07"},
		{"01-07-2026", true, "2026-07-01"},
		{"13-08-2026 10:00", false, "2026-08-13"},
		{"07/13/2026", true, "2026-07-13"},
		{"7/1/2026 9:30 PM", true, "2026-01-07"},
		{"7/1/2026 soon", false, ""},
		{"", false, ""},
		{"yesterday", false, ""},
		{"99999", false, ""},
		{"15 Foo 2026", false, ""},
		{"2026-13-01", false, ""},
		{"2026-02-30", false, ""},
		{"13/13/2026", false, ""},
		{"31/07/2026", true, "2026-07-31"},
		{"0000-01-01", false, ""},
		{"12345", false, ""},
		{"1/2/3/4", false, ""},
		{strings.Repeat("2026-07-01", 10), false, ""},
	}
	for _, tt := range tests {
		d, ok := ParseDate(tt.in, tt.dayFirst)
		got := ""
		if ok {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("ParseDate(%q, dayFirst=%v) = %q, want %q", tt.in, tt.dayFirst, got, tt.want)
		}
	}
}

// TestDayFirstColumn: a file whose dates show day first (13/08/2026) is
// read day first throughout, 01/07/2026 included; a file that mixes both
// orders says so; --day-first reads every ambiguous date day first.
func TestDayFirstColumn(t *testing.T) {
	q3, _ := ParseQuarter("2026Q3")
	run := func(dates []string, forceDayFirst bool) *Report {
		a := New(Options{Period: q3, DayFirst: forceDayFirst})
		for i, d := range dates {
			l := leadWith([]string{"Email", "Created Date", "Lead Status"}, []string{"a@b.com", d, "Closed - Converted"})
			l.Line = i + 2
			a.Observe(l)
		}
		return a.Report()
	}
	// 01/07/2026 is January 7th month first, July 1st day first.
	r := run([]string{"01/07/2026", "13/08/2026", "02/09/2026"}, false)
	if r.Rows != 3 || r.OutsidePeriod != 0 || len(r.Dates) != 1 || r.Dates[0].Order != "day first" || r.Dates[0].Mixed {
		t.Errorf("day-first file: %d rows, %d outside, dates %+v", r.Rows, r.OutsidePeriod, r.Dates)
	} else if !strings.Contains(r.Dates[0].Note, "13/08/2026 on line 3") {
		t.Errorf("note %q does not show the evidence", r.Dates[0].Note)
	}
	// Nothing shows the order: month first, so 01/07 and 02/09 are in
	// January and February.
	r = run([]string{"01/07/2026", "02/09/2026", "08/15/2026"}, false)
	if r.Rows != 1 || r.OutsidePeriod != 2 || r.Dates[0].Order != "month first" {
		t.Errorf("month-first file: %d rows, %d outside, dates %+v", r.Rows, r.OutsidePeriod, r.Dates)
	}
	// Both orders: the majority decides, and the note says the file mixes them.
	r = run([]string{"01/07/2026", "13/08/2026", "14/08/2026", "07/13/2026"}, false)
	if r.Rows != 4 || !r.Dates[0].Mixed || !strings.Contains(r.Dates[0].Note, "mixes both date orders") {
		t.Errorf("mixed file: %d rows, dates %+v", r.Rows, r.Dates)
	}
	// --day-first: every ambiguous date day first.
	r = run([]string{"01/07/2026", "02/09/2026"}, true)
	if r.Rows != 2 {
		t.Errorf("--day-first: %d rows", r.Rows)
	}
	// Every count adds up, whatever the order.
	for _, rep := range []*Report{r} {
		if rep.Rows+rep.OutsidePeriod+rep.NoDate != rep.RowsRead {
			t.Errorf("%d rows + %d outside + %d no date != %d read", rep.Rows, rep.OutsidePeriod, rep.NoDate, rep.RowsRead)
		}
	}
}

func TestParseQuarter(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026Q3", "2026-07-01 to 2026-09-30"},
		{"2026-q1", "2026-01-01 to 2026-03-31"},
		{"Q4 2026", "2026-10-01 to 2026-12-31"},
		{"q2-2024", "2024-04-01 to 2024-06-30"},
	}
	for _, tt := range tests {
		p, err := ParseQuarter(tt.in)
		if err != nil || p.String() != tt.want {
			t.Errorf("ParseQuarter(%q) = %v, %v; want %s", tt.in, p, err, tt.want)
		}
	}
	for _, bad := range []string{"", "2026", "2026Q5", "2026Q0", "Q3", "26Q3", "2026Q3x", "abcdQ3"} {
		if _, err := ParseQuarter(bad); err == nil || !strings.Contains(err.Error(), "2026Q3") {
			t.Errorf("ParseQuarter(%q): error %v, want one that shows the form", bad, err)
		}
	}
}

func TestParseDay(t *testing.T) {
	if d, err := ParseDay("2026-07-01"); err != nil || d != (Date{2026, time.July, 1}) {
		t.Errorf("ParseDay: %v %v", d, err)
	}
	for _, bad := range []string{"7/1/2026", "soon", ""} {
		if _, err := ParseDay(bad); err == nil {
			t.Errorf("ParseDay(%q) accepted an ambiguous or unreadable day", bad)
		}
	}
}

func TestPeriod(t *testing.T) {
	p := Period{Since: Date{2026, 7, 1}, Until: Date{2026, 9, 30}}
	for d, want := range map[Date]bool{{2026, 6, 30}: false, {2026, 7, 1}: true, {2026, 9, 30}: true, {2026, 10, 1}: false, {2025, 8, 1}: false} {
		if p.Contains(d) != want {
			t.Errorf("%v contains %v = %v", p, d, !want)
		}
	}
	if !(Period{}).Contains(Date{1999, 1, 1}) || (Period{}).String() != "all dates" {
		t.Error("the zero period keeps everything")
	}
	if s := (Period{Since: Date{2026, 1, 2}}).String(); s != "from 2026-01-02" {
		t.Error(s)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"15 Apr, 2021 00:03:00", "15. März 2026", "46204.5", "01-07-2026", "2026-07-01", "7/1/2026 9:30 AM", "01.07.2026", "1782864000000", "Jul 1, 2026", "31/07/2026", "2026-09-30T23:30:00.000+0000"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, dayFirst bool) {
		d, ok := ParseDate(s, dayFirst)
		if !ok {
			return
		}
		if d.Year < 1900 || d.Year > 2999 || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
			t.Fatalf("ParseDate(%q) = %v, not a plausible day", s, d)
		}
		// The day written back in ISO form reads as the same day.
		if again, ok := ParseDate(d.String(), false); !ok || again != d {
			t.Fatalf("ParseDate(%q) = %v, but %v reads as %v", s, d, d.String(), again)
		}
	})
}
