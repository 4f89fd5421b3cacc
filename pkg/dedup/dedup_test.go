package dedup

import (
	"fmt"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	type step struct {
		lead      Lead
		duplicate string // "" when not a duplicate, else file:line of the first
		wrongName bool
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"same email, other file", []step{
			{Lead{File: "a.csv", Line: 2, EmailKey: "ann@acme.io"}, "", false},
			{Lead{File: "b.csv", Line: 7, EmailKey: "ann@acme.io"}, "a.csv:2", false},
			{Lead{File: "b.csv", Line: 9, EmailKey: "ann@acme.io"}, "a.csv:2", false},
		}},
		{"different emails", []step{
			{Lead{File: "a.csv", Line: 2, EmailKey: "ann@acme.io"}, "", false},
			{Lead{File: "a.csv", Line: 3, EmailKey: "bob@acme.io"}, "", false},
		}},
		{"phone and name when email missing", []step{
			{Lead{File: "a.csv", Line: 2, E164: "+14153921234", FirstName: "José", LastName: "García"}, "", false},
			{Lead{File: "a.csv", Line: 3, E164: "+14153921234", FirstName: "JOSE", LastName: "garcia"}, "a.csv:2", false},
		}},
		{"colleagues sharing a switchboard are not duplicates", []step{
			{Lead{File: "a.csv", Line: 2, E164: "+14153921234", FirstName: "Ann", LastName: "Lee"}, "", false},
			{Lead{File: "a.csv", Line: 3, E164: "+14153921234", FirstName: "Raj", LastName: "Patel"}, "", false},
		}},
		{"nothing to key on", []step{
			{Lead{File: "a.csv", Line: 2, FirstName: "Ann"}, "", false},
			{Lead{File: "a.csv", Line: 3, FirstName: "Ann"}, "", false},
		}},
		{"same email and phone under an unrelated name", []step{
			{Lead{File: "a.csv", Line: 2, EmailKey: "ann@acme.io", E164: "+14153921234", FirstName: "Ann", LastName: "Lee"}, "", false},
			{Lead{File: "a.csv", Line: 5, EmailKey: "ann@acme.io", E164: "+14153921234", FirstName: "Mickey", LastName: "Mouse"}, "a.csv:2", true},
		}},
		{"nickname is the same person", []step{
			{Lead{File: "a.csv", Line: 2, EmailKey: "rob@acme.io", E164: "+14153921234", FirstName: "Robert", LastName: "Smith"}, "", false},
			{Lead{File: "a.csv", Line: 3, EmailKey: "rob@acme.io", E164: "+14153921234", FirstName: "Bob", LastName: "Smith"}, "a.csv:2", false},
		}},
		{"other phone is not wrong_name", []step{
			{Lead{File: "a.csv", Line: 2, EmailKey: "ann@acme.io", E164: "+14153921234", FirstName: "Ann", LastName: "Lee"}, "", false},
			{Lead{File: "a.csv", Line: 3, EmailKey: "ann@acme.io", E164: "+442079460000", FirstName: "Zed", LastName: "Quinn"}, "a.csv:2", false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := New()
			for i, s := range tt.steps {
				res := ix.Check(s.lead)
				got := ""
				if res.Duplicate {
					got = res.First.String()
				}
				if got != s.duplicate || res.WrongName != s.wrongName {
					t.Errorf("step %d: duplicate of %q wrong name %v, want %q %v (%+v)", i, got, res.WrongName, s.duplicate, s.wrongName, res)
				}
			}
		})
	}
}

func BenchmarkCheck(b *testing.B) {
	ix := New()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ix.Check(Lead{File: "a.csv", Line: i, EmailKey: "user" + string(rune('a'+i%26)) + "@acme.io", E164: "+14153921234", FirstName: "Ann", LastName: "Lee"})
	}
}

// TestNamesArena stores more names than one arena chunk holds and reads
// every one back: references stay valid as the arena grows.
func TestNamesArena(t *testing.T) {
	var n names
	type stored struct {
		ref         uint32
		first, last string
	}
	var all []stored
	for i := 0; i < 120000; i++ {
		first, last := fmt.Sprintf("First%d", i), fmt.Sprintf("Lästname-%d", i)
		ref, ok := n.add(first, last)
		if !ok {
			t.Fatalf("name %d refused", i)
		}
		all = append(all, stored{ref, first, last})
	}
	if len(n.chunks) < 2 {
		t.Fatalf("%d chunks: the test does not cross a chunk boundary", len(n.chunks))
	}
	for i, s := range all {
		if first, last := n.get(s.ref); first != s.first || last != s.last {
			t.Fatalf("name %d = %q %q, want %q %q", i, first, last, s.first, s.last)
		}
	}
}

func TestCut(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"Ann", 10, "Ann"},
		{"Ann", 3, "Ann"},
		{"Annabel", 3, "Ann"},
		{"Zoë", 3, "Zo"}, // never half a character
		{"Zoë", 4, "Zoë"},
		{"", 0, ""},
	}
	for _, tt := range tests {
		if got := cut(tt.in, tt.n); got != tt.want {
			t.Errorf("cut(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// TestLongNamesStillCompared keeps a name longer than the arena keeps
// whole: the wrong_name comparison still sees its first words.
func TestLongNamesStillCompared(t *testing.T) {
	ix := New()
	long := "Ann " + strings.Repeat("x", 3000)
	ix.Check(Lead{File: "a.csv", Line: 2, EmailKey: "ann@acme.io", E164: "+14153921234", FirstName: long, LastName: "Lee"})
	res := ix.Check(Lead{File: "a.csv", Line: 3, EmailKey: "ann@acme.io", E164: "+14153921234", FirstName: "Mickey", LastName: "Mouse"})
	if !res.Duplicate || !res.WrongName {
		t.Errorf("got %+v, want a duplicate under the wrong name", res)
	}
	res = ix.Check(Lead{File: "a.csv", Line: 4, EmailKey: "ann@acme.io", E164: "+14153921234", FirstName: long, LastName: "Lee"})
	if !res.Duplicate || res.WrongName {
		t.Errorf("got %+v, want a duplicate under the same name", res)
	}
}
