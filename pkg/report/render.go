package report

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

// Format is a summary rendering.
type Format string

// The renderings --summary accepts.
const (
	FormatTable    Format = "table"
	FormatJSON     Format = "json"
	FormatMarkdown Format = "markdown"
	FormatNone     Format = "none"
)

// ParseFormat reads --summary.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case FormatTable, FormatJSON, FormatMarkdown, FormatNone:
		return f, nil
	}
	return "", fmt.Errorf("unknown summary format %q (use table, json, markdown or none)", s)
}

// Write renders s in format f.
func (s *Summary) Write(w io.Writer, f Format) error {
	switch f {
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	case FormatMarkdown:
		return s.writeTables(w, true)
	case FormatNone:
		return nil
	}
	return s.writeTables(w, false)
}

func (s *Summary) writeTables(w io.Writer, markdown bool) error {
	head := func(title string) {
		if markdown {
			fmt.Fprintf(w, "\n### %s\n\n", title)
		} else {
			fmt.Fprintf(w, "\n%s\n", title)
		}
	}
	if markdown {
		fmt.Fprintf(w, "## leadclean summary\n\nRulebook: %s\n\n%s\n", s.Rulebook, AgreementLine(s.Agreement))
	} else {
		fmt.Fprintln(w, AgreementLine(s.Agreement))
	}
	head(fmt.Sprintf("%d rows read: %d qualified, %d nurture, %d rejected (%d duplicates)",
		s.Rows, s.Qualified, s.Nurture, s.Rejected, s.Duplicates))

	head("By lead source")
	rows := [][]string{}
	for _, g := range s.Sources {
		var top []string
		for _, rc := range g.TopReasons {
			top = append(top, fmt.Sprintf("%s (%d)", rc.Reason, rc.Count))
		}
		rows = append(rows, []string{g.Name, itoa(g.Rows), itoa(g.Qualified), itoa(g.Nurture), itoa(g.Rejected),
			percent(g.QualifiedRate()), itoa(g.Duplicates), strings.Join(top, ", ")})
	}
	if err := table(w, markdown, []string{"Source", "Leads", "Qualified", "Nurture", "Rejected", "Qualified rate", "Duplicates", "Top reasons"},
		[]bool{false, true, true, true, true, true, true, false}, rows); err != nil {
		return err
	}

	if s.Costs != nil {
		head("Cost per lead source")
		fmt.Fprintln(w, CostNote(s.Costs))
		if markdown {
			fmt.Fprintln(w)
		}
		if err := table(w, markdown, s.costHeader(), s.costNumeric(), s.costRows()); err != nil {
			return err
		}
	}

	head("By reason")
	rows = rows[:0:0]
	for _, rs := range s.Reasons {
		if rs.Count == 0 && rs.NotChecked == 0 {
			continue
		}
		nc := ""
		if rs.NotChecked > 0 {
			nc = fmt.Sprintf("%d (%s)", rs.NotChecked, rs.Why)
		}
		rows = append(rows, []string{string(rs.Reason), rs.Action, itoa(rs.Count), percent(rs.Share), nc})
	}
	if err := table(w, markdown, []string{"Reason", "Action", "Rows", "Share", "Not checked"},
		[]bool{false, false, true, true, false}, rows); err != nil {
		return err
	}

	head("By file")
	rows = rows[:0:0]
	for _, f := range s.Files {
		rows = append(rows, []string{f.Name, f.Encoding, f.Delimiter, itoa(f.Rows), itoa(f.Qualified), itoa(f.Nurture), itoa(f.Rejected)})
	}
	return table(w, markdown, []string{"File", "Encoding", "Delimiter", "Rows", "Qualified", "Nurture", "Rejected"},
		[]bool{false, false, false, true, true, true, true}, rows)
}

// WriteTable renders one table as the summary does: tablewriter with ASCII
// borders, or GitHub Markdown (with | escaped) when markdown is set;
// headers as written, numeric columns right-aligned; "(none)" for no rows.
// Other reports (leadclean audit) use it so every table looks alike.
func WriteTable(w io.Writer, markdown bool, header []string, numeric []bool, rows [][]string) error {
	return table(w, markdown, header, numeric, rows)
}

// table renders one table with fixed formatting so golden files stay
// stable: headers as written, numbers right-aligned, ASCII borders.
func table(w io.Writer, markdown bool, header []string, numeric []bool, rows [][]string) error {
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

func itoa(n int) string { return strconv.Itoa(n) }

func percent(f float64) string { return strconv.FormatFloat(f*100, 'f', 1, 64) + "%" }

func (s *Summary) costHeader() []string {
	h, _ := CostHeader(s.Costs.Currency, false)
	return h
}

func (s *Summary) costNumeric() []bool {
	_, n := CostHeader(s.Costs.Currency, false)
	return n
}

// costRows are the cost table's rows, in the sources' order.
func (s *Summary) costRows() [][]string {
	var rows [][]string
	for _, g := range s.Sources {
		if g.Costs == nil {
			continue
		}
		rows = append(rows, append([]string{g.Name, itoa(g.Rows), itoa(g.Qualified)}, CostCells(*g.Costs)...))
	}
	return rows
}
