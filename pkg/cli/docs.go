package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// NewCmdDocs builds `leadclean docs man|markdown DIR`, which writes the
// reference of every command, generated from the same help text as
// --help.
func NewCmdDocs(s *Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "docs",
		Short: "Write man pages or Markdown reference for every command",
		Long: `Write the reference of every leadclean command, generated from its --help,
as man pages (section 1) or Markdown files. The man pages carry today's date
unless SOURCE_DATE_EPOCH is set (for reproducible packages).`,
		Example: `  leadclean docs man /usr/local/share/man/man1 && man leadclean-clean
  leadclean docs man ./man && man -l ./man/leadclean.1
  leadclean docs markdown docs/cli`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown docs format %q (use man or markdown)", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	gen := func(use, short, example string, write func(root *cobra.Command, dir string) error) *cobra.Command {
		return &cobra.Command{
			Use:     use + " DIR",
			Short:   short,
			Example: example,
			Args: func(cmd *cobra.Command, args []string) error {
				if len(args) != 1 {
					return usagef("docs %s needs the folder to write into", use)
				}
				return nil
			},
			ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
				return nil, cobra.ShellCompDirectiveFilterDirs
			},
			RunE: func(cmd *cobra.Command, args []string) error {
				dir := args[0]
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return fmt.Errorf("cannot create folder %s: %s", dir, pathErr(err))
				}
				root := cmd.Root()
				disableAutoGenTag(root)
				if err := write(root, dir); err != nil {
					return fmt.Errorf("cannot write %s pages to %s: %w", use, dir, err)
				}
				files, _ := filepath.Glob(filepath.Join(dir, "leadclean*"))
				fmt.Fprintf(s.ErrOut, "wrote %d %s pages to %s\n", len(files), use, dir)
				return nil
			},
		}
	}
	cmd.AddCommand(
		gen("man", "Write a man page per command (leadclean.1, leadclean-clean.1, ...)",
			"  leadclean docs man /usr/local/share/man/man1\n  leadclean docs man ./man && man -l ./man/leadclean-clean.1",
			func(root *cobra.Command, dir string) error {
				return doc.GenManTree(root, &doc.GenManHeader{
					Title: "LEADCLEAN", Section: "1", Source: "leadclean " + moduleVersion(), Manual: "leadclean manual",
				}, dir)
			}),
		gen("markdown", "Write a Markdown page per command (leadclean.md, leadclean_clean.md, ...)",
			"  leadclean docs markdown docs/cli",
			doc.GenMarkdownTree),
	)
	return cmd
}

// disableAutoGenTag drops cobra's "Auto generated ... on DATE" footer so
// the pages do not change from one day to the next.
func disableAutoGenTag(c *cobra.Command) {
	c.DisableAutoGenTag = true
	for _, sub := range c.Commands() {
		disableAutoGenTag(sub)
	}
}

// moduleVersion is the module version the binary was built at, or
// "(devel)".
func moduleVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
