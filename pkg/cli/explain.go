package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/pipeline"
)

// ExplainOptions are the flags and arguments of `leadclean explain`.
type ExplainOptions struct {
	Streams *Streams
	File    string
	Row     int
	ID      string
	Rules   string
	Region  string
	// CheckMX looks up the lead's e-mail domain, as clean --check-mx does.
	CheckMX   bool
	MXTimeout time.Duration
	inputFlags
}

// NewCmdExplain builds `leadclean explain`.
func NewCmdExplain(s *Streams) *cobra.Command {
	opts := &ExplainOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "explain FILE (--row N | --id VALUE)",
		Short: "Show how one lead was decided: every detector and rule",
		Long: `Run the clean over FILE without writing anything and print, for one lead,
what each detector found, how duplicates were checked, each scoring rule
and its points, and the decision. --row counts data rows from 1 (the first
row after the header); --id picks the first row whose email, or any cell,
equals VALUE.`,
		Example: `  leadclean explain trade-show.csv --row 17
  leadclean explain -r rulebook.yaml hubspot.csv --id jane@acme.io
  leadclean explain --sheet Leads event.xlsx --id +4915123456789`,
		ValidArgsFunction: completeInputs,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("explain needs exactly one file")
			}
			if (opts.Row > 0) == (opts.ID != "") {
				return usagef("explain needs one of --row N or --id VALUE")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			return runExplain(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.Row, "row", 0, "data row number, counting from 1")
	f.StringVar(&opts.ID, "id", "", "email address or cell value that identifies the lead")
	f.StringVarP(&opts.Rules, "rules", "r", "", "rulebook YAML file (default: embedded)")
	f.StringVar(&opts.Region, "region", "", "default phone region (overrides the rulebook), or auto to choose per file from its numbers")
	f.BoolVar(&opts.CheckMX, "check-mx", false, "look up the email domain's mail servers, as clean --check-mx does (network)")
	f.DurationVar(&opts.MXTimeout, "mx-timeout", 5*time.Second, "timeout of one MX lookup with --check-mx")
	opts.inputFlags.register(cmd)
	_ = cmd.MarkFlagFilename("rules", "yaml", "yml")
	return cmd
}

func runExplain(ctx context.Context, opts *ExplainOptions) error {
	if err := checkRegionFlag(opts.Region); err != nil {
		return err
	}
	in, err := opts.inputFlags.openOne(opts.Rules, opts.File, opts.Streams.In)
	if err != nil {
		return err
	}
	defer in.close()
	rules := in.rules

	row := 0
	matched := false
	match := func(l *lead.Lead) bool {
		row++
		if matched {
			return false
		}
		if opts.Row > 0 {
			matched = row == opts.Row
			return matched
		}
		if strings.EqualFold(l.Get(lead.Email), opts.ID) {
			matched = true
			return true
		}
		for _, c := range l.Cells {
			if strings.TrimSpace(c) == opts.ID {
				matched = true
				return true
			}
		}
		return false
	}
	var found *lead.Lead
	cfg := pipeline.Config{Rules: rules, Inputs: in.inputs, Read: in.read, Region: opts.Region, Workers: 1, Open: in.opener.open,
		Trace: match,
		Observe: func(l *lead.Lead) {
			if found == nil && len(l.Verdict.Trace) > 0 {
				found = l
			}
		},
	}
	if opts.CheckMX {
		cfg.MX = newMXChecker(opts.MXTimeout)
	}
	if _, err := pipeline.Run(ctx, cfg); err != nil {
		return err
	}
	if found == nil {
		if opts.Row > 0 {
			return &hintError{fmt.Errorf("%s has %d data rows; there is no row %d", opts.File, row, opts.Row), "rows count from 1, the first row after the header"}
		}
		return fmt.Errorf("no row of %s has an email or cell equal to %q", opts.File, opts.ID)
	}
	w := opts.Streams.Out
	fmt.Fprintf(w, "%s (rulebook %s)\n", found.Where(), rules.Source)
	for _, f := range []lead.Field{lead.FirstName, lead.LastName, lead.Email, lead.Phone, lead.Company, lead.JobTitle, lead.Country} {
		if found.Has(f) {
			fmt.Fprintf(w, "  %-11s %s\n", f.String()+":", found.Get(f))
		}
	}
	fmt.Fprintln(w)
	for _, line := range found.Verdict.Trace {
		fmt.Fprintf(w, "  %s\n", line)
	}
	codes := make([]string, len(found.Verdict.Findings))
	for i, f := range found.Verdict.Findings {
		codes[i] = string(f.Reason)
	}
	fmt.Fprintf(w, "\nstatus: %s  score: %d  grade: %s  reasons: %s\n", found.Verdict.Status, found.Verdict.Score, orDash(found.Verdict.Grade), orDash(strings.Join(codes, ";")))
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
