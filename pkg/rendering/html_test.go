package rendering

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/leadclean/leadclean/pkg/rendering/renderingtest"
)

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
	if bars[0].Fill != Palette[0] || bars[2].Fill != Palette[1] {
		t.Errorf("series colours: %+v", bars)
	}
}

// TestChromiumCheckCatchesProblems makes sure the check above can fail: a
// page that tries to load from the network, or throws, is caught.
func TestChromiumCheckCatchesProblems(t *testing.T) {
	browser := renderingtest.Chromium(t)
	path := filepath.Join(t.TempDir(), "bad.html")
	bad := `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>` +
		`<body><img src="http://example.invalid/x.png"></body></html>`
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, log := renderingtest.RunChromium(t, browser, path)
	if !renderingtest.ConsoleLine.MatchString(log) {
		t.Fatalf("a blocked network load was not seen in the log:\n%s", log)
	}
}
