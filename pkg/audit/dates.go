package audit

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day, the unit --since, --until and --quarter filter
// by. A timestamp counts on the day it states, in its own zone: an export's
// "2026-09-30T23:30:00-07:00" is a lead of September 30th.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// String returns the date as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// IsZero reports whether d is the zero Date (no bound).
func (d Date) IsZero() bool { return d == Date{} }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

func dateOf(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }

// Period is an inclusive range of days; a zero bound is open.
type Period struct {
	Since, Until Date
}

// Contains reports whether d falls in the period.
func (p Period) Contains(d Date) bool {
	if !p.Since.IsZero() && d.Before(p.Since) {
		return false
	}
	if !p.Until.IsZero() && p.Until.Before(d) {
		return false
	}
	return true
}

// IsZero reports whether the period has no bound (every row is in it).
func (p Period) IsZero() bool { return p.Since.IsZero() && p.Until.IsZero() }

// String describes the period: "2026-07-01 to 2026-09-30", "from
// 2026-07-01", "until 2026-09-30" or "all dates".
func (p Period) String() string {
	switch {
	case p.IsZero():
		return "all dates"
	case p.Until.IsZero():
		return "from " + p.Since.String()
	case p.Since.IsZero():
		return "until " + p.Until.String()
	}
	return p.Since.String() + " to " + p.Until.String()
}

// ParseQuarter reads a calendar quarter: "2026Q3", "2026-Q3", "Q3 2026",
// "q3-2026". Quarters are calendar quarters (Q1 is January to March).
func ParseQuarter(s string) (Period, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.NewReplacer("-", "", " ", "", "/", "").Replace(t)
	var year, q int
	var err error
	switch {
	case len(t) == 6 && t[4] == 'Q':
		year, err = strconv.Atoi(t[:4])
		if err == nil {
			q, err = strconv.Atoi(t[5:])
		}
	case len(t) == 6 && t[0] == 'Q':
		q, err = strconv.Atoi(t[1:2])
		if err == nil {
			year, err = strconv.Atoi(t[2:])
		}
	default:
		err = fmt.Errorf("bad form")
	}
	if err != nil || q < 1 || q > 4 || year < 1900 || year > 2999 {
		return Period{}, fmt.Errorf("quarter %q: write the year and quarter as 2026Q3", s)
	}
	first := time.Month(3*(q-1) + 1)
	last := time.Date(year, first+3, 0, 0, 0, 0, 0, time.UTC)
	return Period{Since: Date{year, first, 1}, Until: dateOf(last)}, nil
}

// ParseDay reads a --since or --until value: YYYY-MM-DD (or any form
// ParseDate reads unambiguously).
func ParseDay(s string) (Date, error) {
	t := strings.TrimSpace(s)
	d, ok := ParseDate(t, false)
	if !ok || strings.Contains(t, "/") && !yearFirst(t) {
		return Date{}, fmt.Errorf("date %q: write it as YYYY-MM-DD, such as 2026-07-01", s)
	}
	return d, nil
}

// dateLayouts are the unambiguous layouts of CRM exports, tried in order.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339Nano,
	"2006-01-02T15:04:05.000-0700", // Salesforce API
	"2006-01-02T15:04:05-0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05.999999999 -0700 MST",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02 3:04 PM",
	"2006/01/02",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2.1.2006",
	"2.1.2006 15:04",
	"2.1.2006 15:04:05",
	"2.1.06",
	"2.1.06 15:04",
	"Jan 2, 2006",
	"January 2, 2006",
	"Jan 2 2006",
	"2 Jan 2006",
	"2 January 2006",
	"02-Jan-2006",
	"2-Jan-06",
	"Mon, 02 Jan 2006 15:04:05 MST",
	"Mon Jan 2 15:04:05 MST 2006",
	"Monday, January 2, 2006",
}

// slashTimes are the times a slash date may carry; the date part reads M/D/Y (or D/M/Y with dayFirst), with optional time.
var slashTimes = []string{"", " 15:04", " 15:04:05", " 3:04 PM", " 3:04:05 PM", " 3:04PM", " 3:04 pm", " 3:04:05 pm"}

// ParseDate reads a created date as CRM and form exports write it:
// ISO 8601 dates and timestamps (with or without zone, T or space,
// fractions), Salesforce's "2026-07-01T09:30:00.000+0000", German
// "01.07.2026" and "1.7.26 09:30", US "7/1/2026" and "7/1/2026 9:30 AM",
// "Jul 1, 2026", "1 Jul 2026", "01-Jul-2026", and Unix timestamps in
// seconds (10 digits) or milliseconds (13 digits, as HubSpot's API
// writes). A slash date whose first number is above 12 is read day first;
// otherwise month first, unless dayFirst is set (UK and most of Europe
// write 01/07/2026 for July 1st). It never panics; ok is false for a
// value it cannot read.
func ParseDate(s string, dayFirst bool) (d Date, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return Date{}, false
	}
	if isDigits(s) && (len(s) == 10 || len(s) == 13) {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return Date{}, false
		}
		if len(s) == 13 {
			return dateOf(time.UnixMilli(n).UTC()), true
		}
		return dateOf(time.Unix(n, 0).UTC()), true
	}
	if strings.Count(s, "/") == 2 && !yearFirst(s) {
		return parseSlash(s, dayFirst)
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return dateOf(t), plausible(t.Year())
		}
	}
	return Date{}, false
}

func parseSlash(s string, dayFirst bool) (Date, bool) {
	datePart, _, _ := strings.Cut(s, " ")
	parts := strings.Split(datePart, "/")
	if len(parts) != 3 {
		return Date{}, false
	}
	first, err := strconv.Atoi(parts[0])
	if err != nil {
		return Date{}, false
	}
	yearLayout := "2006"
	if len(parts[2]) == 2 {
		yearLayout = "06"
	}
	order := "1/2/"
	if dayFirst || first > 12 {
		order = "2/1/"
	}
	for _, tl := range slashTimes {
		if t, err := time.Parse(order+yearLayout+tl, s); err == nil {
			return dateOf(t), plausible(t.Year())
		}
	}
	return Date{}, false
}

// yearFirst reports whether s starts with a four-digit year and a slash
// (2026/07/01).
func yearFirst(s string) bool { return len(s) > 4 && s[4] == '/' && isDigits(s[:4]) }

func plausible(year int) bool { return year >= 1900 && year <= 2999 }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
