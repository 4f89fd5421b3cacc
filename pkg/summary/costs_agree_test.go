package summary_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/leadclean/leadclean/pkg/costs"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/pipeline"
	"github.com/leadclean/leadclean/pkg/rendering"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

// TestCostsAgreeWithOutputs cleans the prize-draw scenario with its
// costs and checks the JSON's per-source cost figures against the rows
// counted in the output files and the costs file's own sums.
func TestCostsAgreeWithOutputs(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "scenario")
	rules, err := rulebook.Load(filepath.Join(dir, "rulebook.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := costs.Load(filepath.Join(dir, "costs.csv"), costs.Options{Currency: rules.Currency, Convert: rules.ConvertMoney})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "leads-q3.csv"))
	if err != nil {
		t.Fatal(err)
	}
	outs := map[lead.Status]*bytes.Buffer{}
	summary, err := pipeline.Run(context.Background(), pipeline.Config{Rules: rules, Inputs: []pipeline.Input{{Name: "leads-q3.csv", R: bytes.NewReader(data)}},
		NewWriter: csvTo(func(s lead.Status) io.Writer { b := &bytes.Buffer{}; outs[s] = b; return b })})
	if err != nil {
		t.Fatal(err)
	}
	summary.ApplyCosts(c.Select(time.Time{}, time.Time{}))

	// Rows per source in the outputs.
	leads, qualified := map[string]int{}, map[string]int{}
	for st, b := range outs {
		recs, err := csv.NewReader(b).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := -1
		for i, h := range recs[0] {
			if h == "Lead Source" {
				col = i
			}
		}
		for _, rec := range recs[1:] {
			leads[rec[col]]++
			if st == lead.Qualified {
				qualified[rec[col]]++
			}
		}
	}
	// The costs file's sums, in USD: EUR at the rulebook's 1.08.
	want := map[string]float64{"Trade Show": 18500 + 1200, "Partner Referral": 2400 * 1.08}

	var js bytes.Buffer
	if err := summary.Write(&js, rendering.FormatJSON); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Costs struct {
			Currency   string
			NotInLeads []string `json:"not_in_leads"`
		}
		Sources []struct {
			Name      string
			Rows      int
			Qualified int
			Costs     *struct {
				Given        bool
				Cost         *float64
				PerLead      *float64 `json:"per_lead"`
				PerQualified *float64 `json:"per_qualified"`
			}
		}
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Costs.Currency != "USD" || len(got.Costs.NotInLeads) != 1 || got.Costs.NotInLeads[0] != "Paid Search" {
		t.Errorf("costs %+v", got.Costs)
	}
	if len(got.Sources) != 3 {
		t.Fatalf("%d sources, want Trade Show, Partner Referral, Webinar", len(got.Sources))
	}
	near := func(a *float64, b float64) bool { return a != nil && math.Abs(*a-b) < 1e-9 }
	for _, s := range got.Sources {
		if s.Rows != leads[s.Name] || s.Qualified != qualified[s.Name] {
			t.Errorf("%s: JSON %d leads, %d qualified; outputs %d, %d", s.Name, s.Rows, s.Qualified, leads[s.Name], qualified[s.Name])
		}
		cost, priced := want[s.Name]
		if s.Costs == nil || s.Costs.Given != priced {
			t.Errorf("%s: costs %+v, want given=%v", s.Name, s.Costs, priced)
			continue
		}
		if !priced {
			if s.Costs.Cost != nil || s.Costs.PerLead != nil || s.Costs.PerQualified != nil {
				t.Errorf("%s has no cost given but shows figures %+v", s.Name, s.Costs)
			}
			continue
		}
		if !near(s.Costs.Cost, cost) || !near(s.Costs.PerLead, cost/float64(leads[s.Name])) || !near(s.Costs.PerQualified, cost/float64(qualified[s.Name])) {
			t.Errorf("%s: cost %v per lead %v per qualified %v; want %v over %d leads, %d qualified",
				s.Name, *s.Costs.Cost, *s.Costs.PerLead, *s.Costs.PerQualified, cost, leads[s.Name], qualified[s.Name])
		}
	}
	// The prize draw costs more per qualified lead than the partners.
	if qualified["Trade Show"] == 0 || want["Trade Show"]/float64(qualified["Trade Show"]) <= 3*want["Partner Referral"]/float64(qualified["Partner Referral"]) {
		t.Errorf("the scenario no longer shows a costly prize draw: %v qualified", qualified)
	}
}

// TestWindows1252CostsMatchDecodedSources cleans a Windows-1252 export
// with a Windows-1252 costs file, as a German Excel saves both: the
// sources, decoded alike, match, and the summary charges them.
func TestWindows1252CostsMatchDecodedSources(t *testing.T) {
	leads := []byte("Name;Email;Lead Source\r\n" +
		"Jana Kr\xe4mer;jana.kraemer@harborfreight-logistics.com;Messe M\xfcnchen\r\n" +
		"Lutz B\xf6hm;lutz.boehm@harborfreight-logistics.com;Messe M\xfcnchen\r\n" +
		"Ann Lee;ann.lee@harborfreight-logistics.com;Caf\xe9 \x96 Stand\r\n")
	costFile := []byte("Lead Source;Cost;Currency\r\nMesse M\xfcnchen;1000;USD\r\nCaf\xe9 \x96 Stand;250;USD\r\n")
	c, err := costs.Read("costs.csv", bytes.NewReader(costFile), costs.Options{Currency: "USD"})
	if err != nil {
		t.Fatal(err)
	}
	s, err := pipeline.Run(context.Background(), pipeline.Config{Inputs: []pipeline.Input{{Name: "leads.csv", R: bytes.NewReader(leads)}},
		NewWriter: csvTo(func(lead.Status) io.Writer { return io.Discard })})
	if err != nil {
		t.Fatal(err)
	}
	s.ApplyCosts(c.Select(time.Time{}, time.Time{}))
	if len(s.Costs.NotInLeads) != 0 {
		t.Errorf("cost rows match no lead: %q", s.Costs.NotInLeads)
	}
	want := map[string]float64{"Messe München": 1000, "Café – Stand": 250}
	for _, g := range s.Sources {
		w, ok := want[g.Name]
		if !ok {
			t.Errorf("unexpected source %q", g.Name)
			continue
		}
		if g.Costs == nil || !g.Costs.Given || *g.Costs.Cost != w {
			t.Errorf("source %q: costs %+v, want %v given", g.Name, g.Costs, w)
		}
		delete(want, g.Name)
	}
	if len(want) != 0 {
		t.Errorf("sources missing from the summary: %v", want)
	}
}
