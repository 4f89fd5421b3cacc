package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// cmdMkxlsx writes a workbook from CSV files, the way Excel holds what a
// marketer typed: mkxlsx OUT.xlsx SHEET=IN.csv... Cells are text, except
// "num:123" (a number in General format), "zip:2134" (a number shown
// with the format 00000, as a postal code column often is) and
// "date:46204" (a day number shown with Excel's built-in date format 14).
func cmdMkxlsx(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: mkxlsx OUT.xlsx SHEET=IN.csv...")
	}
	f := excelize.NewFile()
	defer f.Close()
	zipFormat := "00000"
	zipStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &zipFormat})
	ts.Check(err)
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	ts.Check(err)
	for i, spec := range args[1:] {
		sheet, in, ok := strings.Cut(spec, "=")
		if !ok {
			ts.Fatalf("mkxlsx: %q is not SHEET=IN.csv", spec)
		}
		if i == 0 {
			ts.Check(f.SetSheetName("Sheet1", sheet))
		} else {
			_, err := f.NewSheet(sheet)
			ts.Check(err)
		}
		data, err := os.Open(ts.MkAbs(in))
		ts.Check(err)
		r := csv.NewReader(data)
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		data.Close()
		ts.Check(err)
		for y, row := range rows {
			for x, v := range row {
				cell, err := excelize.CoordinatesToCellName(x+1, y+1)
				ts.Check(err)
				switch {
				case strings.HasPrefix(v, "num:"):
					n, err := strconv.ParseInt(v[4:], 10, 64)
					ts.Check(err)
					ts.Check(f.SetCellInt(sheet, cell, n))
				case strings.HasPrefix(v, "date:"):
					n, err := strconv.ParseInt(v[5:], 10, 64)
					ts.Check(err)
					ts.Check(f.SetCellInt(sheet, cell, n))
					ts.Check(f.SetCellStyle(sheet, cell, cell, dateStyle))
				case strings.HasPrefix(v, "zip:"):
					n, err := strconv.ParseInt(v[4:], 10, 64)
					ts.Check(err)
					ts.Check(f.SetCellInt(sheet, cell, n))
					ts.Check(f.SetCellStyle(sheet, cell, cell, zipStyle))
				case v != "":
					ts.Check(f.SetCellStr(sheet, cell, v))
				}
			}
		}
	}
	ts.Check(f.SaveAs(ts.MkAbs(args[0])))
}

// cmdXlsxcat prints a sheet of a workbook, a row per line, cells joined by
// "|", each prefixed by its type when it is not a text cell:
// xlsxcat FILE.xlsx [SHEET]. With no SHEET it lists the sheets.
func cmdXlsxcat(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: xlsxcat FILE.xlsx [SHEET]")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	if len(args) == 1 {
		fmt.Fprintln(ts.Stdout(), strings.Join(f.GetSheetList(), "\n"))
		return
	}
	rows, err := f.GetRows(args[1])
	ts.Check(err)
	for y, row := range rows {
		for x := range row {
			cell, _ := excelize.CoordinatesToCellName(x+1, y+1)
			typ, err := f.GetCellType(args[1], cell)
			ts.Check(err)
			if row[x] != "" && typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
				row[x] = fmt.Sprintf("(type %d)%s", typ, row[x])
			}
		}
		fmt.Fprintln(ts.Stdout(), strings.Join(row, "|"))
	}
}
