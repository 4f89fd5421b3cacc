package summary

import (
	"fmt"
	"io"
	"strings"

	"github.com/leadclean/leadclean/pkg/rendering"
)

// HTMLPage returns the summary as an HTML page: the funnel per source,
// the reasons breakdown and the files read.
func (s *Summary) HTMLPage() *rendering.Page {
	p := &rendering.Page{
		Title: "leadclean summary",
		Subtitle: fmt.Sprintf("Rulebook %s. %d rows read: %d qualified, %d nurture, %d rejected (%d duplicates).",
			s.Rulebook, s.Rows, s.Qualified, s.Nurture, s.Rejected, s.Duplicates),
	}
	funnel := &rendering.Chart{Label: "Qualified, nurture and rejected leads per source", Series: []string{"qualified", "nurture", "rejected"}}
	sources := &rendering.Table{Header: []string{"Source", "Leads", "Qualified", "Nurture", "Rejected", "Qualified rate", "Duplicates", "Top reasons"},
		Numeric: []bool{false, true, true, true, true, true, true, false}}
	for _, g := range s.Sources {
		funnel.Rows = append(funnel.Rows, rendering.ChartRow{Label: g.Name,
			Values: []float64{float64(g.Qualified), float64(g.Nurture), float64(g.Rejected)},
			Note:   rendering.Percent(g.QualifiedRate()) + " qualified"})
		sources.Rows = append(sources.Rows, []string{g.Name, itoa(g.Rows), itoa(g.Qualified), itoa(g.Nurture), itoa(g.Rejected),
			rendering.Percent(g.QualifiedRate()), itoa(g.Duplicates), topReasons(g)})
	}
	if lines := s.CheckLines(); len(lines) > 0 {
		checks := &rendering.Table{Header: []string{"What was not checked"}, Numeric: []bool{false}}
		for _, l := range lines {
			checks.Rows = append(checks.Rows, []string{l})
		}
		p.Sections = append(p.Sections, rendering.Section{Title: "Not checked", Note: "Read this first: a zero below is not \"none found\" where nothing was looked for.", Table: checks})
	}
	p.Sections = append(p.Sections, rendering.AgreementSection(s.Agreement), rendering.Section{Title: "Funnel per lead source",
		Note:  "Sorted by qualified leads: judge a source by the leads sales will work, not by how many it sent.",
		Chart: funnel, Table: sources})
	if s.Costs != nil {
		p.Sections = append(p.Sections, rendering.Section{Title: "Cost per lead source", Note: rendering.CostNote(s.Costs),
			Chart: rendering.CostChart(s.costRows(), 2, 5),
			Table: &rendering.Table{Header: s.costHeader(), Numeric: s.costNumeric(), Rows: s.costRows()}})
	}

	reasons := &rendering.Chart{Label: "Rows per reason code", Series: []string{"rows"}, Colors: []string{rendering.Palette[3]}}
	reasonTable := &rendering.Table{Header: []string{"Reason", "Action", "Rows", "Share", "Not checked"},
		Numeric: []bool{false, false, true, true, false}}
	for _, rs := range s.Reasons {
		if rs.Count == 0 && rs.NotChecked == 0 {
			continue
		}
		reasons.Rows = append(reasons.Rows, rendering.ChartRow{Label: string(rs.Reason), Values: []float64{float64(rs.Count)},
			Note: fmt.Sprintf("%d (%s)", rs.Count, rendering.Percent(rs.Share))})
		reasonTable.Rows = append(reasonTable.Rows, []string{string(rs.Reason), rs.Action, itoa(rs.Count), rendering.Percent(rs.Share), notChecked(rs)})
	}
	sec := rendering.Section{Title: "Reasons", Note: "A row may carry several reasons; a detector whose column is missing did not check the row (Not checked).",
		Chart: reasons, Table: reasonTable}
	if len(reasons.Rows) == 0 {
		sec.Chart, sec.Table, sec.Note = nil, nil, "No reason was found on any row."
	}
	p.Sections = append(p.Sections, sec)

	files := &rendering.Table{Header: []string{"File", "Encoding", "Delimiter", "Rows", "Qualified", "Nurture", "Rejected"},
		Numeric: []bool{false, false, false, true, true, true, true}}
	for _, f := range s.Files {
		files.Rows = append(files.Rows, []string{f.Name, f.Encoding, f.Delimiter, itoa(f.Rows), itoa(f.Qualified), itoa(f.Nurture), itoa(f.Rejected)})
	}
	p.Sections = append(p.Sections, rendering.Section{Title: "Files", Table: files})
	return p
}

// WriteHTML writes the summary as a self-contained HTML page.
func (s *Summary) WriteHTML(w io.Writer) error {
	return s.HTMLPage().Write(w)
}

func topReasons(g *GroupStats) string {
	var top []string
	for _, rc := range g.TopReasons {
		top = append(top, fmt.Sprintf("%s (%d)", rc.Reason, rc.Count))
	}
	return strings.Join(top, ", ")
}

func notChecked(rs *ReasonStats) string {
	if rs.NotChecked == 0 {
		return ""
	}
	return fmt.Sprintf("%d (%s)", rs.NotChecked, rs.Why)
}
