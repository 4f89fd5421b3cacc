package rendering

import (
	"testing"

	"github.com/leadclean/leadclean/pkg/rulebook"
)

func TestAgreementLine(t *testing.T) {
	tests := []struct {
		a    *rulebook.Agreement
		want string
	}{
		{nil, "Agreement: none (the rulebook has no agreement section)."},
		{&rulebook.Agreement{Version: "1", Date: "2026-01-02", Sales: "S", Marketing: "M"}, "Agreement 1 of 2026-01-02 between S (sales) and M (marketing)."},
		{&rulebook.Agreement{Version: "1", Date: "2026-01-02", Sales: "S", Marketing: "M", MarketingShare: 0.125, MarketingSources: []string{"Web"},
			Sources: []rulebook.SourceTarget{{Source: "Partner", QualifiedPerMonth: 3, MaxCostPerQualified: 1250.5}}},
			"Agreement 1 of 2026-01-02 between S (sales) and M (marketing): 12.5% of qualified leads from marketing (Web); Partner: 3 qualified a month, at most 1,250.50 per qualified lead."},
	}
	for _, tt := range tests {
		if got := AgreementLine(tt.a); got != tt.want {
			t.Errorf("AgreementLine = %q\nwant %q", got, tt.want)
		}
	}
}
