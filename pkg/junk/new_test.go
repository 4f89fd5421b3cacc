package junk

import (
	"slices"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
)

func reasonsOf(ds []Detector) []lead.Reason {
	rs := make([]lead.Reason, len(ds))
	for i, d := range ds {
		rs[i] = d.Reason()
	}
	return rs
}

func TestNewOrderFollowsReasons(t *testing.T) {
	got := reasonsOf(mustNew(t))
	want := []lead.Reason{lead.Competitor, lead.Student, lead.EmailOpenOnly, lead.ImageViewOnly,
		lead.BelowBudget, lead.AbandonedForm, lead.BogusPhone, lead.BogusEmail, lead.NoContact,
		lead.WrongName, lead.Vendor, lead.FormulaInjection}
	if !slices.Equal(got, want) {
		t.Fatalf("New built %v, want %v", got, want)
	}
	order := lead.Reasons()
	for i := 1; i < len(got); i++ {
		if slices.Index(order, got[i-1]) > slices.Index(order, got[i]) {
			t.Errorf("%s comes before %s, against lead.Reasons()", got[i-1], got[i])
		}
	}
}

func TestNewLeavesOut(t *testing.T) {
	tests := []struct {
		name    string
		cfg     Config
		without []lead.Reason
	}{
		{"zero config: nothing to compare with", Config{}, []lead.Reason{lead.Competitor, lead.BelowBudget}},
		{"switches off", Config{
			Student:          StudentConfig{Disabled: true},
			EmailOpenOnly:    Switch{Disabled: true},
			Vendor:           VendorConfig{Disabled: true, Phrases: []string{"x y"}},
			BelowBudget:      BudgetConfig{Disabled: true, MinRevenue: 5},
			Competitor:       CompetitorConfig{Disabled: true, Domains: []string{"acme.com"}},
			FormulaInjection: Switch{Disabled: true},
		}, []lead.Reason{lead.Student, lead.EmailOpenOnly, lead.Vendor, lead.BelowBudget, lead.Competitor, lead.FormulaInjection}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := New(tt.cfg, "USD")
			if err != nil {
				t.Fatal(err)
			}
			got := reasonsOf(ds)
			for _, r := range tt.without {
				if slices.Contains(got, r) {
					t.Errorf("%s built, want it left out", r)
				}
			}
			if slices.Contains(got, lead.Duplicate) {
				t.Error("duplicate built: it belongs to dedup")
			}
			if !slices.Contains(got, lead.BogusEmail) {
				t.Error("bogus_email left out though enabled")
			}
		})
	}
}

func TestNewErrors(t *testing.T) {
	cfg := Config{
		Competitor:    CompetitorConfig{Domains: []string{"acme.com", "acme", "co.uk", "ac me.com"}, Names: []string{"..."}},
		Student:       StudentConfig{NotAcademic: []string{"not a domain"}},
		ImageViewOnly: ImageViewConfig{MaxPageViews: -1},
		BelowBudget:   BudgetConfig{MinRevenue: 1e6, Currency: "dollars", Rates: map[string]float64{"EUR": -1, "euro": 1}},
		AbandonedForm: AbandonedFormConfig{RequiredFields: []string{"email", "emial"}},
		Vendor:        VendorConfig{Companies: []string{"  "}, Phrases: []string{"!!"}},
	}
	_, err := New(cfg, "USD")
	if err == nil {
		t.Fatal("New accepted a bad config")
	}
	msg := err.Error()
	for _, want := range []string{
		`competitor: domains[1]: "acme" is not a domain`,
		`competitor: domains[2]: "co.uk" is a public suffix`,
		`competitor: domains[3]: "ac me.com" is not a domain`,
		`competitor: names[0]: "..." has no letters or digits`,
		`student: not_academic[0]: "not a domain" is not a domain`,
		`image_view_only: max_page_views: -1 is negative`,
		`below_budget: currency: "DOLLARS" is not an ISO 4217 code`,
		`below_budget: rates: EUR: -1 is not a positive rate`,
		`below_budget: rates: "euro" is not an ISO 4217 code`,
		`abandoned_form: required_fields[1]: unknown field "emial"`,
		`vendor: companies[0]: "  " has no letters or digits`,
		`vendor: phrases[0]: "!!" has no letters or digits`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q; got:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, `"acme.com"`) {
		t.Errorf("error names a good domain:\n%s", msg)
	}
}

func TestNewBudgetCurrency(t *testing.T) {
	if _, err := New(Config{BelowBudget: BudgetConfig{MinRevenue: 1}}, ""); err == nil ||
		!strings.Contains(err.Error(), "below_budget: currency: none set") {
		t.Errorf("no currency anywhere: err = %v", err)
	}
	ds, err := New(Config{BelowBudget: BudgetConfig{MinRevenue: 1e6, Currency: "eur"}}, "USD")
	if err != nil {
		t.Fatal(err)
	}
	d := detectorFor(t, ds, lead.BelowBudget).(*belowBudget)
	if d.currency != "EUR" {
		t.Errorf("budget currency = %q, want the detector's own EUR over the default", d.currency)
	}
	l := example{row: row{lead.AnnualRevenue: "$800K"}, revenue: revenue(800_000, 800_000, "USD")}.build()
	if detail, found := d.Detect(l); found {
		t.Errorf("USD amount without a USD rate judged against EUR budget: %s", detail)
	}
}

func TestBelowBudgetDetail(t *testing.T) {
	d := detectorFor(t, mustNew(t), lead.BelowBudget)
	tests := []struct {
		ex   example
		want string
	}{
		{example{row: row{lead.AnnualRevenue: "750K"}, revenue: revenue(750_000, 750_000, "")}, "annual revenue 750000 USD below 1000000 USD"},
		{example{row: row{lead.AnnualRevenue: "5M-900K"}, revenue: revenue(100_000, 900_000, "USD")}, "annual revenue 100000-900000 USD below 1000000 USD"},
		{example{row: row{lead.AnnualRevenue: "€800K"}, revenue: revenue(800_000, 800_000, "EUR")}, "annual revenue 800000 EUR (880000 USD) below 1000000 USD"},
	}
	for _, tt := range tests {
		got, _ := d.Detect(tt.ex.build())
		if got != tt.want {
			t.Errorf("detail = %q, want %q", got, tt.want)
		}
	}
}

func TestCheckable(t *testing.T) {
	ds := mustNew(t)
	tests := []struct {
		reason  lead.Reason
		header  []lead.Field
		ok      bool
		missing string
	}{
		{lead.Competitor, []lead.Field{lead.FirstName}, false, "no email, website or company column"},
		{lead.Competitor, []lead.Field{lead.Website}, true, ""},
		{lead.Student, []lead.Field{lead.Phone}, false, "no job-title or email column"},
		{lead.Student, []lead.Field{lead.Email}, true, ""},
		{lead.EmailOpenOnly, []lead.Field{lead.EmailClicks}, false, "no email-opens column"},
		{lead.EmailOpenOnly, []lead.Field{lead.EmailOpens}, false, "no email-clicks, page-views or form-submissions column"},
		{lead.EmailOpenOnly, []lead.Field{lead.EmailOpens, lead.FormSubmissions}, true, ""},
		{lead.ImageViewOnly, []lead.Field{lead.PageViews}, false, "no first-page-seen or last-page-seen column"},
		{lead.ImageViewOnly, []lead.Field{lead.LastPageSeen}, true, ""},
		{lead.BelowBudget, []lead.Field{lead.Employees}, false, "no annual-revenue column"},
		{lead.AbandonedForm, []lead.Field{lead.Email, lead.Company}, false, "no form-status or form-submissions column"},
		{lead.AbandonedForm, []lead.Field{lead.FormSubmissions}, true, ""},
		{lead.BogusPhone, []lead.Field{lead.Email}, false, "no phone or mobile column"},
		{lead.BogusPhone, []lead.Field{lead.Mobile}, true, ""},
		{lead.BogusEmail, []lead.Field{lead.Phone}, false, "no email column"},
		{lead.NoContact, []lead.Field{lead.FullName, lead.Company}, false, "no email, phone or mobile column"},
		{lead.NoContact, []lead.Field{lead.Email}, true, ""},
		{lead.NoContact, []lead.Field{lead.Mobile}, true, ""},
		{lead.WrongName, []lead.Field{lead.Phone}, false, "no name column"},
		{lead.WrongName, []lead.Field{lead.FullName, lead.Company}, false, "no email, phone, mobile or street column"},
		{lead.WrongName, []lead.Field{lead.FullName, lead.Email}, true, ""},
		{lead.WrongName, []lead.Field{lead.FullName, lead.Street}, true, ""},
		{lead.Vendor, []lead.Field{lead.Email}, false, "no message or company column"},
		{lead.Vendor, []lead.Field{lead.Message}, true, ""},
		{lead.FormulaInjection, nil, true, ""},
	}
	for _, tt := range tests {
		header := make([]string, len(tt.header))
		for i, f := range tt.header {
			header[i] = f.String()
		}
		c := lead.NewColumns(header)
		for i, f := range tt.header {
			c.Set(f, i)
		}
		ok, missing := detectorFor(t, ds, tt.reason).Checkable(c)
		if ok != tt.ok || missing != tt.missing {
			t.Errorf("%s over %v: Checkable = %v, %q; want %v, %q", tt.reason, header, ok, missing, tt.ok, tt.missing)
		}
	}
}

// TestDetectWithoutColumns checks that no detector fires on a lead with
// no columns at all (a zero Lead), and none panics.
func TestDetectWithoutColumns(t *testing.T) {
	for _, d := range mustNew(t) {
		for _, l := range []*lead.Lead{{}, {Cells: []string{"a", "b"}}} {
			if detail, found := d.Detect(l); found && d.Reason() != lead.FormulaInjection {
				t.Errorf("%s fired on a lead without columns: %s", d.Reason(), detail)
			}
		}
	}
}
