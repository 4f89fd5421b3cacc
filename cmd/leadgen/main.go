// Command leadgen writes realistic, labelled lead exports for tests and for
// the performance script.
//
//	leadgen -style hubspot -rows 1000000 -seed 1 -o leads.csv -labels labels.csv
//	leadgen -style all -rows 5000 -o testdir/       # one file per style
//
// Labels are written as CSV: line,reasons (reason codes joined by ';',
// empty for a clean lead); line is the physical line the row starts on.
//
// Phone numbers are unique across the file (but for planted duplicates),
// as in a real list, so that a phone checker's cache cannot flatter its
// speed. -phone-pool reuses a pool of 160 numbers per country and kind
// instead, as switchboard-heavy lists do.
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/leadclean/leadclean/pkg/leadgen"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run parses args, writes the exports and returns the exit code: 0 on
// success, 1 when writing failed, 2 on a usage error.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("leadgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rows := fs.Int("rows", 1000, "number of data rows")
	seed := fs.Int64("seed", 1, "seed; the same flags give the same bytes")
	style := fs.String("style", string(leadgen.HubSpot), "export style: "+styleNames()+", or all (one file per style in the -o folder)")
	junk := fs.Float64("junk", leadgen.DefaultJunkShare, "share of rows with planted junk, 0 to 1")
	outPath := fs.String("o", "-", "output file, - for stdout; a folder with -style all")
	labelsPath := fs.String("labels", "", "write the truth labels (line,reasons) to this file; with -style all, a folder")
	phonePool := fs.Bool("phone-pool", false, "reuse a pool of 160 numbers per country and kind, as switchboard-heavy lists do (default: every number unique)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "leadgen: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *junk < 0 || *junk > 1 || *junk != *junk {
		fmt.Fprintf(stderr, "leadgen: -junk %v: the junk share must be between 0 and 1\n", *junk)
		return 2
	}
	share := *junk
	if share == 0 {
		share = -1 // the flag's 0 means none; Options' 0 means the default
	}
	if *style == "all" {
		if *outPath == "-" {
			fmt.Fprintln(stderr, "leadgen: -style all needs -o FOLDER")
			return 2
		}
		for _, st := range leadgen.Styles() {
			opts := leadgen.Options{Rows: *rows, Seed: *seed, Style: st, JunkShare: share, PhonePool: *phonePool}
			labels := ""
			if *labelsPath != "" {
				labels = filepath.Join(*labelsPath, "labels-"+string(st)+".csv")
			}
			if err := generate(filepath.Join(*outPath, "leads-"+string(st)+".csv"), labels, opts, stdout); err != nil {
				fmt.Fprintf(stderr, "leadgen: %v\n", err)
				return 1
			}
		}
		return 0
	}
	st, err := leadgen.ParseStyle(*style)
	if err != nil {
		fmt.Fprintf(stderr, "leadgen: %v\n", err)
		return 2
	}
	opts := leadgen.Options{Rows: *rows, Seed: *seed, Style: st, JunkShare: share, PhonePool: *phonePool}
	if err := generate(*outPath, *labelsPath, opts, stdout); err != nil {
		fmt.Fprintf(stderr, "leadgen: %v\n", err)
		return 1
	}
	return 0
}

func styleNames() string {
	var names []string
	for _, st := range leadgen.Styles() {
		names = append(names, string(st))
	}
	return strings.Join(names, ", ")
}

// generate writes one export to outPath ("-" for stdout) and, when
// labelsPath is set, its labels.
func generate(outPath, labelsPath string, opts leadgen.Options, stdout io.Writer) (err error) {
	if dir := filepath.Dir(outPath); outPath != "-" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	var out io.Writer = stdout
	if outPath != "-" {
		f, createErr := createAtomic(outPath)
		if createErr != nil {
			return createErr
		}
		defer f.finish(&err) // the named result: set by every return below
		out = f
	}
	var label func(leadgen.Label)
	var labels *csv.Writer
	if labelsPath != "" {
		if err := os.MkdirAll(filepath.Dir(labelsPath), 0o755); err != nil {
			return err
		}
		f, createErr := createAtomic(labelsPath)
		if createErr != nil {
			return createErr
		}
		defer f.finish(&err)
		bw := bufio.NewWriterSize(f, 64<<10)
		labels = csv.NewWriter(bw)
		defer func() {
			labels.Flush()
			if err == nil {
				err = labels.Error()
			}
			if ferr := bw.Flush(); err == nil && ferr != nil {
				err = fmt.Errorf("%s: %w", labelsPath, ferr)
			}
		}()
		if err := labels.Write([]string{"line", "reasons"}); err != nil {
			return err
		}
		record := make([]string, 2)
		var codes strings.Builder
		label = func(l leadgen.Label) {
			codes.Reset()
			for i, r := range l.Reasons {
				if i > 0 {
					codes.WriteByte(';')
				}
				codes.WriteString(string(r))
			}
			record[0], record[1] = strconv.Itoa(l.Line), codes.String()
			_ = labels.Write(record) // the error is sticky; read after Flush
		}
	}
	if err := leadgen.Write(out, opts, label); err != nil {
		return fmt.Errorf("%s: %w", outPath, err)
	}
	return nil
}

// atomicFile is written under a temporary name beside its target and
// renamed into place only when everything was written, so a failed run
// leaves no half-written file.
type atomicFile struct {
	*os.File
	target string
}

func createAtomic(target string) (*atomicFile, error) {
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".tmp*")
	if err != nil {
		return nil, err
	}
	// CreateTemp makes the file private (0600); a generated export is not.
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &atomicFile{File: f, target: target}, nil
}

// finish closes the file and renames it into place when *err is nil, or
// removes it; it keeps the first error in *err.
func (f *atomicFile) finish(err *error) {
	cerr := f.Close()
	if *err == nil && cerr != nil {
		*err = cerr
	}
	if *err == nil {
		*err = os.Rename(f.Name(), f.target)
	}
	if *err != nil {
		_ = os.Remove(f.Name())
	}
}
