package audit

import (
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
)

func decided(_ string, st lead.Status, reasons ...lead.Reason) *lead.Lead {
	l := &lead.Lead{File: "x.csv"}
	l.Verdict.Status = st
	for _, r := range reasons {
		l.Verdict.Add(r, "")
	}
	return l
}

func TestRecorder(t *testing.T) {
	rec := NewRecorder("old", "new", Period{}, false)
	first := []*lead.Lead{decided("", lead.Rejected, lead.Student), decided("", lead.Qualified), decided("", lead.Rejected, lead.BogusEmail), decided("", lead.Qualified)}
	second := []*lead.Lead{decided("", lead.Nurture, lead.Student), decided("", lead.Rejected, lead.LowScore), decided("", lead.Rejected, lead.BogusEmail), decided("", lead.Qualified)}
	for _, l := range first {
		rec.ObserveFirst(l)
	}
	for _, l := range second {
		rec.ObserveSecond(l)
	}
	c, err := rec.Comparison()
	if err != nil {
		t.Fatal(err)
	}
	if c.Rows != 4 || c.Flipped != 2 || c.OldCounts != (StatusCounts{2, 0, 2}) || c.NewCounts != (StatusCounts{1, 1, 2}) {
		t.Errorf("got %+v", c)
	}
	want := []FlipCount{{lead.Qualified, lead.Rejected, 1}, {lead.Rejected, lead.Nurture, 1}}
	if len(c.Flips) != 2 || c.Flips[0] != want[0] || c.Flips[1] != want[1] {
		t.Errorf("flips %+v, want %+v", c.Flips, want)
	}
	byName := map[string]GroupFlips{}
	for _, g := range c.ByReason {
		byName[g.Name] = *g
	}
	if g := byName["student"]; g.Flipped != 1 || g.ToNurture != 1 {
		t.Errorf("student %+v", g)
	}
	if g := byName["low_score"]; g.Flipped != 1 || g.ToRejected != 1 || g.FromQualified != 1 {
		t.Errorf("low_score %+v", g)
	}
	if g := byName["bogus_email"]; g.Rows != 1 || g.Flipped != 0 {
		t.Errorf("bogus_email %+v", g)
	}
	if len(c.BySource) != 1 || c.BySource[0].Name != "(file) x.csv" || c.BySource[0].Flipped != 2 {
		t.Errorf("by source %+v", c.BySource)
	}
}

func TestRecorderDifferentRows(t *testing.T) {
	rec := NewRecorder("old", "new", Period{}, false)
	rec.ObserveFirst(decided("", lead.Qualified))
	if _, err := rec.Comparison(); err == nil {
		t.Error("a second run that read fewer rows was accepted")
	}
	rec = NewRecorder("old", "new", Period{}, false)
	rec.ObserveSecond(decided("", lead.Qualified))
	if _, err := rec.Comparison(); err == nil {
		t.Error("a second run that read more rows was accepted")
	}
}

// TestCompareDayFirst: the comparison keeps the rows the audit keeps,
// reading each file's ambiguous dates in the order its dates show.
func TestCompareDayFirst(t *testing.T) {
	q3, _ := ParseQuarter("2026Q3")
	rec := NewRecorder("old", "new", q3, false)
	dates := []string{"01/07/2026", "13/08/2026", "03/04/2026"}
	for _, observe := range []func(*lead.Lead){rec.ObserveFirst, rec.ObserveSecond} {
		for i, d := range dates {
			l := leadWith([]string{"Email", "Created Date"}, []string{"a@b.com", d})
			l.Line = i + 2
			l.Verdict.Status = lead.Qualified
			observe(l)
		}
	}
	cmp, err := rec.Comparison()
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Rows != 2 {
		t.Errorf("%d rows in the period, want 2 (1 July and 13 August)", cmp.Rows)
	}
}
