package rulebook

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
)

// TestInvalidRulebooks loads each file under testdata/rulebooks/invalid and
// compares the whole error text, positions and hints included.
func TestInvalidRulebooks(t *testing.T) {
	const reasons = "reasons: competitor, student, email_open_only, image_view_only, below_budget, abandoned_form, bogus_phone, bogus_email, no_contact, wrong_name, vendor, duplicate, malformed_row, formula_injection, rule_error"
	tests := []struct {
		file string
		want string
	}{
		{"unknown-key.yaml", `unknown-key.yaml:7:5: unknown key min_revnue in detectors.below_budget
	hint: did you mean min_revenue? valid keys: disabled, min_revenue, currency, rates
unknown-key.yaml:9:5: unknown key domians in detectors.competitor
	hint: did you mean domains? valid keys: disabled, domains, names`},
		{"wrong-types.yaml", `wrong-types.yaml:7:15: detectors.competitor.disabled: expected true or false, got text "no"
wrong-types.yaml:8:14: detectors.competitor.domains: expected a list, got text "rivalsoft.com"
	hint: write a list, such as [a, b] or one "- item" per line
wrong-types.yaml:10:18: detectors.below_budget.min_revenue: expected a number, got text "$10M"
	hint: write plain digits, such as 10000000 for $10M
wrong-types.yaml:12:21: detectors.image_view_only.max_page_views: expected a whole number, got the number 2.5
wrong-types.yaml:16:13: scoring[0].points: expected a whole number, got text "ten"
wrong-types.yaml:18:15: decision.qualify_at: expected a whole number, got a list`},
		{"huge-numbers.yaml", `huge-numbers.yaml:7:18: detectors.below_budget.min_revenue: number 1e400 is out of range
huge-numbers.yaml:11:13: scoring[0].points: number 99999999999999999999 is out of range
	hint: whole numbers here lie between -1000000000 and 1000000000
huge-numbers.yaml:13:15: decision.qualify_at: number 5000000000 is out of range
	hint: whole numbers here lie between -1000000000 and 1000000000`},
		{"bad-expressions.yaml", `bad-expressions.yaml:7:11: scoring rule "typo": unknown name revenu
	hint: did you mean revenue? names: has, email, phone, engagement, revenue, revenue_known, employees, employees_known, title, seniority, department, country, region, company, website, source, message, city, state, form_status, lead_status, fields, reasons
bad-expressions.yaml:10:11: scoring rule "not_bool": expected bool, but got float64
	hint: a condition must be true or false, such as revenue >= 10000000
bad-expressions.yaml:13:18: scoring rule "wrong_type": invalid operation: > (mismatched types string and int)
bad-expressions.yaml:16:16: scoring rule "bad_reason": unknown reason studnet
	hint: did you mean student? ` + reasons + `
bad-expressions.yaml:16:30: scoring rule "bad_reason": unknown reason vendr
	hint: did you mean vendor? ` + reasons + `
bad-expressions.yaml:21:15: scoring rule "bad_regexp": error parsing regexp: missing closing ): ` + "`(unclosed`"},
		{"bad-decision.yaml", `bad-decision.yaml:3:11: defaults.region: "USA" is not an ISO 3166 country code
	hint: use two letters, such as US, GB or DE
bad-decision.yaml:4:13: defaults.currency: "DOLLARS" is not an ISO 4217 currency code
	hint: use three letters, such as USD, EUR or GBP
bad-decision.yaml:6:3: columns: unknown field emial
	hint: did you mean email? fields: first_name, last_name, full_name, email, phone, mobile, company, job_title, website, street, city, state, postal_code, country, lead_source, annual_revenue, employees, created_date, lead_status, email_opens, email_clicks, page_views, first_page_seen, last_page_seen, form_submissions, form_status, message, converted, converted_date, opportunity, lifecycle_stage, deals, deal_amount, deal_stage
bad-decision.yaml:9:24: decision.reject: unknown reason studnet
	hint: did you mean student? ` + reasons + `
bad-decision.yaml:10:13: reason competitor is listed under both decision.reject and decision.nurture
	hint: give each reason one action
bad-decision.yaml:12:5: decision.points: unknown reason email_open_onl
	hint: did you mean email_open_only? ` + reasons + `
bad-decision.yaml:14:15: decision.nurture_at (30) must be below qualify_at (20)
	hint: leads scoring from nurture_at up to qualify_at go to nurture
bad-decision.yaml:19:16: grades A and B have the same min_score 10`},
		// version, defaults and decision come from the default.
		{"missing.yaml", `missing.yaml:3:5: scoring rule 1 has no name
	hint: add ` + "`name:`" + `, a short label shown in traces such as budget_enterprise
missing.yaml:3:5: scoring rule 1 has no points
	hint: add ` + "`points:`" + `, such as 10 (or -10 to subtract)
missing.yaml:4:5: scoring rule "x" has no condition
	hint: add ` + "`when:`" + `, such as revenue >= 10000000`},
		{"never-found.yaml", `never-found.yaml:13:13: decision.nurture: below_budget can never be found: no min_revenue in the rulebook
	hint: configure detectors.below_budget, or take below_budget out of decision.nurture
never-found.yaml:15:5: decision.points: competitor can never be found: no competitors listed in the rulebook
	hint: configure detectors.competitor, or take competitor out of decision.points`},
		{"syntax.yaml", `syntax.yaml:5:1: invalid YAML: ',' or ']' must be specified`},
		{"bomb.yaml", `bomb.yaml:7:10: aliases expand to more than 100000 values (a YAML bomb?)
	hint: a rulebook needs no nested aliases; write the lists out`},
		{"multi-doc.yaml", `multi-doc.yaml:5:8: a rulebook is one YAML document; found a second one
	hint: remove the --- separator and everything after it, or merge the documents`},
		{"empty.yaml", `empty.yaml:1:1: rulebook is empty
	hint: start from the default: leadclean rules init > rulebook.yaml`},
	}
	files, err := filepath.Glob("../../testdata/rulebooks/invalid/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Errorf("%d files in testdata/rulebooks/invalid, %d test cases: every invalid example needs its expected errors", len(files), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("../../testdata/rulebooks/invalid", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(tt.file, src)
			if r != nil || err == nil {
				t.Fatalf("Parse succeeded; want errors")
			}
			var list *ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want *ErrorList", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// valid is a minimal valid rulebook that inline cases extend.
const valid = "version: 1\ndefaults: {region: US, currency: USD}\ndecision: {qualify_at: 0}\n"

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown top-level key", valid + "scroing: []\n",
			"t.yaml:4:1: unknown key scroing\n\thint: did you mean scoring? valid keys: version, name, description, columns, defaults, detectors, scoring, grades, decision, agreement"},
		{"version 2", "version: 2\ndefaults: {region: US, currency: USD}\ndecision: {qualify_at: 0}\n",
			"t.yaml:1:10: unsupported version 2\n\thint: this leadclean reads version 1"},
		{"competitor url", valid + "detectors:\n  competitor:\n    domains: [\"https://rivalsoft.com\"]\n",
			"t.yaml:6:15: detectors.competitor.domains: \"https://rivalsoft.com\" is not a domain\n\thint: write the domain alone, such as rivalsoft.com"},
		{"budget currency differs", valid + "detectors:\n  below_budget:\n    currency: EUR\n",
			"t.yaml:6:15: detectors.below_budget.currency EUR differs from defaults.currency USD\n\thint: leave it out: budgets are in defaults.currency"},
		{"bad rate", valid + "detectors:\n  below_budget:\n    rates: {EUR: 0, XXY: 2}\n",
			"t.yaml:6:18: detectors.below_budget.rates.EUR must be a positive number\n\thint: 1 EUR is worth this many USD\nt.yaml:6:21: detectors.below_budget.rates: \"XXY\" is not an ISO 4217 currency code\n\thint: use three letters, such as EUR or GBP"},
		{"required field typo", valid + "detectors:\n  abandoned_form:\n    required_fields: [emial]\n",
			"t.yaml:6:23: detectors.abandoned_form.required_fields: unknown field \"emial\"\n\thint: did you mean email? fields: " + strings.Join(fieldNames(), ", ")},
		{"one alias for two fields", valid + "columns:\n  email: [Kontakt]\n  phone: [kontakt, Fon]\n  company: [\"--\"]\n",
			"t.yaml:6:11: columns: alias \"kontakt\" is given for both email and phone\nt.yaml:7:13: columns: alias \"--\" for company has no letters or digits"},
		{"number for text", "version: 1\ndefaults: {region: US, currency: 978}\ndecision: {qualify_at: 0}\n",
			"t.yaml:2:34: defaults.currency: expected text, got the number 978\n\thint: put the value in quotes: \"978\""},
		{"negative budget", valid + "detectors: {below_budget: {min_revenue: -5}}\n",
			"t.yaml:4:41: detectors.below_budget.min_revenue must not be negative"},
		{"infinity", valid + "detectors: {below_budget: {min_revenue: .inf}}\n",
			"t.yaml:4:41: detectors.below_budget.min_revenue: expected a finite number, got .inf"},
		{"duplicate rule", valid + "scoring:\n  - {name: a, when: 'true', points: 1}\n  - {name: a, when: 'true', points: 1}\n",
			"t.yaml:6:12: scoring rule \"a\" is defined twice\n\thint: give each rule its own name"},
		{"duplicate key", valid + "version: 1\n",
			"t.yaml:4:1: invalid YAML: mapping key \"version\" already defined at [1:1]"},
		{"scoring not a list", valid + "scoring:\n  name: x\n",
			"t.yaml:5:3: scoring: expected a list, got a mapping"},
		{"deep nesting", valid + "name: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n",
			"t.yaml:4:71: collections are nested more than 64 deep"},
		{"too large", valid + "description: " + strings.Repeat("x", MaxSize) + "\n",
			"t.yaml: rulebook is larger than 1048576 bytes\n\thint: a rulebook is a short text file; is this the right file?"},
		{"unknown reason in nurture", valid + "decision: {qualify_at: 0}\n", "t.yaml:4:1: invalid YAML: mapping key \"decision\" already defined at [3:1]"},
		{"has() typo", valid + "scoring:\n  - {name: x, when: 'has(\"bogus_mail\")', points: -5}\n",
			"t.yaml:5:26: scoring rule \"x\": unknown reason bogus_mail\n\thint: did you mean bogus_email? reasons: " + strings.Join(reasonNames(), ", ")},
		{"field of namespace", valid + "scoring:\n  - {name: x, when: email.fre, points: 1}\n",
			"t.yaml:5:27: scoring rule \"x\": type rulebook.EmailEnv has no field fre"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.yaml", []byte(tt.src))
			if err == nil {
				t.Fatal("Parse succeeded; want an error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	if _, err := Load("no/such/rulebook.yaml"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v, want not-exist", err)
	}
	_, err := Load("../../testdata/rulebooks/invalid/unknown-key.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), "../../testdata/rulebooks/invalid/unknown-key.yaml:7:5: ") {
		t.Errorf("Load error = %v, want it to start with the file path and position", err)
	}
}

// TestSampleRulebooks loads every sample rulebook.
func TestSampleRulebooks(t *testing.T) {
	files, err := filepath.Glob("../../testdata/rulebooks/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("found %d sample rulebooks, want inside-sales and field-sales", len(files))
	}
	for _, f := range files {
		r, err := Load(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if len(r.rules) == 0 || r.qualifyAt == 0 || !r.UsesNurture() {
			t.Errorf("%s: rules %d, qualify_at %d, nurture %v: want scoring, a bar and a nurture bucket", f, len(r.rules), r.qualifyAt, r.UsesNurture())
		}
	}
}

func TestDefaultLoads(t *testing.T) {
	r, err := Parse("(default)", DefaultYAML())
	if err != nil {
		t.Fatalf("default rulebook: %v", err)
	}
	if r.Region != "US" || r.Currency != "USD" || r.Detectors.BelowBudget.Currency != "USD" {
		t.Errorf("region, currency, budget currency = %q, %q, %q; want US, USD, USD", r.Region, r.Currency, r.Detectors.BelowBudget.Currency)
	}
	if len(r.rules) == 0 || len(r.grades) != 4 {
		t.Errorf("rules %d, grades %d", len(r.rules), len(r.grades))
	}
	if Default() != Default() {
		t.Error("Default should parse once and share the result")
	}
	want := map[lead.Reason]string{
		lead.Competitor: ActionReject, lead.Student: ActionReject, lead.BelowBudget: ActionReject,
		lead.AbandonedForm: ActionReject, lead.BogusPhone: ActionReject, lead.BogusEmail: ActionReject,
		lead.NoContact: ActionReject, lead.WrongName: ActionReject, lead.Vendor: ActionReject, lead.Duplicate: ActionReject,
		lead.MalformedRow: ActionReject, lead.FormulaInjection: ActionReject,
		lead.EmailOpenOnly: ActionNurture, lead.ImageViewOnly: ActionNurture, lead.RuleError: ActionNurture,
		lead.LowScore: "score",
	}
	if len(want) != len(lead.Reasons()) {
		t.Errorf("test covers %d reasons, lead has %d", len(want), len(lead.Reasons()))
	}
	for reason, action := range want {
		if got := r.ActionFor(reason); got != action {
			t.Errorf("ActionFor(%s) = %s, want %s", reason, got, action)
		}
	}
	if !r.UsesNurture() {
		t.Error("default nurtures email_open_only: UsesNurture should be true")
	}
	// DefaultYAML returns a copy.
	b := DefaultYAML()
	b[0] = 'X'
	if DefaultYAML()[0] == 'X' {
		t.Error("DefaultYAML shares its bytes with callers")
	}
}

// yamlKeys lists every key the format accepts, recursively.
func yamlKeys(t reflect.Type, into map[string]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return
	}
	names, types := yamlFields(t)
	for _, n := range names {
		into[n] = true
		yamlKeys(types[n], into)
	}
}

// TestEveryKeyDocumented checks that default.yaml shows every key (set or
// in a comment) and that the package documentation names it.
func TestEveryKeyDocumented(t *testing.T) {
	keys := map[string]bool{}
	yamlKeys(reflect.TypeOf(rawRulebook{}), keys)
	if len(keys) < 30 {
		t.Fatalf("found only %d keys", len(keys))
	}
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for k := range keys {
		if !regexp.MustCompile(`(?m)^[\s#-]*`+regexp.QuoteMeta(k)+`:`).Match(defaultYAML) &&
			!regexp.MustCompile(`[{,]\s*`+regexp.QuoteMeta(k)+`:`).Match(defaultYAML) {
			t.Errorf("default.yaml does not show key %s", k)
		}
		if !regexp.MustCompile(`\b` + regexp.QuoteMeta(k) + `\b`).Match(doc) {
			t.Errorf("package documentation does not mention key %s", k)
		}
	}
	// And every name a condition can use is documented in both.
	for _, name := range envNames() {
		if !regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`).Match(doc) {
			t.Errorf("package documentation does not list condition name %s", name)
		}
	}
	for _, ns := range []any{EmailEnv{}, PhoneEnv{}, EngagementEnv{}} {
		rt := reflect.TypeOf(ns)
		for i := range rt.NumField() {
			name := rt.Field(i).Tag.Get("expr")
			if !regexp.MustCompile(`\.` + regexp.QuoteMeta(name) + `\b`).Match(doc) {
				t.Errorf("package documentation does not list %s.%s", rt.Name(), name)
			}
			if !regexp.MustCompile(`\.` + regexp.QuoteMeta(name) + `\b`).Match(defaultYAML) {
				t.Errorf("default.yaml does not list %s.%s", rt.Name(), name)
			}
		}
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		word string
		want string
	}{
		{"min_revnue", "min_revenue"},
		{"scroe", "score"},
		{"emial", "email"},
		{"xyz", ""},
		{"completely_different", ""},
	}
	candidates := []string{"min_revenue", "score", "email", "currency"}
	for _, tt := range tests {
		if got := suggest(tt.word, candidates); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
