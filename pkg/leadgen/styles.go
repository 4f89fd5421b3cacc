package leadgen

import (
	"strconv"
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
)

// styleSpec describes one export style: its header, its bytes on disk and
// how a row is laid out in its columns.
type styleSpec struct {
	header   []string
	comma    byte
	crlf     bool
	bom      bool
	quoteAll bool
	cp1252   bool
	// reasons are the junk codes the style's columns can show.
	reasons []lead.Reason
	// countryWeights follow countries.
	countryWeights []int
	emailAlways    bool // every row has an e-mail (CRM and form exports)
	hasMobile      bool
	hasMessage     bool
	messages       []string
	sources        []string
	cleanRevenue   []string
	lowRevenue     []string
	fill           func(g *generator, r *row, out []string) []string
}

func (s *styleSpec) has(code lead.Reason) bool {
	for _, r := range s.reasons {
		if r == code {
			return true
		}
	}
	return false
}

var internationalWeights = func() []int {
	w := make([]int, len(countries))
	for i, c := range countries {
		w[i] = c.weight
	}
	return w
}()

var specs = map[Style]*styleSpec{
	Salesforce: {
		header: []string{"First Name", "Last Name", "Title", "Company / Account", "Email", "Phone", "Mobile",
			"Street", "City", "State/Province", "Zip/Postal Code", "Country", "Lead Source", "Annual Revenue",
			"No. of Employees", "Lead Status", "Lead Owner", "Create Date", "Description"},
		comma: ',', crlf: true, bom: true, quoteAll: true,
		reasons: []lead.Reason{lead.Competitor, lead.Student, lead.BelowBudget, lead.BogusPhone, lead.BogusEmail,
			lead.WrongName, lead.Vendor, lead.Duplicate},
		countryWeights: internationalWeights, emailAlways: true, hasMobile: true, hasMessage: true,
		messages: cleanMessages, sources: salesforceSources,
		cleanRevenue: revenueCleanSalesforce, lowRevenue: revenueLowSalesforce,
		fill: fillSalesforce,
	},
	HubSpot: {
		header: []string{"Record ID", "First Name", "Last Name", "Email", "Phone Number", "Company Name", "Job Title",
			"City", "State/Region", "Country/Region", "Annual Revenue", "Number of Employees", "Original Source",
			"Lifecycle Stage", "Marketing emails opened", "Marketing emails clicked", "Number of Pageviews",
			"First Page Seen", "Last Page Seen", "Number of Form Submissions", "Create Date", "Message"},
		comma: ',',
		reasons: []lead.Reason{lead.Competitor, lead.Student, lead.EmailOpenOnly, lead.ImageViewOnly, lead.BelowBudget,
			lead.BogusPhone, lead.BogusEmail, lead.WrongName, lead.Vendor, lead.Duplicate},
		countryWeights: internationalWeights, emailAlways: true, hasMessage: true,
		messages: cleanMessages, sources: hubspotSources,
		cleanRevenue: revenueCleanFree, lowRevenue: revenueLowFree,
		fill: fillHubSpot,
	},
	BadgeDE: {
		header: []string{"Anrede", "Vorname", "Nachname", "Firma", "Abteilung", "Position", "Straße", "PLZ", "Ort",
			"Land", "Telefon", "Mobil", "E-Mail", "Notizen", "Erfasst am"},
		comma: ';', crlf: true, cp1252: true,
		reasons: []lead.Reason{lead.Competitor, lead.Student, lead.BogusPhone, lead.BogusEmail, lead.WrongName,
			lead.Duplicate},
		countryWeights: germanShowWeights, hasMobile: true, hasMessage: true, messages: badgeNotes,
		sources: []string{""}, cleanRevenue: []string{""}, lowRevenue: []string{""},
		fill: fillBadge,
	},
	Goldfish: {
		header: []string{"Name", "Company", "Title", "Email", "Phone", "Country", "Notes"},
		comma:  ',', crlf: true,
		reasons: []lead.Reason{lead.Competitor, lead.Student, lead.BogusPhone, lead.BogusEmail, lead.WrongName,
			lead.Duplicate},
		countryWeights: internationalWeights, hasMessage: true, messages: goldfishNotes,
		sources: []string{""}, cleanRevenue: []string{""}, lowRevenue: []string{""},
		fill: fillGoldfish,
	},
	FormDump: {
		header: []string{"submission_id", "submitted_at", "form_status", "first_name", "last_name", "email", "phone",
			"company", "job_title", "country", "annual_revenue", "message", "utm_source", "utm_campaign", "gdpr_consent"},
		comma: ',',
		reasons: []lead.Reason{lead.Competitor, lead.Student, lead.BelowBudget, lead.AbandonedForm, lead.BogusPhone,
			lead.BogusEmail, lead.WrongName, lead.Vendor, lead.Duplicate},
		countryWeights: internationalWeights, emailAlways: true, hasMessage: true,
		messages: cleanMessages, sources: []string{"google", "linkedin", "newsletter", "bing", "direct", "partner"},
		cleanRevenue: revenueCleanForm, lowRevenue: revenueLowForm,
		fill: fillFormDump,
	},
}

// spelling picks how the row's country is written: mostly the common
// name, sometimes an abbreviation.
func (g *generator) spelling(c *country) string {
	if g.chance(60) {
		return c.spellings[0]
	}
	return pick(g, c.spellings)
}

func fillSalesforce(g *generator, r *row, out []string) []string {
	created := r.created.Format("1/2/2006")
	return append(out, r.first.display, r.last.display, r.title, r.company, r.email, r.phone, r.mobile,
		r.street, r.city, r.state, r.postal, g.spelling(r.country), r.source, r.revenue, r.employees,
		pick(g, salesforceStatuses), pick(g, leadOwners), created, r.message)
}

func fillHubSpot(g *generator, r *row, out []string) []string {
	id := strconv.Itoa(51_200_000_000 + g.rowIndex*7 + g.rng.IntN(7))
	employees := r.employees
	if g.chance(20) {
		employees = ""
	}
	return append(out, id, r.first.display, r.last.display, r.email, r.phone, r.company, r.title,
		r.city, r.state, r.country.spellings[0], r.revenue, employees, r.source, r.lifecycle,
		strconv.Itoa(r.opens), strconv.Itoa(r.clicks), strconv.Itoa(r.views), r.firstPage, r.lastPage,
		strconv.Itoa(r.forms), r.created.Format("2006-01-02 15:04"), r.message)
}

func fillBadge(g *generator, r *row, out []string) []string {
	return append(out, r.salutation, r.first.display, r.last.display, r.company, r.department, r.title,
		r.street, r.postal, r.city, r.country.german, r.phone, r.mobile, r.email, r.message,
		r.created.Format("02.01.2006 15:04"))
}

func fillGoldfish(g *generator, r *row, out []string) []string {
	var name string
	switch {
	case r.first.display == "" || r.last.display == "":
		name = strings.TrimSpace(r.first.display + " " + r.last.display)
	case r.first.ascii != "" && !isLatin(r.first.display):
		name = r.last.display + " " + r.first.display // 田中 太郎: family name first
	case g.chance(8):
		name = r.last.display + ", " + r.first.display
	case g.chance(5):
		name = strings.ToUpper(r.first.display + " " + r.last.display) // typed from capitals
	default:
		name = r.first.display + " " + r.last.display
	}
	return append(out, name, r.company, r.title, r.email, r.phone, g.spelling(r.country), r.message)
}

func fillFormDump(g *generator, r *row, out []string) []string {
	submitted := ""
	if r.submitted {
		submitted = r.created.Format("2006-01-02T15:04:05Z")
	}
	consent := "yes"
	if !r.submitted {
		consent = ""
	}
	country := r.country.spellings[0]
	if g.chance(40) {
		country = r.country.code
	}
	id := "sub_" + strconv.FormatUint(g.rng.Uint64()>>16, 36)
	return append(out, id, submitted, r.formStatus, r.first.display, r.last.display, r.email, r.phone,
		r.company, r.title, country, r.revenue, r.message, r.source,
		pick(g, []string{"spring-webinar", "pricing-page", "ebook-sales-ops", "brand", ""}), consent)
}

// isLatin reports whether s starts with a Latin-script letter.
func isLatin(s string) bool {
	for _, r := range s {
		return r < 0x250
	}
	return true
}

// Street addresses as each country writes them.
func streetUS(g *generator) string {
	s := strconv.Itoa(100+g.rng.IntN(9800)) + " " + pick(g, []string{"Market Street", "Main St", "Oak Avenue",
		"5th Ave", "Broadway", "Elm Street", "Mission St", "Congress Ave", "Pine Street", "King Street W"})
	if g.chance(30) {
		s += ", Suite " + strconv.Itoa(100+g.rng.IntN(900))
	}
	return s
}

func streetGB(g *generator) string {
	return strconv.Itoa(1+g.rng.IntN(200)) + " " + pick(g, []string{"Baker Street", "High Street", "Victoria Road",
		"Church Lane", "Station Road", "Deansgate", "Princes Street", "Park Row"})
}

func streetDE(g *generator) string {
	return pick(g, []string{"Hauptstraße", "Bahnhofstraße", "Friedrichstraße", "Schillerstr.", "Am Markt",
		"Industriestraße", "Königsallee", "Lindenweg"}) + " " + strconv.Itoa(1+g.rng.IntN(150))
}

func streetFR(g *generator) string {
	return strconv.Itoa(1+g.rng.IntN(120)) + " " + pick(g, []string{"rue de Rivoli", "avenue des Champs-Élysées",
		"boulevard Haussmann", "rue de la République", "place Bellecour", "rue Nationale"})
}

func streetES(g *generator) string {
	return pick(g, []string{"Calle Mayor", "Gran Vía", "Paseo de la Castellana", "Avenida Diagonal", "Calle de Alcalá"}) +
		" " + strconv.Itoa(1+g.rng.IntN(200)) + pick(g, []string{"", ", 3º B", ", 1º"})
}

func streetNL(g *generator) string {
	return pick(g, []string{"Keizersgracht", "Herengracht", "Coolsingel", "Oudegracht", "Stationsplein", "Damrak"}) +
		" " + strconv.Itoa(1+g.rng.IntN(400))
}

func streetIN(g *generator) string {
	return strconv.Itoa(1+g.rng.IntN(300)) + ", " + pick(g, []string{"MG Road", "Linking Road", "Anna Salai",
		"Park Street", "Brigade Road", "Banjara Hills Road No. 2"})
}

func streetBR(g *generator) string {
	return pick(g, []string{"Av. Paulista", "Rua Augusta", "Av. Atlântica", "Rua da Consolação", "Av. Brasil"}) +
		", " + strconv.Itoa(1+g.rng.IntN(3000))
}

func streetJP(g *generator) string {
	return strconv.Itoa(1+g.rng.IntN(5)) + "-" + strconv.Itoa(1+g.rng.IntN(20)) + "-" + strconv.Itoa(1+g.rng.IntN(30)) +
		" " + pick(g, []string{"Marunouchi, Chiyoda-ku", "Shibuya, Shibuya-ku", "Umeda, Kita-ku", "Minatomirai, Nishi-ku"})
}
