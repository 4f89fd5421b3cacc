package rulebook

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/lead"
)

// A rulebook may leave out any section: what it leaves out comes from the
// embedded default. The unit is the top-level section (version, columns,
// scoring, grades, decision, agreement), except in two sections whose
// parts are independent: defaults, key by key (region, currency), and
// detectors, detector by detector. A decision section without qualify_at
// takes the default's. The columns a file gives are added to the
// default's (which has none). name and description are the file's own,
// empty when it has none.

// Origin says where one section of a loaded rulebook came from.
type Origin struct {
	// Section is the section's path: "version", "defaults.region",
	// "detectors.competitor", "scoring", ...
	Section string
	// Default is true when the file left the section out and the
	// embedded default's was used.
	Default bool
}

// sectionOrder lists the inheritable sections in file order; defaults and
// detectors are expanded into their keys.
var sectionOrder = []string{"version", "columns", "defaults", "detectors", "scoring", "grades", "decision", "agreement"}

// inherit fills what raw (decoded from src) leaves out from the embedded
// default and returns where each section came from. The default itself
// inherits nothing.
func inherit(name string, src []byte, raw *rawRulebook) []Origin {
	if name == defaultName {
		return nil
	}
	present := map[string]any{}
	if err := yaml.Unmarshal(src, &present); err != nil {
		return nil // the strict decode succeeded; this cannot fail
	}
	var def rawRulebook
	if err := decodeStrict(defaultYAML, &def); err != nil {
		return nil // TestDefaultLoads guards the embedded file
	}
	var origins []Origin
	from := func(section string, given bool) {
		origins = append(origins, Origin{Section: section, Default: !given})
	}
	// byKey fills, field by field, what given (the file's section) leaves
	// out of *mine from theirs (the default's), keyed by the fields' yaml
	// names, so a key added to the section's struct is inherited too.
	byKey := func(section string, given map[string]any, mine, theirs any) {
		m, t := reflect.ValueOf(mine).Elem(), reflect.ValueOf(theirs)
		for i := range m.NumField() {
			key, _, _ := strings.Cut(m.Type().Field(i).Tag.Get("yaml"), ",")
			_, ok := given[key]
			if !ok {
				m.Field(i).Set(t.Field(i))
			}
			from(section+"."+key, ok)
		}
	}
	has := func(key string) bool { _, ok := present[key]; return ok }
	sub := func(key string) map[string]any {
		m, _ := present[key].(map[string]any)
		return m
	}
	for _, s := range sectionOrder {
		switch s {
		case "version":
			if !has(s) {
				raw.Version = def.Version
			}
			from(s, has(s))
		case "columns":
			if has(s) {
				from(s, true)
			}
		case "defaults":
			byKey(s, sub(s), &raw.Defaults, def.Defaults)
		case "detectors":
			byKey(s, sub(s), &raw.Detectors, def.Detectors)
		case "scoring":
			if !has(s) {
				raw.Scoring = def.Scoring
			}
			from(s, has(s))
		case "grades":
			if !has(s) {
				raw.Grades = def.Grades
			}
			from(s, has(s))
		case "decision":
			if !has(s) {
				raw.Decision = def.Decision
			} else if raw.Decision.QualifyAt == nil {
				raw.Decision.QualifyAt = def.Decision.QualifyAt
				from("decision.qualify_at", false)
			}
			from(s, has(s))
		case "agreement":
			if has(s) {
				from(s, true)
			}
		}
	}
	return origins
}

// Origins returns where each section of the rulebook came from: the file,
// or the embedded default for the sections the file leaves out. It is nil
// for the default itself.
func (r *Rulebook) Origins() []Origin { return r.origins }

// ParseMapping reads a one-off column mapping as `--map` gives it,
// "HEADER=FIELD" ("MOBILE 1=phone"; the last = splits, so a header may
// hold one). An unknown field is an error that lists the fields.
func ParseMapping(spec string) (lead.Field, string, error) {
	i := strings.LastIndexByte(spec, '=')
	if i < 0 {
		return lead.NoField, "", fmt.Errorf("--map %q: want HEADER=FIELD, such as 'MOBILE 1=phone'", spec)
	}
	col, name := strings.TrimSpace(spec[:i]), strings.TrimSpace(spec[i+1:])
	if header.Normalize(col) == "" {
		return lead.NoField, "", fmt.Errorf("--map %q: the column name has no letters or digits", spec)
	}
	f, ok := lead.ParseField(name)
	if !ok {
		return lead.NoField, "", fmt.Errorf("--map %q: unknown field %q; %s", spec, name, hintFor(name, "fields", fieldNames()))
	}
	return f, col, nil
}

// LoadMapped loads the rulebook at path ("" for the embedded default) with
// extra column aliases (from `--map`) added to its columns section. An
// extra alias replaces a spelling of the file's with the same key, for
// whatever field.
func LoadMapped(path string, extra map[lead.Field][]string) (*Rulebook, error) {
	if len(extra) == 0 {
		if path == "" {
			return Default(), nil
		}
		return Load(path)
	}
	if path == "" {
		return parse(defaultName, defaultYAML, extra)
	}
	src, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return parse(path, src, extra)
}

// addMapped adds the `--map` aliases to the compiled columns.
func (c *compiler) addMapped(extra map[lead.Field][]string) {
	for _, f := range lead.Fields() {
		for _, alias := range extra[f] {
			key := header.Normalize(alias)
			for g, list := range c.r.Aliases {
				c.r.Aliases[g] = slices.DeleteFunc(slices.Clone(list), func(a string) bool { return header.Normalize(a) == key })
			}
			if !slices.ContainsFunc(c.r.Aliases[f], func(a string) bool { return header.Normalize(a) == key }) {
				c.r.Aliases[f] = append(c.r.Aliases[f], alias)
			}
		}
	}
}
