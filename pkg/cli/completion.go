package cli

import (
	"github.com/spf13/cobra"
)

// completionShells are the shells `leadclean completion` writes scripts for.
var completionShells = []string{"bash", "zsh", "fish", "powershell"}

// NewCmdCompletion builds `leadclean completion SHELL`. It replaces
// cobra's default completion command so its help has examples and a
// wrong shell is a usage error. The scripts complete commands, flags,
// rulebook files (.yaml, .yml) for --rules and input files (.csv, .tsv,
// .txt, .xlsx) for clean, columns and explain.
func NewCmdCompletion(s *Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print a shell completion script",
		Long: `Print the completion script for a shell. Once loaded, Tab completes
leadclean's commands and flags, rulebook files after --rules, and lead
exports (.csv, .tsv, .txt, .xlsx) as inputs.

bash needs the bash-completion package; zsh needs "autoload -U compinit;
compinit" in ~/.zshrc (most setups have it).`,
		Example: `  # bash, this shell only; or install it for every shell
  source <(leadclean completion bash)
  leadclean completion bash > /etc/bash_completion.d/leadclean

  # zsh: into a folder on $fpath, then start a new shell
  leadclean completion zsh > "${fpath[1]}/_leadclean"

  # fish
  leadclean completion fish > ~/.config/fish/completions/leadclean.fish

  # PowerShell: add this line to $PROFILE
  leadclean completion powershell | Out-String | Invoke-Expression`,
		ValidArgs:             completionShells,
		DisableFlagsInUseLine: true,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("completion needs one shell: bash, zsh, fish or powershell")
			}
			for _, sh := range completionShells {
				if args[0] == sh {
					return nil
				}
			}
			return usagef("unknown shell %q (use bash, zsh, fish or powershell)", args[0])
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(s.Out, true)
			case "zsh":
				return root.GenZshCompletion(s.Out)
			case "fish":
				return root.GenFishCompletion(s.Out, true)
			default:
				return root.GenPowerShellCompletionWithDesc(s.Out)
			}
		},
	}
}
