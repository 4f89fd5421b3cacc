package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// NewCmdVersion builds `leadclean version`.
func NewCmdVersion(s *Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print leadclean's version and the revision it was built from",
		Long: `Print the module version (v1.2.3 when installed with go install ...@version,
(devel) from a checkout), the VCS revision the binary was built from (with
", modified" for uncommitted changes) and the Go version.`,
		Example: `  leadclean version
  go install github.com/leadclean/leadclean/cmd/leadclean@latest && leadclean version`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(s.Out, versionString())
			return err
		},
	}
}

func versionString() string {
	version, revision, modified := "(devel)", "", false
	if info, ok := debug.ReadBuildInfo(); ok {
		if info.Main.Version != "" {
			version = info.Main.Version
		}
		for _, kv := range info.Settings {
			switch kv.Key {
			case "vcs.revision":
				revision = kv.Value
			case "vcs.modified":
				modified = kv.Value == "true"
			}
		}
	}
	s := "leadclean " + version
	if revision != "" {
		s += " (" + revision
		if modified {
			s += ", modified"
		}
		s += ")"
	}
	return s + " " + runtime.Version()
}
