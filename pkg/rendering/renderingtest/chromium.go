// Package renderingtest checks HTML reports in a real headless Chromium, for
// the tests of the packages and commands that write HTML reports.
package renderingtest

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/leadclean/leadclean/pkg/longtest"
)

// Chromium finds the browser, or skips the test unless
// LEADCLEAN_REQUIRE_CHROMIUM is set (CI sets it). Starting a browser is
// slow: the quick set of tests skips it, the long set (pkg/longtest) and
// LEADCLEAN_REQUIRE_CHROMIUM run it.
func Chromium(t testing.TB) string {
	t.Helper()
	if os.Getenv("LEADCLEAN_REQUIRE_CHROMIUM") == "" {
		longtest.Skip(t, "starts a headless Chromium")
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("LEADCLEAN_REQUIRE_CHROMIUM") != "" {
		t.Fatal("chromium is not installed and LEADCLEAN_REQUIRE_CHROMIUM is set (apt-get install -y chromium)")
	}
	t.Skip("chromium is not installed (apt-get install -y chromium); set LEADCLEAN_REQUIRE_CHROMIUM=1 to fail instead")
	return ""
}

// RunChromium loads a file in headless Chromium and returns the DOM after
// load and the browser's log (console messages included).
func RunChromium(t testing.TB, browser, path string) (dom, log string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--enable-logging=stderr", "--v=0", "--dump-dom", "file://"+path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	return stdout.String(), stderr.String()
}

// ConsoleLine matches a console message in Chromium's log.
var ConsoleLine = regexp.MustCompile(`(?m)^.*:CONSOLE[:(].*$`)

// CheckRendersInChromium opens an HTML report in headless Chromium: the
// page itself must log nothing to the console (no script error, no
// blocked request: its policy forbids every load, so a stray external
// resource shows up as a violation), and an instrumented copy measures
// each rendered chart.
func CheckRendersInChromium(t testing.TB, page []byte, wantCharts int) {
	t.Helper()
	browser := Chromium(t)
	dir := t.TempDir()
	real := filepath.Join(dir, "report.html")
	if err := os.WriteFile(real, page, 0o644); err != nil {
		t.Fatal(err)
	}
	dom, log := RunChromium(t, browser, real)
	if lines := ConsoleLine.FindAllString(log, -1); len(lines) > 0 {
		t.Errorf("the page logged to the console:\n%s", strings.Join(lines, "\n"))
	}
	if n := strings.Count(dom, "<svg"); n != wantCharts {
		t.Errorf("the DOM has %d svg elements, want %d", n, wantCharts)
	}

	// The instrumented copy: allow inline script, catch errors first,
	// measure each chart after load, and write the result into the DOM.
	inst := strings.Replace(string(page), "default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';", 1)
	inst = strings.Replace(inst, "<head>", `<head><script>window.__errors=[];window.addEventListener("error",function(e){window.__errors.push(String(e.message))});</script>`, 1)
	inst = strings.Replace(inst, "</body>", `<script>
var out = {errors: window.__errors, charts: []};
document.querySelectorAll("svg").forEach(function (svg) {
  var box = svg.getBoundingClientRect(), bars = 0;
  svg.querySelectorAll("rect").forEach(function (r) { if (r.getBBox().width > 0) bars++; });
  out.charts.push({width: box.width, height: box.height, bars: bars, texts: svg.querySelectorAll("text").length});
});
var pre = document.createElement("pre"); pre.id = "leadclean-test"; pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script></body>`, 1)
	instPath := filepath.Join(dir, "instrumented.html")
	if err := os.WriteFile(instPath, []byte(inst), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, log = RunChromium(t, browser, instPath)
	m := regexp.MustCompile(`<pre id="leadclean-test">(.*?)</pre>`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("the instrumented page did not run its check; log:\n%s", log)
	}
	var result struct {
		Errors []string
		Charts []struct {
			Width, Height float64
			Bars, Texts   int
		}
	}
	raw := strings.NewReplacer("&quot;", `"`, "&amp;", "&", "&lt;", "<", "&gt;", ">", "&#39;", "'").Replace(m[1])
	if err := json.Unmarshal([]byte(raw), &result); err != nil {
		t.Fatalf("result %q: %v", raw, err)
	}
	if len(result.Errors) > 0 {
		t.Errorf("script errors: %q", result.Errors)
	}
	if len(result.Charts) != wantCharts {
		t.Fatalf("%d charts rendered, want %d", len(result.Charts), wantCharts)
	}
	for i, c := range result.Charts {
		if c.Width < 100 || c.Height < 20 || c.Bars < 2 || c.Texts < 2 {
			t.Errorf("chart %d did not render: %+v", i, c)
		}
	}
	if lines := ConsoleLine.FindAllString(log, -1); len(lines) > 0 {
		t.Errorf("the instrumented page logged to the console:\n%s", strings.Join(lines, "\n"))
	}
}
