package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leadclean/leadclean/pkg/costs"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden pins the table and Markdown renderings: go test -update
// rewrites them after a deliberate change.
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		format  Format
		file    string
		summary func() *Summary
	}{{FormatTable, "summary.table.golden", sampleSummary}, {FormatMarkdown, "summary.md.golden", sampleSummary},
		{FormatJSON, "summary.json.golden", sampleSummary},
		{FormatTable, "costs.table.golden", costSummary}, {FormatMarkdown, "costs.md.golden", costSummary},
		{FormatJSON, "costs.json.golden", costSummary}} {
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
	s.Agreement = &Agreement{Version: "2026.2", Date: "2026-06-15", Sales: "Dana Whitfield", Marketing: "Luis Ortega",
		QualifiedPerMonth: 40, MarketingShare: 0.6, MarketingSources: []string{"Trade Show", "Web"},
		Sources: []AgreedSource{{Source: "Trade Show", MaxCostPerQualified: 400}}}
	c, err := costs.Read("costs.csv", strings.NewReader("lead source,cost,currency\nTrade Show,\"1,000\",EUR\nWebinar,500,USD\n(file) a.csv,0,\n"),
		costs.Options{Currency: "USD", Convert: func(v float64, cur string) (float64, bool) { return v * 1.1, cur == "EUR" }})
	if err != nil {
		panic(err) // a fixed, valid test file
	}
	s.ApplyCosts(c.Select(time.Time{}, time.Time{}))
	return s
}
