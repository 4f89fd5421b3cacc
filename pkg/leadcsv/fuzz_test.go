package leadcsv

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"testing"
)

// FuzzRoundTrip parses any input, writes what was read with the Writer,
// parses that again and requires the same header and the same cells: the
// reader and writer together keep every value byte for byte.
func FuzzRoundTrip(f *testing.F) {
	for _, seed := range []string{
		"a,b\n1,2\n",
		"a,b\r\n1,\"x\r\ny\"\r\n",
		"a;b\r1;\"line1\rline2\"\r2;\"a\r\r\nb\"\r",
		"Name,Note\nCy,27\" Monitor\rAnn,x\r",
		"a,b\n\"x\"y,2\n3\n4,5,6\n",
		"a,b\nJ\xfcrgen,\x81\n",
		"a,b\nZo\xc3\xab,M\xc3\xbcller\xff\n",
		"a\tb\n \"q\" ,\"\"\n",
		"a,b\n\\.,=1+1\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(roundTrip)
}

func roundTrip(t *testing.T, data []byte) {
	// NUL bytes are kept too (TestReaderRows), but enough of them make
	// the written file look like UTF-16 to the second read.
	if bytes.IndexByte(data, 0) < 0 {
		first, err := NewReader("in.csv", bytes.NewReader(data), Options{})
		if err != nil {
			return
		}
		var rows [][]string
		for {
			rec, err := first.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return // an unterminated quote: the file is refused
			}
			rows = append(rows, rec.Cells)
		}
		var out bytes.Buffer
		w, err := NewWriter(&out, first.Header, WriterOptions{Delimiter: first.Delimiter, CRLF: first.CRLF})
		if err != nil {
			t.Fatal(err)
		}
		for _, cells := range rows {
			if err := w.Write(cells, nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		second, err := NewReader("out.csv", bytes.NewReader(out.Bytes()), Options{Delimiter: first.Delimiter, Encoding: "utf-8"})
		if err != nil {
			t.Fatalf("written output does not read back: %v\n%q", err, out.Bytes())
		}
		width := len(first.Header)
		if !slices.Equal(second.Header[:min(width, len(second.Header))], first.Header) {
			t.Fatalf("header %q came back as %q", first.Header, second.Header)
		}
		for i, want := range rows {
			rec, err := second.Read()
			if err != nil {
				t.Fatalf("row %d: %v", i, err)
			}
			got := rec.Cells[:width]
			wantCells := want
			if len(want) > width {
				wantCells = want[:width]
			}
			for j := range got {
				have := ""
				if j < len(wantCells) {
					have = wantCells[j]
				}
				if got[j] != have {
					t.Fatalf("row %d cell %d: %q came back as %q", i, j, have, got[j])
				}
			}
		}
		if _, err := second.Read(); !errors.Is(err, io.EOF) {
			t.Fatalf("more rows came back than were written: %v", err)
		}
	}
}
