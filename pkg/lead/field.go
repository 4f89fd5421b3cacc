package lead

import (
	"slices"
	"strings"
)

// Field is a canonical lead field that a header can map to.
type Field int

// The canonical fields. Their names (see [Field.String]) are used in
// rulebooks and in `leadclean columns`, and are part of the public contract.
const (
	NoField Field = iota
	FirstName
	LastName
	FullName
	Email
	Phone
	Mobile
	Company
	JobTitle
	Website
	Street
	City
	State
	PostalCode
	Country
	Source
	AnnualRevenue
	Employees
	CreatedDate
	LeadStatus
	EmailOpens
	EmailClicks
	PageViews
	FirstPageSeen
	LastPageSeen
	FormSubmissions
	FormStatus
	Message // free text: message, notes, comments, description; may span columns

	// Outcome fields, read by `leadclean audit`.
	Converted
	ConvertedDate
	Opportunity
	LifecycleStage
	Deals
	DealAmount
	// DealStage is a deal's or opportunity's stage or status (Salesforce
	// StageName, HubSpot and Datablist Deal Stage, Pipedrive Deal - Status).
	DealStage

	numFields
)

var fieldNames = [...]string{
	NoField:         "",
	FirstName:       "first_name",
	LastName:        "last_name",
	FullName:        "full_name",
	Email:           "email",
	Phone:           "phone",
	Mobile:          "mobile",
	Company:         "company",
	JobTitle:        "job_title",
	Website:         "website",
	Street:          "street",
	City:            "city",
	State:           "state",
	PostalCode:      "postal_code",
	Country:         "country",
	Source:          "lead_source",
	AnnualRevenue:   "annual_revenue",
	Employees:       "employees",
	CreatedDate:     "created_date",
	LeadStatus:      "lead_status",
	EmailOpens:      "email_opens",
	EmailClicks:     "email_clicks",
	PageViews:       "page_views",
	FirstPageSeen:   "first_page_seen",
	LastPageSeen:    "last_page_seen",
	FormSubmissions: "form_submissions",
	FormStatus:      "form_status",
	Message:         "message",
	Converted:       "converted",
	ConvertedDate:   "converted_date",
	Opportunity:     "opportunity",
	LifecycleStage:  "lifecycle_stage",
	Deals:           "deals",
	DealAmount:      "deal_amount",
	DealStage:       "deal_stage",
}

// String returns the field's canonical name, such as "email" or "job_title".
func (f Field) String() string {
	if f <= NoField || f >= numFields {
		return ""
	}
	return fieldNames[f]
}

// Fields returns every canonical field in declaration order.
func Fields() []Field {
	fs := make([]Field, 0, numFields-1)
	for f := FirstName; f < numFields; f++ {
		fs = append(fs, f)
	}
	return fs
}

// ParseField returns the field named name ("email", "job_title", ...).
func ParseField(name string) (Field, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for f := FirstName; f < numFields; f++ {
		if fieldNames[f] == name {
			return f, true
		}
	}
	return NoField, false
}

// MultiColumn reports whether several columns may feed the field (their
// values are joined) rather than the first one winning.
func (f Field) MultiColumn() bool { return f == Message }

// Repeats reports whether a lead may hold several values of f, one per
// column, each to be checked on its own: the contact fields email, phone
// and mobile ("Phone 1", "Phone 2", "Home Phone", "Email 2"). Their columns
// are kept best first (see [Columns.Indexes]); [Columns.Value] reads the
// first, [Columns.Values] each.
func (f Field) Repeats() bool { return f == Email || f == Phone || f == Mobile }

// Columns maps canonical fields to cell indexes for one input's header.
// The zero value maps nothing.
type Columns struct {
	Header []string
	// index[f] holds the cell indexes for field f, in header order.
	index [numFields][]int
	// split reports that FullName must be split into first and last name
	// because the input has no separate columns for them.
	splitName bool
}

// NewColumns returns an empty mapping for header.
func NewColumns(header []string) *Columns {
	return &Columns{Header: header}
}

// Set maps cell index i to field f. For single-column fields the first
// mapping wins and later ones are ignored (Set reports false); free-text
// and repeated fields (see [Field.MultiColumn], [Field.Repeats]) keep every
// column, in the order they were Set, a column once.
func (c *Columns) Set(f Field, i int) bool {
	if f <= NoField || f >= numFields {
		return false
	}
	if len(c.index[f]) > 0 && !f.MultiColumn() && !f.Repeats() {
		return false
	}
	if slices.Contains(c.index[f], i) {
		return false
	}
	c.index[f] = append(c.index[f], i)
	c.splitName = len(c.index[FullName]) > 0 && len(c.index[FirstName]) == 0 && len(c.index[LastName]) == 0
	return true
}

// Has reports whether some column holds field f. First and last name are
// also available when they are split out of a full-name column.
func (c *Columns) Has(f Field) bool {
	if c == nil {
		return false
	}
	if len(c.index[f]) > 0 {
		return true
	}
	return (f == FirstName || f == LastName) && c.splitName
}

// HasContact reports whether some column can reach the lead: an e-mail,
// phone or mobile column. A file without one is warned about, its
// no_contact detector cannot run, and the summary says so.
func (c *Columns) HasContact() bool {
	return c.Has(Email) || c.Has(Phone) || c.Has(Mobile)
}

// Indexes returns the cell indexes mapped to f, in the order they were
// Set: for a repeated field (see [Field.Repeats]) the best column first
// (header.Mapper sets the winning column, then the others in header
// order), for free text in header order.
func (c *Columns) Indexes(f Field) []int { return c.index[f] }

// FieldOf returns the field that column i was mapped to, or NoField.
func (c *Columns) FieldOf(i int) Field {
	for f := FirstName; f < numFields; f++ {
		for _, j := range c.index[f] {
			if j == i {
				return f
			}
		}
	}
	return NoField
}

// Values returns the trimmed value of each column of f in cells, one per
// column in [Columns.Indexes] order, empty ones included; nil when no
// column holds f. Split first and last names come from the full name.
func (c *Columns) Values(cells []string, f Field) []string {
	if (f == FirstName || f == LastName) && c.splitName {
		return []string{c.Value(cells, f)}
	}
	idx := c.index[f]
	if len(idx) == 0 {
		return nil
	}
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = strings.TrimSpace(cellAt(cells, i))
	}
	return out
}

// Value returns field f's trimmed value in cells: for free text every
// non-empty column joined by newlines, for a repeated field (see
// [Field.Repeats]) its first column's, else its one column's.
func (c *Columns) Value(cells []string, f Field) string {
	if (f == FirstName || f == LastName) && c.splitName {
		first, last := SplitName(cellAt(cells, c.index[FullName][0]))
		if f == FirstName {
			return first
		}
		return last
	}
	idx := c.index[f]
	switch {
	case len(idx) == 0:
		return ""
	case len(idx) == 1 || !f.MultiColumn():
		return strings.TrimSpace(cellAt(cells, idx[0]))
	}
	var parts []string
	for _, i := range idx {
		if v := strings.TrimSpace(cellAt(cells, i)); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "\n")
}

func cellAt(cells []string, i int) string {
	if i < 0 || i >= len(cells) {
		return ""
	}
	return cells[i]
}

// SplitName splits a single name cell into first and last name. "Last,
// First" is understood; otherwise the last word is the last name, except
// that lower-case particles (van der, de la, bin, al) stay with it.
func SplitName(full string) (first, last string) {
	full = strings.TrimSpace(full)
	if full == "" {
		return "", ""
	}
	if i := strings.IndexByte(full, ','); i >= 0 {
		return strings.TrimSpace(full[i+1:]), strings.TrimSpace(full[:i])
	}
	words := strings.Fields(full)
	if len(words) == 1 {
		return words[0], ""
	}
	cut := len(words) - 1
	for cut > 1 && isParticle(words[cut-1]) {
		cut--
	}
	return strings.Join(words[:cut], " "), strings.Join(words[cut:], " ")
}

func isParticle(w string) bool {
	switch w {
	case "van", "von", "der", "den", "de", "la", "le", "del", "della", "di", "da", "dos", "das", "du", "bin", "ibn", "al", "el", "ter", "ten", "zu":
		return true
	}
	return false
}
