package rulebook

import (
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/companysize"
	"github.com/leadclean/leadclean/pkg/email"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/phone"
)

// newLead builds a lead whose input has a column for each field given.
func newLead(values map[lead.Field]string, findings ...lead.Reason) *lead.Lead {
	cols := lead.NewColumns(nil)
	var cells []string
	for _, f := range lead.Fields() {
		if v, ok := values[f]; ok {
			cols.Header = append(cols.Header, f.String())
			cols.Set(f, len(cells))
			cells = append(cells, v)
		}
	}
	l := &lead.Lead{File: "t.csv", Line: 2, Cells: cells, Columns: cols}
	l.Engagement = lead.ParseEngagement(l) // as the pipeline does
	if e := values[lead.Email]; e != "" {
		local, domain, _ := strings.Cut(e, "@")
		l.Email = email.Address{Normalized: e, Local: local, Domain: domain, Registrable: domain,
			Free: domain == "gmail.com", Role: local == "info"}
	} else {
		l.Email = email.Address{Missing: true}
	}
	if p := values[lead.Phone]; p != "" {
		l.Phone = phone.Number{Valid: true, E164: p, Region: "US", Type: "fixed_line"}
	} else {
		l.Phone = phone.Number{Missing: true}
	}
	for _, r := range findings {
		l.Verdict.Add(r, "test")
	}
	return l
}

func mustParse(t testing.TB, src string) *Rulebook {
	t.Helper()
	r, err := Parse("t.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return r
}

const decideRulebook = `version: 1
defaults: {region: US, currency: USD}
detectors:
  below_budget:
    rates: {EUR: 2}
scoring:
  - name: big
    when: revenue >= 10000000
    points: 30
  - name: boss
    when: seniority == "c_level"
    points: 20
  - name: business_mail
    when: email.valid && !email.free
    points: 10
  - name: reachable
    when: phone.valid
    points: 5
grades:
  - {grade: A, min_score: 50}
  - {grade: B, min_score: 30}
  - {grade: C, min_score: 10}
decision:
  reject: [competitor]
  nurture: [email_open_only]
  ignore: [image_view_only]
  points: {bogus_phone: -15}
  qualify_at: 30
  nurture_at: 10
`

func TestDecide(t *testing.T) {
	r := mustParse(t, decideRulebook)
	tests := []struct {
		name     string
		values   map[lead.Field]string
		revenue  companysize.Range
		findings []lead.Reason
		status   lead.Status
		score    int
		grade    string
	}{
		{"strong lead", map[lead.Field]string{lead.Email: "ceo@acme.com", lead.Phone: "+14155550000", lead.JobTitle: "CEO"},
			companysize.Range{Known: true, Low: 20e6, High: 50e6}, nil, lead.Qualified, 65, "A"},
		{"range counts by upper bound", map[lead.Field]string{lead.Email: "x@acme.com"},
			companysize.Range{Known: true, Low: 5e6, High: 10e6}, nil, lead.Qualified, 40, "B"},
		{"converted currency", map[lead.Field]string{lead.Email: "x@acme.com"},
			companysize.Range{Known: true, Low: 6e6, High: 6e6, Currency: "EUR"}, nil, lead.Qualified, 40, "B"},
		{"currency without rate is unknown", map[lead.Field]string{lead.Email: "x@acme.com"},
			companysize.Range{Known: true, Low: 6e7, High: 6e7, Currency: "GBP"}, nil, lead.Nurture, 10, "C"},
		{"nurture_at band", map[lead.Field]string{lead.Email: "x@acme.com", lead.Phone: "+14155550000"},
			companysize.Range{}, nil, lead.Nurture, 15, "C"},
		{"below nurture_at rejected", map[lead.Field]string{lead.Email: "x@gmail.com"},
			companysize.Range{}, nil, lead.Rejected, 0, ""},
		{"reject reason wins over score", map[lead.Field]string{lead.Email: "ceo@rival.com", lead.JobTitle: "CEO"},
			companysize.Range{Known: true, High: 1e9}, []lead.Reason{lead.Competitor}, lead.Rejected, 60, ""},
		{"nurture reason wins over score", map[lead.Field]string{lead.Email: "ceo@acme.com", lead.JobTitle: "CEO"},
			companysize.Range{Known: true, High: 1e9}, []lead.Reason{lead.EmailOpenOnly}, lead.Nurture, 60, "A"},
		{"points reason subtracts", map[lead.Field]string{lead.Email: "ceo@acme.com", lead.JobTitle: "Founder"},
			companysize.Range{}, []lead.Reason{lead.BogusPhone}, lead.Nurture, 15, "C"},
		{"ignored reason", map[lead.Field]string{lead.Email: "ceo@acme.com", lead.JobTitle: "CEO"},
			companysize.Range{}, []lead.Reason{lead.ImageViewOnly}, lead.Qualified, 30, "B"},
		{"unplaced reason rejects", map[lead.Field]string{lead.Email: "ceo@acme.com", lead.JobTitle: "CEO"},
			companysize.Range{Known: true, High: 1e9}, []lead.Reason{lead.Vendor}, lead.Rejected, 60, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLead(tt.values, tt.findings...)
			l.Revenue = tt.revenue
			r.Decide(l, false)
			v := l.Verdict
			if v.Status != tt.status || v.Score != tt.score || v.Grade != tt.grade {
				t.Errorf("status %s, score %d, grade %q; want %s, %d, %q", v.Status, v.Score, v.Grade, tt.status, tt.score, tt.grade)
			}
			if len(v.Trace) != 0 {
				t.Errorf("trace off, got %d trace lines", len(v.Trace))
			}
		})
	}
}

func TestDecideWithoutNurtureAt(t *testing.T) {
	r := mustParse(t, strings.Replace(decideRulebook, "  nurture_at: 10\n", "", 1))
	l := newLead(map[lead.Field]string{lead.Email: "x@acme.com", lead.Phone: "+14155550000"})
	r.Decide(l, false)
	if l.Verdict.Status != lead.Rejected || l.Verdict.Score != 15 {
		t.Errorf("status %s score %d; want rejected 15 (below qualify_at, no nurture band)", l.Verdict.Status, l.Verdict.Score)
	}
	if _, ok := r.nurtureAt, r.hasNurAt; ok {
		t.Error("NurtureAt reports a nurture band that is not set")
	}
	if !r.UsesNurture() {
		t.Error("email_open_only is nurtured: UsesNurture should be true")
	}
	off := mustParse(t, valid+"detectors: {email_open_only: {disabled: true}}\n")
	if off.UsesNurture() {
		t.Error("no nurture reason and no nurture_at: UsesNurture should be false")
	}
}

func TestDecideTrace(t *testing.T) {
	r := mustParse(t, decideRulebook)
	l := newLead(map[lead.Field]string{lead.Email: "ceo@acme.com", lead.JobTitle: "CEO"}, lead.BogusPhone)
	r.Decide(l, true)
	want := []string{
		"rule big: no",
		"rule boss: +20 (seniority == \"c_level\")",
		"rule business_mail: +10 (email.valid && !email.free)",
		"rule reachable: no",
		"reason bogus_phone: -15 points",
		"decision: nurture (score 15 >= nurture_at 10), grade C",
	}
	if got := strings.Join(l.Verdict.Trace, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("trace:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// TestDefaultOnPlainList: with the embedded default a plain trade-show row
// (name, email, phone, nothing else) qualifies, and junk does not.
func TestDefaultOnPlainList(t *testing.T) {
	r := Default()
	plain := newLead(map[lead.Field]string{lead.FirstName: "Ana", lead.LastName: "Silva", lead.Email: "ana@acme.com", lead.Phone: "+14155550000"})
	r.Decide(plain, false)
	if plain.Verdict.Status != lead.Qualified || plain.Verdict.Grade != "C" {
		t.Errorf("plain lead: %s grade %q score %d; want qualified C", plain.Verdict.Status, plain.Verdict.Grade, plain.Verdict.Score)
	}
	gmail := newLead(map[lead.Field]string{lead.Email: "ana@gmail.com"})
	r.Decide(gmail, false)
	if gmail.Verdict.Status != lead.Qualified || gmail.Verdict.Grade != "D" {
		t.Errorf("free-mail lead: %s grade %q; want qualified D", gmail.Verdict.Status, gmail.Verdict.Grade)
	}
	junk := newLead(map[lead.Field]string{lead.Email: "test@test.com"}, lead.BogusEmail)
	r.Decide(junk, false)
	if junk.Verdict.Status != lead.Rejected {
		t.Errorf("bogus email: %s, want rejected", junk.Verdict.Status)
	}
	opens := newLead(map[lead.Field]string{lead.Email: "ana@acme.com"}, lead.EmailOpenOnly)
	r.Decide(opens, false)
	if opens.Verdict.Status != lead.Nurture {
		t.Errorf("email opens only: %s, want nurture", opens.Verdict.Status)
	}
	hot := newLead(map[lead.Field]string{lead.Email: "cfo@acme.com", lead.JobTitle: "Chief Financial Officer",
		lead.Message: "Please send pricing, we need this ASAP", lead.EmailClicks: "3", lead.FormSubmissions: "1"})
	hot.Revenue = companysize.Range{Known: true, Low: 60e6, High: 60e6}
	r.Decide(hot, false)
	if hot.Verdict.Grade != "A" {
		t.Errorf("hot lead: grade %q score %d, want A", hot.Verdict.Grade, hot.Verdict.Score)
	}
}

// TestRuleErrorAtRunTime: a condition that fails on some rows gives those
// rows rule_error and the other rules and rows go on.
func TestRuleErrorAtRunTime(t *testing.T) {
	r := mustParse(t, `version: 1
defaults: {region: US, currency: USD}
scoring:
  - name: per_head
    description: integer division by a zero head count fails
    when: 1000 % int(employees) == 0
    points: 5
  - name: postal
    when: 'int(fields["postal_code"]) > 90000'
    points: 1
  - name: always
    when: "true"
    points: 2
decision:
  nurture: [rule_error]
  qualify_at: 0
`)
	bad := newLead(map[lead.Field]string{lead.Email: "a@acme.com"})
	r.Decide(bad, true)
	if !bad.Verdict.HasReason(lead.RuleError) || bad.Verdict.Status != lead.Nurture || bad.Verdict.Score != 2 {
		t.Fatalf("findings %v status %s score %d; want rule_error, nurture, 2", bad.Verdict.Findings, bad.Verdict.Status, bad.Verdict.Score)
	}
	detail := bad.Verdict.Findings[0].Detail
	if !strings.Contains(detail, "rule per_head: ") || !strings.Contains(detail, "divide by zero") || !strings.Contains(detail, "rule postal: ") || strings.Contains(detail, "\n") {
		t.Errorf("detail %q should name both failing rules and the error, on one line", detail)
	}
	if !strings.HasPrefix(bad.Verdict.Trace[0], "rule per_head: error: ") {
		t.Errorf("trace %q", bad.Verdict.Trace[0])
	}
	good := newLead(map[lead.Field]string{lead.Email: "a@acme.com", lead.PostalCode: "94105"})
	good.Employees = companysize.Range{Known: true, Low: 100, High: 100}
	r.Decide(good, false)
	if good.Verdict.HasReason(lead.RuleError) || good.Verdict.Score != 8 || good.Verdict.Status != lead.Qualified {
		t.Errorf("good row: findings %v score %d status %s; want none, 8, qualified", good.Verdict.Findings, good.Verdict.Score, good.Verdict.Status)
	}
}

// TestRegexpIsLinear: (a+)+$ backtracks catastrophically in PCRE-style
// engines; under RE2 it finishes on a 100,000-character input.
func TestRegexpIsLinear(t *testing.T) {
	r := mustParse(t, valid+"scoring:\n  - {name: evil, when: 'message matches \"(a+)+$\"', points: 1}\n")
	l := newLead(map[lead.Field]string{lead.Message: strings.Repeat("a", 100_000) + "!"})
	r.Decide(l, false)
	if l.Verdict.Score != 0 || l.Verdict.HasReason(lead.RuleError) {
		t.Errorf("score %d findings %v; want 0 and no error", l.Verdict.Score, l.Verdict.Findings)
	}
	l = newLead(map[lead.Field]string{lead.Message: strings.Repeat("a", 100_000)})
	r.Decide(l, false)
	if l.Verdict.Score != 1 {
		t.Errorf("all a's should match: score %d", l.Verdict.Score)
	}
}

// TestCostlyConditionsRefused: a condition whose worst case on one row
// is too many operations or too much text fails `rules check`.
func TestCostlyConditionsRefused(t *testing.T) {
	for _, when := range []string{
		"len(repeat(title, 1000000000)) > 0",
		"let a = title + title; let b = a + a; let c = b + b; let d = c + c; let e = d + d; let f = e + e; let g = f + f; len(g) > 0",
		"all(1..20000, {all(1..20000, {# > 0})})",
		"len(repeat(title, engagement.opens)) > 0",
	} {
		_, err := Parse("t.yaml", []byte(valid+"scoring:\n  - {name: hungry, when: '"+when+"', points: 1}\n"))
		if err == nil || !strings.Contains(err.Error(), "allowed") {
			t.Errorf("%s: error %v, want a cost refusal", when, err)
		}
	}
	for _, when := range []string{
		"all(1..100, {# > 0})", "len(title + \" \" + company) > 3", "message matches \"demo\"", "any(reasons, {# == \"student\"})",
	} {
		if _, err := Parse("t.yaml", []byte(valid+"scoring:\n  - {name: fine, when: '"+when+"', points: 1}\n")); err != nil {
			t.Errorf("%s: %v", when, err)
		}
	}
}

// TestMemoryHungryConditions: expr's budget stops, per row, what depends
// on the lead (a range as long as a count); the row gets rule_error with
// the message.
func TestMemoryHungryConditions(t *testing.T) {
	r := mustParse(t, valid+"scoring:\n  - {name: hungry, when: 'len(1..engagement.opens) > 0', points: 1}\n")
	l := newLead(map[lead.Field]string{lead.JobTitle: "CEO", lead.EmailOpens: "1000000000"})
	r.Decide(l, false)
	if !l.Verdict.HasReason(lead.RuleError) {
		t.Errorf("findings %v, want rule_error", l.Verdict.Findings)
	}
	for _, f := range l.Verdict.Findings {
		if f.Reason == lead.RuleError && !strings.Contains(f.Detail, "hungry") {
			t.Errorf("rule_error detail %q does not name the rule", f.Detail)
		}
	}
}

func TestEnv(t *testing.T) {
	r := mustParse(t, valid+"detectors: {below_budget: {rates: {EUR: 1.5}}}\n")
	l := newLead(map[lead.Field]string{lead.Email: "info@acme.com", lead.JobTitle: "Head of IT", lead.Country: "Narnia",
		lead.EmailOpens: "1 234", lead.EmailClicks: "1,204", lead.PageViews: "3.0", lead.FormSubmissions: "n/a"}, lead.Student)
	l.Revenue = companysize.Range{Known: true, Low: 1e6, High: 2e6, Currency: "EUR"}
	l.Employees = companysize.Range{Known: true, Low: 1000, High: 1000, Open: true}
	env := r.newEnv(l, needAll)
	if env.Revenue != 3e6 || !env.RevenueKnown || env.Employees != 1000 || !env.EmployeesKnown {
		t.Errorf("revenue %v/%v employees %v/%v", env.Revenue, env.RevenueKnown, env.Employees, env.EmployeesKnown)
	}
	if env.Seniority != "director" || env.Department != "it" || !env.Email.Role || !env.Email.Valid {
		t.Errorf("seniority %q department %q role %v valid %v", env.Seniority, env.Department, env.Email.Role, env.Email.Valid)
	}
	if env.Engagement != (EngagementEnv{Opens: 1234, Clicks: 1204, PageViews: 3, Forms: 0}) {
		t.Errorf("engagement %+v", env.Engagement)
	}
	if env.Country != "NARNIA" || env.Region == "" {
		t.Errorf("country %q region %q", env.Country, env.Region)
	}
	if env.Fields["job_title"] != "Head of IT" || len(env.Reasons) != 1 || env.Reasons[0] != "student" {
		t.Errorf("fields %v reasons %v", env.Fields, env.Reasons)
	}
	if env := r.newEnv(l, needAll&^needFields); env.Fields != nil || env.Seniority != "director" {
		t.Errorf("fields %v built though no rule reads them, or seniority %q lost", env.Fields, env.Seniority)
	}
}

func BenchmarkDecide(b *testing.B) {
	r := Default()
	l := newLead(map[lead.Field]string{lead.FirstName: "Ana", lead.Email: "ana@acme.com", lead.Phone: "+14155550000",
		lead.JobTitle: "VP Marketing", lead.Message: "Could you send pricing for 50 seats?", lead.EmailClicks: "2"})
	l.Revenue = companysize.Range{Known: true, Low: 10e6, High: 50e6}
	b.ReportAllocs()
	for b.Loop() {
		l.Verdict = lead.Verdict{}
		r.Decide(l, false)
	}
}

// TestEnvPartsCoverEnv: every name of Env belongs to a part newEnv fills,
// so a field added to Env cannot be left empty for the rules that read it.
func TestEnvPartsCoverEnv(t *testing.T) {
	t.Parallel()
	for _, name := range envNames() {
		if name == "has" {
			continue
		}
		if envParts[name] == 0 {
			t.Errorf("Env name %q belongs to no part of newEnv", name)
		}
	}
}

// TestEnvFillsWhatRulesRead: a rule reading one name scores as when the
// whole environment is built.
func TestEnvFillsWhatRulesRead(t *testing.T) {
	l := newLead(map[lead.Field]string{lead.JobTitle: "VP Sales", lead.Company: "Acme", lead.Country: "DE",
		lead.Message: "pricing please", lead.EmailOpens: "3", lead.City: "Berlin"})
	for _, when := range []string{`seniority == "vp"`, `company == "Acme"`, `country == "DE" && region == "DE"`,
		`message contains "pricing"`, "message matches `(?i)\\bpricing\\b`", `engagement.opens == 3`, `city == "Berlin"`, `fields["company"] == "Acme"`,
		`title startsWith "VP"`, `department == "sales"`} {
		r := mustParse(t, valid+"scoring:\n  - {name: one, when: '"+strings.ReplaceAll(when, "'", "''")+"', points: 100}\n")
		l.Verdict = lead.Verdict{}
		r.Decide(l, false)
		if l.Verdict.Score != 100 {
			t.Errorf("%s: score %d, want 100 (needs %b)", when, l.Verdict.Score, r.needs)
		}
	}
}
