package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/leadclean/leadclean/pkg/rulebook"
)

// NewCmdRules builds `leadclean rules` and its subcommands.
func NewCmdRules(s *Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Write out or check a qualification rulebook",
		Long: `A rulebook is the written agreement between sales and marketing about which
leads sales will work: column aliases, each junk detector's parameters,
scoring rules, grades, and the decision (which reasons reject, which send a
lead to nurture, the score a lead needs to qualify).`,
		Example: `  leadclean rules init > rulebook.yaml
  leadclean rules check rulebook.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown rules command %q (use init or check)", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(&cobra.Command{
		Use:     "init",
		Short:   "Print the embedded default rulebook, every section commented",
		Example: `  leadclean rules init > rulebook.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("rules init takes no arguments; redirect its output: leadclean rules init > rulebook.yaml")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := s.Out.Write(rulebook.DefaultYAML())
			return err
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:     "check FILE...",
		Short:   "Check rulebooks strictly; errors name file:line:column",
		Example: `  leadclean rules check rulebook.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("rules check needs a rulebook file")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var firstErr error
			for _, path := range args {
				r, err := rulebook.Load(path)
				if err != nil {
					if firstErr == nil {
						firstErr = err
					} else {
						printError(s.ErrOut, err)
					}
					continue
				}
				fmt.Fprintf(s.Out, "%s: ok (%s)\n", path, r.Name)
			}
			return firstErr
		},
	})
	return cmd
}
