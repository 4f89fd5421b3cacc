// Package audit judges lead sources and a rulebook against what really
// happened: it reads exports whose rows also carry outcomes (converted,
// opportunity, deals, revenue; see [ReadOutcome]), keeps the rows created
// in a period ([ParseDate], [ParseQuarter]), and reports per source the
// leads, the junk share by reason, the leads the rulebook qualifies, the
// converted leads and their revenue; then the rulebook's backtest: its
// decision against the real outcome as a confusion table, for each reason
// the converted leads it sent away and their revenue (the rule's cost),
// and the qualified leads that never converted. [Compare] shows which
// rows flip when a team changes its rulebook.
//
// An Auditor sees each decided lead once, through pipeline.Config.Observe,
// and keeps counts, never rows: memory does not grow with the input.
package audit

import (
	"sort"

	"github.com/leadclean/leadclean/pkg/costs"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

// SchemaVersion is the version of the JSON audit report; fields are only
// added within a version.
const SchemaVersion = 1

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
	Totals
	Sources []*SourceStats `json:"sources"`
	// Backtest is the rulebook's decision against the outcome.
	Backtest Confusion `json:"backtest"`
	// ReasonCosts lists, for each reason found on a converted lead that
	// the rulebook did not qualify, those leads and their revenue.
	ReasonCosts []*ReasonCost `json:"reason_costs"`

	sourceIdx map[string]*SourceStats
	costIdx   map[lead.Reason]*ReasonCost
	actionFor func(lead.Reason) string
}

// Totals are the counts over a set of leads.
type Totals struct {
	Leads     int `json:"leads"`
	Qualified int `json:"qualified"`
	Nurture   int `json:"nurture"`
	Rejected  int `json:"rejected"`
	Converted int `json:"converted"`
	// NotConverted and NoOutcome split the others: a lead with no outcome
	// column is not a lost deal.
	NotConverted int     `json:"not_converted"`
	NoOutcome    int     `json:"no_outcome"`
	Revenue      float64 `json:"revenue"`
	// RevenuePerLead is Revenue / Leads.
	RevenuePerLead float64 `json:"revenue_per_lead"`
	// QualifiedNeverConverted counts qualified leads with a known outcome
	// that did not convert.
	QualifiedNeverConverted int `json:"qualified_never_converted"`
}

func (t *Totals) add(st lead.Status, res Result) {
	t.Leads++
	switch st {
	case lead.Qualified:
		t.Qualified++
	case lead.Nurture:
		t.Nurture++
	default:
		t.Rejected++
	}
	switch res.Outcome {
	case Converted:
		t.Converted++
		t.Revenue += res.Revenue
	case NotConverted:
		t.NotConverted++
		if st == lead.Qualified {
			t.QualifiedNeverConverted++
		}
	default:
		t.NoOutcome++
	}
}

func (t *Totals) finish() {
	if t.Leads > 0 {
		t.RevenuePerLead = t.Revenue / float64(t.Leads)
	}
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
	Costs   *costs.OutcomeFigures `json:"costs,omitempty"`
	reasons map[lead.Reason]int
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
	Converted    int     `json:"converted"`
	NotConverted int     `json:"not_converted"`
	Unknown      int     `json:"unknown"`
	Revenue      float64 `json:"revenue"`
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

// ReasonCost is what one reason cost: the converted leads carrying it
// that the rulebook rejected or nurtured, and their revenue. A lead with
// two reasons counts under both.
type ReasonCost struct {
	Reason          lead.Reason `json:"reason"`
	Action          string      `json:"action"`
	Rejected        int         `json:"converted_rejected"`
	RejectedRevenue float64     `json:"converted_rejected_revenue"`
	Nurtured        int         `json:"converted_nurtured"`
	NurturedRevenue float64     `json:"converted_nurtured_revenue"`
	// Found counts every lead in the period with the reason.
	Found int `json:"found"`
}

// Options configure an Auditor.
type Options struct {
	// Rulebook names the rulebook in the rendering.
	Rulebook string
	// ActionFor is the rulebook's action per reason (reject, nurture, ...).
	ActionFor func(lead.Reason) string
	// Period filters by created date; the zero Period keeps every row.
	Period Period
	// DayFirst reads 01/07/2026 as July 1st.
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
	opts Options
	r    *Report
}

// New returns an Auditor.
func New(opts Options) *Auditor {
	r := &Report{SchemaVersion: SchemaVersion, Rulebook: opts.Rulebook, Agreement: opts.Agreement, Period: opts.Period.String(),
		sourceIdx: map[string]*SourceStats{}, costIdx: map[lead.Reason]*ReasonCost{}, actionFor: opts.ActionFor}
	return &Auditor{opts: opts, r: r}
}

// InPeriod reports whether l was created in the period; without a
// period every lead is. It is what Observe filters by, for callers (such
// as a compare) that keep their own counts.
func InPeriod(l *lead.Lead, p Period, dayFirst bool) (in, dated bool) {
	if p.IsZero() {
		return true, true
	}
	d, ok := ParseDate(l.Get(lead.CreatedDate), dayFirst)
	if !ok {
		return false, false
	}
	return p.Contains(d), true
}

// SourceName is the name a lead's source is reported under: its lead
// source, or "(file) NAME" when it has none.
func SourceName(l *lead.Lead) string {
	if s := l.Get(lead.Source); s != "" {
		return s
	}
	return "(file) " + l.File
}

// Observe counts one decided lead; pass it (through a closure) as
// pipeline.Config.Observe.
func (a *Auditor) Observe(l *lead.Lead) {
	r := a.r
	r.RowsRead++
	in, dated := InPeriod(l, a.opts.Period, a.opts.DayFirst)
	if !dated {
		r.NoDate++
		return
	}
	if !in {
		r.OutsidePeriod++
		return
	}
	r.Rows++
	res := ReadOutcome(l)
	st := l.Verdict.Status
	r.Totals.add(st, res)
	name := SourceName(l)
	g := r.sourceIdx[name]
	if g == nil {
		g = &SourceStats{Name: name, reasons: map[lead.Reason]int{}}
		r.sourceIdx[name] = g
		r.Sources = append(r.Sources, g)
	}
	g.Totals.add(st, res)
	cell := r.Backtest.Row(st)
	switch res.Outcome {
	case Converted:
		cell.Converted++
		cell.Revenue += res.Revenue
	case NotConverted:
		cell.NotConverted++
	default:
		cell.Unknown++
	}
	for _, f := range l.Verdict.Findings {
		g.reasons[f.Reason]++
		c := r.costIdx[f.Reason]
		if c == nil {
			c = &ReasonCost{Reason: f.Reason}
			if r.actionFor != nil {
				c.Action = r.actionFor(f.Reason)
			}
			r.costIdx[f.Reason] = c
		}
		c.Found++
		if res.Outcome != Converted {
			continue
		}
		switch st {
		case lead.Rejected:
			c.Rejected++
			c.RejectedRevenue += res.Revenue
		case lead.Nurture:
			c.Nurtured++
			c.NurturedRevenue += res.Revenue
		}
	}
}

// Report finishes and returns the report; call it once, after the last
// Observe.
func (a *Auditor) Report() *Report {
	r := a.r
	r.Totals.finish()
	for _, g := range r.Sources {
		g.Totals.finish()
		g.Junk = g.Junk[:0]
		for reason, n := range g.reasons {
			g.Junk = append(g.Junk, ReasonShare{Reason: reason, Count: n, Share: float64(n) / float64(g.Leads)})
		}
		sort.Slice(g.Junk, func(i, j int) bool {
			if g.Junk[i].Count != g.Junk[j].Count {
				return g.Junk[i].Count > g.Junk[j].Count
			}
			return g.Junk[i].Reason < g.Junk[j].Reason
		})
	}
	sort.SliceStable(r.Sources, func(i, j int) bool {
		a, b := r.Sources[i], r.Sources[j]
		if a.Revenue != b.Revenue {
			return a.Revenue > b.Revenue
		}
		if a.Converted != b.Converted {
			return a.Converted > b.Converted
		}
		if a.Qualified != b.Qualified {
			return a.Qualified > b.Qualified
		}
		return a.Name < b.Name
	})
	if sel := a.opts.Costs; sel != nil {
		names := make([]string, len(r.Sources))
		for i, g := range r.Sources {
			f := sel.OutcomeFigures(g.Name, g.Leads, g.Qualified, g.Converted, g.Revenue)
			g.Costs = &f
			names[i] = g.Name
		}
		r.Costs = sel.Overview(names)
	}
	r.Targets = r.targets(a.opts.Agreement, a.opts.Period)
	r.ReasonCosts = r.ReasonCosts[:0]
	order := map[lead.Reason]int{}
	for i, reason := range lead.Reasons() {
		order[reason] = i
	}
	for _, c := range r.costIdx {
		r.ReasonCosts = append(r.ReasonCosts, c)
	}
	sort.Slice(r.ReasonCosts, func(i, j int) bool {
		a, b := r.ReasonCosts[i], r.ReasonCosts[j]
		if a.RejectedRevenue+a.NurturedRevenue != b.RejectedRevenue+b.NurturedRevenue {
			return a.RejectedRevenue+a.NurturedRevenue > b.RejectedRevenue+b.NurturedRevenue
		}
		if a.Rejected+a.Nurtured != b.Rejected+b.Nurtured {
			return a.Rejected+a.Nurtured > b.Rejected+b.Nurtured
		}
		return order[a.Reason] < order[b.Reason]
	})
	return r
}
