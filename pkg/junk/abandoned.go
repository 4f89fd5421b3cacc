package junk

import (
	"errors"
	"fmt"
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
)

// abandonedStatuses are form-status words of a form that was started and
// not finished, matched as whole words after folding (so "Completed" is
// not "incomplete" and "Restarted" is not "started").
var abandonedStatuses = []string{
	"partial", "partially", "abandoned", "incomplete", "started", "in progress",
	"not submitted", "unfinished", "draft",
	"abgebrochen", "unvollständig", "teilweise", "begonnen",
	"incomplet", "incomplète", "abandonné", "partiel", "en cours",
	"incompleto", "incompleta", "abandonado", "parcial", "en curso",
}

// abandonedForm finds forms started and not finished: a form-status cell
// that says so, or, when the rulebook lists required fields, a submitted
// form (form status not blank, or form submissions above zero) whose
// required fields are empty.
//
// The required-fields rule never applies to rows without a form-status or
// form-submissions column, nor to rows whose form columns are blank:
// business-card scans and progressively profiled leads are legitimately
// sparse, and empty optional fields prove nothing. A required field with
// no column in the input is skipped (not exported is not empty).
type abandonedForm struct {
	statuses *phraseSet
	required []lead.Field
}

var _ Detector = (*abandonedForm)(nil)

func newAbandonedForm(cfg AbandonedFormConfig) (*abandonedForm, error) {
	d := &abandonedForm{statuses: newPhraseSet(abandonedStatuses)}
	var errs []error
	for i, name := range cfg.RequiredFields {
		f, ok := lead.ParseField(name)
		if !ok {
			errs = append(errs, fmt.Errorf("required_fields[%d]: unknown field %q", i, name))
			continue
		}
		d.required = append(d.required, f)
	}
	return d, errors.Join(errs...)
}

func (d *abandonedForm) Reason() lead.Reason { return lead.AbandonedForm }

func (d *abandonedForm) Checkable(c *lead.Columns) (bool, string) {
	if c.Has(lead.FormStatus) || c.Has(lead.FormSubmissions) {
		return true, ""
	}
	return false, "no form-status or form-submissions column"
}

func (d *abandonedForm) Detect(l *lead.Lead) (string, bool) {
	status := l.Get(lead.FormStatus)
	if status != "" {
		var buf [64]byte
		if w, ok := d.statuses.match(appendFolded(buf[:0], status)); ok {
			return fmt.Sprintf("form status %q says %s", status, w), true
		}
	}
	if len(d.required) == 0 {
		return "", false
	}
	submitted := status != ""
	if !submitted {
		submitted = l.Engagement.Forms.Known && l.Engagement.Forms.N > 0
	}
	if !submitted {
		return "", false
	}
	var empty []string
	for _, f := range d.required {
		if l.Has(f) && l.Get(f) == "" {
			empty = append(empty, f.String())
		}
	}
	if len(empty) == 0 {
		return "", false
	}
	return "submitted form lacks required " + strings.Join(empty, ", "), true
}
