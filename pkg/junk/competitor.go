package junk

import (
	"errors"
	"fmt"

	"github.com/leadclean/leadclean/pkg/lead"
)

// competitor finds competitors by email domain, website and company name.
//
// Domains match by whole labels: acme.com matches jane@acme.com,
// jane@eu.acme.com and www.acme.com/contact, never notacme.com or
// acme.com.evil.io. The full host is compared label by label, so the
// registrable domain (eTLD+1) matches as well as a listed subdomain.
// Company names match only on exact equality of their keys (see
// [companyNormalizer.key]), never by substring, so a competitor listed as
// "Delta" does not catch "Delta Dental".
type competitor struct {
	domains domainSet
	names   map[string]string // key -> name as listed
	norm    *companyNormalizer
}

var _ Detector = (*competitor)(nil)

func newCompetitor(cfg CompetitorConfig, cn *companyNormalizer) (*competitor, error) {
	d := &competitor{domains: domainSet{}, names: map[string]string{}, norm: cn}
	var errs []error
	for i, raw := range cfg.Domains {
		host, err := normalizeDomain(raw)
		if err != nil {
			errs = append(errs, fmt.Errorf("domains[%d]: %w", i, err))
			continue
		}
		d.domains[host] = struct{}{}
	}
	for i, raw := range cfg.Names {
		k := cn.key(raw)
		if k == "" {
			errs = append(errs, fmt.Errorf("names[%d]: %q has no letters or digits", i, raw))
			continue
		}
		d.names[k] = raw
	}
	return d, errors.Join(errs...)
}

func (d *competitor) Reason() lead.Reason { return lead.Competitor }

func (d *competitor) Checkable(c *lead.Columns) (bool, string) {
	if len(d.domains) > 0 && (c.Has(lead.Email) || c.Has(lead.Website)) {
		return true, ""
	}
	if len(d.names) > 0 && c.Has(lead.Company) {
		return true, ""
	}
	switch {
	case len(d.domains) == 0:
		return false, "no company column"
	case len(d.names) == 0:
		return false, "no email or website column"
	}
	return false, "no email, website or company column"
}

func (d *competitor) Detect(l *lead.Lead) (string, bool) {
	if len(d.domains) > 0 {
		host := l.Email.Domain
		if host == "" {
			host = l.Email.Registrable
		}
		if c, ok := d.domains.match(host); ok {
			return "email domain " + host + " is competitor " + c, true
		}
		if w := l.Get(lead.Website); w != "" {
			if host := websiteHost(w); host != "" {
				if c, ok := d.domains.match(host); ok {
					return "website " + host + " is competitor " + c, true
				}
			}
		}
	}
	if len(d.names) > 0 {
		if name := l.Get(lead.Company); name != "" {
			if listed, ok := d.norm.lookup(d.names, name); ok {
				return fmt.Sprintf("company %q is competitor %q", name, listed), true
			}
		}
	}
	return "", false
}
