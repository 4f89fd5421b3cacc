package header

import (
	"slices"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"E-Mail", "email"},
		{"e_mail", "email"},
		{"EMAIL ADDRESS", "emailaddress"},
		{"  Email  Address ", "emailaddress"},
		{"Téléphone", "telephone"},
		{"Telefon", "telefon"},
		{"Country/Region", "countryregion"},
		{"Zip/Postal Code", "zippostalcode"},
		{"No. of Employees", "noofemployees"},
		{"Chiffre d'affaires", "chiffredaffaires"},
		{"Straße", "strasse"},
		{"STRASSE", "strasse"},
		{"Código Postal", "codigopostal"},
		{"Unternehmensgröße", "unternehmensgrosse"},
		{"Ø Æble Œuvre", "oaebleoeuvre"},
		{"Łódź", "lodz"},
		{"Ðað Þing STRAẞE", "dadthingstrasse"}, // ð and ẞ were missing here
		{"\ufeffFirst Name", "firstname"},
		{"ＥＭＡＩＬ", "email"}, // full-width letters
		{"ﬁrst name", "firstname"},
		{"FirstName", "firstname"},
		{"Address 1", "address1"},
		{"名前", "名前"},
		{"", ""},
		{"--/ #", ""},
	}
	for _, c := range cases {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestWords(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"Account Owner Email", []string{"account", "owner", "email"}},
		{"AccountOwnerEmail", []string{"account", "owner", "email"}},
		{"account_owner_e-mail", []string{"account", "owner", "e", "mail"}},
		{"Asst. Phone", []string{"asst", "phone"}},
		{"Home Address1", []string{"home", "address", "1"}},
		{"HTTPServer", []string{"httpserver"}}, // capitals run on
		{"Straße/Nr.", []string{"strasse", "nr"}},
		{"Téléphone portable", []string{"telephone", "portable"}},
		{"", nil},
	}
	for _, c := range cases {
		if got := words(c.in); !slices.Equal(got, c.want) {
			t.Errorf("words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzNormalize checks that Normalize never panics, is idempotent, keeps
// only lower-case letters and digits, and agrees with words.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"E-Mail", "Téléphone", "Straße", "AccountOwnerEmail", "ＥＭＡＩＬ", "ǅ", "İ", "\xff\xfe", "a\u0301\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		key := Normalize(h)
		if again := Normalize(key); again != key {
			t.Errorf("Normalize(%q) = %q, but Normalize of that is %q", h, key, again)
		}
		if joined := strings.Join(words(h), ""); joined != key {
			t.Errorf("words(%q) join to %q, Normalize gives %q", h, joined, key)
		}
		if strings.ContainsAny(key, " _-/.") {
			t.Errorf("Normalize(%q) = %q keeps separators", h, key)
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Normalize("Number of Form Submissions (Téléphone)")
	}
}
