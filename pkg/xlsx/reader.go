// Package xlsx reads and writes Excel workbooks (.xlsx) as rows for the
// pipeline, so a marketer's workbook goes in and comes out without a trip
// through "Save as CSV".
//
// # Reading
//
// [Open] and [NewReader] read one sheet (the first, or one named) with
// excelize's streaming row iterator: rows are decoded one at a time, and a
// worksheet bigger than 16 MB unzipped is spooled to a temporary file by
// excelize rather than held in memory. Each cell comes back as the text
// Excel displays (its number format applied), so a postal code stored as
// 2134 with format 00000 reads "02134", a text cell "+49 151..." keeps its
// plus sign, a General-format number keeps all its digits, and a date
// reads as the date. Record.Line is the spreadsheet's row number.
//
// The first row holding any value is the header; rows above it and rows
// with no value at all (blank or formatting only) are skipped, as a CSV
// reader skips blank lines. A row shorter than the header is normal in a
// workbook (Excel stores no trailing empty cells) and is padded with empty
// cells; a row with a value in a column beyond the header is passed on
// with Record.Problem set, so it is rejected as malformed_row with the
// extra values in leadclean_overflow, as in a CSV file.
//
// # Writing
//
// [Workbook] writes sheets with excelize's StreamWriter. Every cell is
// written as a text (inline string) cell in text-formatted columns, so
// phone numbers, postal codes and long IDs keep their leading zeros and +
// signs and never turn into scientific notation, and a cell starting with
// = is text, never a formula. The finished zip is written straight to the
// destination (no whole-file buffer), normally a temporary file of the
// run's output transaction (pkg/outputs).
//
// What a sheet cannot hold is an error, never a silent change: more than
// 1,048,575 data rows or 16,384 columns, or a cell longer than 32,767
// characters.
package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/leadclean/leadclean/pkg/leadcsv"
)

// Options choose what to read.
type Options struct {
	// Sheet names the sheet to read; "" reads the first (leftmost) sheet.
	Sheet string
	// NoHeader says the first row is data; columns are named column_1, ...
	NoHeader bool
}

// Reader reads the rows of one sheet. It implements pipeline.RowReader.
type Reader struct {
	info    leadcsv.Info
	file    *excelize.File
	rows    *excelize.Rows
	row     int // spreadsheet row number of the last row read
	pending *leadcsv.Record
	done    bool
}

// Open opens the workbook at path and reads its header. name is used in
// messages. The returned error is a *leadcsv.FileError.
func Open(name, path string, opts Options) (*Reader, error) {
	if err := checkWorkbookFile(name, path); err != nil {
		return nil, err
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, openError(name, err)
	}
	return newReader(name, f, opts)
}

// NewReader reads a whole workbook from r (standard input, say: a zip
// needs random access, so the compressed bytes are held in memory; rows
// are still decoded one at a time) and reads its header.
func NewReader(name string, r io.Reader, opts Options) (*Reader, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &leadcsv.FileError{File: name, Msg: "cannot read: " + err.Error()}
	}
	if !IsWorkbook(data) {
		return nil, notWorkbook(name)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, openError(name, err)
	}
	if err := checkParts(name, zr); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, openError(name, err)
	}
	return newReader(name, f, opts)
}

func newReader(name string, f *excelize.File, opts Options) (*Reader, error) {
	sheets := f.GetSheetList()
	sheet := opts.Sheet
	if sheet == "" {
		if len(sheets) == 0 {
			f.Close()
			return nil, &leadcsv.FileError{File: name, Msg: "workbook has no sheets"}
		}
		sheet = sheets[0]
	} else if found, ok := findSheet(sheets, sheet); ok {
		sheet = found
	} else {
		f.Close()
		return nil, &leadcsv.FileError{File: name, Msg: fmt.Sprintf("workbook has no sheet %q", sheet),
			Hint: "its sheets are: " + quoteList(sheets) + "; pass one of them to --sheet"}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, openError(name, err)
	}
	r := &Reader{file: f, rows: rows, info: leadcsv.Info{
		Name: sheetName(name, opts.Sheet, sheet), Encoding: leadcsv.NamedEncoding("xlsx"), Delimiter: ',',
	}}
	first, err := r.next()
	if err == io.EOF {
		r.Close()
		return nil, &leadcsv.FileError{File: r.info.Name, Msg: "sheet " + sheet + " has no rows, not even a header",
			Hint: "pick the sheet that holds the leads with --sheet NAME; sheets: " + quoteList(sheets)}
	}
	if err != nil {
		r.Close()
		return nil, err
	}
	if opts.NoHeader {
		r.info.Header = make([]string, len(first.Cells))
		for i := range r.info.Header {
			r.info.Header[i] = fmt.Sprintf("column_%d", i+1)
		}
		r.pending = &first
		return r, nil
	}
	r.info.Header = first.Cells
	r.info.HeaderLine = first.Line
	return r, nil
}

// sheetName is the input's name in messages and leadclean_duplicate_of:
// the file, and the sheet when one was asked for.
func sheetName(name, asked, sheet string) string {
	if asked == "" {
		return name
	}
	return name + "[" + sheet + "]"
}

// Describe returns the input's name, header and the delimiter CSV outputs
// use (a comma).
func (r *Reader) Describe() *leadcsv.Info { return &r.info }

// Read returns the next data row, or io.EOF (after which the workbook's
// temporary files are gone). A row with a value beyond the header's
// columns comes back with Problem set and a nil error.
func (r *Reader) Read() (leadcsv.Record, error) {
	if r.pending != nil {
		rec := *r.pending
		r.pending = nil
		return r.shape(rec), nil
	}
	rec, err := r.next()
	if err != nil {
		if err == io.EOF {
			if cerr := r.Close(); cerr != nil {
				return rec, &leadcsv.FileError{File: r.info.Name, Msg: "cannot read: " + cerr.Error()}
			}
		}
		return rec, err
	}
	return r.shape(rec), nil
}

// shape pads a short row to the header's width and marks a row with a
// value beyond it.
func (r *Reader) shape(rec leadcsv.Record) leadcsv.Record {
	width := len(r.info.Header)
	if len(rec.Cells) > width {
		rec.Problem = fmt.Sprintf("row has a value in column %s, beyond the header's %d columns", columnName(len(rec.Cells)), width)
		return rec
	}
	for len(rec.Cells) < width {
		rec.Cells = append(rec.Cells, "")
	}
	return rec
}

// next returns the next row holding a value, without its trailing empty
// cells.
func (r *Reader) next() (leadcsv.Record, error) {
	if r.done {
		return leadcsv.Record{}, io.EOF
	}
	for r.rows.Next() {
		r.row++
		cells, err := r.rows.Columns()
		if err != nil {
			return leadcsv.Record{}, &leadcsv.FileError{File: r.info.Name, Line: r.row, Msg: "cannot read row: " + err.Error()}
		}
		n := len(cells)
		for n > 0 && cells[n-1] == "" {
			n--
		}
		if n == 0 {
			continue
		}
		return leadcsv.Record{Line: r.row, Cells: cells[:n:n]}, nil
	}
	if err := r.rows.Error(); err != nil {
		return leadcsv.Record{}, &leadcsv.FileError{File: r.info.Name, Line: r.row + 1, Msg: "cannot read row: " + err.Error()}
	}
	return leadcsv.Record{}, io.EOF
}

// Close releases the workbook and removes excelize's temporary files. It
// is safe to call more than once.
func (r *Reader) Close() error {
	if r.done {
		return nil
	}
	r.done = true
	err := r.rows.Close()
	if ferr := r.file.Close(); err == nil {
		err = ferr
	}
	return err
}

// checkWorkbookFile refuses a zip archive that is not a workbook with a
// message that says so, reading only the archive's directory.
func checkWorkbookFile(name, path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) {
			return &leadcsv.FileError{File: name, Msg: "cannot open: " + err.Error()}
		}
		return &leadcsv.FileError{File: name, Msg: "file starts like a zip archive (.xlsx) but is damaged: " + err.Error(),
			Hint: "open it in Excel and save it again"}
	}
	defer zr.Close()
	return checkParts(name, &zr.Reader)
}

// maxPartSize bounds, unzipped, each part of a workbook that excelize
// reads whole into memory (shared strings, styles, the workbook itself):
// a 1 MB file whose sharedStrings.xml unzips to 1 GiB took 4 GiB. Its
// memory costs about four times the part, so 64 MiB keeps a workbook's
// read under 300 MiB; a real list of a million leads holds far less text.
// Worksheets are not bounded here: excelize streams them, spooling one
// over 16 MB to a temporary file. archive/zip refuses a part that unzips
// to more than its directory declares, so the declared size is trusted.
const maxPartSize = 64 << 20

// checkParts refuses an archive that is not a workbook, or whose parts
// read whole are larger than maxPartSize unzipped, before excelize reads
// anything.
func checkParts(name string, zr *zip.Reader) error {
	found := false
	for _, f := range zr.File {
		if f.Name == workbookPart {
			found = true
		}
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		if f.UncompressedSize64 > maxPartSize {
			return &leadcsv.FileError{File: name, Msg: fmt.Sprintf("workbook part %s unzips to %d bytes, more than the %d leadclean reads", f.Name, f.UncompressedSize64, maxPartSize),
				Hint: "open it in Excel and save it again, or save the sheet as CSV UTF-8"}
		}
	}
	if !found {
		return notWorkbook(name)
	}
	return nil
}

func notWorkbook(name string) error {
	return &leadcsv.FileError{File: name, Line: 1, Msg: "file is a zip archive but not an Excel workbook (it holds no " + workbookPart + ")",
		Hint: "unzip it and clean the CSV or .xlsx file inside"}
}

func openError(name string, err error) error {
	msg := err.Error()
	if errors.Is(err, excelize.ErrWorkbookFileFormat) || errors.Is(err, zip.ErrFormat) {
		msg = "not a readable .xlsx workbook: " + msg
	}
	return &leadcsv.FileError{File: name, Msg: msg, Hint: "open it in Excel and save it again as .xlsx (Excel Workbook)"}
}

// findSheet finds a sheet by name, ignoring case as Excel does.
func findSheet(list []string, s string) (string, bool) {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return v, true
		}
	}
	return "", false
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// columnName is Excel's name of a 1-based column: A, B, ..., AA, ...
func columnName(n int) string {
	name, err := excelize.ColumnNumberToName(n)
	if err != nil {
		return fmt.Sprint(n)
	}
	return name
}
