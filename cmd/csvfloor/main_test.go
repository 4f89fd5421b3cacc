package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCopyCSV(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		comma rune
		want  string
		rows  int
	}{
		{"plain", "a,b\n1,2\n", ',', "a,b\n1,2\n", 2},
		{"quoted and multi-line", "a,b\n\"x, y\",\"two\nlines\"\n", ',', "a,b\n\"x, y\",\"two\nlines\"\n", 2},
		{"semicolon", "a;b\n1;2\n", ';', "a;b\n1;2\n", 2},
		{"ragged rows pass", "a,b\n1\n1,2,3\n", ',', "a,b\n1\n1,2,3\n", 3},
		{"empty", "", ',', "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			rows, err := copyCSV(strings.NewReader(tt.in), &out, tt.comma)
			if err != nil {
				t.Fatal(err)
			}
			if rows != tt.rows || out.String() != tt.want {
				t.Errorf("copyCSV = %d rows %q, want %d rows %q", rows, out.String(), tt.rows, tt.want)
			}
		})
	}
}

func TestCopyCSVRefusesBrokenInput(t *testing.T) {
	var out bytes.Buffer
	if _, err := copyCSV(strings.NewReader("a,b\n\"open,2\n"), &out, ','); err == nil {
		t.Error("an unterminated quote was copied without an error")
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	if err := os.WriteFile(in, []byte("a,b\n1,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.csv")
	var stderr bytes.Buffer
	if err := run([]string{in, out}, nil, nil, &stderr); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil || string(got) != "a,b\n1,2\n" {
		t.Errorf("output %q, %v", got, err)
	}
	if !strings.Contains(stderr.String(), "2 records") {
		t.Errorf("stderr %q does not count the records", stderr.String())
	}

	var stdout bytes.Buffer
	if err := run([]string{"-", "-"}, strings.NewReader("x\n"), &stdout, &stderr); err != nil || stdout.String() != "x\n" {
		t.Errorf("stdin to stdout: %q, %v", stdout.String(), err)
	}

	for _, args := range [][]string{
		{in},
		{"-delimiter", ";;", in, out},
		{filepath.Join(dir, "missing.csv"), out},
		{in, filepath.Join(dir, "no", "such", "out.csv")},
	} {
		if err := run(args, nil, nil, &stderr); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
}
