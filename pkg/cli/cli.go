// Package cli holds leadclean's cobra commands. Each command is built by
// a NewCmdX function from an Options struct and runs through a separate
// function, so tests can drive parsing and running apart; all terminal
// I/O goes through Streams; Main maps an outcome to an exit code in one
// place. There are no package globals.
//
// # Start-up
//
// About 45 ms are package initialisers that run before main in every
// command: the phonenumbers metadata (16 to 30 ms, 2.5 MB), tablewriter's
// width tables (about 13 ms) and excelize (about 10 ms), as
// GODEBUG=inittrace=1 leadclean --help shows. They cannot be kept off the
// --help path without splitting the binary or forking the libraries, which
// is not worth it. A clean then spends about 30 ms on first use: parsing
// the default rulebook, loading the embedded e-mail lists, compiling the
// phone patterns of each region met (about 14 ms for eleven countries).
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/leadclean/leadclean/pkg/lead"
)

// Exit codes. They are documented in `leadclean --help` and README.
const (
	ExitOK          = 0
	ExitBadInput    = 1 // bad input file, rulebook or output
	ExitUsage       = 2
	ExitThreshold   = 3 // the run completed and crossed a --fail-if threshold
	ExitInterrupted = 130
)

// Streams are the command's standard streams.
type Streams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// ErrIsTerminal says stderr is a terminal (for colour and progress).
	ErrIsTerminal bool
	// ColorEnabled says messages on stderr may be coloured: stderr is a
	// terminal and NO_COLOR is not set (see colorEnabled).
	ColorEnabled bool
}

// SystemStreams returns the process's streams.
func SystemStreams() *Streams {
	errTTY := term.IsTerminal(int(os.Stderr.Fd()))
	return &Streams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		ErrIsTerminal: errTTY, ColorEnabled: colorEnabled(errTTY, os.Getenv)}
}

// Main runs leadclean with the process's arguments and returns its exit
// code.
func Main() int {
	// SIGINT, SIGTERM and SIGHUP (a closed terminal or SSH session) cancel
	// the run, which then removes its temporary outputs. With SIGPIPE
	// ignored, writing to a closed standard output (leadclean ... | head)
	// is a write error the run reports, not a death that leaves them.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	signal.Ignore(syscall.SIGPIPE)
	// The live heap is mostly the duplicate index; collecting at 1.5x it
	// rather than Go's 2x keeps a million-row clean near 130 MiB instead of
	// 155 MiB for about 4% more CPU. GOGC in the environment still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	return Run(ctx, os.Args[1:], SystemStreams())
}

// Run runs leadclean with args and returns its exit code.
func Run(ctx context.Context, args []string, s *Streams) int {
	root := NewCmdRoot(s)
	root.SetArgs(args)
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.ErrOut)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	code := exitCode(err)
	printError(s.errWriter(), err)
	if code == ExitUsage {
		fmt.Fprintln(s.errWriter(), "hint: run 'leadclean --help' for usage")
	}
	return code
}

// usageError marks errors in how leadclean was called.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// hintError carries a hint line for people.
type hintError struct {
	err  error
	hint string
}

func (e *hintError) Error() string { return e.err.Error() }
func (e *hintError) Unwrap() error { return e.err }

func exitCode(err error) int {
	var ue *usageError
	var te *thresholdError
	switch {
	case errors.As(err, &ue):
		return ExitUsage
	case errors.As(err, &te):
		return ExitThreshold
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case isCobraUsage(err):
		return ExitUsage
	}
	return ExitBadInput
}

// isCobraUsage recognises the flag and argument errors cobra returns
// (cobra has no typed errors for them).
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown flag", "unknown shorthand flag", "unknown command", "flag needs an argument",
		"invalid argument", "accepts ", "requires at least", "requires exactly", "if any flags in the group"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// printError writes "leadclean: message" lines and hint lines.
func printError(w io.Writer, err error) {
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(w, "leadclean: interrupted; no output was written")
		return
	}
	// A list of problems (a rulebook's, a costs file's) prints one
	// problem and its hint at a time.
	if list, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range list.Unwrap() {
			printError(w, e)
		}
		return
	}
	fmt.Fprintf(w, "leadclean: %s\n", err)
	var p *lead.Problem
	if errors.As(err, &p) && p.Hint != "" {
		fmt.Fprintf(w, "hint: %s\n", p.Hint)
	}
	var he *hintError
	if errors.As(err, &he) && he.hint != "" {
		fmt.Fprintf(w, "hint: %s\n", he.hint)
	}
}

// NewCmdRoot builds the leadclean command tree.
func NewCmdRoot(s *Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "leadclean",
		Short: "Clean marketing lead lists into qualified and rejected leads",
		Long: `leadclean reads lead exports (trade-show scans, web-form dumps, CRM exports),
flags junk leads with a stable reason code, applies your team's qualification
rulebook, and writes the qualified and the rejected leads to separate files
with every original column kept.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Example: `  leadclean clean trade-show.csv
  leadclean clean -o cleaned/ -r rulebook.yaml hubspot-export.csv
  cat form-dump.csv | leadclean clean - --qualified - --rejected rejected.csv --summary none
  leadclean columns salesforce-leads.csv`,
	}
	root.SetUsageTemplate(root.UsageTemplate() + exitStatusHelp)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	root.AddCommand(NewCmdClean(s, nil), NewCmdColumns(s), NewCmdRules(s), NewCmdExplain(s), NewCmdVersion(s),
		NewCmdCompletion(s), NewCmdDocs(s))
	root.AddCommand(NewCmdAudit(s, nil))
	root.CompletionOptions.DisableDefaultCmd = true // NewCmdCompletion replaces it
	return root
}

const exitStatusHelp = `
Exit status:
  0    success
  1    bad input file, rulebook or output (the message names file:line)
  2    usage error (unknown flag, missing argument)
  3    the run completed, outputs written, and crossed a --fail-if threshold
  130  interrupted (SIGINT, SIGTERM or SIGHUP); no output is left in place
`
