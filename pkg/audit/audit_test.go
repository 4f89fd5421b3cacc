package audit_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/leadclean/leadclean/pkg/audit"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadgen"
	"github.com/leadclean/leadclean/pkg/pipeline"
	"github.com/leadclean/leadclean/pkg/rendering"
	"github.com/leadclean/leadclean/pkg/rendering/renderingtest"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

// truth is what the generator decided for one row.
type truth struct {
	outcome  audit.Outcome
	conflict bool // its outcome columns disagree
	revenue  float64
	created  time.Time
	dated    bool
	source   string
	// hasRevenue: the row's file has a deal amount column.
	hasRevenue bool
}

// quarter writes a Salesforce lead export with outcome columns added
// (IsConverted, Deal Stage, a title-only Opportunity column as Odoo
// writes it, Closed Won Amount) and decides each row's outcome: a planted
// junk row converts rarely, a clean one often; the others are lost, still
// open, or blank. Outcomes are written in several ways, some with columns
// that disagree. It returns the file and the truth per row, in order.
func quarter(t testing.TB, rows int, seed int64) ([]byte, []truth) {
	t.Helper()
	var gen bytes.Buffer
	var junk []bool
	if err := leadgen.Write(&gen, leadgen.Options{Rows: rows, Seed: seed, Style: leadgen.Salesforce},
		func(l leadgen.Label) { junk = append(junk, len(l.Reasons) > 0) }); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(gen.Bytes(), []byte("\ufeff"))))
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := records[0]
	col := func(name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %q in %q", name, head)
		return -1
	}
	statusCol, createdCol, sourceCol, companyCol := col("Lead Status"), col("Create Date"), col("Lead Source"), col("Company / Account")
	rng := rand.New(rand.NewPCG(uint64(seed), 99))
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	_ = w.Write(append(head, "IsConverted", "Deal Stage", "Opportunity", "Closed Won Amount"))
	var truths []truth
	for i, rec := range records[1:] {
		tr := truth{source: rec[sourceCol], hasRevenue: true}
		tr.created, err = time.Parse("1/2/2006", rec[createdCol])
		tr.dated = err == nil
		converts := 30
		if junk[i] {
			converts = 5
		}
		status, isConverted, stage, amount := "", "", "", ""
		// Odoo's Opportunity column: the lead's title, on every row.
		title := "Office Design for " + rec[companyCol]
		roll := rng.IntN(100)
		switch {
		case roll < converts:
			tr.outcome = audit.Converted
			switch rng.IntN(4) {
			case 0:
				status, isConverted = "Closed - Converted", "true"
			case 1:
				isConverted = "true"
			case 2:
				stage = "Closed Won"
			case 3:
				// Real data: the status says converted, the flag does not.
				status, isConverted, tr.conflict = "Closed - Converted", "FALSE", true
			}
			if rng.IntN(10) < 7 {
				n := 1000 * (1 + rng.IntN(90))
				tr.revenue = float64(n)
				amount = fmt.Sprintf("$%d,%03d", n/1000, n%1000)
			}
		case roll < converts+35:
			tr.outcome = audit.Lost
			switch rng.IntN(4) {
			case 0:
				status, isConverted = "Closed - Not Converted", "false"
			case 1:
				stage = "Closed Lost"
			case 2:
				status = "Unqualified"
			case 3:
				// The lead is still "working" but its deal was lost.
				status, stage, tr.conflict = "Working - Contacted", "Closed Lost", true
			}
		case roll < converts+70:
			tr.outcome = audit.Open
			switch rng.IntN(3) {
			case 0:
				status, isConverted = "Open - Not Contacted", "false"
			case 1:
				status, isConverted = "Working - Contacted", "false"
			case 2:
				stage = "Negotiation/Review"
			}
		default:
			tr.outcome = audit.NoOutcome // every outcome cell blank
		}
		rec[statusCol] = status
		truths = append(truths, tr)
		_ = w.Write(append(rec, isConverted, stage, title, amount))
	}
	w.Flush()
	return out.Bytes(), truths
}

// wilson is the Wilson score interval written as Wilson (1927) did, to
// check audit.Wilson against a second derivation:
// (2np + z² ± z·sqrt(z² + 4np(1-p))) / (2(n + z²)).
func wilson(k, n int) (float64, float64) {
	const z = 1.95996
	nf, p := float64(n), float64(k)/float64(n)
	root := z * math.Sqrt(z*z+4*nf*p*(1-p))
	return (2*nf*p + z*z - root) / (2 * (nf + z*z)), (2*nf*p + z*z + root) / (2 * (nf + z*z))
}

// counts are one group's expected numbers.
type counts struct {
	outcomes [4]int
	revenue  float64
}

func (c *counts) checkRate(t *testing.T, what string, got audit.Rate) {
	t.Helper()
	conv, closed := c.outcomes[audit.Converted], c.outcomes[audit.Converted]+c.outcomes[audit.Lost]
	if got.Converted != conv || got.Closed != closed || got.Judged != (closed >= audit.MinClosed) {
		t.Errorf("%s: rate over %d of %d (judged %v), want %d of %d", what, got.Converted, got.Closed, got.Judged, conv, closed)
		return
	}
	if closed == 0 {
		if got.Rate != nil {
			t.Errorf("%s: a rate with no closed lead", what)
		}
		return
	}
	lo, hi := wilson(conv, closed)
	if math.Abs(*got.Rate-float64(conv)/float64(closed)) > 1e-12 || math.Abs(*got.Low-lo) > 1e-9 || math.Abs(*got.High-hi) > 1e-9 {
		t.Errorf("%s: %v (%v to %v), want %v (%v to %v)", what, *got.Rate, *got.Low, *got.High, float64(conv)/float64(closed), lo, hi)
	}
	if !got.Judged && got.Note != audit.TooFew {
		t.Errorf("%s: note %q", what, got.Note)
	}
}

func TestAuditGeneratedQuarter(t *testing.T) {
	data, truths := quarter(t, 4000, 7)
	// A second file with no outcome column: its rows are no outcome and
	// its sources have no revenue column.
	var plain bytes.Buffer
	if err := leadgen.Write(&plain, leadgen.Options{Rows: 300, Seed: 8, Style: leadgen.FormDump}, nil); err != nil {
		t.Fatal(err)
	}
	plainRecords, err := csv.NewReader(bytes.NewReader(plain.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range plainRecords[1:] {
		tr := truth{source: rec[12]} // utm_source
		tr.created, err = time.Parse("2006-01-02T15:04:05Z", rec[1])
		tr.dated = err == nil
		truths = append(truths, tr)
	}

	period, err := audit.ParseQuarter("2026Q1")
	if err != nil {
		t.Fatal(err)
	}
	rules := rulebook.Default()
	a := audit.New(audit.Options{Rulebook: rules.Source, ActionFor: rules.ActionFor, Period: period})
	var decided []*lead.Lead
	_, err = pipeline.Run(context.Background(), pipeline.Config{Rules: rules,
		Inputs: []pipeline.Input{{Name: "q.csv", R: bytes.NewReader(data)}, {Name: "form.csv", R: bytes.NewReader(plain.Bytes())}},
		Observe: func(l *lead.Lead) {
			a.Observe(l)
			decided = append(decided, &lead.Lead{Verdict: lead.Verdict{Status: l.Verdict.Status, Findings: l.Verdict.Findings}})
		}})
	if err != nil {
		t.Fatal(err)
	}
	got := a.Report()
	if len(decided) != len(truths) {
		t.Fatalf("%d rows decided, %d generated", len(decided), len(truths))
	}

	// The expected numbers, from the generator's truth and each row's
	// decision, counted here without the audit package.
	byDecision := map[lead.Status]*counts{lead.Qualified: {}, lead.Nurture: {}, lead.Rejected: {}}
	bySource := map[string]*counts{}
	sourceHasRevenue := map[string]bool{}
	type reasonWant struct {
		counts
		convRejected, convNurtured, lostRejected, lostNurtured int
		revRejected, revNurtured                               float64
	}
	byReason := map[lead.Reason]*reasonWant{}
	var all counts
	inPeriod, outside, noDate, conflicts := 0, 0, 0, 0
	q1 := func(tm time.Time) bool { return tm.Year() == 2026 && tm.Month() <= 3 }
	for i, tr := range truths {
		if !tr.dated {
			noDate++ // abandoned forms have no submitted_at
			continue
		}
		if !q1(tr.created) {
			outside++
			continue
		}
		inPeriod++
		st := decided[i].Verdict.Status
		name := tr.source
		if name == "" {
			name = "(file) form.csv"
		}
		if bySource[name] == nil {
			bySource[name] = &counts{}
		}
		sourceHasRevenue[name] = sourceHasRevenue[name] || tr.hasRevenue
		for _, c := range []*counts{&all, byDecision[st], bySource[name]} {
			c.outcomes[tr.outcome]++
			c.revenue += tr.revenue
		}
		if tr.conflict {
			conflicts++
		}
		for _, f := range decided[i].Verdict.Findings {
			rw := byReason[f.Reason]
			if rw == nil {
				rw = &reasonWant{}
				byReason[f.Reason] = rw
			}
			rw.outcomes[tr.outcome]++
			switch {
			case tr.outcome == audit.Converted && st == lead.Rejected:
				rw.convRejected++
				rw.revRejected += tr.revenue
			case tr.outcome == audit.Converted && st == lead.Nurture:
				rw.convNurtured++
				rw.revNurtured += tr.revenue
			case tr.outcome == audit.Lost && st == lead.Rejected:
				rw.lostRejected++
			case tr.outcome == audit.Lost && st == lead.Nurture:
				rw.lostNurtured++
			}
		}
	}
	if inPeriod < 500 || outside < 500 {
		t.Fatalf("the generated quarter should straddle the period: %d in, %d out", inPeriod, outside)
	}
	if got.Rows != inPeriod || got.OutsidePeriod != outside || got.NoDate != noDate || noDate == 0 {
		t.Errorf("rows %d, outside %d, no date %d; want %d, %d, %d (not 0)", got.Rows, got.OutsidePeriod, got.NoDate, inPeriod, outside, noDate)
	}
	if got.Converted != all.outcomes[audit.Converted] || got.Lost != all.outcomes[audit.Lost] || got.Open != all.outcomes[audit.Open] ||
		got.NoOutcome != all.outcomes[audit.NoOutcome] {
		t.Errorf("totals %d converted, %d lost, %d open, %d no outcome; want %v", got.Converted, got.Lost, got.Open, got.NoOutcome, all.outcomes)
	}
	all.checkRate(t, "all leads", got.Conversion)
	if got.DisagreeingRows != conflicts || conflicts == 0 {
		t.Errorf("%d disagreeing rows, want %d (not 0)", got.DisagreeingRows, conflicts)
	}
	for _, st := range []lead.Status{lead.Qualified, lead.Nurture, lead.Rejected} {
		g, w := got.Backtest.Row(st), byDecision[st]
		if g.Converted != w.outcomes[audit.Converted] || g.Lost != w.outcomes[audit.Lost] || g.Open != w.outcomes[audit.Open] ||
			g.NoOutcome != w.outcomes[audit.NoOutcome] || g.Revenue == nil || *g.Revenue != w.revenue {
			t.Errorf("backtest %s: got %+v, want %+v", st, *g, *w)
		}
		w.checkRate(t, "backtest "+string(st), g.Conversion)
	}
	qualified, rejected := byDecision[lead.Qualified], byDecision[lead.Rejected]
	if rejected.outcomes[audit.Converted] == 0 || qualified.outcomes[audit.Open] == 0 || qualified.outcomes[audit.NoOutcome] == 0 {
		t.Errorf("the generated quarter does not exercise the table: %+v %+v", *qualified, *rejected)
	}
	if got.QualifiedNeverConverted != qualified.outcomes[audit.Lost] {
		t.Errorf("qualified never converted %d, want %d", got.QualifiedNeverConverted, qualified.outcomes[audit.Lost])
	}
	rate := func(c *counts) float64 {
		return float64(c.outcomes[audit.Converted]) / float64(c.outcomes[audit.Converted]+c.outcomes[audit.Lost])
	}
	if got.Lift.Value == nil || math.Abs(*got.Lift.Value-rate(qualified)/rate(rejected)) > 1e-9 {
		t.Errorf("lift %+v, want %v", got.Lift, rate(qualified)/rate(rejected))
	}
	for _, c := range got.ReasonCosts {
		w := byReason[c.Reason]
		if w == nil {
			t.Errorf("reason %s in the report, on no lead", c.Reason)
			continue
		}
		if c.Rejected != w.convRejected || value(c.RejectedRevenue) != w.revRejected || c.Nurtured != w.convNurtured ||
			value(c.NurturedRevenue) != w.revNurtured || c.LostRejected != w.lostRejected || c.LostNurtured != w.lostNurtured ||
			c.Open != w.outcomes[audit.Open] || c.NoOutcome != w.outcomes[audit.NoOutcome] {
			t.Errorf("reason %s: got %+v, want %+v", c.Reason, *c, *w)
		}
		w.checkRate(t, "reason "+string(c.Reason), c.Conversion)
		delete(byReason, c.Reason)
	}
	for r := range byReason {
		t.Errorf("reason %s found but not in the report", r)
	}
	judged, unjudged := 0, 0
	for _, g := range got.Sources {
		w := bySource[g.Name]
		if w == nil {
			t.Errorf("source %q not generated", g.Name)
			continue
		}
		if g.Converted != w.outcomes[audit.Converted] || g.Lost != w.outcomes[audit.Lost] || g.Open != w.outcomes[audit.Open] || g.NoOutcome != w.outcomes[audit.NoOutcome] {
			t.Errorf("source %q: got %+v, want %+v", g.Name, g.Totals, *w)
		}
		if sourceHasRevenue[g.Name] != (g.Revenue != nil) || g.Revenue != nil && *g.Revenue != w.revenue {
			t.Errorf("source %q revenue %v, want %v (a revenue column: %v)", g.Name, g.Revenue, w.revenue, sourceHasRevenue[g.Name])
		}
		w.checkRate(t, "source "+g.Name, g.Conversion)
		if g.Conversion.Judged {
			judged++
		} else {
			unjudged++
		}
	}
	if judged == 0 || unjudged == 0 {
		t.Errorf("%d sources judged, %d too small: the quarter should hold both", judged, unjudged)
	}
	// The title-only Opportunity column is refused by its content; the
	// others are taken.
	verdicts := map[string]string{}
	for _, c := range got.OutcomeColumns {
		if c.File == "q.csv" {
			verdicts[c.Header] = c.Verdict
		}
	}
	for h, v := range map[string]string{"Opportunity": "refused", "IsConverted": "taken", "Deal Stage": "taken", "Lead Status": "taken", "Closed Won Amount": "taken"} {
		if verdicts[h] != v {
			t.Errorf("column %q: %q, want %q (all: %v)", h, verdicts[h], v, verdicts)
		}
	}

	// The renderings agree: JSON, table and markdown hold the same
	// numbers; the HTML page renders in a real browser.
	var js bytes.Buffer
	if err := got.Write(&js, rendering.FormatJSON); err != nil {
		t.Fatal(err)
	}
	var back audit.Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.SchemaVersion != 2 || back.QualifiedNeverConverted != got.QualifiedNeverConverted || *back.Backtest.Qualified.Conversion.Low != *got.Backtest.Qualified.Conversion.Low {
		t.Errorf("JSON does not round-trip: %+v", back.Totals)
	}
	for _, f := range []rendering.Format{rendering.FormatTable, rendering.FormatMarkdown} {
		var out bytes.Buffer
		if err := got.Write(&out, f); err != nil {
			t.Fatal(err)
		}
		for _, st := range []lead.Status{lead.Qualified, lead.Nurture, lead.Rejected} {
			w := byDecision[st]
			if w.outcomes[audit.Converted]+w.outcomes[audit.Lost] == 0 {
				continue
			}
			lo, hi := wilson(w.outcomes[audit.Converted], w.outcomes[audit.Converted]+w.outcomes[audit.Lost])
			want := fmt.Sprintf("| %d | %d | %d | %d |", w.outcomes[audit.Converted], w.outcomes[audit.Lost], w.outcomes[audit.Open], w.outcomes[audit.NoOutcome])
			ival := fmt.Sprintf("%.1f%% to %.1f%%", lo*100, hi*100)
			if !strings.Contains(squeeze(out.String()), want) || !strings.Contains(out.String(), ival) {
				t.Errorf("%s lacks %q and %q:\n%s", f, want, ival, out.String())
			}
		}
		if !strings.Contains(out.String(), "Office Design for") || !strings.Contains(out.String(), "refused") {
			t.Errorf("%s does not show the refused Opportunity column", f)
		}
	}
	var page bytes.Buffer
	if err := got.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	// The page carries the same rates and intervals.
	for _, st := range []lead.Status{lead.Qualified, lead.Rejected} {
		w := byDecision[st]
		lo, hi := wilson(w.outcomes[audit.Converted], w.outcomes[audit.Converted]+w.outcomes[audit.Lost])
		if ival := fmt.Sprintf("%.1f%% to %.1f%%", lo*100, hi*100); !strings.Contains(page.String(), ival) {
			t.Errorf("HTML lacks the %s interval %s", st, ival)
		}
	}
	if !strings.Contains(page.String(), "refused") || !strings.Contains(page.String(), fmt.Sprintf("disagree: %d", conflicts)) {
		t.Error("HTML lacks the refused column or the disagreeing rows")
	}
	renderingtest.CheckRendersInChromium(t, page.Bytes(), 3)
}

// squeeze drops the padding of table cells.
func squeeze(s string) string {
	return regexp.MustCompile(` +\|`).ReplaceAllString(regexp.MustCompile(`\| +`).ReplaceAllString(s, "| "), " |")
}

func value(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}
