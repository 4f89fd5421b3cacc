package audit

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/leadclean/leadclean/pkg/lead"
)

// fileState is what an Auditor keeps per input file: how its outcome
// columns read, the order its dates show, and the provisional tallies of
// rows whose date reads two ways.
type fileState struct {
	name        string
	columns     map[int]*ColumnUse
	colOrder    []int
	dates       dateEvidence
	provisional [2]*tally // indexed by dateOrder
}

func (fs *fileState) pending(o dateOrder) *tally {
	if fs.provisional[o] == nil {
		fs.provisional[o] = newTally()
	}
	return fs.provisional[o]
}

// ColumnUse says how one outcome column of a file was read: taken as an
// outcome, refused (its cells are free text, not outcomes), or empty.
type ColumnUse struct {
	File   string `json:"file"`
	Column int    `json:"column"`
	Header string `json:"header"`
	Field  string `json:"field"`
	// Verdict is "taken", "refused" or "empty".
	Verdict string `json:"verdict"`
	// Why explains the verdict in words, as `columns` does.
	Why string `json:"why"`
	// Read counts cells read as an outcome; Blank empty cells;
	// Unrecognised short values the table lacks; FreeText refused text.
	Read         int `json:"read"`
	Blank        int `json:"blank"`
	Unrecognised int `json:"unrecognised"`
	FreeText     int `json:"free_text"`
	// Examples are up to five values not read (most frequent first) with
	// their counts, such as "Hot Lead (12)".
	Examples []string `json:"examples"`

	unread map[string]int
}

// maxDistinctUnread bounds the values a column remembers.
const maxDistinctUnread = 64

func (fs *fileState) note(l *lead.Lead, res Result) {
	for _, c := range res.Cells {
		u := fs.columns[c.Column]
		if u == nil {
			u = &ColumnUse{File: l.File, Column: c.Column + 1, Header: headerAt(l.Columns.Header, c.Column), Field: c.Field.String(),
				unread: map[string]int{}}
			fs.columns[c.Column] = u
			fs.colOrder = append(fs.colOrder, c.Column)
		}
		switch {
		case c.Signal == Blank:
			u.Blank++
		case c.Signal == FreeText:
			u.FreeText++
		case c.Signal == Unrecognised:
			u.Unrecognised++
		default:
			u.Read++
		}
		if c.Signal == FreeText || c.Signal == Unrecognised {
			if _, ok := u.unread[c.Value]; ok || len(u.unread) < maxDistinctUnread {
				u.unread[c.Value]++
			}
		}
	}
}

// columnUses judges each outcome column by its content.
func (fs *fileState) columnUses() []*ColumnUse {
	sort.Ints(fs.colOrder)
	var out []*ColumnUse
	for _, i := range fs.colOrder {
		u := fs.columns[i]
		filled := u.Read + u.Unrecognised + u.FreeText
		switch {
		case filled == 0:
			u.Verdict = "empty"
			u.Why = fmt.Sprintf("every one of %d cells is blank: no outcome", u.Blank)
		case u.FreeText > u.Read:
			u.Verdict = "refused"
			u.Why = fmt.Sprintf("by content: %d of %d values are free text (titles or names), not a yes/no, a date, an amount, an ID or a known status",
				u.FreeText, filled)
		default:
			u.Verdict = "taken"
			u.Why = fmt.Sprintf("%d of %d values read as outcomes", u.Read, filled)
			if n := u.Unrecognised + u.FreeText; n > 0 {
				u.Why += fmt.Sprintf("; %d not recognised, read as no outcome", n)
			}
		}
		type kv struct {
			v string
			n int
		}
		var vals []kv
		for v, n := range u.unread {
			vals = append(vals, kv{v, n})
		}
		sort.Slice(vals, func(a, b int) bool {
			if vals[a].n != vals[b].n {
				return vals[a].n > vals[b].n
			}
			return vals[a].v < vals[b].v
		})
		u.Examples = []string{}
		for k, e := range vals {
			if k == 5 {
				break
			}
			u.Examples = append(u.Examples, fmt.Sprintf("%s (%d)", example(e.v), e.n))
		}
		out = append(out, u)
	}
	return out
}

// example shows a cell's value on one line, at most 40 characters.
func example(v string) string {
	v = strings.Join(strings.FieldsFunc(v, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
	if r := []rune(v); len(r) > 40 {
		v = string(r[:39]) + "…"
	}
	return v
}

// dateOrder is how a file writes its numeric dates.
type dateOrder uint8

const (
	monthFirst dateOrder = iota
	dayFirst
)

func (o dateOrder) String() string {
	if o == dayFirst {
		return "day first"
	}
	return "month first"
}

// dateEvidence counts what a file's numeric dates show about their order.
type dateEvidence struct {
	dayFirst, monthFirst, ambiguous int
	// firstDay and firstMonth are the first value showing each order, as
	// "13/08/2026 (line 57)".
	firstDay, firstMonth string
}

func (e *dateEvidence) see(r dateReading, l *lead.Lead) {
	switch r.shows {
	case showsDayFirst:
		e.dayFirst++
		if e.firstDay == "" {
			e.firstDay = fmt.Sprintf("%s on line %d", strings.TrimSpace(l.Get(lead.CreatedDate)), l.Line)
		}
	case showsMonthFirst:
		e.monthFirst++
		if e.firstMonth == "" {
			e.firstMonth = fmt.Sprintf("%s on line %d", strings.TrimSpace(l.Get(lead.CreatedDate)), l.Line)
		}
	case showsNothing:
		if r.monthFirst != r.dayFirst {
			e.ambiguous++
		}
	}
}

// decide picks the order of the file's ambiguous dates.
func (e *dateEvidence) decide(forceDayFirst bool) dateOrder {
	switch {
	case forceDayFirst:
		return dayFirst
	case e.dayFirst > e.monthFirst:
		return dayFirst
	}
	return monthFirst
}

// DateOrder says how a file's numeric dates were read.
type DateOrder struct {
	File string `json:"file"`
	// Order is "day first" or "month first".
	Order string `json:"order"`
	// DayFirst and MonthFirst count dates that show their order (a
	// number above 12 first or second); Ambiguous those read by Order.
	DayFirst   int `json:"day_first"`
	MonthFirst int `json:"month_first"`
	Ambiguous  int `json:"ambiguous"`
	// Mixed is true when the file shows both orders.
	Mixed bool   `json:"mixed"`
	Note  string `json:"note"`
}

// report describes the decision; nil for a file with no numeric date
// that reads two ways or shows an order.
func (e *dateEvidence) report(file string, o dateOrder, forced bool) *DateOrder {
	if e.dayFirst == 0 && e.monthFirst == 0 && e.ambiguous == 0 {
		return nil
	}
	d := &DateOrder{File: file, Order: o.String(), DayFirst: e.dayFirst, MonthFirst: e.monthFirst, Ambiguous: e.ambiguous,
		Mixed: e.dayFirst > 0 && e.monthFirst > 0}
	switch {
	case d.Mixed:
		d.Note = fmt.Sprintf("%s mixes both date orders: %d dates show day first, such as %s, and %d month first, such as %s; the %d that read either way are read %s",
			file, e.dayFirst, e.firstDay, e.monthFirst, e.firstMonth, e.ambiguous, o)
		if forced {
			d.Note += " (--day-first)"
		}
	case forced:
		d.Note = fmt.Sprintf("%s: %d dates that read either way are read day first (--day-first)", file, e.ambiguous)
	case e.dayFirst > 0:
		d.Note = fmt.Sprintf("%s writes dates day first (%s): its %d dates that read either way, such as 01/07/2026, are read day first",
			file, e.firstDay, e.ambiguous)
	case e.monthFirst > 0:
		d.Note = fmt.Sprintf("%s writes dates month first (%s): its %d dates that read either way are read month first", file, e.firstMonth, e.ambiguous)
	default:
		d.Note = fmt.Sprintf("%s: %d dates read either way and none shows its order: read month first (pass --day-first for day first)",
			file, e.ambiguous)
	}
	return d
}
