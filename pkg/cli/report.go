package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/leadclean/leadclean/pkg/pipeline"
	"github.com/leadclean/leadclean/pkg/rendering"
	"github.com/leadclean/leadclean/pkg/summary"
	"github.com/leadclean/leadclean/pkg/threshold"
)

// thresholdError is a completed run that crossed a --fail-if threshold;
// Main maps it to ExitThreshold.
type thresholdError struct {
	crossed []threshold.Crossing
}

func (e *thresholdError) Error() string {
	msg := "threshold crossed: " + e.crossed[0].String()
	if n := len(e.crossed); n > 1 {
		msg += fmt.Sprintf(" (and %d more)", n-1)
	}
	return msg
}

// checkThresholds evaluates --fail-if after a run whose outputs are in
// place. Every crossing is listed on stderr (unless quiet), and a
// threshold that names a source the run did not see is warned about.
func checkThresholds(s *Streams, quiet bool, sum *summary.Summary, ts []threshold.Threshold) error {
	if len(ts) == 0 {
		return nil
	}
	// Said even with -q: a scope that matches no row (a misspelt source)
	// can never fire, which changes what the threshold means.
	for _, name := range threshold.UnknownSources(sum, ts) {
		fmt.Fprintf(s.ErrOut, "leadclean: warning: --fail-if names source %q, which no row has\n", name)
	}
	crossed := threshold.Evaluate(sum, ts)
	if len(crossed) == 0 {
		return nil
	}
	if !quiet {
		for _, c := range crossed[1:] {
			fmt.Fprintf(s.ErrOut, "leadclean: threshold crossed: %s\n", c)
		}
	}
	return &thresholdError{crossed: crossed}
}

// summaryFileFormat is the rendering of --summary-file path, told by its
// extension: .json is JSON, .md and .markdown Markdown, .txt a table. Any
// other name, and - (standard output), gets JSON, or Markdown when
// --summary (stderr) is markdown.
func summaryFileFormat(path string, stderr rendering.Format) rendering.Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return rendering.FormatJSON
	case ".md", ".markdown":
		return rendering.FormatMarkdown
	case ".txt":
		return rendering.FormatTable
	}
	if stderr == rendering.FormatMarkdown {
		return rendering.FormatMarkdown
	}
	return rendering.FormatJSON
}

// progress shows rows, rows per second and the share of bytes read on a
// terminal's stderr. It is inert (every method a no-op) when stderr is
// not a terminal or the run is quiet, so pipelines and logs never see it.
type progress struct {
	inputs []pipeline.Input
	rows   func(int)
	stop   func()
}

// countingReader counts the bytes read through it; the reader goroutine
// writes, the progress bar reads.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

func startProgress(s *Streams, quiet bool, inputs []pipeline.Input) *progress {
	p := &progress{inputs: inputs, rows: func(int) {}, stop: func() {}}
	if quiet || !s.ErrIsTerminal {
		return p
	}
	var bytesRead, rows atomic.Int64
	var total int64
	known := true
	p.inputs = make([]pipeline.Input, len(inputs))
	for i, in := range inputs {
		if f, ok := in.R.(*os.File); ok && in.Name != "-" {
			if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
				total += st.Size()
			} else {
				known = false
			}
		} else {
			known = false
		}
		p.inputs[i] = pipeline.Input{Name: in.Name, R: countingReader{r: in.R, n: &bytesRead}}
	}
	start := time.Now()
	container := mpb.New(mpb.WithOutput(s.ErrOut), mpb.WithWidth(30), mpb.WithRefreshRate(200*time.Millisecond))
	text := decor.Any(func(decor.Statistics) string {
		n := rows.Load()
		line := strconv.FormatInt(n, 10) + " rows"
		if secs := time.Since(start).Seconds(); secs > 0.5 {
			line += fmt.Sprintf(", %.0f rows/s", float64(n)/secs)
		}
		if known && total > 0 {
			line += fmt.Sprintf(", %.0f%% of %s read", 100*float64(bytesRead.Load())/float64(total), byteSize(total))
		}
		return line
	})
	barTotal := total
	if !known || total == 0 {
		barTotal = 0
	}
	var bar *mpb.Bar
	if barTotal > 0 {
		bar = container.AddBar(barTotal, mpb.PrependDecorators(text), mpb.BarRemoveOnComplete())
	} else {
		bar = container.AddSpinner(0, mpb.PrependDecorators(text), mpb.BarRemoveOnComplete())
	}
	p.rows = func(n int) {
		rows.Store(int64(n))
		if barTotal > 0 {
			bar.SetCurrent(min(bytesRead.Load(), barTotal))
		}
	}
	p.stop = func() {
		bar.Abort(true)
		container.Wait()
	}
	return p
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
