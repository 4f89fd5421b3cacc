package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadcsv"
	"github.com/leadclean/leadclean/pkg/pipeline"
	"github.com/leadclean/leadclean/pkg/xlsx"
)

// Output formats of --format.
const (
	formatCSV  = "csv"
	formatXLSX = "xlsx"
)

// oneWorkbookName is the file --one-workbook writes in --out-dir.
const oneWorkbookName = "leads.xlsx"

// inputExtensions are offered by shell completion for input files.
var inputExtensions = []string{"csv", "tsv", "txt", "xlsx"}

// completeInputs completes input file names by extension.
func completeInputs(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return inputExtensions, cobra.ShellCompDirectiveFilterFileExt
}

// addSheetFlag adds --sheet to a command that reads inputs.
func addSheetFlag(cmd *cobra.Command, sheet *string) {
	cmd.Flags().StringVar(sheet, "sheet", "", "sheet of an .xlsx input to read (default: the first sheet)")
}

// checkFormatFlags validates --format, --one-workbook and --excel before
// anything is read or created.
func checkFormatFlags(opts *CleanOptions) error {
	switch opts.Format {
	case "":
		opts.Format = formatCSV
		if opts.OneWorkbook {
			opts.Format = formatXLSX
		}
	case formatCSV, formatXLSX:
	default:
		return usagef("unknown output format %q (use csv or xlsx)", opts.Format)
	}
	if opts.OneWorkbook {
		if opts.Format != formatXLSX {
			return usagef("--one-workbook writes an .xlsx workbook; it cannot be used with --format csv")
		}
		for flag, v := range map[string]string{"--qualified": opts.Qualified, "--nurture": opts.Nurture, "--rejected": opts.Rejected} {
			if v != "" {
				return usagef("--one-workbook writes every status to %s in --out-dir; %s cannot be used with it", oneWorkbookName, flag)
			}
		}
	}
	if opts.Excel && opts.Format == formatXLSX {
		return usagef("--excel is the CSV preset for Excel; --format xlsx already writes a workbook")
	}
	return nil
}

// outputExt is the extension of the default output names.
func outputExt(opts *CleanOptions) string {
	if opts.Format == formatXLSX {
		return ".xlsx"
	}
	return ".csv"
}

// inputOpener opens each input by its content: a workbook (a zip holding
// xl/workbook.xml) with pkg/xlsx, anything else as delimited text. It
// also warns about an input with neither an email nor a phone column.
type inputOpener struct {
	sheet   string
	mapper  *header.Mapper
	warn    io.Writer // nil: no warnings (--quiet)
	readers []*xlsx.Reader
}

func (o *inputOpener) open(in pipeline.Input, opts leadcsv.Options) (pipeline.RowReader, error) {
	r, err := o.openReader(in, opts)
	if err != nil {
		return nil, err
	}
	if o.warn != nil && o.mapper != nil {
		var m *header.Mapping
		r, m = pipeline.MapSampled(r, o.mapper)
		warnNoContact(o.warn, r.Describe(), m)
	}
	return r, nil
}

func (o *inputOpener) openReader(in pipeline.Input, opts leadcsv.Options) (pipeline.RowReader, error) {
	xopts := xlsx.Options{Sheet: o.sheet, NoHeader: opts.NoHeader}
	if in.Name != "-" && isZipFile(in.Name) {
		// A file is opened again by path: a zip is read from its
		// directory at the end, and the sheet streamed from there.
		r, err := xlsx.Open(in.Name, in.Name, xopts)
		if err != nil {
			return nil, err
		}
		o.readers = append(o.readers, r)
		return r, nil
	}
	br := bufio.NewReaderSize(in.R, 64<<10)
	sample, _ := br.Peek(4)
	if xlsx.IsZip(sample) {
		r, err := xlsx.NewReader(in.Name, br, xopts)
		if err != nil {
			return nil, err
		}
		o.readers = append(o.readers, r)
		return r, nil
	}
	if o.sheet != "" {
		return nil, &leadcsv.FileError{File: in.Name, Msg: "--sheet is for .xlsx workbooks; this file is not one",
			Hint: "drop --sheet, or clean the workbooks and the CSV files in separate runs"}
	}
	return leadcsv.NewReader(in.Name, br, opts)
}

// close removes the workbooks' temporary files.
func (o *inputOpener) close() {
	for _, r := range o.readers {
		r.Close()
	}
}

// isZipFile reports whether the regular file at path starts like a zip.
func isZipFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return false
	}
	var magic [4]byte
	n, _ := io.ReadFull(f, magic[:])
	return xlsx.IsZip(magic[:n])
}

// warnNoContact warns when an input has neither an email nor a phone
// column: its leads can be neither checked nor deduplicated, which is
// almost always a header spelling leadclean does not know. The run goes
// on (every row still leaves in an output).
func warnNoContact(w io.Writer, info *leadcsv.Info, m *header.Mapping) {
	if m.Columns.HasContact() {
		return
	}
	cols := info.Header
	more := ""
	if len(cols) > 12 {
		cols, more = cols[:12], ", ..."
	}
	fmt.Fprintf(w, "leadclean: warning: no email or phone column found in %s; columns are: %s%s\n", info.Name, strings.Join(cols, ", "), more)
	fmt.Fprintf(w, "hint: add an alias under columns: in your rulebook (email: [\"Courriel\"]); 'leadclean columns %s' shows how each column was understood\n", info.Name)
}

// writers makes the pipeline's writers: CSV (with the --excel preset) or
// workbooks (one per output file, a sheet per status in it).
type writers struct {
	out    *leadFiles
	format string
	excel  bool
	books  map[string]*xlsx.Workbook // by output path
	order  []*xlsx.Workbook
}

func (w *writers) newWriter(st lead.Status, hdr []string, opts leadcsv.WriterOptions) (pipeline.RowWriter, error) {
	if w.format != formatXLSX {
		if w.excel {
			// Excel reads UTF-8 only after a BOM, and splits on ; in the
			// locales whose exports use it, on , elsewhere.
			opts.BOM = true
			if opts.Delimiter != ';' {
				opts.Delimiter = ','
			}
		}
		dst, err := w.out.open(st)
		if err != nil || dst == nil {
			return nil, err
		}
		lw, err := leadcsv.NewWriter(dst, hdr, opts)
		if err != nil {
			return nil, fmt.Errorf("cannot write %s leads: %w", st, err)
		}
		return lw, nil
	}
	path := w.out.paths[st]
	book := w.books[path]
	if book == nil || path == "-" {
		dst, err := w.out.open(st)
		if err != nil || dst == nil {
			return nil, err
		}
		if book, err = xlsx.NewWorkbook(dst); err != nil {
			return nil, fmt.Errorf("cannot write %s: %w", path, err)
		}
		if w.books == nil {
			w.books = make(map[string]*xlsx.Workbook)
		}
		w.books[path] = book
		w.order = append(w.order, book)
	}
	sheet, err := book.AddSheet(string(st), hdr)
	if err != nil {
		return nil, fmt.Errorf("cannot write %s leads to %s: %w", st, path, err)
	}
	return sheet, nil
}

// finish writes the workbooks into their (still temporary) files.
func (w *writers) finish() error {
	for _, b := range w.order {
		if err := b.Close(); err != nil {
			w.abort()
			return fmt.Errorf("cannot write workbook: %w", err)
		}
	}
	return nil
}

// abort discards the workbooks.
func (w *writers) abort() {
	for _, b := range w.order {
		b.Abort()
	}
}

// defaultOutputPath is the default file for a status in --out-dir.
func defaultOutputPath(opts *CleanOptions, st lead.Status) string {
	if opts.OneWorkbook {
		return filepath.Join(opts.OutDir, oneWorkbookName)
	}
	return filepath.Join(opts.OutDir, string(st)+outputExt(opts))
}
