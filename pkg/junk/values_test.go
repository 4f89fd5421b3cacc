package junk

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestIsFormula(t *testing.T) {
	formulas := []string{
		"=1+1", "=HYPERLINK(\"http://evil\",\"x\")", "@SUM(A1:A2)", "@jo", "+1+1", "-1+1",
		"-2+3+cmd|' /C calc'!A0", "+A1", "-A1", "=", "\t", "\tfoo", "\r", "\rfoo",
		"  =1+1", "\n=1+1", "\u00a0=1+1", " @x", "- call back Monday", "+ 1 (415) x",
		"-5-", "+1 415 392 1234 ext", "+1 415 392 1234 x1234567", "-1,23",
		"+1 415 392 1234;=A1", "-e5", "-1e",
	}
	plain := []string{
		"", " ", "jo@globex.com", "a=b", "Acme, Inc.", "1+1", "5", "-5", "+5", "-5.25", "+3.5",
		"-1,234.00", "-1,234,567", "+12345", "-1e5", "+1E-3", "-12%", "-$1,200", "+€5", "-.5",
		"+1 415 392 1234", "+49 (0)30 123456", "+44-20-7946-0958", "+1.415.392.1234",
		"+1 415 392 1234 ext. 12", "+1 415 392 1234 x12", "+44 20 7946 0958 #3",
		"-", "--", "- -", "+", " -5", "Ünïcödé", "\u00a0Jo",
	}
	for _, c := range formulas {
		if !IsFormula(c) {
			t.Errorf("IsFormula(%q) = false, want true", c)
		}
	}
	for _, c := range plain {
		if IsFormula(c) {
			t.Errorf("IsFormula(%q) = true, want false", c)
		}
	}
}

// TestIsPayload: payloads are rejected, harmless leading signs are not,
// and --excel-safe (IsFormula) still neutralises both; each character
// the clean-up trims is looked past.
func TestIsPayload(t *testing.T) {
	payloads := []string{
		"=1+1", "=cmd|'/ccalc'!A0@acme.com", "=HYPERLINK(\"http://evil\",\"x\")", "@SUM(A1:A2)",
		"+1+1", "-1+1", "-2+3+cmd|' /C calc'!A0", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
		"-A1", "+A1*2", "\t=1+1", "  =1+1", "- =1+1", "-HYPERLINK(\"x\")", "@ SUM(1)",
	}
	harmless := []string{
		"", "- wants demo in Q4", "@channel call him", "+ follow up next week", "-", "--", "-5",
		"+1 415 392 1234", "\rfoo", "@jo", "- call back (Monday)", "Ann", "a=b",
	}
	for _, c := range payloads {
		if !IsPayload(c) {
			t.Errorf("IsPayload(%q) = false, want true", c)
		}
		if !IsFormula(c) {
			t.Errorf("IsFormula(%q) = false, want true (a payload is neutralised)", c)
		}
	}
	for _, c := range harmless {
		if IsPayload(c) {
			t.Errorf("IsPayload(%q) = true, want false", c)
		}
	}
	for _, c := range []string{"- wants demo in Q4", "@channel call him"} {
		if !IsFormula(c) {
			t.Errorf("IsFormula(%q) = false: --excel-safe must neutralise a harmless sign too", c)
		}
	}
	for _, r := range []rune{'\u3000', '\u2003', '\u200a', '\u205f', '\u1680', '\u2028', '\u0085', '\ufeff',
		'\u00a0', '\u2000', '\u2029', '\u202f', '\u200b', '\u2060', '\u200d', '\u200e', '\u00ad', '\t', '\n', '\v', '\f'} {
		c := string(r) + "=cmd|'/ccalc'!A0@acme.com"
		if !IsPayload(c) || !IsFormula(c) {
			t.Errorf("%U before =cmd: IsPayload %v, IsFormula %v, want both true", r, IsPayload(c), IsFormula(c))
		}
		if c := string(r) + string(r) + "@SUM(1)"; !IsPayload(c) {
			t.Errorf("%U%U before @SUM(1): not a payload", r, r)
		}
	}
}

func FuzzIsPayload(f *testing.F) {
	for _, s := range []string{"=1+1", "- wants demo", "@channel", "\u3000=x", "-2+3+cmd|' /C calc'!A0", "+1 415 392 1234"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if IsPayload(s) && !IsFormula(s) {
			t.Errorf("IsPayload(%q) but not IsFormula: --excel-safe would leave a payload", s)
		}
	})
}

func TestIsFormulaAllocates(t *testing.T) {
	cells := []string{"+1 415 392 1234", "=1+1", "-1,234.00", "Acme"}
	if n := testing.AllocsPerRun(100, func() {
		for _, c := range cells {
			IsFormula(c)
		}
	}); n != 0 {
		t.Errorf("IsFormula allocates %v times", n)
	}
}

func TestWebsiteHost(t *testing.T) {
	tests := []struct{ in, want string }{
		{"acme.com", "acme.com"},
		{"https://www.Acme.com:8080/contact?x=1#y", "acme.com"},
		{"HTTP://WWW.ACME.COM.", "acme.com"},
		{"//shop.acme.com/", "shop.acme.com"},
		{"user:pw@acme.com", "acme.com"},
		{"  acme.co.uk/about us ", "acme.co.uk"},
		{"https://bücher.de", "xn--bcher-kva.de"},
		{"localhost", ""},
		{"n/a", ""},
		{"", ""},
		{"http://", ""},
		{"mailto:jo", ""},
	}
	for _, tt := range tests {
		if got := websiteHost(tt.in); got != tt.want {
			t.Errorf("websiteHost(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDomainSetMatch(t *testing.T) {
	ds := domainSet{"acme.com": {}, "eu.rival.io": {}}
	tests := []struct {
		host string
		want bool
	}{
		{"acme.com", true}, {"a.b.acme.com", true}, {"notacme.com", false},
		{"acme.com.evil.io", false}, {"eu.rival.io", true}, {"x.eu.rival.io", true},
		{"rival.io", false}, {"us.rival.io", false}, {"", false}, {"com", false},
	}
	for _, tt := range tests {
		if _, got := ds.match(tt.host); got != tt.want {
			t.Errorf("match(%q) = %v, want %v", tt.host, got, tt.want)
		}
	}
}

func TestCompanyKey(t *testing.T) {
	cn := newCompanyNormalizer()
	same := [][]string{
		{"RivalSoft", "Rivalsoft Inc.", "RIVALSOFT GmbH", "Rival-Soft, LLC", "rivalsoft ltd", "Rivalsoft Pty Ltd", "RivalSoft Corp.", "Rivalsoft Corporation"},
		{"Acmé SA", "ACME S.A.", "Acme S.L.", "Acme SAS", "Acme B.V.", "Acme plc", "Acme K.K.", "Acme Oy", "Acme AB", "Acme S.R.L.", "Acme GmbH & Co. KG"},
		{"O'Reilly Media", "OReilly Media, Inc."},
		{"Ørsted", "Orsted A/S"},
	}
	for _, group := range same {
		want := cn.key(group[0])
		for _, name := range group[1:] {
			if got := cn.key(name); got != want {
				t.Errorf("key(%q) = %q, want %q like %q", name, got, want, group[0])
			}
		}
	}
	different := [][2]string{
		{"Delta", "Delta Dental"},
		{"Oracle", "Oracle Dental Care"},
		{"Acme", "Acme Analytics"},
		{"Inc", "Acme Inc"},
	}
	for _, p := range different {
		if a, b := cn.key(p[0]), cn.key(p[1]); a == b {
			t.Errorf("key(%q) == key(%q) == %q", p[0], p[1], a)
		}
	}
	if got := cn.key("Inc."); got != "inc" {
		t.Errorf("a name made only of a suffix keeps it: key(\"Inc.\") = %q", got)
	}
}

func TestFolded(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Hello,  World! ", "hello world"},
		{"Étudiante en Master", "etudiante en master"},
		{"Straße GmbH & Co. KG", "strasse gmbh co kg"},
		{"O'Brien O’Brien", "obrien obrien"},
		{"Ph.D. student", "ph d student"},
		{"Søren Østergaard Łódź", "soren ostergaard lodz"},
		{"Nguyễn Văn", "nguyen van"},
		{"学生 会", "学生 会"},
		{"e\u0301tudiant", "etudiant"},
		{"--", ""},
	}
	for _, tt := range tests {
		if got := folded(tt.in); got != tt.want {
			t.Errorf("folded(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPhraseSet(t *testing.T) {
	ps := newPhraseSet([]string{"intern", "SEO services", "seo package", "学生"})
	tests := []struct {
		text string
		want string
	}{
		{"International Sales", ""},
		{"Marketing Intern", "intern"},
		{"Intern, marketing", "intern"},
		{"internship intern", "intern"},
		{"SEO-services!", "SEO services"},
		{"seo servicesx", ""},
		{"seo seo package", "seo package"},
		{"研究生学生会", "学生"},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := ps.match(appendFolded(nil, tt.text))
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("match(%q) = %q, %v; want %q", tt.text, got, ok, tt.want)
		}
	}
}

func FuzzIsFormula(f *testing.F) {
	for _, s := range []string{"=1+1", "+1 415 392 1234", "-1,234.00", "-", "\t", "@x", " =x", "+1 415 x12", "-1e5", "\u00a0=", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := IsFormula(s)
		rest := s[skipBlank(s):]
		if s != "" && (s[0] == '\t' || s[0] == '\r') {
			// OWASP's tab and CR triggers, whatever follows.
			if !got {
				t.Errorf("IsFormula(%q) = false for a tab or CR start", s)
			}
			return
		}
		if rest == "" {
			if got {
				t.Errorf("IsFormula(%q) = true for a blank cell", s)
			}
			return
		}
		switch rest[0] {
		case '=', '@', '\t', '\r':
			if !got {
				t.Errorf("IsFormula(%q) = false, want true", s)
			}
		case '+', '-':
			// either way, but a formula verdict must be stable
			if got != IsFormula(s) {
				t.Errorf("IsFormula(%q) not deterministic", s)
			}
		default:
			if got {
				t.Errorf("IsFormula(%q) = true for a cell not starting with a trigger", s)
			}
		}
	})
}

func FuzzWebsiteHost(f *testing.F) {
	for _, s := range []string{"https://www.acme.com:80/x", "acme.co.uk", "//a.b", "bücher.de", "@:", "http://[::1]/", "a..b", "xn--.com"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h := websiteHost(s)
		if h == "" {
			return
		}
		if strings.ContainsAny(h, "/?#@ \t") || !utf8.ValidString(h) || !strings.Contains(h, ".") {
			t.Errorf("websiteHost(%q) = %q, not a host", s, h)
		}
		if again := websiteHost(h); again != h && !strings.HasPrefix(h, "www.") {
			t.Errorf("websiteHost(%q) = %q, then %q", s, h, again)
		}
	})
}

func FuzzFolded(f *testing.F) {
	for _, s := range []string{"Étudiante", "Straße", "学生", "a  b", "\xff\xfe", "O'Brien"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := folded(s)
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Errorf("folded(%q) = %q: stray spaces", s, got)
		}
		if !utf8.ValidString(got) {
			t.Errorf("folded(%q) = %q: invalid UTF-8", s, got)
		}
		if again := folded(got); again != got {
			t.Errorf("folded is not idempotent: %q -> %q -> %q", s, got, again)
		}
	})
}
