package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/leadclean/leadclean/pkg/leadcsv"
	"github.com/leadclean/leadclean/pkg/pipeline"
)

var (
	_ pipeline.RowReader = (*Reader)(nil)
	_ pipeline.RowWriter = (*SheetWriter)(nil)
)

// buildWorkbook writes a workbook the way a marketer's Excel holds one:
// numbers as numbers (some with a format), text as text, gaps and blank
// rows.
func buildWorkbook(t testing.TB, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	zip5 := "00000"
	zipStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &zip5})
	if err != nil {
		t.Fatal(err)
	}
	set := func(sheet, cell string, v any) {
		t.Helper()
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	// Row 1 is empty: the header is the first row holding a value.
	for i, h := range []string{"Email", "Phone", "Postal code", "Account ID", "Company"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		set("Sheet1", cell, h)
	}
	set("Sheet1", "A3", "jane@acme.io")
	set("Sheet1", "B3", "+49 151 23456789") // text with a plus sign
	set("Sheet1", "C3", 2134)               // a number shown as 02134
	if err := f.SetCellStyle("Sheet1", "C3", "C3", zipStyle); err != nil {
		t.Fatal(err)
	}
	set("Sheet1", "D3", "000123456789012345678") // a long ID kept as text
	set("Sheet1", "E3", "Acme")
	// Row 4 is blank; row 5 is short (no company).
	set("Sheet1", "A5", "joe@example.org")
	set("Sheet1", "B5", 4915112345678) // a number, General format
	// Row 6 has a value beyond the header.
	set("Sheet1", "A6", "ann@acme.io")
	set("Sheet1", "G6", "stray")
	if _, err := f.NewSheet("Leads 2"); err != nil {
		t.Fatal(err)
	}
	set("Leads 2", "A1", "E-Mail")
	set("Leads 2", "A2", "x@y.de")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func readAll(t *testing.T, r *Reader) []leadcsv.Record {
	t.Helper()
	var recs []leadcsv.Record
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return recs
		}
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
}

func TestReader(t *testing.T) {
	path := filepath.Join(t.TempDir(), "leads.xlsx")
	buildWorkbook(t, path)
	r, err := Open("leads.xlsx", path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	info := r.Describe()
	if info.Encoding.Name != "xlsx" || info.Delimiter != ',' || info.HeaderLine != 2 || info.Name != "leads.xlsx" {
		t.Errorf("info = %+v", info)
	}
	if want := []string{"Email", "Phone", "Postal code", "Account ID", "Company"}; !slices.Equal(info.Header, want) {
		t.Errorf("header = %q, want %q", info.Header, want)
	}
	recs := readAll(t, r)
	want := []leadcsv.Record{
		{Line: 3, Cells: []string{"jane@acme.io", "+49 151 23456789", "02134", "000123456789012345678", "Acme"}},
		{Line: 5, Cells: []string{"joe@example.org", "4915112345678", "", "", ""}},
		{Line: 6, Cells: []string{"ann@acme.io", "", "", "", "", "", "stray"}, Problem: "row has a value in column G, beyond the header's 5 columns"},
	}
	if len(recs) != len(want) {
		t.Fatalf("got %d rows, want %d: %+v", len(recs), len(want), recs)
	}
	for i := range want {
		if recs[i].Line != want[i].Line || !slices.Equal(recs[i].Cells, want[i].Cells) || recs[i].Problem != want[i].Problem {
			t.Errorf("row %d = %+v, want %+v", i, recs[i], want[i])
		}
	}
	// After io.EOF the workbook is closed; reading again stays at EOF.
	if _, err := r.Read(); err != io.EOF {
		t.Errorf("Read after EOF = %v", err)
	}
	if err := r.Close(); err != nil {
		t.Errorf("Close after EOF = %v", err)
	}
}

func TestReaderSheet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "leads.xlsx")
	buildWorkbook(t, path)
	for _, name := range []string{"Leads 2", "leads 2"} {
		r, err := Open("leads.xlsx", path, Options{Sheet: name})
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Describe().Name; got != "leads.xlsx[Leads 2]" {
			t.Errorf("name = %q", got)
		}
		recs := readAll(t, r)
		if len(recs) != 1 || recs[0].Cells[0] != "x@y.de" || recs[0].Line != 2 {
			t.Errorf("sheet %q: %+v", name, recs)
		}
	}
	_, err := Open("leads.xlsx", path, Options{Sheet: "Nope"})
	var fe *leadcsv.FileError
	if !errors.As(err, &fe) || fe.Msg != `workbook has no sheet "Nope"` || !strings.Contains(fe.Hint, `"Sheet1", "Leads 2"`) {
		t.Errorf("missing sheet: %v (%+v)", err, fe)
	}
}

func TestReaderNoHeader(t *testing.T) {
	path := filepath.Join(t.TempDir(), "leads.xlsx")
	buildWorkbook(t, path)
	r, err := Open("leads.xlsx", path, Options{NoHeader: true})
	if err != nil {
		t.Fatal(err)
	}
	if h := r.Describe().Header; len(h) != 5 || h[0] != "column_1" {
		t.Errorf("header = %q", h)
	}
	recs := readAll(t, r)
	if len(recs) != 4 || recs[0].Cells[0] != "Email" || recs[0].Line != 2 {
		t.Errorf("rows = %+v", recs)
	}
}

func TestNewReaderFromStream(t *testing.T) {
	path := filepath.Join(t.TempDir(), "leads.xlsx")
	buildWorkbook(t, path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewReader("-", bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if recs := readAll(t, r); len(recs) != 3 {
		t.Errorf("got %d rows", len(recs))
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	plainZip := filepath.Join(dir, "photos.zip")
	writeZip(t, plainZip, map[string]string{"a.txt": "hello"})
	broken := filepath.Join(dir, "broken.xlsx")
	if err := os.WriteFile(broken, []byte("PK\x03\x04 not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.xlsx")
	f := excelize.NewFile()
	if err := f.SaveAs(empty); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		path, want string
	}{
		{plainZip, "photos.zip:1: file is a zip archive but not an Excel workbook (it holds no xl/workbook.xml)"},
		{broken, "broken.xlsx: file starts like a zip archive (.xlsx) but is damaged"},
		{empty, "empty.xlsx: sheet Sheet1 has no rows, not even a header"},
		{filepath.Join(dir, "missing.xlsx"), "missing.xlsx: cannot open"},
	}
	for _, tt := range tests {
		_, err := Open(filepath.Base(tt.path), tt.path, Options{})
		var fe *leadcsv.FileError
		if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Open(%s) = %v, want prefix %q", tt.path, err, tt.want)
		}
	}
	data, _ := os.ReadFile(plainZip)
	if _, err := NewReader("-", bytes.NewReader(data), Options{}); err == nil || !strings.Contains(err.Error(), "not an Excel workbook") {
		t.Errorf("NewReader(zip) = %v", err)
	}
}

func writeZip(t testing.TB, path string, files map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIsWorkbook(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "b.xlsx")
	buildWorkbook(t, book)
	bookData, _ := os.ReadFile(book)
	plain := filepath.Join(dir, "p.zip")
	writeZip(t, plain, map[string]string{"data.csv": "a,b\n1,2\n"})
	plainData, _ := os.ReadFile(plain)
	// A sample cut short: local headers only, xl/workbook.xml among them.
	var cut bytes.Buffer
	zw := zip.NewWriter(&cut)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"} {
		w, _ := zw.Create(name)
		io.WriteString(w, strings.Repeat("<x/>", 100))
	}
	zw.Close()
	sample := cut.Bytes()[:cut.Len()/2]
	tests := []struct {
		name   string
		sample []byte
		want   bool
	}{
		{"whole workbook", bookData, true},
		{"workbook sample", sample, true},
		{"plain zip", plainData, false},
		{"plain zip sample", plainData[:20], false},
		{"csv", []byte("Email,Phone\njane@acme.io,+1 415\n"), false},
		{"empty", nil, false},
		{"zip magic only", []byte("PK\x03\x04"), false},
		{"name split at sample end", append([]byte("PK\x03\x04"), make([]byte, 22)...), false},
	}
	for _, tt := range tests {
		if got := IsWorkbook(tt.sample); got != tt.want {
			t.Errorf("%s: IsWorkbook = %v, want %v", tt.name, got, tt.want)
		}
	}
	if !IsZip(plainData) || IsZip([]byte("Email")) {
		t.Error("IsZip")
	}
}

// TestRoundTrip writes sheets and reads them back: every value, leading
// zeros, + signs, long digit strings, formulas and text that looks like
// an Excel escape survive, as text cells (control characters: see
// TestTextEscapedOnce).
func TestRoundTrip(t *testing.T) {
	header := []string{"Email", "Phone", "Zip", "ID", "Note"}
	rows := [][]string{
		{"jane@acme.io", "+4915123456789", "02134", "12345678901234567890", "=HYPERLINK(\"http://x\")"},
		{"ann@acme.io", "0049 151 2345", "00501", "1.5E+10", "tab\there, new\nline, _x0041_ and _X00e9_"},
		{"short@acme.io"},
		{"wide@acme.io", "", "", "", "", "extra1", "extra2"},
		{"é ü 田中", "", " 007 ", "", ""},
	}
	var buf bytes.Buffer
	wb, err := NewWorkbook(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sheets := map[string]*SheetWriter{}
	for _, name := range []string{"qualified", "rejected"} {
		sw, err := wb.AddSheet(name, header)
		if err != nil {
			t.Fatal(err)
		}
		sheets[name] = sw
	}
	appended := []string{"qualified", "", "10", "jane@acme.io", "+4915123456789", "B", "", ""}
	for _, row := range rows {
		for _, sw := range sheets {
			if err := sw.Write(row, appended); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, sw := range sheets {
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	if err := wb.Close(); err != nil {
		t.Fatal(err)
	}
	if !IsWorkbook(buf.Bytes()) {
		t.Fatal("output is not a workbook")
	}

	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"qualified", "rejected"}) {
		t.Errorf("sheets = %q", got)
	}
	// Every cell is a text cell (an inline string), never a number.
	for _, cell := range []string{"B2", "C2", "D2", "E2", "D3"} {
		typ, err := f.GetCellType("qualified", cell)
		if err != nil || typ != excelize.CellTypeInlineString {
			t.Errorf("%s type = %v, %v; want an inline string", cell, typ, err)
		}
	}
	if formula, _ := f.GetCellFormula("qualified", "E2"); formula != "" {
		t.Errorf("E2 is a formula: %q", formula)
	}

	for _, sheet := range []string{"qualified", "rejected"} {
		r, err := NewReader("out.xlsx", bytes.NewReader(buf.Bytes()), Options{Sheet: sheet})
		if err != nil {
			t.Fatal(err)
		}
		wantHeader := append(slices.Clone(header), leadcsv.AppendedColumns...)
		if !slices.Equal(r.Describe().Header, wantHeader) {
			t.Errorf("header = %q", r.Describe().Header)
		}
		recs := readAll(t, r)
		if len(recs) != len(rows) {
			t.Fatalf("%s: %d rows, want %d", sheet, len(recs), len(rows))
		}
		for i, row := range rows {
			got := recs[i].Cells
			if recs[i].Problem != "" || recs[i].Line != i+2 {
				t.Errorf("row %d: line %d problem %q", i, recs[i].Line, recs[i].Problem)
			}
			for j := range header {
				want := ""
				if j < len(row) {
					want = row[j]
				}
				if strings.Contains(want, "\x01") {
					// Excel decodes the _xHHHH_ escapes of an inline
					// string; excelize's reader leaves them as written.
					want = "tab\there, new\nline, _x0001_ bell _x005F_x0041_ and _x005F_X00e9_"
				}
				if got[j] != want {
					t.Errorf("%s row %d col %d = %q, want %q", sheet, i, j, got[j], want)
				}
			}
			overflow := got[len(got)-1]
			if len(row) > len(header) {
				if overflow != "extra1,extra2" {
					t.Errorf("overflow = %q", overflow)
				}
			} else if overflow != "" {
				t.Errorf("row %d overflow = %q", i, overflow)
			}
			if got[len(header)+3] != "jane@acme.io" {
				t.Errorf("appended = %q", got[len(header):])
			}
		}
	}
}

func TestWriterLimits(t *testing.T) {
	wb, err := NewWorkbook(io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Abort()
	if _, err := wb.AddSheet("wide", make([]string, MaxColumns)); err == nil || !strings.Contains(err.Error(), "do not fit in an Excel sheet") {
		t.Errorf("too wide: %v", err)
	}
	sw, err := wb.AddSheet("qualified", []string{"Note"})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x", MaxCellChars+1)
	err = sw.Write([]string{long}, nil)
	if err == nil || !strings.Contains(err.Error(), "sheet qualified, row 2, column A: a cell of 32768 characters does not fit") {
		t.Errorf("long cell: %v", err)
	}
	if err := sw.Write([]string{strings.Repeat("x", MaxCellChars)}, nil); err != nil {
		t.Errorf("a cell of exactly the limit: %v", err)
	}
	sw.rows = MaxRows
	if err := sw.Write([]string{"x"}, nil); err == nil || !strings.Contains(err.Error(), "more than 1048575 leads") {
		t.Errorf("too many rows: %v", err)
	}
}

// TestTextEscapedOnce: text that looks like an ECMA-376 escape is
// escaped once (by excelize) and reads back as written; a control
// character is an error, never U+FFFD or a visible "_x0001_".
func TestTextEscapedOnce(t *testing.T) {
	for _, in := range []string{"_x0041_", "_X00e9_", "a_x005F_b", "_x004_", "tab\tcr\rlf\n", "plain"} {
		var buf bytes.Buffer
		wb, err := NewWorkbook(&buf)
		if err != nil {
			t.Fatal(err)
		}
		sw, err := wb.AddSheet("s", []string{"A"})
		if err != nil {
			t.Fatal(err)
		}
		if err := sw.Write([]string{in}, nil); err != nil {
			t.Fatal(err)
		}
		if err := errors.Join(sw.Flush(), wb.Close()); err != nil {
			t.Fatal(err)
		}
		r, err := NewReader("x.xlsx", bytes.NewReader(buf.Bytes()), Options{})
		if err != nil {
			t.Fatal(err)
		}
		rec, err := r.Read()
		if err != nil {
			t.Fatal(err)
		}
		if rec.Cells[0] != in {
			t.Errorf("%q came back as %q", in, rec.Cells[0])
		}
	}
	wb, _ := NewWorkbook(io.Discard)
	sw, _ := wb.AddSheet("s", []string{"A"})
	if err := sw.Write([]string{"bell\x07"}, nil); err == nil || !strings.Contains(err.Error(), "control character U+0007") {
		t.Errorf("a control character: %v", err)
	}
	wb.Abort()
}

func TestWorkbookAbortAndClose(t *testing.T) {
	wb, err := NewWorkbook(io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	wb.Abort()
	wb.Abort()
	if err := wb.Close(); err == nil {
		t.Error("Close after Abort succeeded")
	}
}
