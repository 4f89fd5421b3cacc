package audit

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/rendering"
)

// Write renders the report as table, json or markdown (rendering.Format).
func (r *Report) Write(w io.Writer, f rendering.Format) error {
	switch f {
	case rendering.FormatJSON:
		return writeJSON(w, r)
	case rendering.FormatNone:
		return nil
	}
	md := f == rendering.FormatMarkdown
	if md {
		fmt.Fprintf(w, "## leadclean audit\n\nRulebook: %s. Period: %s.\n\n%s\n", r.Rulebook, r.Period, rendering.AgreementLine(r.Agreement))
	} else {
		fmt.Fprintf(w, "leadclean audit: rulebook %s, %s\n%s\n", r.Rulebook, r.Period, rendering.AgreementLine(r.Agreement))
	}
	head(w, md, r.headline())
	if note := r.outcomeNote(); note != "" {
		fmt.Fprintln(w, note)
	}
	head(w, md, "By lead source")
	if err := rendering.WriteTable(w, md, sourceHeader, sourceNumeric, r.sourceRows()); err != nil {
		return err
	}
	if r.Costs != nil {
		head(w, md, "Cost per lead source")
		fmt.Fprintln(w, rendering.CostNote(r.Costs))
		if md {
			fmt.Fprintln(w)
		}
		h, n := rendering.CostHeader(r.Costs.Currency, true)
		if err := rendering.WriteTable(w, md, h, n, r.costTableRows()); err != nil {
			return err
		}
	}
	if r.Targets != nil {
		head(w, md, r.Targets.title())
		if err := rendering.WriteTable(w, md, targetHeader, targetNumeric, r.Targets.rows()); err != nil {
			return err
		}
	} else if note := r.targetNote(); note != "" {
		fmt.Fprintln(w)
		fmt.Fprintln(w, note)
	}
	head(w, md, "Backtest: the rulebook's decision against the outcome")
	if err := rendering.WriteTable(w, md, backtestHeader, backtestNumeric, r.backtestRows()); err != nil {
		return err
	}
	fmt.Fprintf(w, "%d qualified leads never converted.\n", r.QualifiedNeverConverted)
	head(w, md, "Cost of each reason: converted leads it sent away")
	return rendering.WriteTable(w, md, costHeader, costNumeric, r.costRows())
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func head(w io.Writer, md bool, title string) {
	if md {
		fmt.Fprintf(w, "\n### %s\n\n", title)
	} else {
		fmt.Fprintf(w, "\n%s\n", title)
	}
}

func (r *Report) headline() string {
	s := fmt.Sprintf("%d leads created in the period: %d qualified, %d nurture, %d rejected; %d converted, revenue %s",
		r.Leads, r.Qualified, r.Nurture, r.Rejected, r.Converted, money(r.Revenue))
	if r.OutsidePeriod > 0 || r.NoDate > 0 {
		s += fmt.Sprintf(" (%d rows read: %d outside the period, %d without a readable created date)", r.RowsRead, r.OutsidePeriod, r.NoDate)
	}
	return s
}

func (r *Report) outcomeNote() string {
	if r.NoOutcome == 0 {
		return ""
	}
	return fmt.Sprintf("%d leads have no outcome column (converted, opportunity, lifecycle stage, deals): reported as no outcome, not as lost deals.", r.NoOutcome)
}

var (
	sourceHeader  = []string{"Source", "Leads", "Qualified", "Converted", "No outcome", "Revenue", "Revenue/lead", "Junk by reason"}
	sourceNumeric = []bool{false, true, true, true, true, true, true, false}
)

func (r *Report) sourceRows() [][]string {
	var rows [][]string
	for _, g := range r.Sources {
		var junk []string
		for i, j := range g.Junk {
			if i == 3 {
				junk = append(junk, fmt.Sprintf("+%d more", len(g.Junk)-3))
				break
			}
			junk = append(junk, fmt.Sprintf("%s %s", j.Reason, percent(j.Share)))
		}
		rows = append(rows, []string{g.Name, itoa(g.Leads), itoa(g.Qualified), itoa(g.Converted), itoa(g.NoOutcome),
			money(g.Revenue), money(g.RevenuePerLead), strings.Join(junk, ", ")})
	}
	return rows
}

// costTableRows are the cost table's rows, in the sources' order.
func (r *Report) costTableRows() [][]string {
	var rows [][]string
	for _, g := range r.Sources {
		if g.Costs == nil {
			continue
		}
		row := []string{g.Name, itoa(g.Leads), itoa(g.Qualified), itoa(g.Converted), money(g.Revenue)}
		rows = append(rows, append(row, rendering.OutcomeCostCells(*g.Costs)...))
	}
	return rows
}

var (
	backtestHeader  = []string{"Decision", "Converted", "Not converted", "No outcome", "Revenue"}
	backtestNumeric = []bool{false, true, true, true, true}
)

func (r *Report) backtestRows() [][]string {
	var rows [][]string
	for _, st := range []lead.Status{lead.Qualified, lead.Nurture, lead.Rejected} {
		c := r.Backtest.Row(st)
		rows = append(rows, []string{string(st), itoa(c.Converted), itoa(c.NotConverted), itoa(c.Unknown), money(c.Revenue)})
	}
	return rows
}

var (
	costHeader  = []string{"Reason", "Action", "Found", "Converted rejected", "Revenue rejected", "Converted nurtured", "Revenue nurtured"}
	costNumeric = []bool{false, false, true, true, true, true, true}
)

func (r *Report) costRows() [][]string {
	var rows [][]string
	for _, c := range r.ReasonCosts {
		rows = append(rows, []string{string(c.Reason), c.Action, itoa(c.Found), itoa(c.Rejected), money(c.RejectedRevenue),
			itoa(c.Nurtured), money(c.NurturedRevenue)})
	}
	return rows
}

// HTMLPage returns the audit as a self-contained HTML page: revenue and
// conversions per source, the backtest and the cost of each reason.
func (r *Report) HTMLPage() *rendering.Page {
	p := &rendering.Page{Title: "leadclean audit", Subtitle: fmt.Sprintf("Rulebook %s, %s. %s.", r.Rulebook, r.Period, r.headline())}
	funnel := &rendering.Chart{Label: "Leads per source by outcome", Series: []string{"converted", "not converted", "no outcome"},
		Colors: []string{"#2e7d32", "#c62828", "#757575"}}
	for _, g := range r.Sources {
		funnel.Rows = append(funnel.Rows, rendering.ChartRow{Label: g.Name,
			Values: []float64{float64(g.Converted), float64(g.NotConverted), float64(g.NoOutcome)},
			Note:   fmt.Sprintf("%d of %d converted, %s", g.Converted, g.Leads, money(g.Revenue))})
	}
	p.Sections = append(p.Sections, rendering.AgreementSection(r.Agreement), rendering.Section{Title: "Funnel per lead source", Note: r.outcomeNote(), Chart: funnel,
		Table: &rendering.Table{Header: sourceHeader, Numeric: sourceNumeric, Rows: r.sourceRows()}})
	if r.Costs != nil {
		h, n := rendering.CostHeader(r.Costs.Currency, true)
		rows := r.costTableRows()
		p.Sections = append(p.Sections, rendering.Section{Title: "Cost per lead source", Note: rendering.CostNote(r.Costs),
			Chart: rendering.CostChart(rows, 2, 7), Table: &rendering.Table{Header: h, Numeric: n, Rows: rows}})
	}
	if r.Targets != nil {
		p.Sections = append(p.Sections, rendering.Section{Title: r.Targets.title(),
			Note:  "Each target of the agreement against the period's result; a month counts by the share of its days in the period.",
			Table: &rendering.Table{Header: targetHeader, Numeric: targetNumeric, Rows: r.Targets.rows()}})
	} else if note := r.targetNote(); note != "" {
		p.Sections = append(p.Sections, rendering.Section{Title: "Against the agreement", Note: note})
	}

	bt := &rendering.Chart{Label: "The rulebook's decision against the outcome", Series: []string{"converted", "not converted", "no outcome"},
		Colors: []string{"#2e7d32", "#c62828", "#757575"}}
	for _, st := range []lead.Status{lead.Qualified, lead.Nurture, lead.Rejected} {
		c := r.Backtest.Row(st)
		bt.Rows = append(bt.Rows, rendering.ChartRow{Label: string(st), Values: []float64{float64(c.Converted), float64(c.NotConverted), float64(c.Unknown)},
			Note: fmt.Sprintf("%d converted, %s", c.Converted, money(c.Revenue))})
	}
	p.Sections = append(p.Sections, rendering.Section{Title: "Backtest",
		Note:  fmt.Sprintf("Each row is a decision of the rulebook; %d qualified leads never converted.", r.QualifiedNeverConverted),
		Chart: bt, Table: &rendering.Table{Header: backtestHeader, Numeric: backtestNumeric, Rows: r.backtestRows()}})

	cost := &rendering.Chart{Label: "Converted leads each reason sent away", Series: []string{"rejected", "nurtured"},
		Colors: []string{"#c62828", "#f9a825"}}
	for _, c := range r.ReasonCosts {
		if c.Rejected+c.Nurtured == 0 {
			continue
		}
		cost.Rows = append(cost.Rows, rendering.ChartRow{Label: string(c.Reason), Values: []float64{float64(c.Rejected), float64(c.Nurtured)},
			Note: money(c.RejectedRevenue + c.NurturedRevenue)})
	}
	sec := rendering.Section{Title: "Cost of each reason", Note: "Converted leads that a reason rejected or nurtured, and their revenue.",
		Chart: cost, Table: &rendering.Table{Header: costHeader, Numeric: costNumeric, Rows: r.costRows()}}
	if len(cost.Rows) == 0 {
		sec.Chart = nil
		sec.Note = "No reason sent a converted lead away."
	}
	p.Sections = append(p.Sections, sec)
	return p
}

// WriteHTML writes the audit as a self-contained HTML page.
func (r *Report) WriteHTML(w io.Writer) error { return r.HTMLPage().Write(w) }

// Write renders the comparison as table, json or markdown.
func (c *Comparison) Write(w io.Writer, f rendering.Format) error {
	switch f {
	case rendering.FormatJSON:
		return writeJSON(w, c)
	case rendering.FormatNone:
		return nil
	}
	md := f == rendering.FormatMarkdown
	if md {
		fmt.Fprintf(w, "## leadclean audit --compare\n\n%s → %s. Period: %s.\n", c.Old, c.New, c.Period)
	} else {
		fmt.Fprintf(w, "leadclean audit --compare: %s -> %s, %s\n", c.Old, c.New, c.Period)
	}
	head(w, md, fmt.Sprintf("%d of %d leads flip", c.Flipped, c.Rows))
	rows := [][]string{
		{"old", itoa(c.OldCounts.Qualified), itoa(c.OldCounts.Nurture), itoa(c.OldCounts.Rejected)},
		{"new", itoa(c.NewCounts.Qualified), itoa(c.NewCounts.Nurture), itoa(c.NewCounts.Rejected)},
	}
	if err := rendering.WriteTable(w, md, []string{"Rulebook", "Qualified", "Nurture", "Rejected"}, []bool{false, true, true, true}, rows); err != nil {
		return err
	}
	rows = nil
	for _, f := range c.Flips {
		rows = append(rows, []string{string(f.From), string(f.To), itoa(f.Count)})
	}
	head(w, md, "Flips")
	if err := rendering.WriteTable(w, md, []string{"From", "To", "Leads"}, []bool{false, false, true}, rows); err != nil {
		return err
	}
	head(w, md, "By reason (found under either rulebook)")
	if err := rendering.WriteTable(w, md, flipHeader("Reason"), flipNumeric, flipRows(c.ByReason)); err != nil {
		return err
	}
	head(w, md, "By lead source")
	return rendering.WriteTable(w, md, flipHeader("Source"), flipNumeric, flipRows(c.BySource))
}

func flipHeader(first string) []string {
	return []string{first, "Leads", "Flipped", "To qualified", "To nurture", "To rejected", "From qualified"}
}

var flipNumeric = []bool{false, true, true, true, true, true, true}

func flipRows(groups []*GroupFlips) [][]string {
	var rows [][]string
	for _, g := range groups {
		if g.Flipped == 0 {
			continue
		}
		rows = append(rows, []string{g.Name, itoa(g.Rows), itoa(g.Flipped), itoa(g.ToQualified), itoa(g.ToNurture), itoa(g.ToRejected), itoa(g.FromQualified)})
	}
	return rows
}

func itoa(n int) string { return strconv.Itoa(n) }

func percent(f float64) string { return strconv.FormatFloat(f*100, 'f', 1, 64) + "%" }

// money writes an amount with thousands separators and no currency:
// amounts are summed as written.
func money(f float64) string {
	n := int64(f + 0.5)
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
