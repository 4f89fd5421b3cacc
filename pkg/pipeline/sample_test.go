package pipeline

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/header"
	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadcsv"
)

// MapSampled gives back every row, the sampled ones first, in order, and
// an error met while sampling in its place.
func TestMapSampled(t *testing.T) {
	for _, rows := range []int{0, 3, header.SampleRows, header.SampleRows + 7} {
		var b strings.Builder
		b.WriteString("Kontakt,Firma\n")
		for i := range rows {
			fmt.Fprintf(&b, "lead%d@acme.io,Acme %d\n", i, i)
		}
		r, err := leadcsv.NewReader("in.csv", strings.NewReader(b.String()), leadcsv.Options{})
		if err != nil {
			t.Fatal(err)
		}
		sr, m := MapSampled(r, header.NewMapper(nil))
		wantEmail := rows >= header.MinContentValues
		if got := m.Columns.Has(lead.Email); got != wantEmail {
			t.Errorf("%d rows: email column found = %v", rows, got)
		}
		for i := range rows {
			rec, err := sr.Read()
			if err != nil {
				t.Fatalf("%d rows: row %d: %v", rows, i, err)
			}
			if want := fmt.Sprintf("lead%d@acme.io", i); rec.Cells[0] != want || rec.Line != i+2 {
				t.Fatalf("%d rows: row %d = line %d %q, want line %d %q", rows, i, rec.Line, rec.Cells[0], i+2, want)
			}
		}
		if _, err := sr.Read(); err != io.EOF {
			t.Errorf("%d rows: after the last row: %v, want EOF", rows, err)
		}
	}

	// An unterminated quote in the sample stops the run at its row.
	r, err := leadcsv.NewReader("in.csv", strings.NewReader("Kontakt\na@b.io\n\"broken\n"), leadcsv.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sr, _ := MapSampled(r, header.NewMapper(nil))
	if rec, err := sr.Read(); err != nil || rec.Cells[0] != "a@b.io" {
		t.Fatalf("first row: %v %v", rec, err)
	}
	var fe *leadcsv.FileError
	if _, err := sr.Read(); !errors.As(err, &fe) {
		t.Fatalf("second read: %v, want a FileError", err)
	}
	if _, err := sr.Read(); err != io.EOF {
		t.Errorf("after the error: %v, want EOF", err)
	}
}

// scanColumns holds at most maxSampleBytes of rows (plus the row that
// crosses it), however wide they are, and still gives back every row in
// order.
func TestScanColumnsBoundedInBytes(t *testing.T) {
	const width, rows = 20000, 200
	var b strings.Builder
	b.WriteString("Country")
	for i := 1; i < width; i++ {
		fmt.Fprintf(&b, ",c%d", i)
	}
	b.WriteByte('\n')
	row := "DE" + strings.Repeat(",x", width-1) + "\n"
	for range rows {
		b.WriteString(row)
	}
	r, err := leadcsv.NewReader("wide.csv", strings.NewReader(b.String()), leadcsv.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := header.NewMapper(nil).Map(r.Describe().Header)
	if !m.Columns.Has(lead.Country) {
		t.Fatal("no country column")
	}
	sr, _ := scanColumns(r, m.Columns)
	s, ok := sr.(*sampled)
	if !ok {
		t.Fatalf("scanColumns returned %T, want *sampled", sr)
	}
	perRow := rowBytes(strings.Split(strings.TrimSuffix(row, "\n"), ","))
	if held := len(s.buf) * perRow; held >= maxSampleBytes+perRow || len(s.buf) >= rows {
		t.Errorf("scanColumns holds %d rows (%d bytes), want under %d bytes", len(s.buf), held, maxSampleBytes+perRow)
	}
	for i := range rows {
		rec, err := sr.Read()
		if err != nil {
			t.Fatalf("row %d: %v", i, err)
		}
		if rec.Line != i+2 || rec.Cells[0] != "DE" {
			t.Fatalf("row %d = line %d %q", i, rec.Line, rec.Cells[0])
		}
	}
	if _, err := sr.Read(); err != io.EOF {
		t.Errorf("after the last row: %v, want EOF", err)
	}
}
