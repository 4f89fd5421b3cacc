package suites

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/email"
	"github.com/leadclean/leadclean/pkg/phone"
)

var update = flag.Bool("update", false, "rewrite testdata/suites/RESULTS.md")

const suitesDir = "../../testdata/suites"

// testCase is one row of a suite's cases.tsv.
type testCase struct {
	id, split, input, region, expect, category string
}

// readCases reads a cases.tsv: '#' comment lines, a header, then rows of
// id, split, Go-quoted input, region, expectation and category.
func readCases(t *testing.T, path string) []testCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []testCase
	scanner := bufio.NewScanner(f)
	line, header := 0, false
	for scanner.Scan() {
		line++
		text := scanner.Text()
		if strings.HasPrefix(text, "#") || text == "" {
			continue
		}
		fields := strings.Split(text, "\t")
		if !header {
			if strings.Join(fields, ",") != "id,split,input,region,expect,category" {
				t.Fatalf("%s:%d: header %q", path, line, text)
			}
			header = true
			continue
		}
		if len(fields) != 6 {
			t.Fatalf("%s:%d: %d fields, want 6", path, line, len(fields))
		}
		input, err := strconv.Unquote(fields[2])
		if err != nil {
			t.Fatalf("%s:%d: input %s: %v", path, line, fields[2], err)
		}
		if fields[1] != "tune" && fields[1] != "heldout" {
			t.Fatalf("%s:%d: split %q", path, line, fields[1])
		}
		cases = append(cases, testCase{fields[0], fields[1], input, fields[3], fields[4], fields[5]})
	}
	if err := scanner.Err(); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 20 {
		t.Fatalf("%s: only %d cases", path, len(cases))
	}
	return cases
}

// verdict is leadclean's answer to a case: agree, or the kind of
// disagreement (a short class that the explanations table must know) and
// what leadclean said.
type verdict struct {
	agree bool
	class string
	said  string
}

// problemClass drops the names from a problem text ("reserved domain
// example.com" -> "reserved domain").
func problemClass(p string) string {
	for _, prefix := range []string{"reserved domain", "unknown top-level domain", "disposable domain", phone.ProblemFictional, phone.ProblemInvalid} {
		if strings.HasPrefix(p, prefix) {
			return prefix
		}
	}
	return p
}

func judgeEmail(c *email.Checker, tc testCase) verdict {
	a := c.Check(tc.input)
	switch {
	case tc.expect == "valid" || tc.expect == "invalid":
		usable := !a.Missing && !a.Bogus
		said := "valid"
		if a.Missing {
			said = "missing"
		} else if a.Bogus {
			said = "bogus: " + a.Problem
		}
		if usable == (tc.expect == "valid") {
			return verdict{agree: true, said: said}
		}
		if usable {
			return verdict{class: "accepted", said: said}
		}
		if a.Missing {
			return verdict{class: "missing", said: said}
		}
		return verdict{class: "bogus: " + problemClass(a.Problem), said: said}
	case tc.expect == "no-suggestion" || strings.HasPrefix(tc.expect, "suggest "):
		said := "no-suggestion"
		if a.Suggestion != "" {
			said = "suggest " + a.Suggestion[strings.LastIndexByte(a.Suggestion, '@')+1:]
		}
		if said == tc.expect {
			return verdict{agree: true, said: said}
		}
		switch {
		case said == "no-suggestion" && strings.HasPrefix(a.Problem, "syntax:"):
			return verdict{class: "no suggestion: " + a.Problem, said: said + " (bogus: " + a.Problem + ")"}
		case said == "no-suggestion":
			return verdict{class: "no suggestion", said: said}
		case tc.expect == "no-suggestion":
			return verdict{class: "suggestion where none expected", said: said}
		}
		return verdict{class: "other suggestion", said: said}
	}
	return verdict{class: "unknown expectation " + tc.expect}
}

func judgePhone(c *phone.Checker, tc testCase) verdict {
	n := c.Check(tc.input, tc.region)
	said := n.E164
	if n.Extension != "" {
		said += " ext " + n.Extension
	}
	switch {
	case n.Missing:
		said = "missing"
	case n.Bogus:
		said = strings.TrimSpace(said + " bogus: " + n.Problem)
	case !n.Valid:
		said = "cannot judge: " + n.Problem
	}
	usable := n.Valid && !n.Bogus
	switch {
	case tc.expect == "valid":
		if usable {
			return verdict{agree: true, said: said}
		}
	case tc.expect == "invalid" || tc.expect == "error":
		if !usable {
			return verdict{agree: true, said: said}
		}
		return verdict{class: "accepted", said: said}
	case strings.HasPrefix(tc.expect, "+"):
		number, ext, _ := strings.Cut(tc.expect, " ext ")
		switch {
		case n.E164 == number && n.Extension == ext && !n.Bogus:
			return verdict{agree: true, said: said}
		case n.E164 == number && n.Extension != ext:
			return verdict{class: "other extension", said: said}
		case n.E164 != "" && n.E164 != number:
			return verdict{class: "other number", said: said}
		}
	default:
		return verdict{class: "unknown expectation " + tc.expect}
	}
	switch {
	case n.Missing:
		return verdict{class: "missing", said: said}
	case !n.Valid && !n.Bogus:
		return verdict{class: "cannot judge: " + n.Problem, said: said}
	}
	return verdict{class: "bogus: " + problemClass(n.Problem), said: said}
}

// suite names a cases.tsv and how leadclean judges its cases.
type suite struct {
	name  string
	judge func(testCase) verdict
}

func suitesUnderTest() []suite {
	mail := email.NewChecker(email.Options{})
	phones := phone.NewCheckerWithOptions(phone.Options{})
	judgeMail := func(tc testCase) verdict { return judgeEmail(mail, tc) }
	judgeNumber := func(tc testCase) verdict { return judgePhone(phones, tc) }
	return []suite{
		{"isemail", judgeMail},
		{"python-email-validator", judgeMail},
		{"mailcheck", judgeMail},
		{"quitnow-email-suggester", judgeMail},
		{"libphonenumber-parse", judgeNumber},
		{"nyaruka-phonenumbers", judgeNumber},
	}
}

type tally struct{ cases, agree int }

func (t tally) String() string {
	if t.cases == 0 {
		return "0/0"
	}
	return fmt.Sprintf("%d/%d (%.1f%%)", t.agree, t.cases, 100*float64(t.agree)/float64(t.cases))
}

// TestSuites runs every suite, checks that every kind of disagreement is
// explained, and compares the results with testdata/suites/RESULTS.md
// (go test ./pkg/suites -update rewrites it).
func TestSuites(t *testing.T) {
	var out strings.Builder
	out.WriteString("# Agreement with other projects' test suites\n\n")
	out.WriteString("Generated by `go test ./pkg/suites -update`; the test fails when this file is out of date.\n")
	out.WriteString("\"tune\" is the part looked at while tuning leadclean; \"held-out\" was not looked at case by case.\n")
	out.WriteString("Each kind of disagreement is a deliberate difference or a known miss, explained in the table.\n\n")
	out.WriteString("| suite | cases | agree (all) | agree (tune) | agree (held-out) | held-out, deliberate differences counted as agreement |\n|---|---|---|---|---|---|\n")
	var details strings.Builder
	used := map[string]bool{}
	for _, s := range suitesUnderTest() {
		cases := readCases(t, filepath.Join(suitesDir, s.name, "cases.tsv"))
		if _, err := os.Stat(filepath.Join(suitesDir, s.name, "LICENSE")); err != nil {
			t.Errorf("%s: no LICENSE beside the cases: %v", s.name, err)
		}
		var all, tune, heldout, heldoutIntended tally
		type miss struct {
			tc   testCase
			said string
		}
		byClass := map[string][]miss{}
		for _, tc := range cases {
			v := s.judge(tc)
			all.cases++
			split := &tune
			if tc.split == "heldout" {
				split = &heldout
			}
			split.cases++
			if tc.split == "heldout" {
				heldoutIntended.cases++
				if v.agree || strings.HasPrefix(explanations[s.name+"|"+v.class], "deliberate") {
					heldoutIntended.agree++
				}
			}
			if v.agree {
				all.agree++
				split.agree++
				continue
			}
			byClass[v.class] = append(byClass[v.class], miss{tc, v.said})
		}
		fmt.Fprintf(&out, "| %s | %d | %s | %s | %s | %s |\n", s.name, all.cases, all, tune, heldout, heldoutIntended)
		fmt.Fprintf(&details, "\n## %s\n\n", s.name)
		if len(byClass) == 0 {
			details.WriteString("Every case agrees.\n")
			continue
		}
		details.WriteString("| leadclean says | cases | why | examples (input, region → suite expects / leadclean says) |\n|---|---|---|---|\n")
		classes := make([]string, 0, len(byClass))
		for class := range byClass {
			classes = append(classes, class)
		}
		slices.Sort(classes)
		for _, class := range classes {
			misses := byClass[class]
			why, ok := explanations[s.name+"|"+class]
			used[s.name+"|"+class] = true
			if !ok {
				why = "UNEXPLAINED"
				for _, m := range misses {
					t.Errorf("%s case %s (%s) %q %s: suite expects %q, leadclean says %q: no explanation for %q",
						s.name, m.tc.id, m.tc.split, m.tc.input, m.tc.region, m.tc.expect, m.said, class)
				}
			}
			var examples []string
			for i, m := range misses {
				if i == 3 {
					examples = append(examples, "…")
					break
				}
				ex := strconv.Quote(m.tc.input)
				if m.tc.region != "" {
					ex += " " + m.tc.region
				}
				examples = append(examples, fmt.Sprintf("`%s` → %s / %s", strings.ReplaceAll(ex, "|", "\\|"), m.tc.expect, strings.ReplaceAll(m.said, "|", "\\|")))
			}
			fmt.Fprintf(&details, "| %s | %d | %s | %s |\n", class, len(misses), why, strings.Join(examples, "; "))
		}
	}
	for key := range explanations {
		name, _, _ := strings.Cut(key, "|")
		if !slices.ContainsFunc(suitesUnderTest(), func(s suite) bool { return s.name == name }) {
			t.Errorf("explanation for unknown suite: %q", key)
		} else if !used[key] {
			t.Errorf("explanation %q explains nothing any more: remove it", key)
		}
	}
	out.WriteString(details.String())
	path := filepath.Join(suitesDir, "RESULTS.md")
	if *update {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/suites -update)", err)
	}
	if string(want) != out.String() {
		t.Errorf("%s is out of date: run go test ./pkg/suites -update and review the diff; now:\n%s", path, out.String())
	}
}

// explanations says, per suite and kind of disagreement, why leadclean
// differs: a deliberate difference of purpose, or a known miss.
var explanations = map[string]string{
	"isemail|bogus: placeholder address":                                     "deliberate: a lead list has no use for test@…, email@example.…: placeholder local parts and domains are bogus even when the syntax is valid",
	"isemail|bogus: syntax: domain without a dot":                            "deliberate: a bare top-level domain (test@io) is no mail domain for a lead",
	"isemail|bogus: unknown top-level domain":                                "deliberate: the top-level domain does not exist (fictional .tld, IANA's never-delegated test IDNs, made-up suffixes), so no mail arrives; the suites check syntax only",
	"python-email-validator|bogus: placeholder address":                      "deliberate: a lead list has no use for test@…, email@example.…: placeholder local parts and domains are bogus even when the syntax is valid",
	"python-email-validator|bogus: unknown top-level domain":                 "deliberate: the top-level domain does not exist (fictional .tld, IANA's never-delegated test IDNs, made-up suffixes), so no mail arrives; the suites check syntax only",
	"python-email-validator|bogus: syntax: quoted local part":                "deliberate: quoted local parts are valid RFC 5322 but no lead writes them; the suite accepts them only with allow_quoted_local",
	"python-email-validator|bogus: syntax: display name or angle brackets":   "deliberate: a cell holding a display name and an address (My Name <me@…>) is not an address cell; the suite accepts it only with allow_display_name",
	"python-email-validator|bogus: syntax: invalid character in local part":  "deliberate: a symbol outside atext (the full-width ＠) in the local part; leadclean allows letters, digits and marks of any script only",
	"python-email-validator|bogus: syntax: local part longer than 64 octets": "deliberate: RFC 5321 limits the local part to 64 octets; the suite enforces it only in strict mode",
	"python-email-validator|accepted":                                        "known miss: the suite measures the address after Unicode NFC normalisation, which makes this one too long; leadclean measures it as written",
	"quitnow-email-suggester|bogus: placeholder address":                     "deliberate: a lead list has no use for test@…, email@example.…: placeholder local parts and domains are bogus even when the syntax is valid",
	"quitnow-email-suggester|bogus: reserved domain":                         "deliberate: RFC 2606 reserved domains (example.com and its subdomains) never receive a lead's mail",
	"quitnow-email-suggester|bogus: syntax: double dot in local part":        "deliberate: RFC 5322 forbids consecutive dots in a dot-atom; the suite's regular expression lets them through",
	"quitnow-email-suggester|bogus: syntax: local part ends with a dot":      "deliberate: RFC 5322 forbids a dot at the end of a dot-atom; the suite's regular expression lets it through",
	"quitnow-email-suggester|bogus: syntax: local part starts with a dot":    "deliberate: RFC 5322 forbids a dot at the start of a dot-atom; the suite's regular expression lets it through",
	"quitnow-email-suggester|bogus: syntax: numeric top-level domain":        "deliberate: 111.222.333.44444 is neither a host name nor an IP literal",
	"quitnow-email-suggester|suggestion where none expected":                 "deliberate: yahoo.co and hotmail.co are one letter from the provider's .com and no mailbox provider's domains; leadclean suggests the .com (mailcheck's suite expects the same for hotmail.co)",
	"mailcheck|no suggestion":                                                "deliberate: mailcheck's suite suggests toward its own list (the fictional emaildomain.com) and toward three-letter names (gmsn.com -> msn.com); leadclean corrects only toward big providers and never three-letter names (bt.com is not qq.com); com.uk is a real suffix",
	"mailcheck|no suggestion: syntax: invalid character in domain":           "deliberate: a '#' in the domain is a syntax error, bogus without a guess",
	"mailcheck|suggestion where none expected":                               "deliberate: a top-level domain that does not exist is repaired on subdomains too (mail.acme.cmo -> mail.acme.com); the address is bogus either way",
	"libphonenumber-parse|bogus: not a valid number for its region":          "deliberate: the suite runs on libphonenumber's frozen test metadata, whose ranges are partly made up; with the real metadata the number is not valid for its region; tel: URIs with a phone-context other than a country code are not read",
	"libphonenumber-parse|bogus: straight run of digits":                     "deliberate: the suite's made-up numbers (1234 5678, 2034567890, 123 456 789) are straight runs, which leadclean calls implausible for a lead",
	"libphonenumber-parse|other extension":                                   "known miss: ';', ',' and ',,' separate a second number in a lead cell, not an extension; extensions of more than 10 digits and truncated labels (xtensio) are not read",
	"libphonenumber-parse|accepted":                                          "deliberate: an extension too long to be one is dropped and the number kept, where the suite refuses the whole input",
	"libphonenumber-parse|bogus: not a phone number":                         "deliberate: vanity letters are read only after a digit group (1800 six-flags is words); (0xx) is not a number",
	"libphonenumber-parse|cannot judge: no region to judge the number":       "known miss: tel: URIs with phone-context=+CC are not read as international numbers",
	"nyaruka-phonenumbers|bogus: fictional number":                           "deliberate: ACMA's ranges for creative works (0491 570 156, 02 5550 xxxx) are fictional numbers nobody answers",
	"nyaruka-phonenumbers|bogus: premium-rate number":                        "deliberate: premium-rate numbers are bogus for a lead unless the rulebook allows them",
	"nyaruka-phonenumbers|bogus: straight run of digits":                     "deliberate: 11 61234567 is a straight run, implausible for a lead",
	"nyaruka-phonenumbers|bogus: not a valid number for its region":          "deliberate: the suite's Sri Lankan number was valid in an older metadata release; the current metadata says it is not",
}
