// Package leadgen writes realistic, labelled lead exports for tests,
// benchmarks and the performance script.
//
// # What it writes
//
// [Write] produces one CSV export in one of the styles of real lead lists
// (see [Styles]): a Salesforce Leads report, a HubSpot contacts export, a
// badge-scanner list saved by a German Excel, typed-up goldfish-bowl cards
// and a web-form dump. Rows follow the country mix of international lists
// (about 40% US, 10% GB, 10% DE, ...), carry names from many cultures,
// company e-mail addresses (with some free-mail and role accounts, which are
// not junk) and phone numbers that libphonenumber calls valid, in the
// formats people type, outside the ranges reserved for fiction. As in a
// real list, no two rows share a valid phone number unless one is a
// planted duplicate of the other, so a phone checker's cache cannot
// flatter a benchmark; [Options.PhonePool] draws from a small pool
// instead.
//
// A share of the rows ([Options.JunkShare]) is junk on purpose, with the
// reason codes of package lead: competitor, student, email_open_only,
// image_view_only, below_budget, abandoned_form, bogus_phone, bogus_email,
// wrong_name, vendor and duplicate. Each style plants only the reasons its
// columns can show ([Style.Reasons]). The truth for every row goes to a
// callback as a [Label], so a test can measure a detector's precision and
// recall and a ten-million-row run keeps no labels in memory.
//
// # Guarantees
//
//   - Deterministic: the same Options give byte-identical output.
//   - Streaming: memory does not grow with Rows, apart from two
//     fixed-size bit sets (at most 32 MiB each) that keep every e-mail
//     address and every phone number unique so that the only duplicates
//     are the planted ones. (A pooled number stands in for a fresh one
//     when 32 draws fail: not once in a 4-million-row file.)
//   - Clean rows are clean: valid e-mail syntax at a non-reserved,
//     non-disposable domain (or none in the card styles), a valid
//     non-fictional phone or none, a real-looking name, revenue blank,
//     unknown or at least 2,000,000 USD, no sales pitch in the message, and
//     complete form fields (first name, last name, e-mail, company).
//   - The labels are the truth for a rulebook that lists [CompetitorDomain]
//     and [CompetitorName] as competitors and [MinRevenue] as the budget
//     ([VendorCompanies] may be listed as vendors: their rows are vendor
//     rows anyway). Duplicates follow leadclean's duplicate key: the e-mail, case
//     folded (Gmail also without dots and +tags), else E.164 phone and name.
package leadgen

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/leadclean/leadclean/pkg/lead"
)

// Style is an export style.
type Style string

// The export styles.
const (
	// Salesforce is a Salesforce Leads report: UTF-8 with BOM, CRLF, every
	// field quoted, "Company / Account", "Description".
	Salesforce Style = "salesforce"
	// HubSpot is a HubSpot contacts export with engagement columns and
	// free-text "Annual Revenue".
	HubSpot Style = "hubspot"
	// BadgeDE is a badge-scanner list saved by a German Excel:
	// `;`-separated, Windows-1252, CRLF, German headers.
	BadgeDE Style = "badge-de"
	// Goldfish is typed-up business cards from a goldfish bowl, with a
	// single Name column.
	Goldfish Style = "goldfish"
	// FormDump is a web-form tool's dump: snake_case headers, form_status
	// and message columns.
	FormDump Style = "formdump"
)

// Styles returns every style.
func Styles() []Style { return []Style{Salesforce, HubSpot, BadgeDE, Goldfish, FormDump} }

// ParseStyle returns the style named s.
func ParseStyle(s string) (Style, error) {
	for _, st := range Styles() {
		if string(st) == s {
			return st, nil
		}
	}
	names := make([]string, 0, 5)
	for _, st := range Styles() {
		names = append(names, string(st))
	}
	return "", fmt.Errorf("unknown style %q (want one of %s)", s, strings.Join(names, ", "))
}

// Reasons returns the reason codes the style plants: those its columns can
// show. The order follows lead.Reasons.
func (s Style) Reasons() []lead.Reason {
	spec, ok := specs[s]
	if !ok {
		return nil
	}
	// no_contact is never planted on its own: it follows when a row's
	// every e-mail and phone is empty or planted bogus.
	rs := append(append([]lead.Reason(nil), spec.reasons...), lead.NoContact)
	order := lead.Reasons()
	slices.SortStableFunc(rs, func(a, b lead.Reason) int { return slices.Index(order, a) - slices.Index(order, b) })
	return rs
}

// Header returns the style's header row.
func (s Style) Header() []string {
	spec, ok := specs[s]
	if !ok {
		return nil
	}
	return append([]string(nil), spec.header...)
}

// The values a rulebook must hold for the planted reasons to be the truth.
const (
	// CompetitorDomain is the competitor's e-mail and web domain.
	CompetitorDomain = "rivalsoft.com"
	// CompetitorName is the competitor's company name; rows spell it with
	// legal suffixes and in other cases ("RivalSoft Inc.", "RIVALSOFT GmbH").
	CompetitorName = "RivalSoft"
	// MinRevenue is the budget in USD: planted below_budget rows state less,
	// clean rows state at least twice as much, or nothing.
	MinRevenue = 1_000_000
	// DefaultJunkShare is the junk share used when Options.JunkShare is 0.
	DefaultJunkShare = 0.3
)

// VendorCompanies returns the company names of the planted vendors. Vendor
// rows are also recognisable by their message alone.
func VendorCompanies() []string { return append([]string(nil), vendorCompanies...) }

// Options says what to write.
type Options struct {
	// Rows is the number of data rows (the header is extra).
	Rows int
	// Seed makes the output; the same Options give the same bytes.
	Seed int64
	// Style is the export style.
	Style Style
	// JunkShare is the share of rows with planted junk, in [0, 1]; 0 means
	// DefaultJunkShare, a negative value means no junk at all.
	JunkShare float64
	// PhonePool reuses a pool of 160 numbers per country and kind (fixed
	// line or mobile), as switchboard-heavy lists do: across a large file
	// each number repeats thousands of times. By default every number is
	// drawn afresh and, but for planted duplicates, none repeats in the
	// file, as in a real list; a phone checker then has to parse each.
	PhonePool bool
}

// Label is the truth for one generated data row.
type Label struct {
	// Line is the physical line the row starts on in the written file
	// (the header is line 1). Quoted fields may hold line breaks, so a
	// row may span several lines.
	Line int
	// Reasons are the junk codes deliberately planted, empty for a clean
	// lead. Duplicates: only the later row is labelled.
	Reasons []lead.Reason
}

// Write writes one export to w and reports the truth for each data row, in
// order, to label (nil to ignore). The slice in each Label is the callee's
// to keep.
func Write(w io.Writer, opts Options, label func(Label)) error {
	if w == nil {
		return errors.New("leadgen: nil writer")
	}
	g, err := newGenerator(opts)
	if err != nil {
		return err
	}
	return g.run(w, label)
}

// generator holds the state of one Write.
type generator struct {
	opts      Options
	junkShare float64
	spec      *styleSpec
	rng       *rand.Rand
	names     *tableSet
	pool      *phonePool
	seen      *seenSet
	issued    *seenSet // the E.164 numbers handed out; nil with PhonePool
	weights   []int    // cumulative country weights
	created   time.Time
	stepMax   int // seconds between rows, at most

	// recent and older keep clean rows for planting duplicates: the last
	// few and a reservoir sample of all.
	recent      [32]row
	older       [64]row
	cleanSeen   int
	fixedBogus  int // next unused entry of bogusEmailsFixed
	keyBuf      []byte
	enc         encoder
	fields      []string
	line        int
	rowIndex    int
	reasonsBuf  []lead.Reason
	bogusPhones map[string][]string // region ("" for any) → values
	nsnBuf      []byte
	telKey      []byte
}

// row is one lead before it is laid out in a style's columns.
type row struct {
	country    *country
	countryIdx int
	first      nameEntry
	last       nameEntry
	title      string
	department string
	company    string
	domain     string
	email      string
	phone      string
	tel        phoneNum // the number phone shows; none when phone is empty or bogus
	mobile     string
	street     string
	city       string
	state      string
	postal     string
	revenue    string
	employees  string
	message    string
	source     string
	lifecycle  string
	opens      int
	clicks     int
	views      int
	forms      int
	firstPage  string
	lastPage   string
	formStatus string
	submitted  bool
	created    time.Time
	salutation string
}

func newGenerator(opts Options) (*generator, error) {
	spec, ok := specs[opts.Style]
	if !ok {
		_, err := ParseStyle(string(opts.Style))
		return nil, fmt.Errorf("leadgen: %w", err)
	}
	if opts.Rows < 0 {
		return nil, fmt.Errorf("leadgen: negative row count %d", opts.Rows)
	}
	share := opts.JunkShare
	switch {
	case math.IsNaN(share) || share > 1:
		return nil, fmt.Errorf("leadgen: junk share %v outside [0, 1]", opts.JunkShare)
	case share == 0:
		share = DefaultJunkShare
	case share < 0:
		share = 0
	}
	g := &generator{
		opts:      opts,
		junkShare: share,
		spec:      spec,
		rng:       rand.New(rand.NewPCG(uint64(opts.Seed), 0x6c656164676e)),
		names:     tables(),
		pool:      phones(),
		seen:      newSeenSet(opts.Rows),
		created:   time.Date(2026, 1, 5, 8, 30, 0, 0, time.UTC),
		enc:       encoder{comma: spec.comma, crlf: spec.crlf, quoteAll: spec.quoteAll, cp1252: spec.cp1252},
	}
	if !opts.PhonePool {
		// Up to two numbers a row (phone and mobile), and the variants
		// tried and rejected.
		g.issued = newSeenSet(2 * opts.Rows)
	}
	span := 365 * 24 * 3600
	g.stepMax = 2 * span / max(opts.Rows, 1)
	g.stepMax = min(max(g.stepMax, 2), 4*3600)
	weights := spec.countryWeights
	total := 0
	for i := range countries {
		total += weights[i]
		g.weights = append(g.weights, total)
	}
	g.bogusPhones = map[string][]string{}
	for _, b := range bogusPhones {
		region, value, ok := strings.Cut(b, ":")
		if !ok {
			region, value = "", b
		}
		g.bogusPhones[region] = append(g.bogusPhones[region], value)
	}
	return g, nil
}

func (g *generator) run(w io.Writer, label func(Label)) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if g.spec.bom {
		if _, err := bw.WriteString("\uFEFF"); err != nil {
			return fmt.Errorf("leadgen: write: %w", err)
		}
	}
	g.enc.appendRow(g.spec.header)
	g.line = 1 + g.enc.flushTo(bw)
	if err := g.enc.err; err != nil {
		return fmt.Errorf("leadgen: write header: %w", err)
	}
	var r row
	for g.rowIndex = 0; g.rowIndex < g.opts.Rows; g.rowIndex++ {
		reasons := g.next(&r)
		g.fields = g.spec.fill(g, &r, g.fields[:0])
		g.enc.appendRow(g.fields)
		start := g.line
		g.line += g.enc.flushTo(bw)
		if err := g.enc.err; err != nil {
			return fmt.Errorf("leadgen: write row %d: %w", g.rowIndex+1, err)
		}
		if label != nil {
			var rs []lead.Reason
			if len(reasons) > 0 {
				rs = append([]lead.Reason(nil), reasons...)
			}
			label(Label{Line: start, Reasons: rs})
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("leadgen: write: %w", err)
	}
	return nil
}

// next fills r with the next row and returns its planted reasons (a
// buffer reused by the next call).
func (g *generator) next(r *row) []lead.Reason {
	g.created = g.created.Add(time.Duration(1+g.rng.IntN(g.stepMax)) * time.Second)
	reasons := g.reasonsBuf[:0]
	if g.rng.Float64() < g.junkShare {
		primary := g.spec.reasons[g.rng.IntN(len(g.spec.reasons))]
		if primary == lead.Duplicate && g.cleanSeen == 0 {
			primary = lead.BogusEmail
		}
		reasons = append(reasons, primary)
		if primary == lead.Duplicate {
			g.duplicate(r)
			g.reasonsBuf = reasons
			return reasons
		}
		g.clean(r, primary)
		g.plant(r, primary)
		// A few junk rows carry a second reason, as real junk does.
		if g.rng.IntN(100) < 8 {
			switch {
			case primary != lead.BogusPhone && primary != lead.WrongName && g.spec.has(lead.BogusPhone):
				reasons = append(reasons, lead.BogusPhone)
				g.plant(r, lead.BogusPhone)
			case primary != lead.BelowBudget && g.spec.has(lead.BelowBudget):
				reasons = append(reasons, lead.BelowBudget)
				g.plant(r, lead.BelowBudget)
			}
		}
		if unreachable(r, reasons) {
			reasons = append(reasons, lead.NoContact)
		}
		g.claimKeys(r)
	} else {
		g.clean(r, "")
		g.claimKeys(r)
		g.remember(r)
	}
	g.reasonsBuf = reasons
	return reasons
}

// unreachable reports a row whose every e-mail and phone is empty or
// planted bogus: leadclean finds no_contact on it.
func unreachable(r *row, reasons []lead.Reason) bool {
	noEmail := r.email == "" || slices.Contains(reasons, lead.BogusEmail)
	noPhone := (r.phone == "" && r.mobile == "") || slices.Contains(reasons, lead.BogusPhone)
	return noEmail && noPhone
}

// remember keeps a clean row as a source for later duplicates.
func (g *generator) remember(r *row) {
	g.recent[g.cleanSeen%len(g.recent)] = *r
	if g.cleanSeen < len(g.older) {
		g.older[g.cleanSeen] = *r
	} else if j := g.rng.IntN(g.cleanSeen + 1); j < len(g.older) {
		g.older[j] = *r
	}
	g.cleanSeen++
}

// pick returns a random element of list.
func pick[T any](g *generator, list []T) T { return list[g.rng.IntN(len(list))] }

// chance reports true with probability percent/100.
func (g *generator) chance(percent int) bool { return g.rng.IntN(100) < percent }

func (g *generator) pickCountry() int {
	n := g.rng.IntN(g.weights[len(g.weights)-1])
	for i, cum := range g.weights {
		if n < cum {
			return i
		}
	}
	return len(g.weights) - 1
}

// pickName draws a person's name of country c, usable in the style's
// encoding.
func (g *generator) pickName(c *country) (first, last nameEntry) {
	for attempt := 0; ; attempt++ {
		total := 0
		for _, wn := range c.names {
			total += wn.weight
		}
		n := g.rng.IntN(total)
		var src *nameSource
		for _, wn := range c.names {
			if n < wn.weight {
				src = wn.source
				break
			}
			n -= wn.weight
		}
		t := g.names.names[src]
		first, last = pick(g, t.given), pick(g, t.family)
		if !g.spec.cp1252 || (first.cp1252 && last.cp1252) || attempt > 20 {
			if g.spec.cp1252 && !(first.cp1252 && last.cp1252) {
				first, last = g.names.names[&namesGerman].given[0], g.names.names[&namesGerman].family[0]
			}
			return first, last
		}
	}
}

// clean fills r with a clean lead. primary is the reason about to be
// planted ("" for none), so that fields it replaces are not wasted on
// claims.
func (g *generator) clean(r *row, primary lead.Reason) {
	*r = row{}
	r.countryIdx = g.pickCountry()
	r.country = &countries[r.countryIdx]
	c := r.country
	r.created = g.created
	r.first, r.last = g.pickName(c)
	if g.spec.cp1252 {
		r.title = pick(g, cleanTitlesGerman)
		if c.code != "DE" || g.chance(40) {
			r.title = pick(g, cleanTitles)
		}
		r.department = pick(g, germanDepartments)
		r.salutation = pick(g, []string{"Herr", "Frau", ""})
	} else {
		r.title = pick(g, cleanTitles)
	}
	wi, ki := g.rng.IntN(len(c.companyWords)), g.rng.IntN(len(c.companyKinds))
	r.company, r.domain = companyAt(r.countryIdx, wi, ki)
	if g.chance(3) {
		// Staff of a university: a customer, not a student.
		if u, ok := g.universityIn(c.code); ok {
			r.company, r.domain, r.title = u.name, u.domain, pick(g, universityStaffTitles)
		}
	}
	ci := g.rng.IntN(len(c.cities))
	r.city, r.state = c.cities[ci].name, c.cities[ci].state
	r.postal = g.postal(c, c.cities[ci].postal)
	r.street = c.street(g)
	r.employees = strconv.Itoa(pick(g, []int{12, 35, 60, 150, 240, 480, 900, 1500, 3200, 12000}))
	r.revenue = pick(g, g.spec.cleanRevenue)
	if g.spec.hasMessage && g.chance(35) {
		r.message = pick(g, g.spec.messages)
	}
	r.source = pick(g, g.spec.sources)
	g.cleanEngagement(r)
	r.formStatus = pick(g, []string{"completed", "submitted", "complete"})
	r.submitted = true

	if primary != lead.BogusEmail && (g.spec.emailAlways || !g.chance(4)) {
		r.email = g.uniqueEmail(func(attempt int) string { return g.personalEmail(r, attempt, false) })
	}
	if g.chance(90) || r.email == "" || primary == lead.WrongName {
		g.setPhone(r, g.chance(50))
	}
	if g.spec.hasMobile && g.chance(35) {
		r.mobile = g.phoneNumber(c, true).render(g.phoneFormat(c))
	}
}

// cleanEngagement sets engagement a real, interested lead shows.
func (g *generator) cleanEngagement(r *row) {
	r.lifecycle = pick(g, []string{"Lead", "Marketing Qualified Lead", "Sales Qualified Lead", "Opportunity"})
	switch g.rng.IntN(10) {
	case 0, 1: // imported or offline: no engagement recorded at all
		if g.opts.Style == HubSpot {
			r.source = "Offline Sources"
		}
		r.lifecycle = "Lead"
	case 2, 3, 4: // engaged subscriber
		r.opens = 2 + g.rng.IntN(30)
		r.clicks = 1 + g.rng.IntN(8)
		r.views = 3 + g.rng.IntN(15)
	default: // filled in a form
		r.opens = g.rng.IntN(20)
		r.clicks = g.rng.IntN(5)
		r.views = 2 + g.rng.IntN(25)
		r.forms = 1 + g.rng.IntN(3)
	}
	if r.views > 0 {
		r.firstPage = ownSite + pick(g, cleanPages)
		r.lastPage = ownSite + pick(g, cleanPages)
	}
}

func (g *generator) universityIn(code string) (university, bool) {
	start := g.rng.IntN(len(universities))
	for i := range universities {
		u := universities[(start+i)%len(universities)]
		if u.country == code && (!g.spec.cp1252 || cp1252OK(u.name)) {
			return u, true
		}
	}
	return university{}, false
}

// companyAt returns the name and domain of company (wi, ki) of country ci.
func companyAt(ci, wi, ki int) (name, domain string) {
	co := tables().companies[ci][wi*len(countries[ci].companyKinds)+ki]
	return co.name, co.domain
}

// makeCompany builds the name and domain of company (wi, ki) of c. The
// legal suffix, the domain's separator and its TLD follow from the indexes
// so a company always has one domain.
func makeCompany(c *country, wi, ki int) (name, domain string) {
	word, kind := c.companyWords[wi], c.companyKinds[ki]
	name = word + " " + kind
	if legal := c.legal[(wi+3*ki)%len(c.legal)]; legal != "" {
		name += " " + legal
	}
	sep := ""
	if (wi+ki)%2 == 0 {
		sep = "-"
	}
	domain = slug(word) + sep + slug(kind) + "." + c.tlds[(7*wi+ki)%len(c.tlds)]
	return name, domain
}

// slug is a domain label for a company word.
func slug(s string) string { return strings.ReplaceAll(foldASCII(s), "'", "") }

// personalEmail makes the row's own address; attempt > 0 asks for another
// spelling because the previous one was taken. A role account (info@) is
// possible unless noRole.
func (g *generator) personalEmail(r *row, attempt int, noRole bool) string {
	first, last := r.first.ascii, strings.ReplaceAll(r.last.ascii, "'", "")
	if g.chance(25) {
		last = r.last.ascii // o'brien@ is a valid address
	}
	if first == "" {
		first = "contact"
	}
	if last == "" {
		last = "lead"
	}
	domain := r.domain
	freeMail := false
	switch {
	case attempt == 0 && !noRole && g.chance(4):
		return pick(g, roleLocalParts) + "@" + domain
	case g.chance(15):
		domain, freeMail = pick(g, r.country.free), true
	}
	var local string
	switch g.rng.IntN(6) {
	case 0, 1:
		local = first + "." + last
	case 2:
		local = first[:1] + last
	case 3:
		local = first
	case 4:
		local = first + "_" + last
	default:
		local = first[:1] + "." + last
	}
	if freeMail {
		local = first + "." + last
		if g.chance(60) {
			local += strconv.Itoa(10 + g.rng.IntN(90))
		}
	}
	if attempt > 0 {
		local += strconv.Itoa(attempt + g.rng.IntN(99))
	}
	return local + "@" + domain
}

// uniqueEmail returns the first address from make whose duplicate key is
// new, and claims it.
func (g *generator) uniqueEmail(make func(attempt int) string) string {
	for attempt := 0; ; attempt++ {
		e := make(attempt)
		if e == "" || g.seen.add(g.emailKey(e)) {
			return e
		}
		if attempt > 50 {
			return "" // cannot happen with the numeric suffixes; stay safe
		}
	}
}

// claimKeys records the duplicate keys of a row without e-mail: the
// pipeline matches those on phone and name.
func (g *generator) claimKeys(r *row) {
	if r.email != "" || r.tel.entry == nil {
		return
	}
	g.keyBuf = append(g.keyBuf[:0], "phone:"...)
	g.keyBuf = r.tel.appendE164(g.keyBuf)
	g.keyBuf = append(g.keyBuf, '|')
	g.keyBuf = append(g.keyBuf, strings.ToLower(r.first.display+" "+r.last.display)...)
	if !g.seen.add(g.keyBuf) {
		// Same number and name as an earlier card: drop the phone rather
		// than plant an unlabelled duplicate.
		r.phone, r.tel = "", phoneNum{}
	}
}

// emailKey is the duplicate key of an address: lower case, and for Gmail
// without dots and +tags.
func (g *generator) emailKey(e string) []byte {
	b := append(g.keyBuf[:0], "email:"...)
	at := strings.LastIndexByte(e, '@')
	domain := e[at+1:]
	if at > 0 && (strings.EqualFold(domain, "gmail.com") || strings.EqualFold(domain, "googlemail.com")) {
		local := e[:at]
		if plus := strings.IndexByte(local, '+'); plus >= 0 {
			local = local[:plus]
		}
		for i := 0; i < len(local); i++ {
			if local[i] != '.' {
				b = append(b, lowerASCII(local[i]))
			}
		}
		b = append(b, "@gmail.com"...)
	} else {
		for i := 0; i < len(e); i++ {
			b = append(b, lowerASCII(e[i]))
		}
	}
	g.keyBuf = b
	return b
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// setPhone gives r a valid number of its country, fixed line or mobile.
func (g *generator) setPhone(r *row, mobile bool) {
	r.tel = g.phoneNumber(r.country, mobile)
	r.phone = r.tel.render(g.phoneFormat(r.country))
}

// A fresh number takes up to variantTries draws. The first narrowTries
// replace the last four digits of the pooled entry, the rest the last
// five: nearly every first draw passes (a variant keeps its entry's area
// code or mobile range, so it is valid when the entry is), and the wider
// draws serve files so large that an entry's four-digit variants run
// short. The bound only keeps a pathological entry from spinning.
const (
	variantTries = 32
	narrowTries  = 16
)

// phoneNumber returns a valid number of country c, fixed line or mobile.
// With PhonePool it is a pooled entry. Otherwise it is a variant of one
// with random final digits that passes the pool's own checks (a plausible
// pattern, outside fictional ranges, valid for the region and of the
// kind) and was not issued before in this file; after variantTries failed
// draws, the pooled entry itself.
func (g *generator) phoneNumber(c *country, mobile bool) phoneNum {
	list := g.pool.fixed[c.code]
	if mobile {
		list = g.pool.mobile[c.code]
	}
	e := &list[g.rng.IntN(len(list))]
	if g.issued == nil {
		return phoneNum{entry: e}
	}
	nsn := append(g.nsnBuf[:0], e.nsn...)
	g.nsnBuf = nsn
	tail := nsn[len(nsn)-tailLen:]
	for try := range variantTries {
		width, n := 4, g.rng.IntN(10_000)
		if try >= narrowTries {
			width, n = 5, g.rng.IntN(100_000)
		}
		for i := len(tail) - 1; i >= len(tail)-width; i-- {
			tail[i] = byte('0' + n%10)
			n /= 10
		}
		s := string(nsn)
		if !plausibleNSN(s) || fictionalNSN(e.region, s) {
			continue
		}
		// Claimed before the costly check: a number that fails it fails
		// every time, so marking it issued loses nothing.
		g.telKey = append(append(g.telKey[:0], e.e164[:len(e.e164)-len(tail)]...), tail...)
		if !g.issued.add(g.telKey) {
			continue
		}
		if !validKind(e.region, e.cc, e.typ, s) {
			continue
		}
		p := phoneNum{entry: e}
		copy(p.tail[:], tail)
		return p
	}
	g.issued.add([]byte(e.e164))
	return phoneNum{entry: e}
}

// phoneFormat picks how this style and country type a number. National
// formats need the row's country to be read; the badge list's German
// country names are used only for German numbers.
func (g *generator) phoneFormat(c *country) phoneFormat {
	n := g.rng.IntN(100)
	if g.spec.cp1252 && c.code != "DE" {
		return formatInternational
	}
	nanp := c.code == "US" || c.code == "CA"
	switch g.opts.Style {
	case BadgeDE:
		switch {
		case n < 50:
			return formatNational
		case n < 70:
			return formatInternational
		case n < 85:
			return formatGermanParen
		default:
			return formatDoubleZero
		}
	case FormDump:
		switch {
		case n < 25:
			return formatDigits
		case n < 55:
			return formatNational
		case n < 80:
			return formatE164
		default:
			return formatInternational
		}
	}
	switch {
	case n < 45:
		return formatNational
	case n < 70:
		return formatInternational
	case n < 80:
		return formatE164
	case n < 85:
		return formatDoubleZero
	case nanp && n < 93:
		return formatDashes
	case nanp:
		return formatDots
	}
	return formatNational
}

// postal makes a postal code of c in its city's area.
func (g *generator) postal(c *country, prefix string) string {
	digits := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + g.rng.IntN(10))
		}
		return string(b)
	}
	letters := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "ABDEFGHJLNPQRSTUWXYZ"[g.rng.IntN(20)]
		}
		return string(b)
	}
	switch c.code {
	case "US", "FR", "ES":
		return prefix + digits(5-len(prefix))
	case "DE":
		return prefix + digits(3)
	case "GB":
		return prefix + digits(1) + letters(2)
	case "CA":
		return prefix + " " + digits(1) + letters(1) + digits(1)
	case "NL":
		return prefix + digits(2) + " " + letters(2)
	case "IN":
		return prefix + digits(3)
	case "AU":
		return prefix
	case "BR":
		return prefix + digits(3) + "-" + digits(3)
	case "JP":
		return prefix + digits(4)
	}
	return prefix
}

// duplicate fills r with an earlier clean lead entered again: the same
// person, the e-mail in another case (or, at Gmail, with dots or a +tag),
// the phone typed another way.
func (g *generator) duplicate(r *row) {
	var src row
	if n := min(g.cleanSeen, len(g.recent)); g.chance(50) || g.cleanSeen <= len(g.recent) {
		src = g.recent[g.rng.IntN(n)]
	} else {
		src = g.older[g.rng.IntN(min(g.cleanSeen, len(g.older)))]
	}
	*r = src
	r.created = g.created
	if r.email != "" {
		r.email = g.emailVariant(r.email)
	}
	if r.tel.entry != nil {
		r.phone = r.tel.render(g.phoneFormat(r.country))
	}
	g.cleanEngagement(r)
	r.message = ""
}

// emailVariant spells e differently without changing its duplicate key.
func (g *generator) emailVariant(e string) string {
	at := strings.LastIndexByte(e, '@')
	local, domain := e[:at], e[at+1:]
	if domain == "gmail.com" && g.chance(70) {
		plain := strings.ReplaceAll(local, ".", "")
		switch g.rng.IntN(3) {
		case 0:
			return plain + "+" + pick(g, []string{"news", "events", "work", "leads"}) + "@" + domain
		case 1:
			if len(plain) > 2 {
				return plain[:2] + "." + plain[2:] + "@" + domain
			}
		}
		return plain + "@" + domain
	}
	switch g.rng.IntN(3) {
	case 0:
		return strings.ToUpper(e)
	case 1:
		return titleCase(local) + "@" + strings.ToUpper(domain[:1]) + domain[1:]
	}
	return titleCase(local) + "@" + domain
}

// titleCase upper-cases the first letter of each dot-separated part.
func titleCase(s string) string {
	b := []byte(s)
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == '.' || c == '_' || c == '-'
	}
	if out := string(b); out != s {
		return out
	}
	return strings.ToUpper(s)
}
