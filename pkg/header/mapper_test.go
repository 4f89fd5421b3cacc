package header

import (
	"slices"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
)

// col is one header cell and the field it must feed (lead.NoField: none).
type col struct {
	header string
	field  lead.Field
}

func cells(cols []col) []string {
	h := make([]string, len(cols))
	for i, c := range cols {
		h[i] = c.header
	}
	return h
}

// checkMapping asserts every column's field, and that Notes and Columns
// agree with each other.
func checkMapping(t *testing.T, mp *Mapping, cols []col) {
	t.Helper()
	if len(mp.Notes) != len(cols) {
		t.Fatalf("got %d notes for %d cells", len(mp.Notes), len(cols))
	}
	for i, c := range cols {
		n := mp.Notes[i]
		if n.Index != i || n.Header != c.header {
			t.Errorf("note %d is for %d %q, want %q", i, n.Index, n.Header, c.header)
		}
		if n.Field != c.field {
			t.Errorf("column %d %q: got %q (%s), want %q", i+1, c.header, n.Field, n.Why, c.field)
		}
		if got := mp.Columns.FieldOf(i); got != n.Field {
			t.Errorf("column %d %q: Columns says %q, note says %q", i+1, c.header, got, n.Field)
		}
		if n.Why == "" {
			t.Errorf("column %d %q: empty Why", i+1, c.header)
		}
	}
}

// Full header rows as the tools export them.
var exportHeaders = []struct {
	name string
	cols []col
}{
	{"salesforce leads report", []col{
		{"\ufeffLead Owner", lead.NoField},
		{"Salutation", lead.NoField},
		{"First Name", lead.FirstName},
		{"Last Name", lead.LastName},
		{"Title", lead.JobTitle},
		{"Company / Account", lead.Company},
		{"Email", lead.Email},
		{"Phone", lead.Phone},
		{"Mobile", lead.Mobile},
		{"Lead Source", lead.Source},
		{"Lead Status", lead.LeadStatus},
		{"Rating", lead.NoField},
		{"Street", lead.Street},
		{"City", lead.City},
		{"State/Province", lead.State},
		{"Zip/Postal Code", lead.PostalCode},
		{"Country", lead.Country},
		{"Website", lead.Website},
		{"Industry", lead.NoField},
		{"Annual Revenue", lead.AnnualRevenue},
		{"No. of Employees", lead.Employees},
		{"Description", lead.Message},
		{"Create Date", lead.CreatedDate},
		{"Last Activity", lead.NoField},
		{"Converted", lead.Converted},
		{"Converted Date", lead.ConvertedDate},
		{"Converted Opportunity", lead.Opportunity},
		{"Email Opt Out", lead.NoField},
		{"Do Not Call", lead.NoField},
		{"Email Bounced Reason", lead.NoField},
		{"Created By", lead.NoField},
		{"Lead ID", lead.NoField},
	}},
	{"salesforce api names (data loader)", []col{
		{"Id", lead.NoField},
		{"OwnerId", lead.NoField},
		{"FirstName", lead.FirstName},
		{"LastName", lead.LastName},
		{"Company", lead.Company},
		{"Title", lead.JobTitle},
		{"Email", lead.Email},
		{"Phone", lead.Phone},
		{"MobilePhone", lead.Mobile},
		{"LeadSource", lead.Source},
		{"PostalCode", lead.PostalCode},
		{"NumberOfEmployees", lead.Employees},
		{"AnnualRevenue", lead.AnnualRevenue},
		{"CreatedDate", lead.CreatedDate},
		{"IsConverted", lead.Converted},
		{"ConvertedDate", lead.ConvertedDate},
		{"ConvertedOpportunityId", lead.Opportunity},
		{"HasOptedOutOfEmail", lead.NoField},
		{"AssistantPhone", lead.NoField},
	}},
	{"salesforce contacts report", []col{
		{"Contact Owner", lead.NoField},
		{"Account Name", lead.Company},
		{"First Name", lead.FirstName},
		{"Last Name", lead.LastName},
		{"Title", lead.JobTitle},
		{"Email", lead.Email},
		{"Phone", lead.Phone},
		{"Mobile", lead.Mobile},
		{"Home Phone", lead.Phone},  // a fallback: checked after the plain Phone
		{"Other Phone", lead.Phone}, // checked too
		{"Asst. Phone", lead.NoField},
		{"Account Phone", lead.NoField},
		{"Mailing Street", lead.Street},
		{"Mailing City", lead.City},
		{"Mailing State/Province", lead.State},
		{"Mailing Zip/Postal Code", lead.PostalCode},
		{"Mailing Country", lead.Country},
		{"Billing Country", lead.NoField}, // duplicate of Mailing Country
		{"Parent Account", lead.NoField},
		{"Account Owner Email", lead.NoField},
	}},
	{"hubspot contacts export", []col{
		{"Record ID", lead.NoField},
		{"First Name", lead.FirstName},
		{"Last Name", lead.LastName},
		{"Email", lead.Email},
		{"Phone Number", lead.Phone},
		{"Mobile Phone Number", lead.Mobile},
		{"Company Name", lead.Company},
		{"Job Title", lead.JobTitle},
		{"Website URL", lead.Website},
		{"Street Address", lead.Street},
		{"City", lead.City},
		{"State/Region", lead.State},
		{"Postal Code", lead.PostalCode},
		{"Country/Region", lead.Country},
		{"Contact owner", lead.NoField},
		{"Lifecycle Stage", lead.LifecycleStage},
		{"Lead Status", lead.LeadStatus},
		{"Original Source", lead.Source},
		{"Original Source Drill-Down 1", lead.NoField},
		{"Create Date", lead.CreatedDate},
		{"Last Activity Date", lead.NoField},
		{"Marketing emails opened", lead.EmailOpens},
		{"Marketing emails clicked", lead.EmailClicks},
		{"Marketing emails delivered", lead.NoField},
		{"Number of Pageviews", lead.PageViews},
		{"Number of Sessions", lead.NoField},
		{"First Page Seen", lead.FirstPageSeen},
		{"Last Page Seen", lead.LastPageSeen},
		{"Number of Form Submissions", lead.FormSubmissions},
		{"Recent Conversion Date", lead.NoField},
		{"Number of Associated Deals", lead.Deals},
		{"Recent Deal Amount", lead.DealAmount},
		{"Total Revenue", lead.NoField},
		{"Annual Revenue", lead.AnnualRevenue},
		{"Number of Employees", lead.Employees},
		{"Email Domain", lead.NoField},
		{"Message", lead.Message},
	}},
	{"marketo leads export", []col{
		{"Id", lead.NoField},
		{"First Name", lead.FirstName},
		{"Last Name", lead.LastName},
		{"Email Address", lead.Email},
		{"Phone Number", lead.Phone},
		{"Mobile Phone Number", lead.Mobile},
		{"Main Phone", lead.NoField},
		{"Company Name", lead.Company},
		{"Job Title", lead.JobTitle},
		{"Address", lead.Street},
		{"City", lead.City},
		{"State", lead.State},
		{"Postal Code", lead.PostalCode},
		{"Country", lead.Country},
		{"Inferred Country", lead.NoField},
		{"Inferred Company", lead.NoField},
		{"Website", lead.Website},
		{"Lead Source", lead.Source},
		{"Lead Status", lead.LeadStatus},
		{"Annual Revenue", lead.AnnualRevenue},
		{"Num Employees", lead.Employees},
		{"Created At", lead.CreatedDate},
		{"Updated At", lead.NoField},
		{"Lead Score", lead.NoField},
		{"Unsubscribed", lead.NoField},
		{"Lead Owner Email Address", lead.NoField},
		{"Lead Owner First Name", lead.NoField},
		{"Lead Owner Phone Number", lead.NoField},
	}},
	{"eventbrite attendee report (uk)", []col{
		{"Order #", lead.NoField},
		{"Order Date", lead.CreatedDate},
		{"First Name", lead.FirstName},
		{"Surname", lead.LastName},
		{"Email", lead.Email},
		{"Quantity", lead.NoField},
		{"Ticket Type", lead.NoField},
		{"Attendee #", lead.NoField},
		{"Attendee Status", lead.LeadStatus},
		{"Home Address 1", lead.Street},
		{"Home Address 2", lead.NoField},
		{"Home City", lead.City},
		{"County of Residence", lead.State},
		{"Home Postcode", lead.PostalCode},
		{"Home Country", lead.Country},
		{"Cell Phone", lead.Mobile},
		{"Job Title", lead.JobTitle},
		{"Company", lead.Company},
		{"Work Phone", lead.Phone},
		{"Work Address 1", lead.NoField}, // home address came first
		{"Work City", lead.NoField},
		{"Work County", lead.NoField},
		{"Work Postcode", lead.NoField},
		{"Work Country", lead.NoField},
	}},
	{"german badge scanner", []col{
		{"Anrede", lead.NoField},
		{"Titel", lead.NoField},
		{"Vorname", lead.FirstName},
		{"Nachname", lead.LastName},
		{"Firma", lead.Company},
		{"Position", lead.JobTitle},
		{"Abteilung", lead.NoField},
		{"Straße", lead.Street},
		{"PLZ", lead.PostalCode},
		{"Ort", lead.City},
		{"Bundesland", lead.State},
		{"Land", lead.Country},
		{"Telefon", lead.Phone},
		{"Mobil", lead.Mobile},
		{"Fax", lead.NoField},
		{"E-Mail", lead.Email},
		{"Web", lead.Website},
		{"Umsatz", lead.AnnualRevenue},
		{"Mitarbeiter", lead.Employees},
		{"Quelle", lead.Source},
		{"Erfasst am", lead.CreatedDate},
		{"Bemerkungen", lead.Message},
		{"Nachricht", lead.Message},
	}},
	{"german form with Vorname and Name", []col{
		{"Vorname", lead.FirstName},
		{"Name", lead.LastName},
		{"Unternehmen", lead.Company},
		{"Funktion", lead.JobTitle},
		{"E-Mail-Adresse", lead.Email},
		{"Telefonnummer", lead.Phone},
		{"Handy", lead.Mobile},
		{"Stadt", lead.City},
		{"Anmerkungen", lead.Message},
	}},
	{"french badge scanner", []col{
		{"Civilité", lead.NoField},
		{"Prénom", lead.FirstName},
		{"Nom", lead.LastName},
		{"Société", lead.Company},
		{"Fonction", lead.JobTitle},
		{"Adresse e-mail", lead.Email},
		{"Téléphone", lead.Phone},
		{"Portable", lead.Mobile},
		{"Adresse", lead.Street},
		{"Code postal", lead.PostalCode},
		{"Ville", lead.City},
		{"Pays", lead.Country},
		{"Chiffre d'affaires", lead.AnnualRevenue},
		{"Effectif", lead.Employees},
		{"Source", lead.Source},
		{"Commentaires", lead.Message},
	}},
	{"french form, alternate spellings", []col{
		{"NOM", lead.LastName},
		{"PRENOM", lead.FirstName},
		{"ENTREPRISE", lead.Company},
		{"POSTE", lead.JobTitle},
		{"COURRIEL", lead.Email},
		{"TELEPHONE", lead.Phone},
	}},
	{"spanish badge scanner", []col{
		{"Nombre", lead.FirstName},
		{"Apellidos", lead.LastName},
		{"Empresa", lead.Company},
		{"Cargo", lead.JobTitle},
		{"Correo electrónico", lead.Email},
		{"Teléfono", lead.Phone},
		{"Móvil", lead.Mobile},
		{"Dirección", lead.Street},
		{"Código postal", lead.PostalCode},
		{"Ciudad", lead.City},
		{"Provincia", lead.State},
		{"País", lead.Country},
		{"Facturación", lead.AnnualRevenue},
		{"Empleados", lead.Employees},
		{"Origen", lead.Source},
		{"Comentarios", lead.Message},
	}},
	{"spanish form, alternate spellings", []col{
		{"Nombre", lead.FirstName},
		{"Apellido", lead.LastName},
		{"Puesto", lead.JobTitle},
		{"Correo", lead.Email},
	}},
	{"snake_case form dump", []col{
		{"id", lead.NoField},
		{"submitted_at", lead.CreatedDate},
		{"first_name", lead.FirstName},
		{"last_name", lead.LastName},
		{"email_address", lead.Email},
		{"phone_number", lead.Phone},
		{"company_name", lead.Company},
		{"job_title", lead.JobTitle},
		{"country", lead.Country},
		{"message", lead.Message},
		{"form_status", lead.FormStatus},
		{"utm_source", lead.Source},
		{"utm_medium", lead.NoField},
		{"utm_campaign", lead.NoField},
		{"page_url", lead.NoField},
		{"ip_address", lead.NoField},
	}},
	{"badge scanner, snake_case", []col{
		{"badge_id", lead.NoField},
		{"scanned_at", lead.CreatedDate},
		{"full_name", lead.FullName},
		{"company", lead.Company},
		{"job_title", lead.JobTitle},
		{"email", lead.Email},
		{"mobile_number", lead.Mobile},
		{"notes", lead.Message},
		{"scanned_by", lead.NoField},
	}},
	{"goldfish-bowl cards typed up", []col{
		{"Name", lead.FullName},
		{"Company", lead.Company},
		{"Email", lead.Email},
		{"Phone", lead.Phone},
	}},
	{"generic spreadsheet", []col{
		{"Full Name", lead.FullName},
		{"Contact", lead.NoField}, // duplicate of Full Name
		{"Organization", lead.Company},
		{"Role", lead.JobTitle},
		{"Source", lead.Source},
		{"Revenue", lead.AnnualRevenue},
		{"Employees", lead.Employees},
		{"Form Status", lead.FormStatus},
		{"Email Opens", lead.EmailOpens},
		{"Clicks", lead.EmailClicks},
		{"Page Views", lead.PageViews},
		{"Opportunity Created", lead.Opportunity},
		{"Closed Won Amount", lead.DealAmount},
		{"Notes", lead.Message},
		{"Comments", lead.Message},
	}},
}

func TestMapExportHeaders(t *testing.T) {
	m := NewMapper(nil)
	for _, tc := range exportHeaders {
		t.Run(tc.name, func(t *testing.T) {
			checkMapping(t, m.Map(cells(tc.cols)), tc.cols)
		})
	}
}

// Headers that mention a field but are not the lead's value of it, each
// placed beside the real column so a wrong mapping would also steal it.
func TestMapTraps(t *testing.T) {
	traps := []struct {
		header string
		why    string // a fragment of the expected Why
	}{
		{"Account Owner Email", `qualifier "account owner" names another record`},
		{"Owner Email", `qualifier "owner"`},
		{"Lead Owner", "owner"},
		{"Lead Owner Email Address", `qualifier "lead owner"`},
		{"Rep Email", `qualifier "rep"`},
		{"Sales Rep Phone", "names another record"},
		{"Asst. Phone", `qualifier "asst"`},
		{"Assistant Phone", `qualifier "assistant"`},
		{"Manager Email", "names another record"},
		{"Parent Account", "another record"},
		{"Parent Company", "names another record"},
		{"Main Phone", `qualifier "main" names the company`},
		{"Company Phone", `qualifier "company" names the company`},
		{"Company Email", "names the company"},
		{"Billing Email", "names the company"},
		{"Firmentelefon", "switchboard"},
		{"Email Opt Out", "flag"},
		{"Email Bounced", "flag"},
		{"Phone Verified", "flag"},
		{"Phone Extension", "a detail about phone"},
		{"Company Type", "a detail about company"},
		{"Do Not Call", "flag"},
		{"Created By", "user who edited"},
		{"Created By Email", "names another record"},
		{"Phone/Mobile", "ambiguous: could be phone or mobile"},
		{"Phone or Mobile", "ambiguous: could be phone or mobile"},
		{"Telefon / Handy", "ambiguous"},
		{"Email / Phone", "ambiguous"},
		{"Status", "ambiguous"},
		{"Region", "ambiguous"},
		{"URL", "ambiguous"},
		{"Country Code", "ambiguous"},
		{"Titel", "not a job title"},
		{"Total Revenue", "closed deals"},
		{"Recent Conversion Date", "form conversion"},
		{"IP Address", "unknown qualifier"},
		{"Inferred Country", "unknown qualifier"},
		{"Employee Name", "unknown qualifier"},
		{"Middle Name", "unknown qualifier"},
		{"Username", "unknown"},
		{"Address 2", "a detail about street"},
		{"E-mail 2 Type", "a detail about email"},
		{"Phone 1 Extension", "a detail about phone"},
		{"Asst. Phone 2", "names another record"},
		{"Company Phone 1", "company"},
		{"", "empty header"},
		{"   ", "empty header"},
		{"#", "no letters or digits"},
		{strings.Repeat("email ", 200), "too long"},
	}
	m := NewMapper(nil)
	for _, tc := range traps {
		t.Run(tc.header, func(t *testing.T) {
			// Beside the full set of real columns, so a wrong mapping
			// would either map the trap or steal a real column.
			real := []col{
				{"First Name", lead.FirstName}, {"Last Name", lead.LastName},
				{"Email", lead.Email}, {"Phone", lead.Phone}, {"Mobile", lead.Mobile},
				{"Company", lead.Company}, {"Country", lead.Country},
			}
			cols := append([]col{{tc.header, lead.NoField}}, real...)
			mp := m.Map(cells(cols))
			checkMapping(t, mp, cols)
			if why := mp.Notes[0].Why; !strings.Contains(why, tc.why) {
				t.Errorf("Why = %q, want it to contain %q", why, tc.why)
			}
			// Alone, it must not map either.
			alone := m.Map([]string{tc.header})
			if f := alone.Notes[0].Field; f != lead.NoField {
				t.Errorf("alone: mapped to %s (%s)", f, alone.Notes[0].Why)
			}
		})
	}
}

// The head-noun rule maps headers that are not in the table when their
// qualifiers still name the lead.
func TestMapHeadNoun(t *testing.T) {
	cases := []col{
		{"Attendee Email", lead.Email},
		{"Lead E-Mail", lead.Email},
		{"Your Email", lead.Email},
		{"Customer Phone Number", lead.Phone},
		{"Work Mobile Phone", lead.Mobile},
		{"Personal Mobile", lead.Mobile},
		{"Lead Company Name", lead.Company},
		{"Billing Country", lead.Country},
		{"Shipping City", lead.City},
		{"Company Address", lead.Street},
		{"Work Postcode", lead.PostalCode},
		{"Company Annual Revenue", lead.AnnualRevenue},
		{"Company Employees", lead.Employees},
		{"Contact Job Title", lead.JobTitle},
		{"Title / Position", lead.JobTitle},
		{"Attendee Name", lead.FullName},
		{"Lead Created Date", lead.CreatedDate},
		{"Your Message", lead.Message},
		{"Deal Stage", lead.DealStage},
		{"Deal - Status", lead.DealStage},
		{"StageName", lead.DealStage},
		{"Status Reason", lead.LeadStatus},
		{"Created Time", lead.CreatedDate},
		{"Contact Description", lead.Message},
	}
	m := NewMapper(nil)
	for _, c := range cases {
		mp := m.Map([]string{c.header})
		if n := mp.Notes[0]; n.Field != c.field {
			t.Errorf("%q: got %q (%s), want %q", c.header, n.Field, n.Why, c.field)
		}
	}
}

func TestMapDuplicates(t *testing.T) {
	cases := []struct {
		name string
		cols []col
		why  map[int]string // column → fragment of Why
	}{
		{"first of two primary aliases wins",
			[]col{{"Company", lead.Company}, {"Company Name", lead.NoField}},
			map[int]string{1: "duplicate of column 1 (company)"}},
		{"every email column is kept",
			[]col{{"Email", lead.Email}, {"Email Address", lead.Email}},
			map[int]string{1: "another email column, checked too"}},
		{"every phone column is kept",
			[]col{{"Home Phone", lead.Phone}, {"Phone", lead.Phone}},
			map[int]string{0: "another phone column, checked too"}},
		{"primary alias beats an earlier head-noun match",
			[]col{{"Billing Country", lead.NoField}, {"Country", lead.Country}},
			map[int]string{0: "duplicate of column 2 (country)"}},
		{"lead source beats utm_source",
			[]col{{"utm_source", lead.NoField}, {"Lead Source", lead.Source}},
			map[int]string{0: "duplicate of column 2 (lead_source)"}},
		{"fallback alias beats head-noun match",
			[]col{{"Attendee Mobile Phone", lead.Mobile}, {"Cell", lead.Mobile}},
			nil},
		{"an explicit full name beats a bare name",
			[]col{{"Name", lead.NoField}, {"Full Name", lead.FullName}},
			map[int]string{0: "duplicate of column 2 (full_name)"}},
		{"free text takes every column",
			[]col{{"Message", lead.Message}, {"Email", lead.Email}, {"Notes", lead.Message}, {"Comments", lead.Message}, {"Description", lead.Message}},
			nil},
	}
	m := NewMapper(nil)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			mp := m.Map(cells(tc.cols))
			checkMapping(t, mp, tc.cols)
			for i, frag := range tc.why {
				if why := mp.Notes[i].Why; !strings.HasPrefix(why, frag) {
					t.Errorf("column %d: Why = %q, want prefix %q", i+1, why, frag)
				}
			}
		})
	}

	mp := m.Map([]string{"Message", "Email", "Notes", "Comments"})
	if got, want := mp.Columns.Indexes(lead.Message), []int{0, 2, 3}; !slices.Equal(got, want) {
		t.Errorf("message columns = %v, want %v", got, want)
	}
	row := []string{"hello", "a@b.co", "", " call me "}
	if got, want := mp.Columns.Value(row, lead.Message), "hello\ncall me"; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
}

// Real export layouts: numbered contact columns, Salesforce custom fields,
// a bare Status in a CRM export, SuiteCRM's address parts, Odoo's
// technical names, X Education's two origin columns.
func TestMapExportLayouts(t *testing.T) {
	cases := []struct {
		name string
		cols []col
	}{
		{"numbered contact columns (Datablist)", []col{
			{"Phone 1", lead.Phone}, {"Phone 2", lead.Phone}, {"Email 1", lead.Email}, {"Email 2", lead.Email},
			{"Source", lead.Source}}},
		{"numbered in the middle (Outlook)", []col{
			{"E-mail Address", lead.Email}, {"E-mail 2 Address", lead.Email}, {"E-mail 2 Type", lead.NoField},
			{"Business Phone", lead.Phone}, {"Business Phone 2", lead.Phone}, {"Home Address 2", lead.NoField}}},
		{"vtiger MOBILE 1 and Telephone 2", []col{{"MOBILE 1", lead.Mobile}, {"Telephone 2", lead.Phone}, {"Created Time", lead.CreatedDate}}},
		{"Salesforce custom fields", []col{
			{"Email", lead.Email}, {"Home_Phone__c", lead.Phone}, {"Lead_Score__c", lead.NoField}, {"Owner_Email__c", lead.NoField}}},
		{"Salesforce lead export Status", []col{{"LeadSource", lead.Source}, {"Status", lead.LeadStatus}}},
		{"Status beside IsConverted", []col{{"IsConverted", lead.Converted}, {"Status", lead.LeadStatus}}},
		{"Status alone stays ambiguous", []col{{"Email", lead.Email}, {"Status", lead.NoField}}},
		{"Status beside a form status stays ambiguous", []col{{"Lead Source", lead.Source}, {"Status", lead.NoField}, {"Form Status", lead.FormStatus}}},
		{"SuiteCRM primary address", []col{
			{"Primary Address Street", lead.Street}, {"Primary Address City", lead.City},
			{"Primary Address State", lead.State}, {"Primary Address Postalcode", lead.PostalCode},
			{"Primary Address Country", lead.Country}, {"Alt Address City", lead.NoField}, {"Address", lead.NoField}}},
		{"Odoo technical names", []col{
			{"name", lead.NoField}, {"contact_name", lead.FullName}, {"partner_name", lead.Company},
			{"email_from", lead.Email}, {"function", lead.JobTitle}, {"country_id", lead.Country}, {"source_id", lead.Source}}},
		{"address parts named through the address", []col{
			{"Mailing Address Street", lead.Street}, {"Mailing Address City", lead.City}, {"Billing Address Country", lead.Country},
			{"IP Address", lead.NoField}, {"Alt Address City", lead.NoField}}},
		{"X Education: the real Lead Source wins over Lead Origin", []col{
			{"Lead Origin", lead.NoField}, {"Lead Source", lead.Source}}},
		{"Outlook: Job Title wins over Title", []col{{"Title", lead.NoField}, {"Job Title", lead.JobTitle}}},
		{"Pipedrive", []col{{"Person - Name", lead.FullName}, {"Person - Email", lead.Email}, {"Person - Phone", lead.Phone}, {"Organization - Name", lead.Company}}},
		{"Arabic", []col{{"الاسم الأول", lead.FirstName}, {"اسم العائلة", lead.LastName}, {"البريد الإلكتروني", lead.Email}, {"رقم الجوال", lead.Mobile}, {"حاله العميل", lead.LeadStatus}}},
		{"Portuguese", []col{{"Nome", lead.FirstName}, {"Sobrenome", lead.LastName}, {"Telefone", lead.Phone}, {"Celular", lead.Mobile}, {"Empresa", lead.Company}, {"Cidade", lead.City}}},
		{"Italian", []col{{"Nome", lead.FirstName}, {"Cognome", lead.LastName}, {"Telefono", lead.Phone}, {"Cellulare", lead.Mobile}, {"Azienda", lead.Company}, {"Città", lead.City}}},
		{"Dutch", []col{{"Voornaam", lead.FirstName}, {"Achternaam", lead.LastName}, {"Telefoonnummer", lead.Phone}, {"Mobiel", lead.Mobile}, {"Bedrijfsnaam", lead.Company}, {"Plaats", lead.City}}},
		{"Polish", []col{{"Imię", lead.FirstName}, {"Nazwisko", lead.LastName}, {"Numer telefonu", lead.Phone}, {"Telefon komórkowy", lead.Mobile}, {"Nazwa firmy", lead.Company}, {"Miasto", lead.City}}},
		{"Dynamics 365 active leads export", []col{
			{"(Do Not Modify) Lead", lead.NoField}, {"(Do Not Modify) Row Checksum", lead.NoField}, {"(Do Not Modify) Modified On", lead.NoField},
			{"Name", lead.FullName}, {"Topic", lead.NoField}, {"Status Reason", lead.LeadStatus}, {"Created On", lead.CreatedDate},
			{"First Name", lead.FirstName}, {"Last Name", lead.LastName}, {"Job Title", lead.JobTitle}, {"Company Name", lead.Company},
			{"Business Phone", lead.Phone}, {"Mobile Phone", lead.Mobile}, {"Email", lead.Email}, {"Street 1", lead.Street},
			{"City", lead.City}, {"State/Province", lead.State}, {"ZIP/Postal Code", lead.PostalCode}, {"Country/Region", lead.Country},
			{"Lead Source", lead.Source}, {"Rating", lead.NoField}, {"Owner", lead.NoField}}},
		{"Pardot (Account Engagement) prospects export", []col{
			{"Prospect Id", lead.NoField}, {"Salutation", lead.NoField}, {"First Name", lead.FirstName}, {"Last Name", lead.LastName},
			{"Email", lead.Email}, {"Company", lead.Company}, {"Website", lead.Website}, {"Job Title", lead.JobTitle},
			{"Address One", lead.Street}, {"Address Two", lead.NoField}, {"City", lead.City}, {"State", lead.State}, {"Zip", lead.PostalCode},
			{"Country", lead.Country}, {"Phone", lead.Phone}, {"Fax", lead.NoField}, {"Source", lead.Source},
			{"Annual Revenue", lead.AnnualRevenue}, {"Employees", lead.Employees}, {"Comments", lead.Message}, {"Notes", lead.Message},
			{"Score", lead.NoField}, {"Grade", lead.NoField}, {"Crm Owner Fid", lead.NoField}, {"Is Do Not Email", lead.NoField},
			{"Created Date", lead.CreatedDate}}},
		{"Cvent registration export", []col{
			{"Confirmation Number", lead.NoField}, {"Registration Status", lead.FormStatus}, {"Attendee Type", lead.NoField},
			{"First Name", lead.FirstName}, {"Last Name", lead.LastName}, {"Email Address", lead.Email}, {"Company Name", lead.Company},
			{"Title", lead.JobTitle}, {"Work Phone", lead.Phone}, {"Mobile Phone", lead.Mobile}, {"Address 1", lead.Street},
			{"City", lead.City}, {"ZIP Code", lead.PostalCode}, {"Country", lead.Country}, {"Registration Date", lead.CreatedDate}}},
		{"Japanese", []col{{"姓", lead.LastName}, {"名", lead.FirstName}, {"メールアドレス", lead.Email}, {"電話番号", lead.Phone}, {"会社名", lead.Company}, {"役職", lead.JobTitle}}},
	}
	m := NewMapper(nil)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkMapping(t, m.Map(cells(tc.cols)), tc.cols)
		})
	}
}

// Bare name words fill the missing half of a first/last pair.
func TestMapNames(t *testing.T) {
	cases := []struct {
		name string
		cols []col
	}{
		{"name alone is the full name", []col{{"Name", lead.FullName}, {"Email", lead.Email}}},
		{"german Name beside Vorname", []col{{"Vorname", lead.FirstName}, {"Name", lead.LastName}}},
		{"english Name beside Surname", []col{{"Name", lead.FirstName}, {"Surname", lead.LastName}}},
		{"french Nom before Prénom", []col{{"Nom", lead.LastName}, {"Prénom", lead.FirstName}}},
		{"french Nom alone", []col{{"Nom", lead.FullName}, {"Société", lead.Company}}},
		{"french Nom du contact beside Prénom du contact", []col{{"Prénom du contact", lead.FirstName}, {"Nom du contact", lead.LastName}}},
		{"spanish Nombre beside Apellidos", []col{{"Nombre", lead.FirstName}, {"Apellidos", lead.LastName}}},
		{"spanish Nombre alone", []col{{"Nombre", lead.FullName}, {"Empresa", lead.Company}}},
		{"italian Nome beside Cognome", []col{{"Nome", lead.FirstName}, {"Cognome", lead.LastName}}},
		{"Name beside first and last", []col{{"First Name", lead.FirstName}, {"Last Name", lead.LastName}, {"Name", lead.FullName}}},
		{"company name is not a name", []col{{"Company Name", lead.Company}, {"First Name", lead.FirstName}}},
	}
	m := NewMapper(nil)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkMapping(t, m.Map(cells(tc.cols)), tc.cols)
		})
	}

	// A lone full-name column is split by lead.Columns, however many
	// other columns follow it.
	mp := m.Map([]string{"Name", "Company", "Email", "Phone", "Notes"})
	if !mp.Columns.Has(lead.FirstName) || !mp.Columns.Has(lead.LastName) {
		t.Fatal("first and last name should come from the Name column")
	}
	row := []string{"Ada van der Berg", "Acme", "ada@acme.io", "", ""}
	if first, last := mp.Columns.Value(row, lead.FirstName), mp.Columns.Value(row, lead.LastName); first != "Ada" || last != "van der Berg" {
		t.Errorf("split = %q, %q", first, last)
	}
}

func TestExtraAliases(t *testing.T) {
	m := NewMapper(map[lead.Field][]string{
		lead.Email:      {"Primary E-Mail Addr"},
		lead.LeadStatus: {"Status"},            // overrides a built-in refusal
		lead.LastName:   {"Name"},              // overrides the bare-name rule
		lead.Company:    {"Account", "  ", ""}, // blanks are ignored
		lead.NoField:    {"Ignored"},
	})
	cols := []col{
		{"Email", lead.Email}, // the rulebook's alias comes first, this one is checked too
		{"primary_email_addr", lead.Email},
		{"STATUS", lead.LeadStatus},
		{"Name", lead.LastName},
		{"Account", lead.Company},
		{"Ignored", lead.NoField},
	}
	mp := m.Map(cells(cols))
	checkMapping(t, mp, cols)
	if why := mp.Notes[1].Why; why != `rulebook alias "Primary E-Mail Addr"` {
		t.Errorf("Why = %q", why)
	}
	if got := mp.Columns.Indexes(lead.Email); !slices.Equal(got, []int{1, 0}) {
		t.Errorf("email columns = %v, want the rulebook's first", got)
	}
	if why := mp.Notes[0].Why; !strings.HasPrefix(why, "another email column, checked too") {
		t.Errorf("Why = %q", why)
	}

	// The same key for two fields goes to the field declared first.
	m = NewMapper(map[lead.Field][]string{lead.Phone: {"Tel #"}, lead.Email: {"TEL"}})
	if f := m.Map([]string{"tel"}).Notes[0].Field; f != lead.Email {
		t.Errorf("conflicting alias went to %s, want email", f)
	}
}

func TestCheckAliases(t *testing.T) {
	if err := CheckAliases(map[lead.Field][]string{lead.Email: {"Mail 1", "mail_1"}, lead.Phone: {"Fon"}}); err != nil {
		t.Errorf("valid aliases: %v", err)
	}
	err := CheckAliases(map[lead.Field][]string{
		lead.Email:     {"Contact"},
		lead.FullName:  {"contact"},
		lead.Company:   {"--"},
		lead.Field(99): {"x"},
	})
	if err == nil {
		t.Fatal("want an error")
	}
	for _, want := range []string{
		`alias "Contact" is given for both full_name and email`,
		`alias "--" for company has no letters or digits`,
		`unknown field 99`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestMissing(t *testing.T) {
	m := NewMapper(nil)
	mp := m.Map([]string{"First Name", "Last Name", "Email", "Phone", "Company", "Converted"})
	missing := mp.Missing()
	for _, f := range []lead.Field{lead.FirstName, lead.LastName, lead.FullName, lead.Email, lead.Converted} {
		if slices.Contains(missing, f) {
			t.Errorf("Missing() lists %s: %v", f, missing)
		}
	}
	for _, f := range []lead.Field{lead.Mobile, lead.Country, lead.EmailOpens, lead.Message} {
		if !slices.Contains(missing, f) {
			t.Errorf("Missing() lacks %s: %v", f, missing)
		}
	}
	outcomes := mp.MissingOutcomes()
	if slices.Contains(outcomes, lead.Converted) || !slices.Contains(outcomes, lead.Opportunity) {
		t.Errorf("MissingOutcomes() = %v", outcomes)
	}
	for _, f := range outcomes {
		if !IsOutcome(f) {
			t.Errorf("MissingOutcomes() lists %s", f)
		}
	}

	// A lone Name column provides first and last name; no column at all
	// leaves every field missing.
	if missing := m.Map([]string{"Name"}).Missing(); slices.Contains(missing, lead.FirstName) || slices.Contains(missing, lead.FullName) {
		t.Errorf("Missing() = %v", missing)
	}
	empty := m.Map(nil)
	if got, want := len(empty.Missing())+len(empty.MissingOutcomes()), len(lead.Fields()); got != want {
		t.Errorf("empty header: %d missing, want %d", got, want)
	}
}

func TestNilMapper(t *testing.T) {
	var m *Mapper
	mp := m.Map([]string{"E-Mail"})
	if mp.Notes[0].Field != lead.Email {
		t.Errorf("nil mapper: %+v", mp.Notes[0])
	}
	var zero Mapper
	if zero.Map([]string{"E-Mail"}).Notes[0].Field != lead.Email {
		t.Error("zero mapper does not map")
	}
}

// The alias table is data: keep it free of collisions and make sure every
// spelling maps to its own field.
func TestAliasTable(t *testing.T) {
	seen := map[string]string{}
	check := func(spelling, owner string) {
		key := Normalize(spelling)
		if key == "" {
			t.Errorf("%s: %q normalises to nothing", owner, spelling)
		}
		if prev, dup := seen[key]; dup {
			t.Errorf("%q (%s) has the key %q of %s", spelling, owner, key, prev)
		}
		seen[key] = owner + " " + spelling
	}
	covered := map[lead.Field]bool{}
	for _, g := range builtinAliases {
		covered[g.field] = true
		if len(g.primary) == 0 {
			t.Errorf("%s has no primary alias", g.field)
		}
		for _, s := range append(slices.Clone(g.primary), g.fallback...) {
			check(s, g.field.String())
		}
	}
	for _, s := range contextualNames {
		check(s, "name word")
	}
	for _, r := range refusals {
		for _, s := range r.spellings {
			check(s, "refusal")
		}
	}
	for _, f := range lead.Fields() {
		if !covered[f] {
			t.Errorf("no aliases for %s", f)
		}
		if len(Aliases(f)) == 0 {
			t.Errorf("Aliases(%s) is empty", f)
		}
	}

	// Every spelling maps to its field when it is the only column.
	m := NewMapper(nil)
	for _, f := range lead.Fields() {
		for _, s := range Aliases(f) {
			if n := m.Map([]string{s}).Notes[0]; n.Field != f {
				t.Errorf("%q maps to %q (%s), want %s", s, n.Field, n.Why, f)
			}
		}
	}
	for _, r := range refusals {
		for _, s := range r.spellings {
			if n := m.Map([]string{s}).Notes[0]; n.Field != lead.NoField || n.Why != r.why {
				t.Errorf("refused %q maps to %q (%s)", s, n.Field, n.Why)
			}
		}
	}
}

// Header rows seen in the wild, joined by commas, for the fuzz corpus and
// the benchmark.
func seedHeaders() []string {
	var out []string
	for _, tc := range exportHeaders {
		out = append(out, strings.Join(cells(tc.cols), ","))
	}
	return out
}

// FuzzMap checks Map's invariants on any header: no panic, one note per
// cell, notes agreeing with Columns, each column feeding at most one field
// and each single-valued field fed by at most one column.
func FuzzMap(f *testing.F) {
	for _, h := range seedHeaders() {
		f.Add(h)
	}
	f.Add("Phone/Mobile,Account Owner Email,Name,Vorname,,\x00,\ufeffE-Mail")
	f.Add("İSİM,ﬁrst name,ÉMAIL,Straße,ǅemal")
	m := NewMapper(map[lead.Field][]string{lead.Email: {"courriel pro"}})
	f.Fuzz(func(t *testing.T, joined string) {
		header := strings.Split(joined, ",")
		mp := m.Map(header)
		if len(mp.Notes) != len(header) {
			t.Fatalf("%d notes for %d cells", len(mp.Notes), len(header))
		}
		fedBy := make(map[int]lead.Field)
		for _, field := range lead.Fields() {
			idx := mp.Columns.Indexes(field)
			if len(idx) > 1 && !field.MultiColumn() && !field.Repeats() {
				t.Errorf("%s fed by columns %v", field, idx)
			}
			for _, i := range idx {
				if prev, dup := fedBy[i]; dup {
					t.Errorf("column %d feeds %s and %s", i, prev, field)
				}
				fedBy[i] = field
			}
		}
		for i, n := range mp.Notes {
			if n.Index != i || n.Header != header[i] || n.Why == "" {
				t.Errorf("bad note %d: %+v", i, n)
			}
			if n.Field != fedBy[i] {
				t.Errorf("column %d: note says %q, columns say %q", i, n.Field, fedBy[i])
			}
		}
	})
}

// BenchmarkMap maps a 40-column header; Map runs once per input file.
func BenchmarkMap(b *testing.B) {
	header := strings.Split(seedHeaders()[3], ",") // HubSpot: 37 columns
	header = append(header, "Lead Owner Email Address", "Phone/Mobile", "Billing Country")
	if len(header) != 40 {
		b.Fatalf("header has %d columns", len(header))
	}
	m := NewMapper(map[lead.Field][]string{lead.Email: {"courriel pro"}})
	b.ReportAllocs()
	for b.Loop() {
		m.Map(header)
	}
}
