package rulebook

import (
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
)

// A malformed row is rejected without being scored: its cells may sit in
// the wrong columns.
func TestDecideSkipsRulesOnMalformedRows(t *testing.T) {
	r := Default()
	cols := lead.NewColumns([]string{"Email", "Message"})
	cols.Set(lead.Email, 0)
	cols.Set(lead.Message, 1)
	for _, malformed := range []bool{false, true} {
		l := &lead.Lead{Columns: cols, Cells: []string{"ann@acme.io", "please send pricing asap"}}
		if malformed {
			l.Verdict.Add(lead.MalformedRow, "row has 3 fields, the header has 2")
		}
		r.Decide(l, true)
		if malformed {
			if l.Verdict.Score != 0 || l.Verdict.Status != lead.Rejected {
				t.Errorf("malformed: score %d status %s, want 0 rejected", l.Verdict.Score, l.Verdict.Status)
			}
			if len(l.Verdict.Trace) == 0 || l.Verdict.Trace[0] != "rules: skipped (malformed row)" {
				t.Errorf("malformed trace = %q", l.Verdict.Trace)
			}
		} else if l.Verdict.Score == 0 {
			t.Errorf("a clean row asking for pricing scored 0; trace %q", l.Verdict.Trace)
		}
	}
}

// goccy/go-yaml's decoder panics on a custom tag on an empty value
// (found by FuzzParse); tags are refused with their position first.
func TestParseRefusesTags(t *testing.T) {
	for src, want := range map[string]string{
		"scoring: !0 #000000\n":       "t.yaml:1:10: YAML tag !0 is not used in a rulebook",
		"version: 1\nname: !!str x\n": "t.yaml:2:7: YAML tag !!str is not used in a rulebook",
	} {
		_, err := Parse("t.yaml", []byte(src))
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want %q", src, err, want)
		}
	}
}
