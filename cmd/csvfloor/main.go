// Command csvfloor is the floor that leadclean's speed is measured
// against: it reads a CSV file with encoding/csv and writes every record
// back out with encoding/csv, and does nothing else. .ci/perf runs it
// beside `leadclean clean` on the same file; the ratio of the two wall
// times is what the Performance section of README reports.
//
// Usage:
//
//	csvfloor [-delimiter ,] INPUT OUTPUT
//
// INPUT and OUTPUT may be - for standard input and output.
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"unicode/utf8"
)

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "csvfloor: "+err.Error())
		os.Exit(1)
	}
}

// run parses args and copies INPUT to OUTPUT through encoding/csv.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("csvfloor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	delimiter := fs.String("delimiter", ",", "field delimiter (one character)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return errors.New("usage: csvfloor [-delimiter ,] INPUT OUTPUT")
	}
	comma, size := utf8.DecodeRuneInString(*delimiter)
	if size == 0 || size != len(*delimiter) {
		return fmt.Errorf("delimiter %q is not one character", *delimiter)
	}

	var in io.Reader = stdin
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	var out io.Writer = stdout
	var file *os.File
	if name := fs.Arg(1); name != "-" {
		f, err := os.Create(name)
		if err != nil {
			return err
		}
		defer f.Close()
		out, file = f, f
	}
	rows, err := copyCSV(in, out, comma)
	if err != nil {
		return err
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "csvfloor: %d records\n", rows)
	return nil
}

// copyCSV reads every record of in and writes it to out: the least any
// CSV cleaner has to do. It returns the number of records copied.
func copyCSV(in io.Reader, out io.Writer, comma rune) (int, error) {
	r := csv.NewReader(bufio.NewReaderSize(in, 256<<10))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	buf := bufio.NewWriterSize(out, 256<<10)
	w := csv.NewWriter(buf)
	w.Comma = comma
	rows := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return rows, err
		}
		if err := w.Write(rec); err != nil {
			return rows, err
		}
		rows++
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return rows, err
	}
	return rows, buf.Flush()
}
