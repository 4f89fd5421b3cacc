package rulebook

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/leadclean/leadclean/pkg/companysize"
	"github.com/leadclean/leadclean/pkg/lead"
)

// Agreement is a rulebook's optional agreement section: the two sides
// that agreed the rulebook, when, and the targets they agreed. Reports
// print it at their top so every report says which agreement it applied;
// the JSON names are the documented schema of the "agreement" object of
// the summary and the audit.
type Agreement struct {
	// Version and Date (YYYY-MM-DD) identify the agreement.
	Version string `json:"version"`
	Date    string `json:"date"`
	// Sales and Marketing name the people (or teams) who agreed it.
	Sales     string `json:"sales"`
	Marketing string `json:"marketing"`
	// QualifiedPerMonth is the qualified leads sales needs each month; 0
	// when the agreement sets no such target.
	QualifiedPerMonth int `json:"qualified_per_month,omitempty"`
	// MarketingShare is the share (above 0, at most 1) of the qualified
	// leads marketing is expected to supply; 0 when not agreed.
	MarketingShare float64 `json:"marketing_share,omitempty"`
	// MarketingSources are the lead sources that count as marketing's, as
	// written in the rulebook; compare with IsMarketing.
	MarketingSources []string `json:"marketing_sources,omitempty"`
	// Sources are per-source targets, sorted by source name.
	Sources []SourceTarget `json:"sources,omitempty"`
}

// SourceTarget is what the agreement expects of one lead source. A zero
// field sets no target.
type SourceTarget struct {
	Source              string  `json:"source"`
	QualifiedPerMonth   int     `json:"qualified_per_month,omitempty"`
	MaxCostPerQualified float64 `json:"max_cost_per_qualified,omitempty"`
}

// IsMarketing reports whether a lead source counts as marketing's. Names
// compare as lead.SourceKey does: case, and runs of spaces, do not matter.
func (a *Agreement) IsMarketing(source string) bool {
	if a == nil {
		return false
	}
	key := lead.SourceKey(source)
	for _, s := range a.MarketingSources {
		if lead.SourceKey(s) == key {
			return true
		}
	}
	return false
}

// Target returns the target set for a lead source, if any.
func (a *Agreement) Target(source string) (SourceTarget, bool) {
	if a == nil {
		return SourceTarget{}, false
	}
	key := lead.SourceKey(source)
	for _, t := range a.Sources {
		if lead.SourceKey(t.Source) == key {
			return t, true
		}
	}
	return SourceTarget{}, false
}

// ConvertMoney converts amount, stated in currency (ISO 4217; "" means
// the rulebook's own), into the rulebook's currency with the rates under
// detectors.below_budget.rates. ok is false for a currency without a
// rate, or an amount that is not finite: such an amount is unknown.
func (r *Rulebook) ConvertMoney(amount float64, currency string) (float64, bool) {
	if math.IsNaN(amount) || math.IsInf(amount, 0) {
		return 0, false
	}
	rng := companysize.Range{Known: true, Low: amount, High: amount, Currency: strings.ToUpper(strings.TrimSpace(currency))}
	out, ok := rng.In(r.Currency, r.rates)
	if !ok {
		return 0, false
	}
	return out.High, true
}

// rawAgreement mirrors the agreement section of the YAML.
type rawAgreement struct {
	Version           string                     `yaml:"version"`
	Date              string                     `yaml:"date"`
	Sales             string                     `yaml:"sales"`
	Marketing         string                     `yaml:"marketing"`
	QualifiedPerMonth *int                       `yaml:"qualified_per_month"`
	MarketingShare    *float64                   `yaml:"marketing_share"`
	MarketingSources  []string                   `yaml:"marketing_sources"`
	Sources           map[string]rawSourceTarget `yaml:"sources"`
}

type rawSourceTarget struct {
	QualifiedPerMonth   *int     `yaml:"qualified_per_month"`
	MaxCostPerQualified *float64 `yaml:"max_cost_per_qualified"`
}

// agreement validates the agreement section; every problem is reported
// at its key or value.
func (c *compiler) agreement(raw *rawAgreement) {
	if raw == nil {
		return
	}
	a := &Agreement{
		Version:   strings.TrimSpace(raw.Version),
		Date:      strings.TrimSpace(raw.Date),
		Sales:     strings.TrimSpace(raw.Sales),
		Marketing: strings.TrimSpace(raw.Marketing),
	}
	ok := true
	required := func(key, value, hint string) {
		if value == "" {
			c.atKey("agreement."+key, "agreement."+key+" is missing", hint)
			ok = false
		}
	}
	required("version", a.Version, `name this version of the agreement, such as "2026.1"; raise it when the terms change`)
	required("date", a.Date, "write the day it was agreed as YYYY-MM-DD, such as 2026-06-15")
	required("sales", a.Sales, "name who agreed for sales, such as \"Dana Whitfield, VP Sales\"")
	required("marketing", a.Marketing, "name who agreed for marketing, such as \"Luis Ortega, Head of Marketing\"")
	if a.Date != "" {
		if _, err := time.Parse("2006-01-02", a.Date); err != nil {
			c.at("agreement.date", fmt.Sprintf("agreement.date: %q is not a date", raw.Date), "write it as YYYY-MM-DD, such as 2026-06-15")
			ok = false
		}
	}
	if p := raw.QualifiedPerMonth; p != nil {
		if *p <= 0 {
			c.at("agreement.qualified_per_month", fmt.Sprintf("agreement.qualified_per_month must be above 0, got %d", *p),
				"the qualified leads sales needs each month; leave the key out when there is no such target")
			ok = false
		} else {
			a.QualifiedPerMonth = *p
		}
	}
	seen := map[string]bool{}
	for i, s := range raw.MarketingSources {
		path := fmt.Sprintf("agreement.marketing_sources[%d]", i)
		key := lead.SourceKey(s)
		switch {
		case key == "":
			c.at(path, "agreement.marketing_sources: empty entry", "")
			ok = false
		case seen[key]:
			c.at(path, fmt.Sprintf("agreement.marketing_sources: %q is listed twice", strings.TrimSpace(s)), "lead sources compare without regard to case")
			ok = false
		default:
			seen[key] = true
			a.MarketingSources = append(a.MarketingSources, strings.Join(strings.Fields(s), " "))
		}
	}
	if s := raw.MarketingShare; s != nil {
		switch {
		case !(*s > 0 && *s <= 1):
			hint := "write a share between 0 and 1, such as 0.6 for 60%"
			c.at("agreement.marketing_share", fmt.Sprintf("agreement.marketing_share must lie above 0 and at most 1, got %v", *s), hint)
			ok = false
		case len(raw.MarketingSources) == 0:
			c.atKey("agreement.marketing_share", "agreement.marketing_share needs agreement.marketing_sources",
				"list the lead sources that count as marketing's, such as marketing_sources: [Trade Show, Webinar]")
			ok = false
		default:
			a.MarketingShare = *s
		}
	}
	names := make([]string, 0, len(raw.Sources))
	for name := range raw.Sources {
		names = append(names, name)
	}
	sort.Strings(names)
	targetSeen := map[string]string{}
	for _, name := range names {
		t := raw.Sources[name]
		path := "agreement.sources." + name
		key := lead.SourceKey(name)
		if key == "" {
			c.atKey(path, "agreement.sources: empty source name", "")
			ok = false
			continue
		}
		if prev, dup := targetSeen[key]; dup {
			c.atKey(path, fmt.Sprintf("agreement.sources: %q and %q are the same source", prev, name), "lead sources compare without regard to case")
			ok = false
			continue
		}
		targetSeen[key] = name
		st := SourceTarget{Source: strings.Join(strings.Fields(name), " ")}
		if t.QualifiedPerMonth == nil && t.MaxCostPerQualified == nil {
			c.atKey(path, fmt.Sprintf("agreement.sources.%s sets no target", name), "add qualified_per_month, max_cost_per_qualified or both")
			ok = false
			continue
		}
		if p := t.QualifiedPerMonth; p != nil {
			if *p <= 0 {
				c.at(path+".qualified_per_month", fmt.Sprintf("agreement.sources.%s.qualified_per_month must be above 0, got %d", name, *p), "")
				ok = false
			}
			st.QualifiedPerMonth = *p
		}
		if m := t.MaxCostPerQualified; m != nil {
			if !(*m > 0) {
				c.at(path+".max_cost_per_qualified", fmt.Sprintf("agreement.sources.%s.max_cost_per_qualified must be above 0, got %v", name, *m),
					"the most one qualified lead from this source may cost, in defaults.currency")
				ok = false
			}
			st.MaxCostPerQualified = *m
		}
		a.Sources = append(a.Sources, st)
	}
	if ok {
		c.r.Agreement = a
	}
}
