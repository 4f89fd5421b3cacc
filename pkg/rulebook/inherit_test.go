package rulebook

import (
	"slices"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
)

// A file may leave out any section; what it leaves out is the default's.
func TestInherit(t *testing.T) {
	def := Default()
	r, err := Parse("only-columns.yaml", []byte("columns:\n  mobile: [\"MOBILE 1\"]\n"))
	if err != nil {
		t.Fatalf("a file with only columns: %v", err)
	}
	if got := r.Aliases[lead.Mobile]; !slices.Equal(got, []string{"MOBILE 1"}) {
		t.Errorf("aliases = %v", got)
	}
	if r.Region != def.Region || r.Currency != def.Currency || r.qualifyAt != def.qualifyAt || len(r.rules) != len(def.rules) ||
		len(r.grades) != len(def.grades) || len(r.actions) != len(def.actions) {
		t.Errorf("inherited sections differ from the default: %+v", r)
	}
	from := func(r *Rulebook) (file, dflt []string) {
		for _, o := range r.Origins() {
			if o.Default {
				dflt = append(dflt, o.Section)
			} else {
				file = append(file, o.Section)
			}
		}
		return file, dflt
	}
	file, dflt := from(r)
	if !slices.Equal(file, []string{"columns"}) {
		t.Errorf("from the file: %v", file)
	}
	for _, s := range []string{"version", "defaults.region", "defaults.currency", "detectors.competitor", "scoring", "grades", "decision"} {
		if !slices.Contains(dflt, s) {
			t.Errorf("%s should come from the default: %v", s, dflt)
		}
	}

	// Defaults key by key, detectors one by one, decision whole (with the
	// default's qualify_at when it has none).
	src := `defaults:
  region: DE
detectors:
  competitor:
    domains: [rival.example]
decision:
  reject: [competitor]
`
	r, err = Parse("partial.yaml", []byte(src))
	if err != nil {
		t.Fatalf("partial: %v", err)
	}
	if r.Region != "DE" || r.Currency != def.Currency {
		t.Errorf("region %s currency %s", r.Region, r.Currency)
	}
	if !slices.Equal(r.Detectors.Competitor.Domains, []string{"rival.example"}) || r.Detectors.Vendor.Disabled != def.Detectors.Vendor.Disabled ||
		len(r.Detectors.Vendor.Phrases) != len(def.Detectors.Vendor.Phrases) {
		t.Errorf("detectors not merged one by one: %+v", r.Detectors)
	}
	// The default nurtures email_open_only; the file's decision lists it
	// nowhere, so it rejects: the section is the file's, whole.
	if def.ActionFor(lead.EmailOpenOnly) != ActionNurture || r.ActionFor(lead.EmailOpenOnly) != ActionReject {
		t.Errorf("decision was merged, want the file's whole: %s", r.ActionFor(lead.EmailOpenOnly))
	}
	if r.qualifyAt != def.qualifyAt {
		t.Errorf("qualify_at %d, want the default's %d", r.qualifyAt, def.qualifyAt)
	}
	file, _ = from(r)
	if want := []string{"defaults.region", "detectors.competitor", "decision"}; !slices.Equal(file, want) {
		t.Errorf("from the file: %v, want %v", file, want)
	}

	// The default inherits nothing, and an error in what the file gives
	// is still the file's.
	if Default().Origins() != nil {
		t.Error("the default has origins")
	}
	if _, err := Parse("bad.yaml", []byte("columns:\n  emial: [x]\n")); err == nil || !strings.Contains(err.Error(), "bad.yaml:2:3") {
		t.Errorf("error = %v", err)
	}
}

func TestParseMapping(t *testing.T) {
	cases := []struct {
		spec, col string
		field     lead.Field
		err       string
	}{
		{"MOBILE 1=phone", "MOBILE 1", lead.Phone, ""},
		{" Tel. privé = mobile ", "Tel. privé", lead.Mobile, ""},
		{"a=b=email", "a=b", lead.Email, ""},
		{"MOBILE 1", "", lead.NoField, "want HEADER=FIELD"},
		{"MOBILE 1=fone", "", lead.NoField, `unknown field "fone"; fields: first_name`},
		{"#=phone", "", lead.NoField, "no letters or digits"},
	}
	for _, c := range cases {
		f, col, err := ParseMapping(c.spec)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: error %v, want %q", c.spec, err, c.err)
			}
			continue
		}
		if err != nil || f != c.field || col != c.col {
			t.Errorf("%q: %v %q %v, want %v %q", c.spec, f, col, err, c.field, c.col)
		}
	}
	// A --map alias replaces the file's spelling with the same key.
	r, err := parse("m.yaml", []byte("columns:\n  email: [\"Kontakt\"]\n"), map[lead.Field][]string{lead.Phone: {"KONTAKT"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Aliases[lead.Email]) != 0 || !slices.Equal(r.Aliases[lead.Phone], []string{"KONTAKT"}) {
		t.Errorf("aliases = %v", r.Aliases)
	}
}

func FuzzParseMapping(f *testing.F) {
	for _, s := range []string{"MOBILE 1=phone", "=", "a=", "=email", "x=y=z", "\xff=phone"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		fld, col, err := ParseMapping(spec)
		if err == nil && (fld.String() == "" || strings.TrimSpace(col) != col || col == "") {
			t.Errorf("%q: accepted as %v %q", spec, fld, col)
		}
	})
}
