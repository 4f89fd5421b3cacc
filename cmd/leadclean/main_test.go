package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gocarina/gocsv"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/leadclean/leadclean/pkg/leadcsv"
)

// binDir holds the leadclean binary built once for all scripts: the
// end-to-end tests run the real binary, main included.
var binDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "leadclean-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "leadclean"+exeSuffix()), ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building leadclean:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func exeSuffix() string {
	if filepath.Separator == '\\' {
		return ".exe"
	}
	return ""
}

func TestScripts(t *testing.T) {
	testdata, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join(testdata, "script"),
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("PATH", binDir+string(os.PathListSeparator)+env.Getenv("PATH"))
			env.Setenv("TESTDATA", testdata)
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"lossless": cmdLossless,
			"mapping":  cmdMapping,
			"rows":     cmdRows,
			"mkxlsx":   cmdMkxlsx,
			"xlsxcat":  cmdXlsxcat,
		},
	})
}

// outputRow is what the end-to-end checks read of an output row; gocsv
// maps the appended columns by name and ignores the original ones.
type outputRow struct {
	Status      string `csv:"leadclean_status"`
	Reasons     string `csv:"leadclean_reasons"`
	Score       string `csv:"leadclean_score"`
	Email       string `csv:"leadclean_email"`
	Phone       string `csv:"leadclean_phone"`
	DuplicateOf string `csv:"leadclean_duplicate_of"`
}

// readOutput reads an output file: its original cells per row (decoded
// with leadclean's own reader) and its appended columns (with gocsv).
func readOutput(ts *testscript.TestScript, path string) (header []string, cells [][]string, appended []outputRow) {
	data, err := os.ReadFile(ts.MkAbs(path))
	ts.Check(err)
	r, err := leadcsv.NewReader(path, bytes.NewReader(data), leadcsv.Options{})
	ts.Check(err)
	width := len(r.Header) - len(leadcsv.AppendedColumns)
	for {
		rec, err := r.Read()
		if err != nil {
			break
		}
		// A row rejected as malformed_row keeps what made it so (a NUL
		// byte); any other output row must read back clean.
		if rec.Problem != "" && !(len(rec.Cells) > width+1 && strings.Contains(rec.Cells[width+1], "malformed_row")) {
			ts.Fatalf("%s:%d: output row is malformed: %s", path, rec.Line, rec.Problem)
		}
		row := rec.Cells[:width]
		// Cells beyond the header's width were written, joined by the
		// delimiter, to leadclean_overflow: put them back.
		if overflow := rec.Cells[len(rec.Cells)-1]; overflow != "" {
			row = append(row[:width:width], strings.Split(overflow, string(r.Delimiter))...)
		}
		cells = append(cells, row)
	}
	reader := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	reader.Comma = r.Delimiter
	ts.Check(gocsv.UnmarshalCSV(reader, &appended))
	return r.Header[:width], cells, appended
}

// cmdLossless checks that every row of the inputs left in exactly one of
// the outputs in DIR, in input order, with every original value
// unchanged: lossless DIR INPUT...
func cmdLossless(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: lossless DIR INPUT...")
	}
	type out struct {
		cells [][]string
		next  int
	}
	var outs []*out
	var header []string
	for _, name := range []string{"qualified.csv", "nurture.csv", "rejected.csv"} {
		path := filepath.Join(args[0], name)
		if _, err := os.Stat(ts.MkAbs(path)); err != nil {
			continue
		}
		h, cells, _ := readOutput(ts, path)
		header = h
		outs = append(outs, &out{cells: cells})
	}
	total := 0
	for _, in := range args[1:] {
		f, err := os.Open(ts.MkAbs(in))
		ts.Check(err)
		r, err := leadcsv.NewReader(in, f, leadcsv.Options{})
		ts.Check(err)
		if strings.Join(r.Header, "\x00") != strings.Join(header[:len(r.Header)], "\x00") {
			ts.Fatalf("header changed:\n%q\n%q", r.Header, header)
		}
		for {
			rec, err := r.Read()
			if err != nil {
				break
			}
			total++
			want := strings.Join(rec.Cells, "\x00")
			found := 0
			for _, o := range outs {
				if o.next < len(o.cells) && strings.Join(o.cells[o.next][:min(len(rec.Cells), len(o.cells[o.next]))], "\x00") == want {
					o.next++
					found++
				}
			}
			if found != 1 {
				ts.Fatalf("%s:%d: row found in %d outputs (want exactly 1, in order): %q", in, rec.Line, found, rec.Cells)
			}
		}
		f.Close()
	}
	for _, o := range outs {
		if o.next != len(o.cells) {
			ts.Fatalf("outputs hold %d rows that are not input rows", len(o.cells)-o.next)
		}
	}
	if neg {
		ts.Fatalf("lossless: rows were kept")
	}
	ts.Logf("%d rows, each in exactly one output, unchanged and in order", total)
}

// cmdRows checks the number of data rows in an output file and,
// optionally, how many have a status or reason: rows FILE N [status=S:N]
// [reason=R:N].
func cmdRows(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: rows FILE N [status=S:N] [reason=R:N]...")
	}
	_, cells, appended := readOutput(ts, args[0])
	want, err := strconv.Atoi(args[1])
	ts.Check(err)
	if len(cells) != want || len(appended) != want {
		ts.Fatalf("%s has %d rows, want %d", args[0], len(cells), want)
	}
	for _, a := range args[2:] {
		kind, rest, _ := strings.Cut(a, "=")
		value, n, _ := strings.Cut(rest, ":")
		wantN, err := strconv.Atoi(n)
		ts.Check(err)
		got := 0
		for _, row := range appended {
			switch kind {
			case "status":
				if row.Status == value {
					got++
				}
			case "reason":
				for _, r := range strings.Split(row.Reasons, ";") {
					if r == value {
						got++
					}
				}
			default:
				ts.Fatalf("unknown check %q", a)
			}
		}
		if got != wantN {
			ts.Fatalf("%s: %s has %d rows, want %d", args[0], a, got, wantN)
		}
	}
}
