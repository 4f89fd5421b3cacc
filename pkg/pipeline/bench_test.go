package pipeline

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"sync"
	"testing"

	"github.com/leadclean/leadclean/pkg/companysize"
	"github.com/leadclean/leadclean/pkg/dedup"
	"github.com/leadclean/leadclean/pkg/email"
	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/junk"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadcsv"
	"github.com/leadclean/leadclean/pkg/leadgen"
	"github.com/leadclean/leadclean/pkg/phone"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

// The benchmarks here run every stage of a clean over the same generated
// export (cmd/leadgen's HubSpot style, seed 1), so their ns/row add up to
// what one row costs:
//
//	go test -run '^$' -bench . -benchmem ./pkg/pipeline
//
// BenchmarkStages/read ... /write time one stage each over benchRows rows;
// BenchmarkRun times a whole run end to end, outputs to io.Discard. The
// memo hit rates of the phone and email checkers on the generated data are
// reported beside their stages. The numbers live here and in .ci/perf;
// tests never assert a time.

// benchRows is the size of the generated export.
const benchRows = 100_000

// benchExport returns the generated export, made once per test binary.
var benchExport = sync.OnceValues(func() ([]byte, error) {
	var buf bytes.Buffer
	err := leadgen.Write(&buf, leadgen.Options{Rows: benchRows, Seed: 1, Style: leadgen.HubSpot}, nil)
	return buf.Bytes(), err
})

// benchInput holds the export read into leads, for the stages after
// reading.
type benchInput struct {
	header []string
	leads  []*lead.Lead
	rules  *rulebook.Rulebook
}

var benchLeads = sync.OnceValues(func() (*benchInput, error) {
	data, err := benchExport()
	if err != nil {
		return nil, err
	}
	rules := rulebook.Default()
	r, err := leadcsv.NewReader("bench.csv", bytes.NewReader(data), leadcsv.Options{})
	if err != nil {
		return nil, err
	}
	mapping := header.NewMapper(rules.Aliases).Map(r.Header)
	in := &benchInput{header: r.Header, rules: rules}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		in.leads = append(in.leads, &lead.Lead{File: "bench.csv", Line: rec.Line, Cells: rec.Cells, Columns: mapping.Columns})
	}
	return in, nil
})

func loadBench(b *testing.B) *benchInput {
	b.Helper()
	in, err := benchLeads()
	if err != nil {
		b.Fatal(err)
	}
	return in
}

// perRow reports the time per row and rows per second of a benchmark
// whose every iteration handled rows rows.
func perRow(b *testing.B, rows int) {
	ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N*rows)
	b.ReportMetric(ns, "ns/row")
	b.ReportMetric(1e9/ns, "rows/s")
}

// parseAll fills each lead's parsed values and runs the detectors, as a
// pipeline worker does, and returns the checkers used.
func parseAll(b *testing.B, in *benchInput) (*email.Checker, *phone.Checker, []junk.Detector) {
	b.Helper()
	emails := email.NewChecker(email.Options{})
	phones := phone.NewCheckerWithOptions(phone.Options{DefaultRegion: in.rules.Region})
	detectors, err := junk.New(in.rules.Detectors, in.rules.Currency)
	if err != nil {
		b.Fatal(err)
	}
	p := &processor{emails: emails, phones: phones}
	for _, l := range in.leads {
		l.Verdict = lead.Verdict{}
		p.checkEmails(context.Background(), l, false)
		p.checkPhones(l, p.phones, false)
		l.Revenue = companysize.ParseRevenue(l.Get(lead.AnnualRevenue))
		l.Employees = companysize.ParseEmployees(l.Get(lead.Employees))
		for _, d := range detectors {
			if detail, found := d.Detect(l); found {
				l.Verdict.Add(d.Reason(), detail)
			}
		}
	}
	return emails, phones, detectors
}

func BenchmarkStages(b *testing.B) {
	data, err := benchExport()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("read", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			r, err := leadcsv.NewReader("bench.csv", bytes.NewReader(data), leadcsv.Options{})
			if err != nil {
				b.Fatal(err)
			}
			for {
				if _, err := r.Read(); err != nil {
					if errors.Is(err, io.EOF) {
						break
					}
					b.Fatal(err)
				}
			}
		}
		perRow(b, benchRows)
	})
	in := loadBench(b)
	b.Run("map", func(b *testing.B) {
		// The header is mapped once per file; each row is then read
		// through the mapping, field by field.
		mapper := header.NewMapper(in.rules.Aliases)
		b.ReportAllocs()
		for b.Loop() {
			cols := mapper.Map(in.header).Columns
			for _, l := range in.leads {
				for _, f := range lead.Fields() {
					cols.Value(l.Cells, f)
				}
			}
		}
		perRow(b, len(in.leads))
	})
	b.Run("email", func(b *testing.B) {
		cells := make([]string, len(in.leads))
		for i, l := range in.leads {
			cells[i] = l.Get(lead.Email)
		}
		b.ReportAllocs()
		for b.Loop() {
			c := email.NewChecker(email.Options{})
			for _, cell := range cells {
				c.Check(cell)
			}
		}
		perRow(b, len(cells))
		// The typo memo is keyed by domain: its hit rate is about the share
		// of addresses whose domain came earlier in the file (domains
		// rejected before the typo check never reach it).
		seen := make(map[string]bool)
		checked, repeats := 0, 0
		c := email.NewChecker(email.Options{})
		for _, cell := range cells {
			if a := c.Check(cell); a.Domain != "" {
				checked++
				if seen[a.Domain] {
					repeats++
				}
				seen[a.Domain] = true
			}
		}
		b.ReportMetric(100*float64(repeats)/float64(max(checked, 1)), "domain-repeat-%")
	})
	type phoneCell struct{ number, country string }
	cells := make([]phoneCell, len(in.leads))
	for i, l := range in.leads {
		cells[i] = phoneCell{l.Get(lead.Phone), l.Get(lead.Country)}
	}
	b.Run("phone", func(b *testing.B) {
		// A fresh checker per pass: the memo starts empty, as in a run.
		b.ReportAllocs()
		var hits, misses uint64
		for b.Loop() {
			c := phone.NewCheckerWithOptions(phone.Options{DefaultRegion: in.rules.Region})
			for _, cell := range cells {
				c.Check(cell.number, cell.country)
			}
			hits, misses = c.MemoStats()
		}
		perRow(b, len(cells))
		b.ReportMetric(100*float64(hits)/float64(max(hits+misses, 1)), "memo-hit-%")
	})
	b.Run("phone-no-memo", func(b *testing.B) {
		c := phone.NewCheckerWithOptions(phone.Options{DefaultRegion: in.rules.Region, MemoSize: -1})
		sample := cells[:10_000]
		b.ReportAllocs()
		for b.Loop() {
			for _, cell := range sample {
				c.Check(cell.number, cell.country)
			}
		}
		perRow(b, len(sample))
	})
	b.Run("detectors", func(b *testing.B) {
		_, _, detectors := parseAll(b, in)
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			for _, l := range in.leads {
				for _, d := range detectors {
					d.Detect(l)
				}
			}
		}
		perRow(b, len(in.leads))
	})
	b.Run("dedup", func(b *testing.B) {
		parseAll(b, in)
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			index := dedup.New()
			for _, l := range in.leads {
				checkDuplicate(index, l, false)
			}
		}
		perRow(b, len(in.leads))
	})
	b.Run("rulebook", func(b *testing.B) {
		parseAll(b, in)
		saved := make([]lead.Verdict, len(in.leads))
		for i, l := range in.leads {
			saved[i] = l.Verdict
		}
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			for i, l := range in.leads {
				l.Verdict = saved[i]
				in.rules.Decide(l, false)
			}
		}
		perRow(b, len(in.leads))
	})
	b.Run("write", func(b *testing.B) {
		parseAll(b, in)
		appendedCols := make([][]string, len(in.leads))
		for i, l := range in.leads {
			in.rules.Decide(l, false)
			appendedCols[i] = appended(l)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			w, err := leadcsv.NewWriter(io.Discard, in.header, leadcsv.WriterOptions{})
			if err != nil {
				b.Fatal(err)
			}
			for i, l := range in.leads {
				if err := w.Write(l.Cells, appendedCols[i]); err != nil {
					b.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				b.Fatal(err)
			}
		}
		perRow(b, len(in.leads))
	})
}

// BenchmarkRun cleans the generated export end to end, outputs to
// io.Discard, with one worker and with one per CPU: the difference is how
// well the work spreads across cores.
func BenchmarkRun(b *testing.B) {
	data, err := benchExport()
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 0} {
		name := "workers=" + strconv.Itoa(workers)
		if workers == 0 {
			name = "workers=GOMAXPROCS"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				_, err := Run(context.Background(), Config{
					Inputs:    []Input{{Name: "bench.csv", R: bytes.NewReader(data)}},
					Workers:   workers,
					NewWriter: csvTo(func(lead.Status) io.Writer { return io.Discard }),
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			perRow(b, benchRows)
		})
	}
}
