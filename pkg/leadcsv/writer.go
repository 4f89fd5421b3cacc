package leadcsv

import (
	"bufio"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/leadclean/leadclean/pkg/lead"
)

// AppendedColumns are the names of the columns leadclean adds after the
// original ones, in order, from the one table of them, [lead.Appended].
var AppendedColumns = lead.AppendedNames()

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
//
// Records are quoted as encoding/csv does, but written here: with CRLF line
// ends csv.Writer drops a lone CR inside a field, and a value must come
// out as it went in.
type Writer struct {
	buf   *bufio.Writer
	width int
	opts  WriterOptions
	row   []string
	err   error
	// quote marks the bytes that make a cell need quotes: '"', CR, LF and
	// an ASCII delimiter.
	quote [utf8.RuneSelf]bool
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
	wr := &Writer{buf: buf, width: len(header), opts: opts}
	wr.quote['"'], wr.quote['\r'], wr.quote['\n'] = true, true, true
	if opts.Delimiter < utf8.RuneSelf {
		wr.quote[opts.Delimiter] = true
	}
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
	if w.err != nil {
		return w.err
	}
	for i, c := range row {
		if i > 0 {
			w.buf.WriteRune(w.opts.Delimiter)
		}
		if w.opts.Escape != nil && w.opts.Escape(c) {
			c = "'" + c
		}
		if !w.needsQuotes(c) {
			w.buf.WriteString(c)
			continue
		}
		w.buf.WriteByte('"')
		for {
			j := strings.IndexByte(c, '"')
			if j < 0 {
				break
			}
			w.buf.WriteString(c[:j+1])
			w.buf.WriteByte('"')
			c = c[j+1:]
		}
		w.buf.WriteString(c)
		w.buf.WriteByte('"')
	}
	if w.opts.CRLF {
		w.buf.WriteByte('\r')
	}
	// bufio.Writer keeps its first error and returns it from every later
	// call.
	_, w.err = w.buf.WriteString("\n")
	return w.err
}

// needsQuotes reports whether a cell must be quoted to read back as
// written, by the same rule as encoding/csv.
func (w *Writer) needsQuotes(c string) bool {
	if c == "" {
		return false
	}
	if c == `\.` {
		return true
	}
	// One pass over the bytes: this runs for every cell of every row.
	for i := 0; i < len(c); i++ {
		if b := c[i]; b < utf8.RuneSelf && w.quote[b] {
			return true
		}
	}
	if w.opts.Delimiter >= utf8.RuneSelf && strings.ContainsRune(c, w.opts.Delimiter) {
		return true
	}
	if c[0] < utf8.RuneSelf {
		return asciiSpace[c[0]]
	}
	r, _ := utf8.DecodeRuneInString(c)
	// A leading U+FEFF would read back as a byte-order mark.
	return unicode.IsSpace(r) || r == '\ufeff'
}

// asciiSpace is unicode.IsSpace for ASCII.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Flush writes buffered rows to the underlying writer.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	w.err = w.buf.Flush()
	return w.err
}
