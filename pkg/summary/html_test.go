package summary

import (
	"bytes"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/rendering/renderingtest"
)

// hostileSummary has source names that would break out of HTML if they
// were not escaped.
func hostileSummary() *Summary {
	s := New("rules <b>.yaml", nil)
	s.AddFile("a.csv", "utf-8", "comma")
	for i, name := range []string{`<script>alert(1)</script>`, `Tom & "Jerry's"`, "Web"} {
		for j := 0; j <= i; j++ {
			l := &lead.Lead{File: "a.csv", Source: lead.ParseSource(name)}
			l.Verdict.Status = lead.Qualified
			if j%2 == 1 {
				l.Verdict.Status = lead.Rejected
				l.Verdict.Add(lead.BogusEmail, "")
			}
			s.Add(l)
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

func TestHTMLRendersInChromium(t *testing.T) {
	var buf bytes.Buffer
	if err := hostileSummary().WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	renderingtest.CheckRendersInChromium(t, buf.Bytes(), 2)
}
