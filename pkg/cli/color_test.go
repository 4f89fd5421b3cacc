package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestColorEnabled(t *testing.T) {
	tests := []struct {
		name     string
		terminal bool
		env      map[string]string
		want     bool
	}{
		{"terminal", true, nil, true},
		{"terminal, TERM set", true, map[string]string{"TERM": "xterm-256color"}, true},
		{"redirected", false, nil, false},
		{"NO_COLOR=1 on a terminal", true, map[string]string{"NO_COLOR": "1"}, false},
		{"NO_COLOR=anything on a terminal", true, map[string]string{"NO_COLOR": "false"}, false},
		{"NO_COLOR empty counts as unset", true, map[string]string{"NO_COLOR": ""}, true},
		{"dumb terminal", true, map[string]string{"TERM": "dumb"}, false},
	}
	for _, tt := range tests {
		got := colorEnabled(tt.terminal, func(k string) string { return tt.env[k] })
		if got != tt.want {
			t.Errorf("%s: colorEnabled = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestErrorColors runs a failing command with and without colour: the
// prefixes are coloured only when ColorEnabled, and the text is the same.
func TestErrorColors(t *testing.T) {
	run := func(color bool) string {
		var out, errOut bytes.Buffer
		s := &Streams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, ColorEnabled: color}
		if code := Run(context.Background(), []string{"completion", "tcsh"}, s); code != ExitUsage {
			t.Fatalf("exit %d, want %d", code, ExitUsage)
		}
		return errOut.String()
	}
	plain := run(false)
	if strings.Contains(plain, "\x1b[") {
		t.Errorf("colour without ColorEnabled: %q", plain)
	}
	want := "leadclean: unknown shell \"tcsh\" (use bash, zsh, fish or powershell)\nhint: run 'leadclean --help' for usage\n"
	if plain != want {
		t.Errorf("plain = %q, want %q", plain, want)
	}
	colored := run(true)
	if !strings.HasPrefix(colored, ansiBoldRed+"leadclean:"+ansiReset+" unknown shell") || !strings.Contains(colored, ansiCyan+"hint:"+ansiReset) {
		t.Errorf("colored = %q", colored)
	}
	stripped := strings.NewReplacer(ansiBoldRed, "", ansiCyan, "", ansiReset, "").Replace(colored)
	if stripped != plain {
		t.Errorf("colour changed the text: %q", stripped)
	}
}

func TestColorWriterWarning(t *testing.T) {
	var b bytes.Buffer
	w := (&Streams{ErrOut: &b, ColorEnabled: true}).errWriter()
	w.Write([]byte("leadclean: warning: no email\n"))
	w.Write([]byte("plain line\n"))
	want := ansiYellow + "leadclean: warning:" + ansiReset + " no email\nplain line\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
