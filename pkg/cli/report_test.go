package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/leadclean/leadclean/pkg/pipeline"
)

func TestProgressInertOffTerminal(t *testing.T) {
	in := []pipeline.Input{{Name: "-", R: strings.NewReader("a,b\n")}}
	for _, tt := range []struct {
		terminal, quiet bool
	}{{false, false}, {true, true}, {false, true}} {
		var errOut bytes.Buffer
		p := startProgress(&Streams{ErrOut: &errOut, ErrIsTerminal: tt.terminal}, tt.quiet, in)
		if p.inputs[0].R != in[0].R {
			t.Errorf("terminal=%v quiet=%v: inputs were wrapped", tt.terminal, tt.quiet)
		}
		p.rows(10)
		p.stop()
		if errOut.Len() != 0 {
			t.Errorf("terminal=%v quiet=%v: wrote %q", tt.terminal, tt.quiet, errOut.String())
		}
	}
}

func TestProgressCountsBytes(t *testing.T) {
	var errOut bytes.Buffer
	in := []pipeline.Input{{Name: "-", R: strings.NewReader(strings.Repeat("x", 1000))}}
	p := startProgress(&Streams{ErrOut: &errOut, ErrIsTerminal: true}, false, in)
	cr, ok := p.inputs[0].R.(countingReader)
	if !ok {
		t.Fatal("the input was not wrapped in a counting reader")
	}
	n, err := io.Copy(io.Discard, p.inputs[0].R)
	if err != nil || n != 1000 || cr.n.Load() != 1000 {
		t.Errorf("read %d (%v), counted %d; want 1000", n, err, cr.n.Load())
	}
	p.rows(5)
	p.stop()
}
