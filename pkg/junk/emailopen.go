package junk

import (
	"strconv"

	"github.com/leadclean/leadclean/pkg/lead"
)

// emailOpenOnly finds leads whose only engagement is email opens: opens >
// 0 and no clicks, page views or form submissions.
//
// It needs the email-opens column and at least one of clicks, page views
// and form submissions: with opens alone, "nothing else" cannot be told
// from "nothing else exported", so the detector does not check. Among the
// other three, a missing column counts as zero and a blank cell counts as
// zero; a cell that is not a count ("n/a") makes the row unjudged, never
// a finding.
type emailOpenOnly struct{}

var _ Detector = emailOpenOnly{}

func (emailOpenOnly) Reason() lead.Reason { return lead.EmailOpenOnly }

func (emailOpenOnly) Checkable(c *lead.Columns) (bool, string) {
	if !c.Has(lead.EmailOpens) {
		return false, "no email-opens column"
	}
	if !c.Has(lead.EmailClicks) && !c.Has(lead.PageViews) && !c.Has(lead.FormSubmissions) {
		return false, "no email-clicks, page-views or form-submissions column"
	}
	return true, ""
}

func (emailOpenOnly) Detect(l *lead.Lead) (string, bool) {
	if !l.Has(lead.EmailOpens) ||
		(!l.Has(lead.EmailClicks) && !l.Has(lead.PageViews) && !l.Has(lead.FormSubmissions)) {
		return "", false
	}
	e := &l.Engagement
	if !e.Opens.Known || e.Opens.N <= 0 {
		return "", false
	}
	for _, n := range [...]lead.Count{e.Clicks, e.PageViews, e.Forms} {
		if !n.Known || n.N != 0 {
			return "", false
		}
	}
	return strconv.FormatFloat(e.Opens.N, 'f', -1, 64) + " email opens, no clicks, page views or form submissions", true
}
