package lead

import (
	"strconv"
	"strings"
)

// Count is an engagement counter read from its cell by [ParseCount].
type Count struct {
	N float64
	// Known is false for a cell that is not a count ("n/a", "-3",
	// "lots"): detectors then leave the lead unjudged, and the rulebook's
	// engagement.* names read 0. A blank cell, or no column at all, is a
	// known 0: exports leave counters empty when nothing happened.
	Known bool
}

// Int is the count as a whole number for the rulebook: the integer part
// of a known count, else 0.
func (c Count) Int() int {
	if !c.Known || !(c.N < 1<<62) {
		return 0
	}
	return int(c.N)
}

// ParseCount reads an engagement counter cell: "3", "3.0", "1,234",
// "1 234", "1'234", "1_234" or "" (zero). Anything else ("n/a", "-3", "1e3")
// is unknown. A decimal comma ("3,0") reads as 30, which is still above
// zero exactly when the value is.
func ParseCount(cell string) Count {
	s := strings.TrimSpace(cell)
	if s == "" {
		return Count{Known: true}
	}
	var buf [32]byte
	b := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ',' || c == ' ' || c == '_' || c == '\'':
			// thousands separators
		case '0' <= c && c <= '9' || c == '.':
			if len(b) == len(buf) {
				return Count{}
			}
			b = append(b, c)
		default:
			return Count{}
		}
	}
	if len(b) == 0 {
		return Count{}
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return Count{}
	}
	return Count{N: v, Known: true}
}

// Engagement holds a lead's engagement counters, parsed once by the
// pipeline ([ParseEngagement]); detectors and rules read these.
type Engagement struct {
	Opens, Clicks, PageViews, Forms Count
}

// ParseEngagement reads l's four engagement counters (email opens and
// clicks, page views, form submissions) from its cells.
func ParseEngagement(l *Lead) Engagement {
	return Engagement{
		Opens:     ParseCount(l.Get(EmailOpens)),
		Clicks:    ParseCount(l.Get(EmailClicks)),
		PageViews: ParseCount(l.Get(PageViews)),
		Forms:     ParseCount(l.Get(FormSubmissions)),
	}
}
