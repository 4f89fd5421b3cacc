package lead

import (
	"slices"
	"testing"
)

func TestColumnsSplitName(t *testing.T) {
	tests := []struct {
		name        string
		set         []Field // in header order
		cells       []string
		first, last string
	}{
		{"full name only", []Field{FullName, Email}, []string{"Carlos de la Cruz", "c@x.io"}, "Carlos", "de la Cruz"},
		{"full name set before other fields", []Field{FullName, Email, Phone, Company}, []string{"Li Na", "", "", ""}, "Li", "Na"},
		{"last, first", []Field{FullName}, []string{"Nguyen, Van An"}, "Van An", "Nguyen"},
		{"separate columns win", []Field{FullName, FirstName, LastName}, []string{"Dr. Ann Lee", "Ann", "Lee"}, "Ann", "Lee"},
		{"mononym", []Field{FullName}, []string{"Madonna"}, "Madonna", ""},
		{"empty", []Field{FullName}, []string{" "}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewColumns(make([]string, len(tt.set)))
			for i, f := range tt.set {
				c.Set(f, i)
			}
			if got := c.Value(tt.cells, FirstName); got != tt.first {
				t.Errorf("first = %q, want %q", got, tt.first)
			}
			if got := c.Value(tt.cells, LastName); got != tt.last {
				t.Errorf("last = %q, want %q", got, tt.last)
			}
		})
	}
}

func TestColumnsValue(t *testing.T) {
	c := NewColumns([]string{"Email", "Notes", "Comments"})
	c.Set(Email, 0)
	c.Set(Message, 1)
	c.Set(Message, 2)
	cells := []string{" ann@acme.io ", "call me", "in Q4"}
	if got := c.Value(cells, Email); got != "ann@acme.io" {
		t.Errorf("email = %q", got)
	}
	if got := c.Value(cells, Message); got != "call me\nin Q4" {
		t.Errorf("message = %q", got)
	}
	if got := c.Value(cells[:1], Message); got != "" {
		t.Errorf("short row message = %q", got)
	}
	if c.FieldOf(2) != Message || c.FieldOf(5) != NoField {
		t.Error("FieldOf")
	}
	for _, f := range Fields() {
		if g, ok := ParseField(f.String()); !ok || g != f {
			t.Errorf("ParseField(%q) = %v", f.String(), g)
		}
	}
}

// A repeated field keeps every column, best first; others keep the first.
func TestColumnsRepeats(t *testing.T) {
	c := NewColumns([]string{"Company", "Email 1", "Account", "Email 2"})
	if !c.Set(Company, 0) || c.Set(Company, 2) {
		t.Error("a second company column was accepted")
	}
	if !c.Set(Email, 3) || !c.Set(Email, 1) || c.Set(Email, 3) {
		t.Error("email columns: want each accepted once")
	}
	cells := []string{"Acme", " ", "Acme Inc", " ann@acme.io "}
	if got := c.Indexes(Email); !slices.Equal(got, []int{3, 1}) {
		t.Errorf("indexes = %v, want the order of Set", got)
	}
	if got := c.Value(cells, Email); got != "ann@acme.io" {
		t.Errorf("email = %q, want the first column's", got)
	}
	if got := c.Values(cells, Email); !slices.Equal(got, []string{"ann@acme.io", ""}) {
		t.Errorf("emails = %q", got)
	}
	if got := c.Values(cells, Phone); got != nil {
		t.Errorf("phones = %q, want nil", got)
	}
	if c.FieldOf(1) != Email || c.FieldOf(2) != NoField {
		t.Error("FieldOf")
	}
}

// TestGetCached: Lead.Get answers what Columns.Value answers, for every
// field, asked once or again, and "" for fields out of range.
func TestGetCached(t *testing.T) {
	c := NewColumns([]string{"Name", "Email", "Notes", "Comments", "Phone"})
	c.Set(FullName, 0)
	c.Set(Email, 1)
	c.Set(Message, 2)
	c.Set(Message, 3)
	c.Set(Phone, 4)
	l := Lead{Cells: []string{" Carlos de la Cruz ", "c@x.io ", "demo", "asap", "+1 212 555 0100"}, Columns: c}
	for round := range 2 {
		for f := NoField; f <= numFields; f++ {
			want := ""
			if f > NoField && f < numFields {
				want = c.Value(l.Cells, f)
			}
			if got := l.Get(f); got != want {
				t.Errorf("round %d: Get(%v) = %q, want %q", round, f, got, want)
			}
		}
	}
	if l.Get(LastName) != "de la Cruz" || l.Get(Message) != "demo\nasap" {
		t.Errorf("Get: last name %q, message %q", l.Get(LastName), l.Get(Message))
	}
	var empty Lead
	if empty.Get(Email) != "" {
		t.Error("a lead without columns has an email")
	}
}
