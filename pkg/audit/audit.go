// Package audit judges lead sources and a rulebook against what really
// happened: it reads exports whose rows also carry outcomes (lead status,
// deal stage, converted flag, opportunity, deals, revenue; see
// [ReadOutcome] and the table outcomes.tsv), keeps the rows created in a
// period ([ParseDate], [ParseQuarter]), and reports per source the leads,
// the junk share by reason, the leads the rulebook qualifies, the
// converted, lost and still open leads and their revenue, and the
// conversion rate among closed leads with its 95% Wilson interval
// ([Wilson]); then the rulebook's backtest: its decision against the real
// outcome, the lift of qualified over rejected leads, and for each reason
// both sides of its cost: the converted leads it sent away (and their
// revenue) and the lost leads it rightly kept out. [Compare] shows which
// rows flip when a team changes its rulebook.
//
// An Auditor sees each decided lead once, through pipeline.Config.Observe,
// and keeps counts, never rows: memory does not grow with the input. A
// created date such as 01/07/2026, which reads either way, is counted in
// two provisional tallies (one per reading) until the file's own dates
// show which order it writes (see [Auditor.Observe]).
package audit

import (
	"fmt"
	"sort"

	"github.com/leadclean/leadclean/pkg/costs"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

// SchemaVersion is the version of the JSON audit report; fields are only
// added within a version. Version 2 splits the outcomes into converted,
// lost, open and no outcome, adds conversion rates with their intervals,
// makes revenue null where no file has a revenue column, and lists the
// outcome columns taken and refused (README, "leadclean audit").
const SchemaVersion = 2

// NoRevenueColumn is what a revenue figure says when no file of its
// leads has a deal amount column (JSON: null, and revenue_note).
const NoRevenueColumn = "no revenue column"

// Report is the result of an audit. The JSON names are the documented
// schema (README, "leadclean audit").
type Report struct {
	SchemaVersion int    `json:"schema_version"`
	Rulebook      string `json:"rulebook"`
	// Agreement is the rulebook's agreement; null when it has none.
	Agreement *rulebook.Agreement `json:"agreement"`
	// Costs describes the --costs file; omitted without one.
	Costs *costs.Overview `json:"costs,omitempty"`
	// Targets set the period against the agreement's targets; omitted
	// without targets or without a bounded period.
	Targets *Targets `json:"targets,omitempty"`
	// Period is the created-date filter ("2026-07-01 to 2026-09-30", "all
	// dates").
	Period string `json:"period"`
	// RowsRead counts every row read; Rows those in the period, which
	// every other number is about.
	RowsRead      int `json:"rows_read"`
	Rows          int `json:"rows"`
	OutsidePeriod int `json:"outside_period"`
	// NoDate counts rows left out because a period was asked for and the
	// row's created date is missing or unreadable.
	NoDate int `json:"no_date"`
	// Dates says, per file, in which order its slash dates were read.
	Dates []DateOrder `json:"dates"`
	// OutcomeColumns lists each file's outcome columns, taken or refused.
	OutcomeColumns []*ColumnUse `json:"outcome_columns"`
	// RevenueNote is "no revenue column" when no file has one.
	RevenueNote string `json:"revenue_note,omitempty"`
	Totals
	// Disagreements are the rows whose outcome columns disagree, per pair
	// of readings; DisagreeingRows counts them.
	DisagreeingRows int             `json:"disagreeing_rows"`
	Disagreements   []*Disagreement `json:"disagreements"`
	Sources         []*SourceStats  `json:"sources"`
	// Backtest is the rulebook's decision against the outcome.
	Backtest Confusion `json:"backtest"`
	// Lift is the qualified leads' conversion rate over the rejected
	// ones'.
	Lift Lift `json:"lift"`
	// ReasonCosts lists every reason found in the period: its leads'
	// outcomes and conversion rate, the converted leads it sent away and
	// the lost leads it kept out.
	ReasonCosts []*ReasonCost `json:"reason_costs"`
}

// Totals are the counts over a set of leads.
type Totals struct {
	Leads     int `json:"leads"`
	Qualified int `json:"qualified"`
	Nurture   int `json:"nurture"`
	Rejected  int `json:"rejected"`
	Converted int `json:"converted"`
	Lost      int `json:"lost"`
	// Open leads are still being worked; NoOutcome leads say nothing.
	// Neither is a lost deal.
	Open      int `json:"open"`
	NoOutcome int `json:"no_outcome"`
	// Revenue is the converted leads' deal amounts, null when none of the
	// leads' files has a revenue column; RevenuePerLead is Revenue / Leads.
	Revenue        *float64 `json:"revenue"`
	RevenuePerLead *float64 `json:"revenue_per_lead"`
	// QualifiedNeverConverted counts qualified leads that were lost (open
	// ones may still convert).
	QualifiedNeverConverted int `json:"qualified_never_converted"`
	// Conversion is converted among closed (converted + lost) leads.
	Conversion Rate `json:"conversion"`
}

// SourceStats are the audit of one lead source ("(file) NAME" when the
// file has no source column).
type SourceStats struct {
	Name string `json:"name"`
	Totals
	// Junk is the share of the source's leads with each reason, most
	// frequent first.
	Junk []ReasonShare `json:"junk"`
	// Costs are the source's cost figures with --costs; omitted without.
	Costs *costs.OutcomeFigures `json:"costs,omitempty"`
}

// ReasonShare is a reason's count and share of a source's leads.
type ReasonShare struct {
	Reason lead.Reason `json:"reason"`
	Count  int         `json:"count"`
	Share  float64     `json:"share"`
}

// Confusion is the backtest: the rulebook's decision (rows) against the
// outcome (columns).
type Confusion struct {
	Qualified OutcomeCounts `json:"qualified"`
	Nurture   OutcomeCounts `json:"nurture"`
	Rejected  OutcomeCounts `json:"rejected"`
}

// OutcomeCounts split one decision's leads by outcome.
type OutcomeCounts struct {
	Converted  int      `json:"converted"`
	Lost       int      `json:"lost"`
	Open       int      `json:"open"`
	NoOutcome  int      `json:"no_outcome"`
	Revenue    *float64 `json:"revenue"`
	Conversion Rate     `json:"conversion"`
}

// Row returns the counts of decision st.
func (c *Confusion) Row(st lead.Status) *OutcomeCounts {
	switch st {
	case lead.Qualified:
		return &c.Qualified
	case lead.Nurture:
		return &c.Nurture
	}
	return &c.Rejected
}

// ReasonCost is one reason as a trade-off: the outcomes of the leads
// carrying it, and both sides of its cost: the converted leads it
// rejected or nurtured (with their revenue) and the lost leads it kept
// out of qualified. A lead with two reasons counts under both.
type ReasonCost struct {
	Reason lead.Reason `json:"reason"`
	Action string      `json:"action"`
	// Found counts every lead in the period with the reason.
	Found     int `json:"found"`
	Converted int `json:"converted"`
	Lost      int `json:"lost"`
	Open      int `json:"open"`
	NoOutcome int `json:"no_outcome"`
	// Conversion is the rate among the closed leads carrying the reason.
	Conversion      Rate     `json:"conversion"`
	Rejected        int      `json:"converted_rejected"`
	RejectedRevenue *float64 `json:"converted_rejected_revenue"`
	Nurtured        int      `json:"converted_nurtured"`
	NurturedRevenue *float64 `json:"converted_nurtured_revenue"`
	// LostRejected and LostNurtured are lost leads it kept out of
	// qualified: what the reason got right.
	LostRejected int `json:"lost_rejected"`
	LostNurtured int `json:"lost_nurtured"`
}

// Disagreement counts rows whose outcome columns disagree in one way.
type Disagreement struct {
	// Columns names the two readings, such as "Status: converted /
	// IsConverted: not converted".
	Columns string `json:"columns"`
	// Decided is the outcome the deciding rule gave (see ReadOutcome).
	Decided string `json:"decided"`
	Count   int    `json:"count"`
	// Rows are the first few rows as file:line.
	Rows []string `json:"rows"`
}

// Options configure an Auditor.
type Options struct {
	// Rulebook names the rulebook in the report.
	Rulebook string
	// ActionFor is the rulebook's action per reason (reject, nurture, ...).
	ActionFor func(lead.Reason) string
	// Period filters by created date; the zero Period keeps every row.
	Period Period
	// DayFirst reads every ambiguous date such as 01/07/2026 as July 1st;
	// without it each file's own dates decide (see Auditor.Observe).
	DayFirst bool
	// Agreement is the rulebook's agreement (nil for none); its targets
	// are set against a bounded Period.
	Agreement *rulebook.Agreement
	// Costs, when set, are the costs of the period (costs.Costs.Select
	// over Period), for each source's cost figures.
	Costs *costs.Selection
}

// Auditor accumulates a Report from decided leads.
type Auditor struct {
	opts      Options
	rowsRead  int
	noDate    int
	outside   int
	main      *tally
	files     map[string]*fileState
	fileOrder []*fileState
}

// New returns an Auditor.
func New(opts Options) *Auditor {
	return &Auditor{opts: opts, main: newTally(), files: map[string]*fileState{}}
}

// Observe counts one decided lead; pass it (through a closure) as
// pipeline.Config.Observe.
//
// A created date that reads two ways (01/07/2026: January 7th or July
// 1st) and falls in the period under one reading only is counted in a
// provisional tally of its file for that reading. Report then reads the
// file day first when its dates show it (a first number above 12, as in
// 13/08/2026) and none show month first (a second number above 12), month
// first in the opposite case, by the majority when both appear (and says
// so), and month first when nothing shows (or day first with
// Options.DayFirst).
func (a *Auditor) Observe(l *lead.Lead) {
	a.rowsRead++
	fs := a.file(l)
	res := ReadOutcome(l)
	fs.note(l, res)
	t := a.main
	if !a.opts.Period.IsZero() {
		r, ok := readDate(l.Get(lead.CreatedDate))
		if !ok {
			a.noDate++
			return
		}
		fs.dates.see(r, l)
		inMonthFirst, inDayFirst := a.opts.Period.Contains(r.monthFirst), a.opts.Period.Contains(r.dayFirst)
		switch {
		case inMonthFirst == inDayFirst:
			if !inMonthFirst {
				a.outside++
				return
			}
		case a.opts.DayFirst:
			if !inDayFirst {
				a.outside++
				return
			}
		case inMonthFirst:
			t = fs.pending(monthFirst)
		default:
			t = fs.pending(dayFirst)
		}
	} else if r, ok := readDate(l.Get(lead.CreatedDate)); ok {
		fs.dates.see(r, l)
	}
	t.add(l, res)
}

func (a *Auditor) file(l *lead.Lead) *fileState {
	fs := a.files[l.File]
	if fs == nil {
		fs = &fileState{name: l.File, columns: map[int]*ColumnUse{}}
		a.files[l.File] = fs
		a.fileOrder = append(a.fileOrder, fs)
	}
	return fs
}

// Report finishes and returns the report; call it once, after the last
// Observe.
func (a *Auditor) Report() *Report {
	r := &Report{SchemaVersion: SchemaVersion, Rulebook: a.opts.Rulebook, Agreement: a.opts.Agreement, Period: a.opts.Period.String(),
		RowsRead: a.rowsRead, NoDate: a.noDate, OutsidePeriod: a.outside, Dates: []DateOrder{}, OutcomeColumns: []*ColumnUse{}}
	for _, fs := range a.fileOrder {
		order := fs.dates.decide(a.opts.DayFirst)
		if d := fs.dates.report(fs.name, order, a.opts.DayFirst); d != nil {
			r.Dates = append(r.Dates, *d)
		}
		for o, t := range fs.provisional {
			if t == nil {
				continue
			}
			if dateOrder(o) == order {
				a.main.merge(t)
			} else {
				r.OutsidePeriod += t.rows
			}
		}
		r.OutcomeColumns = append(r.OutcomeColumns, fs.columnUses()...)
	}
	a.main.fill(r, a.opts)
	return r
}

// grid counts leads by decision (qualified, nurture, rejected) and
// outcome, with the converted leads' revenue per decision.
type grid struct {
	n          [3][4]int
	revenue    [3]float64
	hasRevenue bool
}

func decisionIndex(st lead.Status) int {
	switch st {
	case lead.Qualified:
		return 0
	case lead.Nurture:
		return 1
	}
	return 2
}

var decisions = [3]lead.Status{lead.Qualified, lead.Nurture, lead.Rejected}

func (g *grid) add(d int, res Result) {
	g.n[d][res.Outcome]++
	if res.Outcome == Converted {
		g.revenue[d] += res.Revenue
	}
	g.hasRevenue = g.hasRevenue || res.HasRevenue
}

func (g *grid) merge(h *grid) {
	for d := range g.n {
		for o := range g.n[d] {
			g.n[d][o] += h.n[d][o]
		}
		g.revenue[d] += h.revenue[d]
	}
	g.hasRevenue = g.hasRevenue || h.hasRevenue
}

func (g *grid) money(v float64) *float64 {
	if !g.hasRevenue {
		return nil
	}
	return &v
}

func (g *grid) decision(d int) int { return g.n[d][0] + g.n[d][1] + g.n[d][2] + g.n[d][3] }

func (g *grid) outcome(o Outcome) int { return g.n[0][o] + g.n[1][o] + g.n[2][o] }

func (g *grid) totals() Totals {
	t := Totals{Qualified: g.decision(0), Nurture: g.decision(1), Rejected: g.decision(2),
		Converted: g.outcome(Converted), Lost: g.outcome(Lost), Open: g.outcome(Open), NoOutcome: g.outcome(NoOutcome),
		QualifiedNeverConverted: g.n[0][Lost]}
	t.Leads = t.Qualified + t.Nurture + t.Rejected
	rev := g.revenue[0] + g.revenue[1] + g.revenue[2]
	t.Revenue = g.money(rev)
	if t.Revenue != nil && t.Leads > 0 {
		t.RevenuePerLead = g.money(rev / float64(t.Leads))
	}
	t.Conversion = NewRate(t.Converted, t.Converted+t.Lost)
	return t
}

// sourceTally is one source's grid and reason counts, and the name it is
// shown under (l.SourceGroup's, of its first row).
type sourceTally struct {
	grid
	name    string
	reasons map[lead.Reason]int
}

// tally is every count of a set of rows: the report's, or a file's
// provisional one for dates that read two ways.
type tally struct {
	rows          int
	all           grid
	sources       map[string]*sourceTally // by lead.SourceGroup key
	reasons       map[lead.Reason]*grid
	disagreements map[string]*Disagreement
}

func newTally() *tally {
	return &tally{sources: map[string]*sourceTally{}, reasons: map[lead.Reason]*grid{}, disagreements: map[string]*Disagreement{}}
}

// maxDisagreementRows is how many rows a disagreement names.
const maxDisagreementRows = 5

func (t *tally) add(l *lead.Lead, res Result) {
	t.rows++
	d := decisionIndex(l.Verdict.Status)
	t.all.add(d, res)
	key, name := l.SourceGroup()
	s := t.sources[key]
	if s == nil {
		s = &sourceTally{name: name, reasons: map[lead.Reason]int{}}
		t.sources[key] = s
	}
	s.add(d, res)
	for _, f := range l.Verdict.Findings {
		s.reasons[f.Reason]++
		g := t.reasons[f.Reason]
		if g == nil {
			g = &grid{}
			t.reasons[f.Reason] = g
		}
		g.add(d, res)
	}
	if res.Conflict != "" {
		dis := t.disagreements[res.Conflict]
		if dis == nil {
			dis = &Disagreement{Columns: res.Conflict, Decided: res.Outcome.String()}
			t.disagreements[res.Conflict] = dis
		}
		dis.Count++
		if len(dis.Rows) < maxDisagreementRows {
			dis.Rows = append(dis.Rows, fmt.Sprintf("%s:%d", l.File, l.Line))
		}
	}
}

func (t *tally) merge(u *tally) {
	t.rows += u.rows
	t.all.merge(&u.all)
	for key, us := range u.sources {
		s := t.sources[key]
		if s == nil {
			s = &sourceTally{name: us.name, reasons: map[lead.Reason]int{}}
			t.sources[key] = s
		}
		s.grid.merge(&us.grid)
		for reason, n := range us.reasons {
			s.reasons[reason] += n
		}
	}
	for reason, ug := range u.reasons {
		g := t.reasons[reason]
		if g == nil {
			g = &grid{}
			t.reasons[reason] = g
		}
		g.merge(ug)
	}
	for key, ud := range u.disagreements {
		d := t.disagreements[key]
		if d == nil {
			d = &Disagreement{Columns: ud.Columns, Decided: ud.Decided}
			t.disagreements[key] = d
		}
		d.Count += ud.Count
		for _, row := range ud.Rows {
			if len(d.Rows) < maxDisagreementRows {
				d.Rows = append(d.Rows, row)
			}
		}
	}
}

// fill writes the tally's numbers into r.
func (t *tally) fill(r *Report, opts Options) {
	r.Rows = t.rows
	r.Totals = t.all.totals()
	if !t.all.hasRevenue {
		r.RevenueNote = NoRevenueColumn
	}
	for d, st := range decisions {
		c := r.Backtest.Row(st)
		c.Converted, c.Lost, c.Open, c.NoOutcome = t.all.n[d][Converted], t.all.n[d][Lost], t.all.n[d][Open], t.all.n[d][NoOutcome]
		c.Revenue = t.all.money(t.all.revenue[d])
		c.Conversion = NewRate(c.Converted, c.Converted+c.Lost)
	}
	r.Lift = newLift(r.Backtest.Qualified.Conversion, r.Backtest.Rejected.Conversion)

	r.Sources = []*SourceStats{}
	for _, s := range t.sources {
		g := &SourceStats{Name: s.name, Totals: s.totals(), Junk: []ReasonShare{}}
		for reason, n := range s.reasons {
			g.Junk = append(g.Junk, ReasonShare{Reason: reason, Count: n, Share: float64(n) / float64(g.Leads)})
		}
		sort.Slice(g.Junk, func(i, j int) bool {
			if g.Junk[i].Count != g.Junk[j].Count {
				return g.Junk[i].Count > g.Junk[j].Count
			}
			return g.Junk[i].Reason < g.Junk[j].Reason
		})
		r.Sources = append(r.Sources, g)
	}
	sort.Slice(r.Sources, func(i, j int) bool {
		a, b := r.Sources[i], r.Sources[j]
		if ra, rb := value(a.Revenue), value(b.Revenue); ra != rb {
			return ra > rb
		}
		if a.Converted != b.Converted {
			return a.Converted > b.Converted
		}
		if a.Qualified != b.Qualified {
			return a.Qualified > b.Qualified
		}
		return a.Name < b.Name
	})
	if sel := opts.Costs; sel != nil {
		names := make([]string, len(r.Sources))
		for i, g := range r.Sources {
			f := sel.OutcomeFigures(g.Name, g.Leads, g.Qualified, g.Converted, value(g.Revenue))
			if g.Revenue == nil {
				f.RevenuePerCost = nil
			}
			g.Costs = &f
			names[i] = g.Name
		}
		r.Costs = sel.Overview(names)
	}
	r.Targets = r.targets(opts.Agreement, opts.Period)

	r.ReasonCosts = []*ReasonCost{}
	for reason, g := range t.reasons {
		c := &ReasonCost{Reason: reason, Converted: g.outcome(Converted), Lost: g.outcome(Lost), Open: g.outcome(Open),
			NoOutcome: g.outcome(NoOutcome), Rejected: g.n[2][Converted], Nurtured: g.n[1][Converted],
			RejectedRevenue: g.money(g.revenue[2]), NurturedRevenue: g.money(g.revenue[1]),
			LostRejected: g.n[2][Lost], LostNurtured: g.n[1][Lost]}
		c.Found = c.Converted + c.Lost + c.Open + c.NoOutcome
		c.Conversion = NewRate(c.Converted, c.Converted+c.Lost)
		if opts.ActionFor != nil {
			c.Action = opts.ActionFor(reason)
		}
		r.ReasonCosts = append(r.ReasonCosts, c)
	}
	order := map[lead.Reason]int{}
	for i, reason := range lead.Reasons() {
		order[reason] = i
	}
	sort.Slice(r.ReasonCosts, func(i, j int) bool {
		a, b := r.ReasonCosts[i], r.ReasonCosts[j]
		if ra, rb := value(a.RejectedRevenue)+value(a.NurturedRevenue), value(b.RejectedRevenue)+value(b.NurturedRevenue); ra != rb {
			return ra > rb
		}
		if a.Rejected+a.Nurtured != b.Rejected+b.Nurtured {
			return a.Rejected+a.Nurtured > b.Rejected+b.Nurtured
		}
		return order[a.Reason] < order[b.Reason]
	})

	r.Disagreements = []*Disagreement{}
	for _, d := range t.disagreements {
		r.DisagreeingRows += d.Count
		r.Disagreements = append(r.Disagreements, d)
	}
	sort.Slice(r.Disagreements, func(i, j int) bool {
		a, b := r.Disagreements[i], r.Disagreements[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Columns < b.Columns
	})
}

func value(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}
