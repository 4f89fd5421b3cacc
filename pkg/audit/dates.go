package audit

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/leadclean/leadclean/pkg/fold"
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
// Month names in German, French, Spanish, Portuguese, Italian and Dutch
// are turned into English ones first (see monthWords).
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
	"2006-01-02 3:04:05 PM",
	"2006/01/02",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2.1.2006",
	"2.1.2006 15:04",
	"2.1.2006 15:04:05",
	"2.1.2006, 15:04",
	"2.1.2006, 15:04:05",
	"2.1.06",
	"2.1.06 15:04",
	"Jan 2, 2006",
	"Jan 2, 2006 15:04:05",
	"Jan 2, 2006 15:04",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006 3:04:05 PM",
	"January 2, 2006",
	"Jan 2 2006",
	"2 Jan 2006",
	"2 Jan 2006 15:04",
	"2 Jan 2006 15:04:05",
	"2 Jan, 2006", // Zoho: 15 Apr, 2021 00:03:00
	"2 Jan, 2006 15:04",
	"2 Jan, 2006 15:04:05",
	"2 Jan, 2006 3:04 PM",
	"2 Jan, 2006 3:04:05 PM",
	"2 January 2006",
	"2 January 2006 15:04",
	"2 January 2006 15:04:05",
	"02-Jan-2006",
	"2-Jan-06",
	"2-Jan-2006 15:04:05",
	"Mon, 02 Jan 2006 15:04:05 MST",
	"Mon Jan 2 15:04:05 MST 2006",
	"Monday, January 2, 2006",
}

// slashTimes are the times a numeric day-month-year date may carry.
var slashTimes = []string{"15:04", "15:04:05", "3:04 PM", "3:04:05 PM", "3:04PM", "3:04:05PM"}

// ParseDate reads a created date as CRM and form exports write it:
// ISO 8601 dates and timestamps (with or without zone, T or space,
// fractions), Salesforce's "2026-07-01T09:30:00.000+0000", Zoho's and
// vtiger's "15 Apr, 2021 00:03:00" and "2021-04-15 00:03", German
// "01.07.2026" and "1.7.26 09:30", US "7/1/2026" and "7/1/2026 9:30 AM",
// "Jul 1, 2026", "1 Jul 2026", "01-Jul-2026", month names in German,
// French, Spanish, Portuguese, Italian and Dutch ("15. März 2026", "1er
// juillet 2026", "15 avr. 2021"), Excel serial day numbers (46204, or
// 46204.39 with a time, as a workbook cell without a date format holds
// them; 1970 to 2099), and Unix timestamps in seconds (10 digits) or
// milliseconds (13 digits, as HubSpot's API writes). A slash or dash date
// with the year last whose first number is above 12 is read day first,
// whose second is above 12 month first; one that reads either way is
// read month first unless dayFirst is set (UK and most of Europe write
// 01/07/2026 for July 1st). It never panics; ok is false for a value it
// cannot read.
func ParseDate(s string, dayFirst bool) (d Date, ok bool) {
	r, ok := readDate(s)
	if !ok {
		return Date{}, false
	}
	if dayFirst {
		return r.dayFirst, true
	}
	return r.monthFirst, true
}

// shows is what one date says about its file's order.
type shows uint8

const (
	showsNothing shows = iota
	showsDayFirst
	showsMonthFirst
)

// dateReading is a date read both ways: monthFirst and dayFirst differ
// only for a numeric date such as 01/07/2026.
type dateReading struct {
	monthFirst, dayFirst Date
	shows                shows
}

// readDate is the one date parser: ParseDate and the Auditor read
// through it.
func readDate(s string) (dateReading, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 5 || len(s) > 64 || !strings.ContainsAny(s, "0123456789") {
		// Every form has a day and a year; the shortest is 1.7.26.
		return dateReading{}, false
	}
	one := func(d Date) (dateReading, bool) { return dateReading{monthFirst: d, dayFirst: d}, true }
	if isDigits(s) && (len(s) == 10 || len(s) == 13) {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return dateReading{}, false
		}
		if len(s) == 13 {
			return one(dateOf(time.UnixMilli(n).UTC()))
		}
		return one(dateOf(time.Unix(n, 0).UTC()))
	}
	if d, ok := excelSerial(s); ok {
		return one(d)
	}
	if r, ok, tried := readNumeric(s); tried {
		return r, ok
	}
	t := s
	if hasLetter(t) {
		t = englishMonths(t)
	}
	for _, layout := range dateLayouts {
		if tm, err := time.Parse(layout, t); err == nil {
			if !plausible(tm.Year()) {
				return dateReading{}, false
			}
			return one(dateOf(tm))
		}
	}
	return dateReading{}, false
}

// excelSerial reads an Excel serial day number (days since 1899-12-30,
// an optional fraction for the time) between 1970 and 2099.
func excelSerial(s string) (Date, bool) {
	whole, frac, _ := strings.Cut(s, ".")
	if len(whole) != 5 || !isDigits(whole) || (frac != "" && !isDigits(frac)) || strings.Count(s, ".") > 1 {
		return Date{}, false
	}
	n, _ := strconv.Atoi(whole)
	if n < 25569 || n > 73050 {
		return Date{}, false
	}
	return dateOf(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)), true
}

// readNumeric reads a date of three numbers with the year last, split by
// slashes or dashes ("7/1/2026", "01-07-2026 09:30"); tried is false when
// s has not that shape.
func readNumeric(s string) (r dateReading, ok, tried bool) {
	datePart, timePart, _ := strings.Cut(s, " ")
	sep := ""
	switch {
	case strings.Count(datePart, "/") == 2:
		sep = "/"
	case strings.Count(datePart, "-") == 2:
		sep = "-"
	default:
		return r, false, false
	}
	parts := strings.Split(datePart, sep)
	if !isDigits(parts[0]) || !isDigits(parts[1]) || !isDigits(parts[2]) || len(parts[0]) > 2 || len(parts[1]) > 2 {
		// 2026/07/01 and 2026-07-01 are the year-first layouts'.
		return r, false, false
	}
	if timePart = strings.TrimSpace(timePart); timePart != "" {
		known := false
		for _, tl := range slashTimes {
			if _, err := time.Parse(tl, strings.ToUpper(timePart)); err == nil {
				known = true
				break
			}
		}
		if !known {
			return r, false, true
		}
	}
	a, _ := strconv.Atoi(parts[0])
	b, _ := strconv.Atoi(parts[1])
	year, _ := strconv.Atoi(parts[2])
	switch len(parts[2]) {
	case 2:
		year += 2000
		if year >= 2069 {
			year -= 100
		}
	case 4:
	default:
		return r, false, true
	}
	mf, mfOK := validDate(year, a, b)
	df, dfOK := validDate(year, b, a)
	switch {
	case mfOK && dfOK:
		return dateReading{monthFirst: mf, dayFirst: df}, plausible(year), true
	case dfOK:
		return dateReading{monthFirst: df, dayFirst: df, shows: showsDayFirst}, plausible(year), true
	case mfOK:
		return dateReading{monthFirst: mf, dayFirst: mf, shows: showsMonthFirst}, plausible(year), true
	}
	return r, false, true
}

func validDate(year, month, day int) (Date, bool) {
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return Date{}, false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return Date{}, false
	}
	return dateOf(t), true
}

// monthWords maps month names and abbreviations of the export languages
// (folded: lower case, no accents, no final dot) to English.
var monthWords = func() map[string]string {
	m := map[string]string{}
	add := func(en string, words ...string) {
		for _, w := range words {
			m[w] = en
		}
	}
	add("Jan", "januar", "jan", "janvier", "janv", "enero", "ene", "janeiro", "gennaio", "gen", "januari", "jaenner", "janner")
	add("Feb", "februar", "feb", "fevrier", "fev", "fevr", "febrero", "fevereiro", "febbraio", "februari")
	add("Mar", "marz", "maerz", "mrz", "mar", "mars", "marzo", "marco", "maart", "mrt")
	add("Apr", "april", "apr", "avril", "avr", "abril", "abr", "aprile")
	add("May", "mai", "mayo", "may", "maio", "maggio", "mag", "mei")
	add("Jun", "juni", "jun", "juin", "junio", "junho", "giugno", "giu")
	add("Jul", "juli", "jul", "juillet", "juil", "julio", "julho", "luglio", "lug")
	add("Aug", "august", "aug", "aout", "agosto", "ago", "augustus")
	add("Sep", "september", "sep", "sept", "septembre", "septiembre", "setembro", "set", "settembre")
	add("Oct", "oktober", "okt", "octobre", "oct", "octubre", "outubro", "out", "ottobre", "ott")
	add("Nov", "november", "nov", "novembre", "noviembre", "novembro")
	add("Dec", "dezember", "dez", "decembre", "dec", "diciembre", "dic", "dezembro", "dicembre", "december")
	return m
}()

// englishMonths rewrites foreign month names to English abbreviations,
// drops "de"/"del" between the parts ("15 de abril de 2026"), the dot
// after a day ("15. März") and "1er".
func englishMonths(s string) string {
	fields := strings.Fields(s)
	out := fields[:0]
	for _, f := range fields {
		trail := ""
		if strings.HasSuffix(f, ",") {
			f, trail = strings.TrimSuffix(f, ","), ","
		}
		low := fold.String(strings.TrimSuffix(f, "."))
		switch {
		case low == "de" || low == "del" || low == "van":
			continue
		case low == "1er":
			f = "1"
		case monthWords[low] != "":
			f = monthWords[low]
		case strings.HasSuffix(f, ".") && isDigits(strings.TrimSuffix(f, ".")):
			f = strings.TrimSuffix(f, ".")
		}
		out = append(out, f+trail)
	}
	return strings.Join(out, " ")
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' || s[i] >= 0x80 {
			return true
		}
	}
	return false
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
