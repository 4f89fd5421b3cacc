package leadcsv

import (
	"bufio"
	"encoding/csv"
	"io"
	"strings"
)

// AppendedColumns are the columns leadclean adds after the original ones,
// in this order. Their names are a public contract.
var AppendedColumns = []string{
	"leadclean_status",
	"leadclean_reasons",
	"leadclean_score",
	"leadclean_email",
	"leadclean_phone",
	"leadclean_grade",
	"leadclean_email_suggestion",
	"leadclean_duplicate_of",
	"leadclean_overflow",
}

// WriterOptions tune a Writer.
type WriterOptions struct {
	Delimiter rune
	CRLF      bool
	// BOM writes a UTF-8 byte-order mark first, so Excel reads UTF-8.
	BOM bool
	// Escape, when set, reports cells that a spreadsheet would evaluate as
	// a formula; they are written with a leading apostrophe (--excel-safe).
	Escape func(cell string) bool
}

// Writer writes rows with the original cells followed by the appended
// columns. Rows narrower than the header are padded with empty cells;
// cells beyond the header's width go, joined by the delimiter, into
// leadclean_overflow, so no value is lost.
type Writer struct {
	buf   *bufio.Writer
	csv   *csv.Writer
	width int
	opts  WriterOptions
	row   []string
}

// NewWriter writes header and the appended column names to w.
func NewWriter(w io.Writer, header []string, opts WriterOptions) (*Writer, error) {
	if opts.Delimiter == 0 {
		opts.Delimiter = ','
	}
	buf := bufio.NewWriterSize(w, 256<<10)
	if opts.BOM {
		if _, err := buf.WriteString("\ufeff"); err != nil {
			return nil, err
		}
	}
	c := csv.NewWriter(buf)
	c.Comma = opts.Delimiter
	c.UseCRLF = opts.CRLF
	wr := &Writer{buf: buf, csv: c, width: len(header), opts: opts}
	row := make([]string, 0, len(header)+len(AppendedColumns))
	row = append(row, header...)
	row = append(row, AppendedColumns...)
	if err := wr.write(row); err != nil {
		return nil, err
	}
	return wr, nil
}

// Write writes one row: cells as read, then appended (one value per
// AppendedColumns entry except leadclean_overflow, which Write fills).
func (w *Writer) Write(cells []string, appended []string) error {
	row := w.row[:0]
	n := len(cells)
	if n > w.width {
		n = w.width
	}
	row = append(row, cells[:n]...)
	for i := n; i < w.width; i++ {
		row = append(row, "")
	}
	row = append(row, appended...)
	for len(row) < w.width+len(AppendedColumns)-1 {
		row = append(row, "")
	}
	overflow := ""
	if len(cells) > w.width {
		overflow = strings.Join(cells[w.width:], string(w.opts.Delimiter))
	}
	row = append(row, overflow)
	w.row = row
	return w.write(row)
}

func (w *Writer) write(row []string) error {
	if w.opts.Escape != nil {
		for i, c := range row {
			if w.opts.Escape(c) {
				row[i] = "'" + c // row is always a buffer the Writer owns
			}
		}
	}
	return w.csv.Write(row)
}

// Flush writes buffered rows to the underlying writer.
func (w *Writer) Flush() error {
	w.csv.Flush()
	if err := w.csv.Error(); err != nil {
		return err
	}
	return w.buf.Flush()
}
