package header

import "github.com/leadclean/leadclean/pkg/lead"

// This file is data: the built-in alias table and the word lists the
// head-noun rule uses. Spellings are written as people write them; they are
// compared through [Normalize], so "zip/postal code" also matches
// "Zip_Postal_Code" and "ZIP/POSTAL CODE". A spelling must appear once in
// the whole file (a test checks it).

// aliasGroup lists the spellings of one field. Primary spellings win over
// fallback ones whatever the column order: "Home Phone" is the lead's phone
// only when the file has no plain "Phone" column.
type aliasGroup struct {
	field    lead.Field
	primary  []string
	fallback []string
}

var builtinAliases = [...]aliasGroup{
	{field: lead.FirstName, primary: []string{
		"first name", "fname", "given name", "forename",
		"attendee first name", "contact first name", "lead first name",
		"vorname", "prénom", "prenom du contact", "primer nombre",
		"primeiro nome", "nome próprio", "voornaam", "imię", "名", "ファーストネーム", "الاسم الأول",
	}},
	{field: lead.LastName, primary: []string{
		"last name", "lname", "surname", "family name",
		"attendee last name", "attendee surname", "contact last name", "lead last name",
		"nachname", "familienname", "zuname",
		"nom de famille",
		"apellido", "apellidos", "primer apellido", "cognome",
		"sobrenome", "apelido", "último nome", "achternaam", "nazwisko", "姓", "ラストネーム", "اسم العائلة", "الكنية",
	}},
	{field: lead.FullName, primary: []string{
		"full name", "contact", "contact name", "your name", "lead name",
		"attendee name", "participant name", "visitor name",
		"vollständiger name", "vor- und nachname", "name, vorname", "vorname und nachname",
		"nom complet", "nom et prénom", "prénom et nom", "nombre completo", "nombre y apellidos", "nombre y apellido",
		"nome completo",
		"nome e cognome", "volledige naam", "imię i nazwisko", "氏名", "お名前", "担当者名", "الاسم الكامل", "الاسم",
	}},
	{field: lead.Email, primary: []string{
		"email", "email address", "work email",
		"business email", "work email address", "business email address",
		"contact email", "attendee email", "lead email", "your email", "your email address",
		"e-mail-adresse", "courriel", "adresse e-mail", "adresse électronique", "adresse courriel",
		"correo", "correo electrónico", "dirección de correo electrónico", "dirección de correo",
		"indirizzo email",
		"email from", "person email", "email 1",
		"endereço de email", "e-mail-adres", "adres email",
		"メールアドレス", "メール", "電子メール", "البريد الإلكتروني", "الايميل",
	}, fallback: []string{
		"mail", "personal email", "private email",
		"non primary e-mails", // SuiteCRM's other addresses
	}},
	{field: lead.Phone, primary: []string{
		"phone", "phone number", "telephone", "telephone number", "tel", "tel no",
		"work phone", "work phone number", "business phone", "business phone number",
		"office phone", "direct phone", "direct dial", "direct line",
		"contact phone", "contact number", "your phone", "your phone number",
		"telefon", "telefonnummer", "tel. nr.", "telefon geschäftlich",
		"numéro de téléphone", "téléphone professionnel",
		"teléfono", "número de teléfono", "teléfono fijo",
		"telefone", "numero di telefono", "telefoonnummer", "telefoon", "numer telefonu", "telefon stacjonarny",
		"電話番号", "電話", "رقم الهاتف", "الهاتف", "هاتف"}, fallback: []string{
		"home phone", "personal phone", "private phone", "telefon privat",
		"other phone", "alternate phone", "alternative phone", "secondary phone", "additional phone",
	}},
	{field: lead.Mobile, primary: []string{
		"mobile", "mobile phone", "mobile number", "mobile phone number",
		"cell", "cell phone", "cell number", "cell phone number", "cellular",
		"work mobile", "business mobile",
		"mobil", "mobiltelefon", "mobilnummer", "mobilfunk", "mobilfunknummer", "handy", "handynummer",
		"portable", "téléphone portable", "tél. portable", "numéro de portable",
		"téléphone mobile",
		"móvil", "teléfono móvil", "número de móvil", "celular", "número de celular", "cellulare",
		"telemóvel", "telefone celular", "mobiel", "mobiel nummer", "mobiele telefoon", "gsm", "telefon komórkowy", "komórka",
		"携帯電話", "携帯", "携帯番号", "الجوال", "رقم الجوال", "الموبايل", "موبايل", "المحمول",
	}},
	{field: lead.Company, primary: []string{
		"company", "company name", "company / account", "account name", "organization",
		"organisation", "organization name", "organisation name", "employer", "company or organization",
		"firma", "firmenname", "unternehmen", "unternehmensname",
		"société", "entreprise", "nom de l'entreprise", "nom de la société", "raison sociale",
		"empresa", "nombre de la empresa", "compañía", "organización", "azienda",
		"partner name", "nome da empresa", "società", "ragione sociale", "bedrijf", "bedrijfsnaam",
		"firma (nazwa)", "nazwa firmy", "会社名", "会社", "企業名", "الشركة", "اسم الشركة",
	}},
	{field: lead.JobTitle, primary: []string{
		"job title", "position", "job position", "job role",
		"funktion", "berufsbezeichnung", "jobbezeichnung", "stellenbezeichnung",
		"fonction", "poste", "intitulé du poste", "titre du poste",
		"cargo", "puesto", "título del puesto", "ruolo",
		"function", "job function", "função", "qualifica", "functie", "functietitel", "stanowisko", "役職", "職種", "المسمى الوظيفي", "الوظيفة",
	}, fallback: []string{
		"title", // Salesforce's job title, Outlook's salutation: "Job Title" wins beside it
		"occupation", "current occupation", "what is your current occupation",
		"role",
	}},
	{field: lead.Website, primary: []string{
		"website", "website url", "company website", "web address", "homepage",
		"company url", "web", "webseite", "internetseite", "internetadresse",
		"site web", "site internet", "sitio web", "página web", "sito web",
		"web page", "site", "strona www", "strona internetowa", "ウェブサイト", "ホームページ", "الموقع الإلكتروني",
	}, fallback: []string{
		"company domain name", "domain", "internet",
	}},
	{field: lead.Street, primary: []string{
		"street", "street address", "address 1", "address line 1", "street address 1",
		"home address 1", "mailing street",
		"straße", "straße und hausnummer", "straße/nr.", "anschrift", "adresse",
		"rue", "adresse 1", "adresse ligne 1",
		"dirección", "calle", "domicilio", "indirizzo",
		"street 1", "address one", "primary address street", "endereço", "rua", "via", "straat", "adres", "ulica", "住所", "番地", "العنوان",
	}, fallback: []string{
		"address", // SuiteCRM's composite address is often empty: "Primary Address Street" wins beside it
	}},
	{field: lead.City, primary: []string{
		"city", "town", "town/city", "home city", "mailing city",
		"ort", "stadt", "wohnort",
		"ville", "commune",
		"ciudad", "localidad", "población", "città",
		"primary address city", "cidade", "comune", "plaats", "stad", "woonplaats", "miasto", "miejscowość", "市区町村", "都市", "المدينة",
	}},
	{field: lead.State, primary: []string{
		"state", "state/province", "state/region", "province", "state or province",
		"county", "county of residence", "home county", "mailing state/province",
		"bundesland", "kanton",
		"département",
		"provincia", "comunidad autónoma",
		"primary address state", "estado/província", "regione", "provincie", "województwo", "都道府県", "المحافظة", "الولاية",
	}},
	{field: lead.PostalCode, primary: []string{
		"postal code", "postcode", "zip", "zip code", "zip/postal code",
		"postal/zip code", "home postcode", "mailing zip/postal code",
		"plz", "postleitzahl",
		"code postal", "cp",
		"código postal", "cap",
		"primary address postalcode", "cep", "codice postale", "postcode (nl)", "kod pocztowy", "郵便番号", "الرمز البريدي",
	}},
	{field: lead.Country, primary: []string{
		"country", "country/region", "home country", "mailing country", "country name",
		"land", "pays", "país", "paese", "nation",
		"primary address country", "country/territory", "kraj", "国", "国名", "الدولة", "البلد",
	}, fallback: []string{
		"country id", // Odoo's country_id exports the country's name
	}},
	{field: lead.Source, primary: []string{
		"lead source", "source", "original source",
		"quelle", "leadquelle", "herkunft",
		"origine", "source du lead", "origen", "fuente", "origen del lead", "fonte",
	}, fallback: []string{
		"utm source",
		"lead origin", "person source", "original source type", "source id", "how did you hear about us",
		"how did you hear about this event", "where did you hear about us",
		"origem", "fonte do lead", "origem do lead", "fonte lead", "herkomst", "bron", "leadbron", "źródło", "źródło leada",
		"リードソース", "流入元", "المصدر", "مصدر العميل",
	}},
	{field: lead.AnnualRevenue, primary: []string{
		"annual revenue", "revenue", "annual revenue range", "revenue range",
		"company revenue", "turnover", "annual turnover",
		"umsatz", "jahresumsatz", "umsatz (jährlich)",
		"chiffre d'affaires", "chiffre d'affaires annuel",
		"facturación", "facturación anual", "ingresos", "ingresos anuales", "fatturato",
	}},
	{field: lead.Employees, primary: []string{
		"employees", "no. of employees", "number of employees", "num employees",
		"employee count", "employees range", "employee range", "number of employees range",
		"company size", "headcount", "mitarbeiter", "anzahl mitarbeiter", "mitarbeiterzahl", "anzahl der mitarbeiter", "unternehmensgröße",
		"effectif", "effectifs", "nombre d'employés", "nombre de salariés", "taille de l'entreprise",
		"empleados", "número de empleados", "tamaño de la empresa", "dipendenti",
	}},
	{field: lead.CreatedDate, primary: []string{
		"create date", "created date", "created", "created at", "created time", "creation date", "date created",
		"date added", "registration date", "scan date", "scanned at", "scan time",
		"erstellt am", "erstellungsdatum", "erfasst am", "erfassungsdatum",
		"date de création", "date d'inscription", "date de scan",
		"fecha de creación", "fecha de alta", "fecha de registro", "data di creazione",
		"created on", "data de criação", "data criação", "aanmaakdatum", "datum aangemaakt",
		"data utworzenia", "作成日", "作成日時", "登録日", "تاريخ الإنشاء",
	}, fallback: []string{
		"submitted at", "submission date", "submitted on", "timestamp",
		"order date", "registered at",
	}},
	{field: lead.LeadStatus, primary: []string{
		"lead status", "hs_lead_status", "attendee status", "lead stage", "status reason", "lead status reason",
		"statut du lead", "estado del lead",
		"status do lead", "stato del lead", "status leada", "リードステータス", "حالة العميل", "حاله العميل",
	}},
	{field: lead.EmailOpens, primary: []string{
		"email opens", "emails opened", "marketing emails opened", "email opened",
		"total opens", "number of opens", "email open count", "unique opens",
		"e-mail-öffnungen", "öffnungen", "ouvertures", "aperturas",
	}, fallback: []string{
		"opens",
	}},
	{field: lead.EmailClicks, primary: []string{
		"email clicks", "emails clicked", "marketing emails clicked", "email clicked",
		"total clicks", "number of clicks", "email click count", "unique clicks",
		"e-mail-klicks", "klicks", "clics",
	}, fallback: []string{
		"clicks",
	}},
	{field: lead.PageViews, primary: []string{
		"page views", "number of pageviews", "total page views",
		"seitenaufrufe", "pages vues", "páginas vistas",
	}},
	{field: lead.FirstPageSeen, primary: []string{
		"first page seen", "first page", "first page visited", "first url",
	}, fallback: []string{
		"landing page",
	}},
	{field: lead.LastPageSeen, primary: []string{
		"last page seen", "last page", "last page visited", "last url",
	}},
	{field: lead.FormSubmissions, primary: []string{
		"number of form submissions", "form submissions", "forms submitted", "num form submissions",
		"num conversion events",
	}, fallback: []string{
		"submissions",
	}},
	{field: lead.FormStatus, primary: []string{
		"form status", "submission status", "registration status", "form completion",
		"formularstatus", "statut du formulaire", "estado del formulario",
	}},
	{field: lead.Message, primary: []string{
		"message", "your message", "notes", "note", "comments", "comment", "description", "remarks",
		"questions", "how can we help", "how can we help you",
		"nachricht", "ihre nachricht", "anmerkungen", "anmerkung", "bemerkungen", "bemerkung",
		"kommentar", "kommentare", "notizen", "notiz",
		"commentaires", "commentaire", "remarques", "votre message",
		"observações", "mensagem", "commenti", "opmerkingen", "bericht", "uwagi", "wiadomość", "備考", "メッセージ", "ملاحظات", "رسالة",
		"mensaje", "comentarios", "comentario", "notas", "observaciones", "messaggio",
	}},

	// Outcome fields, read by `leadclean audit`.
	{field: lead.Converted, primary: []string{
		"converted", "is converted", "lead converted",
	}},
	{field: lead.ConvertedDate, primary: []string{
		"converted date", "date converted", "lead converted date",
	}},
	{field: lead.Opportunity, primary: []string{
		"converted opportunity", "opportunity created", "opportunity", "opportunity name",
		"converted opportunity name", "converted opportunity id",
	}},
	{field: lead.LifecycleStage, primary: []string{
		"lifecycle stage", "lebenszyklusphase",
	}},
	{field: lead.Deals, primary: []string{
		"number of associated deals", "associated deals", "num associated deals", "number of deals", "deals",
	}},
	{field: lead.DealAmount, primary: []string{
		"recent deal amount", "closed won amount", "deal amount", "closed won revenue", "opportunity amount",
	}},
	{field: lead.DealStage, primary: []string{
		"deal stage", "deal status", "stage", "stage name",
		"opportunity stage", "opportunity status", "pipeline stage", "sales stage", "stage id",
		"verkaufsphase", "phase der verkaufschance", "étape de la transaction", "étape de vente",
		"etapa del negocio", "etapa de la oportunidad", "fase dell'opportunità",
	}},
}

// contextualNames are single "name" words whose field depends on the other
// columns: they fill whichever half of a first/last pair is missing, and are
// the full name otherwise. "Nom" beside "Prénom" and "Name" beside
// "Vorname" are last names; "Nombre" beside "Apellidos" and "Name" beside
// "Surname" are first names; "Name" alone is the full name.
var contextualNames = []string{"name", "nom", "nom du contact", "nombre", "nome", "naam"}

// refusals are whole headers that look like a field but are not the lead's
// value of it, with the reason shown to the user.
var refusals = []struct {
	spellings []string
	why       string
}{
	{[]string{"status", "estado", "statut"}, "ambiguous: could be lead_status or form_status"},
	{[]string{"region"}, "ambiguous: could be state or a sales region"},
	{[]string{"country code", "ländercode"}, "ambiguous: could be country or a phone prefix"},
	{[]string{"url", "page url", "link"}, "ambiguous: could be website or the page of the form"},
	{[]string{"date", "datum", "fecha"}, "ambiguous: a date of what"},
	{[]string{"titel", "salutation", "anrede", "civilité", "tratamiento", "academic title"}, "salutation or academic title, not a job title"},
	{[]string{"created by", "last modified by", "modified by", "updated by", "erstellt von"}, "names the user who edited the record, not the lead"},
	{[]string{"lead owner", "contact owner", "account owner", "owner", "record owner", "hubspot owner", "sales rep", "assigned to"}, "names the record's owner, not the lead"},
	{[]string{"firmentelefon", "zentrale", "telefonzentrale", "switchboard", "standard", "standard téléphonique", "centralita"}, "the company's switchboard, not the lead's line"},
	{[]string{"total revenue"}, "HubSpot's revenue from closed deals, not the company's annual revenue"},
	{[]string{"first conversion", "recent conversion", "first conversion date", "recent conversion date", "conversion date"}, "HubSpot form conversion, not a converted lead"},
	{[]string{"fax", "fax number", "faxnummer", "télécopie"}, "fax, not a phone"},
	{[]string{"has opted out of email", "email opt out", "do not call", "do not email", "unsubscribed", "email bounced", "phone verified"}, "a flag about the lead, not a field value"},
}

// Word lists for the head-noun rule (see the package documentation).
var (
	// neutralWords may qualify any head noun: they still name the lead.
	neutralWords = []string{
		"lead", "contact", "attendee", "person", "prospect", "registrant", "visitor",
		"participant", "customer", "your", "primary", "the",
	}
	// personalOwnWords may qualify the lead's own contact details.
	personalOwnWords = []string{"work", "business", "office", "home", "personal", "private", "direct"}
	// companyOwnWords may qualify company-level fields (address, website,
	// revenue, size): the lead's company, its billing or mailing address.
	companyOwnWords = []string{
		"company", "account", "organization", "organisation", "business", "work", "office",
		"home", "mailing", "billing", "shipping", "main", "hq", "headquarters", "corporate",
		"address", // "Billing Address Country", "Mailing Address City"
	}
	// foreignWords name another person or record, whatever the head noun.
	foreignWords = []string{
		"owner", "owners", "rep", "reps", "representative", "salesperson", "assistant", "asst",
		"parent", "manager", "partner", "reseller", "referrer", "agent", "spouse", "emergency",
		"secretary", "creator", "by", "assigned",
	}
	// companyForeignWords qualify the lead's own contact details with the
	// company's: "Main Phone" is the switchboard, "Account Phone" the
	// account's line, "Billing Email" accounts payable.
	companyForeignWords = []string{
		"company", "account", "organization", "organisation", "main", "switchboard", "reception",
		"general", "headquarters", "hq", "corporate", "billing", "shipping", "technical", "support",
		"firma", "société", "empresa",
	}
	// connectorWords join alternatives: "Phone / Mobile", "Phone or Mobile".
	connectorWords = []string{"or", "and", "oder", "und", "ou", "et", "o", "y", "u"}
)

// personalFields are the person's own name, contact details and role.
func personalField(f lead.Field) bool {
	switch f {
	case lead.FirstName, lead.LastName, lead.FullName, lead.Email, lead.Phone, lead.Mobile, lead.JobTitle:
		return true
	}
	return false
}

// companyField reports fields that describe the lead's company.
func companyField(f lead.Field) bool {
	switch f {
	case lead.Company, lead.Website, lead.Street, lead.City, lead.State, lead.PostalCode,
		lead.Country, lead.AnnualRevenue, lead.Employees:
		return true
	}
	return false
}
