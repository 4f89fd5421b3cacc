package cli

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/leadclean/leadclean/pkg/audit"
	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/outputs"
	"github.com/leadclean/leadclean/pkg/pipeline"
	"github.com/leadclean/leadclean/pkg/rendering"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

// AuditOptions are the flags and arguments of `leadclean audit`.
type AuditOptions struct {
	Streams *Streams

	Inputs []string
	Rules  string
	// Compare, when set, makes the first two arguments the old and the
	// new rulebook.
	Compare  bool
	OldRules string
	NewRules string

	Since    string
	Until    string
	Quarter  string
	DayFirst bool

	inputFlags
	Region string

	// Report is the rendering of the report on standard output: table,
	// json, markdown or none (--report; --format is its old spelling).
	Report string
	HTML   string
	Quiet  bool
	// Costs, when set, is a costs CSV: the report adds each source's
	// cost per lead, qualified and converted lead, and revenue per cost.
	Costs string
}

// NewCmdAudit builds `leadclean audit`. runF replaces the run in tests.
func NewCmdAudit(s *Streams, runF func(context.Context, *AuditOptions) error) *cobra.Command {
	opts := &AuditOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "audit FILE... | audit --compare OLD.yaml NEW.yaml FILE...",
		Short: "Judge lead sources and the rulebook against real outcomes of a past period",
		Long: `Read exports whose rows also carry outcomes (Salesforce Lead Status and
IsConverted, Converted Date, Converted Opportunity; deal and opportunity
stages of Salesforce, HubSpot, Pipedrive, Zoho, Dynamics and Datablist;
HubSpot Lifecycle Stage, Number of Associated Deals, Recent Deal Amount;
"Closed Won Amount"), keep the rows created in the period, and report each
lead as converted, lost, still open or without outcome. Open leads are never
counted as lost; blank outcome cells are no outcome; a column whose cells
are titles or names is refused, and the report lists the columns it took
and refused, and the rows whose columns disagree.

Per lead source, per decision (qualified, nurture, rejected) and per reason:
leads, junk share, converted, lost, open, revenue (where the file has a
revenue column), and the conversion rate among closed leads with its 95%
Wilson interval; a group with fewer than 20 closed leads is not ranked. The
backtest shows the lift of qualified over rejected leads, and each reason's
cost both ways: the converted leads it sent away and the lost leads it
kept out.

With --compare OLD.yaml NEW.yaml, show which rows flip between qualified,
nurture and rejected when the rulebook changes, per reason and per source.

The report goes to standard output; no lead file is written.`,
		Example: `  leadclean audit --quarter 2026Q3 -r rulebook.yaml salesforce-q3.csv
  leadclean audit --since 2026-07-01 --until 2026-09-30 --report markdown hubspot.csv > audit.md
  leadclean audit --html q3.html --quarter 2026Q3 export.csv
  leadclean audit --compare rulebook.yaml rulebook-new.yaml --quarter 2026Q3 export.csv`,
		Args: func(cmd *cobra.Command, args []string) error {
			need := 1
			if opts.Compare {
				need = 3
			}
			if len(args) < need {
				if opts.Compare {
					return usagef("audit --compare needs the old rulebook, the new rulebook and at least one input file")
				}
				return usagef("audit needs at least one input file (or - for standard input)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Compare {
				if opts.Rules != "" {
					return usagef("--rules and --compare cannot be used together: --compare names both rulebooks")
				}
				opts.OldRules, opts.NewRules, args = args[0], args[1], args[2:]
			}
			opts.Inputs = args
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runAudit(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Rules, "rules", "r", "", "rulebook YAML file (default: the embedded rulebook)")
	f.BoolVar(&opts.Compare, "compare", false, "compare two rulebooks: the first two arguments are OLD.yaml and NEW.yaml")
	f.StringVar(&opts.Since, "since", "", "keep leads created on or after this day (YYYY-MM-DD)")
	f.StringVar(&opts.Until, "until", "", "keep leads created on or before this day (YYYY-MM-DD)")
	f.StringVar(&opts.Quarter, "quarter", "", "keep leads created in this calendar quarter, such as 2026Q3")
	f.BoolVar(&opts.DayFirst, "day-first", false, "read every ambiguous created date such as 01/07/2026 day first (July 1st); without it each file's own dates decide")
	opts.inputFlags.register(cmd)
	f.StringVar(&opts.Region, "region", "", "default phone region, ISO 3166 code such as US or DE (overrides the rulebook), or auto to choose per file from its numbers")
	f.StringVar(&opts.Report, "report", "table", "report on standard output: table, json, markdown or none")
	addHiddenAlias(cmd, "report", "format")
	f.StringVar(&opts.HTML, "html", "", "also write a self-contained HTML report (charts, no network) to this file")
	addQuietFlag(cmd, &opts.Quiet)
	f.StringVar(&opts.Costs, "costs", "", "costs CSV (lead source, cost, currency, period): add cost per lead, per qualified and per converted lead, revenue per cost")
	cmd.MarkFlagsMutuallyExclusive("quarter", "since")
	cmd.MarkFlagsMutuallyExclusive("compare", "costs")
	cmd.MarkFlagsMutuallyExclusive("quarter", "until")
	_ = cmd.MarkFlagFilename("rules", "yaml", "yml")
	return cmd
}

func auditPeriod(opts *AuditOptions) (audit.Period, error) {
	var p audit.Period
	var err error
	if opts.Quarter != "" {
		if p, err = audit.ParseQuarter(opts.Quarter); err != nil {
			return p, usagef("--quarter: %v", err)
		}
		return p, nil
	}
	if opts.Since != "" {
		if p.Since, err = audit.ParseDay(opts.Since); err != nil {
			return p, usagef("--since: %v", err)
		}
	}
	if opts.Until != "" {
		if p.Until, err = audit.ParseDay(opts.Until); err != nil {
			return p, usagef("--until: %v", err)
		}
	}
	if !p.Since.IsZero() && !p.Until.IsZero() && p.Until.Before(p.Since) {
		return p, usagef("--until %s is before --since %s", p.Until, p.Since)
	}
	return p, nil
}

func runAudit(ctx context.Context, opts *AuditOptions) error {
	format, err := rendering.ParseFormat(opts.Report)
	if err != nil {
		return &usageError{err}
	}
	if err := checkRegionFlag(opts.Region); err != nil {
		return err
	}
	period, err := auditPeriod(opts)
	if err != nil {
		return err
	}
	readOpts, err := opts.inputFlags.readOptions()
	if err != nil {
		return err
	}
	// --html is planned before anything is read, checked against every
	// input once they are open, and committed when the report is ready.
	set := outputs.New(opts.Streams.Out)
	var htmlOut *outputs.Output
	if opts.HTML != "" {
		if opts.HTML == "-" {
			return usagef("--html - would mix the HTML page with the audit report on standard output; give it a file")
		}
		if htmlOut, err = set.Plan("--html", opts.HTML, false); err != nil {
			return err
		}
	}
	defer set.Abort() // a no-op after Commit
	for _, in := range opts.Inputs {
		if in == "-" && opts.Compare {
			return usagef("audit --compare reads its inputs twice: standard input (-) cannot be one")
		}
	}
	// Rulebooks load before any input is opened.
	var rules, newRules *rulebook.Rulebook
	if opts.Compare {
		if rules, err = loadRules(opts.OldRules, opts.Map); err != nil {
			return err
		}
		if newRules, err = loadRules(opts.NewRules, opts.Map); err != nil {
			return err
		}
	} else if rules, err = loadRules(opts.Rules, opts.Map); err != nil {
		return err
	}
	costList, err := loadCosts(opts.Costs, rules)
	if err != nil {
		return err
	}

	sideInputs := [][2]string{{"rulebook", opts.Rules}, {"rulebook", opts.OldRules}, {"rulebook", opts.NewRules}, {"costs file", opts.Costs}}
	// Input warnings (a file with no e-mail or phone column, ...) print
	// once, as in clean: --compare reads the inputs twice.
	warned := opts.Quiet
	run := func(rb *rulebook.Rulebook, observe func(*lead.Lead)) error {
		inputs, closeInputs, err := openInputs(opts.Inputs, opts.Streams.In)
		if err != nil {
			return err
		}
		defer closeInputs()
		if err := checkClashes(set, inputs, opts.Streams.In, sideInputs...); err != nil {
			return err
		}
		opener := &inputOpener{sheet: opts.Sheet}
		if !warned {
			opener.mapper, opener.warn = header.NewMapper(rb.Aliases), opts.Streams.errWriter()
			warned = true
		}
		defer opener.close()
		cfg := pipeline.Config{Rules: rb, Inputs: inputs, Read: readOpts, Region: opts.Region, Observe: observe, Open: opener.open}
		progress := startProgress(opts.Streams, opts.Quiet, cfg.Inputs)
		cfg.Inputs, cfg.Progress = progress.inputs, progress.rows
		_, err = pipeline.Run(ctx, cfg)
		progress.stop()
		return err
	}

	if opts.Compare {
		rec := audit.NewRecorder(rules.Source, newRules.Source, period, opts.DayFirst)
		if err := run(rules, rec.ObserveFirst); err != nil {
			return err
		}
		if err := run(newRules, rec.ObserveSecond); err != nil {
			return err
		}
		cmp, err := rec.Comparison()
		if err != nil {
			return err
		}
		return cmp.Write(opts.Streams.Out, format)
	}

	auditOpts := audit.Options{Rulebook: rules.Source, ActionFor: rules.ActionFor, Period: period, DayFirst: opts.DayFirst,
		Agreement: rules.Agreement}
	if costList != nil {
		auditOpts.Costs = costList.Select(costWindow(period))
	}
	auditor := audit.New(auditOpts)
	if err := run(rules, auditor.Observe); err != nil {
		return err
	}
	rep := auditor.Report()
	if htmlOut != nil {
		if err := writeOutput(htmlOut, rep.WriteHTML); err != nil {
			return err
		}
		if err := set.Commit(); err != nil {
			return err
		}
	}
	return rep.Write(opts.Streams.Out, format)
}
