package email

import (
	"encoding/xml"
	"os"
	"strings"
	"testing"
)

// isemailSuite is testdata/isemail-tests.xml: dominicsayers/isemail
// test/tests.xml v3.05 at cfeefc3 (BSD-3-Clause, testdata/isemail.LICENSE).
type isemailSuite struct {
	Tests []isemailTest `xml:"test"`
}

type isemailTest struct {
	ID        string `xml:"id,attr"`
	Address   string `xml:"address"`
	Category  string `xml:"category"`
	Diagnosis string `xml:"diagnosis"`
}

// controlPictures turns the suite's U+2400+n symbols back into the control
// characters they stand for (note 1 in the file).
func controlPictures(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0x2400 && r <= 0x241f:
			return r - 0x2400
		case r == 0x2421:
			return 0x7f
		}
		return r
	}, s)
}

// isemailLeadVerdicts is the lead-list verdict for each test whose RFC
// category is valid syntax (ISEMAIL_VALID_CATEGORY, ISEMAIL_DNSWARN), with
// the reason. A lead list also wants a dotted domain under a real public
// suffix and no placeholder, so most of the suite's "test@..." addresses
// are bogus here.
var isemailLeadVerdicts = map[string]struct {
	bogus   bool
	problem string
}{
	"5":   {true, "syntax: domain without a dot"},          // test@io: a TLD is not a mail domain here
	"100": {true, "unknown top-level domain xn--jxalpdlp"}, // test@<IANA's test IDN>.δοκιμή: never delegated
	"101": {false, ""},                                     // xn--test@iana.org: "xn--" means nothing in a local part
	"167": {true, problemPlaceholder},                      // test@test.com
	"168": {true, problemPlaceholder},                      // test@nic.no
	"8":   {true, problemPlaceholder},                      // test@iana.org: local part "test"
	"9":   {true, problemPlaceholder},                      // test@nominet.org.uk
	"10":  {true, problemPlaceholder},                      // test@about.museum
	"11":  {false, ""},                                     // a@iana.org
	"12":  {true, problemPlaceholder},                      // test@e.com
	"13":  {true, "unknown top-level domain a"},            // test@iana.a: no such TLD
	"14":  {true, problemPlaceholder},                      // test.test@iana.org
	"19":  {false, ""},                                     // !#$%&`*+/=?^`{|}~@iana.org: odd but deliverable atext
	"21":  {false, ""},                                     // 123@iana.org
	"22":  {true, problemPlaceholder},                      // test@123.com (123.com itself is a real provider)
	"25":  {false, ""},                                     // 64-octet local part
	"27":  {true, problemPlaceholder},                      // test@<63-octet label>.com
	"29":  {true, problemPlaceholder},                      // test@mason-dixon.com
	"32":  {true, problemPlaceholder},                      // test@c--n.com
	"33":  {true, "unknown top-level domain co-uk"},        // test@iana.co-uk
	"37":  {true, "unknown top-level domain v"},            // a@a.b.c...v: no such TLD
	"38":  {true, "unknown top-level domain abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghi"},
}

func TestISEmailSuite(t *testing.T) {
	data, err := os.ReadFile("testdata/isemail-tests.xml")
	if err != nil {
		t.Fatal(err)
	}
	var suite isemailSuite
	if err := xml.Unmarshal(data, &suite); err != nil {
		t.Fatalf("parse testdata/isemail-tests.xml: %v", err)
	}
	if len(suite.Tests) != 164 {
		t.Fatalf("read %d tests, want 164", len(suite.Tests))
	}
	checker := NewChecker(Options{})
	seenValid := 0
	for _, tt := range suite.Tests {
		address := controlPictures(tt.Address)
		got := checker.Check(address)
		switch tt.Category {
		case "ISEMAIL_VALID_CATEGORY", "ISEMAIL_DNSWARN":
			seenValid++
			want, ok := isemailLeadVerdicts[tt.ID]
			if !ok {
				t.Errorf("test %s %q (%s): no lead verdict written down; Check says bogus %v %q",
					tt.ID, address, tt.Category, got.Bogus, got.Problem)
				continue
			}
			if got.Bogus != want.bogus || got.Problem != want.problem {
				t.Errorf("test %s %q: bogus %v %q, want bogus %v %q",
					tt.ID, address, got.Bogus, got.Problem, want.bogus, want.problem)
			}
		case "ISEMAIL_ERR", "ISEMAIL_RFC5321", "ISEMAIL_RFC5322", "ISEMAIL_CFWS", "ISEMAIL_DEPREC":
			// The empty address (test 1) is a missing cell, the one
			// acceptable non-bogus outcome.
			if address == "" {
				if !got.Missing {
					t.Errorf("test %s: empty address is not missing: %+v", tt.ID, got)
				}
				continue
			}
			if !got.Bogus {
				t.Errorf("test %s %q (%s, %s) is accepted, want bogus", tt.ID, address, tt.Category, tt.Diagnosis)
			}
		default:
			t.Errorf("test %s: unknown category %q", tt.ID, tt.Category)
		}
	}
	if seenValid != len(isemailLeadVerdicts) {
		t.Errorf("%d valid-category tests, %d verdicts written down", seenValid, len(isemailLeadVerdicts))
	}
}
