package junk

import (
	"errors"
	"fmt"
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
)

// vendorPhrases are multi-word pitch phrases of people selling to us.
// One generic word is never enough: "I need SEO help" and "we are looking
// for a web design agency" are prospects. Phrases match as whole words,
// case-insensitively, after folding accents, punctuation and spaces.
var vendorPhrases = []string{
	"SEO services", "SEO service", "SEO package", "search engine optimization services",
	"search engine optimisation services", "guest post", "guest posts", "guest posting",
	"link building", "backlinks", "high quality backlinks", "increase your traffic",
	"increase your website traffic", "boost your traffic", "first page of Google",
	"rank your website", "improve your ranking", "improve your rankings",
	"offshore team", "offshore development", "offshore developers", "outsourced development",
	"outsource your development", "dedicated developers", "dedicated development team",
	"hire developers", "app development services",
	"mobile app development services", "web design services", "website design services",
	"web development services", "redesign your website", "lead generation services",
	"lead generation service", "appointment setting", "attendee list", "attendees list",
	"email list of attendees", "contact list of attendees",
	"we offer", "I noticed your website", "I came across your website",
	"I was checking your website", "can we schedule a call", "quick call to discuss",
	"our agency can", "virtual assistant services",
}

// vendor finds people pitching services to us, by pitch phrases in the
// message (notes, comments, description) and by the rulebook's vendor
// company list (compared like competitor names: exact after normalising,
// never by substring).
type vendor struct {
	phrases   *phraseSet
	companies map[string]string
	norm      *companyNormalizer
}

var _ Detector = (*vendor)(nil)

func newVendor(cfg VendorConfig, cn *companyNormalizer) (*vendor, error) {
	d := &vendor{companies: map[string]string{}, norm: cn}
	var errs []error
	for i, p := range cfg.Phrases {
		if strings.TrimSpace(folded(p)) == "" {
			errs = append(errs, fmt.Errorf("phrases[%d]: %q has no letters or digits", i, p))
		}
	}
	for i, name := range cfg.Companies {
		k := cn.key(name)
		if k == "" {
			errs = append(errs, fmt.Errorf("companies[%d]: %q has no letters or digits", i, name))
			continue
		}
		d.companies[k] = name
	}
	d.phrases = newPhraseSet(vendorPhrases, cfg.Phrases)
	return d, errors.Join(errs...)
}

func (d *vendor) Reason() lead.Reason { return lead.Vendor }

func (d *vendor) Checkable(c *lead.Columns) (bool, string) {
	if c.Has(lead.Message) || (len(d.companies) > 0 && c.Has(lead.Company)) {
		return true, ""
	}
	if len(d.companies) > 0 {
		return false, "no message or company column"
	}
	return false, "no message column"
}

func (d *vendor) Detect(l *lead.Lead) (string, bool) {
	if len(d.companies) > 0 {
		if name := l.Get(lead.Company); name != "" {
			if listed, ok := d.norm.lookup(d.companies, name); ok {
				return fmt.Sprintf("company %q is on the vendor list as %q", name, listed), true
			}
		}
	}
	msg := l.Get(lead.Message)
	if msg == "" {
		return "", false
	}
	var buf [512]byte
	if p, ok := d.phrases.match(appendFolded(buf[:0], msg)); ok {
		return fmt.Sprintf("message pitches %q", p), true
	}
	return "", false
}
