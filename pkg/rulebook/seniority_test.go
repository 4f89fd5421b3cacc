package rulebook

import (
	"strings"
	"testing"
	"unicode"
)

func TestSeniority(t *testing.T) {
	tests := []struct {
		title, want string
	}{
		{"", ""},
		{"   ", ""},
		{"CEO", SeniorityCLevel},
		{"Chief Revenue Officer", SeniorityCLevel},
		{"Co-Founder & CTO", SeniorityCLevel},
		{"Owner", SeniorityCLevel},
		{"President", SeniorityCLevel},
		{"Managing Director", SeniorityCLevel},
		{"Geschäftsführer", SeniorityCLevel},
		{"Inhaberin", SeniorityCLevel},
		{"PDG", SeniorityCLevel},
		{"Directeur Général", SeniorityCLevel},
		{"Gerente General", SeniorityCLevel},
		{"Fundador", SeniorityCLevel},
		{"VP Sales", SeniorityVP},
		{"SVP, Marketing", SeniorityVP},
		{"Vice President of Engineering", SeniorityVP},
		{"Vice-President Finance", SeniorityVP},
		{"Vicepresidente Comercial", SeniorityVP},
		{"Director of IT", SeniorityDirector},
		{"Directeur commercial", SeniorityDirector},
		{"Directora de Marketing", SeniorityDirector},
		{"Head of Procurement", SeniorityDirector},
		{"Leiter Einkauf", SeniorityDirector},
		{"Abteilungsleiter", SeniorityDirector},
		{"General Manager", SeniorityDirector},
		{"Marketing Manager", SeniorityManager},
		{"Gerente de Ventas", SeniorityManager},
		{"Jefe de Compras", SeniorityManager},
		{"Teamleiter Vertrieb", SeniorityManager},
		{"Chef de projet", SeniorityManager},
		{"Responsable achats", SeniorityManager},
		// Traps.
		{"Assistant to the CEO", SeniorityIndividual},
		{"Executive Assistant to the President", SeniorityIndividual},
		{"Product Owner", SeniorityIndividual},
		{"Directory Services Engineer", SeniorityIndividual},
		{"Ownership Analyst", SeniorityIndividual},
		{"Presidential Scholar", SeniorityIndividual},
		{"Chiefly Cook", SeniorityIndividual},
		{"Software Engineer", SeniorityIndividual},
		{"Marketing Intern", SeniorityIndividual},
		{"Sachbearbeiter", SeniorityIndividual},
	}
	for _, tt := range tests {
		if got := seniority(tt.title); got != tt.want {
			t.Errorf("seniority(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestDepartment(t *testing.T) {
	tests := []struct {
		title, want string
	}{
		{"VP Sales", "sales"},
		{"Leiter Vertrieb", "sales"},
		{"CMO", "marketing"},
		{"Head of IT", "it"},
		{"CFO", "finance"},
		{"Einkauf", "procurement"},
		{"HR Business Partner", "hr"},
		{"Director of Operations", "operations"},
		{"Software Engineer", "engineering"},
		// Traps: whole words only.
		{"Item Specialist", ""},
		{"Salesforce Admin", ""},
		{"CEO", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := department(tt.title); got != tt.want {
			t.Errorf("department(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

// referenceSignals is the plain definition titleSignals implements: the
// first rule with a phrase found as whole words in the lower-cased title.
func referenceSignals(title string) (seniority, department string) {
	words := strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return "", ""
	}
	padded := " " + strings.Join(words, " ") + " "
	seniority = SeniorityIndividual
seniorityRules:
	for _, rule := range seniorityRules {
		for _, p := range rule.phrases {
			if strings.Contains(padded, " "+p+" ") {
				seniority = rule.level
				break seniorityRules
			}
		}
	}
	for _, rule := range departmentRules {
		for _, p := range rule.phrases {
			if strings.Contains(padded, " "+p+" ") {
				return seniority, rule.department
			}
		}
	}
	return seniority, ""
}

// TestPhrasesAreWords checks that every phrase is lower-case words joined
// by single spaces, as titleText writes a title: a phrase that is not
// could never be found.
func TestPhrasesAreWords(t *testing.T) {
	var all []string
	for _, r := range seniorityRules {
		all = append(all, r.phrases...)
	}
	for _, r := range departmentRules {
		all = append(all, r.phrases...)
	}
	if len(all) == 0 {
		t.Fatal("no phrases")
	}
	for _, p := range all {
		text, _ := titleText(p, nil)
		if string(text) != p+" " {
			t.Errorf("phrase %q reads as %q", p, text)
		}
	}
}

// TestTitleSignalsMatchReference compares titleSignals with the plain
// definition on every phrase alone, inside other words, next to each
// other phrase, and on odd input.
func TestTitleSignalsMatchReference(t *testing.T) {
	var phrases []string
	for _, r := range seniorityRules {
		phrases = append(phrases, r.phrases...)
	}
	for _, r := range departmentRules {
		phrases = append(phrases, r.phrases...)
	}
	titles := []string{"", " ", "-", "\xff\xfe", "Ä", "VICE-PRÉSIDENT", "Vice  President", "x vice", "president vice",
		"Head of R&D", "R & D Engineer", "İnhaber", "K\u212aO", "Chief\u00a0Executive", strings.Repeat("manager ", 40)}
	for _, p := range phrases {
		upper := strings.ToUpper(p)
		titles = append(titles, p, upper, "Senior "+p, p+" EMEA", "x"+p, p+"x", "("+upper+")", strings.ReplaceAll(p, " ", "-"))
		for _, q := range phrases[:20] {
			titles = append(titles, p+" "+q, q+", "+p)
		}
	}
	for _, title := range titles {
		gotS, gotD := titleSignals(title)
		wantS, wantD := referenceSignals(title)
		if gotS != wantS || gotD != wantD {
			t.Errorf("titleSignals(%q) = %q, %q; want %q, %q", title, gotS, gotD, wantS, wantD)
		}
	}
}

func FuzzTitleSignals(f *testing.F) {
	for _, s := range []string{"CEO", "Vice President Sales", "Head of R&D", "Assistant to the CEO", "Geschäftsführer", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		gotS, gotD := titleSignals(title)
		wantS, wantD := referenceSignals(title)
		if gotS != wantS || gotD != wantD {
			t.Errorf("titleSignals(%q) = %q, %q; want %q, %q", title, gotS, gotD, wantS, wantD)
		}
	})
}

func BenchmarkTitleSignals(b *testing.B) {
	titles := []string{"Chief Executive Officer", "VP Sales EMEA", "Marketing Manager", "Software Engineer", "Leiterin Einkauf", "", "Directeur Général Adjoint"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		titleSignals(titles[i%len(titles)])
	}
}

func seniority(title string) string {
	s, _ := titleSignals(title)
	return s
}

func department(title string) string {
	_, d := titleSignals(title)
	return d
}
