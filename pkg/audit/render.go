package audit

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/leadclean/leadclean/pkg/rendering"
)

// Write renders the report as table, json or markdown (rendering.Format).
// The table and markdown carry the same numbers as the JSON.
func (r *Report) Write(w io.Writer, f rendering.Format) error {
	switch f {
	case rendering.FormatJSON:
		return rendering.WriteJSON(w, r)
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
	for _, note := range r.notes() {
		fmt.Fprintln(w, note)
	}
	tables := []struct {
		title string
		note  string
		t     *rendering.Table
	}{
		{"Outcome columns", "Each column an outcome could be read from, and whether its content was taken.", r.columnTable()},
		{r.disagreementTitle(), DecidingRule, r.disagreementTable()},
		{"By lead source", "", r.sourceTable()},
		{"Conversion among closed leads, by lead source", rateNote, rateTable("Source", r.sourceRates())},
	}
	for _, x := range tables {
		if x.t == nil {
			continue
		}
		if err := writeSection(w, md, x.title, x.note, x.t); err != nil {
			return err
		}
	}
	if r.Costs != nil {
		head(w, md, "Cost per lead source")
		fmt.Fprintln(w, rendering.CostNote(r.Costs))
		if md {
			fmt.Fprintln(w)
		}
		t := r.costTable()
		if err := rendering.WriteTable(w, md, t.Header, t.Numeric, t.Rows); err != nil {
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
	if err := writeSection(w, md, "Backtest: the rulebook's decision against the outcome", r.backtestNote(), r.backtestTable()); err != nil {
		return err
	}
	if err := writeSection(w, md, "Conversion among closed leads, by reason", rateNote, rateTable("Reason", r.reasonRates())); err != nil {
		return err
	}
	return writeSection(w, md, "Cost of each reason: converted leads it sent away, lost leads it kept out", reasonCostNote, r.reasonCostTable())
}

func writeSection(w io.Writer, md bool, title, note string, t *rendering.Table) error {
	head(w, md, title)
	if note != "" {
		fmt.Fprintln(w, note)
		if md {
			fmt.Fprintln(w)
		}
	}
	return rendering.WriteTable(w, md, t.Header, t.Numeric, t.Rows)
}

func head(w io.Writer, md bool, title string) {
	if md {
		fmt.Fprintf(w, "\n### %s\n\n", title)
	} else {
		fmt.Fprintf(w, "\n%s\n", title)
	}
}

// DecidingRule is how ReadOutcome settles cells that disagree, as the
// report states it.
const DecidingRule = "Deciding rule: converted wins over lost, lost over open, open over a bare \"not converted\" (a false flag, no deals)."

const rateNote = "Conversion = converted / (converted + lost); open and no-outcome leads are left out. 95% Wilson interval. " +
	"A group with fewer than 20 closed leads is not ranked: " + TooFew + "."

const reasonCostNote = "Both sides of each reason: the converted leads it rejected or nurtured (and their revenue), and the lost leads it kept out of qualified. A lead with two reasons counts under both."

func (r *Report) headline() string {
	s := fmt.Sprintf("%d leads created in the period: %d qualified, %d nurture, %d rejected; %d converted, %d lost, %d open, %d no outcome; revenue %s",
		r.Leads, r.Qualified, r.Nurture, r.Rejected, r.Converted, r.Lost, r.Open, r.NoOutcome, moneyCell(r.Revenue))
	if r.OutsidePeriod > 0 || r.NoDate > 0 {
		s += fmt.Sprintf(" (%d rows read: %d outside the period, %d without a readable created date)", r.RowsRead, r.OutsidePeriod, r.NoDate)
	}
	return s
}

// notes are the lines under the headline: the overall rate, how dates
// were read, missing revenue and outcomes.
func (r *Report) notes() []string {
	out := []string{"Conversion among closed leads: " + rateSentence(r.Conversion) + "."}
	for _, d := range r.Dates {
		if d.Mixed || d.DayFirst > 0 || d.Ambiguous > 0 && d.Order == dayFirst.String() {
			out = append(out, "Dates: "+d.Note+".")
		}
	}
	if r.RevenueNote != "" {
		out = append(out, "Revenue: "+NoRevenueColumn+" in the input: revenue figures are unknown, not 0.")
	}
	if note := r.outcomeNote(); note != "" {
		out = append(out, note)
	}
	return out
}

func (r *Report) outcomeNote() string {
	if r.NoOutcome == 0 {
		return ""
	}
	return fmt.Sprintf("%d leads have no outcome (blank or unreadable outcome cells, or no outcome column): reported apart, never as lost deals.", r.NoOutcome)
}

// rateSentence says a rate in words: "31.0% (95% interval 25.5% to
// 36.6%), 81 of 263 closed leads".
func rateSentence(rt Rate) string {
	switch {
	case rt.Closed == 0:
		return "no closed lead"
	case !rt.Judged:
		return fmt.Sprintf("%s: %d of %d closed leads converted", TooFew, rt.Converted, rt.Closed)
	}
	return fmt.Sprintf("%s (95%% interval %s), %d of %d closed leads", rendering.Percent(*rt.Rate), interval(rt), rt.Converted, rt.Closed)
}

func interval(rt Rate) string {
	if rt.Low == nil {
		return "-"
	}
	return rendering.Percent(*rt.Low) + " to " + rendering.Percent(*rt.High)
}

func rateCell(rt Rate) string {
	switch {
	case rt.Closed == 0:
		return "no closed lead"
	case !rt.Judged:
		return TooFew
	}
	return rendering.Percent(*rt.Rate)
}

func (r *Report) columnTable() *rendering.Table {
	if len(r.OutcomeColumns) == 0 {
		return &rendering.Table{Header: []string{"Outcome columns"}, Numeric: []bool{false},
			Rows: [][]string{{"none found: no lead status, deal stage, converted, opportunity, lifecycle stage, deals or deal amount column"}}}
	}
	t := &rendering.Table{Header: []string{"File", "Column", "Read as", "Verdict", "Why", "Not read"}, Numeric: []bool{false, false, false, false, false, false}}
	for _, c := range r.OutcomeColumns {
		t.Rows = append(t.Rows, []string{c.File, c.Header, c.Field, c.Verdict, c.Why, strings.Join(c.Examples, ", ")})
	}
	return t
}

func (r *Report) disagreementTitle() string {
	return fmt.Sprintf("Rows whose outcome columns disagree: %d", r.DisagreeingRows)
}

func (r *Report) disagreementTable() *rendering.Table {
	if len(r.Disagreements) == 0 {
		return nil
	}
	t := &rendering.Table{Header: []string{"Columns", "Decided", "Rows", "First rows"}, Numeric: []bool{false, false, true, false}}
	for _, d := range r.Disagreements {
		t.Rows = append(t.Rows, []string{d.Columns, d.Decided, itoa(d.Count), strings.Join(d.Rows, ", ")})
	}
	return t
}

func (r *Report) sourceTable() *rendering.Table {
	t := &rendering.Table{Header: []string{"Source", "Leads", "Qualified", "Converted", "Lost", "Open", "No outcome", "Revenue", "Revenue/lead", "Junk by reason"},
		Numeric: []bool{false, true, true, true, true, true, true, true, true, false}}
	for _, g := range r.Sources {
		var junk []string
		for i, j := range g.Junk {
			if i == 3 {
				junk = append(junk, fmt.Sprintf("+%d more", len(g.Junk)-3))
				break
			}
			junk = append(junk, fmt.Sprintf("%s %s", j.Reason, rendering.Percent(j.Share)))
		}
		t.Rows = append(t.Rows, []string{g.Name, itoa(g.Leads), itoa(g.Qualified), itoa(g.Converted), itoa(g.Lost), itoa(g.Open), itoa(g.NoOutcome),
			moneyCell(g.Revenue), moneyCell(g.RevenuePerLead), strings.Join(junk, ", ")})
	}
	return t
}

// namedRate is a group's name and rate, for the rate tables.
type namedRate struct {
	name string
	rate Rate
}

func (r *Report) sourceRates() []namedRate {
	var out []namedRate
	for _, g := range r.Sources {
		out = append(out, namedRate{g.Name, g.Conversion})
	}
	return out
}

func (r *Report) reasonRates() []namedRate {
	var out []namedRate
	for _, c := range r.ReasonCosts {
		out = append(out, namedRate{string(c.Reason), c.Conversion})
	}
	return out
}

// RankRates orders groups for a rate table: judged groups by rate (then
// closed leads, then name), then the groups too small to judge, by
// closed leads and name; ranks are 1, 2, ... for judged groups, 0 for
// the others.
func rankRates(groups []namedRate) []namedRate {
	out := append([]namedRate(nil), groups...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.rate.Judged != b.rate.Judged {
			return a.rate.Judged
		}
		if a.rate.Judged && *a.rate.Rate != *b.rate.Rate {
			return *a.rate.Rate > *b.rate.Rate
		}
		if a.rate.Closed != b.rate.Closed {
			return a.rate.Closed > b.rate.Closed
		}
		return a.name < b.name
	})
	return out
}

func rateTable(first string, groups []namedRate) *rendering.Table {
	t := &rendering.Table{Header: []string{"Rank", first, "Closed", "Converted", "Conversion", "95% interval"},
		Numeric: []bool{true, false, true, true, true, false}}
	for i, g := range rankRates(groups) {
		rank := "-"
		if g.rate.Judged {
			rank = itoa(i + 1)
		}
		t.Rows = append(t.Rows, []string{rank, g.name, itoa(g.rate.Closed), itoa(g.rate.Converted), rateCell(g.rate), interval(g.rate)})
	}
	return t
}

// costTable is the cost table, in the sources' order.
func (r *Report) costTable() *rendering.Table {
	h, n := rendering.CostHeader(r.Costs.Currency, true)
	t := &rendering.Table{Header: h, Numeric: n}
	for _, g := range r.Sources {
		if g.Costs == nil {
			continue
		}
		row := append([]string{g.Name, itoa(g.Leads), itoa(g.Qualified), itoa(g.Converted), moneyCell(g.Revenue)}, rendering.OutcomeCostCells(*g.Costs)...)
		if g.Revenue == nil && g.Costs.Given {
			row[len(row)-1] = NoRevenueColumn
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func (r *Report) backtestTable() *rendering.Table {
	t := &rendering.Table{Header: []string{"Decision", "Converted", "Lost", "Open", "No outcome", "Revenue", "Conversion", "95% interval"},
		Numeric: []bool{false, true, true, true, true, true, true, false}}
	for _, st := range decisions {
		c := r.Backtest.Row(st)
		t.Rows = append(t.Rows, []string{string(st), itoa(c.Converted), itoa(c.Lost), itoa(c.Open), itoa(c.NoOutcome), moneyCell(c.Revenue),
			rateCell(c.Conversion), interval(c.Conversion)})
	}
	return t
}

func (r *Report) backtestNote() string {
	s := fmt.Sprintf("%d qualified leads were lost; %d are still open. ", r.QualifiedNeverConverted, r.Backtest.Qualified.Open)
	q, rj := r.Backtest.Qualified.Conversion, r.Backtest.Rejected.Conversion
	switch {
	case r.Lift.Value != nil:
		s += fmt.Sprintf("Lift: qualified leads converted %.2f times as often as rejected ones (%s against %s).", *r.Lift.Value, rendering.Percent(*q.Rate), rendering.Percent(*rj.Rate))
	default:
		s += "Lift of qualified over rejected leads: " + r.Lift.Note + "."
	}
	return s
}

func (r *Report) reasonCostTable() *rendering.Table {
	t := &rendering.Table{Header: []string{"Reason", "Action", "Found", "Converted rejected", "Revenue rejected", "Converted nurtured", "Revenue nurtured",
		"Lost rejected", "Lost nurtured"}, Numeric: []bool{false, false, true, true, true, true, true, true, true}}
	for _, c := range r.ReasonCosts {
		t.Rows = append(t.Rows, []string{string(c.Reason), c.Action, itoa(c.Found), itoa(c.Rejected), moneyCell(c.RejectedRevenue),
			itoa(c.Nurtured), moneyCell(c.NurturedRevenue), itoa(c.LostRejected), itoa(c.LostNurtured)})
	}
	return t
}

var outcomeSeries = []string{"converted", "lost", "open", "no outcome"}
var outcomeColors = []string{"#2e7d32", "#c62828", "#1565c0", "#757575"}

// HTMLPage returns the audit as a self-contained HTML page with the
// same numbers as the table and the JSON.
func (r *Report) HTMLPage() *rendering.Page {
	p := &rendering.Page{Title: "leadclean audit", Subtitle: fmt.Sprintf("Rulebook %s, %s. %s.", r.Rulebook, r.Period, r.headline())}
	funnel := &rendering.Chart{Label: "Leads per source by outcome", Series: outcomeSeries, Colors: outcomeColors}
	for _, g := range r.Sources {
		funnel.Rows = append(funnel.Rows, rendering.ChartRow{Label: g.Name,
			Values: []float64{float64(g.Converted), float64(g.Lost), float64(g.Open), float64(g.NoOutcome)},
			Note:   fmt.Sprintf("%d of %d converted, %s", g.Converted, g.Leads, moneyCell(g.Revenue))})
	}
	p.Sections = append(p.Sections, rendering.AgreementSection(r.Agreement),
		rendering.Section{Title: "Outcomes", Note: strings.Join(r.notes(), " "), Table: r.columnTable()})
	if t := r.disagreementTable(); t != nil {
		p.Sections = append(p.Sections, rendering.Section{Title: r.disagreementTitle(), Note: DecidingRule, Table: t})
	}
	p.Sections = append(p.Sections, rendering.Section{Title: "Funnel per lead source", Chart: funnel, Table: r.sourceTable()},
		rendering.Section{Title: "Conversion among closed leads, by lead source", Note: rateNote, Table: rateTable("Source", r.sourceRates())})
	if r.Costs != nil {
		t := r.costTable()
		p.Sections = append(p.Sections, rendering.Section{Title: "Cost per lead source", Note: rendering.CostNote(r.Costs),
			Chart: rendering.CostChart(t.Rows, 2, 7), Table: t})
	}
	if r.Targets != nil {
		p.Sections = append(p.Sections, rendering.Section{Title: r.Targets.title(),
			Note:  "Each target of the agreement against the period's result; a month counts by the share of its days in the period.",
			Table: &rendering.Table{Header: targetHeader, Numeric: targetNumeric, Rows: r.Targets.rows()}})
	} else if note := r.targetNote(); note != "" {
		p.Sections = append(p.Sections, rendering.Section{Title: "Against the agreement", Note: note})
	}

	bt := &rendering.Chart{Label: "The rulebook's decision against the outcome", Series: outcomeSeries, Colors: outcomeColors}
	for _, st := range decisions {
		c := r.Backtest.Row(st)
		bt.Rows = append(bt.Rows, rendering.ChartRow{Label: string(st), Values: []float64{float64(c.Converted), float64(c.Lost), float64(c.Open), float64(c.NoOutcome)},
			Note: fmt.Sprintf("%d converted, %s", c.Converted, moneyCell(c.Revenue))})
	}
	p.Sections = append(p.Sections, rendering.Section{Title: "Backtest", Note: r.backtestNote(), Chart: bt, Table: r.backtestTable()},
		rendering.Section{Title: "Conversion among closed leads, by reason", Note: rateNote, Table: rateTable("Reason", r.reasonRates())})

	cost := &rendering.Chart{Label: "Each reason: converted leads sent away, lost leads kept out", Series: []string{"converted sent away", "lost kept out"},
		Colors: []string{"#c62828", "#2e7d32"}}
	for _, c := range r.ReasonCosts {
		if c.Rejected+c.Nurtured+c.LostRejected+c.LostNurtured == 0 {
			continue
		}
		cost.Rows = append(cost.Rows, rendering.ChartRow{Label: string(c.Reason), Values: []float64{float64(c.Rejected + c.Nurtured), float64(c.LostRejected + c.LostNurtured)},
			Note: "revenue sent away " + moneyCell(sum(c.RejectedRevenue, c.NurturedRevenue))})
	}
	sec := rendering.Section{Title: "Cost of each reason", Note: reasonCostNote, Chart: cost, Table: r.reasonCostTable()}
	if len(cost.Rows) == 0 {
		sec.Chart = nil
	}
	p.Sections = append(p.Sections, sec)
	return p
}

func sum(a, b *float64) *float64 {
	if a == nil || b == nil {
		return nil
	}
	v := *a + *b
	return &v
}

// WriteHTML writes the audit as a self-contained HTML page.
func (r *Report) WriteHTML(w io.Writer) error { return r.HTMLPage().Write(w) }

// Write renders the comparison as table, json or markdown.
func (c *Comparison) Write(w io.Writer, f rendering.Format) error {
	switch f {
	case rendering.FormatJSON:
		return rendering.WriteJSON(w, c)
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

// moneyCell writes an amount, or "no revenue column" for nil.
func moneyCell(p *float64) string {
	if p == nil {
		return NoRevenueColumn
	}
	return money(*p)
}

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
