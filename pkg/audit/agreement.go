package audit

import (
	"fmt"
	"strconv"
	"time"

	"github.com/leadclean/leadclean/pkg/costs"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/rendering"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

// Targets set a bounded period's results against the agreement's
// targets. The JSON names are the documented schema.
type Targets struct {
	// Months is the period's length in calendar months: each month
	// counts by the share of its days in the period (a quarter is 3).
	Months   float64   `json:"months"`
	Measures []Measure `json:"measures"`
}

// The measures Targets may hold.
const (
	MeasureQualifiedPerMonth          = "qualified_per_month"
	MeasureMarketingShare             = "marketing_share"
	MeasureMarketingQualifiedPerMonth = "marketing_qualified_per_month"
	MeasureCostPerQualified           = "cost_per_qualified"
)

// Measure is one result against its target. Source is empty for the
// totals. Actual is null when it cannot be known (no qualified lead for a
// share, no cost given for a cost); such a measure is not met.
type Measure struct {
	Measure string   `json:"measure"`
	Source  string   `json:"source,omitempty"`
	Actual  *float64 `json:"actual"`
	Target  float64  `json:"target"`
	// AtMost marks a ceiling (a cost); otherwise the target is a floor.
	AtMost bool `json:"at_most"`
	Met    bool `json:"met"`
}

func (m *Measure) judge() {
	if m.Actual == nil {
		m.Met = false
		return
	}
	if m.AtMost {
		m.Met = *m.Actual <= m.Target
	} else {
		m.Met = *m.Actual >= m.Target
	}
}

// Months returns the length of the period in calendar months, each
// month counted by the share of its days inside the period; 0 when the
// period is open at either end.
func Months(p Period) float64 {
	if p.Since.IsZero() || p.Until.IsZero() || p.Until.Before(p.Since) {
		return 0
	}
	from := time.Date(p.Since.Year, p.Since.Month, p.Since.Day, 0, 0, 0, 0, time.UTC)
	to := time.Date(p.Until.Year, p.Until.Month, p.Until.Day, 0, 0, 0, 0, time.UTC)
	total := 0.0
	for m := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(to); m = m.AddDate(0, 1, 0) {
		end := m.AddDate(0, 1, -1)
		days := float64(end.Day())
		lo, hi := m, end
		if from.After(lo) {
			lo = from
		}
		if to.Before(hi) {
			hi = to
		}
		total += (hi.Sub(lo).Hours()/24 + 1) / days
	}
	return total
}

// targets computes r.Targets from the agreement; nil when the agreement
// sets no target or the period is open.
func (r *Report) targets(a *rulebook.Agreement, p Period) *Targets {
	if a == nil || (a.QualifiedPerMonth == 0 && a.MarketingShare == 0 && len(a.Sources) == 0) {
		return nil
	}
	months := Months(p)
	if months == 0 {
		return nil
	}
	t := &Targets{Months: months, Measures: []Measure{}}
	add := func(m Measure) {
		m.judge()
		t.Measures = append(t.Measures, m)
	}
	if a.QualifiedPerMonth > 0 {
		add(Measure{Measure: MeasureQualifiedPerMonth, Actual: costs.Ratio(float64(r.Qualified), months), Target: float64(a.QualifiedPerMonth)})
	}
	if a.MarketingShare > 0 {
		marketing := map[string]bool{}
		for _, s := range a.MarketingSources {
			marketing[lead.SourceKey(s)] = true
		}
		qualified := 0
		for _, g := range r.Sources {
			if marketing[lead.SourceKey(g.Name)] {
				qualified += g.Qualified
			}
		}
		add(Measure{Measure: MeasureMarketingShare, Actual: costs.Ratio(float64(qualified), float64(r.Qualified)), Target: a.MarketingShare})
		if a.QualifiedPerMonth > 0 {
			add(Measure{Measure: MeasureMarketingQualifiedPerMonth, Actual: costs.Ratio(float64(qualified), months),
				Target: float64(a.QualifiedPerMonth) * a.MarketingShare})
		}
	}
	for _, st := range a.Sources {
		var g *SourceStats
		for _, s := range r.Sources {
			if lead.SourceKey(s.Name) == lead.SourceKey(st.Source) {
				g = s
				break
			}
		}
		qualified := 0
		if g != nil {
			qualified = g.Qualified
		}
		if st.QualifiedPerMonth > 0 {
			add(Measure{Measure: MeasureQualifiedPerMonth, Source: st.Source, Actual: costs.Ratio(float64(qualified), months), Target: float64(st.QualifiedPerMonth)})
		}
		if st.MaxCostPerQualified > 0 {
			m := Measure{Measure: MeasureCostPerQualified, Source: st.Source, Target: st.MaxCostPerQualified, AtMost: true}
			if g != nil && g.Costs != nil {
				m.Actual = g.Costs.PerQualified
			}
			add(m)
		}
	}
	return t
}

var (
	targetHeader  = []string{"Measure", "Source", "Actual", "Target", "Result"}
	targetNumeric = []bool{false, false, true, true, false}
)

func (t *Targets) rows() [][]string {
	var rows [][]string
	for _, m := range t.Measures {
		name, format := m.Measure, perMonth
		switch m.Measure {
		case MeasureQualifiedPerMonth:
			name = "qualified leads per month"
		case MeasureMarketingShare:
			name, format = "marketing's share of qualified leads", rendering.Percent
		case MeasureMarketingQualifiedPerMonth:
			name = "marketing's qualified leads per month"
		case MeasureCostPerQualified:
			name, format = "cost per qualified lead", func(f float64) string { return costs.Money(f, 2) }
		}
		source := m.Source
		if source == "" {
			source = "(all)"
			if m.Measure != MeasureQualifiedPerMonth {
				source = "(marketing)"
			}
		}
		actual, result := "-", "met"
		switch {
		case m.Actual != nil:
			actual = format(*m.Actual)
			if !m.Met {
				result = "below target"
				if m.AtMost {
					result = "above the ceiling"
				}
			}
		case m.Measure == MeasureCostPerQualified:
			result = "not known (no cost given or no qualified lead)"
		default:
			result = "not known (no qualified lead)"
		}
		target := format(m.Target)
		if m.AtMost {
			target = "at most " + target
		}
		rows = append(rows, []string{name, source, actual, target, result})
	}
	return rows
}

func perMonth(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// targetTitle heads the targets section.
func (t *Targets) title() string {
	return fmt.Sprintf("Against the agreement: %s months", strconv.FormatFloat(t.Months, 'f', 1, 64))
}

// targetNote says why there is no targets section when the agreement
// sets targets but the period is open.
func (r *Report) targetNote() string {
	a := r.Agreement
	if r.Targets != nil || a == nil || (a.QualifiedPerMonth == 0 && a.MarketingShare == 0 && len(a.Sources) == 0) {
		return ""
	}
	return "The agreement sets targets: give --quarter, or --since and --until, to set the period's results against them."
}
