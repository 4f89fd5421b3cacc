// Package header maps the header cells of a lead export to leadclean's
// canonical fields (see [lead.Field]), and says for every cell why it was
// mapped or left alone.
//
//	m := header.NewMapper(rulebookAliases) // nil: built-in aliases only
//	mapping := m.Map(headerRow)
//	row.Columns = mapping.Columns // every lead.Lead read from this input
//	for _, n := range mapping.Notes {
//		fmt.Println(n.Index+1, n.Header, n.Field, n.Why) // as `leadclean columns` does
//	}
//	missing := mapping.Missing()
//
// # Matching
//
// A cell and an alias match when their [Normalize] keys are equal: case,
// accents, spaces, underscores and punctuation do not count, so "E-Mail",
// "e_mail", "EMAIL" and "Email" are one spelling, as are "Téléphone" and
// "telephone", "Country/Region" and "country_region".
//
// The built-in aliases are an explicit table, in aliases.go, field by
// field: Salesforce ("Company / Account", "Title", "Mobile", "No. of
// Employees", "Zip/Postal Code", "Converted Opportunity"), HubSpot ("Phone
// Number", "Country/Region", "Original Source", "Marketing emails opened",
// "Number of Pageviews", "Number of Form Submissions", "Recent Deal
// Amount"), Marketo ("Email Address", "Num Employees"), Eventbrite
// ("Surname", "Home Country", "County of Residence", "Home Postcode",
// "Attendee Status"), snake_case form tools and badge scanners
// ("first_name", "email_address", "utm_source", "form_status"), and the
// common German, French, Spanish (and a few Italian) spellings ("Vorname",
// "Firma", "PLZ", "Handy"; "Prénom", "Société", "Courriel", "Portable";
// "Apellidos", "Empresa", "Correo electrónico", "Móvil"). [Aliases] lists a
// field's spellings. A rulebook adds its own through [NewMapper]; they
// match whole headers, and win over the built-in ones.
//
// Further layouts: Dynamics 365 ("Street 1", "Created On", "Status
// Reason"), Zoho and vtiger ("Created Time"), SuiteCRM ("Primary Address
// City"), Pipedrive ("Person - Email", "Organization - Name"), Odoo's
// technical names ("email_from", "partner_name", "contact_name",
// "function"), Marketo ("Person Source"), Outlook contacts ("E-mail 2
// Address", "Web Page"), and Portuguese, Italian, Dutch, Polish, Japanese
// and Arabic spellings.
//
// Numbered contact columns ("Phone 1", "Phone 2", "Email 2", "MOBILE 1",
// "Telephone 2", "E-mail 2 Address") are read without their number and
// map to email, phone or mobile, every one of them checked; other fields
// keep the number as a detail ("Address 2" is a second address line).
// Salesforce custom fields lose their "__c" suffix first ("Home_Phone__c"
// is a phone column).
//
// Choices worth knowing:
//   - "Phone", "Work Phone", "Business Phone", "Telefon", "Téléphone" are
//     phone; "Mobile", "Cell Phone", "Handy", "Portable", "Móvil" are
//     mobile.
//   - "Title" is the job title (Salesforce, HubSpot); the German "Titel",
//     "Salutation", "Anrede" and "Civilité" are not.
//   - "Attendee Status" (Eventbrite) is the lead status; "Status" alone is
//     the lead status beside a lead-source or converted column and no form-status
//     column (a Salesforce, SuiteCRM or Zoho lead export), ambiguous
//     otherwise; "Region", "Date", "URL" and "Country Code" are ambiguous
//     and stay unmapped.
//   - "Title" alone is the job title, but "Job Title" wins beside it
//     (Outlook's "Title" is the salutation); the composite "Address" loses
//     to "Primary Address Street"; "Lead Origin" (X Education) loses to
//     "Lead Source"; a bare "name" loses to "Contact Name" (Odoo's "name"
//     is the lead's title).
//   - "submitted_at", "Timestamp" and "Order Date" are fallbacks for the
//     created date.
//   - "Total Revenue" (HubSpot's closed-deal revenue) is not the annual
//     revenue, and "Recent Conversion Date" (a HubSpot form) is not the
//     converted date.
//
// # Names
//
// A bare name word ("Name", "Nom", "Nombre", "Nome", "Naam") fills the
// missing half of a first/last pair and is the full name otherwise: "Nom"
// beside "Prénom" and "Name" beside "Vorname" are last names; "Nombre"
// beside "Apellidos" and "Name" beside "Surname" are first names; "Name"
// alone is the full name, which [lead.Columns] then splits into first and
// last name. Beside both a first- and a last-name column it is the full
// name.
//
// # Head nouns and qualifiers
//
// A header that is not an alias is read from its end: the longest alias
// that ends it is the head noun ("Lead Owner Email Address" → "email
// address"), and the words before it are qualifiers. The column is mapped
// only when every qualifier still names the lead:
//   - "lead", "contact", "attendee", "person", "prospect", "registrant",
//     "visitor", "participant", "customer", "your", "primary" may qualify
//     anything ("Attendee Email", "Your Message");
//   - "work", "business", "office", "home", "personal", "private", "direct"
//     may qualify the person's own details ("Work Mobile");
//   - "company", "account", "organization", "business", "work", "office",
//     "home", "mailing", "billing", "shipping", "main", "hq", "corporate"
//     may qualify company-level fields: address, website, revenue, size
//     ("Billing Country", "Company Website");
//   - words naming another person or record refuse the column, whatever the
//     head noun: "owner", "rep", "representative", "assistant", "asst",
//     "parent", "manager", "partner", "reseller", "referrer", "agent",
//     "spouse", "emergency", "secretary", "creator", "by" ("Account Owner
//     Email", "Asst. Phone", "Parent Company", "Created By Email");
//   - words naming the company refuse the person's own details: "company",
//     "account", "main", "switchboard", "reception", "general", "billing",
//     "technical", "support" ("Main Phone" is Marketo's switchboard,
//     "Company Phone", "Account Phone", "Billing Email");
//   - qualifiers that are themselves aliases of another field make the
//     header ambiguous ("Phone / Mobile": could be phone or mobile);
//   - any other qualifier leaves the column unmapped ("Inferred Country",
//     "IP Address", "Total Revenue", "Other Phone").
//
// An alias at the start of a header that ends in something else describes
// the field rather than holding it: "Email Opt Out", "Email Bounced",
// "Phone Verified", "Company Type" stay unmapped. So does anything else
// the table does not know: an ambiguous header is never guessed; add an
// alias in the rulebook instead.
//
// # Several columns for one field
//
// A field takes one column, except free text ([lead.Field.MultiColumn]:
// message, notes, comments, description), which takes them all, and the
// contact fields email, phone and mobile ([lead.Field.Repeats]), whose
// every column is kept ("Phone", "Home Phone", "Phone 2"): a lead may have
// several numbers and each is checked. When several columns could feed
// one field, the more specific match wins whatever the order: a rulebook
// alias, then a primary built-in alias, then a fallback alias ("Home
// Phone", "utm_source", "Timestamp"), then a head-noun match ("Lead
// Email", "Billing Country"); between equals the first column wins. For a
// single-valued field the others get the note "duplicate of column N
// (field)", N counting from 1; for a contact field the winner is its first
// column ([lead.Columns.Indexes]) and the others follow in header order,
// noted "another phone column, checked too".
package header
