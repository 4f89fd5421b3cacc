package leadcsv

import (
	"bufio"
	"fmt"
	"io"
	"unsafe"
)

// scanner splits decoded text into records of cells that are exactly the
// text between the delimiters: RFC 4180 quoting ("" inside quotes is one
// "), and nothing else changed. encoding/csv turns a CRLF inside a quoted
// field into LF and knows no lone-CR line end; this scanner keeps CR,
// CRLF and lone CR inside quoted cells byte for byte, and ends a line on
// LF, CRLF or a lone CR outside quotes.
//
// A quote inside an unquoted field (27" Monitor) is text: the row is
// reported, but the quote opens nothing, so one stray quote cannot make
// the rest of the file one field or stop lone CRs from ending lines. A
// quoted field closed early ("a"b) goes on as unquoted text after the
// quote. Only a quote that opens a field and is never closed runs to the
// end of the file, which is an error.
//
// It reads through a bufio.Reader chunk by chunk (no per-byte call), keeps
// one buffer per record, and returns the cells as substrings of one
// string: one allocation per row for the text, one for the cell slice.
type scanner struct {
	r         *bufio.Reader
	delim     []byte // the delimiter in UTF-8
	d0        byte   // delim[0]
	line      int    // physical line of the next byte (1-based)
	col       int    // byte column of the next byte in its line (1-based)
	skipLF    bool   // the last record ended on CR: an LF next is its CRLF
	buf       []byte
	chunks    [][]byte // a huge record's earlier bytes (see add)
	chunked   int      // bytes in chunks
	tooLong   bool     // the record passed maxRecord
	maxRecord int      // MaxRecordBytes (smaller in tests)
	ends      []int
	starts    [][2]int // line and column where each cell of the record starts
	problem   string
	prevCR    bool // the last byte inside a quoted field was CR (line counting)
	maxKeep   int  // records larger than this hand their buffer over
	lastLine  int  // line of the record last returned
}

func newScanner(r *bufio.Reader, delim rune) *scanner {
	d := []byte(string(delim))
	return &scanner{r: r, delim: d, d0: d[0], line: 1, col: 1, maxKeep: 1 << 20, maxRecord: MaxRecordBytes}
}

// MaxRecordBytes bounds one row: a longer one is almost always a quote
// that opens a field and is never closed, swallowing the rest of the file.
// Reading stops there with an error instead of holding the file in memory.
const MaxRecordBytes = 256 << 20

// tooLongError is a row longer than MaxRecordBytes.
type tooLongError struct{ line int }

func (e *tooLongError) Error() string {
	return fmt.Sprintf("row starting on line %d is longer than %d MiB", e.line, MaxRecordBytes>>20)
}

// unterminatedError is a quoted field open at the end of the input.
type unterminatedError struct{ line int }

func (e *unterminatedError) Error() string {
	return fmt.Sprintf("quoted field starting on line %d is never closed", e.line)
}

const (
	stFieldStart = iota
	stUnquoted
	stQuoted
	stQuoteInQuoted
)

// next returns the next record: its first line, its cells and a problem
// (a stray or misplaced quote) or "". Empty lines are skipped, as
// encoding/csv does. At the end it returns io.EOF; an open quote at the
// end is an *unterminatedError.
func (s *scanner) next() (int, []string, string, error) {
	s.buf = s.buf[:0]
	s.chunks, s.chunked = s.chunks[:0], 0
	s.ends = s.ends[:0]
	s.starts = s.starts[:0]
	s.problem = ""
	state := stFieldStart
	startLine, quoteLine := s.line, 0
	started := false // any byte of this record consumed (a line end excluded)
	for {
		chunk, err := s.r.Peek(max(s.r.Buffered(), 1))
		if len(chunk) == 0 {
			if err == nil || err == bufio.ErrBufferFull {
				continue
			}
			if err != io.EOF {
				return 0, nil, "", err
			}
			// End of input.
			switch {
			case state == stQuoted:
				return 0, nil, "", &unterminatedError{line: quoteLine}
			case !started && state == stFieldStart && len(s.ends) == 0:
				return 0, nil, "", io.EOF
			}
			s.ends = append(s.ends, s.size())
			return s.finish(startLine)
		}
		if s.skipLF {
			s.skipLF = false
			if chunk[0] == '\n' {
				s.r.Discard(1)
				continue
			}
		}
		i := 0
	scan:
		for i < len(chunk) {
			c := chunk[i]
			switch state {
			case stFieldStart:
				if len(s.starts) == len(s.ends) {
					s.starts = append(s.starts, [2]int{s.line, s.col})
				}
				if c == '"' {
					state, quoteLine, started = stQuoted, s.line, true
					s.prevCR = false
					i++
					s.col++
					continue
				}
				state = stUnquoted
				fallthrough
			case stUnquoted:
				// The run of plain bytes, copied at once.
				j := i
				for j < len(chunk) {
					b := chunk[j]
					if b == s.d0 || b == '\n' || b == '\r' || b == '"' {
						break
					}
					j++
				}
				if j > i {
					s.add(chunk[i:j])
					s.col += j - i
					started = true
					i = j
					if i == len(chunk) {
						break scan
					}
					c = chunk[i]
				}
				switch c {
				case '"':
					if s.problem == "" {
						s.problem = fmt.Sprintf("stray quote in an unquoted field at line %d, column %d", s.line, s.col)
					}
					s.addByte('"')
					started = true
					i++
					s.col++
				case '\n', '\r':
					i = s.lineEnd(c, chunk, i+1)
					if !started && len(s.ends) == 0 {
						// An empty line: skipped, like encoding/csv.
						state = stFieldStart
						s.starts = s.starts[:0]
						startLine = s.line
						continue
					}
					s.ends = append(s.ends, s.size())
					s.r.Discard(i)
					return s.finish(startLine)
				default: // the delimiter's first byte
					n, ok := s.delimAt(chunk, i)
					if n < 0 {
						break scan // need more bytes to tell
					}
					if !ok {
						s.addByte(c)
						started = true
						i++
						s.col++
						continue
					}
					s.ends = append(s.ends, s.size())
					started = true
					state = stFieldStart
					i += n
					s.col += n
				}
			case stQuoted:
				j := i
				for j < len(chunk) {
					b := chunk[j]
					if b == '"' || b == '\n' || b == '\r' {
						break
					}
					j++
				}
				if j > i {
					s.add(chunk[i:j])
					s.col += j - i
					s.prevCR = false
					i = j
					if i == len(chunk) {
						break scan
					}
					c = chunk[i]
				}
				i++
				switch c {
				case '"':
					state = stQuoteInQuoted
					s.col++
				case '\r':
					s.addByte(c)
					s.line++
					s.col = 1
					s.prevCR = true
				case '\n':
					s.addByte(c)
					if !s.prevCR {
						s.line++
					}
					s.col = 1
					s.prevCR = false
				}
			case stQuoteInQuoted:
				switch {
				case c == '"':
					s.addByte('"')
					state = stQuoted
					s.prevCR = false
					i++
					s.col++
				case c == '\n' || c == '\r':
					i = s.lineEnd(c, chunk, i+1)
					s.ends = append(s.ends, s.size())
					s.r.Discard(i)
					return s.finish(startLine)
				case c == s.d0:
					n, ok := s.delimAt(chunk, i)
					if n < 0 {
						break scan
					}
					if ok {
						s.ends = append(s.ends, s.size())
						state = stFieldStart
						i += n
						s.col += n
						continue
					}
					fallthrough
				default:
					// "a"b: the field goes on as text after the quote.
					if s.problem == "" {
						s.problem = fmt.Sprintf("misplaced quote at line %d, column %d", s.line, s.col-1)
					}
					s.addByte('"')
					state = stUnquoted
				}
			}
		}
		s.r.Discard(i)
		if s.tooLong {
			s.buf, s.chunks, s.chunked, s.tooLong = nil, nil, 0, false
			return 0, nil, "", &tooLongError{line: startLine}
		}
		if i == 0 {
			// A multi-byte delimiter cut at the end of the buffered bytes:
			// read more before deciding.
			if _, err := s.r.Peek(s.r.Buffered() + len(s.delim)); err == io.EOF {
				if len(chunk) > 0 && state != stQuoted {
					// No room for the delimiter: the byte is text.
					s.addByte(chunk[0])
					s.r.Discard(1)
					state = stUnquoted
					started = true
				}
			}
		}
	}
}

// fieldPos is where cell i of the last record starts (line, 1-based byte
// column of the decoded text).
func (s *scanner) fieldPos(i int) (int, int) {
	if i < 0 || i >= len(s.starts) {
		return s.lastLine, 1
	}
	return s.starts[i][0], s.starts[i][1]
}

// delimAt reports whether the delimiter starts at chunk[i]: its length and
// true, 1 and false when it does not, or -1 when chunk ends first.
func (s *scanner) delimAt(chunk []byte, i int) (int, bool) {
	n := len(s.delim)
	if n == 1 {
		return 1, true
	}
	if i+n > len(chunk) {
		return -1, false
	}
	for k := 1; k < n; k++ {
		if chunk[i+k] != s.delim[k] {
			return 1, false
		}
	}
	return n, true
}

// lineEnd counts the line end c at chunk[i-1] outside quotes and returns
// the index after it: after CR the LF of a CRLF is consumed too, now or,
// when the chunk ends, at the start of the next read.
func (s *scanner) lineEnd(c byte, chunk []byte, i int) int {
	s.line++
	s.col = 1
	if c == '\r' {
		if i < len(chunk) {
			if chunk[i] == '\n' {
				i++
			}
		} else {
			s.skipLF = true
		}
	}
	return i
}

// bigChunk is the size of the pieces a huge record is held in.
const bigChunk = 4 << 20

// size is the record's length so far.
func (s *scanner) size() int { return s.chunked + len(s.buf) }

// add appends p to the record. Up to maxKeep the buffer grows as a slice
// does; beyond, the record is held in bigChunk pieces, so growing never
// copies it and never holds an old and a new copy at once: a 200 MB field
// costs the pieces and, at the end, the one string they become.
func (s *scanner) add(p []byte) {
	if len(s.buf)+len(p) <= cap(s.buf) || s.chunks == nil && len(s.buf)+len(p) <= s.maxKeep {
		s.buf = append(s.buf, p...)
		return
	}
	if s.size()+len(p) > s.maxRecord {
		s.tooLong = true
		return
	}
	for len(p) > 0 {
		room := cap(s.buf) - len(s.buf)
		if room == 0 {
			s.chunks = append(s.chunks, s.buf)
			s.chunked += len(s.buf)
			s.buf = make([]byte, 0, bigChunk)
			room = bigChunk
		}
		n := min(room, len(p))
		s.buf = append(s.buf, p[:n]...)
		p = p[n:]
	}
}

func (s *scanner) addByte(c byte) {
	if len(s.buf) < cap(s.buf) {
		s.buf = append(s.buf, c)
		return
	}
	s.add([]byte{c})
}

// finish turns the record's buffer into cells.
func (s *scanner) finish(startLine int) (int, []string, string, error) {
	var text string
	switch {
	case len(s.chunks) > 0:
		// A huge record: its pieces become one string, copied once, and
		// the next record starts with a small buffer again.
		b := make([]byte, 0, s.size())
		for i, c := range s.chunks {
			b = append(b, c...)
			s.chunks[i] = nil
		}
		b = append(b, s.buf...)
		text = unsafe.String(unsafe.SliceData(b), len(b))
		s.buf, s.chunks, s.chunked = nil, nil, 0
	case len(s.buf) > s.maxKeep:
		// Large: the buffer becomes the string, with no copy.
		text = unsafe.String(unsafe.SliceData(s.buf), len(s.buf))
		s.buf = nil
	default:
		text = string(s.buf)
	}
	cells := make([]string, len(s.ends))
	start := 0
	for i, end := range s.ends {
		cells[i] = text[start:end]
		start = end
	}
	s.lastLine = startLine
	return startLine, cells, s.problem, nil
}
