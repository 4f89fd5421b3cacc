package cli

import (
	"fmt"
	"strings"

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
				if r.Name != "" {
					fmt.Fprintf(s.Out, "%s: ok (%s)\n", path, r.Name)
				} else {
					fmt.Fprintf(s.Out, "%s: ok\n", path)
				}
				file, dflt := originLists(r.Origins())
				if len(dflt) > 0 {
					fmt.Fprintf(s.Out, "  from the file: %s\n  from the default: %s\n", orNone(file), strings.Join(dflt, ", "))
				}
			}
			return firstErr
		},
	})
	return cmd
}

// originLists splits a rulebook's sections by where they came from; the
// detectors are named one by one only when the file gives some of them.
func originLists(origins []rulebook.Origin) (file, dflt []string) {
	detFile, detDefault := 0, 0
	for _, o := range origins {
		if strings.HasPrefix(o.Section, "detectors.") {
			if o.Default {
				detDefault++
			} else {
				detFile++
			}
		}
	}
	for _, o := range origins {
		name := o.Section
		if strings.HasPrefix(name, "detectors.") && (detFile == 0 || detDefault == 0) {
			if (o.Default && detFile == 0 && detDefault > 0 && name != firstDetector(origins)) ||
				(!o.Default && detDefault == 0 && name != firstDetector(origins)) {
				continue
			}
			name = "detectors"
		}
		if o.Default {
			dflt = append(dflt, name)
		} else {
			file = append(file, name)
		}
	}
	return file, dflt
}

func firstDetector(origins []rulebook.Origin) string {
	for _, o := range origins {
		if strings.HasPrefix(o.Section, "detectors.") {
			return o.Section
		}
	}
	return ""
}

func orNone(list []string) string {
	if len(list) == 0 {
		return "nothing"
	}
	return strings.Join(list, ", ")
}
