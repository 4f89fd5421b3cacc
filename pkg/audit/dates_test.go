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
		{"", false, ""},
		{"yesterday", false, ""},
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
	for _, s := range []string{"2026-07-01", "7/1/2026 9:30 AM", "01.07.2026", "1782864000000", "Jul 1, 2026", "31/07/2026", "2026-09-30T23:30:00.000+0000"} {
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
