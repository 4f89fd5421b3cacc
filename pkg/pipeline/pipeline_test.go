package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadcsv"
	"github.com/leadclean/leadclean/pkg/leadgen"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

// csvTo writes the rows of each status as CSV to out(status).
func csvTo(out func(s lead.Status) io.Writer) func(lead.Status, []string, leadcsv.WriterOptions) (RowWriter, error) {
	return func(s lead.Status, header []string, opts leadcsv.WriterOptions) (RowWriter, error) {
		w, err := leadcsv.NewWriter(out(s), header, opts)
		if err != nil {
			return nil, err
		}
		return w, nil
	}
}

// run cleans inputs with rules and returns each output's bytes.
func run(t testing.TB, rules *rulebook.Rulebook, observe func(*lead.Lead), inputs ...Input) (map[lead.Status]*bytes.Buffer, error) {
	t.Helper()
	outs := map[lead.Status]*bytes.Buffer{}
	_, err := Run(context.Background(), Config{
		Rules:   rules,
		Inputs:  inputs,
		Observe: observe,
		NewWriter: csvTo(func(s lead.Status) io.Writer {
			outs[s] = &bytes.Buffer{}
			return outs[s]
		}),
	})
	return outs, err
}

func TestUnionHeaderAcrossFiles(t *testing.T) {
	a := "Email,Name,Phone\nann@harborfreight-logistics.com,Ann Lee,\n"
	b := "Name,Email,Notes,Name\nBob Roe,bob@nordwind-logistik.de,hello,dup\n"
	outs, err := run(t, nil, nil, Input{Name: "a.csv", R: strings.NewReader(a)}, Input{Name: "b.csv", R: strings.NewReader(b)})
	if err != nil {
		t.Fatal(err)
	}
	got := outs[lead.Qualified].String()
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if !strings.HasPrefix(lines[0], "Email,Name,Phone,Notes,Name,leadclean_status,") {
		t.Errorf("header = %q", lines[0])
	}
	if !strings.HasPrefix(lines[2], "bob@nordwind-logistik.de,Bob Roe,,hello,dup,qualified,") {
		t.Errorf("second file's row = %q", lines[2])
	}
}

func TestOrderAndCompletenessWithManyWorkers(t *testing.T) {
	var buf bytes.Buffer
	if err := leadgen.Write(&buf, leadgen.Options{Rows: 3000, Seed: 7, Style: leadgen.HubSpot}, nil); err != nil {
		t.Fatal(err)
	}
	var lines []int
	_, err := Run(context.Background(), Config{
		Inputs:  []Input{{Name: "gen.csv", R: bytes.NewReader(buf.Bytes())}},
		Workers: 8,
		Observe: func(l *lead.Lead) { lines = append(lines, l.Line) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 3000 || !sort.IntsAreSorted(lines) {
		t.Fatalf("%d rows observed, sorted %v", len(lines), sort.IntsAreSorted(lines))
	}
}

// TestDeterministic runs the same input twice with different worker
// counts: the outputs must be byte-identical.
func TestDeterministic(t *testing.T) {
	var buf bytes.Buffer
	if err := leadgen.Write(&buf, leadgen.Options{Rows: 2000, Seed: 3, Style: leadgen.Salesforce}, nil); err != nil {
		t.Fatal(err)
	}
	var prev map[lead.Status]*bytes.Buffer
	for _, workers := range []int{1, 4} {
		outs := map[lead.Status]*bytes.Buffer{}
		_, err := Run(context.Background(), Config{
			Inputs: []Input{{Name: "gen.csv", R: bytes.NewReader(buf.Bytes())}}, Workers: workers,
			NewWriter: csvTo(func(s lead.Status) io.Writer { outs[s] = &bytes.Buffer{}; return outs[s] }),
		})
		if err != nil {
			t.Fatal(err)
		}
		for s, b := range prev {
			if !bytes.Equal(b.Bytes(), outs[s].Bytes()) {
				t.Errorf("%s output differs between runs", s)
			}
		}
		prev = outs
	}
}

func TestCancelled(t *testing.T) {
	var buf bytes.Buffer
	if err := leadgen.Write(&buf, leadgen.Options{Rows: 5000, Seed: 1, Style: leadgen.FormDump}, nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := Run(ctx, Config{
		Inputs: []Input{{Name: "gen.csv", R: bytes.NewReader(buf.Bytes())}},
		Observe: func(*lead.Lead) {
			if n++; n == 100 {
				cancel()
			}
		},
	})
	if err != context.Canceled {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// TestLabelledPrecisionRecall cleans a generated, labelled data set of
// every export style with testdata/labelled-rulebook.yaml and measures
// each reason's precision and recall against the planted truth.
func TestLabelledPrecisionRecall(t *testing.T) {
	rules, err := rulebook.Load("../../testdata/labelled-rulebook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range leadgen.VendorCompanies() {
		if !slices.Contains(rules.Detectors.Vendor.Companies, v) {
			t.Fatalf("labelled-rulebook.yaml does not list vendor %q", v)
		}
	}
	type counts struct{ tp, fp, fn int }
	stats := map[lead.Reason]*counts{}
	at := func(r lead.Reason) *counts {
		if stats[r] == nil {
			stats[r] = &counts{}
		}
		return stats[r]
	}
	rows := 0
	for _, style := range leadgen.Styles() {
		var buf bytes.Buffer
		truth := map[int][]lead.Reason{}
		err := leadgen.Write(&buf, leadgen.Options{Rows: 1200, Seed: 42, Style: style}, func(l leadgen.Label) {
			truth[l.Line] = l.Reasons
		})
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		_, err = run(t, rules, func(l *lead.Lead) {
			seen++
			want, ok := truth[l.Line]
			if !ok {
				t.Fatalf("%s: no label for line %d", style, l.Line)
			}
			var got []lead.Reason
			for _, f := range l.Verdict.Findings {
				got = append(got, f.Reason)
			}
			for _, r := range got {
				if slices.Contains(want, r) {
					at(r).tp++
				} else {
					at(r).fp++
					if testing.Verbose() {
						t.Logf("%s:%d: false %s: %s (planted %v)", style, l.Line, r, detail(l, r), want)
					}
				}
			}
			for _, r := range want {
				if !slices.Contains(got, r) {
					at(r).fn++
					if testing.Verbose() {
						t.Logf("%s:%d: missed %s (found %v) cells %q", style, l.Line, r, got, l.Cells)
					}
				}
			}
		}, Input{Name: string(style) + ".csv", R: &buf})
		if err != nil {
			t.Fatal(err)
		}
		rows += seen
		if seen != 1200 {
			t.Errorf("%s: %d rows decided, want 1200", style, seen)
		}
	}
	if rows < 5000 {
		t.Fatalf("only %d rows", rows)
	}
	var reasons []lead.Reason
	for r := range stats {
		reasons = append(reasons, r)
	}
	slices.Sort(reasons)
	for _, r := range reasons {
		c := stats[r]
		precision := ratio(c.tp, c.tp+c.fp)
		recall := ratio(c.tp, c.tp+c.fn)
		t.Logf("%-16s planted %4d found %4d  precision %.3f  recall %.3f", r, c.tp+c.fn, c.tp+c.fp, precision, recall)
		if precision < 0.95 || recall < 0.90 {
			t.Errorf("%s: precision %.3f (want >= 0.95), recall %.3f (want >= 0.90)", r, precision, recall)
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func detail(l *lead.Lead, r lead.Reason) string {
	for _, f := range l.Verdict.Findings {
		if f.Reason == r {
			return fmt.Sprintf("%s (cells %q)", f.Detail, l.Cells)
		}
	}
	return ""
}
