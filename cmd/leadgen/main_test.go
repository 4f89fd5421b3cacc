package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/leadgen"
)

func TestRunOneStyle(t *testing.T) {
	dir := t.TempDir()
	out, labels := filepath.Join(dir, "leads.csv"), filepath.Join(dir, "labels.csv")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-style", "formdump", "-rows", "300", "-seed", "5", "-o", out, "-labels", labels}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var want bytes.Buffer
	var wantLabels []leadgen.Label
	if err := leadgen.Write(&want, leadgen.Options{Rows: 300, Seed: 5, Style: leadgen.FormDump, JunkShare: leadgen.DefaultJunkShare},
		func(l leadgen.Label) { wantLabels = append(wantLabels, l) }); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Error("the file differs from leadgen.Write with the same options")
	}
	f, err := os.Open(labels)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 301 || strings.Join(records[0], ",") != "line,reasons" {
		t.Fatalf("labels: %d records, header %q", len(records), records[0])
	}
	for i, l := range wantLabels {
		var codes []string
		for _, r := range l.Reasons {
			codes = append(codes, string(r))
		}
		if rec := records[i+1]; rec[0] != strconv.Itoa(l.Line) || rec[1] != strings.Join(codes, ";") {
			t.Errorf("label %d: %q, want line %d reasons %v", i+1, rec, l.Line, codes)
		}
	}
}

// TestRunPhonePool checks that -phone-pool asks leadgen.Write for the
// pooled numbers, and that the default does not.
func TestRunPhonePool(t *testing.T) {
	for _, pool := range []bool{false, true} {
		args := []string{"-style", "hubspot", "-rows", "400", "-seed", "2"}
		if pool {
			args = append(args, "-phone-pool")
		}
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("run(%q): exit %d: %s", args, code, stderr.String())
		}
		var want bytes.Buffer
		opts := leadgen.Options{Rows: 400, Seed: 2, Style: leadgen.HubSpot, PhonePool: pool}
		if err := leadgen.Write(&want, opts, nil); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(stdout.Bytes(), want.Bytes()) {
			t.Errorf("run(%q) differs from leadgen.Write with PhonePool %v", args, pool)
		}
	}
}

func TestRunStdoutAndAll(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-style", "goldfish", "-rows", "10", "-junk", "0"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if lines := strings.Count(stdout.String(), "\n"); lines < 11 {
		t.Errorf("stdout has %d lines, want a header and 10 rows", lines)
	}
	dir := t.TempDir()
	if code := run([]string{"-style", "all", "-rows", "20", "-o", dir, "-labels", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, st := range leadgen.Styles() {
		for _, name := range []string{"leads-" + string(st) + ".csv", "labels-" + string(st) + ".csv"} {
			if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
				t.Error(err)
			}
		}
	}
}

func TestRunErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"-style", "excel"}, 2, "unknown style"},
		{[]string{"-rows", "x"}, 2, "invalid value"},
		{[]string{"extra"}, 2, "unexpected argument"},
		{[]string{"-style", "all"}, 2, "needs -o"},
		{[]string{"-junk", "2"}, 2, "junk share"},
		{[]string{"-junk", "-0.1"}, 2, "junk share"},
		{[]string{"-o", filepath.Join(t.TempDir(), "\x00bad")}, 1, ""},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(tc.args, &stdout, &stderr); code != tc.code || !strings.Contains(stderr.String(), tc.msg) {
			t.Errorf("run(%q) = %d, stderr %q; want %d with %q", tc.args, code, stderr.String(), tc.code, tc.msg)
		}
	}
}

// TestNoHalfWrittenFile checks that a failed run leaves neither the output
// nor a temporary file behind.
func TestNoHalfWrittenFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "leads.csv")
	var stdout, stderr bytes.Buffer
	// A labels path under a regular file cannot be created: the run fails
	// after the output was opened.
	if err := os.WriteFile(filepath.Join(dir, "file"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if code := run([]string{"-rows", "50", "-o", out, "-labels", filepath.Join(dir, "file", "labels.csv")}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "file" {
			t.Errorf("left %s behind", e.Name())
		}
	}
}
