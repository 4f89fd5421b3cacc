package audit_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
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
	converted bool
	known     bool // the file has outcome columns
	revenue   float64
	created   time.Time
	dated     bool
	source    string
}

// quarter writes a Salesforce export with outcome columns added: a
// planted junk row converts rarely, a clean one often; a converted row
// says so in one of three ways (IsConverted, Lead Status "Closed -
// Converted", only a Converted Opportunity), most with a Closed Won
// Amount. It returns the file and the truth per row, in order.
func quarter(t *testing.T, rows int, seed int64) ([]byte, []truth) {
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
	statusCol, createdCol, sourceCol := col("Lead Status"), col("Create Date"), col("Lead Source")
	rng := rand.New(rand.NewPCG(uint64(seed), 99))
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	_ = w.Write(append(head, "IsConverted", "Converted Opportunity", "Closed Won Amount"))
	var truths []truth
	for i, rec := range records[1:] {
		tr := truth{known: true, source: rec[sourceCol]}
		tr.created, err = time.Parse("1/2/2006", rec[createdCol])
		tr.dated = err == nil
		chance := 25
		if junk[i] {
			chance = 4
		}
		isConverted, opportunity, amount := "false", "", ""
		if rng.IntN(100) < chance {
			tr.converted = true
			switch rng.IntN(3) {
			case 0:
				isConverted = "true"
			case 1:
				rec[statusCol] = "Closed - Converted"
			case 2:
				isConverted = ""
				opportunity = fmt.Sprintf("%s - New Business", rec[col("Company / Account")])
			}
			if rng.IntN(10) < 7 {
				n := 1000 * (1 + rng.IntN(90))
				tr.revenue = float64(n)
				amount = fmt.Sprintf("$%d,%03d", n/1000, n%1000)
			}
		}
		truths = append(truths, tr)
		_ = w.Write(append(rec, isConverted, opportunity, amount))
	}
	w.Flush()
	return out.Bytes(), truths
}

func TestAuditGeneratedQuarter(t *testing.T) {
	data, truths := quarter(t, 4000, 7)
	// A second file with no outcome column: its rows are no outcome.
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
	type cell struct {
		converted, notConverted, unknown int
		revenue                          float64
	}
	want := map[lead.Status]*cell{lead.Qualified: {}, lead.Nurture: {}, lead.Rejected: {}}
	inPeriod, outside, noDate, neverConverted := 0, 0, 0, 0
	costRejected := map[lead.Reason]int{}
	costRevenue := map[lead.Reason]float64{}
	sourceRevenue := map[string]float64{}
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
		c := want[st]
		switch {
		case !tr.known:
			c.unknown++
		case tr.converted:
			c.converted++
			c.revenue += tr.revenue
			name := tr.source
			if name == "" {
				name = "(file) form.csv"
			}
			sourceRevenue[name] += tr.revenue
			if st == lead.Rejected {
				for _, f := range decided[i].Verdict.Findings {
					costRejected[f.Reason]++
					costRevenue[f.Reason] += tr.revenue
				}
			}
		default:
			c.notConverted++
			if st == lead.Qualified {
				neverConverted++
			}
		}
	}
	if inPeriod < 500 || outside < 500 {
		t.Fatalf("the generated quarter should straddle the period: %d in, %d out", inPeriod, outside)
	}
	if got.Rows != inPeriod || got.OutsidePeriod != outside || got.NoDate != noDate || noDate == 0 {
		t.Errorf("rows %d, outside %d, no date %d; want %d, %d, %d (not 0)", got.Rows, got.OutsidePeriod, got.NoDate, inPeriod, outside, noDate)
	}
	for _, st := range []lead.Status{lead.Qualified, lead.Nurture, lead.Rejected} {
		g, w := got.Backtest.Row(st), want[st]
		if g.Converted != w.converted || g.NotConverted != w.notConverted || g.Unknown != w.unknown || g.Revenue != w.revenue {
			t.Errorf("backtest %s: got %+v, want %+v", st, *g, *w)
		}
	}
	if want[lead.Rejected].converted == 0 || want[lead.Qualified].converted == 0 || want[lead.Qualified].unknown == 0 {
		t.Errorf("the generated quarter does not exercise the table: %+v %+v", *want[lead.Qualified], *want[lead.Rejected])
	}
	if got.QualifiedNeverConverted != neverConverted {
		t.Errorf("qualified never converted %d, want %d", got.QualifiedNeverConverted, neverConverted)
	}
	for _, c := range got.ReasonCosts {
		if c.Rejected != costRejected[c.Reason] || c.RejectedRevenue != costRevenue[c.Reason] {
			t.Errorf("cost of %s: %d leads, %v revenue; want %d, %v", c.Reason, c.Rejected, c.RejectedRevenue, costRejected[c.Reason], costRevenue[c.Reason])
		}
		delete(costRejected, c.Reason)
	}
	for r, n := range costRejected {
		t.Errorf("reason %s rejected %d converted leads but is not in the report", r, n)
	}
	total := 0.0
	for _, g := range got.Sources {
		if g.Revenue != sourceRevenue[g.Name] {
			t.Errorf("source %q revenue %v, want %v", g.Name, g.Revenue, sourceRevenue[g.Name])
		}
		if g.Leads > 0 && g.RevenuePerLead != g.Revenue/float64(g.Leads) {
			t.Errorf("source %q revenue per lead %v", g.Name, g.RevenuePerLead)
		}
		total += g.Revenue
	}
	if total != got.Revenue {
		t.Errorf("sources' revenue %v, total %v", total, got.Revenue)
	}

	// The renderings agree: JSON holds the same backtest; the HTML page
	// renders in a real browser.
	var js bytes.Buffer
	if err := got.Write(&js, rendering.FormatJSON); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js.String(), fmt.Sprintf(`"qualified_never_converted": %d`, neverConverted)) {
		t.Errorf("JSON lacks qualified_never_converted %d", neverConverted)
	}
	var table bytes.Buffer
	if err := got.Write(&table, rendering.FormatTable); err != nil {
		t.Fatal(err)
	}
	for _, st := range []lead.Status{lead.Qualified, lead.Nurture, lead.Rejected} {
		w := want[st]
		row := fmt.Sprintf("| %-9s | %9d | %13d | %10d |", st, w.converted, w.notConverted, w.unknown)
		if !strings.Contains(table.String(), row) {
			t.Errorf("table lacks %q:\n%s", row, table.String())
		}
	}
	var page bytes.Buffer
	if err := got.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	renderingtest.CheckRendersInChromium(t, page.Bytes(), 3)
}
