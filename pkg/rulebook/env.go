package rulebook

import (
	"math"
	"strings"

	"github.com/leadclean/leadclean/pkg/companysize"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/phone"
)

// Env is what a scoring rule's `when:` expression sees: one lead's fields
// and signals, typed so that expressions are checked once, at load. The
// expr tags are the names rules use; the package documentation lists them.
type Env struct {
	Email      EmailEnv      `expr:"email"`
	Phone      PhoneEnv      `expr:"phone"`
	Engagement EngagementEnv `expr:"engagement"`

	// Revenue is the annual revenue in the rulebook's currency: the upper
	// bound of a range ("10M-50M" is 50000000), the stated bound of an open
	// range ("Over $5B"); 0 with RevenueKnown false when blank,
	// unparseable or in a currency without a rate.
	Revenue      float64 `expr:"revenue"`
	RevenueKnown bool    `expr:"revenue_known"`
	// Employees is the head count, the upper bound of a range.
	Employees      float64 `expr:"employees"`
	EmployeesKnown bool    `expr:"employees_known"`

	Title      string `expr:"title"`
	Seniority  string `expr:"seniority"`
	Department string `expr:"department"`
	// Country is the ISO 3166 alpha-2 code of the country cell when it is
	// recognised, else the cell's text upper-cased; "" without a cell.
	Country string `expr:"country"`
	// Region is the region phones are judged in: Country when it is a
	// code, else the phone's region, else the rulebook's default region.
	Region     string `expr:"region"`
	Company    string `expr:"company"`
	Website    string `expr:"website"`
	Source     string `expr:"source"`
	Message    string `expr:"message"`
	City       string `expr:"city"`
	State      string `expr:"state"`
	FormStatus string `expr:"form_status"`
	LeadStatus string `expr:"lead_status"`

	// Fields maps each canonical field name the input has a column for to
	// the row's trimmed value (fields["postal_code"]).
	Fields map[string]string `expr:"fields"`
	// Reasons are the reason codes detectors found on the lead.
	Reasons []string `expr:"reasons"`
}

// EmailEnv is the `email.*` namespace.
type EmailEnv struct {
	Address  string `expr:"address"`
	Domain   string `expr:"domain"`
	Valid    bool   `expr:"valid"`
	Missing  bool   `expr:"missing"`
	Free     bool   `expr:"free"`
	Role     bool   `expr:"role"`
	Academic bool   `expr:"academic"`
}

// PhoneEnv is the `phone.*` namespace.
type PhoneEnv struct {
	Type    string `expr:"type"`
	Valid   bool   `expr:"valid"`
	Missing bool   `expr:"missing"`
	Region  string `expr:"region"`
}

// EngagementEnv is the `engagement.*` namespace, from the lead's parsed
// counters (lead.ParseCount): "1 234" is 1234; counts are 0 when the column
// is absent, blank or not a count ("n/a").
type EngagementEnv struct {
	Opens     int `expr:"opens"`
	Clicks    int `expr:"clicks"`
	PageViews int `expr:"page_views"`
	Forms     int `expr:"forms"`
}

// envNeeds says which parts of Env the rules read, one bit per part:
// newEnv fills only those (a part costs cell lookups and parsing, and most
// rulebooks read a handful of names).
type envNeeds uint32

const (
	needEmail envNeeds = 1 << iota
	needPhone
	needEngagement
	needRevenue
	needEmployees
	needTitle
	needTitleSignals // seniority, department
	needCountry      // country, region
	needCompany
	needWebsite
	needSource
	needMessage
	needCity
	needState
	needFormStatus
	needLeadStatus
	needFields
	needReasons

	needAll = 1<<iota - 1
)

// envParts maps each top-level name of Env to the part that fills it.
var envParts = map[string]envNeeds{
	"email": needEmail, "phone": needPhone, "engagement": needEngagement,
	"revenue": needRevenue, "revenue_known": needRevenue,
	"employees": needEmployees, "employees_known": needEmployees,
	"title": needTitle, "seniority": needTitleSignals, "department": needTitleSignals,
	"country": needCountry, "region": needCountry,
	"company": needCompany, "website": needWebsite, "source": needSource, "message": needMessage,
	"city": needCity, "state": needState, "form_status": needFormStatus, "lead_status": needLeadStatus,
	"fields": needFields, "reasons": needReasons,
}

// newEnv builds the expression environment for one lead.
func (r *Rulebook) newEnv(l *lead.Lead, needs envNeeds) *Env {
	env := &Env{}
	if needs&needEmail != 0 {
		env.Email = EmailEnv{
			Address:  l.Email.Normalized,
			Domain:   l.Email.Domain,
			Valid:    !l.Email.Missing && !l.Email.Bogus && l.Email.Normalized != "",
			Missing:  l.Email.Missing,
			Free:     l.Email.Free,
			Role:     l.Email.Role,
			Academic: l.Email.Academic,
		}
	}
	if needs&needPhone != 0 {
		env.Phone = PhoneEnv{
			Type:    l.Phone.Type,
			Valid:   l.Phone.Valid && !l.Phone.Bogus,
			Missing: l.Phone.Missing,
			Region:  l.Phone.Region,
		}
	}
	if needs&needEngagement != 0 {
		e := &l.Engagement
		env.Engagement = EngagementEnv{
			Opens:     e.Opens.Int(),
			Clicks:    e.Clicks.Int(),
			PageViews: e.PageViews.Int(),
			Forms:     e.Forms.Int(),
		}
	}
	if needs&needTitle != 0 {
		env.Title = l.Get(lead.JobTitle)
	}
	if needs&needTitleSignals != 0 {
		env.Seniority, env.Department = r.titleSignals(l.Get(lead.JobTitle))
	}
	for _, s := range [...]struct {
		need  envNeeds
		field lead.Field
		to    *string
	}{
		{needCompany, lead.Company, &env.Company},
		{needWebsite, lead.Website, &env.Website},
		{needSource, lead.Source, &env.Source},
		{needMessage, lead.Message, &env.Message},
		{needCity, lead.City, &env.City},
		{needState, lead.State, &env.State},
		{needFormStatus, lead.FormStatus, &env.FormStatus},
		{needLeadStatus, lead.LeadStatus, &env.LeadStatus},
	} {
		if needs&s.need != 0 {
			*s.to = l.Get(s.field)
		}
	}
	if needs&needRevenue != 0 {
		env.Revenue, env.RevenueKnown = r.inCurrency(l.Revenue)
	}
	if needs&needEmployees != 0 && l.Employees.Known {
		env.Employees, env.EmployeesKnown = l.Employees.High, true
	}
	if needs&needCountry != 0 {
		countryCell := l.Get(lead.Country)
		code, isCode := phone.Region(countryCell)
		switch {
		case isCode:
			env.Country, env.Region = code, code
		default:
			env.Country = strings.ToUpper(countryCell)
			env.Region = l.Phone.Region
			if env.Region == "" {
				env.Region = r.Region
			}
		}
	}
	if needs&needReasons != 0 && len(l.Verdict.Findings) > 0 {
		env.Reasons = make([]string, len(l.Verdict.Findings))
		for i, f := range l.Verdict.Findings {
			env.Reasons[i] = string(f.Reason)
		}
	}
	if needs&needFields != 0 && l.Columns != nil {
		env.Fields = make(map[string]string)
		for _, f := range lead.Fields() {
			if l.Has(f) {
				env.Fields[f.String()] = l.Get(f)
			}
		}
	}
	return env
}

// titleMemoSize bounds the memo of title signals (about 80 bytes a title).
const titleMemoSize = 8192

// titleSignals is titleSignals, memoised per title.
func (r *Rulebook) titleSignals(title string) (seniority, department string) {
	v := r.titles.Do(title, func() [2]string {
		seniority, department := titleSignals(title)
		return [2]string{seniority, department}
	})
	return v[0], v[1]
}

// inCurrency converts a revenue to the rulebook's currency: the upper
// bound, converted with the below_budget rates when the value states
// another currency. An amount in a currency without a rate is unknown.
func (r *Rulebook) inCurrency(rev companysize.Range) (float64, bool) {
	conv, ok := rev.In(r.Currency, r.rates)
	if !ok || math.IsNaN(conv.High) || math.IsInf(conv.High, 0) {
		return 0, false
	}
	return conv.High, true
}
