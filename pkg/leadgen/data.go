package leadgen

import (
	"strings"
	"sync"

	"github.com/leadclean/leadclean/pkg/fold"
)

// This file holds the word lists the generator draws from. They are plain
// constant data; the derived tables (ASCII forms for e-mail local parts,
// domains, weights) are built once, lazily, by [tables].

// A nameSource lists given and family names of one culture. An entry is
// either "Display" or "Display|ascii" where the ASCII form cannot be derived
// by stripping accents (CJK, Vietnamese đ, ...).
type nameSource struct {
	given  []string
	family []string
}

var (
	namesEnglish = nameSource{
		given: []string{"James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "William", "Linda",
			"David", "Elizabeth", "Richard", "Barbara", "Joseph", "Susan", "Thomas", "Jessica", "Charles",
			"Sarah", "Christopher", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty",
			"Mark", "Sandra", "Steven", "Ashley", "Andrew", "Emily", "Joshua", "Michelle", "Kevin",
			"Amanda", "Brian", "Melissa", "Ryan", "Rebecca", "Jacob", "Laura", "Aoife", "Siobhán", "Niamh",
			"Llewellyn", "Ngozi", "Nnamdi", "Xochitl", "Priya", "Omar", "Keisha", "Tyrone", "Megan", "Connor"},
		family: []string{"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
			"Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris",
			"Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green",
			"Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips",
			"O'Brien", "O'Connor", "D'Angelo", "Smith-Jones", "McAllister", "Tshabalala", "Mkhize",
			"Okafor", "Ó Súilleabháin", "Fitzgerald", "Harper", "Brennan", "Gallagher", "Sullivan"},
	}
	namesGerman = nameSource{
		given: []string{"Lukas", "Anna", "Jonas", "Lea", "Felix", "Laura", "Maximilian", "Katharina", "Paul",
			"Julia", "Leon", "Sophie", "Tobias", "Hannah", "Florian", "Miriam", "Jörg", "Jürgen", "Sabine",
			"Ute", "Klaus", "Birgit", "Stefan", "Anja", "Matthias", "Claudia", "Sören", "Björn", "Ömer", "Ayşe"},
		family: []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
			"Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
			"Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange",
			"Østergaard", "Al-Sayed", "Yılmaz", "Kowalski", "Szczepański", "von Bülow", "van der Berg"},
	}
	namesFrench = nameSource{
		given: []string{"Camille", "Louis", "Chloé", "Hugo", "Léa", "Gabriel", "Manon", "Arthur", "Inès",
			"Jules", "Élodie", "Théo", "Céline", "Mathieu", "Sébastien", "Amélie", "François", "Hélène", "Yasmine", "Karim"},
		family: []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
			"Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand",
			"Roux", "Vincent", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Benali", "de la Fontaine"},
	}
	namesSpanish = nameSource{
		given: []string{"Lucía", "Hugo", "Martina", "Mateo", "Sofía", "Pablo", "María", "Alejandro", "Paula",
			"Daniel", "Carmen", "Javier", "Elena", "Álvaro", "Nuria", "Iñaki", "Begoña", "Jordi"},
		family: []string{"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez",
			"Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz",
			"Álvarez", "Romero", "de la Cruz", "Castillo", "Ibáñez", "Puig"},
	}
	namesDutch = nameSource{
		given: []string{"Daan", "Emma", "Sem", "Julia", "Lucas", "Mila", "Bram", "Sanne", "Thijs", "Fleur",
			"Jeroen", "Marieke", "Pieter", "Anouk", "Joost", "Eeva"},
		family: []string{"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
			"Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
			"van Leeuwen", "Dekker", "Brouwer"},
	}
	namesIndian = nameSource{
		given: []string{"Aarav", "Priya", "Vivaan", "Ananya", "Aditya", "Diya", "Arjun", "Isha", "Rohan",
			"Kavya", "Rahul", "Sneha", "Vikram", "Pooja", "Sanjay", "Lakshmi", "Harpreet", "Imran"},
		family: []string{"Sharma", "Patel", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair", "Menon",
			"Chatterjee", "Banerjee", "Mehta", "Joshi", "Rao", "Desai", "Kapoor", "Malhotra", "Khan", "Pillai"},
	}
	namesPortuguese = nameSource{
		given: []string{"João", "Maria", "Pedro", "Ana", "Lucas", "Beatriz", "Gabriel", "Larissa", "Rafael",
			"Juliana", "Thiago", "Fernanda", "Gustavo", "Camila", "Leandro", "Letícia"},
		family: []string{"Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira",
			"Lima", "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Araújo", "Gonçalves", "Conceição"},
	}
	namesJapaneseLatin = nameSource{
		given: []string{"Hiroshi", "Yuki", "Takashi", "Aiko", "Kenji", "Haruka", "Daisuke", "Sakura",
			"Shota", "Yui", "Kazuki", "Mei", "Ryo", "Naomi"},
		family: []string{"Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura",
			"Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Matsumoto", "Inoue", "Kimura"},
	}
	namesJapaneseKanji = nameSource{
		given:  []string{"太郎|taro", "花子|hanako", "健|ken", "美咲|misaki", "翔|sho", "陽菜|hina", "大輔|daisuke"},
		family: []string{"田中|tanaka", "佐藤|sato", "鈴木|suzuki", "高橋|takahashi", "山本|yamamoto", "中村|nakamura"},
	}
	namesEastAsian = nameSource{ // diaspora names in US, CA, AU, GB lists
		given: []string{"Na", "Wei", "Bo", "Yi", "Jing", "Min", "Hao", "Thị Mai|thimai", "Minh", "Linh",
			"Jae-won", "Seo-yeon", "Ji-ho", "Mei", "Xin"},
		family: []string{"Li", "Xu", "Wang", "Zhang", "Chen", "Liu", "Ng", "Ooi", "Nguyễn|nguyen", "Trần|tran",
			"Phạm|pham", "Lê|le", "Kim", "Park", "Choi", "Wong"},
	}
	namesArabic = nameSource{
		given:  []string{"Omar", "Fatima", "Youssef", "Layla", "Ahmed", "Noor", "Khalid", "Aisha", "Tariq", "Samira"},
		family: []string{"Al-Sayed", "Haddad", "Khoury", "Mansour", "al-Hassan", "bin Abdullah", "Nasser", "Saleh", "Farouk"},
	}
)

// A country is one of the countries of the generated mix.
type country struct {
	code string // ISO 3166 alpha-2
	// weight is the share in an international list, in percent.
	weight int
	// spellings are how exports write the country; the first is the most common.
	spellings []string
	// german is how a German Excel user writes the country.
	german string
	names  []weightedNames
	cities []city
	tlds   []string
	// companyWords and companyKinds make company names; legal are suffixes.
	companyWords []string
	companyKinds []string
	legal        []string
	free         []string // free-mail providers popular there
	street       func(g *generator) string
}

type weightedNames struct {
	source *nameSource
	weight int
}

type city struct {
	name, state, postal string // postal is a prefix; digits are appended to reach postalLen
}

var englishCompanyWords = []string{"Acme", "Summit", "Blue Harbor", "Pinecrest", "Redwood", "Granite", "Lakeside",
	"Northstar", "Brightline", "Ironbridge", "Silverline", "Clearwater", "Evergreen", "Keystone", "Meridian",
	"Harborview", "Cobalt", "Juniper", "Copperleaf", "Tidewater", "Westbrook", "Atlas", "Beacon", "Sterling"}
var englishCompanyKinds = []string{"Analytics", "Logistics", "Health", "Software", "Manufacturing", "Capital",
	"Foods", "Robotics", "Energy", "Labs", "Systems", "Media", "Networks", "Biotech", "Insurance", "Retail",
	"Engineering", "Consulting", "Aerospace", "Pharma"}

// countries is the country mix of a typical international lead list.
var countries = []country{
	{code: "US", weight: 40, spellings: []string{"United States", "USA", "US", "U.S.", "United States of America"}, german: "USA",
		names:  []weightedNames{{&namesEnglish, 70}, {&namesSpanish, 10}, {&namesEastAsian, 8}, {&namesIndian, 7}, {&namesArabic, 5}},
		cities: []city{{"San Francisco", "CA", "941"}, {"New York", "NY", "100"}, {"Chicago", "IL", "606"}, {"Boston", "MA", "021"}, {"Seattle", "WA", "981"}, {"Austin", "TX", "787"}, {"Denver", "CO", "802"}, {"Atlanta", "GA", "303"}, {"Miami", "FL", "331"}, {"Portland", "OR", "972"}},
		tlds:   []string{"com", "com", "com", "io", "co", "us"}, companyWords: englishCompanyWords, companyKinds: englishCompanyKinds,
		legal: []string{"Inc.", "LLC", "Corp.", "", "Inc", "Group"}, free: []string{"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com"},
		street: streetUS},
	{code: "GB", weight: 10, spellings: []string{"United Kingdom", "UK", "GB", "England", "Great Britain"}, german: "Vereinigtes Königreich",
		names:  []weightedNames{{&namesEnglish, 80}, {&namesIndian, 8}, {&namesArabic, 6}, {&namesEastAsian, 6}},
		cities: []city{{"London", "", "EC1A "}, {"Manchester", "", "M1 "}, {"Birmingham", "", "B1 "}, {"Leeds", "", "LS1 "}, {"Edinburgh", "", "EH1 "}, {"Bristol", "", "BS1 "}},
		tlds:   []string{"co.uk", "co.uk", "com", "io"}, companyWords: englishCompanyWords, companyKinds: englishCompanyKinds,
		legal: []string{"Ltd", "Ltd.", "plc", "Limited", ""}, free: []string{"gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "btinternet.com"},
		street: streetGB},
	{code: "DE", weight: 10, spellings: []string{"Germany", "Deutschland", "DE"}, german: "Deutschland",
		names:  []weightedNames{{&namesGerman, 92}, {&namesArabic, 4}, {&namesEastAsian, 4}},
		cities: []city{{"Berlin", "", "10"}, {"München", "", "80"}, {"Hamburg", "", "20"}, {"Köln", "", "50"}, {"Frankfurt am Main", "", "60"}, {"Stuttgart", "", "70"}, {"Düsseldorf", "", "40"}, {"Leipzig", "", "04"}},
		tlds:   []string{"de", "de", "de", "com"}, companyWords: []string{"Nordwind", "Bergmann", "Rheintal", "Alpen", "Hanse", "Spree", "Elbe", "Schwarzwald", "Isar", "Main", "Sonnenberg", "Lindenhof", "Weißenfels", "Brückner"},
		companyKinds: []string{"Logistik", "Maschinenbau", "Software", "Energie", "Medizintechnik", "Bau", "Handel", "Systeme", "Präzisionstechnik", "Verpackung", "Automation"},
		legal:        []string{"GmbH", "AG", "GmbH & Co. KG", "SE", "GmbH"}, free: []string{"gmx.de", "web.de", "t-online.de", "gmail.com", "gmx.net"},
		street: streetDE},
	{code: "FR", weight: 6, spellings: []string{"France", "FR"}, german: "Frankreich",
		names:  []weightedNames{{&namesFrench, 90}, {&namesArabic, 10}},
		cities: []city{{"Paris", "", "750"}, {"Lyon", "", "690"}, {"Marseille", "", "130"}, {"Toulouse", "", "310"}, {"Nantes", "", "440"}, {"Lille", "", "590"}},
		tlds:   []string{"fr", "fr", "com"}, companyWords: []string{"Lumière", "Azur", "Belle Rive", "Mistral", "Vauban", "Clairval", "Horizon", "Atlantique", "Provence"},
		companyKinds: []string{"Conseil", "Logistique", "Informatique", "Énergie", "Santé", "Industries", "Technologies", "Distribution"},
		legal:        []string{"SAS", "SA", "SARL", ""}, free: []string{"orange.fr", "free.fr", "gmail.com", "laposte.net", "wanadoo.fr"},
		street: streetFR},
	{code: "CA", weight: 5, spellings: []string{"Canada", "CA"}, german: "Kanada",
		names:  []weightedNames{{&namesEnglish, 60}, {&namesFrench, 20}, {&namesEastAsian, 12}, {&namesIndian, 8}},
		cities: []city{{"Toronto", "ON", "M5V"}, {"Vancouver", "BC", "V6B"}, {"Montréal", "QC", "H3B"}, {"Calgary", "AB", "T2P"}, {"Ottawa", "ON", "K1P"}},
		tlds:   []string{"ca", "com"}, companyWords: englishCompanyWords, companyKinds: englishCompanyKinds,
		legal: []string{"Inc.", "Ltd.", "Corp.", ""}, free: []string{"gmail.com", "hotmail.com", "yahoo.ca", "outlook.com"},
		street: streetUS},
	{code: "ES", weight: 4, spellings: []string{"Spain", "España", "ES"}, german: "Spanien",
		names:  []weightedNames{{&namesSpanish, 100}},
		cities: []city{{"Madrid", "", "280"}, {"Barcelona", "", "080"}, {"Valencia", "", "460"}, {"Sevilla", "", "410"}, {"Bilbao", "", "480"}},
		tlds:   []string{"es", "com"}, companyWords: []string{"Iberia", "Sol", "Costa", "Montaña", "Alhambra", "Mediterránea", "Castilla", "Levante"},
		companyKinds: []string{"Soluciones", "Logística", "Tecnología", "Energía", "Consultores", "Distribución"},
		legal:        []string{"S.L.", "S.A.", "SL", ""}, free: []string{"gmail.com", "hotmail.es", "yahoo.es", "outlook.es"},
		street: streetES},
	{code: "NL", weight: 4, spellings: []string{"Netherlands", "The Netherlands", "NL"}, german: "Niederlande",
		names:  []weightedNames{{&namesDutch, 90}, {&namesArabic, 5}, {&namesGerman, 5}},
		cities: []city{{"Amsterdam", "", "10"}, {"Rotterdam", "", "30"}, {"Utrecht", "", "35"}, {"Den Haag", "", "25"}, {"Eindhoven", "", "56"}},
		tlds:   []string{"nl", "nl", "com", "io"}, companyWords: []string{"Polder", "Delta", "Noordzee", "Oranje", "Tulp", "Windmolen", "Grachten", "Zuiderzee"},
		companyKinds: []string{"Logistiek", "Software", "Techniek", "Energie", "Groep", "Systemen", "Advies"},
		legal:        []string{"B.V.", "BV", "N.V.", ""}, free: []string{"gmail.com", "hotmail.nl", "ziggo.nl", "kpnmail.nl", "outlook.com"},
		street: streetNL},
	{code: "IN", weight: 6, spellings: []string{"India", "IN"}, german: "Indien",
		names:  []weightedNames{{&namesIndian, 100}},
		cities: []city{{"Bengaluru", "KA", "560"}, {"Mumbai", "MH", "400"}, {"New Delhi", "DL", "110"}, {"Hyderabad", "TG", "500"}, {"Chennai", "TN", "600"}, {"Pune", "MH", "411"}},
		tlds:   []string{"in", "co.in", "com", "io"}, companyWords: []string{"Indus", "Ganga", "Lotus", "Sahyadri", "Kaveri", "Himalaya", "Deccan", "Saffron"},
		companyKinds: []string{"Infotech", "Software", "Pharma", "Textiles", "Logistics", "Analytics", "Solutions"},
		legal:        []string{"Pvt. Ltd.", "Private Limited", "Ltd.", ""}, free: []string{"gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com"},
		street: streetIN},
	{code: "AU", weight: 5, spellings: []string{"Australia", "AU"}, german: "Australien",
		names:  []weightedNames{{&namesEnglish, 80}, {&namesEastAsian, 12}, {&namesIndian, 8}},
		cities: []city{{"Sydney", "NSW", "2000"}, {"Melbourne", "VIC", "3000"}, {"Brisbane", "QLD", "4000"}, {"Perth", "WA", "6000"}, {"Adelaide", "SA", "5000"}},
		tlds:   []string{"com.au", "com.au", "com", "io"}, companyWords: englishCompanyWords, companyKinds: englishCompanyKinds,
		legal: []string{"Pty Ltd", "Pty. Ltd.", "Ltd", ""}, free: []string{"gmail.com", "bigpond.com", "outlook.com", "hotmail.com"},
		street: streetUS},
	{code: "BR", weight: 5, spellings: []string{"Brazil", "Brasil", "BR"}, german: "Brasilien",
		names:  []weightedNames{{&namesPortuguese, 100}},
		cities: []city{{"São Paulo", "SP", "01"}, {"Rio de Janeiro", "RJ", "20"}, {"Belo Horizonte", "MG", "30"}, {"Curitiba", "PR", "80"}, {"Porto Alegre", "RS", "90"}},
		tlds:   []string{"com.br", "com.br", "com"}, companyWords: []string{"Tupi", "Ipê", "Amazonas", "Cerrado", "Paraná", "Horizonte", "Atlântico", "Jacarandá"},
		companyKinds: []string{"Tecnologia", "Logística", "Alimentos", "Energia", "Sistemas", "Comércio", "Engenharia"},
		legal:        []string{"Ltda.", "S.A.", "Ltda", ""}, free: []string{"gmail.com", "uol.com.br", "bol.com.br", "hotmail.com"},
		street: streetBR},
	{code: "JP", weight: 5, spellings: []string{"Japan", "JP"}, german: "Japan",
		names:  []weightedNames{{&namesJapaneseLatin, 80}, {&namesJapaneseKanji, 20}},
		cities: []city{{"Tokyo", "", "100-"}, {"Osaka", "", "530-"}, {"Yokohama", "", "220-"}, {"Nagoya", "", "450-"}, {"Fukuoka", "", "810-"}},
		tlds:   []string{"co.jp", "co.jp", "jp", "com"}, companyWords: []string{"Sakura", "Fuji", "Hikari", "Midori", "Kaze", "Taiyo", "Nami", "Yamato"},
		companyKinds: []string{"Robotics", "Electronics", "Trading", "Systems", "Precision", "Logistics", "Chemical"},
		legal:        []string{"K.K.", "Co., Ltd.", "Inc.", "Corporation"}, free: []string{"gmail.com", "yahoo.co.jp", "outlook.jp", "icloud.com"},
		street: streetJP},
}

// germanShowWeights is the country mix at a trade show in Germany, used by
// the badge-scanner style; the order follows countries.
var germanShowWeights = []int{12, 8, 45, 6, 2, 4, 8, 4, 3, 3, 5}

// Job titles of buyers and users. Traps for the student detector are
// included on purpose: "International", "Internal", "Intern" inside a word.
var cleanTitles = []string{"CEO", "CFO", "CTO", "COO", "VP of Sales", "VP Marketing", "Head of Marketing",
	"Marketing Manager", "Sales Operations Manager", "Director of Sales", "International Sales Manager",
	"Internal Audit Lead", "IT Director", "IT Manager", "Procurement Manager", "Purchasing Manager",
	"Head of Procurement", "Operations Manager", "Product Manager", "Senior Product Manager", "Founder",
	"Co-Founder & CEO", "Managing Director", "General Manager", "Software Engineer", "Data Engineer",
	"Head of Data", "Business Analyst", "Account Executive", "Customer Success Manager", "HR Director",
	"Chief Revenue Officer", "Director, Demand Generation", "Head of Sales EMEA", "Plant Manager",
	"Supply Chain Director", "Controller", "Finance Manager", "Office Manager", "Owner", "President",
	"Senior Buyer", "Engineering Manager", "Solutions Architect", "Digital Transformation Lead",
	"Internationalization Engineer", "Head of Internal Communications", "Training Coordinator"}

// Titles as a German visitor writes them on a badge.
var cleanTitlesGerman = []string{"Geschäftsführer", "Geschäftsführerin", "Leiter Einkauf", "Leiterin Vertrieb",
	"Vertriebsleiter", "IT-Leiter", "Head of Marketing", "Einkäufer", "Projektleiter", "Produktmanagerin",
	"Bereichsleiter Produktion", "Key Account Manager", "Technischer Leiter", "Prokurist", "CEO",
	"Leiter Internationaler Vertrieb", "Abteilungsleiter IT", "Inhaber"}

var germanDepartments = []string{"Vertrieb", "Einkauf", "IT", "Geschäftsleitung", "Marketing", "Produktion", "Logistik", ""}

var studentTitles = []string{"Student", "Werkstudent", "PhD Candidate", "Intern", "étudiant", "Marketing Intern",
	"Graduate Student", "Praktikant", "Estudiante", "Undergraduate Student", "Summer Intern"}

var studentTitlesGerman = []string{"Student", "Werkstudent", "Praktikant", "PhD Candidate", "Intern"}

// Universities: a clean lead there has a staff title; a student has a
// student title or none.
type university struct {
	name, domain, country string
}

var universities = []university{
	{"Stanford University", "stanford.edu", "US"}, {"Massachusetts Institute of Technology", "mit.edu", "US"},
	{"University of California, Berkeley", "berkeley.edu", "US"}, {"University of Michigan", "umich.edu", "US"},
	{"University of Oxford", "ox.ac.uk", "GB"}, {"University of Cambridge", "cam.ac.uk", "GB"},
	{"University of Edinburgh", "ed.ac.uk", "GB"}, {"Technische Universität München", "tum.de", "DE"},
	{"Ludwig-Maximilians-Universität München", "lmu.de", "DE"}, {"Sorbonne Université", "sorbonne-universite.fr", "FR"},
	{"University of Toronto", "utoronto.ca", "CA"}, {"McGill University", "mcgill.ca", "CA"},
	{"Universidad Complutense de Madrid", "ucm.es", "ES"}, {"Universiteit van Amsterdam", "uva.nl", "NL"},
	{"IIT Bombay", "iitb.ac.in", "IN"}, {"IIT Delhi", "iitd.ac.in", "IN"}, {"University of Melbourne", "unimelb.edu.au", "AU"},
	{"University of Sydney", "sydney.edu.au", "AU"}, {"Universidade de São Paulo", "usp.br", "BR"},
	{"Unicamp", "unicamp.br", "BR"}, {"University of Tokyo", "u-tokyo.ac.jp", "JP"}, {"Kyoto University", "kyoto-u.ac.jp", "JP"},
}

// universityStaffTitles are the titles of university staff who buy.
var universityStaffTitles = []string{"IT Director", "Procurement Officer"}

// Pages of the website running the campaigns (the list's owner).
const ownSite = "https://www.northpeak-software.com"

var cleanPages = []string{"/", "/pricing", "/product/overview", "/product/integrations", "/blog/lead-scoring-guide",
	"/demo", "/contact-sales", "/resources/ebook-sales-ops-playbook", "/customers", "/blog/crm-hygiene-checklist",
	"/webinars/q3-pipeline-review", "/de/preise", "/fr/tarifs"}

var imagePages = []string{"/hubfs/img/infographic-2026-b2b-trends.png", "/img/infographic.png",
	"/hubfs/Sales-Funnel-Infographic.jpg", "/resources/infographic-lead-lifecycle", "/img/pipeline-chart.gif",
	"/hubfs/social/linkedin-banner.webp", "/infographics/state-of-sales-ops"}

var hubspotSources = []string{"Organic Search", "Paid Search", "Email Marketing", "Social Media", "Referrals",
	"Direct Traffic", "Paid Social", "Other Campaigns"}

var salesforceSources = []string{"Web", "Trade Show", "Partner Referral", "Phone Inquiry", "Webinar", "Purchased List", "Employee Referral"}

var salesforceStatuses = []string{"Open - Not Contacted", "Working - Contacted", "Open - Not Contacted", "Nurturing"}

var leadOwners = []string{"Maria Lopez", "Tom Becker", "Priya Raman", "Jake Sullivan", "Nina Hofmann"}

// Revenue as exports write it. Clean amounts are at least 2,000,000 USD.
var (
	revenueCleanFree = []string{"$2.5M", "10M-50M", "$1.5B", "USD 40 million", "5M - 10M", "$12M", "25,000,000",
		"$120M", "20 Mio. USD", "$3,400,000", "50M-100M", "Unknown", "", "", "$8.2M", "100M+"}
	revenueCleanSalesforce = []string{"2500000", "12000000", "$45,000,000.00", "150000000", "", "", "3200000", "$8,750,000.00", "1200000000"}
	revenueCleanForm       = []string{"$2M-$10M", "$10M-$50M", "$50M-$250M", "$250M+", "", "Prefer not to say"}
	revenueLowFree         = []string{"$250K", "750K", "$0.5M", "300000", "$400,000.00", "100K - 500K", "$120K", "$900K"}
	revenueLowSalesforce   = []string{"250000", "500000.00", "$750,000.00", "90000", "$400,000.00"}
	revenueLowForm         = []string{"$250K", "$100K-$500K", "750K", "$500K"}
)

// Messages. Clean ones state a need (a word like SEO alone is a prospect);
// vendor ones pitch something to us.
var (
	cleanMessages = []string{"I need SEO help for our product launch", "Looking for pricing for 50 seats",
		"Can you send a quote for 200 licences?", "We are evaluating tools for our sales team.",
		"Please send the datasheet and a reference customer in manufacturing.",
		"Hi,\nwe are replacing our current CRM cleanup scripts.\nCould someone walk us through the API?",
		"Interested in the enterprise plan, budget approved for Q3.",
		"Our marketing team (12 people) wants a demo next week.",
		"Do you integrate with Salesforce and HubSpot? We run both.",
		"Need GDPR documentation before we can start a trial.",
		"Request: onboarding for our EMEA sales ops team\nTimeline: this quarter"}
	vendorMessages = []string{"We offer SEO services to get you on the first page of Google",
		"I noticed your website and our offshore team of dedicated developers can build your app at half the cost.",
		"Can we schedule a call about lead generation services?",
		"We provide guest post and link building packages that increase your traffic within 30 days.",
		"Hello,\nWe offer appointment setting for B2B companies.\nCan we schedule a call this week?",
		"I noticed your website has a few issues. We offer web design services at affordable prices.",
		"Would you like to buy the attendee list of the trade show? 12,000 verified contacts.",
		"Our lead generation services deliver 500 qualified appointments per month. Can we schedule a call?"}
	vendorCompanies = []string{"BrightRank SEO Agency", "CodeHarbor Offshore Solutions", "LeadFlow Partners",
		"PixelPerfect Web Design", "TopLink Outreach", "ApexAppointments"}
	vendorTitles  = []string{"Business Development Manager", "Sales Executive", "Founder", "Growth Consultant"}
	vendorDomains = []string{"brightrank-seo.com", "codeharbor-offshore.com", "leadflowpartners.com",
		"pixelperfect-webdesign.com", "toplinkoutreach.com", "apexappointments.com"}
	badgeNotes = []string{"", "", "", "Interesse an Demo", "Bitte Angebot senden", "Rückruf nächste Woche",
		"Kennt uns von der letzten Messe", "Budget 2027 geplant", "Will Preisliste\nund Referenzen"}
	goldfishNotes = []string{"", "", "", "met at booth", "wants demo", "follow up after show", "Q3 budget", "asked about API"}
)

// Placeholder names planted as wrong_name; the e-mail and phone stay a
// real person's.
var wrongNames = [][2]string{{"Mickey", "Mouse"}, {"Donald", "Duck"}, {"Test", "Test"}, {"asdfgh", "qwerty"},
	{"John", "Doe"}, {"Jane", "Doe"}, {"Lorem", "Ipsum"}, {"Santa", "Claus"}, {"Asdf", "Asdf"}, {"xxx", "xxx"},
	{"Aaaa", "Bbbb"}, {"qwertz", "asdfg"}}

// Bogus phone values: unanswerable but often "valid" to libphonenumber.
// Each entry is a region-independent value or, with a region prefix
// ("US:"), only used for rows of that country.
var bogusPhones = []string{"0000000000", "1234567890", "12", "9876543210", "1111111111", "000", "123",
	"US:(415) 555-0123", "US:+1 212 555 0175", "US:555-0199", "US:(646) 555-0142",
	"CA:416-555-0110", "GB:020 7946 0321", "GB:07700 900123", "GB:+44 161 496 0456", "GB:01632 960555",
	"AU:+61 2 5550 1234", "AU:0491 570 156"}

// Bogus emails. Fixed values are used once per file; name-based templates
// (with %s for a name) never run out.
var (
	bogusEmailsFixed = []string{"test@test.com", "asdf@asdf.com", "no email", "none@none.com", "a@a.com",
		"fake@fake.com", "qwerty@qwerty.com", "noemail@noemail.com", "x@x.com", "none", "email@email.com", "user@domain.com"}
	// In each template {l} is replaced with an ASCII local part and {d}
	// with the row's company domain.
	bogusEmailTemplates = []string{"{l}@mailinator.com", "{l}@example.com", "{l}@guerrillamail.com", "{l}@@{d}",
		"{l}@yopmail.com", "{l}@example.org", "{l}@acme.test", "{l}@10minutemail.com", "{l}.@{d}", "{l}@{d}.invalid", "{l} @{d}"}
)

var roleLocalParts = []string{"info", "sales", "contact", "office", "hello", "purchasing"}

// tableSet holds the tables derived from the lists above.
type tableSet struct {
	names map[*nameSource]*nameTable
	// companies[country index][word index*len(kinds)+kind index] holds
	// each company's name and domain.
	companies [][]company
}

type company struct{ name, domain string }

type nameTable struct {
	given, family []nameEntry
}

type nameEntry struct {
	display string
	ascii   string // lower-case ASCII for e-mail local parts, no spaces
	cp1252  bool   // encodable in Windows-1252
}

var (
	tablesOnce sync.Once
	tablesVal  *tableSet
)

// tables returns the derived tables, building them on first use.
func tables() *tableSet {
	tablesOnce.Do(func() {
		t := &tableSet{names: map[*nameSource]*nameTable{}}
		for ci := range countries {
			c := &countries[ci]
			list := make([]company, 0, len(c.companyWords)*len(c.companyKinds))
			for wi := range c.companyWords {
				for ki := range c.companyKinds {
					name, domain := makeCompany(c, wi, ki)
					list = append(list, company{name, domain})
				}
			}
			t.companies = append(t.companies, list)
			for _, wn := range c.names {
				if _, ok := t.names[wn.source]; !ok {
					t.names[wn.source] = &nameTable{given: entries(wn.source.given), family: entries(wn.source.family)}
				}
			}
		}
		tablesVal = t
	})
	return tablesVal
}

func entries(list []string) []nameEntry {
	out := make([]nameEntry, len(list))
	for i, s := range list {
		display, ascii, ok := strings.Cut(s, "|")
		if !ok {
			ascii = foldASCII(display)
		}
		out[i] = nameEntry{display: display, ascii: ascii, cp1252: cp1252OK(display)}
	}
	return out
}

// foldASCII turns a Latin-script name into a lower-case e-mail local part:
// accents stripped and special letters spelt out (by package fold), spaces
// dropped. Apostrophes and hyphens are kept (o'brien@ is a valid address).
func foldASCII(s string) string {
	var folded []byte
	for _, r := range s {
		if r == '’' {
			r = '\''
		}
		folded = fold.AppendBase(folded, r)
	}
	b := folded[:0]
	for _, c := range folded {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '\'', c == '-':
			b = append(b, c)
		}
	}
	return string(b)
}

// cp1252OK reports whether s can be written in Windows-1252.
func cp1252OK(s string) bool {
	for _, r := range s {
		if _, ok := encodeCP1252(r); !ok {
			return false
		}
	}
	return true
}
