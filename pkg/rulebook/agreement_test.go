package rulebook

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

const agreed = `
agreement:
  version: "2026.2"
  date: 2026-06-15
  sales: Dana Whitfield, VP Sales
  marketing: Luis Ortega, Head of Marketing
  qualified_per_month: 40
  marketing_share: 0.6
  marketing_sources: [Trade Show, "Webinar ", paid  search]
  sources:
    Partner Referral: {qualified_per_month: 4}
    Trade Show: {max_cost_per_qualified: 400}
`

func TestAgreementParses(t *testing.T) {
	r, err := Parse("t.yaml", []byte(valid+agreed))
	if err != nil {
		t.Fatal(err)
	}
	want := &Agreement{
		Version: "2026.2", Date: "2026-06-15", Sales: "Dana Whitfield, VP Sales", Marketing: "Luis Ortega, Head of Marketing",
		QualifiedPerMonth: 40, MarketingShare: 0.6, MarketingSources: []string{"Trade Show", "Webinar", "paid search"},
		Sources: []SourceTarget{{Source: "Partner Referral", QualifiedPerMonth: 4}, {Source: "Trade Show", MaxCostPerQualified: 400}},
	}
	if !reflect.DeepEqual(r.Agreement, want) {
		t.Errorf("agreement\n%+v\nwant\n%+v", r.Agreement, want)
	}
	for _, tt := range []struct {
		source string
		want   bool
	}{{"Trade Show", true}, {"trade  show", true}, {" WEBINAR", true}, {"Paid Search", true}, {"Partner Referral", false}, {"", false}, {"Trade", false}} {
		if got := r.Agreement.IsMarketing(tt.source); got != tt.want {
			t.Errorf("IsMarketing(%q) = %v, want %v", tt.source, got, tt.want)
		}
	}
	if tg, ok := r.Agreement.Target("partner referral"); !ok || tg.QualifiedPerMonth != 4 {
		t.Errorf("Target(partner referral) = %+v, %v", tg, ok)
	}
	if _, ok := r.Agreement.Target("Web"); ok {
		t.Error("Target(Web) found a target the agreement does not set")
	}
	// No section: no agreement, and a nil Agreement answers safely.
	r, err = Parse("t.yaml", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	if r.Agreement != nil || r.Agreement.IsMarketing("Web") {
		t.Errorf("a rulebook without agreement has %+v", r.Agreement)
	}
	if Default().Agreement != nil {
		t.Error("the default rulebook carries an agreement; it is a commented-out example")
	}
}

func TestAgreementErrors(t *testing.T) {
	const head = "\nagreement:\n  version: \"1\"\n  date: 2026-06-15\n  sales: S\n  marketing: M\n"
	tests := []struct{ name, src, want string }{
		{"missing names", "\nagreement:\n  qualified_per_month: 10\n",
			"t.yaml:5:1: agreement.version is missing\n\thint: name this version of the agreement, such as \"2026.1\"; raise it when the terms change\n" +
				"t.yaml:5:1: agreement.date is missing\n\thint: write the day it was agreed as YYYY-MM-DD, such as 2026-06-15\n" +
				"t.yaml:5:1: agreement.sales is missing\n\thint: name who agreed for sales, such as \"Dana Whitfield, VP Sales\"\n" +
				"t.yaml:5:1: agreement.marketing is missing\n\thint: name who agreed for marketing, such as \"Luis Ortega, Head of Marketing\""},
		{"bad date", strings.Replace(head, "2026-06-15", "15.06.2026", 1),
			"t.yaml:7:9: agreement.date: \"15.06.2026\" is not a date\n\thint: write it as YYYY-MM-DD, such as 2026-06-15"},
		{"share as percent", head + "  marketing_share: 60\n  marketing_sources: [Web]\n",
			"t.yaml:10:20: agreement.marketing_share must lie above 0 and at most 1, got 60\n\thint: write a share between 0 and 1, such as 0.6 for 60%"},
		{"share without sources", head + "  marketing_share: 0.5\n",
			"t.yaml:10:3: agreement.marketing_share needs agreement.marketing_sources\n\thint: list the lead sources that count as marketing's, such as marketing_sources: [Trade Show, Webinar]"},
		{"zero target", head + "  qualified_per_month: 0\n",
			"t.yaml:10:24: agreement.qualified_per_month must be above 0, got 0\n\thint: the qualified leads sales needs each month; leave the key out when there is no such target"},
		{"source listed twice", head + "  marketing_sources: [Web, web]\n",
			"t.yaml:10:28: agreement.marketing_sources: \"web\" is listed twice\n\thint: lead sources compare without regard to case"},
		{"empty source target", head + "  sources:\n    Web: {}\n",
			"t.yaml:11:5: agreement.sources.Web sets no target\n\thint: add qualified_per_month, max_cost_per_qualified or both"},
		{"negative cost cap", head + "  sources:\n    Web: {max_cost_per_qualified: -3}\n",
			"t.yaml:11:35: agreement.sources.Web.max_cost_per_qualified must be above 0, got -3\n\thint: the most one qualified lead from this source may cost, in defaults.currency"},
		{"unknown key", head + "  qualified_per_mnth: 10\n",
			"t.yaml:10:3: unknown key qualified_per_mnth in agreement\n\thint: did you mean qualified_per_month? valid keys: version, date, sales, marketing, qualified_per_month, marketing_share, marketing_sources, sources"},
		{"number for version", strings.Replace(head, `"1"`, "2026.1", 1),
			"t.yaml:6:12: agreement.version: expected text, got the number 2026.1\n\thint: put the value in quotes: \"2026.1\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("t.yaml", []byte(valid+tt.src))
			if err == nil {
				t.Fatalf("parsed; agreement %+v", r.Agreement)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestConvertMoney(t *testing.T) {
	r, err := Parse("t.yaml", []byte("version: 1\ndefaults: {region: DE, currency: EUR}\ndecision: {qualify_at: 0}\ndetectors: {below_budget: {rates: {USD: 0.9, gbp: 1.2}}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		amount   float64
		currency string
		want     float64
		ok       bool
	}{
		{100, "", 100, true},
		{100, "EUR", 100, true},
		{100, "eur", 100, true},
		{100, "USD", 90, true},
		{100, " usd ", 90, true},
		{100, "GBP", 120, true},
		{0, "USD", 0, true},
		{100, "JPY", 0, false},
		{math.Inf(1), "EUR", 0, false},
		{math.NaN(), "USD", 0, false},
		{math.MaxFloat64, "GBP", 0, false},
	}
	for _, tt := range tests {
		got, ok := r.ConvertMoney(tt.amount, tt.currency)
		if ok != tt.ok || math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("ConvertMoney(%v, %q) = %v, %v; want %v, %v", tt.amount, tt.currency, got, ok, tt.want, tt.ok)
		}
	}
}
