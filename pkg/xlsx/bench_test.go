package xlsx

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// writeLeads writes a workbook of n rows x 12 columns with the package's
// own writer.
func writeLeads(tb testing.TB, path string, n int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	wb, err := NewWorkbook(f)
	if err != nil {
		tb.Fatal(err)
	}
	header := []string{"First", "Last", "Email", "Phone", "Company", "Title", "Country", "Zip", "Source", "Revenue", "Employees", "Message"}
	sw, err := wb.AddSheet("leads", header)
	if err != nil {
		tb.Fatal(err)
	}
	row := make([]string, len(header))
	for i := range n {
		row[0], row[1] = "Jane", fmt.Sprint("Doe", i)
		row[2] = fmt.Sprintf("jane.doe%d@acme%d.io", i, i%977)
		row[3] = fmt.Sprintf("+49 151 %08d", i)
		row[4], row[5], row[6] = fmt.Sprint("Acme ", i%977), "Head of Marketing", "DE"
		row[7] = fmt.Sprintf("%05d", i%99999)
		row[8], row[9], row[10], row[11] = "trade show", "$1.2M", "50-200", "please send pricing"
		if err := sw.Write(row, nil); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := wb.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkRead reads a 100,000-row workbook with the streaming reader;
// it reports rows/s and the heap in use after reading half of it (the
// sheet is decoded row by row, not loaded whole).
func BenchmarkRead(b *testing.B) {
	const rows = 100_000
	path := filepath.Join(b.TempDir(), "leads.xlsx")
	writeLeads(b, path, rows)
	st, _ := os.Stat(path)
	b.ReportMetric(float64(st.Size())/1e6, "file-MB")
	b.ResetTimer()
	var heap uint64
	for b.Loop() {
		r, err := Open("leads.xlsx", path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
			if n == rows/2 {
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				heap = max(heap, ms.HeapInuse)
			}
		}
		if n != rows {
			b.Fatalf("read %d rows, want %d", n, rows)
		}
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(heap)/1e6, "heap-MB")
}

// BenchmarkWrite writes 100,000 rows with the stream writer.
func BenchmarkWrite(b *testing.B) {
	const rows = 100_000
	dir := b.TempDir()
	for b.Loop() {
		writeLeads(b, filepath.Join(dir, "out.xlsx"), rows)
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}
