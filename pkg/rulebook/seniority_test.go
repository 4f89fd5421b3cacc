package rulebook

import "testing"

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
		if got := Seniority(tt.title); got != tt.want {
			t.Errorf("Seniority(%q) = %q, want %q", tt.title, got, tt.want)
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
		if got := Department(tt.title); got != tt.want {
			t.Errorf("Department(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}
