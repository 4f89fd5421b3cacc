package audit

import (
	"math"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/lead"
)

// leadWith builds a lead from a header and one row, mapped as the
// pipeline maps them.
func leadWith(headerRow, cells []string) *lead.Lead {
	m := header.NewMapper(nil).Map(headerRow)
	return &lead.Lead{File: "x.csv", Line: 2, Cells: cells, Columns: m.Columns}
}

func TestReadOutcome(t *testing.T) {
	tests := []struct {
		name     string
		header   []string
		cells    []string
		want     Outcome
		revenue  float64
		conflict string
	}{
		{"salesforce status converted", []string{"Email", "Lead Status"}, []string{"a@b.com", "Closed - Converted"}, Converted, 0, ""},
		{"salesforce status not converted", []string{"Email", "Lead Status"}, []string{"a@b.com", "Closed - Not Converted"}, Lost, 0, ""},
		{"status open", []string{"Email", "Lead Status"}, []string{"a@b.com", "Open - Not Contacted"}, Open, 0, ""},
		{"status working, IsConverted false: open", []string{"Lead Status", "IsConverted"}, []string{"Working - Contacted", "false"}, Open, 0, ""},
		{"status converted, IsConverted false: converted, disagreeing", []string{"Lead Status", "IsConverted"}, []string{"Closed - Converted", "FALSE"},
			Converted, 0, "Lead Status: converted / IsConverted: not converted"},
		{"working lead, deal closed lost", []string{"Lead Status", "Deal Stage"}, []string{"Working - Contacted", "Closed Lost"},
			Lost, 0, "Deal Stage: lost / Lead Status: open"},
		{"unknown status beside a false flag: no outcome", []string{"Lead Status", "IsConverted"}, []string{"Hot Lead", "false"}, NoOutcome, 0, ""},
		{"IsConverted true", []string{"Email", "IsConverted"}, []string{"a@b.com", "true"}, Converted, 0, ""},
		{"Converted 1", []string{"Email", "Converted"}, []string{"a@b.com", "1"}, Converted, 0, ""},
		{"X Education Converted 0 alone: lost", []string{"Email", "Converted"}, []string{"a@b.com", "0"}, Lost, 0, ""},
		{"IsConverted false alone: lost", []string{"Email", "IsConverted"}, []string{"a@b.com", "false"}, Lost, 0, ""},
		{"IsConverted blank: no outcome", []string{"Email", "IsConverted"}, []string{"a@b.com", ""}, NoOutcome, 0, ""},
		{"converted date", []string{"Email", "Converted Date"}, []string{"a@b.com", "2026-08-01"}, Converted, 0, ""},
		{"converted opportunity name", []string{"Email", "Converted Opportunity"}, []string{"a@b.com", "Acme - New Business"}, Converted, 0, ""},
		{"converted opportunity id", []string{"Email", "ConvertedOpportunityId"}, []string{"a@b.com", "006Dn000004AbCdIAK"}, Converted, 0, ""},
		{"Odoo title in Opportunity: refused", []string{"Email", "Opportunity"}, []string{"a@b.com", "Office Design and Architecture"}, NoOutcome, 0, ""},
		{"opportunity created no", []string{"Email", "Opportunity Created"}, []string{"a@b.com", "No"}, Lost, 0, ""},
		{"opportunity created yes", []string{"Email", "Opportunity Created"}, []string{"a@b.com", "Yes"}, Converted, 0, ""},
		{"hubspot customer", []string{"Email", "Lifecycle Stage"}, []string{"a@b.com", "customer"}, Converted, 0, ""},
		{"hubspot Opportunity label", []string{"Email", "Lifecycle Stage"}, []string{"a@b.com", "Opportunity"}, Converted, 0, ""},
		{"hubspot mql: open", []string{"Email", "Lifecycle Stage"}, []string{"a@b.com", "marketingqualifiedlead"}, Open, 0, ""},
		{"hubspot other: no outcome", []string{"Email", "Lifecycle Stage"}, []string{"a@b.com", "other"}, NoOutcome, 0, ""},
		{"hubspot deals", []string{"Email", "Number of Associated Deals"}, []string{"a@b.com", "2"}, Converted, 0, ""},
		{"hubspot no deals", []string{"Email", "Number of Associated Deals"}, []string{"a@b.com", "0"}, Lost, 0, ""},
		{"hubspot amount", []string{"Email", "Recent Deal Amount"}, []string{"a@b.com", "12500"}, Converted, 12500, ""},
		{"closed won amount with separator", []string{"Email", "Closed Won Amount"}, []string{"a@b.com", "$12,000"}, Converted, 12000, ""},
		{"closed won amount euro", []string{"Email", "Closed Won Amount"}, []string{"a@b.com", "12.000 €"}, Converted, 12000, ""},
		{"closed won amount 1.2M", []string{"Email", "Closed Won Amount"}, []string{"a@b.com", "$1.2M"}, Converted, 1_200_000, ""},
		{"amount zero", []string{"Email", "Closed Won Amount"}, []string{"a@b.com", "0"}, Lost, 0, ""},
		{"amount with other converted", []string{"IsConverted", "Closed Won Amount"}, []string{"true", "$5,000.00"}, Converted, 5000, ""},
		{"amount under a lost status: status decides", []string{"Lead Status", "Deal Amount"}, []string{"Unqualified", "5000"}, Lost, 0, ""},
		{"datablist deal stage won", []string{"Email", "Deal Stage"}, []string{"a@b.com", "Closed Won"}, Converted, 0, ""},
		{"hubspot internal closedwon", []string{"Email", "Deal Stage"}, []string{"a@b.com", "closedwon"}, Converted, 0, ""},
		{"salesforce stage negotiation", []string{"Email", "Stage"}, []string{"a@b.com", "Negotiation/Review"}, Open, 0, ""},
		{"pipedrive deal status lost", []string{"Email", "Deal - Status"}, []string{"a@b.com", "lost"}, Lost, 0, ""},
		{"dynamics qualified lead: converted", []string{"Email", "Status Reason"}, []string{"a@b.com", "Qualified"}, Converted, 0, ""},
		{"pipedrive qualified stage: open", []string{"Email", "Deal Stage"}, []string{"a@b.com", "Qualified"}, Open, 0, ""},
		{"german stage", []string{"Email", "Deal Stage"}, []string{"a@b.com", "Verloren"}, Lost, 0, ""},
		{"french status", []string{"Email", "Statut du lead"}, []string{"a@b.com", "Gagné"}, Converted, 0, ""},
		{"spanish status", []string{"Email", "Estado del lead"}, []string{"a@b.com", "En curso"}, Open, 0, ""},
		{"suitecrm dead", []string{"Email", "Status", "Lead Source"}, []string{"a@b.com", "Dead", "Web"}, Lost, 0, ""},
		{"suitecrm in process", []string{"Email", "Status", "Lead Source"}, []string{"a@b.com", "In Process", "Web"}, Open, 0, ""},
		{"eventbrite attending says nothing", []string{"Email", "Attendee Status"}, []string{"a@b.com", "Attending"}, NoOutcome, 0, ""},
		{"odoo stage_id", []string{"Email", "stage_id"}, []string{"a@b.com", "Won"}, Converted, 0, ""},
		{"no outcome column", []string{"Email", "Company"}, []string{"a@b.com", "Acme"}, NoOutcome, 0, ""},
		{"short row", []string{"Email", "IsConverted"}, []string{"a@b.com"}, NoOutcome, 0, ""},
	}
	for _, tt := range tests {
		got := ReadOutcome(leadWith(tt.header, tt.cells))
		if got.Outcome != tt.want || got.Revenue != tt.revenue || got.Conflict != tt.conflict {
			t.Errorf("%s: got %v %v %q, want %v %v %q", tt.name, got.Outcome, got.Revenue, got.Conflict, tt.want, tt.revenue, tt.conflict)
		}
	}
}

// TestVocabulary checks the table parses, every outcome has spellings in
// each supported export language, and each row reads back as written.
func TestVocabulary(t *testing.T) {
	v, err := parseVocabulary(outcomesTSV)
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]map[Outcome]bool{}
	for f, words := range v {
		for _, w := range words {
			got, ok := StageOutcome(f, w.Value)
			if f == lead.NoField {
				// A value of "any" field reads so in every stage column
				// that has no row of its own.
				for _, sf := range []lead.Field{lead.LeadStatus, lead.DealStage, lead.LifecycleStage} {
					if _, own := v[sf][header.Normalize(w.Value)]; own {
						continue
					}
					if got, ok = StageOutcome(sf, w.Value); !ok || got != w.Outcome {
						t.Errorf("line %d %q in %s: got %v, want %v", w.Line, w.Value, sf, got, w.Outcome)
					}
				}
			} else if !ok || got != w.Outcome {
				t.Errorf("line %d %q: got %v, want %v", w.Line, w.Value, got, w.Outcome)
			}
			for _, lang := range []string{"German", "French", "Spanish", "Portuguese", "Italian", "Dutch"} {
				if strings.Contains(w.Where, lang) {
					if langs[lang] == nil {
						langs[lang] = map[Outcome]bool{}
					}
					langs[lang][w.Outcome] = true
				}
			}
		}
	}
	for _, lang := range []string{"German", "French", "Spanish", "Portuguese", "Italian", "Dutch"} {
		for _, o := range []Outcome{Converted, Lost, Open} {
			if !langs[lang][o] {
				t.Errorf("%s has no %v value", lang, o)
			}
		}
	}
	for _, bad := range []string{
		"won\tconverted\tany\tx\nwon\tlost\tany\ty\n",
		"won\tmaybe\tany\tx\n",
		"won\tconverted\temail\tx\n",
		"won\tconverted\tany\n",
	} {
		if _, err := parseVocabulary(bad); err == nil {
			t.Errorf("parseVocabulary(%q) accepted a bad table", bad)
		}
	}
}

func TestIsID(t *testing.T) {
	for _, id := range []string{"006Dn000004AbCdIAK", "4711", "OPP-00123", "3f2b9c1e-0d4a-4c8e-9a6b-1f2e3d4c5b6a"} {
		if !isID(id) {
			t.Errorf("isID(%q) = false", id)
		}
	}
	for _, s := range []string{"Office Design and Architecture", "Acme", "ab", "Q3 deal"} {
		if isID(s) {
			t.Errorf("isID(%q) = true", s)
		}
	}
}

func TestAmount(t *testing.T) {
	for in, want := range map[string]float64{"12000": 12000, "$12,000": 12000, "12.000 €": 12000, "USD 1,234,567.89": 1234567.89, "€ 3,5 Mio": 3_500_000} {
		if got, ok := Amount(in); !ok || got != want {
			t.Errorf("Amount(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "n/a", "lots", "1,2"} {
		if got, ok := Amount(bad); ok {
			t.Errorf("Amount(%q) = %v, want unreadable", bad, got)
		}
	}
}

func FuzzAmount(f *testing.F) {
	for _, s := range []string{"$12,000", "12.000 €", "1.2M", "10M-50M", "0", "1,2,3", "9,999,999,999,999,999,999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, ok := Amount(s); ok && v < 0 {
			t.Fatalf("Amount(%q) = %v, negative", s, v)
		}
	})
}

// TestWilson checks the interval against Newcombe (1998), Statistics in
// Medicine 17:857, Table I, method 3 (the Wilson score interval).
func TestWilson(t *testing.T) {
	for _, tt := range []struct {
		k, n      int
		low, high float64
	}{
		{81, 263, 0.2553, 0.3662},
		{15, 148, 0.0624, 0.1605},
		{0, 10, 0, 0.2775},
		{1, 29, 0.0061, 0.1718},
		{29, 29, 0.8830, 1},
	} {
		lo, hi := Wilson(tt.k, tt.n, z95)
		if math.Abs(lo-tt.low) > 0.00005 || math.Abs(hi-tt.high) > 0.00005 {
			t.Errorf("Wilson(%d, %d) = %.4f to %.4f, want %.4f to %.4f", tt.k, tt.n, lo, hi, tt.low, tt.high)
		}
	}
	if r := NewRate(3, MinClosed-1); r.Judged || r.Note != TooFew || r.Rate == nil {
		t.Errorf("a group below MinClosed: %+v", r)
	}
	if r := NewRate(0, 0); r.Rate != nil || r.Low != nil {
		t.Errorf("no closed lead: %+v", r)
	}
	if l := newLift(NewRate(20, 40), NewRate(0, 40)); l.Value != nil || l.Note == "" {
		t.Errorf("lift over a zero rate: %+v", l)
	}
	if l := newLift(NewRate(20, 40), NewRate(10, 40)); l.Value == nil || *l.Value != 2 {
		t.Errorf("lift: %+v", l)
	}
}

// FuzzReadOutcome: any cells in any outcome column give a valid outcome,
// a finite revenue that is not negative, and revenue only on a converted
// lead.
func FuzzReadOutcome(f *testing.F) {
	for _, s := range []string{"Closed - Converted", "FALSE", "006Dn000004AbCdIAK", "Office Design and Architecture", "$12,000", "2026-07-01",
		"15 Apr, 2021 00:03:00", "Verloren", "closedwon", "0", "-5", "1e308", "NaN"} {
		f.Add(s, s)
	}
	hdr := []string{"Lead Status", "Deal Stage", "Lifecycle Stage", "IsConverted", "Converted Date", "Opportunity", "Number of Associated Deals", "Closed Won Amount"}
	f.Fuzz(func(t *testing.T, a, b string) {
		for i := range hdr {
			cells := make([]string, len(hdr))
			cells[i] = a
			cells[(i+3)%len(hdr)] = b
			r := ReadOutcome(leadWith(hdr, cells))
			if r.Outcome > Converted || r.Revenue < 0 || math.IsNaN(r.Revenue) || math.IsInf(r.Revenue, 0) || r.Revenue > 0 && r.Outcome != Converted {
				t.Fatalf("cells %q: %+v", cells, r)
			}
			if len(r.Cells) != len(hdr) {
				t.Fatalf("cells %q: %d outcome cells read, want %d", cells, len(r.Cells), len(hdr))
			}
		}
	})
}

func TestExample(t *testing.T) {
	for in, want := range map[string]string{
		"Hot Lead":                  "Hot Lead",
		"two\nlines\r\tand\x1b[31m": "two lines and [31m",
		strings.Repeat("é", 50):     strings.Repeat("é", 39) + "…",
	} {
		if got := example(in); got != want {
			t.Errorf("example(%q) = %q, want %q", in, got, want)
		}
	}
}
