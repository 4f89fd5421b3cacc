// Package rulebook loads, checks and applies a leadclean rulebook: the
// written agreement between sales and marketing about which leads sales
// will work, kept as a YAML file in git.
//
// A rulebook is loaded strictly ([Load], [Parse]): an unknown key, a value
// of the wrong type, an unknown field or reason, or a condition that does
// not compile is an [*Error] with file:line:column and, where one helps, a
// hint ("unknown key min_revnue in detectors.below_budget" / "hint: did you
// mean min_revenue? ..."). Every problem is reported at once in an
// [*ErrorList]. Conditions are compiled and type-checked once, at load;
// [Rulebook.Decide] then only runs them.
//
// The embedded default ([Default], [DefaultYAML], the file default.yaml)
// is read by the same code as a user's file. It works on any export:
// junk is rejected, weak engagement is nurtured, every other lead
// qualifies (qualify_at: 0), and scoring only grades.
//
// # File format
//
// Every key is optional: a section the file leaves out is the embedded
// default's ([Rulebook.Origins] says which came from where, and `leadclean
// rules check` prints it). The unit is the top-level section, except
// defaults (key by key) and detectors (detector by detector); a decision
// without qualify_at takes the default's; name and description are the
// file's own. A file with only columns: is a complete rulebook. Column
// aliases given on the command line (`--map 'MOBILE 1=phone'`, see
// [ParseMapping] and [LoadMapped]) are added to the file's. Top-level
// keys:
//
//	version      always 1
//	name         free text shown in reports
//	description  free text shown in reports
//	columns      extra header spellings: canonical field name -> list of
//	             header texts (email: ["Courriel"]); names as in
//	             lead.ParseField (email, phone, company, job_title, ...)
//	defaults     region: phone region for numbers without a country
//	             (ISO 3166 alpha-2, such as US); currency: currency of
//	             budgets and of `revenue` (ISO 4217, such as USD)
//	detectors    each junk detector's switch and parameters (junk.Config):
//	  competitor         disabled, domains, names
//	  student            disabled, staff_titles, not_academic
//	  email_open_only    disabled
//	  image_view_only    disabled, max_page_views
//	  below_budget       disabled, min_revenue, currency (empty or equal to
//	                     defaults.currency), rates (currency -> value of
//	                     one unit in defaults.currency)
//	  abandoned_form     disabled, required_fields (canonical field names)
//	  bogus_phone        disabled, allow_premium_rate
//	  bogus_email        disabled, allow_domains
//	  no_contact         disabled
//	  wrong_name         disabled
//	  vendor             disabled, companies, phrases
//	  duplicate          disabled
//	  formula_injection  disabled
//	scoring      a list of rules: name (unique, shown in traces),
//	             description (optional), when (a condition), points (a
//	             whole number, negative to subtract)
//	grades       a list of {grade, min_score}: a qualified or nurtured
//	             lead gets the grade with the highest min_score its score
//	             reaches; rejected leads get none
//	decision     reject, nurture, ignore: lists of reason codes;
//	             points: reason code -> points added (usually negative);
//	             qualify_at: the score a lead needs to qualify;
//	             nurture_at (optional, below qualify_at): leads scoring
//	             from nurture_at up to qualify_at are nurtured, not
//	             rejected
//	agreement    optional: who agreed the rulebook and the targets, printed
//	             at the top of every report (see below)
//
// # The agreement
//
// The optional agreement section records the agreement the rulebook
// writes down, and reports print it so every report says which one it
// applied ([Agreement]). Keys:
//
//	version              text naming the version ("2026.1"); required
//	date                 the day it was agreed, YYYY-MM-DD; required
//	sales                who agreed for sales; required
//	marketing            who agreed for marketing; required
//	qualified_per_month  the qualified leads sales needs each month (above 0)
//	marketing_share      the share of them marketing supplies, above 0 and at
//	                     most 1 (0.6 is 60%); needs marketing_sources
//	marketing_sources    the lead sources that count as marketing's
//	sources              per lead source: qualified_per_month, and
//	                     max_cost_per_qualified (in defaults.currency, compared
//	                     with the costs file of --costs)
//
// Lead source names compare without regard to case or runs of spaces
// ([lead.SourceKey]). `leadclean audit` over a bounded period (--quarter, or
// --since and --until) sets the qualified leads per month, marketing's
// share and each source's figures against these targets. Costs in another
// currency are converted with detectors.below_budget.rates
// ([Rulebook.ConvertMoney]).
//
// Each reason may be placed once. A reason the decision does not place
// rejects: a detector found junk, and it stays out unless the rulebook
// says otherwise. The default nurtures rule_error (a condition that failed
// on a row is the rulebook's fault, not the lead's).
//
// # Deciding
//
// [Rulebook.Decide] runs every scoring rule and adds the points of those
// whose condition holds, then applies each finding's action. A reject
// reason rejects, else a nurture reason nurtures, else the score decides:
// qualify_at and above qualifies, nurture_at and above nurtures, and
// anything lower is rejected.
//
// # Conditions
//
// Conditions are github.com/expr-lang/expr expressions that must give
// true or false. They see these names (see [Env]):
//
//	email.address    normalised address ("" when not an address)
//	email.domain     the address's domain, lower case
//	email.valid      an address that is present and not bogus
//	email.missing    the email cell is empty
//	email.free       a free-mail provider (gmail.com, ...)
//	email.role       a role mailbox (info@, sales@, ...)
//	email.academic   a school or university domain
//	phone.valid      a valid, not bogus number
//	phone.missing    the phone cell is empty
//	phone.type       mobile, fixed_line, fixed_line_or_mobile, toll_free,
//	                 premium_rate, shared_cost, voip, personal_number,
//	                 pager, uan, voicemail, unknown, or ""
//	phone.region     the number's region (ISO 3166 alpha-2)
//	revenue          annual revenue in defaults.currency: the upper bound of
//	                 a range ("10M-50M" is 50000000), the stated bound of
//	                 "Over $5B"; converted with below_budget.rates; 0 when
//	                 unknown
//	revenue_known    false for blank, "Unknown", unparseable revenue, or a
//	                 currency without a rate
//	employees        head count, the upper bound of a range; 0 when unknown
//	employees_known  whether the head count is known
//	title            the job title as written
//	seniority        from the title: c_level, vp, director, manager,
//	                 individual, or "" without a title (see [Seniority])
//	department       from the title: sales, marketing, it, finance,
//	                 procurement, hr, operations, engineering, or ""
//	country          the country cell as an ISO code when recognised, else
//	                 its text upper-cased
//	region           country when it is a code, else phone.region, else
//	                 defaults.region
//	company website source message city state form_status lead_status
//	                 the row's values for those fields ("" when absent)
//	engagement.opens engagement.clicks engagement.page_views
//	engagement.forms counts from the engagement columns, read as the
//	                 detectors read them (lead.ParseCount: "1 234" is 1234);
//	                 0 when absent, blank or not a count ("n/a")
//	fields           canonical field name -> value, for every field the
//	                 input has a column for: fields["postal_code"]
//	reasons          the reason codes detectors found: "student" in reasons
//	has(code)        the same as code in reasons: has("email_open_only")
//
// A reason code written literally in `has(...)` or `... in reasons` must
// exist. Regular expressions (`matches`) use Go's RE2 engine, which runs
// in linear time: a pattern such as (a+)+$ cannot backtrack
// catastrophically. A condition that fails on a row at run time (an
// integer division by zero, say) gives that row the reason rule_error
// naming the rule; the other rules and rows go on.
//
// # Limits
//
// A rulebook is at most [MaxSize] bytes; whole numbers lie within ±1e9;
// aliases may expand the document to at most 100,000 values (a "billion
// laughs" YAML bomb fails at once, pointing at the alias); flow
// collections nest at most 64 deep; a condition has at most 2,000 nodes.
package rulebook
