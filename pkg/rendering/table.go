package rendering

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Format is a report rendering: a table for people, JSON for programs,
// Markdown for a wiki page, or nothing.
type Format string

// The renderings --summary and audit's --format accept.
const (
	FormatTable    Format = "table"
	FormatJSON     Format = "json"
	FormatMarkdown Format = "markdown"
	FormatNone     Format = "none"
)

// WriteJSON writes v as every report's JSON is written: indented by two
// spaces, one value, a newline after it.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Percent writes a share (0 to 1) as every report's tables do: a
// percentage with one decimal, "71.4%".
func Percent(f float64) string { return strconv.FormatFloat(f*100, 'f', 1, 64) + "%" }

// ParseFormat reads a format name, in any case.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case FormatTable, FormatJSON, FormatMarkdown, FormatNone:
		return f, nil
	}
	return "", fmt.Errorf("unknown summary format %q (use table, json, markdown or none)", s)
}

// WriteTable renders one table as every report does: tablewriter with
// ASCII borders, or GitHub Markdown (with | escaped) when markdown is set;
// headers as written, numeric columns right-aligned; "(none)" for no rows.
// The formatting is fixed so golden files stay stable.
func WriteTable(w io.Writer, markdown bool, header []string, numeric []bool, rows [][]string) error {
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "(none)")
		return err
	}
	align := make(tw.Alignment, len(header))
	for i, n := range numeric {
		align[i] = tw.AlignLeft
		if n {
			align[i] = tw.AlignRight
		}
	}
	var r tw.Renderer = renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)})
	if markdown {
		r = renderer.NewMarkdown()
		for _, row := range rows {
			for i, c := range row {
				row[i] = strings.ReplaceAll(c, "|", `\|`)
			}
		}
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithRenderer(r),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
	)
	t.Header(header)
	for _, row := range rows {
		if err := t.Append(row); err != nil {
			return err
		}
	}
	return t.Render()
}
