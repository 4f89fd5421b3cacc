package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// TestValuesKeptEndToEnd: every value of issue 17's list comes out of the
// real binary as it went in (outputs read back with leadclean's reader,
// and raw bytes checked where the reader could hide a change).
func TestValuesKeptEndToEnd(t *testing.T) {
	utf16 := func(s string, e unicode.Endianness) string {
		b, err := unicode.UTF16(e, unicode.IgnoreBOM).NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	latin, _ := charmap.Windows1252.NewEncoder().String("Jürgen Groß,juergen@acme-industries.com\n")
	var crOnly strings.Builder
	crOnly.WriteString("Name,Email,Company\rCy,cy.wu@acme-industries.com,27\" Monitors Inc\r")
	for range 20000 {
		crOnly.WriteString("Ann,ann.lee@harborfreight-logistics.com,Harbor\r")
	}
	cjk := "姓名,邮箱,公司\n张伟,zhang.wei@acme-industries.com,北京科技有限公司\n"
	tests := []struct {
		name   string
		files  map[string]string
		args   []string
		rows   int               // data rows in all outputs
		raw    map[string]string // output file -> bytes it must hold
		values map[string]string // output column -> a value one row must hold
	}{
		{name: "crlf and cr cr lf in quoted cells",
			files: map[string]string{"in.csv": "Name,Email,Notes\r\nAnn,ann.lee@harborfreight-logistics.com,\"a\r\r\nb\"\r\n\"Bo\r\nLi\",bo.li@acme-industries.com,\"x\r\ny\"\r\n"},
			args:  []string{"in.csv"}, rows: 2,
			raw: map[string]string{"qualified.csv": "\"a\r\r\nb\"", "rejected.csv": ""}},
		{name: "a stray quote does not stop lone crs",
			files: map[string]string{"in.csv": crOnly.String()},
			args:  []string{"in.csv"}, rows: 20001},
		{name: "quoted lone cr kept",
			files: map[string]string{"in.csv": "Name,Email,Notes\rAnn,ann.lee@harborfreight-logistics.com,\"line1\rline2\"\r"},
			args:  []string{"in.csv"}, rows: 1,
			values: map[string]string{"Notes": "line1\rline2"}},
		{name: "overflow across inputs",
			files: map[string]string{"f1.csv": "Name,Email\nAnn,ann.lee@harborfreight-logistics.com,extra\n", "f2.csv": "Name,Email,City\nBo,bo.li@acme-industries.com,Oslo\n"},
			args:  []string{"f1.csv", "f2.csv"}, rows: 2,
			values: map[string]string{"leadclean_overflow": "extra", "City": "Oslo"}},
		{name: "windows-1252 after 64 KiB of ascii",
			files: map[string]string{"in.csv": "Name,Email\n" + strings.Repeat("Ann Lee,ann.lee@harborfreight-logistics.com\n", 2000) + latin},
			args:  []string{"in.csv"}, rows: 2001,
			values: map[string]string{"Name": "Jürgen Groß"}},
		{name: "undefined windows-1252 bytes kept",
			files: map[string]string{"in.csv": "Name,Email\nM\xfcller\x81\x9d,ann.lee@harborfreight-logistics.com\n"},
			args:  []string{"in.csv"}, rows: 1,
			values: map[string]string{"Name": "Müller\u0081\u009d"}},
		{name: "a utf-8 cell with one bad byte is kept and flagged",
			files: map[string]string{"in.csv": "Name,Email\nM\xc3\xbcller\xff,ann.lee@harborfreight-logistics.com\n"},
			args:  []string{"in.csv"}, rows: 1,
			values: map[string]string{"Name": "M\xc3\xbcller\xff", "leadclean_reasons": "malformed_row"}},
		{name: "--encoding utf-16le without a bom",
			files: map[string]string{"in.csv": utf16("Name,Email\nZoë,zoe@acme-industries.com\n", unicode.LittleEndian)},
			args:  []string{"--encoding", "utf-16le", "in.csv"}, rows: 1,
			values: map[string]string{"Name": "Zoë"}},
		{name: "--encoding utf-16be without a bom",
			files: map[string]string{"in.csv": utf16("Name,Email\nZoë,zoe@acme-industries.com\n", unicode.BigEndian)},
			args:  []string{"--encoding", "utf-16be", "in.csv"}, rows: 1,
			values: map[string]string{"Name": "Zoë"}},
		{name: "mostly cjk utf-16 without a bom",
			files: map[string]string{"in.csv": utf16(cjk, unicode.LittleEndian)},
			args:  []string{"in.csv"}, rows: 1,
			values: map[string]string{"公司": "北京科技有限公司"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, body := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r := run(t, dir, append([]string{"clean", "-q", "-o", "out"}, tt.args...)...)
			if r.code != 0 {
				t.Fatalf("exit %d:\n%s", r.code, r.stderr)
			}
			rows := 0
			found := make(map[string]bool)
			for _, name := range []string{"qualified.csv", "nurture.csv", "rejected.csv"} {
				path := filepath.Join(dir, "out", name)
				data, err := os.ReadFile(path)
				if err != nil {
					continue
				}
				if want, ok := tt.raw[name]; ok && !strings.Contains(string(data), want) {
					t.Errorf("%s does not hold %q:\n%q", name, want, data)
				}
				header, recs := readRows(t, path)
				rows += len(recs)
				for col, want := range tt.values {
					i := column(t, header, col)
					for _, rec := range recs {
						if i < len(rec.Cells) && strings.Contains(rec.Cells[i], want) {
							found[col] = true
						}
					}
				}
			}
			if rows != tt.rows {
				t.Errorf("%d rows in the outputs, want %d", rows, tt.rows)
			}
			for col, want := range tt.values {
				if !found[col] {
					t.Errorf("no row has %q in %s", want, col)
				}
			}
		})
	}
}
