package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestHTMLAgreementAndCosts(t *testing.T) {
	var buf bytes.Buffer
	if err := costSummary().WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{"<h2>Agreement</h2>", "Agreement 2026.2 of 2026-06-15 between Dana Whitfield (sales) and Luis Ortega (marketing)",
		"<h2>Cost per lead source</h2>", "<td class=\"n\">no cost given</td>", "1,100.00 per qualified lead (1 qualified)", "0, 0 qualified",
		"Costs for sources no lead has: Webinar."} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if n := strings.Count(page, "<svg"); n != 3 {
		t.Errorf("page has %d charts, want 3 (funnel, cost, reasons)", n)
	}
	// Without an agreement the page says so; without costs it has no cost section.
	buf.Reset()
	if err := sampleSummary().WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	if page := buf.String(); !strings.Contains(page, "Agreement: none (the rulebook has no agreement section).") || strings.Contains(page, "Cost per lead source") {
		t.Error("a summary without agreement and costs renders them")
	}
}

func TestAgreementLine(t *testing.T) {
	tests := []struct {
		a    *Agreement
		want string
	}{
		{nil, "Agreement: none (the rulebook has no agreement section)."},
		{&Agreement{Version: "1", Date: "2026-01-02", Sales: "S", Marketing: "M"}, "Agreement 1 of 2026-01-02 between S (sales) and M (marketing)."},
		{&Agreement{Version: "1", Date: "2026-01-02", Sales: "S", Marketing: "M", MarketingShare: 0.125, MarketingSources: []string{"Web"},
			Sources: []AgreedSource{{Source: "Partner", QualifiedPerMonth: 3, MaxCostPerQualified: 1250.5}}},
			"Agreement 1 of 2026-01-02 between S (sales) and M (marketing): 12.5% of qualified leads from marketing (Web); Partner: 3 qualified a month, at most 1,250.50 per qualified lead."},
	}
	for _, tt := range tests {
		if got := AgreementLine(tt.a); got != tt.want {
			t.Errorf("AgreementLine = %q\nwant %q", got, tt.want)
		}
	}
}
