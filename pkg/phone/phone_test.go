package phone

import (
	"math/rand/v2"
	"slices"
	"sync"

	"fmt"
	"github.com/nyaruka/phonenumbers"
	"strings"
	"testing"
)

// verdict names what a check decided, for table tests.
func verdict(n Number) string {
	switch {
	case n.Missing:
		return "missing"
	case n.Bogus:
		return "bogus"
	case n.Valid:
		return "valid"
	default:
		return "unjudged"
	}
}

type phoneCase struct {
	raw, country string
	want         string // valid, bogus, missing, unjudged
	e164         string // expected E.164 when set
	typ          string // expected type when set
	problem      string // expected Problem prefix when set
	ext          string // expected extension when set
}

// phoneCases run against newChecker("US"), the embedded rulebook's default.
var phoneCases = []phoneCase{
	// Missing, not bogus.
	{raw: "", want: "missing"},
	{raw: "   ", want: "missing"},
	{raw: "\t\n", country: "DE", want: "missing"},

	// Placeholders say there is no number: missing, not bogus (issue 17).
	{raw: "n/a", want: "missing"},
	{raw: "none", country: "GB", want: "missing"},
	{raw: "-", want: "missing"},
	{raw: "unknown", want: "missing"},
	{raw: "0", want: "missing"},
	{raw: " N/A ", want: "missing"},

	// Not a number at all: no parse needed.
	{raw: "n/a 12", want: "bogus", problem: ProblemNotANumber},
	{raw: "call me", want: "bogus", problem: ProblemNotANumber},
	{raw: "1234", want: "bogus", problem: ProblemNotANumber},
	{raw: "ext 12", want: "bogus", problem: ProblemNotANumber},
	{raw: "4.91511E+12", country: "DE", want: "bogus", problem: ProblemSpreadsheet},
	{raw: "1,23457E+11", country: "FR", want: "bogus", problem: ProblemSpreadsheet},

	// US.
	{raw: "(202) 456-1111", country: "US", want: "valid", e164: "+12024561111", typ: "fixed_line_or_mobile"},
	{raw: "202.456.1111", want: "valid", e164: "+12024561111"},
	{raw: "+1 650-253-0000", country: "Germany", want: "valid", e164: "+16502530000"},
	{raw: "1 (617) 495-1000", country: "United States of America", want: "valid", e164: "+16174951000"},
	{raw: "617-495-1000 x2345", country: "USA", want: "valid", e164: "+16174951000", ext: "2345"},
	{raw: "(617) 495-1000 ext. 12", country: "U.S.", want: "valid", e164: "+16174951000", ext: "12"},
	{raw: "617 495 1000 #7", want: "valid", e164: "+16174951000", ext: "7"},
	{raw: "6174951000x89", want: "valid", e164: "+16174951000", ext: "89"},
	{raw: "+1 212 736 3100 / 2369", want: "valid", e164: "+12127363100"},
	{raw: "011 49 30 2270 0", country: "US", want: "valid", e164: "+493022700"},
	{raw: "1-800-642-7676", want: "valid", e164: "+18006427676", typ: "toll_free"},
	{raw: "1-800-FLOWERS", want: "valid", e164: "+18003569377", typ: "toll_free"},
	{raw: "+1 800 800 8000", want: "valid", typ: "toll_free"},                   // vanity toll-free: not too few digits
	{raw: "(212) 555-0200", country: "US", want: "valid", e164: "+12125550200"}, // 555 outside 0100-0199
	{raw: "(212) 555-0099", want: "valid", e164: "+12125550099"},
	{raw: "(201) 555-0123", want: "bogus", e164: "+12015550123", problem: ProblemFictional}, // libphonenumber's own example
	{raw: "212-555-0100", want: "bogus", problem: ProblemFictional},
	{raw: "+1 (310) 555-0199", want: "bogus", problem: ProblemFictional},
	{raw: "212-555-1212", want: "bogus", problem: ProblemDirectory},
	{raw: "1234567890", want: "bogus"},
	{raw: "2345678901", want: "bogus", problem: ProblemStraightRun},
	{raw: "987-654-3210", want: "bogus", problem: ProblemStraightRun},
	{raw: "0000000000", want: "bogus", problem: ProblemOneDigit},
	{raw: "555-555-5555", want: "bogus", problem: ProblemOneDigit},
	{raw: "+1 999 999 9999", want: "bogus", problem: ProblemOneDigit},
	{raw: "212-121-2121", want: "bogus", problem: ProblemRepeated}, // also invalid: exchange 121
	{raw: "(252) 525-2525", want: "bogus", problem: ProblemRepeated},
	{raw: "(252) 525-2526", want: "valid"},
	{raw: "(212) 222-2222", want: "bogus", problem: ProblemOneDigit}, // after the area code
	{raw: "(212) 221-2212", want: "bogus", problem: ProblemFewDistinct},
	{raw: "+1 900 583 0942", want: "bogus", typ: "premium_rate", problem: ProblemPremiumRate},
	{raw: "(123) 456-7890", want: "bogus"},
	{raw: "555-0134", want: "bogus", problem: ProblemInvalid}, // seven digits, no area code
	{raw: "202-456-111", want: "bogus", problem: ProblemInvalid},

	// Canada.
	{raw: "(416) 392-2489", country: "Canada", want: "valid", e164: "+14163922489"},
	{raw: "604-873-7000", country: "CA", want: "valid", e164: "+16048737000"},
	{raw: "+1 514 872 1111", country: "CAN", want: "valid", e164: "+15148721111"},
	{raw: "+1 (416) 555-0150", country: "Canada", want: "bogus", problem: ProblemFictional},
	{raw: "1-888-463-6454", country: "Canada", want: "valid", typ: "toll_free"},

	// United Kingdom.
	{raw: "020 7219 3000", country: "UK", want: "valid", e164: "+442072193000", typ: "fixed_line"},
	{raw: "+44 (0)20 7219 3000", want: "valid", e164: "+442072193000"},
	{raw: "0044 20 7219 3000", want: "valid", e164: "+442072193000"},
	{raw: "0161 234 5000", country: "England", want: "valid", e164: "+441612345000"},
	{raw: "0131 200 2000", country: "Scotland", want: "valid", e164: "+441312002000"},
	{raw: "07400 183927", country: "Great Britain", want: "valid", e164: "+447400183927", typ: "mobile"},
	{raw: "07812 904 316", country: "United Kingdom", want: "valid", typ: "mobile"},
	{raw: "0800 169 1211", country: "GB", want: "valid", typ: "toll_free"},
	{raw: "020 7946 0123", country: "UK", want: "bogus", e164: "+442079460123", problem: ProblemFictional},
	{raw: "+44 20 7946 0999", want: "bogus", problem: ProblemFictional},
	{raw: "+44 20 7946 1000", want: "valid"}, // just past the drama block
	{raw: "0113 496 0555", country: "UK", want: "bogus", problem: ProblemFictional},
	{raw: "0121 496 0000", country: "GB", want: "bogus", problem: ProblemFictional},
	{raw: "0161 496 0999", country: "GB", want: "bogus", problem: ProblemFictional},
	{raw: "0161 496 1000", country: "GB", want: "valid"},
	{raw: "0191 498 0120", country: "GB", want: "bogus", problem: ProblemFictional},
	{raw: "029 2018 0123", country: "Wales", want: "bogus", problem: ProblemFictional},
	{raw: "07700 900123", country: "UK", want: "bogus"},
	{raw: "0909 879 0000", country: "UK", want: "bogus"},
	{raw: "0901 234 5678", country: "UK", want: "bogus", typ: "premium_rate"}, // also a straight run
	{raw: "0906 512 3344", country: "UK", want: "bogus", typ: "premium_rate", problem: ProblemPremiumRate},
	{raw: "020 7219 300", country: "UK", want: "bogus", problem: ProblemInvalid},

	// Germany.
	{raw: "030 2270 0", country: "Deutschland", want: "valid", e164: "+493022700"},
	{raw: "030/18272-0", country: "DE", want: "valid", e164: "+4930182720"},
	{raw: "+49 (0)89 2333 6000", want: "valid", e164: "+498923336000"},
	{raw: "089 233-36000 Durchwahl 12", country: "Germany", want: "valid", e164: "+498923336000", ext: "12"},
	{raw: "0171 3859624", country: "Deutschland", want: "valid", e164: "+491713859624", typ: "mobile"},
	{raw: "0171 3859624", want: "bogus", problem: ProblemInvalid}, // national German format read as US
	{raw: "+49 171 3859624", country: "USA", want: "valid", e164: "+491713859624", typ: "mobile"},
	{raw: "0049 171 3859624", country: "US", want: "valid", e164: "+491713859624"},
	{raw: "491713859624", country: "US", want: "valid", e164: "+491713859624"}, // + lost in a spreadsheet
	{raw: "0151 28461937 oder 030 2270 0", country: "DE", want: "valid", e164: "+4915128461937"},
	{raw: "0800 330 1000", country: "DE", want: "valid", typ: "toll_free"},
	{raw: "0900 5 117733", country: "DE", want: "bogus", typ: "premium_rate", problem: ProblemPremiumRate},
	{raw: "030 12345678", country: "Deutschland", want: "bogus", problem: ProblemStraightRun},
	{raw: "030 12345679", country: "Deutschland", want: "valid"},
	{raw: "0171 1111111", country: "DE", want: "bogus", problem: ProblemOneDigit},
	{raw: "+49 30 2000 0000", want: "valid"}, // real numbers end in zeros
	{raw: "0171 1111112", country: "DE", want: "valid"},

	// France.
	{raw: "01 42 92 81 00", country: "France", want: "valid", e164: "+33142928100", typ: "fixed_line"},
	{raw: "+33 1 42 92 81 00", want: "valid", e164: "+33142928100"},
	{raw: "06 71 23 45 89", country: "FR", want: "valid", typ: "mobile"},
	{raw: "01 42 92 81 00 poste 315", country: "France", want: "valid", ext: "315"},
	{raw: "01 23 45 67 89", country: "France", want: "bogus", problem: ProblemStraightRun},
	{raw: "06 00 00 00 00", country: "FR", want: "bogus", problem: ProblemFewDistinct},
	{raw: "06 06 06 06 06", country: "FR", want: "bogus"},
	{raw: "0 891 12 34 56", country: "FR", want: "bogus", problem: ProblemPremiumRate},

	// Spain.
	{raw: "913 08 00 00", country: "España", want: "valid", e164: "+34913080000"},
	{raw: "+34 934 02 70 00", want: "valid", e164: "+34934027000"},
	{raw: "612 58 30 94", country: "Spain", want: "valid", typ: "mobile"},
	{raw: "0034 612 58 30 94", country: "", want: "valid", e164: "+34612583094"},
	{raw: "900 10 20 30", country: "ES", want: "valid", typ: "toll_free"},
	{raw: "803 12 34 56", country: "ES", want: "bogus", problem: ProblemPremiumRate},
	{raw: "912 58 30 94 ext 4", country: "España", want: "valid", ext: "4"},

	// Netherlands.
	{raw: "020 624 1111", country: "The Netherlands", want: "valid", e164: "+31206241111"},
	{raw: "010 417 2111", country: "Nederland", want: "valid", e164: "+31104172111"},
	{raw: "06 41 23 56 78", country: "Holland", want: "valid", typ: "mobile"},
	{raw: "+31 6 4123 5678", country: "Netherlands", want: "valid", e164: "+31641235678"},
	{raw: "0800 0123", country: "NL", want: "valid", typ: "toll_free"},
	{raw: "06 12345678", country: "NL", want: "bogus", problem: ProblemStraightRun},

	// India.
	{raw: "022 2202 8000", country: "India", want: "valid", e164: "+912222028000"},
	{raw: "+91 98201 37461", want: "valid", e164: "+919820137461", typ: "mobile"},
	{raw: "098201 37461", country: "IN", want: "valid", e164: "+919820137461"},
	{raw: "98201 37461", country: "Bharat", want: "valid", e164: "+919820137461"},
	{raw: "+91 99999 99999", want: "bogus", problem: ProblemOneDigit},
	{raw: "98765 43210", country: "IN", want: "bogus", problem: ProblemStraightRun},
	{raw: "1800 180 1551", country: "India", want: "valid", typ: "toll_free"},

	// Australia.
	{raw: "(02) 9374 4000", country: "Australia", want: "valid", e164: "+61293744000", typ: "fixed_line"},
	{raw: "+61 3 9654 1234", want: "valid", e164: "+61396541234"},
	{raw: "0412 583 094", country: "AU", want: "valid", typ: "mobile"},
	{raw: "0491 570 160", country: "AU", want: "valid"}, // not on ACMA's list
	{raw: "0491 570 156", country: "Australia", want: "bogus", problem: ProblemFictional},
	{raw: "+61 491 579 455", want: "bogus", problem: ProblemFictional},
	{raw: "(02) 5550 1234", country: "AU", want: "bogus", problem: ProblemFictional},
	{raw: "+61 8 5550 0000", want: "bogus", problem: ProblemFictional},
	{raw: "(03) 7010 1234", country: "AU", want: "bogus", problem: ProblemFictional},
	{raw: "(02) 5551 1234", country: "AU", want: "valid"},
	{raw: "1800 975 709", country: "AU", want: "bogus", problem: ProblemFictional},
	{raw: "1800 975 712", country: "AU", want: "valid", typ: "toll_free"},
	{raw: "1900 583 094", country: "AU", want: "bogus", problem: ProblemPremiumRate},

	// Brazil.
	{raw: "(11) 3003-5000", country: "Brasil", want: "valid", e164: "+551130035000"},
	{raw: "(21) 99182-4536", country: "Brazil", want: "valid", e164: "+5521991824536", typ: "mobile"},
	{raw: "+55 11 96183-4527", want: "valid", typ: "mobile"},
	{raw: "0800 729 0722", country: "BR", want: "valid", typ: "toll_free"},
	{raw: "(11) 98765-4321", want: "bogus"}, // Brazilian national format read as US

	// Japan.
	{raw: "03-3581-3111", country: "日本", want: "valid", e164: "+81335813111", typ: "fixed_line"},
	{raw: "０３−３５８１−３１１１", country: "JP", want: "valid", e164: "+81335813111"},
	{raw: "+81 3-3581-3111", want: "valid", e164: "+81335813111"},
	{raw: "090-3456-7812", country: "Japan", want: "valid", typ: "mobile"},
	{raw: "090-1234-5678", country: "Japan", want: "bogus", problem: ProblemStraightRun},
	{raw: "0120-123-456", country: "JP", want: "bogus", problem: ProblemStraightRun},
	{raw: "0120-444-213", country: "JP", want: "valid", typ: "toll_free"},

	// Others.
	{raw: "+41 44 668 18 00", country: "Schweiz", want: "valid", e164: "+41446681800"},
	{raw: "044 668 18 00", country: "Suisse", want: "valid", e164: "+41446681800"},
	{raw: "01 588 58 0", country: "Österreich", want: "valid"},
	{raw: "02 513 89 40", country: "Belgique", want: "valid", e164: "+3225138940"},
	{raw: "06 6982 0111", country: "Italia", want: "valid", e164: "+390669820111"},
	{raw: "55 5036 3000", country: "México", want: "valid", e164: "+525550363000"},

	// No region to judge by.
	{raw: "030 2270 0", country: "Narnia", want: "bogus", problem: ProblemInvalid}, // unknown country: US default
}

func TestCheck(t *testing.T) {
	c := newChecker("US")
	countries := map[string]bool{}
	for _, tt := range phoneCases {
		name := fmt.Sprintf("%q/%q", tt.raw, tt.country)
		got := c.Check(tt.raw, tt.country)
		if v := verdict(got); v != tt.want {
			t.Errorf("%s: verdict %s, want %s (%+v)", name, v, tt.want, got)
			continue
		}
		if tt.e164 != "" && got.E164 != tt.e164 {
			t.Errorf("%s: E164 %q, want %q", name, got.E164, tt.e164)
		}
		if tt.typ != "" && got.Type != tt.typ {
			t.Errorf("%s: type %q, want %q", name, got.Type, tt.typ)
		}
		if tt.problem != "" && !strings.HasPrefix(got.Problem, tt.problem) {
			t.Errorf("%s: problem %q, want %q", name, got.Problem, tt.problem)
		}
		if tt.ext != "" && got.Extension != tt.ext {
			t.Errorf("%s: extension %q, want %q", name, got.Extension, tt.ext)
		}
		if got.Valid && got.E164 == "" {
			t.Errorf("%s: valid without E164", name)
		}
		if got.Valid && got.Region != "" {
			countries[got.Region] = true
		}
		if tt.want == "valid" && got.Problem != "" {
			t.Errorf("%s: valid with problem %q", name, got.Problem)
		}
	}
	if len(phoneCases) < 100 {
		t.Errorf("only %d cases", len(phoneCases))
	}
	for _, cc := range []string{"US", "CA", "GB", "DE", "FR", "ES", "NL", "IN", "AU", "BR", "JP"} {
		if !countries[cc] {
			t.Errorf("no valid case for %s", cc)
		}
	}
}

// TestCheckNoDefaultRegion: a national number without + and without a
// region cannot be judged; international ones still can.
func TestCheckNoDefaultRegion(t *testing.T) {
	c := newChecker("")
	tests := []struct {
		raw, country, want, problem, e164 string
	}{
		{"(202) 456-1111", "", "unjudged", ProblemNoRegion, ""},
		{"030 2270 0", "unknown", "unjudged", ProblemNoRegion, ""},
		{"030 2270 0", "Germany", "valid", "", "+493022700"},
		{"+49 30 2270 0", "", "valid", "", "+493022700"},
		{"0049 30 2270 0", "", "valid", "", "+493022700"},
		{"n/a", "", "missing", "", ""},
		{"call me", "", "bogus", ProblemNotANumber, ""},
		{"", "", "missing", "", ""},
		{"0000000", "", "bogus", ProblemOneDigit, ""},
	}
	for _, tt := range tests {
		got := c.Check(tt.raw, tt.country)
		if verdict(got) != tt.want || got.Problem != tt.problem || got.E164 != tt.e164 {
			t.Errorf("Check(%q, %q) = %+v; want %s %q %q", tt.raw, tt.country, got, tt.want, tt.problem, tt.e164)
		}
		if tt.want == "unjudged" && (got.Valid || got.Bogus) {
			t.Errorf("Check(%q, %q): an unjudged number must be neither valid nor bogus", tt.raw, tt.country)
		}
	}
}

func TestCheckerOptions(t *testing.T) {
	premium := "+1 900 583 0942"
	if n := newChecker("US").Check(premium, ""); !n.Bogus || n.Problem != ProblemPremiumRate {
		t.Errorf("premium rate by default: %+v", n)
	}
	n := NewCheckerWithOptions(Options{DefaultRegion: "US", AllowPremiumRate: true}).Check(premium, "")
	if !n.Valid || n.Bogus || n.Type != "premium_rate" {
		t.Errorf("premium rate allowed: %+v", n)
	}
	// A spelling Region knows works as a default; an unknown one is none.
	if got := newChecker("uk").DefaultRegion(); got != "GB" {
		t.Errorf(`newChecker("uk").DefaultRegion() = %q`, got)
	}
	if got := newChecker("Deutschland").DefaultRegion(); got != "DE" {
		t.Errorf(`newChecker("Deutschland").DefaultRegion() = %q`, got)
	}
	if got := newChecker("XY").DefaultRegion(); got != "" {
		t.Errorf(`newChecker("XY").DefaultRegion() = %q`, got)
	}
	if n := newChecker("gb").Check("020 7219 3000", ""); n.E164 != "+442072193000" {
		t.Errorf("lower-case default region: %+v", n)
	}
}

// TestCheckMemo checks that memoised and fresh results agree, that the
// extension is not memoised with the number, and that the memo is bounded.
func TestCheckMemo(t *testing.T) {
	memoised := newChecker("US")
	fresh := NewCheckerWithOptions(Options{DefaultRegion: "US", MemoSize: -1})
	for round := 0; round < 2; round++ {
		for _, tt := range phoneCases {
			a, b := memoised.Check(tt.raw, tt.country), fresh.Check(tt.raw, tt.country)
			if a != b {
				t.Errorf("round %d: Check(%q, %q): memoised %+v, fresh %+v", round, tt.raw, tt.country, a, b)
			}
		}
	}
	if hits, misses := fresh.MemoStats(); hits+misses != 0 {
		t.Errorf("disabled memo was consulted: %d hits, %d misses", hits, misses)
	}
	if n := memoised.Check("617-495-1000 x1", ""); n.Extension != "1" {
		t.Errorf("extension: %+v", n)
	}
	if n := memoised.Check("617-495-1000 x2", ""); n.Extension != "2" {
		t.Errorf("extension after a memo hit: %+v", n)
	}

	small := NewCheckerWithOptions(Options{DefaultRegion: "US", MemoSize: 64})
	for i := range 2000 {
		small.Check(fmt.Sprintf("+1 617 495 %04d", i), "")
	}
	if got := small.memo.Len(); got > 64 || got == 0 {
		t.Errorf("memo of size 64 holds %d entries", got)
	}
}

// TestCheckConcurrent runs checks from several goroutines (meaningful with
// -race) and compares with a sequential run.
func TestCheckConcurrent(t *testing.T) {
	c := NewCheckerWithOptions(Options{DefaultRegion: "US", MemoSize: 32})
	want := make([]Number, len(phoneCases))
	ref := newChecker("US")
	for i, tt := range phoneCases {
		want[i] = ref.Check(tt.raw, tt.country)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range phoneCases {
				j := (i + g*13) % len(phoneCases)
				tt := phoneCases[j]
				if got := c.Check(tt.raw, tt.country); got != want[j] {
					t.Errorf("concurrent Check(%q, %q) = %+v, want %+v", tt.raw, tt.country, got, want[j])
				}
			}
		})
	}
	wg.Wait()
}

// TestExampleNumbers checks every example number phonenumbers has, for
// every supported region and type: it must come out valid with the same
// E.164 whether given in E.164 or national format with its region. Many
// examples are placeholders (0123456789, 201-555-0123) that leadclean
// rightly calls bogus; those must be bogus for a stated pattern, never as
// "invalid".
func TestExampleNumbers(t *testing.T) {
	if testing.Short() {
		t.Skip("checks thousands of numbers")
	}
	c := newChecker("")
	checked, flagged := 0, 0
	for region := range phonenumbers.GetSupportedRegions() {
		for typ := phonenumbers.FIXED_LINE; typ < phonenumbers.UNKNOWN; typ++ {
			ex := phonenumbers.GetExampleNumberForType(region, typ)
			if ex == nil || phonenumbers.GetNumberType(ex) == phonenumbers.UNKNOWN {
				continue
			}
			e164 := phonenumbers.Format(ex, phonenumbers.E164)
			national := phonenumbers.Format(ex, phonenumbers.NATIONAL)
			country := region
			if region == "NA" {
				country = "Namibia" // "NA" in a country cell means "not available"
			}
			inputs := [][2]string{{e164, ""}}
			// National format, when libphonenumber itself reads it back
			// (it does not for Argentine mobiles) and it is long enough for
			// leadclean to parse (Niue, Tokelau and Tristan da Cunha have
			// four-digit national numbers: they need their country code).
			if back, err := phonenumbers.Parse(national, region); err == nil && phonenumbers.Format(back, phonenumbers.E164) == e164 &&
				phonenumbers.IsValidNumber(back) && countDigits(national) >= minDigits {
				inputs = append(inputs, [2]string{national, country})
			}
			for _, in := range inputs {
				n := c.Check(in[0], in[1])
				checked++
				if !n.Valid || n.E164 != e164 {
					t.Errorf("%s %s: Check(%q, %q) = %+v, want valid %s", region, typeName(typ), in[0], in[1], n, e164)
					continue
				}
				if n.Bogus {
					flagged++
					if n.Problem == ProblemInvalid || n.Problem == "" {
						t.Errorf("%s %s: %q bogus without a stated reason: %+v", region, typeName(typ), in[0], n)
					}
				}
			}
		}
	}
	t.Logf("%d example numbers checked, %d flagged as placeholders", checked, flagged)
	if checked < 1000 {
		t.Errorf("only %d example numbers", checked)
	}
}

// TestPlausibleRealNumbers guards against flagging real numbers: it makes
// numbers from every region's example numbers by replacing their last
// digits with pseudo-random ones (a fixed seed: the test is repeatable),
// keeps those libphonenumber calls valid, and requires that the pattern
// checks flag almost none of them.
func TestPlausibleRealNumbers(t *testing.T) {
	if testing.Short() {
		t.Skip("checks thousands of numbers")
	}
	c := NewCheckerWithOptions(Options{AllowPremiumRate: true, MemoSize: -1})
	rng := rand.New(rand.NewPCG(1, 2))
	checked, flagged := 0, 0
	for _, region := range sortedRegions() {
		for typ := phonenumbers.FIXED_LINE; typ < phonenumbers.UNKNOWN; typ++ {
			ex := phonenumbers.GetExampleNumberForType(region, typ)
			if ex == nil {
				continue
			}
			nsn := phonenumbers.GetNationalSignificantNumber(ex)
			keep := min(3, len(nsn)-4)
			if keep < 1 {
				continue
			}
			cc := ex.GetCountryCode()
			for range 8 {
				b := []byte(nsn)
				for i := keep; i < len(b); i++ {
					b[i] = byte('0' + rng.IntN(10))
				}
				raw := fmt.Sprintf("+%d%s", cc, b)
				n := c.Check(raw, "")
				if !n.Valid {
					continue
				}
				checked++
				if n.Bogus && !strings.HasPrefix(n.Problem, ProblemFictional) && n.Problem != ProblemDirectory {
					flagged++
					t.Logf("flagged %s (%s %s): %s", raw, region, typeName(typ), n.Problem)
				}
			}
		}
	}
	t.Logf("%d random valid numbers, %d flagged by a pattern", checked, flagged)
	if checked < 3000 {
		t.Errorf("only %d numbers checked", checked)
	}
	if flagged*1000 > checked {
		t.Errorf("%d of %d random valid numbers flagged: patterns too eager", flagged, checked)
	}
}

func sortedRegions() []string {
	var rs []string
	for r := range phonenumbers.GetSupportedRegions() {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	return rs
}

// TestMemoStats counts memo hits and misses: a repeated number (another
// extension, the same digits) is a hit, a new one a miss, and cells
// rejected before parsing are neither.
func TestMemoStats(t *testing.T) {
	c := newChecker("US")
	for _, cell := range []string{"(202) 456-1111", "202-456-1111 x12", "(650) 253-0000", "n/a", "", "1234"} {
		c.Check(cell, "")
	}
	if hits, misses := c.MemoStats(); hits != 1 || misses != 2 {
		t.Errorf("MemoStats() = %d hits, %d misses; want 1, 2", hits, misses)
	}
	off := NewCheckerWithOptions(Options{DefaultRegion: "US", MemoSize: -1})
	off.Check("(202) 456-1111", "")
	off.Check("(202) 456-1111", "")
	if hits, misses := off.MemoStats(); hits != 0 || misses != 0 {
		t.Errorf("without a memo MemoStats() = %d, %d; want 0, 0", hits, misses)
	}
}

// TestIssue15Phones pins the cases issue 15 reported, each with the reason
// it matters.
func TestIssue15Phones(t *testing.T) {
	c := newChecker("US")
	tests := []struct {
		name, raw, country, want, e164, ext, problem string
	}{
		// "NA" written as an ISO code is Namibia when the number is
		// Namibian; otherwise it still means "not available".
		{"Namibia by ISO code", "061 221 934", "NA", "valid", "+26461221934", "", ""},
		{"NA as not available", "(202) 456-1111", "NA", "valid", "+12024561111", "", ""},
		{"na lower case is not Namibia", "061 221 934", "n/a", "bogus", "", "", ProblemInvalid + " (US)"},
		// A plus before an international prefix, as libphonenumber reads it.
		{"+0044", "+0044 20 7031 3000", "", "valid", "+442070313000", "", ""},
		{"+00 64", "+00 64 3 331 6005", "", "valid", "+6433316005", "", ""},
		{"+011 64", "+011 64 3 331 6005", "", "valid", "+6433316005", "", ""},
		// The extension digit before # is never folded into the number
		// (it was: +12345678906, a valid number nobody typed).
		{"extension before #", "+11234567890-6#", "", "bogus", "", "6", ProblemStraightRun},
		{"extension before # on a real number", "+12024561111-6#", "", "valid", "+12024561111", "6", ""},
		{"long extension before #", "+1 (202) 456-1111 910#", "", "valid", "+12024561111", "910", ""},
		{"extension after x", "+1 202 456 1111 x 12", "", "valid", "+12024561111", "12", ""},
		{"two extensions: the first counts", "(202) 456-1111 x508/x1234", "US", "valid", "+12024561111", "508", ""},
		{"two extensions, backslash", "(202) 456-1111 x508\\x1234", "US", "valid", "+12024561111", "508", ""},
		// 4-digit national numbers.
		{"Niue", "7012", "Niue", "valid", "+6837012", "", ""},
		{"Tokelau", "3101", "TK", "valid", "+6903101", "", ""},
		{"Tristan da Cunha", "8999", "TA", "valid", "+2908999", "", ""},
		{"4 digits elsewhere", "7012", "US", "bogus", "", "", ProblemNotANumber},
		// The invalid problem names the region it used.
		{"invalid names region", "0199 861 234", "DE", "bogus", "", "", ProblemInvalid + " (DE)"},
		{"invalid names the number's region", "+44 20 1234", "", "bogus", "", "", ProblemInvalid + " (GB)"},
	}
	for _, tt := range tests {
		got := c.Check(tt.raw, tt.country)
		if verdict(got) != tt.want || (tt.want == "valid" && got.E164 != tt.e164) || got.Extension != tt.ext || got.Problem != tt.problem {
			t.Errorf("%s: Check(%q, %q) = %+v; want %s %q ext %q problem %q", tt.name, tt.raw, tt.country, got, tt.want, tt.e164, tt.ext, tt.problem)
		}
	}
}

// newChecker returns a Checker that uses defaultRegion when a row has no
// usable country.
func newChecker(defaultRegion string) *Checker {
	return NewCheckerWithOptions(Options{DefaultRegion: defaultRegion})
}
