package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/leadclean/leadclean/pkg/companysize"
	"github.com/leadclean/leadclean/pkg/dedup"
	"github.com/leadclean/leadclean/pkg/email"
	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/junk"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadcsv"
	"github.com/leadclean/leadclean/pkg/memo"
	"github.com/leadclean/leadclean/pkg/phone"
	"github.com/leadclean/leadclean/pkg/rulebook"
	"github.com/leadclean/leadclean/pkg/summary"
)

// Input is one file to read.
type Input struct {
	// Name is shown in messages and in leadclean_duplicate_of ("-" for
	// stdin).
	Name string
	R    io.Reader
}

// Config is one run.
type Config struct {
	Rules  *rulebook.Rulebook
	Inputs []Input
	Read   leadcsv.Options
	// Region overrides the rulebook's default phone region when set.
	Region string
	// FixTypos writes the suggested address to leadclean_email.
	FixTypos bool
	// ExcelSafe prefixes cells a spreadsheet would evaluate with an
	// apostrophe, in every output.
	ExcelSafe bool
	// MX, when set, looks up each valid address's domain (--check-mx).
	MX *email.MXChecker
	// Workers is the number of parsing goroutines; 0 means GOMAXPROCS.
	Workers int
	// Trace selects rows whose decision is traced (for explain); nil
	// traces none.
	Trace func(l *lead.Lead) bool
	// Observe, when set, sees every decided lead in input order.
	Observe func(l *lead.Lead)
	// NewWriter returns the writer for rows of a status (leadcsv.NewWriter
	// over a file, a workbook sheet); it is called once per status, after
	// every input's header has been read. A nil RowWriter, or a nil
	// NewWriter, discards the rows.
	NewWriter func(s lead.Status, header []string, opts leadcsv.WriterOptions) (RowWriter, error)
	// Open, when set, opens an input instead of leadcsv.NewReader (to read
	// workbooks, say).
	Open func(in Input, opts leadcsv.Options) (RowReader, error)
	// Progress, when set, is called with the rows decided so far, every
	// few hundred rows, from one goroutine.
	Progress func(rows int)
}

// RowReader is an opened input.
type RowReader interface {
	Describe() *leadcsv.Info
	// Read returns the next row, io.EOF at the end, or a
	// *leadcsv.FileError that stops the run.
	Read() (leadcsv.Record, error)
}

// RowWriter writes the rows of one status.
type RowWriter interface {
	// Write writes the original cells and the appended values (all of
	// leadcsv.AppendedColumns but the last, leadclean_overflow).
	Write(cells, appended []string) error
	Flush() error
}

var (
	_ RowReader = (*leadcsv.Reader)(nil)
	_ RowWriter = (*leadcsv.Writer)(nil)
)

// source is one opened input.
type source struct {
	reader    RowReader
	info      *leadcsv.Info
	mapping   *header.Mapping
	remap     []int    // input column -> output column; nil for identity
	width     int      // output width, when remap is set
	checkable []bool   // per detector
	missing   []string // per detector, why not checkable
	// style tells how the revenue and country columns are written.
	style columnStyle
	// phones checks the source's numbers: the run's checker, or one for
	// the region --region auto chose for this file.
	phones *phone.Checker
	// sample collects national numbers to tell whether the default region
	// fits the file (nil once decided, with --region auto).
	sample *regionSample
	// auto is --region auto's decision for this file.
	auto *phone.RegionGuess
}

// checkableReason reports whether the detector of reason r runs on the
// source's rows.
func (s *source) checkableReason(detectors []junk.Detector, r lead.Reason) bool {
	for i, d := range detectors {
		if d.Reason() == r {
			return s.checkable[i]
		}
	}
	return false
}

// Run executes the run and returns its summary. The returned error is a
// *leadcsv.FileError for bad input, or another error for output failures
// and cancellation.
func Run(ctx context.Context, cfg Config) (*summary.Summary, error) {
	if len(cfg.Inputs) == 0 {
		return nil, errors.New("no input files")
	}
	rules := cfg.Rules
	if rules == nil {
		rules = rulebook.Default()
	}
	detectors, err := junk.New(rules.Detectors, rules.Currency)
	if err != nil {
		return nil, err
	}
	region := rules.Region
	auto := strings.EqualFold(strings.TrimSpace(cfg.Region), RegionAuto)
	if cfg.Region != "" && !auto {
		region = cfg.Region
	}
	emails := email.NewChecker(email.Options{AllowDomains: rules.Detectors.BogusEmail.AllowDomains, FixTypos: cfg.FixTypos})
	phones := phone.NewCheckerWithOptions(phone.Options{DefaultRegion: region, AllowPremiumRate: rules.Detectors.BogusPhone.AllowPremiumRate})
	mapper := header.NewMapper(rules.Aliases)

	// Read every header first: a bad file stops the run before any
	// output exists.
	sources := make([]*source, len(cfg.Inputs))
	open := cfg.Open
	if open == nil {
		open = func(in Input, opts leadcsv.Options) (RowReader, error) { return leadcsv.NewReader(in.Name, in.R, opts) }
	}
	for i, in := range cfg.Inputs {
		r, err := open(in, cfg.Read)
		if err != nil {
			return nil, err
		}
		r, mapping := MapSampled(r, mapper)
		r, style := scanColumns(r, mapping.Columns)
		src := &source{reader: r, info: r.Describe(), mapping: mapping, phones: phones, style: style}
		if auto {
			var sample *regionSample
			src.reader, sample = scanRegion(r, mapping.Columns)
			g := sample.guess(region)
			src.auto = &g
			if g.Confident {
				src.phones = phone.NewCheckerWithOptions(phone.Options{DefaultRegion: g.Region, AllowPremiumRate: rules.Detectors.BogusPhone.AllowPremiumRate})
			}
		} else {
			src.sample = &regionSample{}
		}
		for _, d := range detectors {
			ok, why := d.Checkable(src.mapping.Columns)
			src.checkable = append(src.checkable, ok)
			src.missing = append(src.missing, why)
		}
		sources[i] = src
	}
	outHeader := unionHeader(sources)
	off := junk.Unbuilt(rules.Detectors)

	summary := summary.New(rules.Source, rules.ActionFor)
	for _, s := range sources {
		summary.AddFile(s.info.Name, s.info.Encoding.Name, leadcsv.DelimiterName(s.info.Delimiter))
		for i, ok := range s.checkable {
			if !ok {
				summary.FileNotChecked(s.info.Name, detectors[i].Reason(), s.missing[i])
			}
		}
		if !s.mapping.Columns.HasContact() {
			summary.NoContactColumns(s.info.Name)
		}
	}
	for _, o := range off {
		summary.RulebookOff(o.Reason, o.Why)
	}

	first := sources[0].info
	wopts := leadcsv.WriterOptions{Delimiter: first.Delimiter, CRLF: first.CRLF}
	if cfg.ExcelSafe {
		wopts.Escape = junk.IsFormula
	}
	statuses := []lead.Status{lead.Qualified, lead.Rejected}
	if rules.UsesNurture() {
		statuses = []lead.Status{lead.Qualified, lead.Nurture, lead.Rejected}
	}
	writers := make(map[lead.Status]RowWriter)
	for _, st := range statuses {
		w, err := newWriter(cfg, st, outHeader, wopts)
		if err != nil {
			return nil, err
		}
		if w != nil {
			writers[st] = w
		}
	}

	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	p := &processor{
		rules: rules, detectors: detectors, emails: emails, phones: phones, mx: cfg.MX,
		currency: rules.Currency,
		revenues: memo.New[companysize.Range](sizeMemoSize), employees: memo.New[companysize.Range](sizeMemoSize),
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Channels carry at most a few batches per worker, so memory holds a
	// bounded number of rows whatever the input's size.
	parse := make(chan *batch, workers*4)  // reader -> workers
	keyed := make(chan *batch, workers*4)  // reader -> duplicate lookup, in order
	decide := make(chan *batch, workers*4) // duplicate lookup -> workers
	ordered := make(chan *batch, workers*4)
	readErr := make(chan error, 1)
	go func() {
		readErr <- readAll(ctx, sources, cfg.Trace, parse, keyed)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() { p.work(ctx, sources, parse, decide) })
	}
	go dedupAll(rules, keyed, decide, ordered)

	decided := 0
	var writeErr error
	for b := range ordered {
		<-b.decided
		if writeErr != nil {
			continue // drain so the reader can finish
		}
		src := sources[b.src]
		for i := range b.items {
			it := &b.items[i]
			l := it.lead
			for i, ok := range src.checkable {
				if !ok {
					summary.NotChecked(detectors[i].Reason(), src.missing[i])
				}
			}
			for _, o := range off {
				summary.NotChecked(o.Reason, o.Why)
			}
			if l.Revenue.Unreadable() {
				summary.RevenueUnread(l.Revenue.Problem)
				if src.checkableReason(detectors, lead.BelowBudget) {
					summary.NotChecked(lead.BelowBudget, "revenue not readable")
				}
			}
			summary.Add(l)
			if src.sample != nil && !src.sample.full() {
				src.sample.add(l)
			}
			if !slices.Contains(statuses, l.Verdict.Status) {
				// Every row leaves in exactly one output: a status without
				// one is a bug, never a silent drop.
				writeErr = fmt.Errorf("%s: internal error: status %q has no output", l.Where(), l.Verdict.Status)
				cancel()
				continue
			}
			if w := writers[l.Verdict.Status]; w != nil {
				if err := w.Write(outCells(src, l.Cells), it.appended); err != nil {
					writeErr = fmt.Errorf("cannot write %s leads: %w", l.Verdict.Status, err)
					cancel()
					continue
				}
			}
			if cfg.Observe != nil {
				cfg.Observe(l)
			}
		}
		decided += len(b.items)
		if cfg.Progress != nil {
			cfg.Progress(decided)
		}
	}
	wg.Wait()
	rerr := <-readErr
	if writeErr != nil {
		return nil, writeErr
	}
	if rerr != nil {
		return nil, rerr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, st := range statuses {
		if w := writers[st]; w != nil {
			if err := w.Flush(); err != nil {
				return nil, fmt.Errorf("cannot write %s leads: %w", st, err)
			}
		}
	}
	for _, src := range sources {
		switch {
		case src.auto != nil:
			used := src.phones.DefaultRegion()
			summary.PhoneRegion(src.info.Name, used, true, *src.auto)
		case src.sample != nil:
			if g := src.sample.guess(region); g.Mismatch {
				summary.PhoneRegion(src.info.Name, phones.DefaultRegion(), false, g)
			}
		}
	}
	summary.Finish()
	return summary, nil
}

// newWriter returns the writer for rows of status st, or nil to discard
// them.
func newWriter(cfg Config, st lead.Status, header []string, opts leadcsv.WriterOptions) (RowWriter, error) {
	if cfg.NewWriter == nil {
		return nil, nil
	}
	return cfg.NewWriter(st, header, opts)
}

type item struct {
	lead  *lead.Lead
	trace bool
	// appended holds the values of the appended columns once decided.
	appended []string
}

// batch is a run of consecutive rows of one input. parsed is closed when
// every row is parsed and detected, decided when every row is decided.
type batch struct {
	src     int
	items   []item
	leads   []lead.Lead // the items' leads, allocated together
	bytes   int         // about what the rows' cells hold (see maxBatchBytes)
	parsed  chan struct{}
	decided chan struct{}
}

func newBatch(src int) *batch {
	return &batch{src: src, items: make([]item, 0, batchSize), leads: make([]lead.Lead, 0, batchSize),
		parsed: make(chan struct{}), decided: make(chan struct{})}
}

// add appends a lead to b and returns it.
// add returns the batch's next lead, filled with a record's position,
// cells and columns. The lead is set in place: a lead is over a kilobyte
// (its field cache), and copying one in per row showed in profiles.
func (b *batch) add(file string, line int, cells []string, cols *lead.Columns) *lead.Lead {
	b.leads = b.leads[:len(b.leads)+1] // never grows: a batch is flushed at batchSize
	l := &b.leads[len(b.leads)-1]      // zero: the slice is new
	l.File, l.Line, l.Cells, l.Columns = file, line, cells, cols
	return l
}

// batchSize is the number of rows a worker takes at a time: large enough
// that channel operations cost nothing per row, small enough that a few
// batches per worker in flight hold little memory.
const batchSize = 256

// maxBatchBytes ends a batch early when its rows are large (100,000
// columns, a huge field): the batches in flight, a few per worker, then
// hold a few dozen MiB whatever the rows' width.
const maxBatchBytes = 1 << 20

// rowBytes is about what a row's cells hold in memory.
func rowBytes(cells []string) int {
	n := 16 * len(cells)
	for _, c := range cells {
		n += len(c)
	}
	return n
}

// work runs a worker: it parses batches from parse and decides batches
// from decide, deciding first (a decided batch frees the writer) until
// both channels are closed.
func (p *processor) work(ctx context.Context, sources []*source, parse, decide <-chan *batch) {
	for parse != nil || decide != nil {
		select {
		case b, ok := <-decide:
			if !ok {
				decide = nil
				continue
			}
			p.decideBatch(b)
			continue
		default:
		}
		select {
		case b, ok := <-decide:
			if !ok {
				decide = nil
				continue
			}
			p.decideBatch(b)
		case b, ok := <-parse:
			if !ok {
				parse = nil
				continue
			}
			src := sources[b.src]
			for _, it := range b.items {
				p.process(ctx, it, src)
			}
			close(b.parsed)
		}
	}
}

// decideBatch lets the rulebook decide every row of b and prepares the
// appended columns.
func (p *processor) decideBatch(b *batch) {
	// One slice holds the appended values of the whole batch.
	values := make([]string, 0, len(b.items)*appendedWidth)
	for i := range b.items {
		it := &b.items[i]
		p.rules.Decide(it.lead, it.trace)
		start := len(values)
		values = appendAppended(values, it.lead)
		it.appended = values[start:len(values):len(values)]
	}
	close(b.decided)
}

// dedupAll takes the batches in input order as they are parsed, looks
// each row up in one duplicate index, and passes the batch on to be
// decided and, in the same order, written. It closes decide and ordered
// when keyed is closed.
func dedupAll(rules *rulebook.Rulebook, keyed <-chan *batch, decide, ordered chan<- *batch) {
	defer close(ordered)
	defer close(decide)
	index := dedup.New()
	for b := range keyed {
		<-b.parsed
		if s, _ := junk.StateOf(rules.Detectors, lead.Duplicate); s == junk.On {
			for _, it := range b.items {
				if !it.lead.Verdict.HasReason(lead.MalformedRow) {
					checkDuplicate(index, it.lead, it.trace)
				}
			}
		}
		// decide before ordered: the writer waits for this batch's
		// decision, so a worker must be able to take it.
		decide <- b
		ordered <- b
	}
}

// readAll reads every input in order, sending each batch to the workers
// and, in the same order, to the duplicate lookup.
func readAll(ctx context.Context, sources []*source, trace func(*lead.Lead) bool, work, ordered chan<- *batch) error {
	defer close(work)
	defer close(ordered)
	for si, s := range sources {
		b := newBatch(si)
		flush := func() bool {
			if len(b.items) == 0 {
				return true
			}
			select {
			case ordered <- b:
			case <-ctx.Done():
				return false
			}
			work <- b
			b = newBatch(si)
			return true
		}
		for {
			rec, err := s.reader.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				flush()
				return err
			}
			l := b.add(s.info.Name, rec.Line, rec.Cells, s.mapping.Columns)
			if rec.Problem != "" {
				l.Verdict.Add(lead.MalformedRow, rec.Problem)
			}
			it := item{lead: l}
			if trace != nil {
				it.trace = trace(l)
			}
			b.items = append(b.items, it)
			b.bytes += rowBytes(rec.Cells)
			if (len(b.items) == batchSize || b.bytes >= maxBatchBytes) && !flush() {
				return ctx.Err()
			}
		}
		if !flush() {
			return ctx.Err()
		}
	}
	return nil
}

// processor holds what workers share; everything in it is safe for
// concurrent use.
type processor struct {
	rules     *rulebook.Rulebook
	detectors []junk.Detector
	emails    *email.Checker
	phones    *phone.Checker
	mx        *email.MXChecker
	currency  string
	// revenues and employees memoise company size cells: exports fill
	// them from picklists ("$10M-$50M", "51-200"), so few values repeat
	// through a whole list.
	revenues, employees *memo.Memo[companysize.Range]
}

// sizeMemoSize bounds each company size memo (about 100 bytes an entry).
const sizeMemoSize = 4096

// process parses one lead's values and runs the detectors on it.
func (p *processor) process(ctx context.Context, it item, src *source) {
	l := it.lead
	malformed := l.Verdict.HasReason(lead.MalformedRow)
	p.checkEmails(ctx, l, p.mx != nil && !malformed)
	p.checkPhones(l, src.phones, src.style.isoCountries)
	if it.trace {
		traceContacts(l)
	}
	revenue, employees := l.Get(lead.AnnualRevenue), l.Get(lead.Employees)
	l.Revenue = p.parseRevenue(revenue, src)
	l.Employees = p.employees.Do(employees, func() companysize.Range { return companysize.ParseEmployees(employees) })
	l.Engagement = lead.ParseEngagement(l)
	l.Source = lead.ParseSource(l.Get(lead.Source))
	if malformed {
		// A malformed row is not judged, but a formula in it is still
		// found: its raw cells go out as they came in.
		for _, d := range p.detectors {
			if d.Reason() == lead.FormulaInjection {
				if detail, found := d.Detect(l); found {
					l.Verdict.Add(d.Reason(), detail)
				}
			}
		}
		if it.trace {
			l.Verdict.Trace = append(l.Verdict.Trace, "malformed_row: "+l.Verdict.Findings[0].Detail+"; detectors but formula_injection skipped")
		}
		return
	}
	for i, d := range p.detectors {
		if !src.checkable[i] {
			if it.trace {
				l.Verdict.Trace = append(l.Verdict.Trace, fmt.Sprintf("%s: not checked (%s)", d.Reason(), src.missing[i]))
			}
			continue
		}
		detail, found := d.Detect(l)
		if found {
			l.Verdict.Add(d.Reason(), detail)
		}
		if it.trace {
			if found {
				l.Verdict.Trace = append(l.Verdict.Trace, fmt.Sprintf("%s: found: %s", d.Reason(), detail))
			} else {
				l.Verdict.Trace = append(l.Verdict.Trace, fmt.Sprintf("%s: no", d.Reason()))
			}
		}
	}
}

func checkDuplicate(index *dedup.Index, l *lead.Lead, trace bool) {
	key := ""
	if !l.Email.Missing && !l.Email.Bogus {
		key = l.Email.DedupKey
	}
	e164 := ""
	if l.Phone.Valid {
		e164 = l.Phone.E164
	}
	res := index.Check(dedup.Lead{File: l.File, Line: l.Line, EmailKey: key, E164: e164,
		FirstName: l.Get(lead.FirstName), LastName: l.Get(lead.LastName)})
	if res.Duplicate {
		l.Verdict.DuplicateOf = res.First.String()
		l.Verdict.Add(lead.Duplicate, "first seen at "+res.First.String())
	}
	if res.WrongName {
		l.Verdict.Add(lead.WrongName, res.Detail)
	}
	if trace {
		switch {
		case res.Duplicate:
			l.Verdict.Trace = append(l.Verdict.Trace, "duplicate: found: first seen at "+res.First.String())
		default:
			l.Verdict.Trace = append(l.Verdict.Trace, "duplicate: no")
		}
	}
}

// appendedWidth is the number of values appended returns: every
// appended column but leadclean_overflow, which the writer fills.
var appendedWidth = len(lead.Appended) - 1

// appendAppended appends the values of the appended columns to dst, each
// computed as the table lead.Appended says.
func appendAppended(dst []string, l *lead.Lead) []string {
	for _, c := range lead.Appended[:appendedWidth] {
		dst = append(dst, c.Value(l))
	}
	return dst
}

// unionHeader returns the output header: the first input's header, then
// any column of later inputs not already in it (matched by name and
// occurrence, so duplicate header names stay apart). It sets each
// source's remap when its columns do not line up with the output's.
func unionHeader(sources []*source) []string {
	out := append([]string(nil), sources[0].info.Header...)
	type key struct {
		name string
		nth  int
	}
	pos := make(map[key]int)
	seen := make(map[string]int)
	for i, h := range out {
		pos[key{h, seen[h]}] = i
		seen[h]++
	}
	for _, s := range sources[1:] {
		count := make(map[string]int)
		remap := make([]int, len(s.info.Header))
		identity := len(s.info.Header) == len(sources[0].info.Header)
		for i, h := range s.info.Header {
			k := key{h, count[h]}
			count[h]++
			j, ok := pos[k]
			if !ok {
				j = len(out)
				out = append(out, h)
				pos[k] = j
			}
			remap[i] = j
			identity = identity && j == i
		}
		if !identity {
			s.remap = remap
		}
	}
	for _, s := range sources {
		s.width = len(out)
	}
	return out
}

// outCells places a row's cells in the output's columns. Cells beyond
// the input's header stay at the end, for leadclean_overflow.
func outCells(s *source, cells []string) []string {
	if s.remap == nil {
		hdr := len(s.info.Header)
		if len(cells) <= hdr || s.width <= hdr {
			return cells
		}
		// A long row of a file whose header is a prefix of the output's:
		// its extra cells must not land in a later file's columns.
		out := make([]string, s.width, s.width+len(cells)-hdr)
		copy(out, cells[:hdr])
		return append(out, cells[hdr:]...)
	}
	out := make([]string, s.width, s.width+max(0, len(cells)-len(s.remap)))
	for i, c := range cells {
		if i < len(s.remap) {
			out[s.remap[i]] = c
		} else {
			out = append(out, c)
		}
	}
	return out
}
