package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/report/reporttest"
)

// hostileSummary has source names that would break out of HTML if they
// were not escaped.
func hostileSummary() *Summary {
	s := New("rules <b>.yaml", nil)
	s.AddFile("a.csv", "utf-8", "comma")
	for i, name := range []string{`<script>alert(1)</script>`, `Tom & "Jerry's"`, "Web"} {
		for j := 0; j <= i; j++ {
			l := &lead.Lead{File: "a.csv"}
			l.Verdict.Status = lead.Qualified
			if j%2 == 1 {
				l.Verdict.Status = lead.Rejected
				l.Verdict.Add(lead.BogusEmail, "")
			}
			s.Add(l, name)
		}
	}
	s.Finish()
	return s
}

func TestHTMLSelfContainedAndEscaped(t *testing.T) {
	var buf bytes.Buffer
	if err := hostileSummary().WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script", "<link", "@import", "url(", "src=", "<b>", `Jerry's"`} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "Tom &amp; &#34;Jerry&#39;s&#34;", "Content-Security-Policy",
		"<svg", "Funnel per lead source", "Reasons"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if n := strings.Count(page, "<svg"); n != 2 {
		t.Errorf("page has %d charts, want 2 (funnel, reasons)", n)
	}
}

func TestPageRejectsBadColour(t *testing.T) {
	p := &Page{Sections: []Section{{Chart: &Chart{Colors: []string{`red" onload="x`}}}}}
	if err := p.Write(&bytes.Buffer{}); err == nil {
		t.Fatal("a colour that is not #rrggbb was accepted")
	}
	p = &Page{Sections: []Section{{Chart: &Chart{Colors: []string{"#A1b2C3"}, Series: []string{"x"}, Rows: []ChartRow{{Label: "a", Values: []float64{1}}}}}}}
	if err := p.Write(&bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
}

func TestChartLayout(t *testing.T) {
	c := &Chart{Series: []string{"a", "b"}, Rows: []ChartRow{
		{Label: "big", Values: []float64{30, 10}, Note: "n"},
		{Label: "small", Values: []float64{0, 20}},
		{Label: "none", Values: []float64{0, 0}},
	}}
	got := c.layout()
	var bars []svgRect
	for _, r := range got.Rects[2:] { // after the two legend squares
		bars = append(bars, r)
	}
	if len(bars) != 3 {
		t.Fatalf("got %d bars, want 3 (zero values draw nothing): %+v", len(bars), bars)
	}
	if bars[0].W != 300 || bars[1].W != 100 || bars[1].X != labelWidth+300 || bars[2].W != 200 {
		t.Errorf("bar widths not on one scale: %+v", bars)
	}
	if bars[0].Fill != palette[0] || bars[2].Fill != palette[1] {
		t.Errorf("series colours: %+v", bars)
	}
}

func TestHTMLRendersInChromium(t *testing.T) {
	var buf bytes.Buffer
	if err := hostileSummary().WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	reporttest.CheckRendersInChromium(t, buf.Bytes(), 2)
}

// TestChromiumCheckCatchesProblems makes sure the check above can fail: a
// page that tries to load from the network, or throws, is caught.
func TestChromiumCheckCatchesProblems(t *testing.T) {
	browser := reporttest.Chromium(t)
	path := filepath.Join(t.TempDir(), "bad.html")
	bad := `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>` +
		`<body><img src="http://example.invalid/x.png"></body></html>`
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, log := reporttest.RunChromium(t, browser, path)
	if !reporttest.ConsoleLine.MatchString(log) {
		t.Fatalf("a blocked network load was not seen in the log:\n%s", log)
	}
}
