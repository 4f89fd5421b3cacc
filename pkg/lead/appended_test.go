package lead

import (
	"strings"
	"testing"
)

// TestAppendedTable: every column is named leadclean_*, once, and
// computed, except leadclean_overflow, which is last and filled by the
// writers.
func TestAppendedTable(t *testing.T) {
	seen := map[string]bool{}
	for i, c := range Appended {
		if !strings.HasPrefix(c.Name, "leadclean_") || seen[c.Name] {
			t.Errorf("column %d: name %q: want a new leadclean_ name", i, c.Name)
		}
		seen[c.Name] = true
		last := i == len(Appended)-1
		if (c.Value == nil) != last || (c.Name == "leadclean_overflow") != last {
			t.Errorf("column %s at %d: only leadclean_overflow, last, has no Value", c.Name, i)
		}
	}
	if got := AppendedNames(); len(got) != len(Appended) || got[0] != "leadclean_status" {
		t.Errorf("AppendedNames() = %q", got)
	}
}
