package fold

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Hello World", "hello world"},
		{"Straße", "strasse"},
		{"STRAẞE", "strasse"},
		{"Æsir Œuvre Ørsted", "aesir oeuvre orsted"},
		{"Łódź", "lodz"},
		{"Đorđe Ðan", "dorde dan"},
		{"Þórunn", "thorunn"},
		{"ılık", "ilik"},
		{"Crème Brûlée", "creme brulee"},
		{"Cre\u0300me", "creme"}, // decomposed input
		{"Ελληνικά Άρης", "ελληνικα αρης"},
		{"Ёлка", "елка"},
		{"ガギ", "ガギ"}, // the voicing mark stays on kana
		{"学生", "学生"},
		{"O’Brien-Smith", "o’brien-smith"},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpecialTable(t *testing.T) {
	for _, r := range "ßẞæÆœŒøØłŁđĐðÐþÞı" {
		s, ok := Special(r)
		if !ok || s == "" {
			t.Errorf("Special(%q) = %q, %v", r, s, ok)
		}
		for i := 0; i < len(s); i++ {
			if s[i] < 'a' || s[i] > 'z' {
				t.Errorf("Special(%q) = %q: want lower-case ASCII", r, s)
			}
		}
		// A special letter really does not decompose: else the table
		// would repeat what norm already does.
		if d := norm.NFD.String(string(r)); d != string(r) {
			t.Errorf("%q decomposes to %q: it needs no entry", r, d)
		}
	}
	for _, r := range "aAéñ1 -" {
		if _, ok := Special(r); ok {
			t.Errorf("Special(%q) is set", r)
		}
	}
}

func TestAppendBase(t *testing.T) {
	for in, want := range map[rune]string{'é': "e", 'Ǻ': "a", 'ß': "ss", 'Ø': "o", 'A': "a", '7': "7", '学': "学"} {
		if got := string(AppendBase(nil, in)); got != want {
			t.Errorf("AppendBase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"Closed_Won": "closed won", " closed--won ": "closed won", "Self-Employed": "self employed", "": "", "__": "",
	} {
		if got := Words(in); got != want {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

// reference is String written as an x/text transform chain: decompose,
// drop every nonspacing mark, lower-case and spell out the special
// letters, compose. It drops marks on every script, so the fuzz test
// compares only texts whose marks all follow an alphabetic letter.
func reference(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), runes.Map(unicode.ToLower), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return "error: " + err.Error()
	}
	var b strings.Builder
	for _, r := range out {
		// unicode.ToLower left the capitals of special letters lower-case
		// already; spell them out as Special says.
		if sp, ok := Special(r); ok {
			b.WriteString(sp)
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// marksOnlyOnAlphabetic reports whether every nonspacing mark of s,
// decomposed, follows a Latin, Greek or Cyrillic letter.
func marksOnlyOnAlphabetic(s string) bool {
	var base rune
	for _, r := range norm.NFD.String(s) {
		if IsMark(r) {
			if !IsAlphabetic(base) {
				return false
			}
			continue
		}
		base = r
	}
	return true
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"Straße", "Þórunn Ørsted", "Cre\u0300me", "Ελληνικά", "Ёлка", "ǅemal", "ıİ", "ガギ", "a\u0301\u0327"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := String(s)
		if !utf8.ValidString(got) {
			t.Fatalf("String(%q) = %q is not UTF-8", s, got)
		}
		if again := String(got); again != got {
			t.Errorf("String is not idempotent: %q -> %q -> %q", s, got, again)
		}
		if marksOnlyOnAlphabetic(s) {
			if want := reference(s); got != want {
				t.Errorf("String(%q) = %q, x/text chain gives %q", s, got, want)
			}
		}
		// AppendBase folds one letter as String does.
		for _, r := range s {
			if IsAlphabetic(r) && unicode.IsLetter(r) {
				if one, want := string(AppendBase(nil, r)), String(string(r)); one != want {
					t.Errorf("AppendBase(%q) = %q, String gives %q", r, one, want)
				}
			}
		}
	})
}
