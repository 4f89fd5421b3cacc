package leadgen

import (
	"bufio"
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// encoder writes CSV rows the way the exporting tool does. It is not
// encoding/csv's Writer because exports differ in ways that one cannot
// produce: Salesforce quotes every field, and a German Excel writes
// Windows-1252. Fields are quoted when they hold the separator, a quote, a
// line break or leading space, as RFC 4180 readers expect.
type encoder struct {
	comma    byte
	crlf     bool
	quoteAll bool
	cp1252   bool
	buf      []byte // the row being built, UTF-8
	out      []byte // the row in Windows-1252
	err      error
}

// appendRow adds one row, with its line ending, to the buffer.
func (e *encoder) appendRow(fields []string) {
	b := e.buf[:0]
	for i, f := range fields {
		if i > 0 {
			b = append(b, e.comma)
		}
		if !e.quoteAll && !e.needsQuotes(f) {
			b = append(b, f...)
			continue
		}
		b = append(b, '"')
		for {
			j := strings.IndexByte(f, '"')
			if j < 0 {
				break
			}
			b = append(b, f[:j+1]...)
			b = append(b, '"')
			f = f[j+1:]
		}
		b = append(b, f...)
		b = append(b, '"')
	}
	if e.crlf {
		b = append(b, '\r')
	}
	e.buf = append(b, '\n')
}

func (e *encoder) needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f[0] == ' ' || f[0] == '\t' {
		return true
	}
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case e.comma, '"', '\r', '\n':
			return true
		}
	}
	return false
}

// flushTo writes the buffered row and returns how many physical lines it
// took. The first write error is kept in e.err.
func (e *encoder) flushTo(w *bufio.Writer) int {
	lines := bytes.Count(e.buf, []byte{'\n'})
	if e.err != nil {
		return lines
	}
	data := e.buf
	if e.cp1252 {
		data = e.toCP1252(data)
	}
	if _, err := w.Write(data); err != nil {
		e.err = err
	}
	return lines
}

// toCP1252 converts UTF-8 to Windows-1252. The generator only builds rows
// that fit; a rune that does not becomes '?', as Excel writes it.
func (e *encoder) toCP1252(b []byte) []byte {
	out := e.out[:0]
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			out = append(out, b[0])
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if c, ok := encodeCP1252(r); ok {
			out = append(out, c)
		} else {
			out = append(out, '?')
		}
	}
	e.out = out
	return out
}

// encodeCP1252 returns the Windows-1252 byte for r.
func encodeCP1252(r rune) (byte, bool) {
	if r < 0x80 {
		return byte(r), true
	}
	return charmap.Windows1252.EncodeRune(r)
}
