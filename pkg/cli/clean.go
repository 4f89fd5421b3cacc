package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/leadclean/leadclean/pkg/email"
	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadcsv"
	"github.com/leadclean/leadclean/pkg/outputs"
	"github.com/leadclean/leadclean/pkg/phone"
	"github.com/leadclean/leadclean/pkg/pipeline"
	"github.com/leadclean/leadclean/pkg/rendering"
	"github.com/leadclean/leadclean/pkg/rulebook"
	"github.com/leadclean/leadclean/pkg/threshold"
)

// CleanOptions are the flags and arguments of `leadclean clean`.
type CleanOptions struct {
	Streams *Streams

	Inputs    []string
	OutDir    string
	Qualified string
	Rejected  string
	Nurture   string
	Rules     string

	inputFlags
	Region string

	FixTypos  bool
	CheckMX   bool
	MXTimeout time.Duration
	ExcelSafe bool

	// Format is the output format: csv or xlsx.
	Format string
	// OneWorkbook writes every status as a sheet of one workbook.
	OneWorkbook bool
	// Excel is the CSV preset for Excel: UTF-8 with BOM, ; or , delimiter.
	Excel bool

	Summary     string
	SummaryFile string
	Quiet       bool
	Workers     int
	// HTML, when set, is where the self-contained HTML report goes.
	HTML string
	// FailIf are --fail-if conditions (see threshold.Parse).
	FailIf []string
	// Costs, when set, is a costs CSV (lead source, cost, currency,
	// period): the summary adds cost per lead and per qualified lead.
	Costs string
	// CPUProfile, when set, is where a CPU profile of the run is written
	// (hidden --cpuprofile, for .ci/perf and performance work).
	CPUProfile string
}

// NewCmdClean builds `leadclean clean`. runF replaces the run in tests.
func NewCmdClean(s *Streams, runF func(context.Context, *CleanOptions) error) *cobra.Command {
	opts := &CleanOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "clean FILE... | -",
		Short: "Split lead exports into qualified, nurture and rejected files",
		Long: `Read one or more lead exports (or - for standard input), flag junk leads,
apply the rulebook, and write every row, in input order, to exactly one of
qualified.csv, nurture.csv (when the rulebook has a nurture bucket) and
rejected.csv. Every original column is kept unchanged; leadclean appends
leadclean_status, leadclean_reasons, leadclean_score, leadclean_email,
leadclean_phone, leadclean_grade, leadclean_email_suggestion,
leadclean_duplicate_of and leadclean_overflow.

Outputs are written to a temporary file and renamed into place only when the
whole run succeeds: a failed run leaves any earlier output intact. A summary
table goes to standard error.`,
		Example: `  # an event list: ./qualified.csv and ./rejected.csv, summary on stderr
  leadclean clean trade-show.csv

  # a CRM export with the team's rulebook, into a folder
  leadclean clean -r rulebook.yaml -o cleaned/ hubspot-export.csv

  # a cron pipeline: qualified leads on stdout, JSON summary to a file
  cat form-dump.csv | leadclean clean - --qualified - --rejected rejected.csv \
      --summary none --summary-file summary.json

  # a German Excel export saved as ;-separated text
  leadclean clean --delimiter semicolon --encoding windows-1252 messe.csv

  # a workbook in, workbooks out (qualified.xlsx, ...), cells kept as text
  leadclean clean --sheet "Badge scans" --format xlsx trade-show.xlsx

  # one workbook with a sheet per status: ./leads.xlsx
  leadclean clean --one-workbook trade-show.xlsx

  # CSV a double-click in Excel opens with é, ü and 田中 intact
  leadclean clean --excel -o for-sales/ hubspot-export.csv`,
		ValidArgsFunction: completeInputs,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("clean needs at least one input file (or - for standard input)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runClean(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.OutDir, "out-dir", "o", ".", "folder for qualified.csv, nurture.csv and rejected.csv")
	f.StringVar(&opts.Qualified, "qualified", "", "path for the qualified leads (- for standard output)")
	f.StringVar(&opts.Rejected, "rejected", "", "path for the rejected leads (- for standard output)")
	f.StringVar(&opts.Nurture, "nurture", "", "path for the nurture leads (- for standard output)")
	f.StringVarP(&opts.Rules, "rules", "r", "", "rulebook YAML file (default: the embedded rulebook; see 'leadclean rules init')")
	opts.inputFlags.register(cmd)
	f.StringVar(&opts.Region, "region", "", "default phone region, ISO 3166 code such as US or DE (overrides the rulebook), or auto to choose per file from its numbers")
	f.BoolVar(&opts.FixTypos, "fix-typos", false, "write suggested fixes of provider typos (jane@gmial.com) to leadclean_email")
	f.BoolVar(&opts.CheckMX, "check-mx", false, "look up each email domain's mail servers (network; off by default)")
	f.DurationVar(&opts.MXTimeout, "mx-timeout", 5*time.Second, "timeout of one MX lookup with --check-mx")
	f.BoolVar(&opts.ExcelSafe, "excel-safe", false, "prefix cells a spreadsheet would run as a formula with an apostrophe")
	f.StringVar(&opts.Format, "format", "", "format of the lead files: csv or xlsx (default csv; xlsx writes every cell as text)")
	f.BoolVar(&opts.OneWorkbook, "one-workbook", false, "write one workbook, leads.xlsx, with a sheet per status (implies --format xlsx)")
	f.BoolVar(&opts.Excel, "excel", false, "CSV for Excel: UTF-8 with BOM, ; when the input used it, else ,")
	f.StringVar(&opts.Summary, "summary", "table", "summary on standard error: table, json, markdown or none")
	f.StringVar(&opts.SummaryFile, "summary-file", "", "also write the summary to this file, - for standard output (JSON; Markdown for .md, a table for .txt)")
	addQuietFlag(cmd, &opts.Quiet)
	f.IntVar(&opts.Workers, "workers", 0, "parsing goroutines (default: number of CPUs)")
	f.StringVar(&opts.HTML, "html", "", "also write a self-contained HTML report (charts, no network) to this file")
	f.StringVar(&opts.Costs, "costs", "", "costs CSV (lead source, cost, currency, period): add cost per lead and per qualified lead to the summary")
	f.StringArrayVar(&opts.FailIf, "fail-if", nil, "exit 3 when the completed run crosses a threshold, such as 'rejected_rate > 0.6' (repeatable, comma-separated)")
	f.StringVar(&opts.CPUProfile, "cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	_ = f.MarkHidden("cpuprofile")
	_ = cmd.MarkFlagFilename("rules", "yaml", "yml")
	return cmd
}

func addReadFlags(cmd *cobra.Command, delimiter, encoding *string, noHeader *bool) {
	f := cmd.Flags()
	f.StringVar(delimiter, "delimiter", "", "field delimiter: comma, semicolon, tab, pipe or one character (default: detected)")
	f.StringVar(encoding, "encoding", "", "input encoding: utf-8, utf-16le, utf-16be, windows-1252, ... (default: detected)")
	f.BoolVar(noHeader, "no-header", false, "the first row is data; columns are named column_1, column_2, ...")
}

func readOptions(delimiter, encoding string, noHeader bool) (leadcsv.Options, error) {
	o := leadcsv.Options{Encoding: encoding, NoHeader: noHeader}
	if delimiter != "" {
		d, err := leadcsv.ParseDelimiter(delimiter)
		if err != nil {
			return o, &usageError{err}
		}
		o.Delimiter = d
	}
	if encoding != "" {
		if _, err := leadcsv.LookupEncoding(encoding); err != nil {
			return o, &usageError{err}
		}
	}
	return o, nil
}

// loadRules loads the rulebook at path ("" for the embedded default) with
// the --map column mappings added; a malformed mapping is a usage error.
func loadRules(path string, maps []string) (*rulebook.Rulebook, error) {
	var extra map[lead.Field][]string
	for _, spec := range maps {
		f, col, err := rulebook.ParseMapping(spec)
		if err != nil {
			return nil, &usageError{err}
		}
		if extra == nil {
			extra = map[lead.Field][]string{}
		}
		extra[f] = append(extra[f], col)
	}
	return rulebook.LoadMapped(path, extra)
}

// openInputs opens the named inputs; "-" is standard input, at most once.
func openInputs(names []string, stdin io.Reader) ([]pipeline.Input, func(), error) {
	var files []*os.File
	closeAll := func() {
		for _, f := range files {
			f.Close()
		}
	}
	var inputs []pipeline.Input
	stdinUsed := false
	for _, name := range names {
		if name == "-" {
			if stdinUsed {
				closeAll()
				return nil, nil, usagef("standard input (-) can be read only once")
			}
			stdinUsed = true
			inputs = append(inputs, pipeline.Input{Name: "-", R: stdin})
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			closeAll()
			return nil, nil, &leadcsv.FileError{File: name, Msg: "cannot open: " + pathErr(err)}
		}
		if st, err := f.Stat(); err == nil && st.IsDir() {
			f.Close()
			closeAll()
			return nil, nil, &leadcsv.FileError{File: name, Msg: "is a folder, not a file"}
		}
		files = append(files, f)
		inputs = append(inputs, pipeline.Input{Name: name, R: f})
	}
	return inputs, closeAll, nil
}

func pathErr(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// leadFiles are the planned lead outputs, one per status, in the run's
// output transaction.
type leadFiles struct {
	paths   map[lead.Status]string
	planned map[lead.Status]*outputs.Output
}

func (o *leadFiles) open(st lead.Status) (io.Writer, error) {
	return o.planned[st].Writer()
}

// outputPaths resolves where each status goes. Clashes with inputs and
// other outputs are found by file identity in outputs.Set.Check.
func outputPaths(opts *CleanOptions) (map[lead.Status]string, error) {
	paths := map[lead.Status]string{
		lead.Qualified: defaultOutputPath(opts, lead.Qualified),
		lead.Nurture:   defaultOutputPath(opts, lead.Nurture),
		lead.Rejected:  defaultOutputPath(opts, lead.Rejected),
	}
	for st, p := range map[lead.Status]string{lead.Qualified: opts.Qualified, lead.Nurture: opts.Nurture, lead.Rejected: opts.Rejected} {
		if p != "" {
			paths[st] = p
		}
	}
	stdout := 0
	for _, p := range paths {
		if p == "-" {
			stdout++
		}
	}
	if stdout > 1 {
		return nil, usagef("only one of --qualified, --nurture and --rejected can be - (standard output)")
	}
	return paths, nil
}

// planLeadFiles adds the lead outputs to set, in status order.
func planLeadFiles(set *outputs.Set, paths map[lead.Status]string, oneWorkbook bool) (*leadFiles, error) {
	lf := &leadFiles{paths: paths, planned: make(map[lead.Status]*outputs.Output)}
	for _, st := range []lead.Status{lead.Qualified, lead.Nurture, lead.Rejected} {
		o, err := set.Plan(string(st)+" leads", paths[st], oneWorkbook)
		if err != nil {
			return nil, err
		}
		lf.planned[st] = o
	}
	return lf, nil
}

// checkClashes records every input's identity in set and refuses an
// output that is an input or another output, before anything is written.
func checkClashes(set *outputs.Set, inputs []pipeline.Input, stdin io.Reader, sideInputs ...[2]string) error {
	for _, in := range inputs {
		if in.Name == "-" {
			set.AddInput("standard input", "", stdin)
			continue
		}
		set.AddInput("input "+in.Name, in.Name, in.R)
	}
	for _, side := range sideInputs {
		set.AddInputPath(side[0]+" "+side[1], side[1])
	}
	if err := set.Check(); err != nil {
		return &usageError{err}
	}
	return nil
}

func runClean(ctx context.Context, opts *CleanOptions) error {
	format, err := rendering.ParseFormat(opts.Summary)
	if err != nil {
		return &usageError{err}
	}
	if err := checkRegionFlag(opts.Region); err != nil {
		return err
	}
	readOpts, err := opts.inputFlags.readOptions()
	if err != nil {
		return err
	}
	if err := checkFormatFlags(opts); err != nil {
		return err
	}
	paths, err := outputPaths(opts)
	if err != nil {
		return err
	}
	thresholds, err := threshold.Parse(opts.FailIf)
	if err != nil {
		return &usageError{err}
	}
	// Every output is planned before anything is read; nothing is
	// created until the run writes it, and all are committed together.
	set := outputs.New(opts.Streams.Out)
	files, err := planLeadFiles(set, paths, opts.OneWorkbook)
	if err != nil {
		return err
	}
	var summaryOut, htmlOut, profileOut *outputs.Output
	if opts.SummaryFile != "" {
		if summaryOut, err = set.Plan("--summary-file", opts.SummaryFile, false); err != nil {
			return err
		}
	}
	if opts.HTML != "" {
		if htmlOut, err = set.Plan("--html", opts.HTML, false); err != nil {
			return err
		}
	}
	if opts.CPUProfile != "" {
		if profileOut, err = set.Plan("--cpuprofile", opts.CPUProfile, false); err != nil {
			return err
		}
	}
	// The rulebook is loaded before any input is opened or output created.
	rules, err := loadRules(opts.Rules, opts.Map)
	if err != nil {
		return err
	}
	costList, err := loadCosts(opts.Costs, rules)
	if err != nil {
		return err
	}
	inputs, closeInputs, err := openInputs(opts.Inputs, opts.Streams.In)
	if err != nil {
		return err
	}
	defer closeInputs()
	if err := checkClashes(set, inputs, opts.Streams.In, [2]string{"rulebook", opts.Rules}, [2]string{"costs file", opts.Costs}); err != nil {
		return err
	}
	defer set.Abort() // a no-op after Commit

	opener := &inputOpener{sheet: opts.Sheet, mapper: header.NewMapper(rules.Aliases)}
	if !opts.Quiet {
		opener.warn = opts.Streams.errWriter()
	}
	defer opener.close()
	books := &writers{out: files, format: opts.Format, excel: opts.Excel}
	cfg := pipeline.Config{
		Rules: rules, Inputs: inputs, Read: readOpts, Region: opts.Region,
		FixTypos: opts.FixTypos, ExcelSafe: opts.ExcelSafe, Workers: opts.Workers,
		Open: opener.open, NewWriter: books.newWriter,
	}
	if opts.CheckMX {
		cfg.MX = newMXChecker(opts.MXTimeout)
	}
	stopProfile, err := startCPUProfile(profileOut)
	if err != nil {
		return err
	}
	progress := startProgress(opts.Streams, opts.Quiet, cfg.Inputs)
	cfg.Inputs, cfg.Progress = progress.inputs, progress.rows
	summary, err := pipeline.Run(ctx, cfg)
	stopProfile()
	progress.stop()
	if err != nil {
		books.abort()
		return err
	}
	if err := books.finish(); err != nil {
		return err
	}
	summary.Agreement = rules.Agreement
	if costList != nil {
		summary.ApplyCosts(costList.Select(time.Time{}, time.Time{}))
	}
	if cfg.MX != nil {
		st := cfg.MX.Stats()
		summary.MX = &st
	}
	if summaryOut != nil {
		ff := summaryFileFormat(opts.SummaryFile, format)
		if err := writeOutput(summaryOut, func(w io.Writer) error { return summary.Write(w, ff) }); err != nil {
			return err
		}
	}
	if htmlOut != nil {
		if err := writeOutput(htmlOut, summary.WriteHTML); err != nil {
			return err
		}
	}
	if err := set.Commit(); err != nil {
		return err
	}
	if !opts.Quiet {
		if err := summary.Write(opts.Streams.ErrOut, format); err != nil {
			return err
		}
	}
	// Failed lookups change what bogus_email counts mean: said even with
	// -q when a --fail-if threshold depends on the counts.
	if st := summary.MX; st != nil && (st.Failed > 0 || st.Untrusted != "") && (!opts.Quiet || len(thresholds) > 0) {
		warnMX(opts.Streams.ErrOut, st)
	}
	return checkThresholds(opts.Streams, opts.Quiet, summary, thresholds)
}

// newMXChecker is the --check-mx checker: 16 lookups at once, and large
// providers as canaries, so a resolver that denies every domain (an
// outage) makes lookups unknown instead of rejecting a whole list.
func newMXChecker(timeout time.Duration) *email.MXChecker {
	m := email.NewMXChecker(net.DefaultResolver, timeout, 16)
	m.SetCanaries("gmail.com", "outlook.com")
	return m
}

// warnMX says how many MX lookups failed (their addresses were not
// judged) and whether the resolver was distrusted.
func warnMX(w io.Writer, st *email.MXStats) {
	if st.Untrusted != "" {
		fmt.Fprintf(w, "leadclean: warning: --check-mx: %s; no address was rejected for its domain\n", st.Untrusted)
	}
	if st.Failed > 0 {
		fmt.Fprintf(w, "leadclean: warning: --check-mx: %d of %d domain lookups failed; their addresses were not judged (unknown, never bogus)\n", st.Failed, st.Domains)
	}
}

// writeOutput prepares a planned side output (summary file, HTML report):
// it is committed with the others.
func writeOutput(o *outputs.Output, write func(io.Writer) error) error {
	w, err := o.Writer()
	if err != nil {
		return err
	}
	if err := write(w); err != nil {
		return fmt.Errorf("cannot write %s: %w", o.Path, err)
	}
	return nil
}

// startCPUProfile starts a CPU profile into out (nil profiles nothing)
// and returns the function that stops it; out is committed with the
// other outputs.
func startCPUProfile(out *outputs.Output) (func(), error) {
	if out == nil {
		return func() {}, nil
	}
	w, err := out.Writer()
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(w); err != nil {
		return nil, fmt.Errorf("cannot write CPU profile %s: %w", out.Path, err)
	}
	return pprof.StopCPUProfile, nil
}

// checkRegionFlag refuses a --region the phone checker would ignore: an
// unknown region must not leave every national number unjudged silently.
func checkRegionFlag(region string) error {
	region = strings.TrimSpace(region)
	if region == "" || strings.EqualFold(region, pipeline.RegionAuto) {
		return nil
	}
	if _, ok := phone.CountryRegion(region); !ok {
		return usagef("--region %q is not a region leadclean knows: use an ISO 3166 code such as US, GB or EG, or auto", region)
	}
	return nil
}
