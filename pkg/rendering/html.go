package rendering

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

// Palette is the default series colours: qualified green, nurture amber,
// rejected red, then blue, purple and grey.
var Palette = [...]string{"#2e7d32", "#f9a825", "#c62828", "#1565c0", "#6a1b9a", "#757575"}

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
		return Palette[i%len(Palette)]
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
