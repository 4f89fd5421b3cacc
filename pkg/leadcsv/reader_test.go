package leadcsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func encodeUTF16(t *testing.T, s string, e unicode.Endianness, bom unicode.BOMPolicy) []byte {
	t.Helper()
	b, err := unicode.UTF16(e, bom).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDetectEncoding(t *testing.T) {
	latin, _ := charmap.Windows1252.NewEncoder().String("Vorname;Straße\nJürgen;Müllerstraße\n")
	tests := []struct {
		name  string
		input []byte
		want  string
	}{
		{"ascii", []byte("a,b\n1,2\n"), "utf-8"},
		{"utf-8", []byte("Prénom,Nom\nZoë,Nguyễn\n"), "utf-8"},
		{"utf-8 bom", []byte("\xef\xbb\xbfa,b\n"), "utf-8 (bom)"},
		{"utf-16le bom", encodeUTF16(t, "a,b\n", unicode.LittleEndian, unicode.UseBOM), "utf-16le (bom)"},
		{"utf-16be bom", encodeUTF16(t, "a,b\n", unicode.BigEndian, unicode.UseBOM), "utf-16be (bom)"},
		{"utf-16le no bom", encodeUTF16(t, "First Name,Email\nAnn,ann@acme.io\n", unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"},
		{"utf-16be no bom", encodeUTF16(t, "First Name,Email\nAnn,ann@acme.io\n", unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"},
		{"windows-1252", []byte(latin), "windows-1252"},
		{"mixed stays utf-8", []byte("Zoë,M\xfcller\n"), "utf-8"},
		{"cut multibyte at end", []byte("abc,d\xc3"), "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectEncoding(tt.input).Name; got != tt.want {
				t.Errorf("DetectEncoding = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDetectDelimiter(t *testing.T) {
	tests := []struct {
		text string
		want rune
	}{
		{"a,b,c\n1,2,3\n", ','},
		{"a;b;c\n1;2;3\n", ';'},
		{"a\tb\tc\n1\t2\t3\n", '\t'},
		{"a|b|c\n1|2|3\n", '|'},
		{"Name;Comment\n\"Smith, John\";\"a, b, c\"\n", ';'},
		{"Name,Revenue\n\"Ann\",\"1,2;3\"\n", ','},
		{"\"multi\nline\";x\ny;z\n", ';'},
		{"single\nvalue\n", ','},
		{"Vorname;Nachname;Firma\nJürgen;Müller;\"ACME, Inc\"\n", ';'},
	}
	for _, tt := range tests {
		if got := DetectDelimiter(tt.text); got != tt.want {
			t.Errorf("DetectDelimiter(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func readAll(t *testing.T, input string, opts Options) (*Reader, []Record, error) {
	t.Helper()
	r, err := NewReader("in.csv", strings.NewReader(input), opts)
	if err != nil {
		return nil, nil, err
	}
	var recs []Record
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return r, recs, nil
		}
		if err != nil {
			return r, recs, err
		}
		recs = append(recs, rec)
	}
}

func TestReaderRows(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		lines    []int
		problems []string // "" for a good row; a substring otherwise
		cells    [][]string
	}{
		{"crlf and quoted newline", "a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n", []int{2, 4}, []string{"", ""}, [][]string{{"1", "x\r\ny"}, {"2", "z"}}},
		{"ragged", "a,b\n1,2\n3\n4,5,6\n", []int{2, 3, 4}, []string{"", "1 fields", "3 fields"}, nil},
		{"blank lines skipped", "a,b\n\n1,2\n\n\n3,4\n", []int{3, 6}, []string{"", ""}, nil},
		{"stray quote kept as text", "a,b\n1,Bob \"the\" Smith\n2,ok\n", []int{2, 3}, []string{"stray quote", ""}, [][]string{{"1", "Bob \"the\" Smith"}, {"2", "ok"}}},
		{"empty row", "a,b\n,\n1,2\n", []int{2, 3}, []string{"empty row", ""}, nil},
		{"no final newline", "a,b\n1,2", []int{2}, []string{""}, nil},
		{"mixed line endings", "a,b\r\n1,2\n3,4\r\n", []int{2, 3}, []string{"", ""}, nil},
		{"invalid utf-8", "a,b\nZoë,M\xfcller\n", []int{2}, []string{"not valid UTF-8"}, [][]string{{"Zoë", "Müller"}}},
		{"delimiters and quotes in quotes", "a;b\n\"x;y\";\"say \"\"hi\"\"\"\n", []int{2}, []string{""}, [][]string{{"x;y", "say \"hi\""}}},
		{"old mac line endings", "a,b\r1,2\r3,4\r", []int{2, 3}, []string{"", ""}, nil},
		{"nul byte: malformed, kept", "a,b\n1,x\x00y\n2,z\n", []int{2, 3}, []string{"column 2 holds a NUL byte", ""}, [][]string{{"1", "x\x00y"}, {"2", "z"}}},
		{"lone cr among lf", "a,b\n1,2\r3,4\n5,6\r\n", []int{2, 3, 4}, []string{"", "", ""}, [][]string{{"1", "2"}, {"3", "4"}, {"5", "6"}}},
		// A lone CR is a line end for line numbers inside quotes too.
		{"cr inside quotes kept", "a,b\r1,\"x\ry\"\r2,z", []int{2, 4}, []string{"", ""}, [][]string{{"1", "x\ry"}, {"2", "z"}}},
		{"cr at end of file", "a,b\n1,2\r", []int{2}, []string{""}, [][]string{{"1", "2"}}},
		{"doubled quotes keep the count", "a,b\n\"say \"\"hi\"\"\",x\r2,y\n", []int{2, 3}, []string{"", ""}, [][]string{{"say \"hi\"", "x"}, {"2", "y"}}},
		{"huge cell: malformed, kept", "a,b\n1," + strings.Repeat("x", MaxCellBytes+1) + "\n2,z\n", []int{2, 3}, []string{"more than the 1048576", ""}, nil},
		{"cell at the limit", "a,b\n1," + strings.Repeat("x", MaxCellBytes) + "\n", []int{2}, []string{""}, nil},
		{"ends mid-row", "a,b,c\n1,2,3\n4,5", []int{2, 3}, []string{"", "2 fields"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, recs, err := readAll(t, tt.input, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != len(tt.lines) {
				t.Fatalf("got %d records %+v, want %d", len(recs), recs, len(tt.lines))
			}
			for i, rec := range recs {
				if rec.Line != tt.lines[i] {
					t.Errorf("record %d line = %d, want %d", i, rec.Line, tt.lines[i])
				}
				if want := tt.problems[i]; (want == "") != (rec.Problem == "") || !strings.Contains(rec.Problem, want) {
					t.Errorf("record %d problem = %q, want %q", i, rec.Problem, want)
				}
				if tt.cells != nil && strings.Join(rec.Cells, "|") != strings.Join(tt.cells[i], "|") {
					t.Errorf("record %d cells = %q, want %q", i, rec.Cells, tt.cells[i])
				}
			}
			// Read a byte at a time, the same rows come out (a CR at the
			// end of a read waits for the next byte).
			r, err := NewReader("in.csv", iotest.OneByteReader(strings.NewReader(tt.input)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; ; i++ {
				rec, err := r.Read()
				if err == io.EOF {
					if i != len(recs) {
						t.Errorf("byte at a time: %d records, want %d", i, len(recs))
					}
					break
				}
				if err != nil || i >= len(recs) || rec.Line != recs[i].Line || strings.Join(rec.Cells, "|") != strings.Join(recs[i].Cells, "|") {
					t.Fatalf("byte at a time: record %d = %+v, %v; want %+v", i, rec, err, recs[min(i, len(recs)-1)])
				}
			}
		})
	}
}

func TestReaderFileErrors(t *testing.T) {
	tests := []struct {
		name, input string
		want        string
	}{
		{"empty", "", "in.csv: file is empty"},
		{"unterminated quote", "a,b\n1,2\n3,\"oops\n4,5\n6,7\n", "in.csv:3: quoted field starting on line 3 is never closed"},
		{"xlsx", "PK\x03\x04\x14\x00rest", "in.csv:1: file is an Excel workbook or zip archive (.xlsx), not CSV text"},
		{"png", "\x89PNG\r\n\x1a\nxxxx", "in.csv:1: file is a PNG image, not CSV text"},
		{"gzip", "\x1f\x8b\x08\x00xxxx", "in.csv:1: file is gzip-compressed, not CSV text"},
		{"headerless", "Ann,ann@acme.io,+14153921234\n", "in.csv:1:2: file has no header row"},
		{"zero-filled", strings.Repeat("\x00", 4096), "in.csv:1:1: header row holds NUL bytes"},
		{"nul in header", "a,b\x00c\n1,2\n", "in.csv:1:2: header row holds NUL bytes"},
		{"huge header cell", "a," + strings.Repeat("h", MaxCellBytes+1) + "\n1,2\n", "in.csv:1: header row is malformed: column 2 is"},
		{"unterminated quote at the end", "a,b\n1,2\n3,\"cut", "in.csv:3: quoted field starting on line 3 is never closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readAll(t, tt.input, Options{})
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error = %v, want a *FileError", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestReaderOverrides(t *testing.T) {
	latin, _ := charmap.Windows1252.NewEncoder().String("Name|Stadt\nJürgen|Köln\n")
	r, recs, err := readAll(t, latin, Options{Delimiter: '|', Encoding: "windows-1252"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Delimiter != '|' || len(recs) != 1 || recs[0].Cells[1] != "Köln" {
		t.Fatalf("delimiter %q, records %+v", r.Delimiter, recs)
	}
	r, recs, err = readAll(t, "Ann,ann@acme.io\nBob,bob@acme.io\n", Options{NoHeader: true})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(r.Header, ",") != "column_1,column_2" || len(recs) != 2 || recs[0].Line != 1 {
		t.Fatalf("header %q records %+v", r.Header, recs)
	}
	// With --no-header the first row is data: its problems are kept.
	for _, in := range []string{"Ann,M\xfcller\nZoë,x\n", "Ann,x\x00y\nBob,x\n", ",\nBob,x\n", "Ann \"A\" Lee,x\nBob,x\n"} {
		_, recs, err = readAll(t, in, Options{NoHeader: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 2 || recs[0].Problem == "" || recs[1].Problem != "" {
			t.Errorf("--no-header %q: records %+v, want the first malformed", in, recs)
		}
	}
}

func TestWriterRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewWriter(&buf, []string{"Name", "Note"}, WriterOptions{Delimiter: ';', Escape: func(s string) bool { return strings.HasPrefix(s, "=") }})
	if err != nil {
		t.Fatal(err)
	}
	appended := make([]string, len(AppendedColumns)-1)
	appended[0] = "qualified"
	for _, cells := range [][]string{{"Ann", "a;b"}, {"Bob"}, {"Cy", "x", "y", "z"}, {"=1+1", "ok"}} {
		if err := w.Write(cells, appended); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	_, recs, err := readAll(t, buf.String(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	width := 2 + len(AppendedColumns)
	for i, rec := range recs {
		if len(rec.Cells) != width || rec.Problem != "" {
			t.Errorf("row %d: %d cells (%q), problem %q", i, len(rec.Cells), rec.Cells, rec.Problem)
		}
	}
	if got := recs[2].Cells[width-1]; got != "y;z" {
		t.Errorf("overflow = %q, want y;z", got)
	}
	if got := recs[3].Cells[0]; got != "'=1+1" {
		t.Errorf("escaped cell = %q", got)
	}
}

func FuzzReader(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "a;b\r\n\"x\ny\";2\r\n", "a,b\n1,\"oops\n", "\xef\xbb\xbfa,b\n", "a\tb\n\"\"\"\t\n", "a,b\n1,x\"y\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader("fuzz.csv", bytes.NewReader(data), Options{})
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *FileError", err)
			}
			return
		}
		prev := r.HeaderLine
		for {
			rec, err := r.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				var fe *FileError
				if !errors.As(err, &fe) {
					t.Fatalf("error %v is not a *FileError", err)
				}
				return
			}
			if rec.Line <= prev {
				t.Fatalf("line %d after %d", rec.Line, prev)
			}
			prev = rec.Line
		}
	})
}

// TestWriterKeepsValues writes awkward cells with each line ending and
// delimiter and reads them back with encoding/csv: every value comes back
// as written (encoding/csv's own writer drops a lone CR in a field when
// writing CRLF).
func TestWriterKeepsValues(t *testing.T) {
	cells := []string{"", " lead", "\ttab", "a,b", "a;b", "a\tb", "a|b", "say \"hi\"", "\"", "line\nbreak", "old\rmac", "\\.", "Zoë", "=1+1", "-5", "trailing "}
	for _, crlf := range []bool{false, true} {
		for _, d := range Delimiters {
			var buf bytes.Buffer
			w, err := NewWriter(&buf, []string{"h"}, WriterOptions{Delimiter: d, CRLF: crlf})
			if err != nil {
				t.Fatal(err)
			}
			appended := make([]string, len(AppendedColumns)-1)
			for _, c := range cells {
				if err := w.Write([]string{c}, appended); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			cr := csv.NewReader(&buf)
			cr.Comma = d
			recs, err := cr.ReadAll()
			if err != nil {
				t.Fatalf("crlf %v delimiter %q: %v\n%s", crlf, d, err, buf.String())
			}
			if len(recs) != len(cells)+1 {
				t.Fatalf("crlf %v delimiter %q: %d records, want %d", crlf, d, len(recs), len(cells)+1)
			}
			for i, c := range cells {
				if got := recs[i+1][0]; got != c {
					t.Errorf("crlf %v delimiter %q: cell %q came back as %q", crlf, d, c, got)
				}
			}
		}
	}
}

// failingWriter fails every write after the first n bytes.
type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		n := f.n
		f.n = 0
		return n, errors.New("no space left on device")
	}
	f.n -= len(p)
	return len(p), nil
}

func TestWriterReportsWriteErrors(t *testing.T) {
	w, err := NewWriter(&failingWriter{n: 100}, []string{"Name", "Email"}, WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	appended := make([]string, len(AppendedColumns)-1)
	var werr error
	for i := 0; i < 100000 && werr == nil; i++ {
		werr = w.Write([]string{"Ann", "ann@example.org"}, appended)
	}
	if werr == nil {
		werr = w.Flush()
	}
	if werr == nil || !strings.Contains(werr.Error(), "no space left") {
		t.Fatalf("error = %v, want the writer's error", werr)
	}
	if err := w.Flush(); err == nil {
		t.Error("Flush after a failed write returned nil")
	}
}

// TestValuesKept: the cases of issue 17, each byte kept.
func TestValuesKept(t *testing.T) {
	ascii := "Name,City\n" + strings.Repeat("Ann,Berlin\n", 7000) // over 64 KiB
	latin, _ := charmap.Windows1252.NewEncoder().String("Jürgen,Köln\n")
	var crOnly strings.Builder
	crOnly.WriteString("Name,Note\rCy,27\" Monitor\r")
	for range 20000 {
		crOnly.WriteString("Ann,x\r")
	}
	tests := []struct {
		name    string
		input   string
		opts    Options
		rows    int
		check   int // index of the row checked
		cells   []string
		problem string
	}{
		{"crlf in a quoted cell", "a,b\n1,\"x\r\ny\"\n", Options{}, 1, 0, []string{"1", "x\r\ny"}, ""},
		{"cr cr lf in a quoted cell", "a,b\n1,\"a\r\r\nb\"\n", Options{}, 1, 0, []string{"1", "a\r\r\nb"}, ""},
		{"crlf in a quoted header", "\"a\r\nb\",c\n1,2\n", Options{}, 1, 0, []string{"1", "2"}, ""},
		{"lone cr in a quoted cell of a cr file", "a,b\r1,\"line1\rline2\"\r2,z\r", Options{}, 2, 0, []string{"1", "line1\rline2"}, ""},
		{"a stray quote does not stop lone crs", crOnly.String(), Options{}, 20001, 20000, []string{"Ann", "x"}, ""},
		{"windows-1252 after 64 KiB of ascii", ascii + latin, Options{}, 7001, 7000, []string{"Jürgen", "Köln"}, ""},
		{"undefined windows-1252 bytes kept", "a,b\nx\x81\x8d\x8f\x90\x9d,M\xfcller\n", Options{Encoding: "windows-1252"}, 1, 0, []string{"x\u0081\u008d\u008f\u0090\u009d", "Müller"}, ""},
		{"undefined bytes, detected", "a,b\nx\x81,M\xfcller\n", Options{}, 1, 0, []string{"x\u0081", "Müller"}, ""},
		{"a utf-8 cell with one bad byte is kept", "a,b\nZoë,M\xc3\xbcller\xff\n", Options{}, 1, 0, []string{"Zoë", "M\xc3\xbcller\xff"}, "not UTF-8 (kept as they are)"},
		{"a misplaced quote goes on as text", "a,b\n\"x\"y,2\n3,4\n", Options{}, 2, 0, []string{"x\"y", "2"}, "misplaced quote"},
		{"multi-byte delimiter", "a§b\n1§\"2§3\"\n", Options{Delimiter: '§'}, 1, 0, []string{"1", "2§3"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, recs, err := readAll(t, tt.input, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != tt.rows {
				t.Fatalf("%d rows, want %d", len(recs), tt.rows)
			}
			rec := recs[tt.check]
			if strings.Join(rec.Cells, "|") != strings.Join(tt.cells, "|") {
				t.Errorf("cells = %q, want %q", rec.Cells, tt.cells)
			}
			if (tt.problem == "") != (rec.Problem == "") || !strings.Contains(rec.Problem, tt.problem) {
				t.Errorf("problem = %q, want %q", rec.Problem, tt.problem)
			}
		})
	}
}

// TestUTF16WithoutBOM: --encoding utf-16le/be on files with and without a
// BOM, and BOM-less UTF-16 that is mostly CJK detected.
func TestUTF16WithoutBOM(t *testing.T) {
	text := "姓名,邮箱,公司\n张伟,zhang@例子.中国,北京科技有限公司\n李娜,li@例子.中国,上海贸易有限公司\n"
	for _, e := range []struct {
		name string
		end  unicode.Endianness
	}{{"utf-16le", unicode.LittleEndian}, {"utf-16be", unicode.BigEndian}} {
		for _, bom := range []unicode.BOMPolicy{unicode.IgnoreBOM, unicode.UseBOM} {
			data := encodeUTF16(t, text, e.end, bom)
			for _, opts := range []Options{{Encoding: e.name}, {}} {
				r, recs, err := readAll(t, string(data), opts)
				if err != nil {
					t.Fatalf("%s bom=%v opts=%+v: %v", e.name, bom, opts, err)
				}
				if r.Header[0] != "姓名" || len(recs) != 2 || recs[1].Cells[2] != "上海贸易有限公司" {
					t.Errorf("%s bom=%v opts=%+v: header %q, rows %v", e.name, bom, opts, r.Header, recs)
				}
			}
		}
	}
}

// TestRecordBounded: a quote opened and never closed in a large file
// stops reading at MaxRecordBytes (here made small) with file:line,
// instead of holding the rest of the file.
func TestRecordBounded(t *testing.T) {
	input := "a,b\n1,2\n3,\"never closed\n" + strings.Repeat("4,5\n", 4<<20)
	r, err := NewReader("in.csv", strings.NewReader(input), Options{})
	if err != nil {
		t.Fatal(err)
	}
	r.scan.maxRecord = 2 << 20
	var last error
	for {
		_, err := r.Read()
		if err != nil {
			last = err
			break
		}
	}
	var fe *FileError
	if !errors.As(last, &fe) || fe.Line != 3 || !strings.Contains(fe.Msg, "longer than") {
		t.Errorf("error %v, want in.csv:3: row ... longer than", last)
	}
}
