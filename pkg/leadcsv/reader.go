// Package leadcsv reads lead exports as they really arrive (any common
// encoding and delimiter, Excel's quirks, broken rows) and writes the
// cleaned files back out with every original column kept.
//
// The reader is built on encoding/csv rather than gocsv: the pass-through
// path needs every cell in its original order (gocsv returns unknown
// columns as an unordered map and collapses duplicate headers), the
// physical line of each row (gocsv reports record indexes), and a reused
// parser that costs one allocation per row at a million rows.
package leadcsv

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"

	"github.com/leadclean/leadclean/pkg/lead"
)

// sampleSize is how much of an input is looked at to detect its encoding
// and delimiter.
const sampleSize = 64 << 10

// Options override detection.
type Options struct {
	// Delimiter is the field separator; 0 detects it.
	Delimiter rune
	// Encoding names the input's encoding (see LookupEncoding); "" detects it.
	Encoding string
	// NoHeader says the first row is data; columns are named column_1, ...
	NoHeader bool
}

// FileError is a problem that stops reading a whole file, with its position.
type FileError = lead.Problem

// Record is one data row.
type Record struct {
	// Line is the physical line on which the row starts.
	Line int
	// Cells are the row's values, decoded to UTF-8 and otherwise unchanged.
	Cells []string
	// Problem is set when the row is malformed (wrong number of fields, a
	// stray quote, bytes that are not UTF-8); such a row is still passed on
	// so it can be written to the rejected file.
	Problem string
}

// Info describes an opened input. Other row sources (such as workbooks)
// describe themselves with it too.
type Info struct {
	Name      string
	Encoding  Encoding
	Delimiter rune
	// CRLF reports that the input's first line ended in CRLF.
	CRLF bool
	// Header is the header row (or column_1... with NoHeader).
	Header []string
	// HeaderLine is the line the header was read from (0 with NoHeader).
	HeaderLine int
}

// Reader reads one input file.
type Reader struct {
	Info

	csv     *csv.Reader
	raw     *rawTracker
	pending *Record // first data row, read while handling NoHeader
	last    int64   // input offset after the last record
}

// NewReader detects the input's encoding and delimiter (unless opts fix
// them) and reads its header. name is used in messages. The returned
// error is a *FileError for problems with the file's content.
func NewReader(name string, in io.Reader, opts Options) (*Reader, error) {
	br := bufio.NewReaderSize(in, sampleSize)
	sample, err := br.Peek(sampleSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, &FileError{File: name, Msg: "cannot read: " + err.Error()}
	}
	if len(sample) == 0 {
		return nil, &FileError{File: name, Msg: "file is empty", Hint: "export the list again; an empty file has no header and no leads"}
	}
	if nt, hint := SniffBinary(sample); nt != nil {
		return nil, &FileError{File: name, Line: 1, Msg: nt.Error(), Hint: hint}
	}

	var enc Encoding
	if opts.Encoding != "" {
		if enc, err = LookupEncoding(opts.Encoding); err != nil {
			return nil, &FileError{File: name, Msg: err.Error()}
		}
	} else {
		enc = DetectEncoding(sample)
	}
	if enc.bom > 0 {
		if _, err := br.Discard(enc.bom); err != nil {
			return nil, &FileError{File: name, Msg: "cannot read: " + err.Error()}
		}
	}
	var text io.Reader = br
	if enc.decoder != nil {
		text = transform.NewReader(br, enc.decoder.NewDecoder())
	}
	tr := bufio.NewReaderSize(text, sampleSize)
	decoded, _ := tr.Peek(sampleSize)
	if enc.IsUTF8() && bytes.IndexByte(decoded, 0) >= 0 && utf16Zeros(decoded) {
		return nil, &FileError{File: name, Line: 1, Msg: "file holds NUL bytes in every other position: it looks like UTF-16 text", Hint: "pass --encoding utf-16le (or utf-16be)"}
	}
	r := &Reader{Info: Info{Name: name, Encoding: enc, Delimiter: opts.Delimiter}}
	r.CRLF = bytes.Contains(firstLine(decoded), []byte("\r\n"))
	// A lone CR ends a line too (classic Mac files, and lines of one pasted
	// into another): encoding/csv only knows LF and CRLF.
	var source io.Reader = transform.NewReader(tr, &lineEnds{})
	if r.Delimiter == 0 {
		r.Delimiter = DetectDelimiter(string(decoded))
	}
	r.raw = &rawTracker{r: source}
	r.csv = csv.NewReader(r.raw)
	r.csv.Comma = r.Delimiter
	r.csv.FieldsPerRecord = -1

	first, err := r.next()
	if err == io.EOF {
		return nil, &FileError{File: name, Msg: "file has no rows, not even a header", Hint: "export the list again"}
	}
	if err != nil {
		return nil, err
	}
	if opts.NoHeader {
		r.Header = make([]string, len(first.Cells))
		for i := range r.Header {
			r.Header[i] = "column_" + strconv.Itoa(i+1)
		}
		// The first row's width defines the width; its other problems stay.
		if first.Problem == "" && allEmpty(first.Cells) {
			first.Problem = "empty row"
		}
		r.pending = &first
		return r, nil
	}
	if col := nulColumn(first.Cells); col > 0 {
		return nil, &FileError{File: name, Line: first.Line, Column: col,
			Msg:  "header row holds NUL bytes: the file is damaged or is not text",
			Hint: "export the list again; a file cut short by a crash is often filled with zero bytes"}
	}
	if first.Problem != "" {
		return nil, &FileError{File: name, Line: first.Line, Msg: "header row is malformed: " + first.Problem}
	}
	if col, why := looksLikeData(first.Cells); col > 0 {
		return nil, &FileError{File: name, Line: first.Line, Column: col,
			Msg:  "file has no header row: line " + strconv.Itoa(first.Line) + " looks like data (" + why + ")",
			Hint: "add a header row, or pass --no-header and map positions under columns: in your rulebook"}
	}
	r.Header = first.Cells
	r.HeaderLine = first.Line
	return r, nil
}

// Describe returns what was detected about the input.
func (r *Reader) Describe() *Info { return &r.Info }

// FieldPos returns the line and column (1-based, counting bytes of the
// decoded text) where cell i of the row last read starts: the header
// before the first Read. It is meaningful only for a row read without a
// Problem.
func (r *Reader) FieldPos(i int) (line, column int) { return r.csv.FieldPos(i) }

// Read returns the next data row, or io.EOF. A malformed row comes back
// with Problem set and a nil error; an error is a *FileError that ends the
// file.
func (r *Reader) Read() (Record, error) {
	if r.pending != nil {
		rec := *r.pending
		r.pending = nil
		return rec, nil
	}
	rec, err := r.next()
	if err != nil {
		return rec, err
	}
	if rec.Problem == "" && len(rec.Cells) != len(r.Header) {
		rec.Problem = fmt.Sprintf("row has %d fields, the header has %d", len(rec.Cells), len(r.Header))
	}
	if rec.Problem == "" && allEmpty(rec.Cells) {
		rec.Problem = "empty row"
	}
	return rec, nil
}

func (r *Reader) next() (Record, error) {
	cells, err := r.csv.Read()
	offset := r.csv.InputOffset()
	defer func() { r.last = offset; r.raw.discard(offset) }()
	if err == nil {
		line, _ := r.csv.FieldPos(0)
		rec := Record{Line: line, Cells: cells}
		r.checkCells(&rec)
		return rec, nil
	}
	if err == io.EOF {
		return Record{}, io.EOF
	}
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return Record{}, &FileError{File: r.Name, Msg: "cannot read: " + err.Error()}
	}
	raw := r.raw.slice(r.last, offset)
	if quoteOpenAtEnd(raw, r.Delimiter) {
		return Record{}, &FileError{File: r.Name, Line: pe.StartLine,
			Msg:  "quoted field starting on line " + strconv.Itoa(pe.StartLine) + " is never closed; it runs to the end of the file",
			Hint: "look for a stray \" on that line; a quote inside a field must be doubled (\"\")"}
	}
	rec := Record{Line: pe.StartLine, Cells: lazyCells(raw, r.Delimiter)}
	r.checkCells(&rec)
	what := "misplaced quote"
	if errors.Is(pe.Err, csv.ErrBareQuote) {
		what = "stray quote in an unquoted field"
	}
	rec.Problem = fmt.Sprintf("%s at line %d, column %d", what, pe.Line, pe.Column)
	return rec, nil
}

// MaxCellBytes is the longest cell read as a value: a longer one (a
// runaway note, a file glued into a field) makes its row malformed_row and
// is passed through unchanged without being parsed. Spreadsheets hold at
// most 32,767 characters in a cell; CRM long-text fields about 131,072.
const MaxCellBytes = 1 << 20

// checkCells marks a row holding a NUL byte (text never does: the file is
// damaged) or a cell longer than MaxCellBytes, and re-reads cells that are
// not valid UTF-8 in a UTF-8 file as Windows-1252, the usual culprit.
func (r *Reader) checkCells(rec *Record) {
	for i, c := range rec.Cells {
		if rec.Problem != "" {
			break
		}
		if len(c) > MaxCellBytes {
			rec.Problem = fmt.Sprintf("column %d is %d bytes long, more than the %d a cell may hold", i+1, len(c), MaxCellBytes)
		} else if strings.IndexByte(c, 0) >= 0 {
			rec.Problem = fmt.Sprintf("column %d holds a NUL byte", i+1)
		}
	}
	if !r.Encoding.IsUTF8() {
		return
	}
	for i, c := range rec.Cells {
		if utf8.ValidString(c) {
			continue
		}
		if s, err := charmap.Windows1252.NewDecoder().String(c); err == nil {
			rec.Cells[i] = s
		} else {
			rec.Cells[i] = strings.ToValidUTF8(c, "\uFFFD")
		}
		if rec.Problem == "" {
			rec.Problem = fmt.Sprintf("column %d is not valid UTF-8 (read as Windows-1252)", i+1)
		}
	}
}

// lazyCells splits one raw record leniently, keeping stray quotes as text.
func lazyCells(raw []byte, delim rune) []string {
	cr := csv.NewReader(bytes.NewReader(raw))
	cr.Comma = delim
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cells, err := cr.Read()
	if err != nil || len(cells) == 0 {
		return []string{strings.TrimRight(string(raw), "\r\n")}
	}
	return cells
}

// quoteOpenAtEnd reports whether raw ends inside a quoted field, reading
// quotes leniently (a quote not followed by the delimiter or a line end
// still closes the field).
func quoteOpenAtEnd(raw []byte, delim rune) bool {
	d := byte(delim)
	atFieldStart, inQuote := true, false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case inQuote:
			if c == '"' {
				if i+1 < len(raw) && raw[i+1] == '"' {
					i++
					continue
				}
				inQuote = false
			}
		case c == '"' && atFieldStart:
			inQuote = true
			atFieldStart = false
		case c == d || c == '\n':
			atFieldStart = true
		default:
			atFieldStart = false
		}
	}
	return inQuote
}

// looksLikeData returns the 1-based column of a header cell that is
// clearly a value (an email address or a phone-like number), and why.
func looksLikeData(header []string) (int, string) {
	for i, h := range header {
		h = strings.TrimSpace(h)
		if at := strings.IndexByte(h, '@'); at > 0 && strings.Contains(h[at:], ".") && !strings.Contains(h, " ") {
			return i + 1, fmt.Sprintf("%q is an email address", h)
		}
		digits := 0
		for _, c := range h {
			if c >= '0' && c <= '9' {
				digits++
			}
		}
		if digits >= 7 && digits*2 >= len(h) {
			return i + 1, fmt.Sprintf("%q is a number", h)
		}
	}
	return 0, ""
}

func allEmpty(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i+1]
	}
	return b
}

// utf16Zeros reports whether zero bytes sit in every other position.
func utf16Zeros(b []byte) bool {
	le, be := utf16Shape(b)
	return le || be
}

// rawTracker keeps the bytes the CSV parser has been given since the start
// of the current record, so a malformed record can be re-read leniently.
type rawTracker struct {
	r     io.Reader
	buf   []byte
	start int   // index in buf of offset base
	base  int64 // stream offset of buf[start]
}

func (t *rawTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	return n, err
}

// discard forgets bytes before stream offset upto.
func (t *rawTracker) discard(upto int64) {
	drop := int(upto - t.base)
	if drop <= 0 {
		return
	}
	if drop > len(t.buf)-t.start {
		drop = len(t.buf) - t.start
	}
	t.start += drop
	t.base += int64(drop)
	if t.start > 64<<10 && t.start*2 > len(t.buf) {
		n := copy(t.buf, t.buf[t.start:])
		t.buf = t.buf[:n]
		t.start = 0
	}
}

// slice returns the bytes between two stream offsets still held.
func (t *rawTracker) slice(from, to int64) []byte {
	i, j := int(from-t.base)+t.start, int(to-t.base)+t.start
	if i < t.start {
		i = t.start
	}
	if j > len(t.buf) {
		j = len(t.buf)
	}
	if i > j {
		return nil
	}
	return t.buf[i:j]
}

// nulColumn returns the 1-based column of the first cell holding a NUL
// byte, or 0.
func nulColumn(cells []string) int {
	for i, c := range cells {
		if strings.IndexByte(c, 0) >= 0 {
			return i + 1
		}
	}
	return 0
}

// lineEnds turns a carriage return that ends a line on its own into a line
// feed, outside quoted fields. CRLF, and a CR inside a quoted field, pass
// unchanged. Quotes are counted plainly (a doubled quote toggles twice), so
// after an odd stray quote lone CRs are left alone until the next quote:
// the row is then reported malformed, as it would be without this step.
type lineEnds struct{ inQuote bool }

func (l *lineEnds) Reset() { l.inQuote = false }

func (l *lineEnds) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		if nDst == len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		c := src[nSrc]
		switch c {
		case '"':
			l.inQuote = !l.inQuote
		case '\r':
			if l.inQuote {
				break
			}
			if nSrc+1 == len(src) {
				if !atEOF {
					return nDst, nSrc, transform.ErrShortSrc // is an LF next?
				}
				c = '\n'
			} else if src[nSrc+1] != '\n' {
				c = '\n'
			}
		}
		dst[nDst] = c
		nDst++
		nSrc++
	}
	return nDst, nSrc, nil
}
