package summary

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/leadclean/leadclean/pkg/rendering"
)

// Write renders s in format f.
func (s *Summary) Write(w io.Writer, f rendering.Format) error {
	switch f {
	case rendering.FormatJSON:
		return rendering.WriteJSON(w, s)
	case rendering.FormatMarkdown:
		return s.writeTables(w, true)
	case rendering.FormatNone:
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
		fmt.Fprintf(w, "## leadclean summary\n\n")
		s.writeChecks(w, true)
		fmt.Fprintf(w, "Rulebook: %s\n\n%s\n", s.Rulebook, rendering.AgreementLine(s.Agreement))
	} else {
		s.writeChecks(w, false)
		fmt.Fprintln(w, rendering.AgreementLine(s.Agreement))
	}
	head(fmt.Sprintf("%d rows read: %d qualified, %d nurture, %d rejected (%d duplicates)",
		s.Rows, s.Qualified, s.Nurture, s.Rejected, s.Duplicates))

	if m := s.MX; m != nil {
		fmt.Fprintf(w, "MX lookups: %d domains, %d without mail, %d failed (unknown, not judged)\n", m.Domains, m.NoMail, m.Failed)
		if m.Untrusted != "" {
			fmt.Fprintf(w, "MX answers not trusted: %s\n", m.Untrusted)
		}
	}

	head("By lead source")
	rows := [][]string{}
	for _, g := range s.Sources {
		var top []string
		for _, rc := range g.TopReasons {
			top = append(top, fmt.Sprintf("%s (%d)", rc.Reason, rc.Count))
		}
		rows = append(rows, []string{g.Name, itoa(g.Rows), itoa(g.Qualified), itoa(g.Nurture), itoa(g.Rejected),
			rendering.Percent(g.QualifiedRate()), itoa(g.Duplicates), strings.Join(top, ", ")})
	}
	if err := rendering.WriteTable(w, markdown, []string{"Source", "Leads", "Qualified", "Nurture", "Rejected", "Qualified rate", "Duplicates", "Top reasons"},
		[]bool{false, true, true, true, true, true, true, false}, rows); err != nil {
		return err
	}

	if s.Costs != nil {
		head("Cost per lead source")
		fmt.Fprintln(w, rendering.CostNote(s.Costs))
		if markdown {
			fmt.Fprintln(w)
		}
		if err := rendering.WriteTable(w, markdown, s.costHeader(), s.costNumeric(), s.costRows()); err != nil {
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
		rows = append(rows, []string{string(rs.Reason), rs.Action, itoa(rs.Count), rendering.Percent(rs.Share), nc})
	}
	if err := rendering.WriteTable(w, markdown, []string{"Reason", "Action", "Rows", "Share", "Not checked"},
		[]bool{false, false, true, true, false}, rows); err != nil {
		return err
	}

	head("By file")
	rows = rows[:0:0]
	for _, f := range s.Files {
		rows = append(rows, []string{f.Name, f.Encoding, f.Delimiter, itoa(f.Rows), itoa(f.Qualified), itoa(f.Nurture), itoa(f.Rejected)})
	}
	return rendering.WriteTable(w, markdown, []string{"File", "Encoding", "Delimiter", "Rows", "Qualified", "Nurture", "Rejected"},
		[]bool{false, false, false, true, true, true, true}, rows)
}

func itoa(n int) string { return strconv.Itoa(n) }

func (s *Summary) costHeader() []string {
	h, _ := rendering.CostHeader(s.Costs.Currency, false)
	return h
}

func (s *Summary) costNumeric() []bool {
	_, n := rendering.CostHeader(s.Costs.Currency, false)
	return n
}

// costRows are the cost table's rows, in the sources' order.
func (s *Summary) costRows() [][]string {
	var rows [][]string
	for _, g := range s.Sources {
		if g.Costs == nil {
			continue
		}
		rows = append(rows, append([]string{g.Name, itoa(g.Rows), itoa(g.Qualified)}, rendering.CostCells(*g.Costs)...))
	}
	return rows
}
