package summary

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leadclean/leadclean/pkg/costs"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/rendering"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden pins the table and Markdown renderings: go test -update
// rewrites them after a deliberate change.
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		format  rendering.Format
		file    string
		summary func() *Summary
	}{{rendering.FormatTable, "summary.table.golden", sampleSummary}, {rendering.FormatMarkdown, "summary.md.golden", sampleSummary},
		{rendering.FormatJSON, "summary.json.golden", sampleSummary},
		{rendering.FormatTable, "costs.table.golden", costSummary}, {rendering.FormatMarkdown, "costs.md.golden", costSummary},
		{rendering.FormatJSON, "costs.json.golden", costSummary}} {
		var buf bytes.Buffer
		if err := tt.summary().Write(&buf, tt.format); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", tt.file)
		if *update {
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s rendering differs from %s:\n%s\nwant:\n%s", tt.format, path, buf.String(), want)
		}
	}
}

// costSummary is sampleSummary under an agreement, with a costs file
// that prices Trade Show in EUR, leaves Web out (no cost given), prices
// a source no lead has, and gives the file-less source a cost of 0.
func costSummary() *Summary {
	s := sampleSummary()
	s.Agreement = &rulebook.Agreement{Version: "2026.2", Date: "2026-06-15", Sales: "Dana Whitfield", Marketing: "Luis Ortega",
		QualifiedPerMonth: 40, MarketingShare: 0.6, MarketingSources: []string{"Trade Show", "Web"},
		Sources: []rulebook.SourceTarget{{Source: "Trade Show", MaxCostPerQualified: 400}}}
	c, err := costs.Read("costs.csv", strings.NewReader("lead source,cost,currency\nTrade Show,\"1,000\",EUR\nWebinar,500,USD\n(file) a.csv,0,\n"),
		costs.Options{Currency: "USD", Convert: func(v float64, cur string) (float64, bool) { return v * 1.1, cur == "EUR" }})
	if err != nil {
		panic(err) // a fixed, valid test file
	}
	s.ApplyCosts(c.Select(time.Time{}, time.Time{}))
	return s
}

// sampleSummary has 13 rows from two sources and one without a source:
// 7 qualified, 1 nurture, 5 rejected.
func sampleSummary() *Summary {
	s := New("(default)", func(r lead.Reason) string {
		if r == lead.EmailOpenOnly {
			return "nurture"
		}
		return "reject"
	})
	s.AddFile("a.csv", "utf-8", "comma")
	add := func(source string, st lead.Status, reasons ...lead.Reason) {
		l := &lead.Lead{File: "a.csv", Source: lead.ParseSource(source)}
		l.Verdict.Status = st
		for _, r := range reasons {
			l.Verdict.Add(r, "")
		}
		s.Add(l)
	}
	for range 6 {
		add("Web", lead.Qualified)
	}
	add("Web", lead.Rejected, lead.BogusEmail)
	add("Web", lead.Nurture, lead.EmailOpenOnly)
	add("Trade Show", lead.Qualified)
	add("Trade Show", lead.Rejected, lead.BogusEmail, lead.BogusPhone)
	add("Trade Show", lead.Rejected, lead.Student)
	add("Trade Show", lead.Rejected, lead.Duplicate)
	add("", lead.Rejected, lead.Competitor)
	s.Finish()
	return s
}
