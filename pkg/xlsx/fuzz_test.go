package xlsx

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReader feeds arbitrary bytes (seeded with a real workbook and
// broken ones) to IsWorkbook and the reader: neither may panic, and a
// workbook that opens reads to the end with each row's number above the
// last.
func FuzzReader(f *testing.F) {
	dir := f.TempDir()
	book := filepath.Join(dir, "b.xlsx")
	buildWorkbook(f, book)
	data, err := os.ReadFile(book)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("Email,Phone\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		IsWorkbook(b)
		r, err := NewReader("fuzz.xlsx", bytes.NewReader(b), Options{})
		if err != nil {
			return
		}
		defer r.Close()
		last := r.Describe().HeaderLine
		for range 10_000 {
			rec, err := r.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				return
			}
			if rec.Line <= last {
				t.Fatalf("row %d after row %d", rec.Line, last)
			}
			last = rec.Line
		}
	})
}
