package junk

import (
	"slices"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
)

// TestRegistryCoversReasons fails when a reason code has no registry
// entry, or the entries are out of lead.Reasons' order, or an entry says
// both that it builds a detector and that something else finds it.
func TestRegistryCoversReasons(t *testing.T) {
	var got []lead.Reason
	for _, e := range registry {
		got = append(got, e.reason)
		switch {
		case e.build == nil && e.foundBy == "":
			t.Errorf("%s: neither build nor foundBy: what finds this reason?", e.reason)
		case e.build != nil && e.foundBy != "":
			t.Errorf("%s: both build and foundBy", e.reason)
		case e.build != nil && e.disabled == nil:
			t.Errorf("%s: a detector without a switch in the rulebook", e.reason)
		}
	}
	if want := lead.Reasons(); !slices.Equal(got, want) {
		t.Errorf("registry lists %v,\nlead.Reasons() %v: each reason code needs one entry, in the same order", got, want)
	}
}

// TestRegistryBuildsItsReason: each entry's detector reports the entry's
// code, so the code is written once in the registry and once in the
// detector's file, and the two cannot drift.
func TestRegistryBuildsItsReason(t *testing.T) {
	b := &builder{currency: "USD", company: newCompanyNormalizer()}
	cfg := testConfig
	for _, e := range registry {
		if e.build == nil {
			continue
		}
		d, err := e.build(&cfg, b)
		if err != nil {
			t.Errorf("%s: %v", e.reason, err)
			continue
		}
		if d.Reason() != e.reason {
			t.Errorf("entry %s builds a detector of %s", e.reason, d.Reason())
		}
	}
}

// TestStateOf: New, Unbuilt and StateOf agree for every reason under
// several configurations.
func TestStateOf(t *testing.T) {
	configs := map[string]Config{
		"zero":    {},
		"test":    testConfig,
		"all off": allDisabled(),
		"budget 0 and no competitors": {
			BelowBudget: BudgetConfig{MinRevenue: 0},
			Competitor:  CompetitorConfig{},
		},
	}
	for name, cfg := range configs {
		t.Run(name, func(t *testing.T) {
			ds, err := New(cfg, "USD")
			if err != nil {
				t.Fatal(err)
			}
			built := reasonsOf(ds)
			off := map[lead.Reason]string{}
			for _, o := range Unbuilt(cfg) {
				off[o.Reason] = o.Why
			}
			for _, e := range registry {
				s, why := StateOf(cfg, e.reason)
				if (s == On) != (why == "") {
					t.Errorf("%s: state %d with why %q", e.reason, s, why)
				}
				if got, listed := off[e.reason]; listed != (s != On) || got != why {
					t.Errorf("%s: StateOf %d %q, Unbuilt %q (listed %v)", e.reason, s, why, got, listed)
				}
				if e.build != nil && slices.Contains(built, e.reason) != (s == On) {
					t.Errorf("%s: StateOf %d but built %v", e.reason, s, slices.Contains(built, e.reason))
				}
			}
		})
	}
	if s, why := StateOf(Config{}, lead.BelowBudget); s != Unconfigured || why != "no min_revenue in the rulebook" {
		t.Errorf("below_budget with min_revenue 0: %d %q", s, why)
	}
	if s, _ := StateOf(Config{BelowBudget: BudgetConfig{Disabled: true, MinRevenue: 5}}, lead.BelowBudget); s != Disabled {
		t.Errorf("below_budget disabled: %d", s)
	}
	if s, _ := StateOf(Config{Duplicate: Switch{Disabled: true}}, lead.Duplicate); s != Disabled {
		t.Errorf("duplicate disabled: %d", s)
	}
	for _, r := range []lead.Reason{lead.MalformedRow, lead.RuleError, lead.LowScore} {
		if s, _ := StateOf(allDisabled(), r); s != On {
			t.Errorf("%s has no switch, got state %d", r, s)
		}
	}
}

func allDisabled() Config {
	return Config{
		Competitor: CompetitorConfig{Disabled: true}, Student: StudentConfig{Disabled: true},
		EmailOpenOnly: Switch{Disabled: true}, ImageViewOnly: ImageViewConfig{Disabled: true},
		BelowBudget: BudgetConfig{Disabled: true}, AbandonedForm: AbandonedFormConfig{Disabled: true},
		BogusPhone: BogusPhoneConfig{Disabled: true}, BogusEmail: BogusEmailConfig{Disabled: true},
		WrongName: Switch{Disabled: true}, Vendor: VendorConfig{Disabled: true},
		Duplicate: Switch{Disabled: true}, FormulaInjection: Switch{Disabled: true},
	}
}
