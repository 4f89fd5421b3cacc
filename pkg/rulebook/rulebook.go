package rulebook

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/expr-lang/expr/vm"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"

	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/junk"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/memo"
)

//go:embed default.yaml
var defaultYAML []byte

// Limits that keep a hostile rulebook from costing time or memory.
const (
	// MaxSize is the largest rulebook file read, in bytes.
	MaxSize = 1 << 20
	// maxFlowDepth bounds nesting of [ ] and { } collections.
	maxFlowDepth = 64
	// maxExpandedNodes bounds the values a document holds once every alias
	// is expanded (a "billion laughs" YAML bomb expands exponentially).
	maxExpandedNodes = 100_000
	// maxRules bounds the scoring rules and grades.
	maxRules = 1000
)

// The actions a decision can take for a reason; see [Rulebook.ActionFor].
const (
	ActionReject  = "reject"
	ActionNurture = "nurture"
	ActionPoints  = "points"
	ActionIgnore  = "ignore"
)

// Rulebook is a loaded, validated and compiled rulebook. It is immutable
// after loading and safe for concurrent use by many goroutines.
type Rulebook struct {
	// Source is the file name, or "(default)" for the embedded rulebook.
	Source      string
	Name        string
	Description string
	// Region is the default phone region (ISO 3166 alpha-2).
	Region string
	// Currency is the currency of budgets and of `revenue` (ISO 4217).
	Currency string
	// Aliases are extra header spellings per canonical field.
	Aliases map[lead.Field][]string
	// Detectors holds the detectors' switches and parameters, with
	// below_budget's currency filled in from Currency.
	Detectors junk.Config
	// Agreement is the agreement section: who agreed the rulebook, when,
	// and the targets they agreed; nil when the rulebook has none.
	Agreement *Agreement

	rules     []rule
	actions   map[lead.Reason]action
	qualifyAt int
	nurtureAt int
	hasNurAt  bool
	grades    []grade // highest min score first
	rates     map[string]float64
	needs     envNeeds
	// machines keeps expr VMs, with their grown stacks, between leads:
	// a VM per Decide cost an allocation and stack growth per lead.
	machines sync.Pool
	// titles memoises titleSignals: job titles repeat through a list.
	titles *memo.Memo[[2]string]
	// origins says which sections came from the file, which from the
	// embedded default (see inherit.go).
	origins []Origin
}

type rule struct {
	name        string
	description string
	when        string
	points      int
	program     *vm.Program
}

type action struct {
	kind   string
	points int
}

type grade struct {
	name     string
	minScore int
}

// raw* mirror the YAML; they are checked by schema, decoded by goccy,
// then validated and compiled into a Rulebook.
type rawRulebook struct {
	Version     *int                `yaml:"version"`
	Name        string              `yaml:"name"`
	Description string              `yaml:"description"`
	Columns     map[string][]string `yaml:"columns"`
	Defaults    rawDefaults         `yaml:"defaults"`
	Detectors   junk.Config         `yaml:"detectors"`
	Scoring     []rawRule           `yaml:"scoring"`
	Grades      []rawGrade          `yaml:"grades"`
	Decision    rawDecision         `yaml:"decision"`
	Agreement   *rawAgreement       `yaml:"agreement"`
}

type rawDefaults struct {
	Region   string `yaml:"region"`
	Currency string `yaml:"currency"`
}

type rawRule struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	When        string `yaml:"when"`
	Points      *int   `yaml:"points"`
}

type rawGrade struct {
	Grade    string `yaml:"grade"`
	MinScore *int   `yaml:"min_score"`
}

type rawDecision struct {
	Reject    []string       `yaml:"reject"`
	Nurture   []string       `yaml:"nurture"`
	Ignore    []string       `yaml:"ignore"`
	Points    map[string]int `yaml:"points"`
	QualifyAt *int           `yaml:"qualify_at"`
	NurtureAt *int           `yaml:"nurture_at"`
}

// defaultName is the embedded default's Source.
const defaultName = "(default)"

// Default returns the embedded default rulebook, loaded through Parse like
// any user's file. It works on any export: junk is rejected, weak
// engagement nurtured, and every other lead qualifies; scoring only grades.
// The result is shared: callers must not modify it.
func Default() *Rulebook {
	return loadDefault()
}

// loadDefault parses the embedded default once.
var loadDefault = sync.OnceValue(func() *Rulebook {
	r, err := Parse(defaultName, defaultYAML)
	if err != nil {
		// The embedded file is tested (TestDefaultLoads); reaching this
		// is a build defect, not bad input.
		panic("rulebook: embedded default.yaml is invalid: " + err.Error())
	}
	return r
})

// DefaultYAML returns a copy of the embedded default rulebook, comments
// included, for `leadclean rules init`.
func DefaultYAML() []byte {
	return append([]byte(nil), defaultYAML...)
}

// Load reads and parses the rulebook at path. A file larger than MaxSize
// is refused. Problems in the file come back as *ErrorList; a file that
// cannot be read comes back as the *os.PathError.
func Load(path string) (*Rulebook, error) {
	src, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, src)
}

// readFile reads the rulebook file at path, at most MaxSize+1 bytes (so
// that parse can refuse a larger one). Load and LoadMapped read through
// it.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading rulebook: %w", err)
	}
	return src, nil
}

// Parse parses, validates and compiles a rulebook. name is used in error
// positions. Every problem found is returned at once as *ErrorList.
func Parse(name string, src []byte) (*Rulebook, error) {
	return parse(name, src, nil)
}

// parse is Parse with the `--map` aliases extra (see LoadMapped).
func parse(name string, src []byte, extra map[lead.Field][]string) (*Rulebook, error) {
	var errs ErrorList
	if len(src) > MaxSize {
		errs.add(name, 0, 0, fmt.Sprintf("rulebook is larger than %d bytes", MaxSize), "a rulebook is a short text file; is this the right file?")
		return nil, errs.err()
	}
	body, sch := parseTree(name, src, &errs)
	if body == nil || len(errs) > 0 {
		return nil, errs.err()
	}
	var raw rawRulebook
	if err := decodeStrict(src, &raw); err != nil {
		// schema should have caught everything; report goccy's finding.
		errs = append(errs, yamlError(name, sch, err))
		return nil, errs.err()
	}
	origins := inherit(name, src, &raw)
	r := &Rulebook{Source: name, titles: memo.New[[2]string](titleMemoSize), origins: origins}
	c := &compiler{file: name, sch: sch, errs: &errs, r: r}
	c.build(&raw)
	c.addMapped(extra)
	if len(errs) == 0 {
		c.detectorErrors()
	}
	if len(errs) > 0 {
		return nil, errs.err()
	}
	return r, nil
}

// decodeStrict decodes src into raw with goccy/go-yaml's strict mode,
// turning a panic inside the decoder into an error: a rulebook is user
// input, and no input may crash leadclean.
func decodeStrict(src []byte, raw *rawRulebook) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the YAML decoder failed on this file (%v)", p)
		}
	}()
	return yaml.UnmarshalWithOptions(src, raw, yaml.Strict())
}

// parseTree tokenizes and parses src, checks it for bombs and checks its
// shape against rawRulebook. It returns the document body, or nil with
// errs filled.
func parseTree(name string, src []byte, errs *ErrorList) (ast.Node, *schema) {
	sch := newSchema(name, src, errs)
	if strings.TrimSpace(string(src)) == "" {
		errs.add(name, 1, 1, "rulebook is empty", "start from the default: leadclean rules init > rulebook.yaml")
		return nil, sch
	}
	if line, col, msg := checkNesting(src); line > 0 {
		errs.add(name, line, col, msg, "")
		return nil, sch
	}
	tokens := lexer.Tokenize(string(src))
	depth := 0
	for _, tk := range tokens {
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			depth++
			if depth > maxFlowDepth {
				sch.errorAt(tk, fmt.Sprintf("collections are nested more than %d deep", maxFlowDepth), "")
				return nil, sch
			}
		case token.SequenceEndType, token.MappingEndType:
			depth--
		case token.InvalidType:
			sch.errorAt(tk, "invalid YAML: "+strings.TrimSpace(tk.Error), "")
			return nil, sch
		case token.TagType:
			// A rulebook has no use for YAML tags, and goccy/go-yaml's
			// decoder panics on some (a custom tag on an empty list).
			sch.errorAt(tk, fmt.Sprintf("YAML tag %s is not used in a rulebook", tk.Value), "remove the tag; write the value plainly")
			return nil, sch
		}
	}
	file, err := parser.Parse(tokens, 0)
	if err != nil {
		*errs = append(*errs, yamlError(name, sch, err))
		return nil, sch
	}
	var docs []*ast.DocumentNode
	for _, d := range file.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		errs.add(name, 1, 1, "rulebook is empty", "start from the default: leadclean rules init > rulebook.yaml")
		return nil, sch
	}
	if len(docs) > 1 {
		sch.errorAt(docs[1].Body.GetToken(), "a rulebook is one YAML document; found a second one", "remove the --- separator and everything after it, or merge the documents")
		return nil, sch
	}
	body := docs[0].Body
	if !checkExpansion(body, sch) {
		return nil, sch
	}
	sch.walk(body, reflect.TypeOf(rawRulebook{}), "")
	return body, sch
}

// yamlError converts an error from goccy's parser or decoder.
func yamlError(name string, sch *schema, err error) *Error {
	var positioned interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if errors.As(err, &positioned) {
		line, col := sch.position(positioned.GetToken())
		return &Error{File: name, Line: line, Column: col, Msg: "invalid YAML: " + positioned.GetMessage()}
	}
	return &Error{File: name, Msg: "invalid YAML: " + err.Error()}
}

// checkExpansion counts the values the document holds with every alias
// expanded and refuses more than maxExpandedNodes, pointing at the alias
// that crosses the limit. Anchors precede their aliases in YAML, so one
// pass in document order with sizes memoised per anchor suffices.
func checkExpansion(body ast.Node, sch *schema) bool {
	sizes := map[string]int{}
	total := 0
	var size func(n ast.Node) (int, bool)
	size = func(n ast.Node) (int, bool) {
		switch v := n.(type) {
		case nil:
			return 0, true
		case *ast.AliasNode:
			s := sizes[v.Value.GetToken().Value]
			total += s
			if total > maxExpandedNodes {
				sch.errorAt(v.GetToken(), fmt.Sprintf("aliases expand to more than %d values (a YAML bomb?)", maxExpandedNodes),
					"a rulebook needs no nested aliases; write the lists out")
				return 0, false
			}
			return s, true
		case *ast.AnchorNode:
			s, ok := size(v.Value)
			sizes[v.Name.GetToken().Value] = s
			return s, ok
		case *ast.TagNode:
			return size(v.Value)
		case *ast.MappingNode:
			sum := 1
			for _, mv := range v.Values {
				s, ok := size(mv)
				if !ok {
					return 0, false
				}
				sum = min(sum+s, maxExpandedNodes+1)
			}
			return sum, true
		case *ast.MappingValueNode:
			k, ok := size(v.Key)
			if !ok {
				return 0, false
			}
			s, ok := size(v.Value)
			return min(1+k+s, maxExpandedNodes+1), ok
		case *ast.SequenceNode:
			sum := 1
			for _, item := range v.Values {
				s, ok := size(item)
				if !ok {
					return 0, false
				}
				sum = min(sum+s, maxExpandedNodes+1)
			}
			return sum, true
		}
		return 1, true
	}
	_, ok := size(body)
	return ok
}

// compiler turns a decoded rawRulebook into a Rulebook, collecting errors.
type compiler struct {
	file string
	sch  *schema
	errs *ErrorList
	r    *Rulebook
}

// at records a problem at the value found at path (or at its key, or at
// the start of the file when the path is absent).
func (c *compiler) at(path, msg, hint string) {
	if n, ok := c.sch.values[path]; ok && n != nil {
		c.sch.errorAt(nodeToken(n), msg, hint)
		return
	}
	c.atKey(path, msg, hint)
}

// atKey records a problem at path's key.
func (c *compiler) atKey(path, msg, hint string) {
	if tk, ok := c.sch.keys[path]; ok {
		c.sch.errorAt(tk, msg, hint)
		return
	}
	// Missing: point at the parent's key, else at the top of the file.
	if i := strings.LastIndexAny(path, ".["); i > 0 {
		if tk, ok := c.sch.keys[path[:i]]; ok {
			c.sch.errorAt(tk, msg, hint)
			return
		}
	}
	c.errs.add(c.file, 1, 1, msg, hint)
}

func (c *compiler) build(raw *rawRulebook) {
	r := c.r
	switch {
	case raw.Version == nil:
		c.errs.add(c.file, 1, 1, "version is missing", "add `version: 1` at the top of the file")
	case *raw.Version != 1:
		c.at("version", fmt.Sprintf("unsupported version %d", *raw.Version), "this leadclean reads version 1")
	}
	r.Name, r.Description = raw.Name, raw.Description
	c.defaults(raw.Defaults)
	c.columns(raw.Columns)
	c.detectors(raw.Detectors)
	c.scoring(raw.Scoring)
	c.gradeList(raw.Grades)
	c.decision(raw.Decision)
	c.agreement(raw.Agreement)
}

func (c *compiler) defaults(d rawDefaults) {
	c.r.Region = strings.ToUpper(strings.TrimSpace(d.Region))
	if c.r.Region == "" {
		c.atKey("defaults.region", "defaults.region is missing", "name the phone region of numbers without a country, such as US, GB or DE")
	} else if !ValidRegion(c.r.Region) {
		c.at("defaults.region", fmt.Sprintf("defaults.region: %q is not an ISO 3166 country code", d.Region), "use two letters, such as US, GB or DE")
	}
	c.r.Currency = strings.ToUpper(strings.TrimSpace(d.Currency))
	if c.r.Currency == "" {
		c.atKey("defaults.currency", "defaults.currency is missing", "name the currency of budgets, such as USD or EUR")
	} else if !validCurrency(c.r.Currency) {
		c.at("defaults.currency", fmt.Sprintf("defaults.currency: %q is not an ISO 4217 currency code", d.Currency), "use three letters, such as USD, EUR or GBP")
	}
}

// ValidRegion reports whether code (upper case) is a two-letter ISO 3166
// country code: the rule for defaults.region and for --region.
func ValidRegion(code string) bool {
	reg, err := language.ParseRegion(code)
	return err == nil && reg.IsCountry() && len(code) == 2
}

func validCurrency(code string) bool {
	if len(code) != 3 {
		return false
	}
	_, err := currency.ParseISO(code)
	return err == nil
}

// fieldNames lists the canonical field names for hints.
func fieldNames() []string {
	fs := lead.Fields()
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.String()
	}
	return names
}

func (c *compiler) columns(cols map[string][]string) {
	c.r.Aliases = map[lead.Field][]string{}
	keys := make([]string, 0, len(cols))
	for k := range cols {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		path := "columns." + k
		f, ok := lead.ParseField(k)
		if !ok {
			c.atKey(path, fmt.Sprintf("columns: unknown field %s", k), hintFor(k, "fields", fieldNames()))
			continue
		}
		for i, alias := range cols[k] {
			alias = strings.TrimSpace(alias)
			if alias == "" {
				c.at(fmt.Sprintf("%s[%d]", path, i), fmt.Sprintf("%s: empty column name", path), "")
				continue
			}
			// header.CheckAliases is the one judge of aliases (two fields
			// claiming one spelling, an alias with no letters): asked with
			// this alias added to the ones already accepted, any problem
			// it finds is this alias's, and is reported at its position.
			trial := maps.Clone(c.r.Aliases)
			trial[f] = append(slices.Clone(trial[f]), alias)
			if err := header.CheckAliases(trial); err != nil {
				c.at(fmt.Sprintf("%s[%d]", path, i), "columns: "+strings.TrimPrefix(err.Error(), "header: "), "")
				continue
			}
			c.r.Aliases[f] = trial[f]
		}
	}
}

func (c *compiler) detectors(d junk.Config) {
	for i, dom := range d.Competitor.Domains {
		d.Competitor.Domains[i] = strings.ToLower(strings.TrimSpace(dom))
		c.checkDomain(fmt.Sprintf("detectors.competitor.domains[%d]", i), d.Competitor.Domains[i])
	}
	for i, dom := range d.Student.NotAcademic {
		d.Student.NotAcademic[i] = strings.ToLower(strings.TrimSpace(dom))
		c.checkDomain(fmt.Sprintf("detectors.student.not_academic[%d]", i), d.Student.NotAcademic[i])
	}
	for i, dom := range d.BogusEmail.AllowDomains {
		d.BogusEmail.AllowDomains[i] = strings.ToLower(strings.TrimSpace(dom))
		c.checkDomain(fmt.Sprintf("detectors.bogus_email.allow_domains[%d]", i), d.BogusEmail.AllowDomains[i])
	}
	c.nonEmpty("detectors.competitor.names", d.Competitor.Names)
	c.nonEmpty("detectors.student.staff_titles", d.Student.StaffTitles)
	c.nonEmpty("detectors.vendor.companies", d.Vendor.Companies)
	c.nonEmpty("detectors.vendor.phrases", d.Vendor.Phrases)
	if d.ImageViewOnly.MaxPageViews < 0 {
		c.at("detectors.image_view_only.max_page_views", "detectors.image_view_only.max_page_views must not be negative", "")
	}
	for i, name := range d.AbandonedForm.RequiredFields {
		if _, ok := lead.ParseField(name); !ok {
			c.at(fmt.Sprintf("detectors.abandoned_form.required_fields[%d]", i),
				fmt.Sprintf("detectors.abandoned_form.required_fields: unknown field %q", name), hintFor(name, "fields", fieldNames()))
		}
	}
	b := &d.BelowBudget
	if b.MinRevenue < 0 {
		c.at("detectors.below_budget.min_revenue", "detectors.below_budget.min_revenue must not be negative", "")
	}
	b.Currency = strings.ToUpper(strings.TrimSpace(b.Currency))
	switch {
	case b.Currency == "":
		b.Currency = c.r.Currency
	case !validCurrency(b.Currency):
		c.at("detectors.below_budget.currency", fmt.Sprintf("detectors.below_budget.currency: %q is not an ISO 4217 currency code", b.Currency), "use three letters, such as USD, EUR or GBP")
	case b.Currency != c.r.Currency:
		c.at("detectors.below_budget.currency", fmt.Sprintf("detectors.below_budget.currency %s differs from defaults.currency %s", b.Currency, c.r.Currency),
			"leave it out: budgets are in defaults.currency")
	}
	c.r.rates = map[string]float64{}
	for code, rate := range b.Rates {
		path := "detectors.below_budget.rates." + code
		up := strings.ToUpper(strings.TrimSpace(code))
		if !validCurrency(up) {
			c.atKey(path, fmt.Sprintf("detectors.below_budget.rates: %q is not an ISO 4217 currency code", code), "use three letters, such as EUR or GBP")
			continue
		}
		if !(rate > 0) {
			c.at(path, fmt.Sprintf("detectors.below_budget.rates.%s must be a positive number", code), "1 "+up+" is worth this many "+c.r.Currency)
			continue
		}
		c.r.rates[up] = rate
	}
	c.r.Detectors = d
}

// detectorErrors builds the detectors once, as the pipeline will, so a
// parameter the detectors refuse is reported by `rules check` too. junk's
// errors carry no position: they are reported at the detectors key.
func (c *compiler) detectorErrors() {
	_, err := junk.New(c.r.Detectors, c.r.Currency)
	if err == nil {
		return
	}
	list := []error{err}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		list = joined.Unwrap()
	}
	for _, e := range list {
		c.atKey("detectors", "detectors: "+e.Error(), "")
	}
}

func (c *compiler) checkDomain(path, dom string) {
	if dom == "" || strings.ContainsAny(dom, " /@:") || !strings.Contains(dom, ".") {
		c.at(path, fmt.Sprintf("%s: %q is not a domain", path[:strings.LastIndexByte(path, '[')], dom), "write the domain alone, such as rivalsoft.com")
	}
}

func (c *compiler) nonEmpty(path string, list []string) {
	for i, s := range list {
		if strings.TrimSpace(s) == "" {
			c.at(fmt.Sprintf("%s[%d]", path, i), path+": empty entry", "")
		}
	}
}

func (c *compiler) scoring(raw []rawRule) {
	if len(raw) > maxRules {
		c.at("scoring", fmt.Sprintf("scoring: more than %d rules", maxRules), "")
		return
	}
	seen := map[string]bool{}
	for i, rr := range raw {
		path := fmt.Sprintf("scoring[%d]", i)
		name := strings.TrimSpace(rr.Name)
		ok := true
		switch {
		case name == "":
			c.at(path, fmt.Sprintf("scoring rule %d has no name", i+1), "add `name:`, a short label shown in traces such as budget_enterprise")
			ok = false
		case seen[name]:
			c.at(path+".name", fmt.Sprintf("scoring rule %q is defined twice", name), "give each rule its own name")
			ok = false
		}
		seen[name] = true
		label := fmt.Sprintf("scoring rule %q", name)
		if name == "" {
			label = fmt.Sprintf("scoring rule %d", i+1)
		}
		if rr.Points == nil {
			c.at(path, label+" has no points", "add `points:`, such as 10 (or -10 to subtract)")
			ok = false
		}
		if strings.TrimSpace(rr.When) == "" {
			c.at(path, label+" has no condition", "add `when:`, such as revenue >= 10000000")
			continue
		}
		program, needs, compiled := c.compileWhen(path+".when", label, rr.When)
		if !compiled || !ok {
			continue
		}
		c.r.needs |= needs
		c.r.rules = append(c.r.rules, rule{name: name, description: rr.Description, when: rr.When, points: *rr.Points, program: program})
	}
}

func (c *compiler) gradeList(raw []rawGrade) {
	if len(raw) > maxRules {
		c.at("grades", fmt.Sprintf("grades: more than %d grades", maxRules), "")
		return
	}
	names := map[string]bool{}
	mins := map[int]string{}
	for i, g := range raw {
		path := fmt.Sprintf("grades[%d]", i)
		name := strings.TrimSpace(g.Grade)
		if name == "" {
			c.at(path, fmt.Sprintf("grade %d has no name", i+1), "add `grade:`, such as A")
			continue
		}
		if names[name] {
			c.at(path+".grade", fmt.Sprintf("grade %s is defined twice", name), "")
			continue
		}
		names[name] = true
		if g.MinScore == nil {
			c.at(path, fmt.Sprintf("grade %s has no min_score", name), "add `min_score:`, the lowest score that earns this grade")
			continue
		}
		if other, dup := mins[*g.MinScore]; dup {
			c.at(path+".min_score", fmt.Sprintf("grades %s and %s have the same min_score %d", other, name, *g.MinScore), "")
			continue
		}
		mins[*g.MinScore] = name
		c.r.grades = append(c.r.grades, grade{name: name, minScore: *g.MinScore})
	}
	sort.Slice(c.r.grades, func(i, j int) bool { return c.r.grades[i].minScore > c.r.grades[j].minScore })
}

// neverFound refuses a reason the decision nurtures or scores although its
// detector, switched on, has nothing to look for (below_budget with a
// min_revenue of 0, competitor with no domains or names): the decision
// would never apply, and a nurture.csv meant for those leads would always
// be empty. Rejecting such a reason stays allowed (the default rulebook
// rejects below_budget with no minimum set), and so does any action on a
// detector the rulebook disables outright: that is said in so many words.
func (c *compiler) neverFound(path string, reason lead.Reason, kind string) {
	if kind != ActionNurture && kind != ActionPoints {
		return
	}
	s, why := junk.StateOf(c.r.Detectors, reason)
	if s != junk.Unconfigured {
		return
	}
	list := "decision." + kind
	if kind == ActionPoints {
		list = "decision.points"
	}
	msg := fmt.Sprintf("%s: %s can never be found: %s", list, reason, why)
	hint := fmt.Sprintf("configure detectors.%s, or take %s out of %s", reason, reason, list)
	if kind == ActionPoints {
		c.atKey(path, msg, hint)
		return
	}
	c.at(path, msg, hint)
}

// reasonNames lists the reason codes a decision can place, for hints.
func reasonNames() []string {
	var names []string
	for _, r := range lead.Reasons() {
		if placeable(r) {
			names = append(names, string(r))
		}
	}
	return names
}

// placeable reports whether the decision section may give reason r an
// action: every reason but low_score, which is the decision's own outcome.
func placeable(r lead.Reason) bool { return r != lead.LowScore }

func validReason(s string) bool {
	for _, r := range lead.Reasons() {
		if string(r) == s && placeable(r) {
			return true
		}
	}
	return false
}

func (c *compiler) decision(d rawDecision) {
	r := c.r
	r.actions = map[lead.Reason]action{}
	placed := map[string]string{}
	place := func(path, reason string, a action) {
		if !validReason(reason) {
			c.at(path, fmt.Sprintf("%s: unknown reason %s", path[:strings.LastIndexAny(path, ".[")], reason), hintFor(reason, "reasons", reasonNames()))
			return
		}
		if prev, dup := placed[reason]; dup {
			c.at(path, fmt.Sprintf("reason %s is listed under both decision.%s and decision.%s", reason, prev, a.kind), "give each reason one action")
			return
		}
		placed[reason] = a.kind
		r.actions[lead.Reason(reason)] = a
		c.neverFound(path, lead.Reason(reason), a.kind)
	}
	for i, s := range d.Reject {
		place(fmt.Sprintf("decision.reject[%d]", i), strings.TrimSpace(s), action{kind: ActionReject})
	}
	for i, s := range d.Nurture {
		place(fmt.Sprintf("decision.nurture[%d]", i), strings.TrimSpace(s), action{kind: ActionNurture})
	}
	for i, s := range d.Ignore {
		place(fmt.Sprintf("decision.ignore[%d]", i), strings.TrimSpace(s), action{kind: ActionIgnore})
	}
	keys := make([]string, 0, len(d.Points))
	for k := range d.Points {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		path := "decision.points." + k
		if !validReason(k) {
			c.atKey(path, fmt.Sprintf("decision.points: unknown reason %s", k), hintFor(k, "reasons", reasonNames()))
			continue
		}
		place(path, k, action{kind: ActionPoints, points: d.Points[k]})
	}
	if d.QualifyAt == nil {
		c.atKey("decision.qualify_at", "decision.qualify_at is missing", "add `qualify_at: 0` to qualify every lead no reason rejects, or the score sales needs")
	} else {
		r.qualifyAt = *d.QualifyAt
	}
	if d.NurtureAt != nil {
		r.hasNurAt, r.nurtureAt = true, *d.NurtureAt
		if d.QualifyAt != nil && *d.NurtureAt >= *d.QualifyAt {
			c.at("decision.nurture_at", fmt.Sprintf("decision.nurture_at (%d) must be below qualify_at (%d)", *d.NurtureAt, *d.QualifyAt),
				"leads scoring from nurture_at up to qualify_at go to nurture")
		}
	}
}
