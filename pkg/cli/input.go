package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/leadclean/leadclean/pkg/leadcsv"
	"github.com/leadclean/leadclean/pkg/pipeline"
	"github.com/leadclean/leadclean/pkg/rulebook"
)

// inputFlags are the flags of every command that reads exports: how to
// read delimited text, and which sheet of a workbook.
type inputFlags struct {
	Delimiter string
	Encoding  string
	NoHeader  bool
	// Sheet is the sheet of .xlsx inputs to read ("" for the first).
	Sheet string
	// Map holds one-off column mappings, "HEADER=FIELD" (--map).
	Map []string
}

func (f *inputFlags) register(cmd *cobra.Command) {
	addReadFlags(cmd, &f.Delimiter, &f.Encoding, &f.NoHeader)
	addSheetFlag(cmd, &f.Sheet)
	cmd.Flags().StringArrayVar(&f.Map, "map", nil, "read a column as a field, 'HEADER=FIELD' such as 'MOBILE 1=phone' (repeatable; wins over the rulebook's columns:)")
}

func (f *inputFlags) readOptions() (leadcsv.Options, error) {
	return readOptions(f.Delimiter, f.Encoding, f.NoHeader)
}

// openedInput is one export opened for a command that reads a single
// file (columns, explain), with the rulebook loaded first.
type openedInput struct {
	read        leadcsv.Options
	rules       *rulebook.Rulebook
	inputs      []pipeline.Input
	opener      *inputOpener
	closeInputs func()
}

// openOne checks the flags, loads the rulebook, then opens file.
func (f *inputFlags) openOne(rulesPath, file string, stdin io.Reader) (*openedInput, error) {
	read, err := f.readOptions()
	if err != nil {
		return nil, err
	}
	rules, err := loadRules(rulesPath, f.Map)
	if err != nil {
		return nil, err
	}
	inputs, closeInputs, err := openInputs([]string{file}, stdin)
	if err != nil {
		return nil, err
	}
	return &openedInput{read: read, rules: rules, inputs: inputs, opener: &inputOpener{sheet: f.Sheet}, closeInputs: closeInputs}, nil
}

func (in *openedInput) close() {
	in.opener.close()
	in.closeInputs()
}
