package rulebook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse: no input makes Parse panic, and an error always carries a
// position inside the input or none at all.
func FuzzParse(f *testing.F) {
	f.Add(DefaultYAML())
	files, _ := filepath.Glob("../../testdata/rulebooks/*.yaml")
	invalid, _ := filepath.Glob("../../testdata/rulebooks/invalid/*.yaml")
	for _, name := range append(files, invalid...) {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(valid + "scoring:\n  - {name: x, when: 'has(\"student\")', points: 1}\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("{[{[{[\n"))
	f.Add([]byte("version: !!binary AAAA\n"))
	f.Add([]byte("\xff\xfe\x00v"))
	f.Fuzz(func(t *testing.T, src []byte) {
		r, err := Parse("f.yaml", src)
		if err != nil {
			if r != nil {
				t.Fatal("Parse returned a rulebook and an error")
			}
			// YAML breaks lines at LF, CRLF and a lone CR.
			lines := strings.Count(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n") + strings.Count(strings.ReplaceAll(string(src), "\r\n", ""), "\r") + 2
			list, ok := err.(*ErrorList)
			if !ok || len(*list) == 0 {
				t.Fatalf("error %T %v, want a non-empty *ErrorList", err, err)
			}
			for _, e := range *list {
				if e.Line < 0 || e.Line > lines || e.Column < 0 {
					t.Errorf("position %d:%d outside a %d-line input: %v", e.Line, e.Column, lines, e)
				}
			}
			return
		}
		// A rulebook that loads must decide any lead without panicking.
		l := newLead(nil)
		r.Decide(l, true)
		if l.Verdict.Status == "" {
			t.Error("Decide set no status")
		}
	})
}
