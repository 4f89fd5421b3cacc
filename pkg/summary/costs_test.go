package summary

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
