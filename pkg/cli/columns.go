package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadcsv"
	"github.com/leadclean/leadclean/pkg/pipeline"
	"github.com/leadclean/leadclean/pkg/rendering"
	"github.com/leadclean/leadclean/pkg/summary"
)

// ColumnsOptions are the flags and arguments of `leadclean columns`.
type ColumnsOptions struct {
	Streams *Streams
	File    string
	Rules   string
	inputFlags
}

// NewCmdColumns builds `leadclean columns`.
func NewCmdColumns(s *Streams) *cobra.Command {
	opts := &ColumnsOptions{Streams: s}
	cmd := &cobra.Command{
		Use:   "columns FILE",
		Short: "Show how each column of an export was understood",
		Long: `Print each column of FILE's header with the canonical field it was mapped
to (or why it was not), the file's detected encoding and delimiter, and the
canonical fields that were not found. Add spellings leadclean does not know
under columns: in your rulebook.`,
		Example: `  leadclean columns salesforce-leads.csv
  leadclean columns -r rulebook.yaml messe-export.csv
  leadclean columns --sheet "Badge scans" trade-show.xlsx`,
		ValidArgsFunction: completeInputs,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("columns needs exactly one file")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			return runColumns(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Rules, "rules", "r", "", "rulebook whose columns: aliases apply")
	opts.inputFlags.register(cmd)
	_ = cmd.MarkFlagFilename("rules", "yaml", "yml")
	return cmd
}

func runColumns(_ context.Context, opts *ColumnsOptions) error {
	in, err := opts.inputFlags.openOne(opts.Rules, opts.File, opts.Streams.In)
	if err != nil {
		return err
	}
	defer in.close()
	rules := in.rules
	rr, err := in.opener.open(in.inputs[0], in.read)
	if err != nil {
		return err
	}
	rr, m := pipeline.MapSampled(rr, header.NewMapper(rules.Aliases))
	r := rr.Describe()
	w := opts.Streams.Out
	if r.Encoding.Name == formatXLSX {
		fmt.Fprintf(w, "%s: xlsx workbook, %d columns\n\n", r.Name, len(r.Header))
	} else {
		fmt.Fprintf(w, "%s: %s, %s-separated, %d columns\n\n", r.Name, r.Encoding.Name, leadcsv.DelimiterName(r.Delimiter), len(r.Header))
	}
	rows := make([][]string, 0, len(m.Notes))
	for _, n := range m.Notes {
		field := n.Field.String()
		if field == "" {
			field = "-"
		}
		rows = append(rows, []string{fmt.Sprint(n.Index + 1), n.Header, field, n.Why})
	}
	if err := rendering.WriteTable(w, false, []string{"#", "Column", "Field", "Why"}, make([]bool, 4), rows); err != nil {
		return err
	}
	if missing := names(m.Missing()); len(missing) > 0 {
		fmt.Fprintf(w, "\nnot found: %s\n", strings.Join(missing, ", "))
	}
	if m.Columns.Has(lead.FullName) && len(m.Columns.Indexes(lead.FirstName)) == 0 && len(m.Columns.Indexes(lead.LastName)) == 0 {
		fmt.Fprintln(w, "full_name is split into first_name and last_name")
	}
	return writeContactNotes(w, rr, m.Columns, r.Name, rules.Region)
}

// writeContactNotes says what columns says about reaching the leads: no
// contact column at all, several of a kind (each is checked), and a phone
// region that does not fit the file's numbers (read from a sample).
func writeContactNotes(w io.Writer, rr pipeline.RowReader, cols *lead.Columns, name, region string) error {
	phones := len(cols.Indexes(lead.Phone)) + len(cols.Indexes(lead.Mobile))
	emails := len(cols.Indexes(lead.Email))
	switch {
	case phones == 0 && emails == 0:
		fmt.Fprintln(w, "no email, phone or mobile column: bogus_email, bogus_phone and no_contact cannot be checked; add an alias under columns: in a rulebook or --map 'HEADER=phone'")
		return nil
	case phones > 1 || emails > 1:
		fmt.Fprintf(w, "contacts: %d email and %d phone or mobile columns, each checked; a lead is reachable when any of them is usable\n", emails, phones)
	}
	if phones == 0 {
		return nil
	}
	_, g := pipeline.GuessFileRegion(rr, cols, region)
	note := summary.PhoneRegion{File: name, Used: g.Default, RegionGuess: g}
	switch {
	case g.Mismatch && g.Confident:
		fmt.Fprintf(w, "%s; --region auto would choose %s\n", note.String(), g.Region)
	case g.Mismatch:
		fmt.Fprintf(w, "%s; --region auto would keep %s: %s\n", note.String(), orNoRegion(g.Default), g.Why)
	case g.Numbers > 0:
		fmt.Fprintf(w, "phone region: %d of %d sampled numbers without a country code are valid for %s\n", g.ValidDefault, g.Numbers, orNoRegion(g.Default))
	}
	return nil
}

func orNoRegion(r string) string {
	if r == "" {
		return "no region"
	}
	return r
}

func names(fs []lead.Field) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.String()
	}
	return out
}
