package header

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/leadclean/leadclean/pkg/lead"
)

// maxHeaderBytes bounds the header cells worth matching: no alias is this
// long, and a longer cell (a data row read as a header, a hostile file) is
// reported as unknown without being folded.
const maxHeaderBytes = 512

// Match tiers: a lower tier wins a field whatever the column order.
const (
	tierRulebook = iota // an extra alias given to NewMapper
	tierPrimary         // a primary spelling in the built-in table
	tierFallback        // a fallback spelling ("Home Phone", "utm_source")
	tierDerived         // head noun plus the lead's own qualifiers ("Lead Email")
)

// Mapper maps header cells to canonical fields with the built-in alias
// table plus extra aliases (from the rulebook's columns: section). A Mapper
// is immutable and safe for concurrent use; the zero value and a nil
// *Mapper use the built-in table alone.
type Mapper struct {
	extra map[string]extraAlias
}

type extraAlias struct {
	field    lead.Field
	spelling string
}

// NewMapper returns a Mapper that knows the built-in aliases plus extra,
// compared through [Normalize]. An extra alias wins over a built-in one with
// the same key, and a column matched by an extra alias wins its field over
// columns matched by built-in ones. Extra aliases match whole headers only
// (no head-noun rule). Aliases with no letters or digits and fields outside
// the canonical set are ignored; a key given for two fields goes to the one
// declared first in package lead. Use [CheckAliases] to report such
// mistakes to the user.
func NewMapper(extra map[lead.Field][]string) *Mapper {
	m := &Mapper{extra: make(map[string]extraAlias)}
	for _, f := range lead.Fields() {
		for _, spelling := range extra[f] {
			key := Normalize(spelling)
			if key == "" {
				continue
			}
			if _, taken := m.extra[key]; taken {
				continue
			}
			m.extra[key] = extraAlias{field: f, spelling: spelling}
		}
	}
	return m
}

// CheckAliases reports the mistakes NewMapper would silently skip in extra:
// a field outside the canonical set, an alias with no letters or digits, and
// one alias (after [Normalize]) given for two fields. It returns nil when
// there are none; otherwise every problem, joined, in field order.
func CheckAliases(extra map[lead.Field][]string) error {
	var errs []error
	var unknown []int
	for f := range extra {
		if f.String() == "" {
			unknown = append(unknown, int(f))
		}
	}
	slices.Sort(unknown)
	for _, f := range unknown {
		errs = append(errs, fmt.Errorf("header: aliases given for unknown field %d", f))
	}
	owner := make(map[string]lead.Field)
	for _, f := range lead.Fields() {
		for _, spelling := range extra[f] {
			key := Normalize(spelling)
			switch prev, taken := owner[key]; {
			case key == "":
				errs = append(errs, fmt.Errorf("header: alias %q for %s has no letters or digits", spelling, f))
			case taken && prev != f:
				errs = append(errs, fmt.Errorf("header: alias %q is given for both %s and %s", spelling, prev, f))
			default:
				owner[key] = f
			}
		}
	}
	return errors.Join(errs...)
}

// Mapping is how one input's header was understood.
type Mapping struct {
	// Columns holds the mapped fields; read rows through it.
	Columns *lead.Columns
	// Notes explains every header cell, one per cell, in header order.
	Notes []Note
	// open marks the columns whose header said nothing, which content
	// detection may still map (see ByContent).
	open []bool
}

// Note explains how one header cell was mapped, or why it was not.
type Note struct {
	// Index is the cell's 0-based position in the header.
	Index int
	// Header is the cell as read.
	Header string
	// Field is the field the column feeds, or lead.NoField.
	Field lead.Field
	// Why is a short explanation for people, such as `alias "email
	// address"`, `ambiguous: could be phone or mobile`, `qualifier "account
	// owner" names another record` or `duplicate of column 3 (email)`.
	// Column numbers in it count from 1, as a spreadsheet does. The text
	// is not a stable interface: match on Field, not on Why.
	Why string
}

// candidate is what one cell could feed before duplicates are settled.
type candidate struct {
	field      lead.Field
	tier       int
	why        string
	contextual bool // a bare "name" word: the field depends on the others
	status     bool // a bare "Status": the lead's status in a CRM export
	open       bool // the header says nothing: its content may decide
}

// Map maps header to canonical fields. It never fails: a cell that cannot
// be mapped gets a Note saying why, and the field stays missing.
func (m *Mapper) Map(header []string) *Mapping {
	t := builtinTable()
	cands := make([]candidate, len(header))
	for i, h := range header {
		cands[i] = m.classify(t, h)
	}
	resolveNames(cands)
	resolveStatus(cands)

	// For each single-valued field, the lowest tier wins, then the first
	// column; free-text fields take every column.
	winner := make(map[lead.Field]int) // field → index+1 of the winning column
	for i, c := range cands {
		f := c.field
		if f == lead.NoField || f.MultiColumn() {
			continue
		}
		if w := winner[f]; w == 0 || c.tier < cands[w-1].tier {
			winner[f] = i + 1
		}
	}

	mp := &Mapping{Columns: lead.NewColumns(header), Notes: make([]Note, len(header)), open: make([]bool, len(header))}
	// A repeated field's winner is its first column, the others follow
	// in header order.
	for _, f := range lead.Fields() {
		if w := winner[f]; w > 0 && f.Repeats() {
			mp.Columns.Set(f, w-1)
		}
	}
	fullName := -1
	for i, c := range cands {
		note := Note{Index: i, Header: header[i], Why: c.why}
		mp.open[i] = c.open
		f := c.field
		switch {
		case f == lead.NoField:
		case f == lead.FullName && winner[f] == i+1:
			// Set last: lead.Columns.Set recomputes its split-name flag
			// from Has, which reads that same flag, so every Set after
			// the full name's would flip it.
			fullName = i
			note.Field = f
		case f.Repeats() && winner[f] == i+1:
			note.Field = f
		case f.Repeats():
			if mp.Columns.Set(f, i) {
				note.Field = f
				note.Why = fmt.Sprintf("another %s column, checked too; %s", f, c.why)
			}
		case f.MultiColumn() || winner[f] == i+1:
			if mp.Columns.Set(f, i) {
				note.Field = f
			}
		default:
			w := winner[f]
			note.Why = fmt.Sprintf("duplicate of column %d (%s); %s", w, f, c.why)
		}
		mp.Notes[i] = note
	}
	if fullName >= 0 {
		mp.Columns.Set(lead.FullName, fullName)
	}
	return mp
}

// classify finds what one header cell could feed, before the other columns
// are considered.
func (m *Mapper) classify(t *table, h string) candidate {
	if strings.TrimSpace(h) == "" {
		return candidate{why: "empty header", open: true}
	}
	if len(h) > maxHeaderBytes {
		return candidate{why: "unknown: too long for a header"}
	}
	key := Normalize(h)
	if key == "" {
		// "#" is a row or record number.
		return candidate{why: "unknown: no letters or digits", open: !strings.Contains(h, "#")}
	}
	if m != nil {
		if x, ok := m.extra[key]; ok {
			return candidate{field: x.field, tier: tierRulebook, why: fmt.Sprintf("rulebook alias %q", x.spelling)}
		}
	}
	if e, ok := t.byKey[key]; ok {
		c := e.exact()
		c.status = e.refusal != "" && key == "status"
		return c
	}
	if tr := strings.TrimSpace(h); len(tr) > 3 && strings.EqualFold(tr[len(tr)-3:], "__c") {
		// Salesforce names its custom fields Home_Phone__c, Lead_Score__c.
		c := m.classify(t, tr[:len(tr)-3])
		c.why = "Salesforce custom field, " + c.why
		return c
	}
	ws := words(h)
	if c, ok := t.numbered(ws); ok {
		return c
	}
	return t.derive(ws)
}

// numbered maps a numbered contact column ("Phone 1", "Email 2", "MOBILE
// 1", "E-mail 2 Address", "Business Phone 2"): without its numbers the
// header must name email, phone or mobile, whose every column is checked.
// Other fields keep their number as a detail ("Address 2" is a second
// address line).
func (t *table) numbered(ws []string) (candidate, bool) {
	var rest []string
	for _, w := range ws {
		if w[0] < '0' || w[0] > '9' {
			rest = append(rest, w)
		}
	}
	if len(rest) == len(ws) || len(rest) == 0 {
		return candidate{}, false
	}
	c := candidate{}
	if e, ok := t.lookup(rest); ok && !e.contextual {
		c = candidate{field: e.field, tier: tierFallback, why: fmt.Sprintf("numbered %q", e.spelling)}
	} else {
		c = t.derive(rest)
		c.why = "numbered, " + c.why
	}
	if !c.field.Repeats() {
		return candidate{}, false
	}
	return c, true
}

// resolveNames settles bare "name" columns: they fill the missing half of a
// first/last pair, and are the full name otherwise.
func resolveNames(cands []candidate) {
	hasFirst, hasLast := false, false
	for _, c := range cands {
		hasFirst = hasFirst || (c.field == lead.FirstName && !c.contextual)
		hasLast = hasLast || (c.field == lead.LastName && !c.contextual)
	}
	for i := range cands {
		c := &cands[i]
		if !c.contextual {
			continue
		}
		switch {
		case hasFirst && !hasLast:
			c.field = lead.LastName
			c.why += " beside a first-name column: last name"
		case hasLast && !hasFirst:
			c.field = lead.FirstName
			c.why += " beside a last-name column: first name"
		case hasFirst && hasLast:
			c.field = lead.FullName
			c.why += " beside first- and last-name columns: full name"
		default:
			c.field = lead.FullName
			c.why += " with no first- or last-name column: full name"
		}
		if c.field == lead.FullName {
			// "Contact Name" beside Odoo's "name" (the lead's title) wins.
			c.tier = tierFallback
		}
	}
}

// resolveStatus maps a bare "Status" to the lead status in a CRM export:
// beside a lead-source or a converted column and no form-status column
// (Salesforce, SuiteCRM, Zoho lead exports). Elsewhere it stays ambiguous.
func resolveStatus(cands []candidate) {
	crm, form := false, false
	for _, c := range cands {
		crm = crm || c.field == lead.Source || c.field == lead.Converted
		form = form || c.field == lead.FormStatus
	}
	if !crm || form {
		return
	}
	for i := range cands {
		if c := &cands[i]; c.status {
			c.field, c.tier = lead.LeadStatus, tierFallback
			c.why = `"status" in a CRM lead export (a lead-source or converted column): the lead's status`
		}
	}
}

// Missing returns the canonical fields, outcome fields excepted, that no
// column feeds, in declaration order. First and last name count as found
// when they are split out of a full-name column, and the full name counts
// as found when both first and last name have columns.
func (m *Mapping) Missing() []lead.Field {
	return m.missing(false)
}

// MissingOutcomes returns the outcome fields (see [IsOutcome]) that no
// column feeds, in declaration order.
func (m *Mapping) MissingOutcomes() []lead.Field {
	return m.missing(true)
}

func (m *Mapping) missing(outcomes bool) []lead.Field {
	var out []lead.Field
	c := m.Columns
	for _, f := range lead.Fields() {
		if IsOutcome(f) != outcomes || c.Has(f) {
			continue
		}
		if f == lead.FullName && len(c.Indexes(lead.FirstName)) > 0 && len(c.Indexes(lead.LastName)) > 0 {
			continue
		}
		out = append(out, f)
	}
	return out
}

// IsOutcome reports whether f records what became of the lead (converted,
// opportunity, lifecycle stage, deals, deal stage) rather than describing it. Outcome
// fields are read by `leadclean audit` and are absent from most lists.
func IsOutcome(f lead.Field) bool {
	switch f {
	case lead.Converted, lead.ConvertedDate, lead.Opportunity, lead.LifecycleStage, lead.Deals, lead.DealAmount, lead.DealStage:
		return true
	}
	return false
}

// Aliases returns the built-in spellings of field f, primary ones first,
// as written in the alias table. The bare name words ("name", "nom",
// "nombre"), whose field depends on the other columns, are listed under
// lead.FullName.
func Aliases(f lead.Field) []string {
	var out []string
	for _, g := range builtinAliases {
		if g.field == f {
			out = append(out, g.primary...)
			out = append(out, g.fallback...)
		}
	}
	if f == lead.FullName {
		out = append(out, contextualNames...)
	}
	return out
}

// table is the compiled form of the data in aliases.go.
type table struct {
	byKey                                                                map[string]entry
	maxWords                                                             int // the most words in a spelling: bounds the head-noun search
	neutral, personalOwn, companyOwn, foreign, companyForeign, connector map[string]bool
}

// entry is one normalised spelling.
type entry struct {
	field      lead.Field
	tier       int
	spelling   string
	contextual bool
	refusal    string // non-empty: the header is refused for this reason
}

func (e entry) exact() candidate {
	switch {
	case e.refusal != "":
		return candidate{why: e.refusal}
	case e.contextual:
		return candidate{tier: tierPrimary, contextual: true, why: fmt.Sprintf("alias %q", e.spelling)}
	case e.tier == tierFallback:
		return candidate{field: e.field, tier: e.tier, why: fmt.Sprintf("fallback alias %q", e.spelling)}
	}
	return candidate{field: e.field, tier: e.tier, why: fmt.Sprintf("alias %q", e.spelling)}
}

// headField is the field an entry stands for inside a longer header: a bare
// name word there is the full name ("Attendee Name").
func (e entry) headField() lead.Field {
	if e.contextual {
		return lead.FullName
	}
	return e.field
}

var builtinTable = sync.OnceValue(buildTable)

func buildTable() *table {
	t := &table{byKey: make(map[string]entry)}
	add := func(spelling string, e entry) {
		key := Normalize(spelling)
		if _, dup := t.byKey[key]; dup || key == "" {
			return // the first spelling wins; a test keeps the table free of these
		}
		e.spelling = spelling
		t.byKey[key] = e
		t.maxWords = max(t.maxWords, len(words(spelling)))
	}
	for _, g := range builtinAliases {
		for _, s := range g.primary {
			add(s, entry{field: g.field, tier: tierPrimary})
		}
		for _, s := range g.fallback {
			add(s, entry{field: g.field, tier: tierFallback})
		}
	}
	for _, s := range contextualNames {
		add(s, entry{field: lead.FullName, tier: tierPrimary, contextual: true})
	}
	for _, r := range refusals {
		for _, s := range r.spellings {
			add(s, entry{refusal: r.why})
		}
	}
	set := func(list []string) map[string]bool {
		s := make(map[string]bool, len(list))
		for _, w := range list {
			s[Normalize(w)] = true
		}
		return s
	}
	t.neutral = set(neutralWords)
	t.personalOwn = set(personalOwnWords)
	t.companyOwn = set(companyOwnWords)
	t.foreign = set(foreignWords)
	t.companyForeign = set(companyForeignWords)
	t.connector = set(connectorWords)
	return t
}

// lookup returns the non-refused entry for the words ws.
func (t *table) lookup(ws []string) (entry, bool) {
	e, ok := t.byKey[strings.Join(ws, "")]
	return e, ok && e.refusal == ""
}

// derive applies the head-noun rule to a header that is not an alias.
func (t *table) derive(ws []string) candidate {
	n := len(ws)
	// The head noun is the longest alias that ends the header.
	for i := max(1, n-t.maxWords); i < n; i++ {
		if e, ok := t.lookup(ws[i:]); ok {
			return t.qualify(ws[:i], e)
		}
	}
	for _, w := range ws {
		if t.foreign[w] {
			return candidate{why: fmt.Sprintf("unknown: %q names another record", w)}
		}
	}
	// An alias that starts the header is described, not given: "Email Opt
	// Out", "Phone Verified", "Company Type".
	for j := min(n-1, t.maxWords); j >= 1; j-- {
		if e, ok := t.lookup(ws[:j]); ok {
			f := e.headField()
			return candidate{why: fmt.Sprintf("a detail about %s (%q), not the %s itself", f, strings.Join(ws[j:], " "), f)}
		}
	}
	return candidate{why: "unknown", open: !namesAnID(ws)}
}

// idWords name a record's identifier or a count: such a column holds
// digits that are no phone number ("Record ID", "Order #", "Lead Number"),
// so its content does not decide.
var idWords = map[string]bool{"id": true, "ids": true, "identifier": true, "uuid": true, "guid": true, "key": true,
	"number": true, "no": true, "nr": true, "num": true, "index": true, "code": true, "ref": true, "reference": true,
	"count": true, "total": true, "amount": true, "quantity": true, "qty": true, "score": true, "zip": true, "postcode": true}

func namesAnID(ws []string) bool {
	for _, w := range ws {
		if idWords[w] {
			return true
		}
	}
	return false
}

// qualify decides whether the qualifiers mods in front of head noun e still
// name the lead's own value.
func (t *table) qualify(mods []string, e entry) candidate {
	f := e.headField()
	phrase := strings.Join(mods, " ")
	for _, w := range mods {
		if t.foreign[w] {
			return candidate{why: fmt.Sprintf("qualifier %q names another record", phrase)}
		}
	}
	if personalField(f) {
		for _, w := range mods {
			if t.companyForeign[w] {
				return candidate{why: fmt.Sprintf("qualifier %q names the company, not the person", phrase)}
			}
		}
	}
	var rest []string
	for _, w := range mods {
		own := t.neutral[w] || t.connector[w] ||
			(personalField(f) && t.personalOwn[w]) ||
			(companyField(f) && t.companyOwn[w])
		if !own {
			rest = append(rest, w)
		}
	}
	if len(rest) == 0 {
		return candidate{field: f, tier: tierDerived, why: fmt.Sprintf("head noun %q, qualifier %q", e.spelling, phrase)}
	}
	// Qualifiers that are themselves aliases: "Title / Position" agrees,
	// "Phone / Mobile" is ambiguous.
	others, covered := t.cover(rest)
	if !covered {
		return candidate{why: fmt.Sprintf("unknown qualifier %q on %s", strings.Join(rest, " "), f)}
	}
	var names []string
	for _, o := range others {
		if o != f {
			names = append(names, o.String())
		}
	}
	if len(names) > 0 {
		return candidate{why: fmt.Sprintf("ambiguous: could be %s or %s", strings.Join(names, " or "), f)}
	}
	return candidate{field: f, tier: tierDerived, why: fmt.Sprintf("head noun %q, qualifier %q", e.spelling, phrase)}
}

// cover splits ws into aliases, longest first from the left, and returns
// their distinct fields in order; covered is false when some word is no
// part of an alias.
func (t *table) cover(ws []string) (fields []lead.Field, covered bool) {
	for len(ws) > 0 {
		found := false
		for j := min(len(ws), t.maxWords); j >= 1; j-- {
			if e, ok := t.lookup(ws[:j]); ok {
				f := e.headField()
				seen := false
				for _, g := range fields {
					seen = seen || g == f
				}
				if !seen {
					fields = append(fields, f)
				}
				ws = ws[j:]
				found = true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return fields, true
}
