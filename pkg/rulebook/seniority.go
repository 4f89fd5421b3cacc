package rulebook

import (
	"strings"
	"unicode"
	"unicode/utf8"
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

// titleSignals returns a title's seniority and department.
//
// Seniority is "c_level", "vp", "director", "manager", "individual" for
// any other non-blank title, and "" for a blank one. Words are matched
// whole, so "Directory Assistant" is not a director. German, French and
// Spanish titles are understood (Geschäftsführer, Leiter, Directeur,
// Gerente, Jefe, ...). Department is "sales", "marketing", "it",
// "finance", "procurement", "hr", "operations", "engineering", or "" when
// the title names none.
//
// The title is lower-cased and split into words once; every run of up to
// phraseIndex.maxWords words is then looked up in the phrase indexes, and
// the earliest rule with a phrase in the title wins. This is the same as
// testing each rule's phrases in turn for a whole-word match, without the
// hundred substring searches per title.
func titleSignals(title string) (seniority, department string) {
	var buf [128]byte
	padded, starts := titleText(title, buf[:0])
	if len(starts) == 0 {
		return "", ""
	}
	seniority = SeniorityIndividual
	if i := seniorityIndex.find(padded, starts); i >= 0 {
		seniority = seniorityRules[i].level
	}
	if i := departmentIndex.find(padded, starts); i >= 0 {
		department = departmentRules[i].department
	}
	return seniority, department
}

// titleText writes the title's words, lower-cased and each followed by a
// space, to buf (so "Co-Founder & CTO" gives "co founder cto "), and
// returns it with the offset where each word starts. Words are runs of
// letters and digits: "Co-Founder" gives "co founder", and
// "cofounder" is kept whole.
func titleText(title string, buf []byte) ([]byte, []int) {
	var starts []int
	inWord := false
	for _, r := range title {
		r = unicode.ToLower(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !inWord {
				starts = append(starts, len(buf))
				inWord = true
			}
			buf = utf8.AppendRune(buf, r)
			continue
		}
		if inWord {
			buf = append(buf, ' ')
			inWord = false
		}
	}
	if inWord {
		buf = append(buf, ' ')
	}
	return buf, starts
}

// phraseIndex maps each phrase of a rule table to the index of its rule.
type phraseIndex struct {
	rule     map[string]int
	maxWords int
}

func newPhraseIndex(phrases func(rule int) []string, rules int) phraseIndex {
	ix := phraseIndex{rule: make(map[string]int)}
	for i := rules - 1; i >= 0; i-- { // an earlier rule wins a shared phrase
		for _, p := range phrases(i) {
			ix.rule[p] = i
			ix.maxWords = max(ix.maxWords, strings.Count(p, " ")+1)
		}
	}
	return ix
}

// find returns the earliest rule with a phrase among the words of padded
// (as titleText writes them), or -1.
func (ix phraseIndex) find(padded []byte, starts []int) int {
	best := -1
	for w, from := range starts {
		for n := 1; n <= ix.maxWords && w+n <= len(starts); n++ {
			end := len(padded) - 1
			if w+n < len(starts) {
				end = starts[w+n] - 1
			}
			if i, ok := ix.rule[string(padded[from:end])]; ok && (best < 0 || i < best) {
				best = i
			}
		}
	}
	return best
}

var (
	seniorityIndex  = newPhraseIndex(func(i int) []string { return seniorityRules[i].phrases }, len(seniorityRules))
	departmentIndex = newPhraseIndex(func(i int) []string { return departmentRules[i].phrases }, len(departmentRules))
)

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
