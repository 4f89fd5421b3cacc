// Package summary accumulates what a `leadclean clean` run decided and
// renders it: a table for people, JSON for cron jobs and dashboards,
// Markdown for a wiki page, a self-contained HTML page. Every rendering
// reads the same Summary, so their numbers agree; how a table or a page
// looks is package rendering's, shared with audit's report.
package summary

import (
	"github.com/leadclean/leadclean/pkg/email"
	"sort"
	"strings"

	"github.com/leadclean/leadclean/pkg/costs"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

// SchemaVersion is the version of the JSON summary. It changes only when
// a field is removed or changes meaning; new fields may appear within a
// version.
const SchemaVersion = 1

// Summary holds the numbers of one run. The JSON field names are the
// documented schema (see README, "Machine-readable summary").
type Summary struct {
	SchemaVersion int    `json:"schema_version"`
	Rulebook      string `json:"rulebook"`
	// Agreement is the rulebook's agreement; null when it has none.
	Agreement *rulebook.Agreement `json:"agreement"`
	// Costs describes the --costs file; omitted without one.
	Costs *costs.Overview `json:"costs,omitempty"`
	Counts
	// UnreadRevenue counts revenue cells that held a figure leadclean
	// could not read ("1,200M", "3,5" without a unit), with a few of them.
	UnreadRevenue Unread         `json:"unread_revenue"`
	Reasons       []*ReasonStats `json:"reasons"`
	Sources       []*GroupStats  `json:"sources"`
	Files         []*FileStats   `json:"files"`
	// NotCheckedAnywhere lists the detectors the rulebook turns off or
	// leaves without what they need, for every file.
	NotCheckedAnywhere []*Unchecked `json:"not_checked_anywhere"`
	// PhoneRegions notes files whose numbers do not fit the region they
	// were read against, and --region auto's decisions.
	PhoneRegions []*PhoneRegion `json:"phone_regions"`
	// MX counts --check-mx lookups, failed ones included; omitted without
	// --check-mx.
	MX *email.MXStats `json:"mx,omitempty"`

	reasonIdx map[lead.Reason]*ReasonStats
	sourceIdx map[string]*GroupStats
	fileIdx   map[string]*FileStats
}

// Counts are the decisions over a set of leads.
type Counts struct {
	Rows       int `json:"rows"`
	Qualified  int `json:"qualified"`
	Nurture    int `json:"nurture"`
	Rejected   int `json:"rejected"`
	Duplicates int `json:"duplicates"`
}

// QualifiedRate is Qualified / Rows, 0 for no rows.
func (c Counts) QualifiedRate() float64 {
	if c.Rows == 0 {
		return 0
	}
	return float64(c.Qualified) / float64(c.Rows)
}

func (c *Counts) add(l *lead.Lead) {
	c.Rows++
	switch l.Verdict.Status {
	case lead.Qualified:
		c.Qualified++
	case lead.Nurture:
		c.Nurture++
	default:
		c.Rejected++
	}
	if l.Verdict.HasReason(lead.Duplicate) {
		c.Duplicates++
	}
}

// ReasonStats counts one reason code.
type ReasonStats struct {
	Reason lead.Reason `json:"reason"`
	// Action is what the rulebook does with the reason: reject, nurture
	// or points.
	Action string `json:"action"`
	Count  int    `json:"count"`
	// Share is Count / rows read.
	Share float64 `json:"share"`
	// NotChecked counts rows the detector could not judge because their
	// file lacks a column it needs; Why names the column.
	NotChecked int    `json:"not_checked"`
	Why        string `json:"not_checked_why,omitempty"`
}

// Unread counts cells that could not be read and keeps the first few,
// each with why.
type Unread struct {
	Count    int      `json:"count"`
	Examples []string `json:"examples,omitempty"`
}

// maxUnreadExamples is how many unread cells the summary shows.
const maxUnreadExamples = 3

// RevenueUnread records a revenue cell that could not be read; problem
// says why (it names the cell).
func (s *Summary) RevenueUnread(problem string) {
	s.UnreadRevenue.Count++
	if len(s.UnreadRevenue.Examples) < maxUnreadExamples {
		s.UnreadRevenue.Examples = append(s.UnreadRevenue.Examples, problem)
	}
}

// GroupStats are the counts for one lead source (or file).
type GroupStats struct {
	Name string `json:"name"`
	Counts
	QualifiedRateValue float64 `json:"qualified_rate"`
	// TopReasons are the three most frequent reasons, most frequent first.
	TopReasons []ReasonCount `json:"top_reasons"`
	// Costs are the source's cost figures with --costs; omitted without.
	Costs   *costs.Figures `json:"costs,omitempty"`
	reasons map[lead.Reason]int
}

// ReasonCount is a reason with its count within a group.
type ReasonCount struct {
	Reason lead.Reason `json:"reason"`
	Count  int         `json:"count"`
}

// FileStats describe one input file.
type FileStats struct {
	Name      string `json:"name"`
	Encoding  string `json:"encoding"`
	Delimiter string `json:"delimiter"`
	Counts
	// NoContactColumns: the file has no e-mail, phone or mobile column.
	NoContactColumns bool `json:"no_contact_columns"`
	// NotChecked lists the detectors that could not run on the file's
	// rows, grouped by what the file lacks.
	NotChecked []*Unchecked `json:"not_checked"`
}

// New returns an empty summary. actionFor tells each reason's action
// (the rulebook's ActionFor).
func New(rulebook string, actionFor func(lead.Reason) string) *Summary {
	s := &Summary{
		SchemaVersion: SchemaVersion,
		Rulebook:      rulebook,
		reasonIdx:     make(map[lead.Reason]*ReasonStats),
		// Empty lists, not null, in the JSON: nothing to say.
		NotCheckedAnywhere: []*Unchecked{},
		PhoneRegions:       []*PhoneRegion{},
		sourceIdx:          make(map[string]*GroupStats),
		fileIdx:            make(map[string]*FileStats),
	}
	for _, r := range lead.Reasons() {
		rs := &ReasonStats{Reason: r}
		if actionFor != nil {
			rs.Action = actionFor(r)
		}
		s.Reasons = append(s.Reasons, rs)
		s.reasonIdx[r] = rs
	}
	return s
}

// AddFile registers an input file before its rows are added.
func (s *Summary) AddFile(name, encoding, delimiter string) {
	if _, ok := s.fileIdx[name]; ok {
		return
	}
	f := &FileStats{Name: name, Encoding: encoding, Delimiter: delimiter, NotChecked: []*Unchecked{}}
	s.Files = append(s.Files, f)
	s.fileIdx[name] = f
}

// NotChecked records that reason's detector could not judge a row.
func (s *Summary) NotChecked(r lead.Reason, why string) {
	rs := s.reasonIdx[r]
	if rs == nil {
		return
	}
	rs.NotChecked++
	if rs.Why == "" {
		rs.Why = why
	}
}

// Add counts one decided lead, under its source as l.SourceGroup says:
// "Trade Show" and "trade show" are one source, shown as its first lead
// spells it; a lead without a source is grouped under its file.
func (s *Summary) Add(l *lead.Lead) {
	s.Counts.add(l)
	if f := s.fileIdx[l.File]; f != nil {
		f.Counts.add(l)
	}
	key, name := l.SourceGroup()
	g := s.sourceIdx[key]
	if g == nil {
		g = &GroupStats{Name: name, reasons: make(map[lead.Reason]int)}
		s.sourceIdx[key] = g
		s.Sources = append(s.Sources, g)
	}
	g.Counts.add(l)
	for _, f := range l.Verdict.Findings {
		if rs := s.reasonIdx[f.Reason]; rs != nil {
			rs.Count++
		}
		g.reasons[f.Reason]++
	}
}

// Finish computes shares and orderings; call it once after the last Add.
func (s *Summary) Finish() {
	for _, rs := range s.Reasons {
		if s.Rows > 0 {
			rs.Share = float64(rs.Count) / float64(s.Rows)
		}
	}
	for _, g := range s.Sources {
		g.QualifiedRateValue = g.QualifiedRate()
		g.TopReasons = g.TopReasons[:0]
		for r, n := range g.reasons {
			g.TopReasons = append(g.TopReasons, ReasonCount{Reason: r, Count: n})
		}
		sort.Slice(g.TopReasons, func(i, j int) bool {
			a, b := g.TopReasons[i], g.TopReasons[j]
			if a.Count != b.Count {
				return a.Count > b.Count
			}
			return a.Reason < b.Reason
		})
		if len(g.TopReasons) > 3 {
			g.TopReasons = g.TopReasons[:3]
		}
	}
	sort.SliceStable(s.Sources, func(i, j int) bool {
		a, b := s.Sources[i], s.Sources[j]
		if a.Qualified != b.Qualified {
			return a.Qualified > b.Qualified
		}
		if a.Rows != b.Rows {
			return a.Rows > b.Rows
		}
		return a.Name < b.Name
	})
}

// ApplyCosts adds each source's cost figures from sel; call it after
// Finish. A source sel does not name gets "no cost given".
func (s *Summary) ApplyCosts(sel *costs.Selection) {
	names := make([]string, len(s.Sources))
	for i, g := range s.Sources {
		f := sel.Figures(g.Name, g.Rows, g.Qualified)
		g.Costs = &f
		names[i] = g.Name
	}
	s.Costs = sel.Overview(names)
}

// ReasonCount is the number of rows with reason r.
func (s *Summary) ReasonCount(r lead.Reason) int {
	if rs := s.reasonIdx[r]; rs != nil {
		return rs.Count
	}
	return 0
}

// Source returns the counts of the lead source named name, in any case
// and spacing (lead.SourceKey), or of the file group "(file) NAME"; nil
// when no row came from it.
func (s *Summary) Source(name string) *GroupStats {
	if g := s.sourceIdx[name]; g != nil && strings.HasPrefix(name, "(file) ") {
		return g
	}
	return s.sourceIdx[lead.SourceKey(name)]
}

// ReasonCount is the number of the group's rows with reason r.
func (g *GroupStats) ReasonCount(r lead.Reason) int {
	return g.reasons[r]
}
