package cli

import (
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/leadcsv"
	"github.com/leadclean/leadclean/pkg/outputs"
)

func TestCheckFormatFlags(t *testing.T) {
	tests := []struct {
		name       string
		opts       CleanOptions
		wantFormat string
		wantErr    string
	}{
		{"default", CleanOptions{}, "csv", ""},
		{"xlsx", CleanOptions{Format: "xlsx"}, "xlsx", ""},
		{"one workbook implies xlsx", CleanOptions{OneWorkbook: true}, "xlsx", ""},
		{"excel csv", CleanOptions{Excel: true}, "csv", ""},
		{"unknown", CleanOptions{Format: "pdf"}, "", `unknown output format "pdf"`},
		{"one workbook csv", CleanOptions{OneWorkbook: true, Format: "csv"}, "", "cannot be used with --format csv"},
		{"one workbook path", CleanOptions{OneWorkbook: true, Rejected: "r.xlsx"}, "", "--rejected cannot be used with it"},
		{"excel xlsx", CleanOptions{Excel: true, Format: "xlsx"}, "", "--excel is the CSV preset"},
	}
	for _, tt := range tests {
		opts := tt.opts
		err := checkFormatFlags(&opts)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || exitCode(err) != ExitUsage {
				t.Errorf("%s: err = %v, want usage error %q", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil || opts.Format != tt.wantFormat {
			t.Errorf("%s: format %q, err %v; want %q", tt.name, opts.Format, err, tt.wantFormat)
		}
	}
}

func TestDefaultOutputPath(t *testing.T) {
	tests := []struct {
		opts CleanOptions
		want string
	}{
		{CleanOptions{OutDir: "out", Format: "csv"}, "out/qualified.csv"},
		{CleanOptions{OutDir: "out", Format: "xlsx"}, "out/qualified.xlsx"},
		{CleanOptions{OutDir: "out", Format: "xlsx", OneWorkbook: true}, "out/leads.xlsx"},
	}
	for _, tt := range tests {
		if got := defaultOutputPath(&tt.opts, lead.Qualified); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.opts, got, tt.want)
		}
	}
}

// TestExcelPreset checks the CSV written with --excel: a BOM, and ; only
// where the input used it.
func TestExcelPreset(t *testing.T) {
	for _, tt := range []struct {
		in        rune
		want      string
		wantExcel bool
	}{
		{';', "\ufeffA;B;leadclean_status", true},
		{'\t', "\ufeffA,B,leadclean_status", true},
		{',', "\ufeffA,B,leadclean_status", true},
		{'\t', "A\tB\tleadclean_status", false},
	} {
		var b strings.Builder
		out, err := planLeadFiles(outputs.New(&b), map[lead.Status]string{lead.Qualified: "-", lead.Nurture: "n.csv", lead.Rejected: "r.csv"}, false)
		if err != nil {
			t.Fatal(err)
		}
		w := &writers{out: out, format: formatCSV, excel: tt.wantExcel}
		rw, err := w.newWriter(lead.Qualified, []string{"A", "B"}, leadcsv.WriterOptions{Delimiter: tt.in})
		if err != nil {
			t.Fatal(err)
		}
		if err := rw.Flush(); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(b.String(), tt.want) {
			t.Errorf("input %q excel=%v: %q, want prefix %q", tt.in, tt.wantExcel, b.String(), tt.want)
		}
	}
}
