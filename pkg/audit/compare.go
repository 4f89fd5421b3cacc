package audit

import (
	"errors"
	"fmt"
	"sort"

	"github.com/leadclean/leadclean/pkg/lead"
)

// Comparison is what changes when a team changes its rulebook: which rows
// flip between qualified, nurture and rejected, per reason and per source.
type Comparison struct {
	SchemaVersion int    `json:"schema_version"`
	Old           string `json:"old_rulebook"`
	New           string `json:"new_rulebook"`
	Period        string `json:"period"`
	Rows          int    `json:"rows"`
	Flipped       int    `json:"flipped"`
	// Old and New counts per status, over the same rows.
	OldCounts StatusCounts `json:"old_counts"`
	NewCounts StatusCounts `json:"new_counts"`
	// Flips counts rows per change, such as "rejected→qualified".
	Flips []FlipCount `json:"flips"`
	// ByReason counts flipped rows per reason found on them under either
	// rulebook ("(score only)" for a row with none).
	ByReason []*GroupFlips `json:"by_reason"`
	BySource []*GroupFlips `json:"by_source"`
}

// StatusCounts are leads per status.
type StatusCounts struct {
	Qualified int `json:"qualified"`
	Nurture   int `json:"nurture"`
	Rejected  int `json:"rejected"`
}

func (c *StatusCounts) add(st uint8) {
	switch st {
	case statusQualified:
		c.Qualified++
	case statusNurture:
		c.Nurture++
	default:
		c.Rejected++
	}
}

// FlipCount is the number of rows that went From one status To another.
type FlipCount struct {
	From  lead.Status `json:"from"`
	To    lead.Status `json:"to"`
	Count int         `json:"count"`
}

// GroupFlips are the flips within a reason or a source.
type GroupFlips struct {
	Name string `json:"name"`
	// Rows counts the group's rows (for a reason: rows with it under
	// either rulebook).
	Rows          int `json:"rows"`
	Flipped       int `json:"flipped"`
	ToQualified   int `json:"to_qualified"`
	ToNurture     int `json:"to_nurture"`
	ToRejected    int `json:"to_rejected"`
	FromQualified int `json:"from_qualified"`
}

const (
	statusQualified uint8 = iota + 1
	statusNurture
	statusRejected
)

var statusNames = [...]lead.Status{statusQualified: lead.Qualified, statusNurture: lead.Nurture, statusRejected: lead.Rejected}

func statusCode(s lead.Status) uint8 {
	switch s {
	case lead.Qualified:
		return statusQualified
	case lead.Nurture:
		return statusNurture
	}
	return statusRejected
}

// rowState is all a comparison keeps of a row between the two runs: its
// first status, its reasons as a bit set, and its source's index.
type rowState struct {
	status  uint8
	scope   uint8
	reasons uint32
	source  uint32
	file    uint32
}

// A row's scope: in or out of the period, or in only when its file's
// dates are read month first (or day first), which the first run's dates
// decide (see Auditor.Observe).
const (
	scopeOut uint8 = iota
	scopeIn
	scopeIfMonthFirst
	scopeIfDayFirst
)

// Recorder compares two runs over the same inputs: pass Observe of the
// first run as pipeline.Config.Observe, then ObserveSecond for the second.
// It keeps a few bytes per row, never the rows.
type Recorder struct {
	period   Period
	dayFirst bool
	rows     []rowState
	sources  []string
	srcIdx   map[string]uint32
	next     int
	err      error
	cmp      *Comparison
	reasons  map[lead.Reason]*GroupFlips
	bySource []*GroupFlips
	flips    map[[2]uint8]int
	// files are the first run's date evidence per input; orders the
	// order each file's dates are read in, decided after the first run.
	files   []*dateEvidence
	fileIdx map[string]uint32
	orders  []dateOrder
}

// NewRecorder returns a Recorder for rows created in period.
func NewRecorder(oldName, newName string, period Period, dayFirst bool) *Recorder {
	return &Recorder{period: period, dayFirst: dayFirst, srcIdx: map[string]uint32{},
		cmp:     &Comparison{SchemaVersion: SchemaVersion, Old: oldName, New: newName, Period: period.String()},
		reasons: map[lead.Reason]*GroupFlips{}, flips: map[[2]uint8]int{}, fileIdx: map[string]uint32{}}
}

var reasonBits = func() map[lead.Reason]uint32 {
	m := map[lead.Reason]uint32{}
	for i, r := range lead.Reasons() {
		m[r] = 1 << i
	}
	return m
}()

func reasonMask(l *lead.Lead) uint32 {
	var m uint32
	for _, f := range l.Verdict.Findings {
		m |= reasonBits[f.Reason]
	}
	return m
}

// ObserveFirst records a lead of the first (old rulebook) run.
func (c *Recorder) ObserveFirst(l *lead.Lead) {
	fi, ok := c.fileIdx[l.File]
	if !ok {
		fi = uint32(len(c.files))
		c.files = append(c.files, &dateEvidence{})
		c.fileIdx[l.File] = fi
	}
	st := rowState{status: statusCode(l.Verdict.Status), scope: c.scope(l, c.files[fi]), reasons: reasonMask(l), file: fi}
	if st.scope != scopeOut {
		key, name := l.SourceGroup()
		idx, ok := c.srcIdx[key]
		if !ok {
			idx = uint32(len(c.sources))
			c.sources = append(c.sources, name)
			c.srcIdx[key] = idx
			c.bySource = append(c.bySource, &GroupFlips{Name: name})
		}
		st.source = idx
	}
	c.rows = append(c.rows, st)
}

// ObserveSecond compares a lead of the second (new rulebook) run with the
// same row of the first.
func (c *Recorder) ObserveSecond(l *lead.Lead) {
	if c.next >= len(c.rows) {
		if c.err == nil {
			c.err = errors.New("the second run read more rows than the first")
		}
		return
	}
	old := c.rows[c.next]
	c.next++
	if c.orders == nil {
		for _, e := range c.files {
			c.orders = append(c.orders, e.decide(c.dayFirst))
		}
	}
	switch {
	case old.scope == scopeOut:
		return
	case old.scope == scopeIfMonthFirst && c.orders[old.file] != monthFirst:
		return
	case old.scope == scopeIfDayFirst && c.orders[old.file] != dayFirst:
		return
	}
	now := statusCode(l.Verdict.Status)
	cmp := c.cmp
	cmp.Rows++
	cmp.OldCounts.add(old.status)
	cmp.NewCounts.add(now)
	mask := old.reasons | reasonMask(l)
	g := c.bySource[old.source]
	g.Rows++
	var groups []*GroupFlips
	groups = append(groups, g)
	if mask == 0 {
		groups = append(groups, c.reasonGroup("(score only)"))
	}
	for i, r := range lead.Reasons() {
		if mask&(1<<i) != 0 {
			groups = append(groups, c.reasonGroup(r))
		}
	}
	for _, g := range groups[1:] {
		g.Rows++
	}
	if now == old.status {
		return
	}
	cmp.Flipped++
	c.flips[[2]uint8{old.status, now}]++
	for _, g := range groups {
		g.Flipped++
		switch now {
		case statusQualified:
			g.ToQualified++
		case statusNurture:
			g.ToNurture++
		default:
			g.ToRejected++
		}
		if old.status == statusQualified {
			g.FromQualified++
		}
	}
}

// scope reads l's created date as the Auditor does.
func (c *Recorder) scope(l *lead.Lead, e *dateEvidence) uint8 {
	if c.period.IsZero() {
		return scopeIn
	}
	r, ok := readDate(l.Get(lead.CreatedDate))
	if !ok {
		return scopeOut
	}
	e.see(r, l)
	inMonthFirst, inDayFirst := c.period.Contains(r.monthFirst), c.period.Contains(r.dayFirst)
	switch {
	case inMonthFirst == inDayFirst && inMonthFirst, c.dayFirst && inDayFirst:
		return scopeIn
	case inMonthFirst == inDayFirst, c.dayFirst:
		return scopeOut
	case inMonthFirst:
		return scopeIfMonthFirst
	}
	return scopeIfDayFirst
}

func (c *Recorder) reasonGroup(r lead.Reason) *GroupFlips {
	g := c.reasons[r]
	if g == nil {
		g = &GroupFlips{Name: string(r)}
		c.reasons[r] = g
	}
	return g
}

// Comparison returns the result; it fails when the two runs did not see
// the same rows.
func (c *Recorder) Comparison() (*Comparison, error) {
	if c.err == nil && c.next != len(c.rows) {
		c.err = fmt.Errorf("the second run read %d rows, the first %d", c.next, len(c.rows))
	}
	if c.err != nil {
		return nil, c.err
	}
	cmp := c.cmp
	for _, from := range []uint8{statusQualified, statusNurture, statusRejected} {
		for _, to := range []uint8{statusQualified, statusNurture, statusRejected} {
			if n := c.flips[[2]uint8{from, to}]; n > 0 {
				cmp.Flips = append(cmp.Flips, FlipCount{From: statusNames[from], To: statusNames[to], Count: n})
			}
		}
	}
	order := map[string]int{"(score only)": -1}
	for i, r := range lead.Reasons() {
		order[string(r)] = i
	}
	cmp.ByReason = nil
	for _, g := range c.reasons {
		cmp.ByReason = append(cmp.ByReason, g)
	}
	byFlipped := func(list []*GroupFlips, tie func(a, b *GroupFlips) bool) {
		sort.SliceStable(list, func(i, j int) bool {
			if list[i].Flipped != list[j].Flipped {
				return list[i].Flipped > list[j].Flipped
			}
			return tie(list[i], list[j])
		})
	}
	byFlipped(cmp.ByReason, func(a, b *GroupFlips) bool { return order[a.Name] < order[b.Name] })
	cmp.BySource = nil
	for _, g := range c.bySource {
		// A source whose rows all fell outside the period once the
		// files' date order was known has none.
		if g.Rows > 0 {
			cmp.BySource = append(cmp.BySource, g)
		}
	}
	byFlipped(cmp.BySource, func(a, b *GroupFlips) bool { return a.Name < b.Name })
	return cmp, nil
}
