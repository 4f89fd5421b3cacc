package rulebook

import (
	"strings"
	"unicode"
)

// The seniority levels a job title maps to, highest first. The empty
// string means "no title".
const (
	SeniorityCLevel     = "c_level"
	SeniorityVP         = "vp"
	SeniorityDirector   = "director"
	SeniorityManager    = "manager"
	SeniorityIndividual = "individual"
)

// seniorityRule maps whole-word phrases of a lower-cased title to a level.
type seniorityRule struct {
	level   string
	phrases []string
}

// seniorityRules are tried in order; the first phrase found wins. Traps
// come first: "Assistant to the CEO" and "Product Owner" are not
// executives, and "Vice President" must not be read as "President".
var seniorityRules = [...]seniorityRule{
	{SeniorityIndividual, []string{
		"assistant to", "assistant of", "executive assistant", "personal assistant",
		"product owner", "process owner", "assistentin der", "assistent der",
		"assistante de direction", "asistente de", "student", "intern", "praktikant", "werkstudent",
	}},
	{SeniorityVP, []string{
		"vice president", "vp", "svp", "evp", "avp", "vizepräsident", "vizepraesident",
		"vice président", "vice presidente", "vicepresidente", "vicepresidenta",
	}},
	{SeniorityCLevel, []string{
		"ceo", "cto", "cfo", "coo", "cmo", "cio", "ciso", "cro", "cpo", "cso", "cdo", "chief",
		"founder", "cofounder", "owner", "president", "managing director", "managing partner",
		"geschäftsführer", "geschäftsführerin", "geschaeftsfuehrer", "geschaeftsfuehrerin",
		"inhaber", "inhaberin", "gründer", "gründerin", "gruender", "vorstand", "vorstandsvorsitzender",
		"pdg", "directeur général", "directrice générale", "gérant", "gérante", "fondateur", "fondatrice", "président", "présidente",
		"director general", "directora general", "director ejecutivo", "directora ejecutiva", "gerente general",
		"consejero delegado", "fundador", "fundadora", "propietario", "propietaria", "dueño", "dueña", "presidente", "presidenta",
	}},
	{SeniorityDirector, []string{
		"director", "directora", "directeur", "directrice", "direktor", "direktorin", "diretor", "diretora",
		"head", "leiter", "leiterin", "general manager", "bereichsleiter", "bereichsleiterin",
		"abteilungsleiter", "abteilungsleiterin", "vertriebsleiter", "vertriebsleiterin",
		"marketingleiter", "marketingleiterin", "einkaufsleiter", "einkaufsleiterin",
	}},
	{SeniorityManager, []string{
		"manager", "managerin", "mgr", "gerente", "jefe", "jefa", "responsable", "chef", "supervisor",
		"team lead", "team leader", "teamleiter", "teamleiterin", "gruppenleiter", "gruppenleiterin",
		"projektleiter", "projektleiterin", "coordinador", "coordinadora",
	}},
}

// Seniority derives a seniority level from a job title: "c_level", "vp",
// "director", "manager", "individual" for any other non-blank title, and ""
// for a blank one. Words are matched whole, so "Directory Assistant" is not
// a director. German, French and Spanish titles are understood
// (Geschäftsführer, Leiter, Directeur, Gerente, Jefe, ...).
func Seniority(title string) string {
	words := titleWords(title)
	if len(words) == 0 {
		return ""
	}
	padded := " " + strings.Join(words, " ") + " "
	for _, rule := range seniorityRules {
		for _, p := range rule.phrases {
			if strings.Contains(padded, " "+p+" ") {
				return rule.level
			}
		}
	}
	return SeniorityIndividual
}

// titleWords lower-cases a title and splits it into words of letters and
// digits; "Co-Founder" gives "co founder", and "cofounder" is kept whole.
func titleWords(title string) []string {
	return strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// departmentRules map title words to a department; the first match wins.
var departmentRules = [...]struct {
	department string
	phrases    []string
}{
	{"sales", []string{"sales", "vertrieb", "ventas", "ventes", "commercial", "comercial", "business development", "account executive", "cro"}},
	{"marketing", []string{"marketing", "cmo", "brand", "growth", "demand generation", "communications", "mercadotecnia"}},
	{"it", []string{"it", "cio", "cto", "ciso", "information technology", "informatik", "informatique", "informática", "technology", "systems", "security"}},
	{"finance", []string{"finance", "financial", "cfo", "controller", "accounting", "accountant", "finanzen", "finanzas", "finances", "treasurer", "buchhaltung"}},
	{"procurement", []string{"procurement", "purchasing", "buyer", "einkauf", "einkaufsleiter", "compras", "achats", "sourcing"}},
	{"hr", []string{"hr", "human resources", "people", "recruiting", "talent", "personal", "rrhh", "recursos humanos", "ressources humaines"}},
	{"operations", []string{"operations", "coo", "logistics", "supply chain", "betrieb", "operaciones", "opérations"}},
	{"engineering", []string{"engineering", "engineer", "developer", "r d", "entwicklung", "ingénieur", "ingeniero", "ingeniera"}},
}

// Department derives a department ("sales", "marketing", "it", "finance",
// "procurement", "hr", "operations", "engineering") from a job title, or ""
// when the title names none.
func Department(title string) string {
	words := titleWords(title)
	if len(words) == 0 {
		return ""
	}
	padded := " " + strings.Join(words, " ") + " "
	for _, rule := range departmentRules {
		for _, p := range rule.phrases {
			if strings.Contains(padded, " "+p+" ") {
				return rule.department
			}
		}
	}
	return ""
}
