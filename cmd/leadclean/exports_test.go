package main

import (
	"fmt"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// cmdMapping compares how `leadclean columns` mapped each column (its
// standard output) with a mapping file: one "column<TAB>field" line per
// column, in header order, "-" for a column left unmapped. Only the
// column and the field are compared: the Why text is for people and may
// be reworded.
//
//	exec leadclean columns export.csv
//	mapping export.mapping.tsv
func cmdMapping(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mapping FILE")
	}
	var got []string
	for _, line := range strings.Split(ts.ReadFile("stdout"), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 5 {
			continue
		}
		n := strings.TrimSpace(cells[1])
		if n == "" || n[0] < '0' || n[0] > '9' {
			continue
		}
		got = append(got, strings.TrimSpace(cells[2])+"\t"+strings.TrimSpace(cells[3]))
	}
	want := strings.Split(strings.TrimRight(ts.ReadFile(args[0]), "\n"), "\n")
	var diffs []string
	for i := range max(len(got), len(want)) {
		g, w := "(none)", "(none)"
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			diffs = append(diffs, fmt.Sprintf("column %d: got %q, want %q", i+1, g, w))
		}
	}
	if len(diffs) > 0 {
		ts.Fatalf("%s: %d columns differ:\n%s", args[0], len(diffs), strings.Join(diffs, "\n"))
	}
}
