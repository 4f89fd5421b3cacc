package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/leadclean/leadclean/pkg/leadcsv"
)

// Limits of one Excel sheet.
const (
	// MaxRows is the number of rows a sheet holds, the header included.
	MaxRows = excelize.TotalRows
	// MaxColumns is the number of columns a sheet holds.
	MaxColumns = excelize.MaxColumns
	// MaxCellChars is the number of characters (UTF-16 units) a cell holds.
	MaxCellChars = excelize.TotalCellChars
)

// Workbook is one .xlsx file being written, with a sheet per AddSheet.
// Nothing reaches the destination until Close; Abort discards the
// workbook's temporary files.
type Workbook struct {
	file   *excelize.File
	dst    io.Writer
	text   int // style of text-formatted columns
	sheets int
	done   bool
}

// NewWorkbook starts a workbook that Close writes to dst.
func NewWorkbook(dst io.Writer) (*Workbook, error) {
	f := excelize.NewFile()
	numFmtText := 49 // Excel's built-in "@" (text) format
	text, err := f.NewStyle(&excelize.Style{NumFmt: numFmtText})
	if err != nil {
		f.Close()
		return nil, err
	}
	return &Workbook{file: f, dst: dst, text: text}, nil
}

// AddSheet adds a sheet called name whose first row is header followed by
// leadcsv.AppendedColumns. Sheets are written one after the other or side
// by side; each must be flushed before Close.
func (wb *Workbook) AddSheet(name string, header []string) (*SheetWriter, error) {
	width := len(header) + len(leadcsv.AppendedColumns)
	if width > MaxColumns {
		return nil, fmt.Errorf("%d columns do not fit in an Excel sheet (at most %d); write CSV instead", width, MaxColumns)
	}
	if wb.sheets == 0 {
		if err := wb.file.SetSheetName(wb.file.GetSheetName(0), name); err != nil {
			return nil, err
		}
	} else if _, err := wb.file.NewSheet(name); err != nil {
		return nil, err
	}
	wb.sheets++
	sw, err := wb.file.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	if err := sw.SetColStyle(1, width, wb.text); err != nil {
		return nil, err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	w := &SheetWriter{sheet: name, stream: sw, width: len(header), values: make([]any, 0, width)}
	row := make([]string, 0, width)
	row = append(row, header...)
	row = append(row, leadcsv.AppendedColumns...)
	if err := w.setRow(row); err != nil {
		return nil, err
	}
	return w, nil
}

// Close writes the workbook to its destination, straight into it rather
// than through a whole-file buffer, and removes its temporary files.
func (wb *Workbook) Close() error {
	if wb.done {
		return errors.New("workbook already finished")
	}
	wb.done = true
	var zw *zip.Writer
	wb.file.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw = zip.NewWriter(wb.dst)
		return zw
	})
	// excelize hands its ZipWriter a buffer; ours ignores it and writes to
	// dst, so the buffer stays empty.
	err := wb.file.Write(io.Discard)
	if cerr := wb.file.Close(); err == nil {
		err = cerr
	}
	return err
}

// Abort discards the workbook. It is safe after Close and more than once.
func (wb *Workbook) Abort() {
	if wb.done {
		return
	}
	wb.done = true
	wb.file.Close()
}

// SheetWriter writes the rows of one sheet. It implements
// pipeline.RowWriter: rows narrower than the header are padded with empty
// cells; cells beyond the header's width go, joined by commas, into
// leadclean_overflow.
type SheetWriter struct {
	sheet  string
	stream *excelize.StreamWriter
	width  int
	rows   int
	row    []string
	values []any
}

// Write writes one row: cells as read, then appended (one value per
// leadcsv.AppendedColumns entry except leadclean_overflow, which Write
// fills).
func (w *SheetWriter) Write(cells, appended []string) error {
	row := w.row[:0]
	n := min(len(cells), w.width)
	row = append(row, cells[:n]...)
	for i := n; i < w.width; i++ {
		row = append(row, "")
	}
	row = append(row, appended...)
	for len(row) < w.width+len(leadcsv.AppendedColumns)-1 {
		row = append(row, "")
	}
	overflow := ""
	if len(cells) > w.width {
		overflow = strings.Join(cells[w.width:], ",")
	}
	row = append(row, overflow)
	w.row = row
	return w.setRow(row)
}

func (w *SheetWriter) setRow(row []string) error {
	if w.rows >= MaxRows {
		return fmt.Errorf("sheet %s: more than %d leads do not fit in an Excel sheet; write CSV instead (--format csv)", w.sheet, MaxRows-1)
	}
	w.rows++
	values := w.values[:0]
	for i, c := range row {
		if c == "" {
			values = append(values, nil) // no cell at all
			continue
		}
		if utf16Len(c) > MaxCellChars {
			return fmt.Errorf("sheet %s, row %d, column %s: a cell of %d characters does not fit in Excel (at most %d); write CSV instead (--format csv)",
				w.sheet, w.rows, columnName(i+1), utf16Len(c), MaxCellChars)
		}
		if cc := controlChar(c); cc >= 0 {
			return fmt.Errorf("sheet %s, row %d, column %s: a cell holds the control character U+%04X, which a workbook cannot hold as text; write CSV instead (--format csv)",
				w.sheet, w.rows, columnName(i+1), cc)
		}
		values = append(values, c)
	}
	w.values = values
	cell, err := excelize.CoordinatesToCellName(1, w.rows)
	if err != nil {
		return err
	}
	return w.stream.SetRow(cell, values)
}

// Flush ends the sheet; no row can be written after it.
func (w *SheetWriter) Flush() error { return w.stream.Flush() }

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// controlChar returns the first character of s that an XML 1.0 document
// cannot hold (a C0 control other than tab, CR and LF), or -1.
//
// excelize's stream writer escapes text once itself (ECMA-376 ST_Xstring:
// text that looks like _xHHHH_ gets its underscore written as _x005F_,
// and reads back as written), but turns such a control character into
// U+FFFD; escaping it here as _xHHHH_ had excelize escape that again, so
// Excel showed "_x0001_". A cell holding one is an error instead, like a
// cell too long for a sheet: never a silent change.
func controlChar(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return int(c)
		}
	}
	return -1
}
