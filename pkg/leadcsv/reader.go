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
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

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

	scan    *scanner
	pending *Record // first data row, read while handling NoHeader
	// text is what the bytes of a file read without transcoding have
	// shown so far (see checkCells).
	text textState
}

// textState is the encoding decision for a file read without
// transcoding, made row by row: a file is plain ASCII until its first
// byte above 0x7F says UTF-8 or Windows-1252, wherever that byte is.
type textState int

const (
	textASCII   textState = iota // nothing but ASCII so far
	textUTF8                     // valid UTF-8 multi-byte sequences seen
	textWin1252                  // bytes that are Windows-1252 seen first
	textFixed                    // --encoding utf-8: never re-read
)

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
	state := textASCII
	if opts.Encoding != "" {
		if enc, err = LookupEncoding(opts.Encoding); err != nil {
			return nil, &FileError{File: name, Msg: err.Error()}
		}
		enc.bom = enc.bomIn(sample)
		state = textFixed
	} else {
		enc = DetectEncoding(sample)
		if valid, _ := countUTF8(sample); valid > 0 {
			state = textUTF8
		}
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
	r := &Reader{Info: Info{Name: name, Encoding: enc, Delimiter: opts.Delimiter}, text: state}
	r.CRLF = bytes.Contains(firstLine(decoded), []byte("\r\n"))
	if r.Delimiter == 0 {
		r.Delimiter = DetectDelimiter(string(decoded))
	}
	r.scan = newScanner(tr, r.Delimiter)

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
func (r *Reader) FieldPos(i int) (line, column int) { return r.scan.fieldPos(i) }

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
	line, cells, problem, err := r.scan.next()
	if err == io.EOF {
		return Record{}, io.EOF
	}
	var ue *unterminatedError
	if errors.As(err, &ue) {
		return Record{}, &FileError{File: r.Name, Line: ue.line,
			Msg:  "quoted field starting on line " + strconv.Itoa(ue.line) + " is never closed; it runs to the end of the file",
			Hint: "look for a stray \" on that line; a quote inside a field must be doubled (\"\")"}
	}
	var tl *tooLongError
	if errors.As(err, &tl) {
		return Record{}, &FileError{File: r.Name, Line: tl.line, Msg: tl.Error(),
			Hint: "look for a quote that opens a field on that line and is never closed; a quote inside a field must be doubled (\"\")"}
	}
	if err != nil {
		return Record{}, &FileError{File: r.Name, Msg: "cannot read: " + err.Error()}
	}
	rec := Record{Line: line, Cells: cells}
	r.checkCells(&rec)
	if problem != "" {
		rec.Problem = problem
	}
	return rec, nil
}

// MaxCellBytes is the longest cell read as a value: a longer one (a
// runaway note, a file glued into a field) makes its row malformed_row and
// is passed through unchanged without being parsed. Spreadsheets hold at
// most 32,767 characters in a cell; CRM long-text fields about 131,072.
const MaxCellBytes = 1 << 20

// checkCells marks a row holding a NUL byte (text never does: the file is
// damaged) or a cell longer than MaxCellBytes, and settles the encoding of
// a file read without transcoding, row by row (see textState): a file
// whose first bytes above 0x7F are not UTF-8 is Windows-1252 from there on,
// however far into the file they are. What does not fit the decision is
// flagged, never silently replaced: a row of Windows-1252 bytes in a UTF-8
// file is read as Windows-1252 and flagged; a cell mixing UTF-8 with bytes
// that are not is kept byte for byte and flagged; a UTF-8 looking row in a
// Windows-1252 file is read as Windows-1252 and flagged.
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
	// What the row's non-ASCII cells are: valid UTF-8, bytes that are
	// not UTF-8 at all (Windows-1252's shape), or a mix inside one cell.
	firstUTF8, first1252, firstMixed := -1, -1, -1
	for i, c := range rec.Cells {
		switch {
		case isASCII(c):
		case utf8.ValidString(c):
			if firstUTF8 < 0 {
				firstUTF8 = i
			}
		default:
			if v, _ := countUTF8([]byte(c)); v > 0 {
				if firstMixed < 0 {
					firstMixed = i
				}
			} else if first1252 < 0 {
				first1252 = i
			}
		}
	}
	if firstUTF8 < 0 && first1252 < 0 && firstMixed < 0 {
		return // ASCII
	}
	flag := func(msg string, col int) {
		if rec.Problem == "" {
			rec.Problem = fmt.Sprintf(msg, col+1)
		}
	}
	if r.text == textASCII {
		if first1252 >= 0 && firstUTF8 < 0 && firstMixed < 0 {
			// The first bytes above 0x7F, and none is UTF-8: the file is
			// Windows-1252, from here on and (being ASCII) before.
			r.text = textWin1252
			r.Encoding.Name = "windows-1252"
		} else {
			r.text = textUTF8
		}
	}
	if r.text == textWin1252 {
		decodeCells1252(rec.Cells)
		if firstUTF8 >= 0 || firstMixed >= 0 {
			flag("column %d looks like UTF-8 in a Windows-1252 file (read as Windows-1252)", max(firstUTF8, firstMixed))
		}
		return
	}
	// A UTF-8 file: a cell of Windows-1252 bytes is read as such, a cell
	// mixing UTF-8 with other bytes is kept byte for byte; both flagged.
	if first1252 >= 0 && r.text != textFixed {
		for i, c := range rec.Cells {
			if !utf8.ValidString(c) {
				if v, _ := countUTF8([]byte(c)); v == 0 {
					rec.Cells[i] = decode1252(c)
				}
			}
		}
		flag("column %d is not valid UTF-8 (read as Windows-1252)", first1252)
	}
	if firstMixed >= 0 {
		flag("column %d holds bytes that are not UTF-8 (kept as they are)", firstMixed)
	}
	if first1252 >= 0 && r.text == textFixed {
		flag("column %d holds bytes that are not UTF-8 (kept as they are)", first1252)
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
