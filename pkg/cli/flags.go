package cli

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// A flag name means one thing in every command that has it (README,
// "Flags"):
//
//	-r, --rules PATH   the rulebook (default: the embedded one)
//	-q, --quiet        nothing on standard error but errors: no progress,
//	                   warnings or summary
//	--format FORMAT    the format of the files a command writes (clean:
//	                   csv or xlsx lead files)
//	--summary FORMAT   clean's summary on standard error: table, json,
//	                   markdown or none
//	--report FORMAT    audit's report on standard output: table, json,
//	                   markdown or none
//	--html PATH        also write a self-contained HTML report
//	--costs PATH       the costs CSV
//
// A renamed flag keeps its old spelling as a hidden alias (see
// addHiddenAlias), so scripts written before the rename keep working.

// quietUsage is the help of -q, --quiet in every command.
const quietUsage = "print nothing on standard error but errors (no progress, warnings or summary)"

// addQuietFlag adds -q, --quiet.
func addQuietFlag(cmd *cobra.Command, quiet *bool) {
	cmd.Flags().BoolVarP(quiet, "quiet", "q", false, quietUsage)
}

// addHiddenAlias makes old another spelling of the flag name: both set
// the same value, and old is left out of help and completion.
func addHiddenAlias(cmd *cobra.Command, name, old string) {
	f := cmd.Flags().Lookup(name)
	cmd.Flags().AddFlag(&pflag.Flag{Name: old, Usage: "old spelling of --" + name, Value: f.Value, DefValue: f.DefValue, Hidden: true})
}
