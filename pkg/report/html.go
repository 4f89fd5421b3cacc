package report

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
)

// Page is a self-contained HTML report: one file with its style inline,
// charts as inline SVG, no script, and a Content-Security-Policy that
// forbids loading anything, so opening it makes no network request. Every
// value is escaped by html/template. `leadclean clean --html` and
// `leadclean audit --html` render one.
type Page struct {
	Title    string
	Subtitle string
	Sections []Section
}

// Section is a heading with an optional note, chart and table.
type Section struct {
	Title string
	Note  string
	Chart *Chart
	Table *Table
}

// Table is a plain HTML table; Numeric columns are right-aligned.
type Table struct {
	Header  []string
	Numeric []bool
	Rows    [][]string
}

// Chart is a horizontal bar chart: one bar per row, each bar the stacked
// values of the series (a single series makes a plain bar chart). Bars
// share one scale, the largest row total.
type Chart struct {
	// Label describes the chart for screen readers.
	Label  string
	Series []string
	// Colors are the series' fill colours (#rrggbb); missing ones come
	// from a fixed palette.
	Colors []string
	Rows   []ChartRow
}

// ChartRow is one bar.
type ChartRow struct {
	Label  string
	Values []float64
	// Note is printed right of the bar (a rate, a total).
	Note string
}

// palette is the default series colours: qualified green, nurture amber,
// rejected red, then blue, purple and grey.
var palette = [...]string{"#2e7d32", "#f9a825", "#c62828", "#1565c0", "#6a1b9a", "#757575"}

// Chart geometry, in SVG user units.
const (
	chartWidth  = 840
	labelWidth  = 220
	barWidth    = 400
	rowHeight   = 24
	barHeight   = 16
	legendSpace = 26
)

type svgRect struct {
	X, Y, W, H float64
	Fill       string
	Title      string
}

type svgText struct {
	X, Y   float64
	Anchor string
	Text   string
}

type svgChart struct {
	Label         string
	Width, Height int
	Rects         []svgRect
	Texts         []svgText
}

// layout computes the chart's shapes.
func (c *Chart) layout() svgChart {
	out := svgChart{Label: c.Label, Width: chartWidth, Height: legendSpace + len(c.Rows)*rowHeight + 4}
	color := func(i int) string {
		if i < len(c.Colors) && c.Colors[i] != "" {
			return c.Colors[i]
		}
		return palette[i%len(palette)]
	}
	x := float64(labelWidth)
	for i, name := range c.Series {
		out.Rects = append(out.Rects, svgRect{X: x, Y: 6, W: 12, H: 12, Fill: color(i), Title: name})
		out.Texts = append(out.Texts, svgText{X: x + 16, Y: 16, Anchor: "start", Text: name})
		x += 16 + float64(7*len([]rune(name))) + 18
	}
	scale := 0.0
	for _, r := range c.Rows {
		total := 0.0
		for _, v := range r.Values {
			total += max(v, 0)
		}
		scale = max(scale, total)
	}
	for i, r := range c.Rows {
		y := float64(legendSpace + i*rowHeight)
		out.Texts = append(out.Texts, svgText{X: labelWidth - 8, Y: y + 13, Anchor: "end", Text: clip(r.Label, 32)})
		x := float64(labelWidth)
		for j, v := range r.Values {
			if v <= 0 || scale == 0 {
				continue
			}
			w := v / scale * barWidth
			name := ""
			if j < len(c.Series) {
				name = c.Series[j]
			}
			out.Rects = append(out.Rects, svgRect{X: x, Y: y + 2, W: w, H: barHeight, Fill: color(j),
				Title: fmt.Sprintf("%s: %s %s", r.Label, formatNumber(v), name)})
			x += w
		}
		if r.Note != "" {
			out.Texts = append(out.Texts, svgText{X: x + 6, Y: y + 13, Anchor: "start", Text: r.Note})
		}
	}
	return out
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func formatNumber(v float64) string {
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"svg": func(c *Chart) svgChart { return c.layout() },
	"num": func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
	"right": func(t *Table, i int) bool {
		return i < len(t.Numeric) && t.Numeric[i]
	},
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; margin: 2em auto; max-width: 960px; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
.sub { color: #555; margin-top: 0; }
.note { color: #444; }
table { border-collapse: collapse; margin: 0.8em 0; }
th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
svg { display: block; max-width: 100%; height: auto; margin: 0.6em 0; }
svg text { font: 12px system-ui, sans-serif; fill: #222; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{if .Subtitle}}<p class="sub">{{.Subtitle}}</p>{{end}}
{{range .Sections}}<section>
<h2>{{.Title}}</h2>
{{if .Note}}<p class="note">{{.Note}}</p>{{end}}
{{with .Chart}}{{with svg .}}<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{{.Label}}" viewBox="0 0 {{.Width}} {{.Height}}" width="{{.Width}}" height="{{.Height}}">
{{range .Rects}}<rect x="{{num .X}}" y="{{num .Y}}" width="{{num .W}}" height="{{num .H}}" fill="{{.Fill}}"><title>{{.Title}}</title></rect>
{{end}}{{range .Texts}}<text x="{{num .X}}" y="{{num .Y}}" text-anchor="{{.Anchor}}">{{.Text}}</text>
{{end}}</svg>
{{end}}{{end}}{{with .Table}}{{$t := .}}<table>
<thead><tr>{{range .Header}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range $i, $c := .}}<td{{if right $t $i}} class="n"{{end}}>{{$c}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}</section>
{{end}}<footer class="note"><p>Written by leadclean. This file loads nothing from the network.</p></footer>
</body>
</html>
`))

// Write renders the page.
func (p *Page) Write(w io.Writer) error {
	for _, s := range p.Sections {
		if c := s.Chart; c != nil {
			for _, col := range c.Colors {
				if !isHexColor(col) {
					return fmt.Errorf("chart %q: colour %q is not #rrggbb", c.Label, col)
				}
			}
		}
	}
	return pageTemplate.Execute(w, p)
}

func isHexColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	return strings.Trim(s[1:], "0123456789abcdefABCDEF") == ""
}

// HTMLPage returns the summary as an HTML page: the funnel per source,
// the reasons breakdown and the files read.
func (s *Summary) HTMLPage() *Page {
	p := &Page{
		Title: "leadclean summary",
		Subtitle: fmt.Sprintf("Rulebook %s. %d rows read: %d qualified, %d nurture, %d rejected (%d duplicates).",
			s.Rulebook, s.Rows, s.Qualified, s.Nurture, s.Rejected, s.Duplicates),
	}
	funnel := &Chart{Label: "Qualified, nurture and rejected leads per source", Series: []string{"qualified", "nurture", "rejected"}}
	sources := &Table{Header: []string{"Source", "Leads", "Qualified", "Nurture", "Rejected", "Qualified rate", "Duplicates", "Top reasons"},
		Numeric: []bool{false, true, true, true, true, true, true, false}}
	for _, g := range s.Sources {
		funnel.Rows = append(funnel.Rows, ChartRow{Label: g.Name,
			Values: []float64{float64(g.Qualified), float64(g.Nurture), float64(g.Rejected)},
			Note:   percent(g.QualifiedRate()) + " qualified"})
		sources.Rows = append(sources.Rows, []string{g.Name, itoa(g.Rows), itoa(g.Qualified), itoa(g.Nurture), itoa(g.Rejected),
			percent(g.QualifiedRate()), itoa(g.Duplicates), topReasons(g)})
	}
	p.Sections = append(p.Sections, AgreementSection(s.Agreement), Section{Title: "Funnel per lead source",
		Note:  "Sorted by qualified leads: judge a source by the leads sales will work, not by how many it sent.",
		Chart: funnel, Table: sources})
	if s.Costs != nil {
		p.Sections = append(p.Sections, Section{Title: "Cost per lead source", Note: CostNote(s.Costs),
			Chart: CostChart(s.costRows(), 2, 5),
			Table: &Table{Header: s.costHeader(), Numeric: s.costNumeric(), Rows: s.costRows()}})
	}

	reasons := &Chart{Label: "Rows per reason code", Series: []string{"rows"}, Colors: []string{palette[3]}}
	reasonTable := &Table{Header: []string{"Reason", "Action", "Rows", "Share", "Not checked"},
		Numeric: []bool{false, false, true, true, false}}
	for _, rs := range s.Reasons {
		if rs.Count == 0 && rs.NotChecked == 0 {
			continue
		}
		reasons.Rows = append(reasons.Rows, ChartRow{Label: string(rs.Reason), Values: []float64{float64(rs.Count)},
			Note: fmt.Sprintf("%d (%s)", rs.Count, percent(rs.Share))})
		reasonTable.Rows = append(reasonTable.Rows, []string{string(rs.Reason), rs.Action, itoa(rs.Count), percent(rs.Share), notChecked(rs)})
	}
	sec := Section{Title: "Reasons", Note: "A row may carry several reasons; a detector whose column is missing did not check the row (Not checked).",
		Chart: reasons, Table: reasonTable}
	if len(reasons.Rows) == 0 {
		sec.Chart, sec.Table, sec.Note = nil, nil, "No reason was found on any row."
	}
	p.Sections = append(p.Sections, sec)

	files := &Table{Header: []string{"File", "Encoding", "Delimiter", "Rows", "Qualified", "Nurture", "Rejected"},
		Numeric: []bool{false, false, false, true, true, true, true}}
	for _, f := range s.Files {
		files.Rows = append(files.Rows, []string{f.Name, f.Encoding, f.Delimiter, itoa(f.Rows), itoa(f.Qualified), itoa(f.Nurture), itoa(f.Rejected)})
	}
	p.Sections = append(p.Sections, Section{Title: "Files", Table: files})
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

// AgreementSection is the page's first section: the agreement the
// report applied, or that the rulebook has none.
func AgreementSection(a *Agreement) Section {
	return Section{Title: "Agreement", Note: AgreementLine(a)}
}

// CostChart charts cost per qualified lead from cost-table rows: the
// qualified count in column qualified, the cost per qualified lead in
// column perQualified. Sources without a cost or without a qualified
// lead are named in the bar's note instead of drawn.
func CostChart(rows [][]string, qualified, perQualified int) *Chart {
	c := &Chart{Label: "Cost per qualified lead by source", Series: []string{"cost per qualified lead"}, Colors: []string{palette[4]}}
	for _, r := range rows {
		v, err := strconv.ParseFloat(strings.ReplaceAll(r[perQualified], ",", ""), 64)
		if err != nil {
			note := r[perQualified-2] // the cost: "no cost given", or a cost with 0 qualified
			if r[perQualified] != "-" {
				note += ", " + r[perQualified]
			}
			c.Rows = append(c.Rows, ChartRow{Label: r[0], Note: note})
			continue
		}
		c.Rows = append(c.Rows, ChartRow{Label: r[0], Values: []float64{v}, Note: r[perQualified] + " per qualified lead (" + r[qualified] + " qualified)"})
	}
	return c
}
