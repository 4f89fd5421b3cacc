package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadcsv"
	"github.com/leadclean/leadclean/pkg/pipeline"
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
	t := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
	)
	t.Header([]string{"#", "Column", "Field", "Why"})
	for _, n := range m.Notes {
		field := n.Field.String()
		if field == "" {
			field = "-"
		}
		if err := t.Append([]string{fmt.Sprint(n.Index + 1), n.Header, field, n.Why}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	if missing := names(m.Missing()); len(missing) > 0 {
		fmt.Fprintf(w, "\nnot found: %s\n", strings.Join(missing, ", "))
	}
	if m.Columns.Has(lead.FullName) && len(m.Columns.Indexes(lead.FirstName)) == 0 && len(m.Columns.Indexes(lead.LastName)) == 0 {
		fmt.Fprintln(w, "full_name is split into first_name and last_name")
	}
	return nil
}

func names(fs []lead.Field) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.String()
	}
	return out
}
