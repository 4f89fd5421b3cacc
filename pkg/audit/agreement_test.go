package audit_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/leadclean/leadclean/pkg/audit"
	"github.com/leadclean/leadclean/pkg/costs"
	"github.com/leadclean/leadclean/pkg/pipeline"
	"github.com/leadclean/leadclean/pkg/rendering"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

func TestMonths(t *testing.T) {
	day := func(s string) audit.Date {
		d, err := audit.ParseDay(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	q3, err := audit.ParseQuarter("2026Q3")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		p    audit.Period
		want float64
	}{
		{"a quarter", q3, 3},
		{"one month", audit.Period{Since: day("2026-02-01"), Until: day("2026-02-28")}, 1},
		{"half of July", audit.Period{Since: day("2026-07-01"), Until: day("2026-07-16")}, 16.0 / 31},
		{"across a year end", audit.Period{Since: day("2026-12-16"), Until: day("2027-01-31")}, 16.0/31 + 1},
		{"one day", audit.Period{Since: day("2026-07-01"), Until: day("2026-07-01")}, 1.0 / 31},
		{"open end", audit.Period{Since: day("2026-07-01")}, 0},
		{"open start", audit.Period{Until: day("2026-07-01")}, 0},
		{"no period", audit.Period{}, 0},
		{"reversed", audit.Period{Since: day("2026-07-02"), Until: day("2026-07-01")}, 0},
	}
	for _, tt := range tests {
		if got := audit.Months(tt.p); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: Months = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// agreementExport has three sources over Q3 2026 and one row outside.
const agreementExport = `First Name,Last Name,Company,Email,Phone,Lead Source,IsConverted,Closed Won Amount,Create Date
Ann,Archer,Acme Freight,ann.archer@acme-freight.com,+1 415 392 1234,Partner Referral,true,"$30,000",2026-07-03
Bob,Baker,Baker Tools,bob@bakertools.com,+1 212 736 5000,Partner Referral,false,,2026-08-03
Cid,Cole,Cole Labs,cid@cole-labs.com,+1 312 744 5000,Trade Show,false,,2026-07-20
Dee,Dunn,Dunn Oil,dee@dunn-oil.com,,Trade Show,false,,2026-07-20
Eve,Egan,student,eve@mit.edu,,Trade Show,false,,2026-07-20
Fay,Fox,Fox Media,fay@foxmedia.com,+1 617 253 1000,Web,true,"$5,000",2026-09-01
Gus,Gray,Gray Inc,gus@grayinc.com,,Web,false,,2026-10-01
`

func TestAgreementAndCosts(t *testing.T) {
	q3, _ := audit.ParseQuarter("2026Q3")
	c, err := costs.Read("costs.csv", strings.NewReader("lead source,cost,currency,period\nTrade Show,9000,USD,2026Q3\nPartner Referral,600,USD,2026-07\nTrade Show,5000,USD,2026Q4\nPodcast,100,USD,\n"),
		costs.Options{Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	agreement := &rulebook.Agreement{Version: "1", Date: "2026-06-15", Sales: "S", Marketing: "M", QualifiedPerMonth: 2,
		MarketingShare: 0.5, MarketingSources: []string{"trade show", "Web"},
		Sources: []rulebook.SourceTarget{{Source: "Partner Referral", QualifiedPerMonth: 1}, {Source: "Trade Show", MaxCostPerQualified: 1000},
			{Source: "Web", MaxCostPerQualified: 50}}}
	a := audit.New(audit.Options{Rulebook: "(default)", Period: q3, Agreement: agreement,
		Costs: c.Select(time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC))})
	if _, err := pipeline.Run(context.Background(), pipeline.Config{Inputs: []pipeline.Input{{Name: "q3.csv", R: strings.NewReader(agreementExport)}},
		Observe: a.Observe}); err != nil {
		t.Fatal(err)
	}
	r := a.Report()
	by := map[string]*audit.SourceStats{}
	for _, g := range r.Sources {
		by[g.Name] = g
	}
	ts, pr, web := by["Trade Show"], by["Partner Referral"], by["Web"]
	if ts == nil || pr == nil || web == nil || r.Rows != 6 {
		t.Fatalf("sources %v, rows %d", by, r.Rows)
	}
	// Costs: Q3 only; Web has none given; Podcast has a cost but no lead.
	if ts.Costs == nil || !ts.Costs.Given || *ts.Costs.Cost != 9000 || *ts.Costs.PerLead != 3000 {
		t.Errorf("Trade Show costs %+v", ts.Costs)
	}
	if ts.Qualified > 0 && *ts.Costs.PerQualified != 9000/float64(ts.Qualified) {
		t.Errorf("Trade Show cost per qualified %v with %d qualified", *ts.Costs.PerQualified, ts.Qualified)
	}
	if ts.Costs.PerConverted != nil || ts.Costs.RevenuePerCost == nil || *ts.Costs.RevenuePerCost != 0 {
		t.Errorf("Trade Show converted nothing: %+v", ts.Costs)
	}
	if *pr.Costs.PerConverted != 600 || *pr.Costs.RevenuePerCost != 50 {
		t.Errorf("Partner Referral: per converted %v, revenue per cost %v; want 600, 50", *pr.Costs.PerConverted, *pr.Costs.RevenuePerCost)
	}
	if web.Costs == nil || web.Costs.Given || web.Costs.Cost != nil {
		t.Errorf("Web has no cost given, got %+v", web.Costs)
	}
	if len(r.Costs.NotInLeads) != 1 || r.Costs.NotInLeads[0] != "Podcast" {
		t.Errorf("not in leads %v", r.Costs.NotInLeads)
	}
	// Targets over 3 months.
	if r.Targets == nil || r.Targets.Months != 3 {
		t.Fatalf("targets %+v", r.Targets)
	}
	marketingQ := ts.Qualified + web.Qualified
	want := map[string]struct {
		actual *float64
		met    bool
	}{
		"qualified_per_month ":                 {ptr(float64(r.Qualified) / 3), float64(r.Qualified)/3 >= 2},
		"marketing_share ":                     {ptr(float64(marketingQ) / float64(r.Qualified)), float64(marketingQ)/float64(r.Qualified) >= 0.5},
		"marketing_qualified_per_month ":       {ptr(float64(marketingQ) / 3), float64(marketingQ)/3 >= 1},
		"qualified_per_month Partner Referral": {ptr(float64(pr.Qualified) / 3), float64(pr.Qualified)/3 >= 1},
		"cost_per_qualified Trade Show":        {ts.Costs.PerQualified, ts.Costs.PerQualified != nil && *ts.Costs.PerQualified <= 1000},
		"cost_per_qualified Web":               {nil, false},
	}
	if len(r.Targets.Measures) != len(want) {
		t.Errorf("%d measures, want %d: %+v", len(r.Targets.Measures), len(want), r.Targets.Measures)
	}
	for _, m := range r.Targets.Measures {
		w, ok := want[m.Measure+" "+m.Source]
		if !ok {
			t.Errorf("unexpected measure %+v", m)
			continue
		}
		if (m.Actual == nil) != (w.actual == nil) || m.Actual != nil && math.Abs(*m.Actual-*w.actual) > 1e-9 || m.Met != w.met {
			t.Errorf("%s %s: actual %v met %v; want %v %v", m.Measure, m.Source, m.Actual, m.Met, w.actual, w.met)
		}
	}
	// Every format carries the agreement, the costs and the targets.
	for _, f := range []rendering.Format{rendering.FormatTable, rendering.FormatMarkdown, rendering.FormatJSON} {
		var buf bytes.Buffer
		if err := r.Write(&buf, f); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, s := range []string{"Agreement 1 of 2026-06-15 between S (sales) and M (marketing)", "no cost given", "Against the agreement: 3.0 months", "marketing's share of qualified leads"} {
			if f == rendering.FormatJSON {
				break
			}
			if !strings.Contains(out, s) {
				t.Errorf("%s output lacks %q", f, s)
			}
		}
		if f == rendering.FormatJSON {
			var back struct {
				Agreement struct{ Version string }
				Targets   struct {
					Months   float64
					Measures []audit.Measure
				}
				Sources []struct {
					Name  string
					Costs *struct {
						Given          bool
						Cost           *float64
						PerConverted   *float64 `json:"per_converted"`
						RevenuePerCost *float64 `json:"revenue_per_cost"`
					}
				}
			}
			if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
				t.Fatal(err)
			}
			if back.Agreement.Version != "1" || back.Targets.Months != 3 || len(back.Targets.Measures) != len(want) {
				t.Errorf("JSON agreement/targets: %+v", back)
			}
			for _, s := range back.Sources {
				if s.Costs == nil || (s.Name == "Web") == s.Costs.Given {
					t.Errorf("JSON source %s costs %+v", s.Name, s.Costs)
				}
			}
			if !strings.Contains(out, `"cost": null`) {
				t.Error("JSON does not show the missing cost as null")
			}
		}
	}
	var page bytes.Buffer
	if err := r.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"<h2>Agreement</h2>", "<h2>Cost per lead source</h2>", "<h2>Against the agreement: 3.0 months</h2>", "above the ceiling"} {
		if !strings.Contains(page.String(), s) && !(s == "above the ceiling" && ts.Costs.PerQualified != nil && *ts.Costs.PerQualified <= 1000) {
			t.Errorf("HTML lacks %q", s)
		}
	}
}

func TestTargetsNeedABoundedPeriod(t *testing.T) {
	since, _ := audit.ParseDay("2026-07-01")
	a := audit.New(audit.Options{Period: audit.Period{Since: since}, Agreement: &rulebook.Agreement{Version: "1", Date: "2026-06-15", Sales: "S", Marketing: "M", QualifiedPerMonth: 2}})
	if _, err := pipeline.Run(context.Background(), pipeline.Config{Inputs: []pipeline.Input{{Name: "q3.csv", R: strings.NewReader(agreementExport)}},
		Observe: a.Observe}); err != nil {
		t.Fatal(err)
	}
	r := a.Report()
	var buf bytes.Buffer
	if err := r.Write(&buf, rendering.FormatTable); err != nil {
		t.Fatal(err)
	}
	if r.Targets != nil || !strings.Contains(buf.String(), "give --quarter, or --since and --until") {
		t.Errorf("an open period set targets: %+v\n%s", r.Targets, buf.String())
	}
	// No agreement: the report says so and has no targets.
	a = audit.New(audit.Options{})
	r = a.Report()
	buf.Reset()
	if err := r.Write(&buf, rendering.FormatTable); err != nil {
		t.Fatal(err)
	}
	if r.Targets != nil || !strings.Contains(buf.String(), "Agreement: none") {
		t.Errorf("no agreement:\n%s", buf.String())
	}
}

func ptr(v float64) *float64 { return &v }
